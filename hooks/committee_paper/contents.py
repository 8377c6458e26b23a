"""A contents list of the paper's parts: on the PDF's cover and at the top of the one-page paper."""

from __future__ import annotations

import html
from dataclasses import dataclass, field

CONTENTS_ID = "paper-contents"  # the contents list's heading


@dataclass
class ContentsEntry:
    """One line of the contents list: a part of the paper, or a group of parts."""

    title: str
    target: str | None = None  # id of the part's first element; None for a group heading
    children: list[ContentsEntry] = field(default_factory=list)


def contents_html(entries: list[ContentsEntry]) -> str:
    """A contents list whose page numbers the print stylesheet fills in (target-counter)."""

    def items(level: list[ContentsEntry]) -> str:
        out = []
        for entry in level:
            title = html.escape(entry.title)
            line = f'<a href="#{html.escape(entry.target)}">{title}</a>' if entry.target else f"<span>{title}</span>"
            nested = f"<ol>{items(entry.children)}</ol>" if entry.children else ""
            out.append(f"<li>{line}{nested}</li>")
        return "".join(out)

    return f'<nav class="paper-contents" aria-labelledby="{CONTENTS_ID}"><h2 id="{CONTENTS_ID}">Contents</h2><ol>{items(entries)}</ol></nav>'
