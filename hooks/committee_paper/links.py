"""Links between the site's pages, written as Markdown links relative to the linking page."""

from __future__ import annotations

import posixpath


def relative_link(from_uri: str, to: str) -> str:
    """``to`` (``page.md`` or ``page.md#anchor``, relative to docs/) as linked from the page ``from_uri``."""
    path, hash_, anchor = to.partition("#")
    return posixpath.relpath(path, posixpath.dirname(from_uri) or ".") + hash_ + anchor
