"""The paper's caption blocks where they caption what the paper captions (render/caption_elements.py renders them).

The caption block captions what is just above it, so one written above its table (where the
paper prints it) would caption the paragraph before: ``check_captions`` fails the build there.
"""

from __future__ import annotations

import re

from committee_paper.model.glossary import MARKER as GLOSSARY_MARKER
from committee_paper.model.problems import Problem
from committee_paper.model.sources import SourcePage

CAPTION_BLOCK = re.compile(r"^///\s*(table|figure)-caption\b")
BLOCK_END = re.compile(r"^///\s*$")
TABLE_ROW = re.compile(r"^\s*\|")
IMAGE = re.compile(r"!\[[^\]]*\]\(")


def check_captions(page: SourcePage) -> list[Problem]:
    """Each ``/// table-caption`` right after a table (or the glossary's marker, which becomes one), each
    ``/// figure-caption`` right after an image."""
    problems = []
    lines = page.text.splitlines()
    for index, line in enumerate(lines):
        match = CAPTION_BLOCK.match(line)
        if not match:
            continue
        above = next((text for text in reversed(lines[:index]) if text.strip()), "")
        words = " ".join(text.strip() for text in _until_end(lines[index + 1 :]))
        if match[1] == "table" and not (TABLE_ROW.match(above) or GLOSSARY_MARKER.match(above)):
            fix = "put the /// table-caption block right after its table (the site shows a table's caption above it)"
            problems.append(
                Problem(
                    page.path,
                    index + 1,
                    f'the caption "{words}" follows no table, so it would caption what is above it; {fix}',
                )
            )
        elif match[1] == "figure" and not IMAGE.search(above):
            fix = "put the /// figure-caption block right after its image"
            problems.append(
                Problem(
                    page.path,
                    index + 1,
                    f'the caption "{words}" follows no image, so it would caption what is above it; {fix}',
                )
            )
    return problems


def _until_end(lines: list[str]) -> list[str]:
    """A block's lines, up to its closing ``///``."""
    end = next((index for index, line in enumerate(lines) if BLOCK_END.match(line)), len(lines))
    return lines[:end]
