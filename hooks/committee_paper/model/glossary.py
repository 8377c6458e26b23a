"""The abbreviations: where the pages spell each out, which the paper uses, and the glossary's checks.

``docs/includes/abbreviations.md`` gives each abbreviation its meaning (shown on
hover and focus on every page). ``<!-- glossary: paper -->`` stands for those used
on the pages that go into the PDF, ``<!-- glossary: website -->`` for the
others (used only on web-only pages), as tables (render/glossary_table.py). Each row says
where the site's pages spell the abbreviation out, as in "Lancashire Safeguarding Children
Board (LSCB)"; a meaning no page spells out is marked as the website's own, not the paper's words.
"""

from __future__ import annotations

import re

from committee_paper.model.anchors import PARAGRAPH_NUMBER
from committee_paper.model.problems import Problem
from committee_paper.model.sources import SourcePage

GLOSSARY = "glossary.md"  # the glossary page, under docs/
MARKER = re.compile(r"^[ \t]*<!--\s*glossary\s*:\s*(?P<part>paper|website)\s*-->[ \t]*$", re.MULTILINE)
ABBREVIATION_USED = r"(?<![\w-]){}s?(?![\w-])"
DEFINITION = re.compile(r"^\*\[([^\]]+)\]:")


def spelling_out(abbreviation: str, meaning: str) -> re.Pattern[str]:
    """'Meaning (ABBR)', 'ABBR' followed closely by '(Meaning', or the meaning written out before the abbreviation
    in the same paragraph ("The Child Protection – Information Sharing project … CP-IS provides"), plurals included."""
    name, words = re.escape(abbreviation), re.escape(meaning)
    return re.compile(
        rf"{words}s?\s*\(\s*{name}s?\s*\)|(?<![\w-]){name}s?\W[^.()]{{0,30}}\(\s*{words}"
        rf"|(?<![\w-]){words}s?(?![\w-]).*?(?<![\w-]){name}s?(?![\w-])",
        re.IGNORECASE,
    )


def initials(words: str) -> str:
    return "".join(word[0] for word in re.findall(r"[\w'’]+", words)).lower()


def check_meanings(abbreviations: dict[str, str], definitions: SourcePage, pages: list[SourcePage]) -> list[Problem]:
    """A meaning that contradicts the paper's own spelling-out ("Form (CAF)" where the paper writes "Framework
    (CAF)"): the words just before "(ABBR)", or just inside the bracket after it, have the meaning's initials but
    are not the meaning, and the paper nowhere writes the meaning so."""
    lines = {match[1]: number for number, line in definitions.body_lines() if (match := DEFINITION.match(line))}
    problems = []
    for name, meaning in abbreviations.items():
        count = len(meaning.split())
        abbreviation = re.escape(name)
        words = rf"((?:[\w'’-]+\s+){{{count - 1}}}[\w'’-]+)"  # one way only to split them: no backtracking
        spelt = re.compile(
            rf"{words}\s*\(\s*{abbreviation}\s*\)|(?<![\w-]){abbreviation}s?\W[^.()]{{0,30}}\(\s*{words}"
        )
        written = [
            (page, number, " ".join((match[1] or match[2]).split()))
            for page in pages
            for number, line in page.plain_lines()
            for match in spelt.finditer(line)
        ]
        contradicting = [
            found
            for found in written
            if found[2].lower() != meaning.lower() and initials(found[2]) == initials(meaning)
        ]
        if contradicting and not any(found[2].lower() == meaning.lower() for found in written):
            page, number, words = contradicting[0]
            problems.append(
                Problem(
                    definitions.path,
                    lines.get(name, 1),
                    f"'{name}' means '{meaning}' here, but {page.path}:{number} spells it out as '{words}'; write the "
                    "paper's words",
                )
            )
    return problems


def where_spelt_out(abbreviation: str, meaning: str, pages: list[SourcePage]) -> tuple[SourcePage, str] | None:
    """The first page (in the order given) that spells it out, and the paragraph anchor if a numbered one does."""
    spelt_out = spelling_out(abbreviation, meaning)
    for page in pages:
        for _, text in page.plain_lines():
            if spelt_out.search(text):
                match = PARAGRAPH_NUMBER.match(text)
                return page, (f"{match[1]}.{match[2]}" if match else "")
    return None


SpeltOut = dict[str, tuple[SourcePage, str] | None]


def spelt_out(abbreviations: dict[str, str], pages: list[SourcePage]) -> SpeltOut:
    """Where each abbreviation is first spelt out in ``pages`` (as where_spelt_out), by abbreviation.

    Found once a build (the paper's model keeps it) for both the glossary and the website meanings.
    """
    return {name: where_spelt_out(name, meaning, pages) for name, meaning in abbreviations.items()}


def check_glossary_marker(page: SourcePage) -> list[Problem]:
    if any(match["part"] == "paper" for match in MARKER.finditer(page.text)):
        return []
    return [
        Problem(
            page.path,
            page.title_line,
            "has no <!-- glossary: paper --> marker, so no table of abbreviations; put it on a line of its own where "
            "the table goes",
        )
    ]


def in_the_paper(name: str, pages: list[SourcePage]) -> bool:
    """Used on a page that goes into the PDF (not ``pdf: false``)."""
    used = re.compile(ABBREVIATION_USED.format(re.escape(name)))
    return any(page.in_pdf and any(used.search(line) for _, line in page.plain_lines()) for page in pages)
