"""The paper as received (``source/*.md``) as located sentences, and text normalised for comparison.

Typographic quotes and dashes are folded to plain ones and whitespace is collapsed, so the site's
typography never counts as a change. The source is read as Markdown: headings, paragraphs, list
items, the cells of Markdown tables (and of tab-separated ones, as a table pasted from a word
processor comes), images' alt text and captions (``/// caption`` blocks). Contact lines (a phone or
an email address) are left out: the site shows each contact restructured, and verify checks each
contact's links instead. Paragraph numbers are compared without a trailing full stop: a paper writes
"2.1." and "5.1", the site shows every number one way, "2.1".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from committee_paper.model.anchors import RECOMMENDATIONS_HEADING, ROMAN

FOLD = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " ", "¶": " "})
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])")
PARAGRAPH_NUMBER = re.compile(r"^(?:[-*] )?(\d+\.\d+)\.?\s")
IMAGE = re.compile(r'!\[(?P<alt>[^\]]*)\]\([^)\s]*(?:\s+"(?P<title>[^"]*)")?\)')
LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
# A contact's line, however the paper writes it: "Tel:", a mailto: link or an email address.
CONTACT_LINE = re.compile(r"\bTel:|mailto:|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
RULE = set("-=|: ")
# A heading as a paper as received writes it: "## Recommendations", "### **Recommendation**", "**Recommendations**".
HEADING_LINE = re.compile(r"^#+\s*(?P<words>.+)$|^\*\*(?P<bold>[^*]+)\*\*$")
RECOMMENDATION = re.compile(r"^\((?P<roman>[ivx]+)\)\s|^(?P<number>\d+)\.\s")  # "(ii) …" or "2. …"


@dataclass(frozen=True)
class Sentence:
    path: str  # as shown to editors: "source/cover-report.md"
    line: int
    text: str  # normalised
    alt: bool = False  # an image's alt text: shown to screen readers on the web pages, not as text

    def where(self) -> str:
        return f"{self.path}:{self.line}"


def normalise(text: str) -> str:
    return " ".join(text.translate(FOLD).split())


def source_files(paper: Path) -> list[Path]:
    """The paper as received: every Markdown file in source/, in name order."""
    return sorted((paper / "source").glob("*.md"))


def _inline(text: str) -> str:
    """Markdown inline syntax taken away: links keep their words, emphasis and tags go."""
    text = LINK.sub(r"\1", text)
    text = re.sub(r"</?[a-zA-Z][^>]*>", " ", text)
    return re.sub(r"(\*\*|__|(?<!\w)[*_]|[*_](?!\w))", "", text)


def source_blocks(markdown: str) -> list[tuple[int, str, bool]]:
    """(line, text, is alt text) of each block in reading order: headings, paragraphs' lines, list items, table cells,
    images' alt texts and captions."""
    blocks: list[tuple[int, str, bool]] = []
    markdown = re.sub(r"<!--.*?-->", lambda match: "\n" * match[0].count("\n"), markdown, flags=re.DOTALL)
    for number, raw in enumerate(markdown.splitlines(), start=1):
        line = raw.strip()
        if not line or set(line) <= RULE or line.startswith("///") or CONTACT_LINE.search(line):
            continue
        for image in IMAGE.finditer(line):
            blocks += [(number, text, True) for text in (image["alt"], image["title"]) if text and text.strip()]
        line = IMAGE.sub(" ", line).strip()
        if "\t" in line or line.startswith("|"):
            cells = line.split("\t") if "\t" in line else line.strip("|").split("|")
            blocks += [(number, _inline(cell).strip(), False) for cell in cells if _inline(cell).strip()]
            continue
        heading = line.startswith("#")
        line = re.sub(r"^#+\s*", "", line)
        line = re.sub(r"^[-*+] ", "", line)
        line = re.sub(r"^(\d+\.\d+)\.(?=\s)", r"\1", line)
        if not heading:
            line = re.sub(r"^\d+\. (?!\d)", "", line)
        line = _inline(line).strip()
        if not line:
            continue
        if blocks and not blocks[-1][2] and blocks[-1][1].endswith(",") and line[:1].islower():
            blocks[-1] = (blocks[-1][0], f"{blocks[-1][1]} {line}", False)  # a paragraph broken across a page
        else:
            blocks.append((number, line, False))
    return blocks


def sentences_of(markdown: str, path: str) -> list[Sentence]:
    return [
        Sentence(path, line, sentence, alt)
        for line, block, alt in source_blocks(markdown)
        for part in SENTENCE_END.split(block)
        if (sentence := normalise(part).rstrip(":"))
    ]


def source_sentences(paper: Path) -> list[Sentence]:
    """Every sentence of the paper as received, located in its file."""
    return [
        sentence
        for path in source_files(paper)
        for sentence in sentences_of(path.read_text(encoding="utf-8"), path.relative_to(paper).as_posix())
    ]


def paper_text(paper: Path) -> str:
    """The paper as one normalised string, to find verbatim passages in."""
    return normalise(
        " ".join(block for path in source_files(paper) for _, block, _ in source_blocks(path.read_text("utf-8")))
    )


def numbered_paragraphs(paper: Path) -> list[tuple[str, int, str]]:
    """(file, line, number such as "2.4") of each numbered paragraph of the source, in order."""
    found = []
    for path in source_files(paper):
        for line, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            match = PARAGRAPH_NUMBER.match(text.strip())
            if match:
                found.append((path.relative_to(paper).as_posix(), line, match[1]))
    return found


def recommendations(paper: Path) -> list[tuple[str, int, str]]:
    """(file, line, number as the paper writes it, "ii" or "2") of each recommendation of the source: under a heading
    "Recommendations" (or "Recommendation", "Recommendation(s)"), up to the next heading, the lines "(i) …", "(ii) …"
    in order, or "1. …", "2. …", as the build lists and anchors them (model/anchors.py); "(i) …" right after a
    numbered paragraph is its sub-point, not a recommendation."""
    found = []
    for path in source_files(paper):
        under, roman, sub_points = False, 0, False
        for line, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            text = text.strip()
            if not text:
                continue
            item = RECOMMENDATION.match(text)
            # "(i) …" lines right after a numbered paragraph are its sub-points (render/citable_anchors.py), cited by
            # the paragraph's anchor, whatever heading they are under.
            sub_points = bool(PARAGRAPH_NUMBER.match(text)) or (sub_points and item is not None and bool(item["roman"]))
            if heading := HEADING_LINE.match(text):
                words = (heading["words"] or heading["bold"]).replace("*", "").strip().rstrip(":")
                under, roman = RECOMMENDATIONS_HEADING.fullmatch(words) is not None, 0
            elif under and item and not sub_points:
                if item["number"]:
                    found.append((path.relative_to(paper).as_posix(), line, item["number"]))
                elif roman < len(ROMAN) and item["roman"] == ROMAN[roman]:
                    found.append((path.relative_to(paper).as_posix(), line, item["roman"]))
                    roman += 1
    return found


def missing_in_order(sentences: list[Sentence], text: str) -> list[Sentence]:
    """Sentences not found in ``text`` after the previous one found."""
    missing, cursor = [], 0
    for sentence in sentences:
        found = text.find(sentence.text, cursor)
        if found < 0:
            missing.append(sentence)
        else:
            cursor = found + len(sentence.text)
    return missing
