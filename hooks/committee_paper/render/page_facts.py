"""What a page says that only the whole paper knows, as a Python-Markdown extension.

An email link's subject names the paper and, on an appendix's page, the appendix (mailto.py); an
abbreviation whose meaning no page spells out says on hover and focus that the meaning is the
website's (glossary_table.py). MkDocs makes a Markdown instance for every page from the extensions
it was given, so the build registers one instance of ``PageFactsExtension`` and sets its ``page``
before each page renders (stages/rendering.py, on_page_markdown): the facts go in as data, and the
page's HTML is written once, by Python-Markdown.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Set
from dataclasses import dataclass

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from committee_paper.render.glossary_table import mark_website_meanings
from committee_paper.render.mailto import add_subject


@dataclass(frozen=True)
class PageFacts:
    subject: str  # the subject of the page's email links (mailto.mail_subject)
    website_meanings: Set[str]  # abbreviations' meanings that only the glossary spells out


class PageFactsExtension(Extension):
    """One per build: ``page`` is the facts of the page about to render."""

    def __init__(self) -> None:
        super().__init__()
        self.page: PageFacts | None = None

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's API)
        # After abbr (7) has set the abbreviations' meanings and the toc (5) has read the headings, so the
        # page's contents read as the headings do.
        md.treeprocessors.register(_PageFacts(md, self), "page_facts", 3)


class _PageFacts(Treeprocessor):
    def __init__(self, md: Markdown, extension: PageFactsExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        facts = self.extension.page
        if facts is None:
            raise ValueError("page_facts: a page rendered before the build set its facts (stages/rendering.py)")
        mark_website_meanings(root, facts.website_meanings)
        add_subject(root, facts.subject)
