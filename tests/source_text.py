"""The source paper as sentences, and text normalised for comparison.

Typographic quotes and dashes are folded to plain ones; whitespace is collapsed.
The contact lines are left out: the site shows them restructured (and phones in
GOV.UK style), and test_build checks them field by field. Paragraph numbers are
compared without a trailing full stop: the paper writes "2.1." and "5.1", the site
shows every number one way, "2.1".
"""

from __future__ import annotations

import re

FOLD = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " ", "¶": " "})
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])")


def normalise(text: str) -> str:
    return " ".join(text.translate(FOLD).split())


def source_blocks(markdown: str) -> list[str]:
    """Text blocks in report order: headings, paragraphs, list items, table cells."""
    blocks: list[str] = []
    for raw in markdown.splitlines():
        line = raw.strip()
        if not line or set(line) <= {"-"} or "Tel:" in line or "mailto:" in line:
            continue
        if "\t" in line:
            blocks += [cell.strip() for cell in line.split("\t")]
            continue
        line = re.sub(r"^#+\s*", "", line)
        line = re.sub(r"^- ", "", line)
        line = re.sub(r"^(\d+\.\d+)\.(?=\s)", r"\1", line)
        line = re.sub(r"^\d+\. (?!\d)", "", line) if not raw.startswith("#") else line
        line = line.replace("**", "")
        if blocks and blocks[-1].endswith(",") and line[:1].islower():
            blocks[-1] += " " + line  # the page break inside paragraph 2.4
        else:
            blocks.append(line)
    return blocks


def source_sentences(markdown: str) -> list[str]:
    sentences: list[str] = []
    for block in source_blocks(markdown):
        sentences += [normalise(s).rstrip(":") for s in SENTENCE_END.split(block) if s.strip()]
    return sentences


def missing_in_order(sentences: list[str], text: str) -> list[str]:
    """Sentences not found in ``text`` after the previous one."""
    missing, cursor = [], 0
    for sentence in sentences:
        found = text.find(sentence, cursor)
        if found < 0:
            missing.append(sentence)
        else:
            cursor = found + len(sentence)
    return missing


def altered(sentences: list[str]) -> list[str]:
    """The sentences with one word of the longest changed (its last letter dropped), to show a check can fail."""
    longest = max(sentences, key=len)
    word = max(re.findall(r"\b[A-Za-z]{5,}\b", longest), key=len)
    return [
        re.sub(rf"\b{word}\b", word[:-1], sentence, count=1) if sentence == longest else sentence
        for sentence in sentences
    ]
