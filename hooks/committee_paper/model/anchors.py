"""The anchors' scheme: the ids that make a paragraph, a recommendation, a labelled paragraph or a background
paper citable (render/citable_anchors.py gives them to the rendered pages)."""

from __future__ import annotations

import re

PARAGRAPH_NUMBER = re.compile(r"(\d+)\.(\d+)\.?(?=\s)")
# The heading the recommendations stand under, and the numerals of "(i)", "(ii)" … as they are numbered.
RECOMMENDATIONS_HEADING = re.compile(r"recommendations?|recommendation\(s\)", re.IGNORECASE)
ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv"]


def paragraph_anchor(number: str) -> str:
    """``"2.4"`` -> ``"para-2-4"``: the anchor scheme of guides/how-it-works.md."""
    return "para-" + number.strip(".").replace(".", "-")


def recommendation_anchor(number: str) -> str:
    """``"ii"`` (written "(ii)") -> ``"recommendation-ii"``; ``"2"`` (written "2.") -> ``"recommendation-2"``."""
    return f"recommendation-{number}"


def paper_anchor(number: int) -> str:
    return f"paper-{number}"


def label_anchor(label: str) -> str:
    """``"Personnel and finance"`` -> ``"personnel-and-finance"``."""
    return "-".join(re.findall(r"[a-z0-9]+", label.lower()))
