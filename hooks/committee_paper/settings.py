"""The paper's own settings, read from mkdocs.yml's ``extra:`` block and checked in one place.

Everything that differs from one committee paper to the next and is not content
lives here: the meeting, the shape of the list of background papers, the date
style, who publishes the site. Each section is a schema of MkDocs' own config
options (``mkdocs.config.config_options``); every wrong key is one line of a
``ConfigurationError`` naming the key, its value and what to set.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from mkdocs.config.base import BaseConfigOption, ValidationError

from .contacts import CONTACTS_FILE

ABBREVIATIONS_FILE = "includes/abbreviations.md"
PDF_PLUGIN = "pdf-export"  # mkdocs-pdf-export-plugin, as mkdocs.yml names it
# Files under docs/ the build cannot start without, and why (guides/editors.md).
REQUIRED_FILES = {
    CONTACTS_FILE: "the contact officers must be listed there (see guides/editors.md)",
    ABBREVIATIONS_FILE: "the abbreviations shown on hover are defined there (see guides/editors.md)",
}
PUBLISHING = "as the README's 'Publishing under the council website' says"


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


class Setting(BaseConfigOption[Any]):
    """A required value of one type; anything else is reported as "is 'value'; fix"."""

    def __init__(self, kind: type, fix: str, check: str = "", valid: Callable[[Any], bool] | None = None) -> None:
        super().__init__()
        self.kind, self.fix, self.check, self.valid = kind, fix, check, valid

    def run_validation(self, value: object) -> Any:
        if not isinstance(value, self.kind) or value in ("", [], ()):
            raise ValidationError(f"is {'missing' if value is None else repr(value)}; {self.fix}")
        if self.valid is not None and not self.valid(value):
            raise ValidationError(f"is {value!r}; {self.check}")
        return value.strip() if isinstance(value, str) else value


class DateSetting(Setting):
    """A date, as YAML reads 2031-06-18, or the same quoted ('2031-06-18')."""

    def run_validation(self, value: object) -> Any:
        if isinstance(value, str):
            try:
                return date.fromisoformat(value.strip())
            except ValueError:
                pass  # reported as any other wrong value
        return super().run_validation(value)


class OptionalSetting(BaseConfigOption[Any]):
    """A value of one type that may be left out."""

    def __init__(self, kind: type, fix: str) -> None:
        super().__init__()
        self.kind, self.fix = kind, fix

    def run_validation(self, value: object) -> Any:
        if value is not None and not isinstance(value, self.kind):
            raise ValidationError(f"is {value!r}; {self.fix}")
        return value


# Each section of extra: in mkdocs.yml, key by key.
SCHEMA: dict[str, dict[str, BaseConfigOption[Any]]] = {
    "meeting": {
        "council": Setting(str, "set it to the council's name, as in 'Example County Council'"),
        "committee": Setting(str, "set it to the committee's name, as in 'Cabinet'"),
        "date": DateSetting(date, "set it to the meeting's date as YYYY-MM-DD"),
    },
    "paper": {
        "pdf_contents_before": OptionalSetting(
            str, "set it to the id of the heading on the first page where the cover ends, or leave it out"
        ),
        # Words in capitals the paper uses that are not abbreviations (Roman numerals need none).
        "not_abbreviations": OptionalSetting(
            list, "set it to a list of the words in capitals that are not abbreviations, as in [NOTE], or leave it out"
        ),
    },
    "paper.background_papers": {
        "header": Setting(
            list,
            "set it to the table's three column headings, as in [Paper, Date, Contact/Directorate/Tel]",
            "it needs three column headings: the paper, its date and its contact (Name/Directorate/Tel)",
            lambda header: len(header) == 3 and all(isinstance(cell, str) and cell.strip() for cell in header),
        ),
        "date_formats": Setting(
            list,
            "set it to the ways dates are written, as in ['%B %Y', '%b %Y'] for 'September 2014' or 'Sep 2014'",
            "each must be a date format with a year (%Y), as in '%B %Y'",
            lambda formats: all(isinstance(fmt, str) and "%Y" in fmt for fmt in formats),
        ),
        "appendix_for_each": Setting(
            bool, "set it to true if every background paper must have an appendix page, or false"
        ),
    },
    "publisher": {
        "name": Setting(str, f"set it to who publishes this website, {PUBLISHING}"),
        "contact": Setting(
            str, f"set it to a link to reach them (page.md#anchor, mailto:, tel: or https:), {PUBLISHING}"
        ),
    },
}


# Sections a paper may leave out: a paper with no background papers has no list to describe.
OPTIONAL_SECTIONS = ("paper.background_papers",)


def _section(extra: Mapping[str, Any], path: str) -> Mapping[str, Any]:
    value: Any = extra
    for key in path.split("."):
        value = value.get(key) if isinstance(value, Mapping) else None
    return value if isinstance(value, Mapping) else {}


def _validated(extra: Mapping[str, Any], path: str) -> tuple[dict[str, Any], list[str]]:
    """The section's values, and one message per wrong or unknown key; an optional section left out has none."""
    given, schema = _section(extra, path), SCHEMA[path]
    if path in OPTIONAL_SECTIONS and not given:
        return {}, []
    values: dict[str, Any] = {}
    errors = []
    for key, option in schema.items():
        try:
            values[key] = option.validate(given.get(key))
        except ValidationError as error:
            errors.append(f"mkdocs.yml: extra.{path}.{key} {error}")
    errors += [
        f"mkdocs.yml: extra.{path}.{key} is not a setting; remove it (settings: {', '.join(schema)})"
        for key in given
        if key not in schema and f"{path}.{key}" not in SCHEMA
    ]
    return values, errors


def read_settings(extra: Mapping[str, Any]) -> Settings:
    """``extra.meeting``, ``extra.paper`` and ``extra.publisher``, or a ConfigurationError listing every mistake."""
    sections = {path: _validated(extra, path) for path in SCHEMA}
    errors = [error for _, found in sections.values() for error in found]
    if errors:
        raise ConfigurationError("\n".join(errors))
    meeting, paper, rules, publisher = (
        sections[path][0] for path in ("meeting", "paper", "paper.background_papers", "publisher")
    )
    return Settings(
        meeting=Meeting(**meeting),
        background_papers=BackgroundPaperRules(
            tuple(rules["header"]), tuple(rules["date_formats"]), rules["appendix_for_each"]
        )
        if rules
        else None,
        publisher=Publisher(**publisher),
        pdf_contents_before=paper["pdf_contents_before"],
        not_abbreviations=frozenset(str(word) for word in paper["not_abbreviations"] or []),
    )


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
