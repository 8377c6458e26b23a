"""Email links that say what the message is about: a subject naming the paper, and the appendix on its page."""

from __future__ import annotations

from urllib.parse import quote

from .markup import Start, markup, tokens


def mail_subject(paper: str, appendix: str | None = None) -> str:
    return f"{paper}: {appendix}" if appendix else paper


def with_subject(page_html: str, subject: str) -> str:
    """Every plain ``mailto:`` link of the page with ``?subject=`` added."""
    stream = tokens(page_html)
    for token in stream:
        href = token.attrs.get("href", "") if isinstance(token, Start) else ""
        if href.startswith("mailto:") and "?" not in href:  # a link with a query of its own keeps it
            token.attrs["href"] = f"{href}?subject={quote(subject)}"
    return markup(stream)
