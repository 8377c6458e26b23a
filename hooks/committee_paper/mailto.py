"""Email links that say what the message is about: a subject naming the paper, and the appendix on its page."""

from __future__ import annotations

import re
from urllib.parse import quote

# An email link without a query of its own, as Markdown renders it.
MAILTO = re.compile(r'href="mailto:([^"?]+)"')


def mail_subject(paper: str, appendix: str | None = None) -> str:
    return f"{paper}: {appendix}" if appendix else paper


def with_subject(page_html: str, subject: str) -> str:
    """Every plain ``mailto:`` link of the page with ``?subject=`` added."""
    return MAILTO.sub(lambda match: f'href="mailto:{match[1]}?subject={quote(subject)}"', page_html)
