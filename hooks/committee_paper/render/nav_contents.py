"""The contents of the whole paper, as a Markdown list made from the site's navigation.

``<!-- nav-contents -->`` on a line of its own is replaced by the list, so a cover
page lists every part of the paper without anyone typing (or mistyping) it.
"""

from __future__ import annotations

import posixpath
import re

from committee_paper.model.contents import ContentsEntry

MARKER = re.compile(r"^[ \t]*<!--\s*nav-contents\s*-->[ \t]*$", re.MULTILINE)
MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>])")


def _lines(entries: list[ContentsEntry], from_dir: str, depth: int) -> list[str]:
    lines = []
    for entry in entries:
        title = MARKDOWN_SPECIAL.sub(r"\\\1", entry.title or "")
        text = title if entry.target is None else f"[{title}]({posixpath.relpath(entry.target, from_dir or '.')})"
        lines.append(f"{'    ' * depth}- {text}")
        lines += _lines(entry.children, from_dir, depth + 1)
    return lines


def render_nav_contents(markdown: str, entries: list[ContentsEntry], page_path: str) -> str:
    """The page's Markdown with each marker replaced by the nav (entries targeting pages' Markdown
    files) as a nested list, linked from ``page_path``."""
    contents = "\n".join(_lines(entries, posixpath.dirname(page_path), 0))
    return MARKER.sub(lambda _: f"\n{contents}\n", markdown)
