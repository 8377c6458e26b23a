"""References between parts of the paper: appendices, paragraphs, abbreviations, links."""

from __future__ import annotations

import posixpath
import re

from committee_paper.model.anchors import PARAGRAPH_NUMBER
from committee_paper.model.links import relative_link
from committee_paper.model.problems import Problem
from committee_paper.model.sources import SourcePage, digits, link_targets

# An appendix is lettered ("Appendix A", "Annex A") or numbered ("Appendix 1"), as the paper writes it; a number
# followed by ".2" is a paragraph, not an appendix. An appendix the paper names with no letter ("Annex: …") is
# referred to as "the Annex".
APPENDIX_NAME = r"(?:[A-Z]|\d+(?!\d))(?!\.\d)"
APPENDIX_TITLE = re.compile(rf"(Appendix|Annex)(?: ({APPENDIX_NAME}))?\b")
APPENDIX_MENTION = re.compile(
    rf"\b(?P<kind>Appendi(?:x|ces)|Annex(?:es)?) (?P<names>{APPENDIX_NAME}(?:(?:, | and | to ){APPENDIX_NAME})*)\b"
    rf"|\b[Tt]he (?P<only>Appendix|Annex)\b(?! {APPENDIX_NAME}\b)"
)
# What a mention in the prose is never read inside: a link or image, code, an HTML tag.
PROTECTED = re.compile(r"!?\[[^\]]*\]\([^)]*\)|`[^`]*`|<[^>]*>")
NOT_PROSE = re.compile(r"^\s*(?:#|<|\*\[|\|?\s*-{3})")  # headings, HTML blocks, abbreviations, table rules
# Roman numerals ("Part II", "Schedule IV") are not abbreviations: the glossary does not explain them.
ROMAN_NUMERAL = re.compile(r"(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
PARAGRAPH_MENTION = re.compile(r"\b[Pp]aragraphs? (\d+\.\d+(?:(?:, | and | to )\d+\.\d+)*)")
ABBREVIATION = re.compile(r"(?<![\w-])([A-Z][A-Z0-9]*[A-Z](?:-[A-Z]+)?)(s?)(?![\w-])")
ABBREVIATION_DEFINITION = re.compile(r"^\*\[([^\]]+)\]:\s*(.+)$")


def mentions(pages: list[SourcePage], mention: re.Pattern[str], item: str) -> list[tuple[SourcePage, int, str]]:
    """(page, line, item) of every item named in the prose, e.g. each letter of "Appendices A, B and C"."""
    return [
        (page, number, found)
        for page in pages
        for number, line in page.plain_lines()
        for match in mention.finditer(line)
        for found in re.findall(item, match[1])
    ]


AppendixKey = tuple[str, str]  # "Appendix" or "Annex", and its letter or number ("" for "Annex: …")


def appendix_key(title: str) -> AppendixKey | None:
    match = APPENDIX_TITLE.match(title)
    return (match[1], match[2] or "") if match else None


def appendix_letters(appendices: list[SourcePage]) -> dict[AppendixKey, SourcePage]:
    letters = {}
    for page in appendices:
        key = appendix_key(page.title[1]) if page.title else None
        if key:
            letters[key] = page
    return letters


def named_appendices(match: re.Match[str]) -> list[tuple[int, AppendixKey]]:
    """(where in the mention, which appendix) of each appendix a mention names: each of "Appendices 1 and 2", or
    the "Annex" of "the Annex"."""
    if match["only"]:
        return [(match.start("only") - match.start(), (match["only"], ""))]
    kind = "Annex" if match["kind"].startswith("Annex") else "Appendix"
    at = match.start("names") - match.start()
    return [(at + name.start(), (kind, name[0])) for name in re.finditer(APPENDIX_NAME, match["names"])]


def appendix_named(key: AppendixKey, letters: dict[AppendixKey, SourcePage]) -> list[SourcePage]:
    """The pages a mention may name: its own, or for "the Annex" the paper's annexes whatever their letters (one
    is the one it names; several leave it to the paper's editor to link the right one)."""
    if key in letters:
        return [letters[key]]
    kind, name = key
    return [] if name else [page for (each, _), page in letters.items() if each == kind]


def _listed(key: AppendixKey, short: bool = False) -> str:
    """ "Annex A", "the Annex"; ``short``, an appendix is its letter or number alone ("A")."""
    kind, name = key
    return (name if short else f"{kind} {name}") if name else f"the {kind}"


def check_appendix_mentions(pages: list[SourcePage], appendices: list[SourcePage]) -> list[Problem]:
    """Every appendix named in the prose, lettered, numbered or named ("the Annex"), has its page."""
    letters = appendix_letters(appendices)
    ordered = sorted(letters, key=lambda key: (key[0] != "Appendix", not key[1], len(key[1]), key[1]))
    short = all(kind == "Appendix" and name for kind, name in letters)  # "A, B, C" unless there are annexes
    known = ", ".join(_listed(key, short) for key in ordered) or "none"
    problems = []
    for page in pages:
        raw = dict(page.body_lines())
        for number, line in page.plain_lines():
            for match in APPENDIX_MENTION.finditer(line):
                for _, key in named_appendices(match):
                    found = appendix_named(key, letters)
                    written = match[0] if match["only"] else f"{key[0]} {key[1]}"
                    if not found:
                        what = "number" if key[1].isdigit() else "letter" if key[1] else "name"
                        problems.append(
                            Problem(
                                page.path,
                                number,
                                f"'{written}' refers to no appendix page (appendices: {known}); correct the {what} or "
                                "add the appendix page under docs/appendices/",
                            )
                        )
                    # Several it may name: only a mention the editor left without a link is a problem.
                    elif len(found) > 1 and written in PROTECTED.sub("", raw[number]):
                        named = " or ".join(_listed(appendix_key(each.title[1]) or key) for each in found if each.title)
                        problems.append(
                            Problem(
                                page.path,
                                number,
                                f"'{written}' could be {named}; link it to the one the paper means, as in "
                                f"'[{written}]({relative_link(page.uri, found[0].uri)})'",
                            )
                        )
    return problems


def check_appendices_referred_to(pages: list[SourcePage], appendices: list[SourcePage]) -> list[Problem]:
    """Every appendix page is linked from some page that is not an appendix, by hand or by the build (a mention
    of it that link_mentions links)."""
    letters = appendix_letters(appendices)
    linked = set()
    for page in pages:
        if page in appendices:
            continue
        for _, line in page.body_lines():
            for _, target in link_targets(line):
                linked.add(posixpath.normpath(posixpath.join(posixpath.dirname(page.uri), target.split("#")[0])))
            prose = "" if NOT_PROSE.match(line) else PROTECTED.sub("", line)  # as link_mentions reads it
            for match in APPENDIX_MENTION.finditer(prose):
                for _, key in named_appendices(match):
                    found = appendix_named(key, letters)
                    linked.update(each.uri for each in found if len(found) == 1)
    return [
        Problem(
            page.path,
            page.title_line,
            "no page of the paper links to this appendix; link it from the paragraph or background paper that refers "
            "to it, or remove the page",
        )
        for page in appendices
        if page.uri not in linked
    ]


def numbered_paragraphs(pages: list[SourcePage]) -> list[tuple[SourcePage, int, str]]:
    """(page, line, paragraph number) of every numbered paragraph, in order."""
    return [
        (page, number, f"{match[1]}.{match[2]}")
        for page in pages
        for number, line in page.body_lines()
        if (match := PARAGRAPH_NUMBER.match(line))
    ]


def check_paragraph_numbers_unique(pages: list[SourcePage]) -> list[Problem]:
    """Each paragraph number is used once, so its anchor names one paragraph."""
    first: dict[str, str] = {}
    problems = []
    for page, number, cited in numbered_paragraphs(pages):
        if cited in first:
            problems.append(
                Problem(
                    page.path,
                    number,
                    f"paragraph {cited} is numbered again (first at {first[cited]}); renumber it so each paragraph "
                    "has its own number",
                )
            )
        first.setdefault(cited, f"{page.path}:{number}")
    return problems


def check_paragraph_mentions(pages: list[SourcePage]) -> list[Problem]:
    existing = {cited for _, _, cited in numbered_paragraphs(pages)}
    span = (
        f"paragraphs run from {min(existing, key=_order)} to {max(existing, key=_order)}"
        if existing
        else "the paper has no numbered paragraphs"
    )
    return [
        Problem(page.path, number, f"'paragraph {cited}' refers to no numbered paragraph; correct the number ({span})")
        for page, number, cited in mentions(pages, PARAGRAPH_MENTION, r"\d+\.\d+")
        if cited not in existing
    ]


def _order(number: str) -> tuple[int, ...]:
    return tuple(int(part) for part in number.split("."))


def parse_abbreviations(page: SourcePage) -> dict[str, str]:
    return {
        match[1]: match[2].strip() for _, line in page.body_lines() if (match := ABBREVIATION_DEFINITION.match(line))
    }


def is_abbreviation(word: str, not_abbreviations: frozenset[str]) -> bool:
    """A word in capitals that is not a Roman numeral nor one the paper's settings say is no abbreviation."""
    return word not in not_abbreviations and not ROMAN_NUMERAL.fullmatch(word)


def check_abbreviations(
    pages: list[SourcePage], defined: dict[str, str], definitions: str, not_abbreviations: frozenset[str] = frozenset()
) -> list[Problem]:
    """Every abbreviation used is ``defined`` (in the file ``definitions``, as the model read it), for hover and focus
    and for the glossary rendered from the definitions."""
    problems = []
    reported = set()
    for page in pages:
        for number, line in page.plain_lines():
            text = re.sub(r"`[^`]*`", "", line)
            for match in ABBREVIATION.finditer(text):
                word = match[1] + match[2] if match[1] + match[2] in defined else match[1]
                undefined = word.rstrip("s") not in defined and word not in defined
                if undefined and is_abbreviation(match[1], not_abbreviations) and (word, page.path) not in reported:
                    reported.add((word, page.path))
                    problems.append(
                        Problem(
                            page.path,
                            number,
                            f"abbreviation '{word}' is not explained in {definitions}; add '*[{word}]: what it "
                            "stands for' there (the glossary is made from it), or, if it is not an abbreviation, "
                            "list it under extra.paper.not_abbreviations in mkdocs.yml",
                        )
                    )
    return problems


def check_contact_links(pages: list[SourcePage]) -> list[Problem]:
    """A mailto: or tel: link shows the address or number it dials."""
    problems = []
    for page in pages:
        for number, line in page.body_lines():
            for text, target in link_targets(line):
                address = target.removeprefix("mailto:").split("?")[0]
                if target.startswith("mailto:") and text != address:
                    problems.append(
                        Problem(
                            page.path,
                            number,
                            f"the link shows '{text}' but writes to '{address}'; make the link text and the mailto: "
                            "address the same",
                        )
                    )
                dialled = digits(target).removeprefix("44").lstrip("0")
                if target.startswith("tel:") and digits(text).lstrip("0") != dialled:
                    problems.append(
                        Problem(
                            page.path,
                            number,
                            f"the link shows '{text}' but dials '{target}'; make them the same number",
                        )
                    )
    return problems
