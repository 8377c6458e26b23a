"""Links between the site's pages: written as Markdown links, followed, and as parts of the one-document paper."""

from __future__ import annotations

import posixpath
from urllib.parse import SplitResult, urlsplit

# The class of a figure's link to its image at full size (checks/captions.py adds it, the PDF drops it).
FULL_SIZE = "figure-full-size"
# Attributes that name other elements by id (space-separated lists).
ID_REFERENCES = ["aria-labelledby", "aria-describedby", "aria-controls", "for", "headers"]


def relative_link(from_uri: str, to: str) -> str:
    """``to`` (``page.md`` or ``page.md#anchor``, relative to docs/) as linked from the page ``from_uri``."""
    path, hash_, anchor = to.partition("#")
    return posixpath.relpath(path, posixpath.dirname(from_uri) or ".") + hash_ + anchor


def link_target(href: str, page_url: str) -> tuple[str, SplitResult] | None:
    """The site path a link on the page at ``page_url`` leads to, and the link's parts; None for a
    link to another host, a site-absolute path, ``mailto:`` or ``tel:``.

    ``("../appendices/appendix-a.html#x", "background/annual-report.html")`` -> ``"appendices/appendix-a.html"``.
    """
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith("/"):
        return None
    return (
        posixpath.normpath(posixpath.join(posixpath.dirname(page_url), parts.path)) if parts.path else page_url
    ), parts


def part_id(page_url: str) -> str:
    """The id of a page's part where the paper is one document (the PDF, the one-page paper):
    ``background/annual-report.html`` -> ``background/annual-report``."""
    return posixpath.splitext(page_url)[0]
