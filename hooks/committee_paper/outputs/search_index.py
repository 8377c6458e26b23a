"""The search index as members use it, from each page's HTML.

Every numbered paragraph is its own entry (its sub-points in it), opening at its anchor and titled
with its number and section ("2.4 — Early Help inspection"); so is every recommendation
("Recommendation (ii) — Cover report"); the rest of a page stays
in one entry per heading, as Material makes them. A table row is one block with
its cells kept apart. Passages for the PDF only are left out, as on the web.
Pages about the website only rank after the paper's pages, and the pages written in
place of unpublished papers between the two; the site's notes inside the paper's pages
are left out.

Entries use the fields of Material's search index (location, title, text, and
tags and boost when a page sets them); text is HTML-escaped, one <p> per block.
Words with an apostrophe are indexed as typed on a keyboard ("children's") and, in
a field of their own that results do not show, as phones type them ("children’s").
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Any

from committee_paper.markup import End, Start, Text, Token, classes, tokens

# The document boost of a page about the website only. Below any title match
# (Material boosts titles 1000x) times Material's own post-query boosts (up to 5x),
# so a paper page that contains a word always ranks first; still above zero, so
# the page is still found for its own words.
WEBSITE_PAGE_BOOST = 1e-8
# The document boost of a page the site writes in place of an unpublished paper (an appendix
# page), and so of its notes: after the paper's own pages, before the pages about the website.
PLACEHOLDER_PAGE_BOOST = 1e-4
CELL_SEPARATOR = " — "  # an em dash, which is in the search separator, so it is no token
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# Inline elements run on within a block; every other element starts and ends one.
INLINE = frozenset({
    "a", "abbr", "b", "bdi", "br", "cite", "code", "del", "dfn", "em", "i", "img", "ins", "kbd", "mark", "q", "s",
    "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr",
})  # fmt: skip
SKIPPED_TAGS = {"script", "style", "object", "template", "svg"}
# Permalink symbols, passages the web pages hide (paper.css) because they are for the PDF, and
# the site's notes inside the paper's pages (what was attached to a section), whose words would
# rank the section's page above its paragraphs: the notes' appendix pages are found instead.
SKIPPED_CLASSES = {"headerlink", "pdf-only", "site-notice"}
NUMBERED_PARAGRAPH = "numbered-paragraph"
RECOMMENDATION = "recommendation"  # a recommendation's list item (render/citable_anchors.py), whose id is its anchor
PARAGRAPH_NUMBER = "paragraph-number"
LEADING_NUMBER = re.compile(r"^\d+(\.\d+)*\.?\s+")
# Typographic apostrophes inside a word are indexed as the typed one ("children's").
CURLY_APOSTROPHE = re.compile(r"(?<=\w)[’‘](?=\w)")
APOSTROPHE_WORD = re.compile(r"\w+'\w+")
TAG = re.compile(r"<[^>]+>")
# An entry of the index, or the index itself, as JSON (Material's search plugin writes it).
Json = dict[str, Any]
# The extra field: Material's search worker indexes every field the index's config lists,
# and shows only title, text and tags. Boosted as text is.
TYPOGRAPHIC_FIELD = "typographic"


@dataclass
class PageText:
    """What the index needs of one page: where it is, its title, its content HTML."""

    url: str
    title: str
    content: str
    website_only: bool = False
    placeholder: bool = False  # written by the site in place of an unpublished paper


@dataclass
class _Section:
    location: str
    title: str
    blocks: list[str] = field(default_factory=list)


def section_name(title: str) -> str:
    """A nav title without its section number: "2. Early Help inspection" -> "Early Help inspection"."""
    return LEADING_NUMBER.sub("", title).strip()


def paragraph_title(anchor: str, section: str) -> str:
    """``para-2-4`` on the page "2. Early Help inspection" -> "2.4 — Early Help inspection";
    ``recommendation-ii`` on the page "Cover report" -> "Recommendation (ii) — Cover report"."""
    if anchor.startswith("recommendation-"):
        number = anchor.removeprefix("recommendation-")
        name = f"Recommendation {number if number.isdigit() else f'({number})'}"
    else:
        name = anchor.removeprefix("para-").replace("-", ".")
    return f"{name} — {section}" if section else name


def _clean(text: str) -> str:
    return html.escape(CURLY_APOSTROPHE.sub("'", " ".join(text.split())), quote=False)


class _PageReader:
    """Splits a page's content into heading sections and numbered paragraphs, in order."""

    def __init__(self, page: PageText) -> None:
        self.page = page
        self.section = section_name(page.title)
        self.entries: list[_Section] = [_Section(page.url, html.escape(page.title, quote=False))]
        self.current = self.entries[0]
        self.paragraph: _Section | None = None  # the numbered paragraph or recommendation being read
        self.paragraph_depth = 0  # how many elements are open inside it and around it
        self.heading: list[str] | None = None  # the heading text being read
        self.anchor: str | None = None
        self.titled = False  # whether a heading has given the page's entry its title
        self.text: list[str] = []  # the block being read
        self.cells: list[str] | None = None  # the table row being read
        self.open: list[tuple[str, bool]] = []  # open elements, and whether each is skipped
        self.skipping = 0

    # Blocks -----------------------------------------------------------------

    def _flush(self) -> None:
        text = _clean("".join(self.text))
        self.text = []
        if not text:
            return
        if self.cells is not None:
            self.cells.append(text)
        else:
            (self.paragraph or self.current).blocks.append(f"<p>{text}</p>")

    def _end_row(self) -> None:
        self._flush()
        cells, self.cells = self.cells, None
        if cells:
            self.current.blocks.append(f"<p>{CELL_SEPARATOR.join(cells)}</p>")

    # Tokens -----------------------------------------------------------------

    def read(self, stream: list[Token]) -> None:
        for token in stream:
            if isinstance(token, Start):
                self.start(token)
            elif isinstance(token, End):
                self.end(token.name)
            elif isinstance(token, Text):
                self.text_run(token.text)
        self._flush()

    def start(self, token: Start) -> None:
        tag, attributes, names = token.name, token.attrs, set(classes(token))
        skip = tag in SKIPPED_TAGS or bool(names & SKIPPED_CLASSES) or "data-search-exclude" in attributes
        if not token.void:
            self.open.append((tag, skip))
            self.skipping += skip
        if self.skipping:
            return
        if tag == "br":
            self.text.append(" ")
        elif tag in HEADINGS and attributes.get("id"):
            self._flush()
            self.heading, self.anchor = [], attributes["id"]
        elif names & {NUMBERED_PARAGRAPH, RECOMMENDATION} and attributes.get("id") and self.paragraph is None:
            self._flush()
            anchor = attributes["id"]
            title = html.escape(paragraph_title(anchor, self.section), quote=False)
            self.paragraph = _Section(f"{self.page.url}#{anchor}", title)
            self.paragraph_depth = len(self.open)
        elif tag == "a" and PARAGRAPH_NUMBER in names and attributes.get("aria-label"):
            # Read the number as a screen reader does ("Paragraph 2.4."), so "paragraph 2.4" matches.
            self.text.append(attributes["aria-label"] + " ")
            self.open[-1] = (tag, True)
            self.skipping += 1
        elif tag == "tr":
            self._flush()
            self.cells = []
        elif tag not in INLINE and self.heading is None:
            self._flush()

    def end(self, tag: str) -> None:
        _, skipped = self.open.pop()  # tokens() closes every element, innermost first
        self.skipping -= skipped
        if self.skipping or skipped:
            return
        if tag in HEADINGS and self.heading is not None:
            self._start_section("".join(self.heading))
        elif self.paragraph is not None and len(self.open) < self.paragraph_depth:  # its own end
            self._flush()
            self.entries.append(self.paragraph)
            self.paragraph = None
        elif tag == "tr":
            self._end_row()
        elif tag not in INLINE and self.heading is None:
            self._flush()

    def text_run(self, data: str) -> None:
        if not self.skipping:
            (self.heading if self.heading is not None else self.text).append(data)

    def _start_section(self, title: str) -> None:
        title = _clean(title)
        first = self.entries[0]
        if not self.titled and len(self.entries) == 1 and not first.blocks:
            # A page that opens with its heading: the heading's section is the page's entry.
            first.title = title
        else:
            self.current = _Section(f"{self.page.url}#{self.anchor}", title)
            self.entries.append(self.current)
        self.heading = self.anchor = None
        self.titled = True


def typographic_spellings(text: str) -> str:
    """The words with an apostrophe in an entry, spelt with a typographic one, once each:
    "the children's homes" -> "children’s"."""
    found = APOSTROPHE_WORD.findall(TAG.sub(" ", text))
    return " ".join(dict.fromkeys(word.replace("'", "’").lower() for word in found))


def page_entries(page: PageText) -> list[Json]:
    """The index entries of one page: the page first (Material groups results under it), then its
    sections and paragraphs in order."""
    reader = _PageReader(page)
    reader.read(tokens(page.content))
    entries = []
    for section in reader.entries:
        entry: Json = {"location": section.location, "title": section.title, "text": "".join(section.blocks)}
        typographic = typographic_spellings(f"{section.title} {entry['text']}")
        if typographic:
            entry[TYPOGRAPHIC_FIELD] = typographic
        if page.website_only:
            entry["boost"] = WEBSITE_PAGE_BOOST
        elif page.placeholder:
            entry["boost"] = PLACEHOLDER_PAGE_BOOST
        entries.append(entry)
    return entries


def reindex(index: Json, pages: list[PageText]) -> Json:
    """Material's index with the entries of the given pages remade, in the given (reading) order.

    A page Material did not index (``search: exclude``) stays out; tags and a boost
    that a page sets in its front matter (Material copies them to every entry) are kept.
    """
    by_page: dict[str, list[Json]] = {}
    for entry in index["docs"]:
        by_page.setdefault(entry["location"].split("#")[0], []).append(entry)
    docs: list[Json] = []
    for page in pages:
        material = by_page.pop(page.url, None)
        if material is None:
            continue
        own: Json = {key: material[0][key] for key in ("tags", "boost") if key in material[0]}
        docs += [{**entry, **own} for entry in page_entries(page)]
    for entries in by_page.values():  # pages Material indexed that were not given: as they are
        docs += entries
    fields = {**index["config"]["fields"], TYPOGRAPHIC_FIELD: {"boost": index["config"]["fields"]["text"]["boost"]}}
    return {**index, "config": {**index["config"], "fields": fields}, "docs": docs}
