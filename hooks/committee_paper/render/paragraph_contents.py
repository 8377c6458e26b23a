"""A page's numbered paragraphs as contents entries: anchor and a short label."""

from __future__ import annotations

import html

from committee_paper.markup import Token, classes, starts, text_of
from committee_paper.render.citable_anchors import NUMBERED_PARAGRAPH

LABEL_WORDS = 6


def paragraph_entries(page: list[Token]) -> list[tuple[str, str]]:
    """(anchor, label HTML) per numbered paragraph of the page (a <p>, or a <div> with its sub-points, its id the
    anchor), the label being its number and first words."""
    entries = []
    for index, paragraph in starts(page, lambda tag: NUMBERED_PARAGRAPH in classes(tag)):
        anchor, words = paragraph.attrs.get("id"), text_of(page, index).split()
        if not anchor or not words:
            continue
        number, text = words[0].rstrip("."), words[1 : LABEL_WORDS + 1]
        ellipsis = "…" if len(words) > LABEL_WORDS + 1 else ""
        # The number looks as it does in the text (class paragraph-number, paper.css).
        label = html.escape(f"{' '.join(text)}{ellipsis}")
        entries.append((anchor, f'<span class="paragraph-number">{html.escape(number)}</span> {label}'))
    return entries
