"""Email links that say what the message is about: a subject naming the paper, and the appendix on its page."""

from __future__ import annotations

from urllib.parse import quote

from committee_paper.markup import Token, starts


def mail_subject(paper: str, appendix: str | None = None) -> str:
    return f"{paper}: {appendix}" if appendix else paper


def add_subject(page: list[Token], subject: str) -> None:
    """Add ``?subject=`` to every plain ``mailto:`` link of the page."""
    for _, link in starts(page, lambda tag: tag.attrs.get("href", "").startswith("mailto:")):
        if "?" not in link.attrs["href"]:  # a link with a query of its own keeps it
            link.attrs["href"] += f"?subject={quote(subject)}"
