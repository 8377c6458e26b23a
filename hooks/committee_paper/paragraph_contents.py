"""A page's numbered paragraphs as contents entries: anchor and a short label."""

from __future__ import annotations

import html

from .markup import classes, starts, text_of, tokens

NUMBERED_PARAGRAPH = "numbered-paragraph"  # the class of a numbered paragraph (anchors.py), whose id is its anchor
LABEL_WORDS = 6


def paragraph_entries(page_html: str) -> list[tuple[str, str]]:
    """(anchor, label HTML) per numbered paragraph, the label being its number and first words."""
    if NUMBERED_PARAGRAPH not in page_html:
        return []
    stream = tokens(page_html)
    entries = []
    for index, paragraph in starts(stream, lambda tag: tag.name == "p" and NUMBERED_PARAGRAPH in classes(tag)):
        anchor, words = paragraph.attrs.get("id"), text_of(stream, index).split()
        if not anchor or not words:
            continue
        number, text = words[0].rstrip("."), words[1 : LABEL_WORDS + 1]
        ellipsis = "…" if len(words) > LABEL_WORDS + 1 else ""
        # The number looks as it does in the text (class paragraph-number, paper.css).
        label = html.escape(f"{' '.join(text)}{ellipsis}")
        entries.append((anchor, f'<span class="paragraph-number">{html.escape(number)}</span> {label}'))
    return entries
