"""MkDocs hook, stage 7 (last): the whole built site as one zip, linked from the cover with its size.

Written last, once every page, the search index and the PDF are in place, into
the same site folder: scripts/build publishes that folder only when the whole
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
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from committee_paper.build import build_of
from committee_paper.pdf_plugin import is_on as pdf_is_on
from committee_paper.precompress import write_compressed_copies
from committee_paper.settings import zip_file_name
from committee_paper.site_zip import site_files, size_label, zip_with_own_size

MARKER = b"<!-- site-zip-facts -->"  # after "ZIP" in overrides/main.html's link
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
        context["site_zip"] = zip_file_name(build_of(config).settings.meeting)  # type: ignore[typeddict-unknown-key]  # read by overrides/main.html
    return context


# After every other on_post_build, the offline plugin's (-100) included: the zip holds the finished
# site, and the compressed copies for the server are made last, of the pages as the zip leaves them.
@event_priority(-200)
def on_post_build(config: MkDocsConfig) -> None:
    if not pdf_is_on(config.plugins):  # a preview
        return
    site = Path(config.site_dir)
    name = zip_file_name(build_of(config).settings.meeting)
    destination = site / name
    files = site_files(site, leave_out=destination)
    archive, pages, text = zip_with_own_size(
        files, posixpath.splitext(name)[0], build_epoch(), MARKER, lambda size: f", {size_label(size)}"
    )
    if not pages:
        log.warning(
            f"{name}: no page shows its size: the cover's link (overrides/main.html, marker {MARKER.decode()}) is "
            "missing"
        )
    if text != f", {size_label(len(archive))}":
        log.warning(
            f"{name}: the cover says 'ZIP{text}' but the zip has {len(archive)} bytes; report this as a bug in "
            "hooks/committee_paper/site_zip.py"
        )
    for page, data in pages.items():
        (site / page).write_bytes(data)
    destination.write_bytes(archive)
    write_compressed_copies(site)  # last: the pages above are final only now
