"""MkDocs hook, stage 7 (last): the whole built site as one zip, linked from the cover with its size.

Written last, once every page, the search index and the PDF are in place, into
the same site folder. The cover shows the zip's size, so it is the one page whose
writing waits: this stage keeps its template context instead of letting MkDocs write it
(on_post_page), and renders and writes it once, with the zip's size in its context
(``site_zip_size``), beside the zip. The zip holds the cover as the offline copy's own, rendered
again with ``offline_copy``: it says it is the offline copy and links to the PDF inside it,
and offers no zip (so the zip's size is in no file it holds). scripts/build publishes the folder only when the whole
build succeeded, so a failed build publishes neither the site nor the zip. The
zip is named after the meeting (extra.meeting), holds the site under a folder
of that name, and never itself. Entry dates come from
SOURCE_DATE_EPOCH (else the time of the build), so a build of the same commit
gives the same bytes. A preview with the PDF switched off (`mkdocs serve`, PAPER_PDF=false) makes
no zip and no link to it: a zip of the site without its PDF is not the site that
is published, and compressing it on every `mkdocs serve` rebuild costs more than
any other hook. The text files' gzip and brotli copies, for a server to send
(committee_paper/precompress.py), are written after the zip, which leaves them out.
"""

from __future__ import annotations

import logging
import os
import posixpath
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from committee_paper.model.settings import zip_file_name
from committee_paper.outputs.pdf_plugin import is_on as pdf_is_on
from committee_paper.outputs.precompress import write_compressed_copies
from committee_paper.outputs.site_zip import site_files, size_label, zip_bytes
from committee_paper.stages.build import build_of

MKDOCS_BUILD_LOG = "mkdocs.commands.build"
log = logging.getLogger("mkdocs.hooks.site_zip")


def build_epoch() -> int:
    value = os.environ.get("SOURCE_DATE_EPOCH")
    if value is None:
        return int(time.time())
    if not value.isdigit():
        raise PluginError(
            f"SOURCE_DATE_EPOCH is '{value}'; set it to a whole number of seconds since 1970 (scripts/build uses the "
            "last commit's time)"
        )
    return int(value)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    build_epoch()
    return config


def on_page_context(context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
    if page.is_homepage and pdf_is_on(config.plugins):
        build = build_of(config)
        context["site_zip"] = zip_file_name(build.settings.meeting)  # type: ignore[typeddict-unknown-key]  # read by overrides/partials/paper-formats.html
        # Rendered and written once the zip's size is known.
        build.held_pages[page.file.src_uri] = (page.file.dest_uri, page.meta.get("template", "main.html"))
        build.cover_context = context  # complete once every plugin's on_page_context has run
        _quiet_skipped(build.held_pages)
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """A page that shows the zip's size is not given to MkDocs to write (on_post_build renders and writes it).

    The zip holds the cover as the offline copy's own: rendered again from the same context with
    ``offline_copy``, it says it is the offline copy instead of offering the zip it is in.
    """
    build = build_of(config)
    held = build.held_pages
    if page.file.src_uri not in held or build.cover_context is None:
        return output
    build.offline_pages[page.file.dest_uri] = _rendered(
        config, held[page.file.src_uri][1], build.cover_context, offline_copy=True
    )
    return ""


def _rendered(config: MkDocsConfig, template_name: str, context: TemplateContext, **extra: object) -> bytes:
    """The page its template renders from ``context`` and ``extra``, encoded as MkDocs writes a page."""
    with _as_when_built(context["page"], config):  # type: ignore[arg-type]
        output = config.theme.get_env().get_template(template_name).render({**context, **extra})
    return output.encode("utf-8", errors="xmlcharrefreplace")


@contextmanager
def _as_when_built(page: Page, config: MkDocsConfig) -> Iterator[None]:
    """What the templates read as it was while MkDocs built the page (commands/build.py, _build_page): the page
    active in the menu, the url filter's page, and Material's search on (stages/indexing.py turns it off once the
    tool has written the index, so that Material's plugin does not write it again)."""
    search = config.plugins.get("material/search")
    before = page.active, config._current_page, search.config.enabled if search else None
    page.active, config._current_page = True, page
    if search:
        search.config.enabled = True
    try:
        yield
    finally:
        page.active, config._current_page = before[0], before[1]
        if search:
            search.config.enabled = before[2]


class _HeldNotSkipped(logging.Filter):
    """MkDocs says it skipped a page it was given no output for: not so for the pages this stage writes itself."""

    def __init__(self, held: dict[str, tuple[str, str]]) -> None:
        super().__init__()
        self.held = held

    def filter(self, record: logging.LogRecord) -> bool:
        return not any(record.msg == SKIPPED.format(source) for source in self.held)


SKIPPED = "Page skipped: '{}'. Generated empty output."  # MkDocs' message (commands/build.py, _build_page)


def _quiet_skipped(held: dict[str, tuple[str, str]]) -> None:
    logger = logging.getLogger(MKDOCS_BUILD_LOG)
    # An earlier build's, by name: a `mkdocs serve` rebuild imports this module afresh (plugin.py), its class anew.
    earlier = [found for found in logger.filters if type(found).__qualname__ == _HeldNotSkipped.__qualname__]
    for old in earlier:
        logger.removeFilter(old)
    logger.addFilter(_HeldNotSkipped(held))


# After every other on_post_build, the offline plugin's (-100) included: the zip holds the finished
# site, and the compressed copies for the server are made last, of the pages as the zip leaves them.
@event_priority(-200)
def on_post_build(config: MkDocsConfig) -> None:
    if not pdf_is_on(config.plugins):  # a preview
        return
    site = Path(config.site_dir)
    build = build_of(config)
    name = zip_file_name(build.settings.meeting)
    destination = site / name
    if build.cover_context is None:
        raise PluginError(f"{name}: the cover was not rendered, so no page links the zip; build the paper's index.md")
    files = dict(sorted({**site_files(site, leave_out=destination), **build.offline_pages}.items()))
    archive = zip_bytes(files, posixpath.splitext(name)[0], build_epoch())
    for path, template_name in build.held_pages.values():  # written once, here
        (site / path).write_bytes(
            _rendered(config, template_name, build.cover_context, site_zip_size=size_label(len(archive)))
        )
    destination.write_bytes(archive)
    write_compressed_copies(site)  # last: every page is written only now
