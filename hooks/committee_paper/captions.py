"""Caption numbers ("Table 1.") where the paper is one document: counted through it, not per page."""

from __future__ import annotations

import re

from .markup import Text, classes, markup, starts, tokens

# pymdownx.blocks.caption writes each caption's number, "Table 1.", in a span of this class, counting on each page.
CAPTION_PREFIX = "caption-prefix"
NUMBERED = re.compile(r"(\D*)(\d+)(.*)", re.DOTALL)


def renumbered_captions(html: str) -> str:
    """``html`` with each kind of caption ("Table", "Figure") numbered 1, 2, 3… in document order."""
    if CAPTION_PREFIX not in html:
        return html
    stream = tokens(html)
    counts: dict[str, int] = {}
    for index, _ in starts(stream, lambda tag: tag.name == "span" and CAPTION_PREFIX in classes(tag)):
        label = stream[index + 1]
        if not isinstance(label, Text) or not (match := NUMBERED.fullmatch(label.text)):
            continue
        kind = match[1] + "#" + match[3]
        counts[kind] = counts.get(kind, 0) + 1
        label.text = f"{match[1]}{counts[kind]}{match[3]}"
    return markup(stream)
