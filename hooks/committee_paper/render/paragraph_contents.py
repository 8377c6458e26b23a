"""A page's numbered paragraphs as contents entries: anchor and a short label."""

from __future__ import annotations

import html

from committee_paper.markup import Token, classes, starts, text_of

# The class of a numbered paragraph (citable_anchors.py), whose id is its anchor: a <p>, or a <div> with sub-points.
NUMBERED_PARAGRAPH = "numbered-paragraph"
LABEL_WORDS = 6


def paragraph_entries(page: list[Token]) -> list[tuple[str, str]]:
    """(anchor, label HTML) per numbered paragraph of the page, the label being its number and first words."""
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
