"""Caption numbers ("Table 1.") where the paper is one document: counted through it, not per page."""

from __future__ import annotations

import re

# pymdownx.blocks.caption writes each caption's number, "Table 1.", in this span, counting on each page.
CAPTION_PREFIX = re.compile(r'(<span class="caption-prefix">)([^<]*?)(\d+)([^<]*</span>)')


def renumbered_captions(html: str) -> str:
    """``html`` with each kind of caption ("Table", "Figure") numbered 1, 2, 3… in document order."""
    counts: dict[str, int] = {}

    def next_number(match: re.Match[str]) -> str:
        kind = match[2] + "#" + match[4]
        counts[kind] = counts.get(kind, 0) + 1
        return f"{match[1]}{match[2]}{counts[kind]}{match[4]}"

    return CAPTION_PREFIX.sub(next_number, html)
