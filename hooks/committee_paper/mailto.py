"""Email links that say what the message is about: a subject naming the paper, and the appendix on its page."""

from __future__ import annotations

from urllib.parse import quote

from .markup import markup, starts, tokens


def mail_subject(paper: str, appendix: str | None = None) -> str:
    return f"{paper}: {appendix}" if appendix else paper


def with_subject(page_html: str, subject: str) -> str:
    """Every plain ``mailto:`` link of the page with ``?subject=`` added."""
    if "mailto:" not in page_html:
        return page_html
    stream = tokens(page_html)
    for _, link in starts(stream, lambda tag: tag.attrs.get("href", "").startswith("mailto:")):
        if "?" not in link.attrs["href"]:  # a link with a query of its own keeps it
            link.attrs["href"] += f"?subject={quote(subject)}"
    return markup(stream)
