"""Every sentence of docs/ prose, and whether the paper, the data or a reviewed list supports it.

A sentence is supported when it is
(a) the paper's own, verbatim (source/), or only quotes the paper and cites where, as in
    `[Paragraph 1.1](…#para-1-1): "The report is attached for information."`;
(b) rendered from data: markers such as `<!-- background paper -->` stand for what they render,
    as `{background paper}`, and a line of markers alone says nothing;
(c) one of the website's own sentences listed, reviewed, in the tool's site-sentences.txt (beside
    this module) or in the paper's own source/site-sentences.txt, with its markers as `{…}`.
"""

from __future__ import annotations

import re
from importlib.resources import files
from pathlib import Path

from committee_paper.model.problems import Problem
from committee_paper.verify.source import FOLD, SENTENCE_END, normalise

OWN = "source/site-sentences.txt"  # a paper's own reviewed sentences, beside the paper as received
LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]*)\)")
CITATION = re.compile(r"[Pp]aragraphs? (\d+)\.(\d+)")
QUOTATION = re.compile(r'"([^"]+)"')
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
NOT_THE_PAPERS = (
    "is neither the paper's (source/) nor on a reviewed list; write the paper's own words, or, if it is a true "
    f"sentence about the website, add it to {OWN}"
)


def reviewed_lines(text: str) -> list[tuple[int, str]]:
    """(line, sentence) of a reviewed list: one sentence a line, # for comments."""
    return [
        (number, normalise(line))
        for number, line in enumerate(text.splitlines(), start=1)
        if line.strip() and not line.startswith("#")
    ]


def tool_reviewed() -> list[str]:
    """The tool's reviewed sentences, shipped with it."""
    text = files(__package__).joinpath("site-sentences.txt").read_text(encoding="utf-8")
    return [sentence for _, sentence in reviewed_lines(text)]


def _headings(docs: Path, page: Path, target: str) -> set[str]:
    path = (page.parent / target.split("#")[0]).resolve() if target.split("#")[0] else page
    if not path.is_file() or docs.resolve() not in path.parents:
        return set()
    return {
        normalise(re.sub(r"\s*\{[^}]*\}\s*$", "", line.lstrip("#")))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.startswith("#")
    }


def _cites(docs: Path, page: Path, text: str, target: str) -> bool:
    """The link only names where it goes: the paragraph its anchor is, or a heading of its page."""
    citation = CITATION.fullmatch(text) or re.fullmatch(r"(\d+)\.(\d+)", text)
    if citation:
        return target.endswith(f"#para-{citation[1]}-{citation[2]}")
    return normalise(text) in _headings(docs, page, target)


def blocks(text: str) -> list[tuple[int, str, bool]]:
    """(line, text, is a heading) of each prose line or table cell, Markdown syntax taken away, markers kept as {…}."""
    body = FRONT_MATTER.sub(lambda match: "\n" * match[0].count("\n"), text)
    body = re.sub(r"<!--\s*(.*?)\s*-->", r"{\1}", body, flags=re.DOTALL)
    found = []
    for number, line in enumerate(body.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith(("///", "*[")) or set(line) <= set("|-: "):
            continue
        line = re.sub(r'^!!! \w+ "(.*)"$', r"\1", line)
        line = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", line)  # an image: its alt text
        heading = line.startswith("#")
        line = re.sub(r"^(#+|[-*]|\d+\.(?!\d))\s+", "", line)
        line = re.sub(r"^(\d+\.\d+)\.(?=\s)", r"\1", line)  # "2.1." as the paper's text has it: "2.1"
        line = re.sub(r"\s*\{\s*[#.][^}]*\}\s*$", "", line)  # attribute lists
        line = re.sub(r"</?[a-z][^>]*>", " ", line).replace("**", "")
        cells = [cell.strip() for cell in line.strip("|").split("|")] if line.startswith("|") else [line]
        found += [(number, cell, heading) for cell in cells if cell]
    return found


def unsupported(docs: Path, page: Path, text: str, paper: str, reviewed: list[str], used: set[str]) -> list[Problem]:
    """Each sentence of the page that nothing supports; reviewed sentences met go in ``used``."""
    problems = []
    shown = page.relative_to(docs.parent).as_posix()
    for number, block, heading in blocks(text):

        def link(match: re.Match[str]) -> str:
            return "{link}" if _cites(docs, page, match[1], match[2]) else match[1]

        plain = normalise(LINK.sub(lambda match: match[1], block))
        if plain in paper:
            continue  # (a) verbatim, links and all
        cited = normalise(LINK.sub(link, block))
        for quotation in QUOTATION.findall(cited):
            if quotation.translate(FOLD).rstrip(".") not in paper:
                problems.append(
                    Problem(shown, number, f'quotation "{quotation}" is not in the paper (source/); quote it verbatim')
                )
        if heading and all(part in paper for part in cited.split(": ")):
            continue  # a heading such as "Appendix A: <a paper's title>", each part the paper's
        skeleton = QUOTATION.sub('"…"', cited)
        for sentence in sorted(reviewed, key=len, reverse=True):
            if sentence in skeleton:
                skeleton = skeleton.replace(sentence, " ")
                used.add(sentence)
        for sentence in SENTENCE_END.split(skeleton):
            sentence = sentence.strip()
            words = re.sub(r"\{[^}]*\}", "", sentence).replace("…", "")
            if sentence in paper or not re.search(r"[A-Za-z]", words):
                continue
            problems.append(Problem(shown, number, f'sentence "{sentence}" {NOT_THE_PAPERS}'))
    return problems


def check_site_sentences(paper: Path, paper_text: str) -> tuple[int, list[Problem]]:
    """(sentences checked, problems): every page of docs/ against the paper, the data and the reviewed lists; and each
    sentence of the paper's own list that no page uses (a list of the website's own sentences holds only those it
    says)."""
    docs = paper / "docs"
    own_file = paper / OWN
    own = reviewed_lines(own_file.read_text(encoding="utf-8")) if own_file.is_file() else []
    reviewed = tool_reviewed() + [sentence for _, sentence in own]
    pages = sorted(path for path in docs.rglob("*.md") if "includes" not in path.relative_to(docs).parts)
    problems: list[Problem] = []
    used: set[str] = set()
    checked = 0
    for path in pages:
        text = path.read_text(encoding="utf-8")
        checked += len(blocks(text))
        problems += unsupported(docs, path, text, paper_text, reviewed, used)
    problems += [
        Problem(OWN, line, f'"{sentence}" is on no page of docs/; remove it from the list')
        for line, sentence in own
        if sentence not in used
    ]
    return checked, problems
