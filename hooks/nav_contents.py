"""MkDocs hook: a contents list of the whole paper, rendered from the nav where a page asks for it."""

from mkdocs.structure.nav import Section
from mkdocs.structure.pages import Page

from committee_paper.nav_contents import NavEntry, render_nav_contents
from committee_paper.nav_titles import page_title
from committee_paper.sources import SourcePage

entries: list[NavEntry] = []


def _entries(items) -> list[NavEntry]:
    found = []
    for item in items:
        if isinstance(item, Section):
            found.append(NavEntry(item.title, children=_entries(item.children)))
        elif isinstance(item, Page):
            found.append(NavEntry(_title(item), item.file.src_uri))
    return found


def _title(page: Page) -> str:
    """The page's title as the nav will show it, known before MkDocs reads the page (the
    cover is rendered first): its nav label, else its front matter title, else its first heading."""
    if page.title:
        return page.title
    return page_title(SourcePage(page.file.src_uri, page.file.src_uri, page.file.content_string)) or page.file.name


def on_nav(nav, config, files):
    global entries
    entries = _entries(nav.items)
    return nav


def on_page_markdown(markdown, page, config, files):
    return render_nav_contents(markdown, entries, page.file.src_uri)
