"""Every build-time check of the paper, run over its Markdown sources."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from . import background_papers, cross_references
from .background_papers import APPENDIX_FOLDER, BACKGROUND_PAPERS
from .contacts import CONTACTS_FILE, check_contacts, load_contacts
from .markers import render_markers
from .glossary import GLOSSARY
from .problems import Problem
from .settings import ABBREVIATIONS_FILE, BackgroundPaperRules, Meeting, read_required
from .sources import SourcePage



@dataclass(frozen=True)
class PaperSources:
    """What the checks read: the pages MkDocs builds, the contacts and the abbreviations."""

    pages: list[SourcePage]
    contacts: SourcePage
    abbreviations: SourcePage


def read_sources(docs: Path, uris: Iterable[str]) -> PaperSources:
    """The sources under ``docs``; a ConfigurationError when the contacts or abbreviations file is missing."""
    contacts, abbreviations = (SourcePage(f"{docs.name}/{uri}", uri, read_required(docs, uri)) for uri in (CONTACTS_FILE, ABBREVIATIONS_FILE))
    return PaperSources([SourcePage.read(docs, uri) for uri in uris], contacts, abbreviations)


def check_paper(sources: PaperSources, meeting: Meeting, rules: BackgroundPaperRules, not_abbreviations: frozenset[str] = frozenset()) -> list[Problem]:
    """All problems, sorted by file and line."""
    pages = sources.pages
    contacts, problems = load_contacts(sources.contacts.text, sources.contacts.path)
    problems += check_contacts(contacts, sources.contacts.path)
    for page in pages:  # contact markers render as hooks/contact_blocks.py renders them
        problems += render_markers(page.text, contacts, page.path)[1]
    by_uri = {page.uri: page for page in pages}
    appendices = [page for page in pages if page.uri.startswith(APPENDIX_FOLDER)]
    folder = sources.contacts.path.split("/")[0]
    papers = by_uri.get(BACKGROUND_PAPERS)
    if papers is None:
        problems.append(Problem(f"{folder}/{BACKGROUND_PAPERS}", 1, "is missing; the list of background papers must be published"))
    else:
        rows, table_problems = background_papers.parse_table(papers, rules.header)
        problems += table_problems
        problems += background_papers.check_rows(rows, contacts, meeting, rules, papers.path)
        problems += background_papers.check_appendix_pages(rows, appendices, papers.path, rules.appendix_for_each)
    problems += cross_references.check_appendix_mentions(pages, appendices)
    problems += cross_references.check_appendices_referred_to(pages, appendices)
    problems += cross_references.check_paragraph_numbers_unique(pages)
    problems += cross_references.check_paragraph_mentions(pages)
    problems += cross_references.check_contact_links(pages)
    glossary = by_uri.get(GLOSSARY)
    if glossary is None:
        problems.append(Problem(f"{folder}/{GLOSSARY}", 1, "is missing; the glossary of abbreviations must be published"))
    else:
        problems += cross_references.check_abbreviations(pages, sources.abbreviations, not_abbreviations)
    return sorted(set(problems))
