"""The paper, read once per build: its settings and every source under docs/, in one model.

Every check takes a ``Paper`` (checks.py), and everything that shows a fact (contact
blocks, appendix notices, attached boxes, the glossary, the contents lists, the PDF's
and the one-page paper's parts, search titles, file names) takes it from here, so no
rule reads a file or parses a source again. Problems found while reading are kept,
each with its file and line, for the check stage to report.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from committee_paper.model.attachments import (
    Attachment,
    appendices_region_marker,
    appendix_marker,
    attached_marker,
    attachments,
    paper_marker,
)
from committee_paper.model.background_papers import BACKGROUND_PAPERS, PaperRow, is_appendix, parse_table
from committee_paper.model.contacts import CONTACTS_FILE, Contact, load_contacts
from committee_paper.model.contents import ContentsEntry
from committee_paper.model.cross_references import (
    AppendixKey,
    appendix_letters,
    numbered_paragraphs,
    parse_abbreviations,
)
from committee_paper.model.glossary import GLOSSARY, SpeltOut, in_the_paper, spelt_out
from committee_paper.model.markers import Marker, Placed, contact_marker, place_markers
from committee_paper.model.problems import Problem
from committee_paper.model.settings import ABBREVIATIONS_FILE, ConfigurationError, Settings
from committee_paper.model.site_facts import (
    TEST_RECORD,
    content_hash,
    load_test_record,
    publisher_marker,
    record_of,
    tested_marker,
    when_tested_marker,
    when_tested_problems,
)
from committee_paper.model.sources import SourcePage

# Files under docs/ the build cannot start without, and why (guides/editors.md).
REQUIRED_FILES = {
    CONTACTS_FILE: "the contact officers must be listed there (see guides/editors.md)",
    ABBREVIATIONS_FILE: "the abbreviations shown on hover are defined there (see guides/editors.md)",
}


@dataclass
class Paper:
    settings: Settings
    folder: str  # the docs folder's name, as messages show it: "docs"
    pages: dict[str, SourcePage]  # every page MkDocs builds, by its path under docs/
    contacts_file: SourcePage
    abbreviations_file: SourcePage
    contacts: list[Contact]
    papers: list[PaperRow]  # the rows of the list of background papers
    attachments: dict[int, Attachment]  # each paper's appendix page, by its row
    abbreviations: dict[str, str]
    tested: dict[str, str]  # the last browser test run, as the accessibility statement shows it
    markers: dict[str, list[Placed]]  # each page's markers, by its path under docs/: where, and what each stands for
    problems: list[Problem]  # found while reading
    nav: list[ContentsEntry] = field(default_factory=list)  # the nav; a page's target is its path under docs/
    urls: dict[str, str] = field(default_factory=dict)  # a page's URL in the site, by its path under docs/
    content_hash: str = ""  # of what the site is built from (site_facts.content_hash), taken from the texts read

    @property
    def appendices(self) -> list[SourcePage]:
        return [page for page in self.pages.values() if is_appendix(page)]

    def reading_order(self) -> list[SourcePage]:
        """The pages of the nav, in its order."""
        return [self.pages[uri] for uri in _targets(self.nav) if uri in self.pages]

    def attachment(self, uri: str) -> Attachment | None:
        """The background paper whose appendix page this is, if it is one."""
        return next((found for found in self.attachments.values() if found.page.uri == uri), None)

    def title(self, uri: str) -> str | None:
        """The page's title as the nav, the PDF, the one-page paper and the search show it."""
        return next((entry.title for entry in _walk(self.nav) if entry.target == uri), None)

    def texts(self) -> dict[str, str]:
        """Every source read, by its path under docs/: the pages, the contacts and the abbreviations."""
        sources = [*self.pages.values(), self.contacts_file, self.abbreviations_file]
        return {source.uri: source.text for source in sources}

    def contents(self, keep: Callable[[SourcePage], bool], target: Callable[[str], str]) -> list[ContentsEntry]:
        """The nav's pages that ``keep`` accepts, each linked to ``target(its path)``; groups left empty go."""
        return _contents(self.nav, lambda uri: uri in self.pages and keep(self.pages[uri]), target)

    @cached_property
    def spelt_out(self) -> SpeltOut:
        """Where each abbreviation is first spelt out, not counting the glossary.

        The nav's pages in reading order, then any other: read when the pages are rendered, once
        the nav is known (on_nav).
        """
        in_order = self.reading_order()
        in_nav = {page.uri for page in in_order}
        pages = [*in_order, *(page for page in self.pages.values() if page.uri not in in_nav)]
        return spelt_out(self.abbreviations, [page for page in pages if page.uri != GLOSSARY])

    @cached_property
    def used_in_the_paper(self) -> set[str]:
        """The abbreviations used on a page of the nav that goes into the PDF, the glossary aside."""
        pages = [page for page in self.reading_order() if page.uri != GLOSSARY]
        return {name for name in self.abbreviations if in_the_paper(name, pages)}

    @cached_property
    def paragraph_pages(self) -> dict[str, str]:
        """The page each numbered paragraph is on, by its number ("2.4")."""
        return {cited: page.uri for page, _, cited in numbered_paragraphs(list(self.pages.values()))}

    @cached_property
    def appendix_pages(self) -> dict[AppendixKey, SourcePage]:
        """Each appendix page, by its kind and letter or number as its title gives it (("Appendix", "B"),
        ("Annex", ""))."""
        return appendix_letters(self.appendices)

    @cached_property
    def website_meanings(self) -> set[str]:
        """Abbreviations' meanings that no page but the glossary spells out."""
        return {self.abbreviations[name] for name, found in self.spelt_out.items() if found is None}


def _walk(entries: list[ContentsEntry]) -> list[ContentsEntry]:
    return [found for entry in entries for found in [entry, *_walk(entry.children)]]


def _targets(entries: list[ContentsEntry]) -> list[str]:
    return [entry.target for entry in _walk(entries) if entry.target is not None]


def _contents(
    entries: list[ContentsEntry], keep: Callable[[str], bool], target: Callable[[str], str]
) -> list[ContentsEntry]:
    found = []
    for entry in entries:
        if entry.target is not None and keep(entry.target):
            found.append(ContentsEntry(entry.title, target(entry.target)))
        elif entry.target is None and (children := _contents(entry.children, keep, target)):
            found.append(ContentsEntry(entry.title, None, children))
    return found


def load_paper(
    settings: Settings,
    folder: str,
    texts: dict[str, str],
    contacts: str,
    abbreviations: str,
    test_record: str,  # the record of a test run of this content, or "" for none
    installed_axe: str | None = None,
) -> Paper:
    """The paper from its sources' texts: ``texts`` are the pages by path under docs/, the others the files named so."""
    pages = {uri: SourcePage(f"{folder}/{uri}", uri, text) for uri, text in texts.items()}
    contacts_file = SourcePage(f"{folder}/{CONTACTS_FILE}", CONTACTS_FILE, contacts)
    abbreviations_file = SourcePage(f"{folder}/{ABBREVIATIONS_FILE}", ABBREVIATIONS_FILE, abbreviations)
    contact_list, problems = load_contacts(contacts, contacts_file.path)
    for page in pages.values():
        problems += page.front_matter_problems()
    listed = pages.get(BACKGROUND_PAPERS)
    rows, table_problems = parse_table(listed, settings.background_papers) if listed else ([], [])
    # No record (or one of other content): nothing tested to show, the statement says so.
    tested, record_problems = load_test_record(test_record, TEST_RECORD, installed_axe) if test_record else ({}, [])
    problems += table_problems + record_problems
    appendix_pages = [page for page in pages.values() if is_appendix(page)]
    found = attachments(rows, appendix_pages)
    listed_papers = max((row.position for row in rows), default=0)

    def markers(page: SourcePage) -> list[Marker]:
        return [
            contact_marker(contact_list, page.path, problems),
            paper_marker(page, found, contact_list, problems),
            appendix_marker(page, found, contact_list, settings.publisher, problems),
            appendices_region_marker(bool(appendix_pages)),
            attached_marker(page, found, listed_papers, problems),
            when_tested_marker(tested),
            tested_marker(tested),
            publisher_marker(settings.publisher, page.uri),
        ]

    placed = {uri: place_markers(page.text, markers(page)) for uri, page in pages.items()}
    for page in pages.values():
        problems += when_tested_problems(page.text, page.path)
    return Paper(
        settings,
        folder,
        pages,
        contacts_file,
        abbreviations_file,
        contact_list,
        rows,
        found,
        parse_abbreviations(abbreviations_file),
        tested,
        placed,
        problems,
    )


def read_paper(
    settings: Settings, docs: Path, uris: list[str], loaded_config: str, installed_axe: str | None = None
) -> Paper:
    """The paper from the files under ``docs``, each read once; a ConfigurationError when a file it needs is missing.
    ``loaded_config`` is mkdocs.yml as MkDocs loaded it (config.settings_text), for the hash of what the site is built
    from."""

    def required(uri: str, why: str) -> str:
        path = docs / uri
        if not path.is_file():
            raise ConfigurationError(f"{docs.name}/{uri}: not found; {why}")
        return path.read_text(encoding="utf-8")

    contacts, abbreviations = (required(uri, why) for uri, why in REQUIRED_FILES.items())
    texts = {uri: (docs / uri).read_text(encoding="utf-8") for uri in uris}
    read = {**texts, CONTACTS_FILE: contacts, ABBREVIATIONS_FILE: abbreviations}
    # Hashed once a build, with the texts just read: the test record and the site's stamp both take it.
    content = content_hash(docs.parent, loaded_config, {f"{docs.name}/{uri}": text for uri, text in read.items()})
    # Beside mkdocs.yml; "" unless it names this very content.
    paper = load_paper(
        settings, docs.name, texts, contacts, abbreviations, record_of(docs.parent, content), installed_axe
    )
    paper.content_hash = content
    return paper
