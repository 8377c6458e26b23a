"""Every sentence of docs/ prose, and whether the paper, the data or the reviewed list supports it.

A sentence is supported when it is
(a) the paper's own, verbatim (source/), or only quotes the paper and cites
    where, as in `[Paragraph 1.1](…#para-1-1): "The report is attached for information."`;
(b) rendered from data: markers such as `<!-- background paper -->` stand for what
    they render, as `{background paper}`, and a line of markers alone says nothing;
(c) one of the website's own sentences listed, reviewed, in tests/site-sentences.txt (the
    tool's, which the skeleton of scripts/new-paper says too) or in site-sentences.txt beside
    the paper as received (source/, a paper's own, if it needs any), with its markers as `{…}`.
"""

from __future__ import annotations

import re
from pathlib import Path

from source_text import FOLD, SENTENCE_END, normalise, source_blocks

REVIEWED = Path(__file__).parent / "site-sentences.txt"  # the tool's
OWN = "site-sentences.txt"  # a paper's own, beside the paper as received
LINK = re.compile(r"!?\[([^\]]*)\]\(([^)\s]*)\)")  # an image by its alt text
CITATION = re.compile(r"[Pp]aragraphs? (\d+)\.(\d+)")
QUOTATION = re.compile(r'"([^"]+)"')
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)


def paper_text(source: str) -> str:
    """The paper as one normalised string, to find verbatim passages in."""
    return normalise(" ".join(source_blocks(source)))


def reviewed_sentences(path: Path = REVIEWED) -> list[str]:
    """A reviewed list of the website's own sentences; none if the list is not there (a paper's own is optional)."""
    lines = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
    return [normalise(line) for line in lines if line.strip() and not line.startswith("#")]


def _headings(docs: Path, page: Path, target: str) -> set[str]:
    path = (page.parent / target.split("#")[0]).resolve() if target.split("#")[0] else page
    if not path.is_file() or docs not in path.parents:
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
        heading = line.startswith("#")
        line = re.sub(r"^(#+|[-*]|\d+\.(?!\d))\s+", "", line)
        line = re.sub(r"^(\d+\.\d+)\.(?=\s)", r"\1", line)  # "2.1." as the paper's text has it: "2.1"
        line = re.sub(r"\s*\{\s*[#.][^}]*\}\s*$", "", line)  # attribute lists
        line = re.sub(r"</?[a-z][^>]*>", " ", line).replace("**", "")
        cells = [cell.strip() for cell in line.strip("|").split("|")] if line.startswith("|") else [line]
        found += [(number, cell, heading) for cell in cells if cell]
    return found


def unsupported(docs: Path, page: Path, text: str, paper: str, reviewed: list[str], used: set[str]) -> list[str]:
    """`file:line: sentence` for each sentence of the page that nothing supports; reviewed sentences met go in ``used``."""
    problems = []
    shown = page.relative_to(docs.parent)
    for number, block, heading in blocks(text):

        def link(match: re.Match[str]) -> str:
            return "{link}" if _cites(docs, page, match[1], match[2]) else match[1]

        plain = normalise(LINK.sub(lambda match: match[1], block))
        if plain in paper:
            continue  # (a) verbatim, links and all
        cited = normalise(LINK.sub(link, block))
        for quotation in QUOTATION.findall(cited):
            if quotation.translate(FOLD).rstrip(".") not in paper:
                problems.append(f'{shown}:{number}: quotation not in the paper: "{quotation}"')
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
            problems.append(f"{shown}:{number}: {sentence}")
    return problems
