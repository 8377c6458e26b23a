"""A page's numbered paragraphs as contents entries: anchor and a short label."""

from __future__ import annotations

import html
import re

NUMBERED_PARAGRAPH = re.compile(r'<p class="numbered-paragraph" id="(para-[\d-]+)">(.*?)</p>', re.DOTALL)
TAG = re.compile(r"<[^>]+>")
LABEL_WORDS = 6


def paragraph_entries(page_html: str) -> list[tuple[str, str]]:
    """(anchor, label HTML) per numbered paragraph, the label being its number and first words."""
    entries = []
    for anchor, inner in NUMBERED_PARAGRAPH.findall(page_html):
        words = html.unescape(TAG.sub("", inner)).split()
        number, text = words[0].rstrip("."), words[1 : LABEL_WORDS + 1]
        ellipsis = "…" if len(words) > LABEL_WORDS + 1 else ""
        # The number looks as it does in the text (class paragraph-number, paper.css).
        label = html.escape(f"{' '.join(text)}{ellipsis}")
        entries.append((anchor, f'<span class="paragraph-number">{html.escape(number)}</span> {label}'))
    return entries
