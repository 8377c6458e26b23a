"""MkDocs hook: check the background papers, cross-references and abbreviations on every build."""

import datetime
import logging
from pathlib import Path

from mkdocs.exceptions import PluginError

from committee_paper.checks import check_paper
from committee_paper.contacts import CONTACTS_FILE, load_contacts
from committee_paper.sources import SourcePage

ABBREVIATIONS = "includes/abbreviations.md"
log = logging.getLogger("mkdocs.hooks.check_paper")


def _source(docs: Path, uri: str) -> SourcePage:
    return SourcePage(f"{docs.name}/{uri}", uri, (docs / uri).read_text(encoding="utf-8"))


def on_files(files, config):
    meeting = (config.extra.get("meeting") or {}).get("date")
    if not isinstance(meeting, datetime.date):
        raise PluginError(f"mkdocs.yml: extra.meeting.date is '{meeting}'; set it to the meeting's date as YYYY-MM-DD")
    docs = Path(config.docs_dir)
    if not (docs / ABBREVIATIONS).is_file():
        raise PluginError(f"{docs.name}/{ABBREVIATIONS}: not found; the abbreviations shown on hover are defined there")
    pages = [_source(docs, file.src_uri) for file in files.documentation_pages()]
    # contact_blocks reports the contacts file's own problems; here it is only read.
    contacts, _ = load_contacts((docs / CONTACTS_FILE).read_text(encoding="utf-8"), "")
    for problem in check_paper(pages, _source(docs, ABBREVIATIONS), contacts, meeting):
        log.warning(str(problem))
    return files
