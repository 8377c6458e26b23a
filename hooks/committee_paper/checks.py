"""Every build-time check of the paper, run over its Markdown sources."""

from __future__ import annotations

from datetime import date

from . import background_papers, cross_references
from .contacts import Contact
from .problems import Problem
from .sources import SourcePage

BACKGROUND_PAPERS = "background-papers.md"
GLOSSARY = "glossary.md"
APPENDIX_FOLDER = "appendices/"


def check_paper(pages: list[SourcePage], abbreviations: SourcePage, contacts: list[Contact], meeting: date) -> list[Problem]:
    """All problems, sorted by file and line."""
    by_uri = {page.uri: page for page in pages}
    appendices = [page for page in pages if page.uri.startswith(APPENDIX_FOLDER)]
    problems: list[Problem] = []
    papers = by_uri.get(BACKGROUND_PAPERS)
    if papers is None:
        problems.append(Problem(f"docs/{BACKGROUND_PAPERS}", 1, "is missing; the list of background papers must be published"))
    else:
        rows, table_problems = background_papers.parse_table(papers)
        problems += table_problems
        problems += background_papers.check_rows(rows, contacts, meeting, papers.path)
        problems += background_papers.check_appendix_pages(rows, appendices, papers.path)
    problems += cross_references.check_appendix_mentions(pages, appendices)
    problems += cross_references.check_appendices_referred_to(pages, appendices)
    problems += cross_references.check_paragraph_numbers_unique(pages)
    problems += cross_references.check_paragraph_mentions(pages)
    problems += cross_references.check_contact_links(pages)
    glossary = by_uri.get(GLOSSARY)
    if glossary is None:
        problems.append(Problem(f"docs/{GLOSSARY}", 1, "is missing; the glossary of abbreviations must be published"))
    else:
        problems += cross_references.check_abbreviations(pages, abbreviations)
    return sorted(set(problems))
