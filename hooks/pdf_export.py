"""MkDocs hook: the whole paper as one tagged PDF, its problems as build warnings.

The pdf-export plugin (combined mode) collects the pages in nav order and writes
the PDF after the build. Its own writer renders every page as a separate
document with Material's full stylesheet and joins the pages afterwards, which
is slow and cannot number pages "N of M" or fill in the contents list's page
numbers. So this hook hands the plugin a renderer that lays out the articles
alone, as one document, with one small print stylesheet. The plugin prints
conversion errors and WeasyPrint logs outside MkDocs; here every WeasyPrint
warning or error becomes a warning on this hook's logger (so strict fails),
naming the page. Once the PDF exists, its size and page count are written into
every page's download link (overrides/main.html).
"""

from __future__ import annotations

import logging
from contextlib import contextmanager
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.nav import Section
from mkdocs.structure.pages import Page
from mkdocs_pdf_export_plugin.renderer import Renderer
from weasyprint import HTML
from weasyprint.logger import LOGGER as WEASYPRINT_LOG
from weasyprint.urls import path2url

from committee_paper.paper_pdf import (
    PDF_OPTIONS, ContentsEntry, article_of, contents_html, download_facts, explain, insert_before, paper_document, part_id, print_section,
)

PLUGIN = "pdf-export"
STYLESHEET = "stylesheets/paper-pdf.css"  # under docs/, excluded from the site
CONTENTS_BEFORE = "executive-summary"  # id on the first page where the cover ends
FACTS_MARKER = "PDF<!-- paper-pdf-facts -->"  # in overrides/main.html's download link
log = logging.getLogger("mkdocs.hooks.pdf_export")


def _plugin(config):
    """The pdf-export plugin when it is on; None when switched off (PAPER_PDF=false)."""
    plugin = config.plugins.get(PLUGIN)
    return plugin if plugin is not None and plugin.enabled else None


def on_config(config):
    plugin = _plugin(config)
    if plugin is None:
        return config
    if not plugin.config["combined"]:
        raise PluginError(f"mkdocs.yml: plugins: {PLUGIN}: set 'combined: true'; the paper is published as one PDF")
    if config.use_directory_urls:
        raise PluginError("mkdocs.yml: set 'use_directory_urls: false'; the PDF's links between pages need page-per-file URLs")
    if not (Path(config.docs_dir) / STYLESHEET).is_file():
        raise PluginError(f"{Path(config.docs_dir) / STYLESHEET}: not found; it is the PDF's only stylesheet")
    return config


def on_nav(nav, config, files):
    plugin = _plugin(config)
    if plugin is not None:  # the plugin made its renderer in its own on_nav, just before this
        plugin.renderer = PaperRenderer(plugin.renderer, config, nav)
    return nav


def on_post_build(config):
    plugin = _plugin(config)
    if plugin is None:
        return
    if plugin.num_errors:
        log.warning(f"the {PLUGIN} plugin could not take {plugin.num_errors} page(s) into the PDF; its messages are above")
    renderer = plugin.renderer
    if renderer.page_count is None:
        return  # not written; already reported
    pdf = Path(config.site_dir) / plugin.config["combined_output_path"]
    facts = download_facts(pdf.stat().st_size, renderer.page_count)
    for page in Path(config.site_dir).rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if FACTS_MARKER in text:
            page.write_text(text.replace(FACTS_MARKER, facts), encoding="utf-8")


class PaperRenderer(Renderer):
    """The plugin's renderer, taking over its state, with its combined writer replaced."""

    def __init__(self, renderer: Renderer, config, nav):
        vars(self).update(vars(renderer))
        self.mkdocs_config = config
        self.nav = nav  # its pages have titles once read, after this
        self.sources = {page.file.url: f"{Path(config.docs_dir).name}/{page.file.src_uri}" for page in nav.pages}
        self.source_of_part = {part_id(url): source for url, source in self.sources.items()}
        self.page_count: int | None = None

    def add_doc(self, content: str, base_url: str, rel_url: str):
        if rel_url in self.page_order:  # pages outside the nav are not part of the paper
            super().add_doc(content, base_url, rel_url)

    def add_link(self, content: str, filename: str) -> str:
        return content  # overrides/main.html carries a labelled link instead of the plugin's icon

    def write_combined_pdf(self, output_path: str):
        config = self.mkdocs_config
        site_dir = Path(config.site_dir).resolve()
        site_url = path2url(str(site_dir)).rstrip("/") + "/"
        pdf_name = Path(output_path).resolve().relative_to(site_dir).as_posix()
        sections = self._sections()
        if not sections:
            log.warning(f"{pdf_name}: not written: no page of the nav could be put in it")
            return
        first_id, first_html = sections[0]
        cover = insert_before(first_html, f"{first_id}:{CONTENTS_BEFORE}", contents_html(_contents(self.nav.items)))
        if cover is None:
            log.warning(f"{self.source_of_part[first_id]}: has no element with id '{CONTENTS_BEFORE}', where the "
                        f"cover ends and the PDF's contents list goes; add that heading or change CONTENTS_BEFORE "
                        f"in hooks/pdf_export.py")
            cover = first_html + contents_html(_contents(self.nav.items))
        sections[0] = (first_id, cover)
        document = paper_document(
            title=config.site_name, lang=config.theme["language"], author=config.site_author or "",
            description=config.site_description or "", running_title=config.site_name,
            stylesheet=(Path(config.docs_dir) / STYLESHEET).read_text(encoding="utf-8"), sections=sections,
        )
        with weasyprint_problems() as problems:
            try:
                rendered = HTML(string=document).render(**PDF_OPTIONS)
                rendered.write_pdf(output_path, **PDF_OPTIONS)
                self.page_count = len(rendered.pages)
            except Exception as error:  # anything WeasyPrint raises must fail the build with a message, not a traceback
                log.warning(f"{pdf_name}: not written: WeasyPrint failed: {type(error).__name__}: {error}")
        for record in problems:
            log.warning(self._describe(record, sections, site_url, pdf_name))

    def _sections(self) -> list[tuple[str, str]]:
        sections = []
        for url, stored in zip(self.page_order, self.pages):
            if stored is None:
                log.warning(f"{self.sources[url]}: missing from the PDF: the {PLUGIN} plugin did not receive the page")
                continue
            content, file_url, _ = stored
            article = article_of(content)
            if article is None:
                log.warning(f"{self.sources[url]}: missing from the PDF: the page has no "
                            f'<article class="md-content__inner md-typeset"> (has the theme changed?)')
                continue
            sections.append((part_id(url), print_section(article, url, file_url)))
        return sections

    def _describe(self, record: logging.LogRecord, sections, site_url: str, pdf_name: str) -> str:
        """WeasyPrint's message, located: the pages whose HTML holds the URL or anchor it names."""
        if isinstance(record.args, tuple):
            message_format, args = str(record.msg), record.args
        else:
            message_format, args = record.getMessage(), ()
        named = [arg for arg in args if isinstance(arg, str) and arg]
        where = [self.source_of_part[part] for part, html in sections if any(arg in html for arg in named)]
        return f"{', '.join(where) or pdf_name}: in the PDF, {explain(message_format, args, site_url)}"


def _contents(items) -> list[ContentsEntry]:
    """The contents list: the nav, each page linked to its part of the PDF."""
    entries = []
    for item in items:
        if isinstance(item, Page):
            entries.append(ContentsEntry(item.title, part_id(item.file.url)))
        elif isinstance(item, Section):
            entries.append(ContentsEntry(item.title, None, _contents(item.children)))
    return entries


@contextmanager
def weasyprint_problems():
    """Collect WeasyPrint's warnings and errors instead of letting them print (the plugin prints them)."""
    records: list[logging.LogRecord] = []
    handler = logging.Handler(logging.WARNING)
    handler.emit = records.append
    saved = WEASYPRINT_LOG.handlers[:], WEASYPRINT_LOG.level, WEASYPRINT_LOG.propagate
    WEASYPRINT_LOG.handlers, WEASYPRINT_LOG.propagate = [handler], False
    WEASYPRINT_LOG.setLevel(logging.WARNING)
    try:
        yield records
    finally:
        WEASYPRINT_LOG.handlers, level, WEASYPRINT_LOG.propagate = saved
        WEASYPRINT_LOG.setLevel(level)
