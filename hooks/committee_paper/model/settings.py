"""The paper's own settings, as the rules take them: plain data, read from mkdocs.yml by config.py.

Everything that differs from one committee paper to the next and is not content
lives here: the meeting, the shape of the list of background papers, the date
style, who publishes the site.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

ABBREVIATIONS_FILE = "includes/abbreviations.md"
PDF_PLUGIN = "pdf-export"  # mkdocs-pdf-export-plugin, as mkdocs.yml names it


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

    @property
    def slug(self) -> str:
        """The meeting in file names: ``overview-and-scrutiny-committee-2014-12-05``."""
        return f"{slug(self.committee)}-{self.date.isoformat()}"


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


@dataclass(frozen=True)
class Publisher:
    name: str
    contact: str  # a link: a page of this site (page.md#anchor), mailto:, tel: or https:


@dataclass(frozen=True)
class Settings:
    meeting: Meeting
    background_papers: BackgroundPaperRules | None  # None: the paper lists none ("Background papers: None.")
    publisher: Publisher
    pdf_contents_before: str | None  # id on the first page where the PDF's cover ends
    not_abbreviations: frozenset[str] = frozenset()  # words in capitals that are not abbreviations


def check_site_name(site_name: str, meeting: Meeting) -> None:
    """The site name (the title of every page and of the PDF) names the meeting in extra.meeting."""
    if meeting.committee not in site_name or meeting.long_date not in site_name:
        raise ConfigurationError(
            f"mkdocs.yml: site_name '{site_name}' does not name the meeting in extra.meeting "
            f"({meeting.committee}, {meeting.long_date}); "
            f"write it as '<the paper's title> to {meeting.committee}, {meeting.long_date}'"
        )


def slug(text: str) -> str:
    """Words in a file name: "Children's Services & Schools" -> ``childrens-services-schools``."""
    return re.sub(r"[^a-z0-9]+", "-", re.sub(r"['’]", "", text.lower())).strip("-")


def pdf_file_name(meeting: Meeting) -> str:
    """The PDF's path in the site, from the meeting: ``pdf/overview-and-scrutiny-committee-2014-12-05.pdf``."""
    return f"pdf/{meeting.slug}.pdf"


def zip_file_name(meeting: Meeting) -> str:
    """The site's zip, from the meeting: ``overview-and-scrutiny-committee-2014-12-05-website.zip``."""
    return f"{meeting.slug}-website.zip"
