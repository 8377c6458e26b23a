"""The paper's own settings, read from mkdocs.yml's ``extra:`` block and checked.

Everything that differs from one committee paper to the next and is not content
lives here: the meeting, the shape of the list of background papers, the date
style. A mistake is a ``ConfigurationError`` whose message says what to set.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from .contacts import CONTACTS_FILE

ABBREVIATIONS_FILE = "includes/abbreviations.md"
PDF_PLUGIN = "pdf-export"  # mkdocs-pdf-export-plugin, as mkdocs.yml names it
# Files under docs/ the build cannot start without, and why (README, 'For editors').
REQUIRED_FILES = {
    CONTACTS_FILE: "the contact officers must be listed there (see README, 'For editors')",
    ABBREVIATIONS_FILE: "the abbreviations shown on hover are defined there (see README, 'For editors')",
}


def pdf_plugin(plugins: Mapping):
    """The PDF plugin when it is on; None without it, or for a preview (PAPER_PDF=false: MkDocs then does not load it)."""
    plugin = plugins.get(PDF_PLUGIN)
    return plugin if plugin is not None and plugin.enabled else None


class ConfigurationError(Exception):
    """A mistake in mkdocs.yml or a missing required file: the build cannot start."""


@dataclass(frozen=True)
class Meeting:
    council: str
    committee: str
    date: date

    @property
    def long_date(self) -> str:
        """As committee papers write it: "5 December 2014"."""
        return f"{self.date:%-d %B %Y}"


@dataclass(frozen=True)
class BackgroundPaperRules:
    header: tuple[str, str, str]  # the table's three column headings: paper, date, Name/Directorate/Tel
    date_formats: tuple[str, ...]  # strptime formats, e.g. "%B %Y" for "September 2014"
    appendix_for_each: bool  # every background paper must have an appendix page

    def parse_date(self, text: str) -> tuple[date, bool] | None:
        """The date and whether it names a day; None when no format fits. "Sept" is read as "Sep"."""
        cleaned = re.sub(r"\bSept\b", "Sep", text.strip())
        for fmt in self.date_formats:
            try:
                return datetime.strptime(cleaned, fmt).date(), "%d" in fmt
            except ValueError:
                continue
        return None

    def date_examples(self, when: date) -> str:
        """``when`` written in each accepted format: "'December 2014' or 'Dec 2014'"."""
        examples = dict.fromkeys(f"'{when.strftime(fmt.replace('%d', '%-d'))}'" for fmt in self.date_formats)
        return " or ".join(examples)


def _setting(extra: Mapping, path: str, kind: type, fix: str):
    value = extra
    for key in path.split("."):
        value = value.get(key) if isinstance(value, Mapping) else None
    if not isinstance(value, kind) or value in ("", [], ()):
        shown = "missing" if value is None else f"'{value}'"
        raise ConfigurationError(f"mkdocs.yml: extra.{path} is {shown}; {fix}")
    return value


def read_meeting(extra: Mapping) -> Meeting:
    """``extra.meeting``: the council, committee and date of the meeting the paper goes to."""
    return Meeting(
        council=_setting(extra, "meeting.council", str, "set it to the council's name, as in 'Example County Council'"),
        committee=_setting(extra, "meeting.committee", str, "set it to the committee's name, as in 'Cabinet'"),
        date=_setting(extra, "meeting.date", date, "set it to the meeting's date as YYYY-MM-DD"),
    )


def read_background_paper_rules(extra: Mapping) -> BackgroundPaperRules:
    """``extra.paper.background_papers``: how this paper's list of background papers is written."""
    where = "paper.background_papers"
    header = _setting(extra, f"{where}.header", list, "set it to the table's three column headings, as in [Paper, Date, Contact/Directorate/Tel]")
    if len(header) != 3 or not all(isinstance(cell, str) and cell.strip() for cell in header):
        raise ConfigurationError(f"mkdocs.yml: extra.{where}.header is {header}; it needs three column headings: the paper, its date and its contact (Name/Directorate/Tel)")
    formats = _setting(extra, f"{where}.date_formats", list, "set it to the ways dates are written, as in ['%B %Y', '%b %Y'] for 'September 2014' or 'Sep 2014'")
    if not all(isinstance(fmt, str) and "%Y" in fmt for fmt in formats):
        raise ConfigurationError(f"mkdocs.yml: extra.{where}.date_formats is {formats}; each must be a date format with a year (%Y), as in '%B %Y'")
    every = _setting(extra, f"{where}.appendix_for_each", bool, "set it to true if every background paper must have an appendix page, or false")
    return BackgroundPaperRules(tuple(header), tuple(formats), every)


def read_not_abbreviations(extra: Mapping) -> frozenset[str]:
    """``extra.paper.not_abbreviations``: words in capitals the paper uses that are not abbreviations (optional)."""
    paper = extra.get("paper")
    words = paper.get("not_abbreviations", []) if isinstance(paper, Mapping) else []
    if not isinstance(words, list) or not all(isinstance(word, str) and word.strip() for word in words):
        raise ConfigurationError(f"mkdocs.yml: extra.paper.not_abbreviations is '{words}'; set it to a list of words, as in [NOTE], or leave it out")
    return frozenset(words)


def check_site_name(site_name: str, meeting: Meeting) -> None:
    """The site name (the title of every page and of the PDF) names the meeting in extra.meeting."""
    if meeting.committee not in site_name or meeting.long_date not in site_name:
        raise ConfigurationError(
            f"mkdocs.yml: site_name '{site_name}' does not name the meeting in extra.meeting "
            f"({meeting.committee}, {meeting.long_date}); write it as '<the paper's title> to {meeting.committee}, {meeting.long_date}'"
        )


def pdf_file_name(meeting: Meeting) -> str:
    """The PDF's path in the site, from the meeting: ``pdf/overview-and-scrutiny-committee-2014-12-05.pdf``."""
    return f"pdf/{re.sub(r'[^a-z0-9]+', '-', meeting.committee.lower()).strip('-')}-{meeting.date.isoformat()}.pdf"


def read_required(docs: Path, uri: str) -> str:
    """The text of a file under docs/ that the checks cannot do without."""
    path = docs / uri
    if not path.is_file():
        raise ConfigurationError(f"{docs.name}/{uri}: not found; {REQUIRED_FILES[uri]}")
    return path.read_text(encoding="utf-8")
