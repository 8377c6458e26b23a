"""Every build-time check of the paper, run over its model."""

from __future__ import annotations

from committee_paper.checks.captions import check_captions
from committee_paper.checks.content_safety import pages_problems
from committee_paper.model import background_papers, cross_references
from committee_paper.model.attachments import check_notice_under_title
from committee_paper.model.background_papers import BACKGROUND_PAPERS
from committee_paper.model.contacts import check_contacts
from committee_paper.model.glossary import GLOSSARY, check_glossary_marker, check_meanings
from committee_paper.model.paper import Paper
from committee_paper.model.problems import Problem


def check_paper(paper: Paper) -> list[Problem]:
    """All problems, those found reading the paper included, sorted by file and line."""
    pages = list(paper.pages.values())
    appendices = paper.appendices
    rules = paper.settings.background_papers
    problems = paper.problems + check_contacts(paper.contacts, paper.contacts_file.path)
    papers = paper.pages.get(BACKGROUND_PAPERS)
    if papers is None:
        problems.append(
            Problem(
                f"{paper.folder}/{BACKGROUND_PAPERS}", 1, "is missing; the list of background papers must be published"
            )
        )
    elif rules is not None:
        problems += background_papers.check_rows(
            paper.papers, paper.contacts, paper.settings.meeting, rules, papers.path
        )
        problems += background_papers.check_appendix_pages(
            paper.papers, appendices, papers.path, rules.appendix_for_each
        )
    for page in appendices:
        problems += check_notice_under_title(page)
    problems += cross_references.check_appendix_mentions(pages, appendices)
    problems += cross_references.check_appendices_referred_to(pages, appendices)
    problems += cross_references.check_paragraph_numbers_unique(pages)
    problems += cross_references.check_paragraph_mentions(pages)
    problems += cross_references.check_contact_links(pages)
    glossary = paper.pages.get(GLOSSARY)
    if glossary is None:
        problems.append(
            Problem(f"{paper.folder}/{GLOSSARY}", 1, "is missing; the glossary of abbreviations must be published")
        )
    else:
        problems += check_glossary_marker(glossary)
        problems += cross_references.check_abbreviations(
            pages, paper.abbreviations, paper.abbreviations_file.path, paper.settings.not_abbreviations
        )
    problems += check_meanings(paper.abbreviations, paper.abbreviations_file, [p for p in pages if p.uri != GLOSSARY])
    problems += [problem for page in pages for problem in check_captions(page)]
    problems += pages_problems([*pages, paper.abbreviations_file])
    return sorted(set(problems))
