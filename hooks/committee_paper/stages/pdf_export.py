"""MkDocs hook, stage 5: the whole paper as one tagged PDF, its problems as build warnings.

The pdf-export plugin (combined mode) collects the pages in nav order and writes
the PDF after the build. Its own writer renders every page as a separate
document with Material's full stylesheet and joins the pages afterwards, which
is slow and cannot number pages "N of M" or fill in the contents list's page
numbers. So this hook hands the plugin a renderer that lays out the articles
alone, as one document, with one small print stylesheet, through the adapter
committee_paper/pdf_plugin.py (the one place that changes the plugin, checked
against the plugin version it was written for). The plugin prints
conversion errors and WeasyPrint logs outside MkDocs; here every WeasyPrint
warning or error becomes a warning on this hook's logger (so strict fails),
naming the page. Before the file is written, each link annotation gets the
words a screen reader announces (WeasyPrint writes the target's id) and the
PDF opens with its bookmarks shown. Once the PDF exists, its size and page
count are written into every page's download link (overrides/main.html).

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
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element
from xml.sax.saxutils import quoteattr

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation

from committee_paper.build import build_of
from committee_paper.contents import ContentsEntry, contents_html
from committee_paper.links import part_id
from committee_paper.paper import Paper
from committee_paper.paper_pdf import (
    CONTENTS_MARKER,
    PDF_OPTIONS,
    after_title_block,
    article_of,
    download_facts,
    explain,
    headings_after,
    insert_before,
    link_description,
    paper_document,
    print_section,
    web_target,
)
from committee_paper.pdf_plugin import NAME as PDF_PLUGIN
from committee_paper.pdf_plugin import PdfPlugin
from committee_paper.settings import ConfigurationError, pdf_file_name

# PaperRenderer._finish uses WeasyPrint's internals (each page's links, a box's link_annotation), as
# they are in this version; another may have changed them, so the build stops unless it is installed.
WEASYPRINT = "weasyprint"
WEASYPRINT_WRITTEN_FOR = "70.0"
STYLESHEET = Path(__file__).parent.parent / "paper-pdf.css"  # the tool's, not the paper's
FACTS_MARKER = "PDF<!-- paper-pdf-facts -->"  # in overrides/main.html's download link
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
        plugin.replace_renderer(PaperRenderer(config, build_of(config).loaded()))
    return nav


def on_post_build(config: MkDocsConfig) -> None:
    plugin = _plugin(config)
    if plugin is None:
        return
    if plugin.errors:
        log.warning(
            f"the {PDF_PLUGIN} plugin could not take {plugin.errors} page(s) into the PDF; its messages are above"
        )
    renderer = plugin.renderer
    if renderer.page_count is None:
        return  # not written; already reported
    pdf = Path(config.site_dir) / plugin.output
    facts = download_facts(pdf.stat().st_size, renderer.page_count)
    for page in Path(config.site_dir).rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if FACTS_MARKER in text:
            page.write_text(text.replace(FACTS_MARKER, facts), encoding="utf-8")


class PaperRenderer:
    """Stands in for the plugin's renderer (pdf_plugin.Renderer), with its own combined writer.

    Not a subclass: the plugin's renderer module imports WeasyPrint, which this hook
    loads only when it writes the PDF.
    """

    def __init__(self, config: MkDocsConfig, paper: Paper) -> None:
        # The pages' URLs in nav order, and what the plugin hands over: set by the adapter.
        self.page_order: list[str] = []
        self.pages: list[tuple[str, str, str] | None] = []
        self.mkdocs_config = config
        self.paper = paper
        self.page_of = {url: paper.pages[uri] for uri, url in paper.urls.items()}
        self.source_of_part = {part_id(url): page.path for url, page in self.page_of.items()}
        self.page_count: int | None = None

    def add_doc(self, content: str, base_url: str, rel_url: str) -> None:
        if rel_url in self.page_order:  # pages outside the nav are not part of the paper
            self.pages[self.page_order.index(rel_url)] = (content, base_url, rel_url)

    def add_link(self, content: str, filename: str) -> str:
        return content  # overrides/main.html carries a labelled link instead of the plugin's icon

    def write_combined_pdf(self, output_path: str) -> None:
        from weasyprint import HTML
        from weasyprint.urls import path2url

        config = self.mkdocs_config
        site_dir = Path(config.site_dir).resolve()
        site_url = path2url(str(site_dir)).rstrip("/") + "/"
        pdf_name = Path(output_path).resolve().relative_to(site_dir).as_posix()
        sections = self._sections()
        if not sections:
            log.warning(f"{pdf_name}: not written: no page of the nav could be put in it")
            return
        first_id, first_html = sections[0]
        before = self.paper.settings.pdf_contents_before
        cover = (
            insert_before(first_html, f"{first_id}:{before}", CONTENTS_MARKER)
            if before
            else after_title_block(first_html, CONTENTS_MARKER)
        )
        if cover is None:
            log.warning(
                f"{self.source_of_part[first_id]}: has no element with id '{before}', where the "
                f"cover ends and the PDF's contents list goes; add that heading or change "
                f"extra.paper.pdf_contents_before in mkdocs.yml"
            )
            cover = first_html + CONTENTS_MARKER
        # The cover's own headings after the contents list are listed under it.
        cover_headings = [
            ContentsEntry(title, heading_id)
            for heading_id, title in headings_after(cover, CONTENTS_MARKER, _titles(self.paper.nav))
        ]
        parts = {part for part, _ in sections}
        contents = self.paper.contents(
            lambda page: part_id(self.paper.urls[page.uri]) in parts, lambda uri: part_id(self.paper.urls[uri])
        )
        _put_under(contents, first_id, cover_headings)
        sections[0] = (first_id, cover.replace(CONTENTS_MARKER, contents_html(contents)))
        new_pages = {part_id(url) for url, page in self.page_of.items() if page.new_pdf_page}
        document = paper_document(
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
        with weasyprint_problems() as problems, out_of_collection():
            try:
                source = HTML(string=document)
                rendered = source.render(**PDF_OPTIONS)
                # WeasyPrint annotates each box inside a link too (an <abbr>, say): name them all by their link.
                links = {
                    inner: link for link in source.etree_element.iter("a") if link.get("href") for inner in link.iter()
                }
                rendered.write_pdf(
                    output_path,
                    finisher=lambda document, pdf: self._finish(document, pdf, links, sections),
                    **PDF_OPTIONS,
                )
                self.page_count = len(rendered.pages)
            except Exception as error:  # anything WeasyPrint raises must fail the build with a message, not a traceback
                log.warning(f"{pdf_name}: not written: WeasyPrint failed: {type(error).__name__}: {error}")
        for record in problems:
            log.warning(self._describe(record, sections, site_url, pdf_name))

    def _sections(self) -> list[tuple[str, str]]:
        sections = []
        for url, stored in zip(self.page_order, self.pages, strict=True):
            if not self.page_of[url].in_pdf:
                continue  # about the website only
            if stored is None:
                log.warning(
                    f"{self.page_of[url].path}: missing from the PDF: the {PDF_PLUGIN} plugin did not receive the page"
                )
                continue
            content, file_url, _ = stored
            article = article_of(content)
            if article is None:
                log.warning(
                    f"{self.page_of[url].path}: missing from the PDF: the page has no "
                    f'<article class="md-content__inner md-typeset"> (has the theme changed?)'
                )
                continue
            sections.append((part_id(url), print_section(article, url, file_url)))
        return sections

    def _finish(self, document: Any, pdf: Any, links: dict[Element, Element], sections: list[tuple[str, str]]) -> None:
        """WeasyPrint's PDF before it is written: links named for screen readers; bookmarks shown on opening."""
        import pydyf

        pdf.catalog["PageMode"] = "/UseOutlines"
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
                    log.warning(
                        f"{', '.join(self._pages_holding([f'href={quoteattr(href)}'], sections)) or 'the PDF'}: "
                        f"in the PDF, a link to {web_target(href.lstrip('#')) if href.startswith('#') else href} "
                        f"has no words for a screen reader to announce; give it link text or an aria-label"
                    )

    def _pages_holding(self, named: list[str], sections: list[tuple[str, str]]) -> list[str]:
        """The source files of the parts whose HTML holds any of these strings."""
        return [self.source_of_part[part] for part, part_html in sections if any(text in part_html for text in named)]

    def _describe(
        self, record: logging.LogRecord, sections: list[tuple[str, str]], site_url: str, pdf_name: str
    ) -> str:
        """WeasyPrint's message, located: the pages whose HTML holds the URL or anchor it names."""
        if isinstance(record.args, tuple):
            message_format, args = str(record.msg), record.args
        else:
            message_format, args = record.getMessage(), ()
        where = self._pages_holding([arg for arg in args if isinstance(arg, str) and arg], sections)
        return f"{', '.join(where) or pdf_name}: in the PDF, {explain(message_format, args, site_url)}"


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
