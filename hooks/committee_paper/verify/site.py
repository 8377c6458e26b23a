"""The built site as verify reads it: the paper's settings and nav, each page's article, the PDF's text, the one-page
paper and the search index, each read once."""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup, Tag
from mkdocs.utils.yaml import yaml_load
from pypdf import PdfReader

from committee_paper.config import read_settings
from committee_paper.model.settings import pdf_file_name
from committee_paper.verify.source import normalise

CONFIG = "mkdocs.yml"
WHOLE_PAPER = "whole-paper.html"
SEARCH_INDEX = "search/search_index.json"
# Numbered list markers and bullets, which WeasyPrint draws after the page's text.
LIST_MARKER = re.compile(r"^(\d+\.|•) *$\n?", re.MULTILINE)
PRINTED_ADDRESS = re.compile(r"\s*\(https://[^()\s]+\)")


def html_file(md_file: str) -> str:
    return md_file.removesuffix(".md") + ".html"


def front_matter(text: str) -> dict[str, Any]:
    match = re.match(r"---\n(.*?\n)---\n", text, re.DOTALL)
    found = yaml_load(match[1]) if match else None
    return found if isinstance(found, dict) else {}


def _nav_files(items: Any) -> list[str]:
    found: list[str] = []
    for item in items if isinstance(items, list) else []:
        for value in item.values() if isinstance(item, dict) else [item]:
            found += _nav_files(value) if isinstance(value, list) else [str(value)]
    return [name for name in found if name.endswith(".md")]


def text_with_alt(element: Tag) -> str:
    """The element's text as a reader gets it, each image by its alt text."""
    for image in element.find_all("img"):
        image.replace_with(f" {image.get('alt') or ''} ")
    return element.get_text()


@dataclass
class Site:
    paper: Path  # the folder holding mkdocs.yml
    _soups: dict[str, BeautifulSoup] = field(default_factory=dict)

    @property
    def site(self) -> Path:
        return self.paper / "site"

    @property
    def docs(self) -> Path:
        return self.paper / "docs"

    @cached_property
    def settings(self) -> dict[str, Any]:
        with (self.paper / CONFIG).open("rb") as file:
            loaded: dict[str, Any] = yaml_load(file)
        return loaded

    @cached_property
    def nav_files(self) -> list[str]:
        """The nav's Markdown files, in reading order."""
        return _nav_files(self.settings.get("nav"))

    def front_matter(self, md_file: str) -> dict[str, Any]:
        return front_matter((self.docs / md_file).read_text(encoding="utf-8"))

    def in_pdf(self, md_file: str) -> bool:
        return self.front_matter(md_file).get("pdf") is not False

    def on_one_page(self, md_file: str) -> bool:
        return self.in_pdf(md_file) and self.front_matter(md_file).get("whole_paper") is not False

    @cached_property
    def pdf_name(self) -> str:
        return pdf_file_name(read_settings(self.settings.get("extra") or {}).meeting)

    def soup(self, page: str) -> BeautifulSoup:
        """A built page, by its path under site/ (each parsed once; callers copy before changing it)."""
        if page not in self._soups:
            self._soups[page] = BeautifulSoup((self.site / page).read_text(encoding="utf-8"), "html.parser")
        return self._soups[page]

    def article(self, page: str) -> Tag:
        """A fresh copy of the page's own content, without Material's header, navigation or footer."""
        found = BeautifulSoup(str(self.soup(page).select_one("article.md-content__inner") or ""), "html.parser")
        return found

    @cached_property
    def web_text(self) -> str:
        """The nav's pages' articles, in reading order."""
        return normalise(" ".join(text_with_alt(self.article(html_file(md_file))) for md_file in self.nav_files))

    @cached_property
    def whole_paper_text(self) -> str:
        return normalise(text_with_alt(self.article(WHOLE_PAPER)))

    @cached_property
    def pdf(self) -> PdfReader:
        return PdfReader(self.site / self.pdf_name)

    @cached_property
    def pdf_text(self) -> str:
        """The PDF's text without its running footer (the site's name and "Page N of M"), so paragraphs run on across
        pages; a line that wraps after a slash or hyphen is joined up."""
        name = r"\s+".join(map(re.escape, str(self.settings.get("site_name", "")).split()))
        footer = re.compile(name + r"\s*Page\s+\d+\s+of\s+\d+")
        text = " ".join(LIST_MARKER.sub("", footer.sub(" ", page.extract_text())) for page in self.pdf.pages)
        # A link to another site is followed on paper by its address (paper-pdf.css): not the paper's words.
        return normalise(PRINTED_ADDRESS.sub("", re.sub(r"(?<=\S[/-])\n", "", text)))

    @cached_property
    def search_index(self) -> dict[str, Any]:
        loaded: dict[str, Any] = json.loads((self.site / SEARCH_INDEX).read_text(encoding="utf-8"))
        return loaded

    @cached_property
    def search_locations(self) -> set[str]:
        """Each search result's address ("sections/a.html#para-2-4")."""
        return {entry["location"] for entry in self.search_index.get("docs", [])}

    @cached_property
    def search_text(self) -> str:
        """Every entry's title and text, in the index's (reading) order, as words: a numbered paragraph's entry reads
        "Paragraph 2.4. …", as the site shows "2.4 …"."""
        parts = []
        for entry in self.search_index.get("docs", []):
            text = re.sub(r"Paragraph (\d+\.\d+)\. ", r"\1 ", html.unescape(re.sub(r"<[^>]+>", " ", entry["text"])))
            title = "" if re.match(r"\d+\.\d+ — ", entry["title"]) else html.unescape(entry["title"])
            parts += [title, text]
        return normalise(" ".join(parts))
