"""MkDocs hook: a contents list of the whole paper, rendered from the nav where a page asks for it."""

from mkdocs.structure.nav import Section
from mkdocs.structure.pages import Page

from committee_paper.nav_contents import NavEntry, render_nav_contents

entries: list[NavEntry] = []


def _entries(items) -> list[NavEntry]:
    found = []
    for item in items:
        if isinstance(item, Section):
            found.append(NavEntry(item.title, children=_entries(item.children)))
        elif isinstance(item, Page):
            found.append(NavEntry(item.title, item.file.src_uri))
    return found


def on_nav(nav, config, files):
    global entries
    entries = _entries(nav.items)
    return nav


def on_page_markdown(markdown, page, config, files):
    return render_nav_contents(markdown, entries, page.file.src_uri)
