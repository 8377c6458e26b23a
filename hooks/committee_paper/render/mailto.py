"""Email links that say what the message is about: a subject naming the paper, and the appendix on its page."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from urllib.parse import quote

from markdown.util import AMP_SUBSTITUTE

# Python-Markdown writes an email autolink's address ("<name@example.org>") as character references, each "&"
# held as a placeholder until the page is written.
OBFUSCATED = re.compile(re.escape(AMP_SUBSTITUTE) + r"#(\d+);")


def mail_subject(paper: str, appendix: str | None = None) -> str:
    return f"{paper}: {appendix}" if appendix else paper


def add_subject(page: etree.Element, subject: str) -> None:
    """Add ``?subject=`` to every plain ``mailto:`` link of the page (its element tree, as Python-Markdown built it)."""
    for link in page.iter():
        # An autolink's address written plainly, as a browser reads it: the subject goes after it.
        href = OBFUSCATED.sub(lambda match: chr(int(match[1])), link.get("href", ""))
        if href.startswith("mailto:") and "?" not in href:  # a link with a query of its own keeps it
            link.set("href", f"{href}?subject={quote(subject)}")
