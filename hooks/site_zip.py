"""MkDocs hook: the whole built site as one zip, linked from the cover with its size.

Written last, once every page, the search index and the PDF are in place, into
the same site folder: scripts/build publishes that folder only when the whole
build succeeded, so a failed build publishes neither the site nor the zip. The
zip is named after the meeting (extra.meeting), holds the site under a folder
of that name, and never itself. Entry dates come from
SOURCE_DATE_EPOCH (else the time of the build), so a build of the same commit
gives the same bytes. A preview with the PDF switched off (PAPER_PDF=false) makes
no zip and no link to it: a zip of the site without its PDF is not the site that
is published, and compressing it on every `mkdocs serve` rebuild costs more than
any other hook. The text files' gzip and brotli copies, for a server to send
(committee_paper/precompress.py), are written after the zip, which leaves them out.
"""

from __future__ import annotations

import datetime
import logging
import os
import posixpath
import time
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from markdown.extensions.toc import slugify

from committee_paper.precompress import write_compressed_copies
from committee_paper.settings import pdf_plugin
from committee_paper.site_zip import site_files, size_label, zip_with_own_size

MARKER = b"<!-- site-zip-facts -->"  # after "ZIP" in overrides/main.html's link
log = logging.getLogger("mkdocs.hooks.site_zip")


def zip_name(config) -> str:
    """Named after the meeting, e.g. overview-and-scrutiny-committee-2014-12-05-website.zip."""
    meeting = config.extra.get("meeting") or {}
    committee, date = meeting.get("committee"), meeting.get("date")
    if not committee or not isinstance(date, datetime.date):
        raise PluginError("mkdocs.yml: the site's zip is named after the meeting: set extra.meeting.committee and extra.meeting.date (YYYY-MM-DD)")
    return f"{slugify(str(committee), '-')}-{date.isoformat()}-website.zip"


def build_epoch() -> int:
    value = os.environ.get("SOURCE_DATE_EPOCH")
    if value is None:
        return int(time.time())
    if not value.isdigit():
        raise PluginError(f"SOURCE_DATE_EPOCH is '{value}'; set it to a whole number of seconds since 1970 (scripts/build uses the last commit's time)")
    return int(value)


def on_config(config):
    zip_name(config)
    build_epoch()
    return config


def on_page_context(context, page, config, nav):
    if page.is_homepage and pdf_plugin(config.plugins) is not None:
        context["site_zip"] = zip_name(config)
    return context


@event_priority(-200)  # after every other on_post_build, the offline plugin's (-100) included
def on_post_build(config):
    if pdf_plugin(config.plugins) is None:  # a preview
        return
    site = Path(config.site_dir)
    name = zip_name(config)
    destination = site / name
    files = site_files(site, leave_out=destination)
    archive, pages, text = zip_with_own_size(files, posixpath.splitext(name)[0], build_epoch(), MARKER, lambda size: f", {size_label(size)}")
    if not pages:
        log.warning(f"{name}: no page shows its size: the cover's link (overrides/main.html, marker {MARKER.decode()}) is missing")
    if text != f", {size_label(len(archive))}":
        log.warning(f"{name}: the cover says 'ZIP{text}' but the zip has {len(archive)} bytes; report this as a bug in hooks/committee_paper/site_zip.py")
    for page, data in pages.items():
        (site / page).write_bytes(data)
    destination.write_bytes(archive)
    write_compressed_copies(site)  # last: the pages above are final only now
