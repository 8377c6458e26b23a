"""MkDocs hook, stage 5: the whole paper as one tagged PDF, its problems as build warnings.

The pdf-export plugin (combined mode) would collect the themed pages in nav order
and write the PDF after the build. Its own writer renders every page as a separate
document with Material's full stylesheet and joins the pages afterwards, which
is slow and cannot number pages "N of M" or fill in the contents list's page
numbers. So the plugin gets this stage's renderer, through the adapter
committee_paper/pdf_plugin.py (the one place that changes the plugin, checked
against the plugin version it was written for), and this stage writes the PDF
itself once every page has rendered (on_env, after stages/one_page.py has put
the paper together as one document): the document's parts alone, with one small
print stylesheet. So the PDF exists before any page is written, and its size and
page count reach every page's download link through the page's context
(pdf_download, read by overrides/partials/paper-formats.html). The plugin prints
conversion errors and WeasyPrint logs outside MkDocs; here every WeasyPrint
warning or error becomes a warning on this hook's logger (so strict fails),
naming the page. Before the file is written, each link annotation gets the
words a screen reader announces (WeasyPrint writes the target's id) and the
PDF opens with its bookmarks shown.

A page's front matter says how it goes into the PDF (read by the paper's model,
committee_paper/sources.py): 'pdf: false' leaves it out (a page about the website
only); 'pdf_new_page: true' starts it on a new sheet (a major part); every other
page runs on from the one before. Its file name comes from extra.meeting.

WeasyPrint is imported only when the PDF is written: a build with the PDF
switched off (a preview: `mkdocs serve`, or PAPER_PDF=false) does not pay for loading it.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element
from xml.sax.saxutils import quoteattr

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from committee_paper.model.contents import ContentsEntry
from committee_paper.model.links import part_id
from committee_paper.model.paper import Paper
from committee_paper.model.settings import ConfigurationError, pdf_file_name
from committee_paper.outputs.document import Document, contents_html
from committee_paper.outputs.paper_pdf import (
    CONTENTS_MARKER,
    PDF_OPTIONS,
    after_title_block,
    download_facts,
    explain,
    headings_after,
    insert_before,
    link_description,
    paper_document,
    print_part,
    web_target,
)
from committee_paper.outputs.pdf_plugin import PdfPlugin
from committee_paper.outputs.pdf_tables import one_table_each
from committee_paper.stages.build import build_of

# PaperRenderer._finish uses WeasyPrint's internals (each page's links, a box's link_annotation), as
# they are in this version; another may have changed them, so the build stops unless it is installed.
WEASYPRINT = "weasyprint"
WEASYPRINT_WRITTEN_FOR = "70.0"
STYLESHEET = Path(__file__).parent.parent / "paper-pdf.css"  # the tool's, not the paper's
log = logging.getLogger("mkdocs.hooks.pdf_export")


def _plugin(config: MkDocsConfig) -> PdfPlugin | None:
    try:
        return PdfPlugin.of(config.plugins)
    except ConfigurationError as error:
        raise PluginError(str(error)) from None


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    plugin = _plugin(config)
    if plugin is None:
        return config
    _check_weasyprint()
    plugin.drop_log_handler()  # the plugin's on_config, just before this, added it
    if config.use_directory_urls:
        raise PluginError(
            "mkdocs.yml: set 'use_directory_urls: false'; the PDF's links between pages need page-per-file URLs"
        )
    if not STYLESHEET.is_file():
        raise PluginError(f"{STYLESHEET}: not found; it is the PDF's only stylesheet (restore it from the repository)")
    try:
        plugin.name_output(pdf_file_name(build_of(config).settings.meeting))
    except ConfigurationError as error:
        raise PluginError(str(error)) from None
    return config


def _check_weasyprint() -> None:
    try:
        installed = version(WEASYPRINT)
    except PackageNotFoundError:
        installed = "not installed"
    if installed != WEASYPRINT_WRITTEN_FOR:
        raise PluginError(
            f"{WEASYPRINT} is {installed}, but hooks/committee_paper/stages/pdf_export.py uses its internals "
            f"(the pages' links and box.link_annotation, in PaperRenderer._finish) as of {WEASYPRINT_WRITTEN_FOR}; "
            f"install {WEASYPRINT}=={WEASYPRINT_WRITTEN_FOR} (requirements.txt), or check that method against the "
            "new version and update WEASYPRINT_WRITTEN_FOR"
        )


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    plugin = _plugin(config)
    if plugin is not None:  # the plugin made its renderer in its own on_nav, just before this
        plugin.replace_renderer(PaperRenderer())
    return nav


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """The PDF, before any page is written: every page's download link then says its size and page count."""
    plugin = _plugin(config)
    build = build_of(config)
    if plugin is None or build.document is None:
        return env
    site = Path(config.site_dir).resolve()
    # Images are read where MkDocs copies them from: the site's files are copied after this event.
    sources = {file.dest_uri: file.abs_src_path for file in files if file.abs_src_path}

    def file_url(site_path: str) -> str:
        from weasyprint.urls import path2url

        return str(path2url(sources.get(site_path) or str(site / site_path)))

    pdf = site / plugin.output
    pdf.parent.mkdir(parents=True, exist_ok=True)
    # A part whose content has no <h1> is printed under its title, as its web page shows it (partials/content.html).
    titles = {file.url: file.page.title or config.site_name for file in files.documentation_pages() if file.page}
    page_count = write_pdf(config, build.loaded(), build.document, pdf, file_url, titles)
    if page_count is not None:
        build.pdf_download = download_facts(pdf.stat().st_size, page_count)
    return env


def on_page_context(context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
    download = build_of(config).pdf_download
    if download is not None:
        context["pdf_download"] = download  # type: ignore[typeddict-unknown-key]  # read by partials/paper-formats.html
    return context


class PaperRenderer:
    """Stands in for the plugin's renderer (pdf_plugin.Renderer): the PDF is written by this stage's on_env, before
    the plugin is handed any page, so what the plugin calls on it has nothing left to do."""

    def __init__(self) -> None:
        # The pages' URLs in nav order, and what the plugin hands over: set by the adapter.
        self.page_order: list[str] = []
        self.pages: list[tuple[str, str, str] | None] = []

    def add_doc(self, content: str, base_url: str, rel_url: str) -> None:
        pass  # the PDF is made from the pages' content (stages/one_page.py's document), not their themed HTML

    def add_link(self, content: str, filename: str) -> str:
        return content  # overrides/partials/paper-formats.html carries a labelled link instead of the plugin's icon

    def write_combined_pdf(self, output_path: str) -> None:
        pass  # written already, in on_env


def write_pdf(
    config: MkDocsConfig,
    paper: Paper,
    document: Document,
    output: Path,
    file_url: Callable[[str], str],
    titles: dict[str, str],
) -> int | None:
    """The document as the PDF at ``output``; its number of pages, or None when it was not written (reported)."""
    from weasyprint import HTML
    from weasyprint.urls import path2url

    site_dir = Path(config.site_dir).resolve()
    site_url = path2url(str(site_dir)).rstrip("/") + "/"
    docs_url = path2url(str(Path(config.docs_dir).resolve())).rstrip("/") + "/"
    pdf_name = output.resolve().relative_to(site_dir).as_posix()
    source_of_part = {part_id(part.url): part.source for part in document.parts}
    sections = [
        (part_id(part.url), print_part(document, part.url, titles[part.url], file_url)) for part in document.parts
    ]
    if not sections:
        log.warning(f"{pdf_name}: not written: no page of the nav could be put in it")
        return None
    first_id, first_html = sections[0]
    before = paper.settings.pdf_contents_before
    if before:
        anchor = document.ids[document.parts[0].url].get(before)
        cover = insert_before(first_html, anchor, CONTENTS_MARKER) if anchor else None
    else:
        cover = after_title_block(first_html, CONTENTS_MARKER)
    if cover is None:
        log.warning(
            f"{source_of_part[first_id]}: has no element with id '{before}', where the "
            f"cover ends and the PDF's contents list goes; add that heading or change "
            f"extra.paper.pdf_contents_before in mkdocs.yml"
        )
        cover = first_html + CONTENTS_MARKER
    # The cover's own headings after the contents list are listed under it.
    cover_headings = [
        ContentsEntry(title, heading_id)
        for heading_id, title in headings_after(cover, CONTENTS_MARKER, _titles(paper.nav))
    ]
    contents = paper.contents(lambda page: page.in_pdf, lambda uri: part_id(paper.urls[uri]))
    _put_under(contents, first_id, cover_headings)
    sections[0] = (first_id, cover.replace(CONTENTS_MARKER, contents_html(contents)))
    new_pages = {
        part_id(paper.urls[uri]) for uri, page in paper.pages.items() if page.new_pdf_page and uri in paper.urls
    }
    html = paper_document(
        title=config.site_name,
        lang=config.theme["language"],
        author=config.site_author or "",
        description=config.site_description or "",
        running_title=config.site_name,
        stylesheet=STYLESHEET.read_text(encoding="utf-8"),
        sections=sections,
        new_pages=new_pages,
        contents=contents,
    )
    found = _Found(document, sections, source_of_part)
    page_count = None
    with weasyprint_problems() as problems, out_of_collection():
        try:
            source = HTML(string=html)
            rendered = source.render(**PDF_OPTIONS)
            # WeasyPrint annotates each box inside a link too (an <abbr>, say): name them all by their link.
            links = {
                inner: link for link in source.etree_element.iter("a") if link.get("href") for inner in link.iter()
            }
            rendered.write_pdf(
                str(output),
                finisher=lambda pages, pdf: found.finish(pages, pdf, links, source.etree_element),
                **PDF_OPTIONS,
            )
            page_count = len(rendered.pages)
        except Exception as error:  # anything WeasyPrint raises must fail the build with a message, not a traceback
            log.warning(f"{pdf_name}: not written: WeasyPrint failed: {type(error).__name__}: {error}")
    for record in problems:
        log.warning(found.describe(record, (site_url, docs_url), pdf_name))
    return page_count


class _Found:
    """Where a problem of the PDF is: the pages whose parts hold what WeasyPrint names."""

    def __init__(self, document: Document, sections: list[tuple[str, str]], source_of_part: dict[str, str]) -> None:
        self.document = document
        self.sections = sections
        self.source_of_part = source_of_part

    def finish(self, document: Any, pdf: Any, links: dict[Element, Element], html: Element) -> None:
        """WeasyPrint's PDF before it is written: links named for screen readers; bookmarks shown on opening;
        a table broken over pages tagged as one."""
        import pydyf

        pdf.catalog["PageMode"] = "/UseOutlines"
        one_table_each(document, pdf, html)
        for page in document.pages:
            for *_, box in page.links:
                if box.link_annotation is None:
                    continue  # not written: its target is missing, already reported
                link = links[box.element]
                href = link.get("href", "")  # every link here has one
                description = link_description("".join(link.itertext()), href, link.get("aria-label"))
                if description:
                    box.link_annotation["Contents"] = pydyf.String(description)
                else:
                    anchor = href.lstrip("#")
                    target = (self.document.address(anchor) or web_target(anchor)) if href.startswith("#") else href
                    log.warning(
                        f"{', '.join(self.holding([f'href={quoteattr(href)}'])) or 'the PDF'}: "
                        f"in the PDF, a link to {target} "
                        f"has no words for a screen reader to announce; give it link text or an aria-label"
                    )

    def holding(self, named: list[str]) -> list[str]:
        """The source files of the parts whose HTML holds any of these strings."""
        return [
            self.source_of_part[part] for part, part_html in self.sections if any(text in part_html for text in named)
        ]

    def describe(self, record: logging.LogRecord, file_urls: tuple[str, ...], pdf_name: str) -> str:
        """WeasyPrint's message, located: the pages whose HTML holds the URL or anchor it names."""
        if isinstance(record.args, tuple):
            message_format, args = str(record.msg), record.args
        else:
            message_format, args = record.getMessage(), ()
        where = self.holding([arg for arg in args if isinstance(arg, str) and arg])
        return f"{', '.join(where) or pdf_name}: in the PDF, {explain(message_format, args, file_urls)}"


def _put_under(entries: list[ContentsEntry], target: str, children: list[ContentsEntry]) -> None:
    """``children`` under the contents entry of ``target`` (the cover's own headings under the cover)."""
    for entry in entries:
        if entry.target == target:
            entry.children = children
        _put_under(entry.children, target, children)


def _titles(entries: list[ContentsEntry]) -> set[str]:
    """Every title in the nav, case folded."""
    return {title for entry in entries for title in {entry.title.casefold()} | _titles(entry.children)}


@contextmanager
def out_of_collection() -> Iterator[None]:
    """Objects alive on entering are left out of garbage collection until the end.

    WeasyPrint makes many objects, so Python's collector runs often, and each full
    collection also walked everything the build holds (pages, nav, rendered HTML), which
    grows with the paper. Measured with gc.callbacks, collection took 1.0 of the PDF's 10
    CPU seconds for a generated paper of 81 PDF pages (3.6 of 30 for 231 pages); 0.7 (3.3)
    with this. The garbage already there is collected first, so that freezing keeps none
    of it: peak memory stays as it was. Frozen objects are still freed by reference
    counting as soon as nothing refers to them.
    """
    gc.collect()
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


@contextmanager
def weasyprint_problems() -> Iterator[list[logging.LogRecord]]:
    """Collect WeasyPrint's warnings and errors instead of letting them print (the plugin prints them)."""
    from weasyprint.logger import LOGGER as WEASYPRINT_LOG

    handler = _Collecting(logging.WARNING)
    saved = WEASYPRINT_LOG.handlers[:], WEASYPRINT_LOG.level, WEASYPRINT_LOG.propagate
    WEASYPRINT_LOG.handlers, WEASYPRINT_LOG.propagate = [handler], False
    WEASYPRINT_LOG.setLevel(logging.WARNING)
    try:
        yield handler.records
    finally:
        WEASYPRINT_LOG.handlers, level, WEASYPRINT_LOG.propagate = saved
        WEASYPRINT_LOG.setLevel(level)


class _Collecting(logging.Handler):
    """A log handler that keeps the records it is given."""

    def __init__(self, level: int) -> None:
        super().__init__(level)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)
