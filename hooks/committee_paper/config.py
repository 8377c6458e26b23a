"""The paper's own settings in mkdocs.yml's ``extra:`` block, as MkDocs config classes, one documented option each.

``extra.meeting``, ``extra.paper`` (with ``background_papers``) and ``extra.publisher`` are
validated by MkDocs' own machinery (``Config``, ``SubConfig``, ``Type``, ``Optional``); every
wrong key is one line of a ``ConfigurationError`` naming the key, its value and what to set.
``read_settings`` hands the rules the plain dataclasses of settings.py: they know nothing of MkDocs.
"""

from __future__ import annotations

import json
import os
import warnings
from collections.abc import Callable, Mapping
from datetime import date
from importlib.resources import files as package_files
from pathlib import Path
from typing import Any, TypeVar

import yaml
from mkdocs.config import config_options as c
from mkdocs.config import load_config
from mkdocs.config.base import Config, ValidationError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException

from committee_paper.model.settings import BackgroundPaperRules, ConfigurationError, Meeting, Publisher, Settings
from committee_paper.model.site_facts import CONFIG, content_hash

# The tool's own settings (theme, Markdown extensions, validation, search and PDF options), applied by plugin.py.
DEFAULTS = yaml.safe_load(package_files(__package__).joinpath("defaults.yml").read_text(encoding="utf-8"))
PUBLISHING = "as the README's 'Publishing under the council website' says"
PUBLISHED_AT = "site_url"
T = TypeVar("T")
SomeConfig = TypeVar("SomeConfig", bound=Config)


class Setting(c.Type[T]):
    """A value of one type: missing, empty or another type is "is 'value'; ``fix``"; ``valid`` checks it further."""

    def __init__(
        self, kind: type[T], fix: str, check: str = "", valid: Callable[[T], bool] | None = None, *, empty: bool = False
    ) -> None:
        super().__init__(kind)
        self.fix, self.check, self.valid, self.empty = fix, check, valid, empty

    def validate(self, value: object) -> T:
        if not isinstance(value, self._type) or (not self.empty and value in ("", [], ())):
            raise ValidationError(f"is {'missing' if value is None else repr(value)}; {self.fix}")
        if self.valid is not None and not self.valid(value):
            raise ValidationError(f"is {value!r}; {self.check}")
        return value.strip() if isinstance(value, str) else value  # type: ignore[return-value]  # a str is T


class DateSetting(Setting[date]):
    """A date, as YAML reads 2031-06-18, or the same quoted ('2031-06-18')."""

    def validate(self, value: object) -> date:
        if isinstance(value, str):
            try:
                return date.fromisoformat(value.strip())
            except ValueError:
                pass  # reported as any other wrong value
        return super().validate(value)


class Section(c.SubConfig[SomeConfig]):
    """A block of settings: every wrong key in it, each on a line of its own, starting with the key's path.

    MkDocs' own SubConfig reports the first wrong key only.
    """

    def __init__(self, config_class: type[SomeConfig]) -> None:
        super().__init__(config_class)
        self.config_class = config_class  # SubConfig sets it only when not subclassed

    def run_validation(self, value: object) -> SomeConfig:
        config = self.config_class()
        config.load_dict(value if isinstance(value, dict) else {})
        if mistakes := _mistakes(config):
            raise ValidationError("\n".join(mistakes))
        return config


class OptionalSection(Section[SomeConfig]):
    """A block of settings a paper may leave out: None then."""

    def run_validation(self, value: object) -> SomeConfig | None:  # type: ignore[override]  # None when left out
        return super().run_validation(value) if value else None


def _mistakes(config: Config) -> list[str]:
    """Every wrong key of ``config``, each a line starting with its path (MkDocs' validate stops at the first)."""
    lines = []
    for key, option in config._schema:
        try:
            config[key] = option.validate(config.get(key))
        except ValidationError as error:
            lines += [f"{key}{'.' if isinstance(option, Section) else ' '}{line}" for line in str(error).splitlines()]
    names = [key for key, _ in config._schema]
    return lines + [
        f"{key} is not a setting; remove it (settings: {', '.join(names)})" for key in config if key not in names
    ]


class MeetingConfig(Config):
    council = Setting(str, "set it to the council's name, as in 'Example County Council'")
    """The council's name, as the paper writes it: 'Example County Council'."""
    committee = Setting(str, "set it to the committee's name, as in 'Cabinet'")
    """The committee's name: part of the site's name, the PDF's and the zip's file names."""
    date = DateSetting(date, "set it to the meeting's date as YYYY-MM-DD")
    """The meeting's date, YYYY-MM-DD: shown as '5 December 2014', and in the file names."""


class BackgroundPapersConfig(Config):
    header = Setting(
        list,
        "set it to the table's three column headings, as in [Paper, Date, Contact/Directorate/Tel]",
        "it needs three column headings: the paper, its date and its contact (Name/Directorate/Tel)",
        lambda header: len(header) == 3 and all(isinstance(cell, str) and cell.strip() for cell in header),
    )
    """The list of background papers' three column headings: the paper, its date, its contact."""
    date_formats = Setting(
        list,
        "set it to the ways dates are written, as in ['%B %Y', '%b %Y'] for 'September 2014' or 'Sep 2014'",
        "each must be a date format with a year (%Y), as in '%B %Y'",
        lambda formats: all(isinstance(fmt, str) and "%Y" in fmt for fmt in formats),
    )
    """How the list writes a paper's date: strptime formats, each with a year, as '%B %Y'."""
    appendix_for_each = Setting(bool, "set it to true if every background paper must have an appendix page, or false")
    """Whether every background paper must have an appendix page of its own."""


class PaperConfig(Config):
    pdf_contents_before = c.Optional(
        Setting(str, "set it to the id of the heading on the first page where the cover ends, or leave it out")
    )
    """The id of the heading on the first page before which the PDF's contents list goes; else after the title."""
    not_abbreviations = c.Optional(
        Setting(
            list,
            "set it to a list of the words in capitals that are not abbreviations, as in [NOTE], or leave it out",
            empty=True,
        )
    )
    """Words in capitals the paper uses that are not abbreviations (Roman numerals need none)."""
    background_papers = OptionalSection(BackgroundPapersConfig)
    """The shape of the paper's list of background papers; left out when the paper has none ("None.")."""


class PublisherConfig(Config):
    name = Setting(str, f"set it to who publishes this website, {PUBLISHING}")
    """Who publishes this website, as its pages and the accessibility statement name them."""
    contact = Setting(str, f"set it to a link to reach them (page.md#anchor, mailto:, tel: or https:), {PUBLISHING}")
    """A link to reach the publisher: a page of this site (page.md#anchor), mailto:, tel: or https:."""


class PaperSettings(Config):
    """The paper's own settings, under mkdocs.yml's ``extra:``."""

    meeting = Section(MeetingConfig)
    """The meeting the paper goes to."""
    paper = Section(PaperConfig)
    """How the paper is shaped."""
    publisher = Section(PublisherConfig)
    """Who publishes the website."""


def read_settings(extra: Mapping[str, Any]) -> Settings:
    """``extra.meeting``, ``extra.paper`` and ``extra.publisher``, or a ConfigurationError listing every mistake."""
    config = PaperSettings()
    config.load_dict({key: extra.get(key) for key, _ in config._schema})
    if mistakes := _mistakes(config):
        raise ConfigurationError("\n".join(f"mkdocs.yml: extra.{line}" for line in mistakes))
    meeting, paper, publisher = config.meeting, config.paper, config.publisher
    rules = paper.background_papers
    return Settings(
        meeting=Meeting(meeting.council, meeting.committee, meeting.date),
        background_papers=BackgroundPaperRules(tuple(rules.header), tuple(rules.date_formats), rules.appendix_for_each)
        if rules
        else None,
        publisher=Publisher(publisher.name, publisher.contact),
        pdf_contents_before=paper.pdf_contents_before,
        not_abbreviations=frozenset(str(word) for word in paper.not_abbreviations or []),
    )


def settings_text(config: MkDocsConfig) -> str:
    """mkdocs.yml as MkDocs loaded it, before any plugin's on_config, as one canonical text, the same in any folder:
    what the hash of the paper's content takes of mkdocs.yml, so that a build reads the file once (MkDocs' read).

    Validation moves the Markdown extensions' and the plugins' options out of what MkDocs loaded (into mdx_configs
    and each plugin's config, defaults added); they are taken from there. A value given by an environment variable
    (``!ENV``) is taken as MkDocs read it: it changes the site, except site_url (below)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # MkDocs 1.6 keeps what it loaded, marked unused
        loaded = config.user_configs[0] if config.user_configs else {}
    settings = {
        # The address the site is published at (site_url: !ENV SITE_URL) is no content: the site tested before
        # publishing is the one published, as when the hash took mkdocs.yml's bytes and not the variable's value.
        CONFIG: {key: value for key, value in loaded.items() if key != PUBLISHED_AT},
        "markdown_extensions": [[name, config.mdx_configs.get(name)] for name in config.markdown_extensions],
        "plugins": [[name, plugin.config] for name, plugin in config.plugins.items()],
    }
    text = json.dumps(_plain(settings), ensure_ascii=False, sort_keys=True)
    # Paths MkDocs made absolute (a theme's custom_dir) as the paper gives them: relative to mkdocs.yml.
    folder = os.path.dirname(os.path.abspath(config.config_file_path or CONFIG)) + os.sep
    return text.replace(json.dumps(folder)[1:-1], "")


def _plain(value: object) -> object:
    """JSON's types, keys as text; a date, or a placeholder of MkDocs' (``!relative``), as its type and value."""
    if isinstance(value, Mapping):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if value is None or isinstance(value, (str, int, float)):
        return value
    return [type(value).__name__, str(getattr(value, "suffix", value))]


def paper_content(project: Path) -> str:
    """The hash of what the paper's site is built from, outside a build: mkdocs.yml loaded as MkDocs loads it.
    A mkdocs.yml MkDocs cannot load is content no site was built from."""
    try:
        settings = settings_text(load_config(str(project / CONFIG)))
    except MkDocsException as error:
        settings = f"{CONFIG} does not load: {error}"
    return content_hash(project, settings)
