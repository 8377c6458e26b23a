"""The contents of the whole paper, as a Markdown list made from the site's navigation.

``<!-- nav-contents -->`` on a line of its own is replaced by the list, so a cover
page lists every part of the paper without anyone typing (or mistyping) it.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field

MARKER = re.compile(r"^[ \t]*<!--\s*nav-contents\s*-->[ \t]*$", re.MULTILINE)
MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>])")


@dataclass
class NavEntry:
    """A page (with its Markdown source path) or a group of pages (no path)."""

    title: str | None
    path: str | None = None
    children: list[NavEntry] = field(default_factory=list)


def _lines(entries: list[NavEntry], from_dir: str, depth: int) -> list[str]:
    lines = []
    for entry in entries:
        title = MARKDOWN_SPECIAL.sub(r"\\\1", entry.title or "")
        if entry.path is None:
            text = title
        else:
            # Empty link text gets the page's own title from MkDocs.
            text = f"[{title}]({posixpath.relpath(entry.path, from_dir or '.')})"
        lines.append(f"{'    ' * depth}- {text}")
        lines += _lines(entry.children, from_dir, depth + 1)
    return lines


def render_nav_contents(markdown: str, entries: list[NavEntry], page_path: str) -> str:
    """The page's Markdown with each marker replaced by the nav as a nested list, linked from ``page_path``."""
    contents = "\n".join(_lines(entries, posixpath.dirname(page_path), 0))
    return MARKER.sub(lambda _: f"\n{contents}\n", markdown)
