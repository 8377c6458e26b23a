"""MkDocs hook: the whole paper on one page, made from the pages as they render.

Once every page's Markdown is rendered (on_env), the pages of the nav that are
part of the paper are put together (hooks/committee_paper/whole_paper.py) into
one more page, PAGE, which is built with the theme like the others. It is left
out of the nav, the search index and the PDF. A page is left off it with front
matter `pdf: false` (a page about the website only) or `whole_paper: false`
(a page of the website's own, such as the glossary). Every page on it links to
it (overrides/main.html).
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.structure.nav import Section
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents

from committee_paper.contents import ContentsEntry, group_id
from committee_paper.links import part_id
from committee_paper.whole_paper import Part, whole_paper

PAGE = "whole-paper.md"
TITLE = "The whole paper on one page"
# Says what the reader has opened, since the page starts like the cover.
INTRO = f'<p class="whole-paper-intro"><strong>{TITLE}.</strong> Each part also has a page of its own, listed in the site menu.</p>'
log = logging.getLogger("mkdocs.hooks.whole_paper")
nav = None
parts: list[Page] = []


def on_files(files, config):
    if files.get_file_from_path(PAGE) is not None:
        raise PluginError(f"{Path(config.docs_dir).name}/{PAGE}: this name is taken by the generated one-page paper; rename the page")
    return files


def on_nav(site_nav, config, files):
    global nav
    nav = site_nav
    return site_nav


def in_whole_paper(page: Page) -> bool:
    return page.meta.get("pdf") is not False and page.meta.get("whole_paper") is not False


def on_env(env, config, files):
    global parts
    parts = [page for page in nav.pages if in_whole_paper(page)]
    if not parts:
        log.warning(f"{PAGE}: not made: every page of the nav has 'pdf: false' or 'whole_paper: false'")
        return env
    file = File.generated(config, PAGE, content="", inclusion=InclusionLevel.NOT_IN_NAV)
    page = Page(TITLE, file, config)
    docs = Path(config.docs_dir).name
    contents = _contents(nav.items)
    result = whole_paper([Part(part.file.url, f"{docs}/{part.file.src_uri}", part.content) for part in parts], contents, file.url)
    for problem in result.problems:
        log.warning(problem)
    page.markdown, page.content = "", INTRO + result.html
    page.toc = TableOfContents(_toc(contents, {part_id(part.file.url): part for part in parts}, result.ids))
    page.meta = {
        "description": f"{TITLE}: {config.site_description or config.site_name}",
        "search": {"exclude": True},  # search keeps pointing at the pages and their paragraphs
        "pdf": False,  # the PDF already is the whole paper
    }
    files.append(file)
    return env


def on_page_context(context, page, config, nav):
    if page in parts:
        context["whole_paper"] = PAGE.replace(".md", ".html")
    return context


def _contents(items) -> list[ContentsEntry]:
    """The nav's pages that are on the one page, each linked to its part; groups left empty go."""
    entries = []
    for item in items:
        if isinstance(item, Page) and item in parts:
            entries.append(ContentsEntry(item.title, part_id(item.file.url)))
        elif isinstance(item, Section):
            children = _contents(item.children)
            if children:
                entries.append(ContentsEntry(item.title, None, children))
    return entries


def _toc(entries: list[ContentsEntry], pages: dict[str, Page], ids: dict[str, dict[str, str]], level: int = 2) -> list[AnchorLink]:
    """The page's table of contents: the contents list's groups and parts, nested as in the nav."""
    toc = []
    for entry in entries:
        if entry.target is None:
            group = AnchorLink(entry.title, group_id(entry.title), level)
            group.children = _toc(entry.children, pages, ids, level + 1)
            toc.append(group)
        else:
            part = pages[entry.target]
            toc.append(_toc_entry(part, ids[part.file.url], level))
    return toc


def _toc_entry(part: Page, ids: dict[str, str], level: int) -> AnchorLink:
    """The part in the page's table of contents, with the headings and paragraphs of its own page's."""
    entry = AnchorLink(part.title, part_id(part.file.url), level)
    items = part.toc.items
    # A page's title is usually its only top entry: list what is under it.
    for item in items[0].children if len(items) == 1 and items[0].level == 1 else items:
        entry.children.append(_relinked(item, ids))
    return entry


def _relinked(item: AnchorLink, ids: dict[str, str]) -> AnchorLink:
    copy = AnchorLink(item.title, ids.get(item.id, item.id), item.level + 1)
    copy.children = [_relinked(child, ids) for child in item.children]
    return copy
