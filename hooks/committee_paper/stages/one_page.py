"""MkDocs hook, stage 6: the paper as one document, and the whole paper on one page made from it.

Once every page's Markdown is rendered (on_env), the pages of the nav that go into
the PDF are put together once as one document (committee_paper/outputs/document.py), which
the PDF (stages/pdf_export.py, next) prints. Those of its parts that go on the one
page make one more page, PAGE (committee_paper/outputs/whole_paper.py), which is built with
the theme like the others. It is left
out of the nav, the search index and the PDF. A page is left off it with front
matter `pdf: false` (a page about the website only) or `whole_paper: false`
(a page of the website's own, such as the glossary). Every page on it links to
it (overrides/partials/paper-formats.html).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents
from mkdocs.utils.templates import TemplateContext

from committee_paper.markup import tokens
from committee_paper.model.contents import ContentsEntry, group_id
from committee_paper.model.links import part_id
from committee_paper.outputs.document import Part, assemble
from committee_paper.outputs.whole_paper import whole_paper
from committee_paper.render.title import title_parts
from committee_paper.stages.build import build_of

PAGE = "whole-paper.md"
TITLE = "The whole paper on one page"
# Says what the reader has opened, since the page starts like the cover.
INTRO = (
    f'<p class="whole-paper-intro"><strong>{TITLE}.</strong> '
    "Each part also has a page of its own, listed in the site menu.</p>"
)
log = logging.getLogger("mkdocs.hooks.whole_paper")


def on_files(files: Files, config: MkDocsConfig) -> Files:
    if files.get_file_from_path(PAGE) is not None:
        raise PluginError(
            f"{Path(config.docs_dir).name}/{PAGE}: this name is taken by the generated one-page paper; rename the page"
        )
    return files


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    build = build_of(config)
    paper = build.loaded()
    by_uri = {file.src_uri: file.page for file in files.documentation_pages() if file.page is not None}
    # The paper as one document, once: the pages of the nav that go into the PDF, as they rendered.
    in_document = [page for page in paper.reading_order() if page.in_pdf]
    build.document = assemble(
        [
            Part(paper.urls[page.uri], page.path, by_uri[page.uri].content or "", page.in_whole_paper)
            for page in in_document
        ]
    )
    parts = [by_uri[page.uri] for page in in_document if page.in_whole_paper]
    build.whole_paper_parts = [part.file.src_uri for part in parts]
    if not parts:
        log.warning(f"{PAGE}: not made: every page of the nav has 'pdf: false' or 'whole_paper: false'")
        return env
    file = File.generated(config, PAGE, content="", inclusion=InclusionLevel.NOT_IN_NAV)
    page = Page(TITLE, file, config)
    contents = paper.contents(lambda page: page.in_whole_paper, lambda uri: part_id(paper.urls[uri]))
    result = whole_paper(build.document, contents, file.url)
    for problem in result.problems:
        log.warning(problem)
    page.markdown, page.content = "", INTRO + result.html
    build.title_parts[PAGE] = title_parts(tokens(page.content))
    by_part = {part_id(part.file.url): part for part in parts}
    page.toc = TableOfContents(
        _toc(
            contents,
            lambda target: _toc_entry(
                by_part[target], paper.title(by_part[target].file.src_uri) or "", result.ids[by_part[target].file.url]
            ),
        )
    )
    page.meta = {
        "description": f"{TITLE}: {config.site_description or config.site_name}",
        "search": {"exclude": True},  # search keeps pointing at the pages and their paragraphs
    }
    files.append(file)
    return env


def on_page_context(context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
    if page.file.src_uri in build_of(config).whole_paper_parts:
        context["whole_paper"] = PAGE.replace(".md", ".html")  # type: ignore[typeddict-unknown-key]  # read by overrides/partials/paper-formats.html
    return context


def _toc(entries: list[ContentsEntry], part_entry: Callable[[str], AnchorLink], level: int = 2) -> list[AnchorLink]:
    """The page's table of contents: the contents list's groups and parts, nested as in the nav."""
    toc = []
    for entry in entries:
        if entry.target is None:
            group = AnchorLink(entry.title, group_id(entry.title), level)
            group.children = _toc(entry.children, part_entry, level + 1)
            toc.append(group)
        else:
            toc.append(_shifted(part_entry(entry.target), level - 2))
    return toc


def _shifted(item: AnchorLink, by: int) -> AnchorLink:
    item.level += by
    for child in item.children:
        _shifted(child, by)
    return item


def _toc_entry(part: Page, title: str, ids: dict[str, str]) -> AnchorLink:
    """The part in the page's table of contents, with the headings and paragraphs of its own page's."""
    entry = AnchorLink(title, part_id(part.file.url), 2)
    items = part.toc.items
    # A page's title is usually its only top entry: list what is under it.
    for item in items[0].children if len(items) == 1 and items[0].level == 1 else items:
        entry.children.append(_relinked(item, ids))
    return entry


def _relinked(item: AnchorLink, ids: dict[str, str]) -> AnchorLink:
    copy = AnchorLink(item.title, ids.get(item.id, item.id), item.level + 1)
    copy.children = [_relinked(child, ids) for child in item.children]
    return copy
