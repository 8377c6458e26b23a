"""The paper as one document, assembled once a build from the pages' rendered content, with one set of ids.

Knows nothing of MkDocs. The parts are the pages that go into the PDF, in the nav's order; the
one-page paper (whole_paper.py) shows those not left off it, the PDF (paper_pdf.py) all of them,
each output taking every part from here. A part is a section whose id is its page's path
(``background/annual-report``); ids stay as they are unless two parts use the same one (then both
get the part's path in front, or only the one in the PDF only), so ``#para-2-4`` and ``#paper-1``
name the same place on the one page and in the PDF. A cover's own contents list of the site's
pages is dropped: where it was, each output puts the paper's contents list (``CONTENTS_ID``), and
links to it go there.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from committee_paper.markup import End, Start, Token, classes, split_off, tokens
from committee_paper.model.contents import CONTENTS_ID, ContentsEntry
from committee_paper.model.links import ID_REFERENCES, part_id

CONTENTS_PLACE = "paper-contents-place"  # where a dropped contents list was, until an output's goes there


@dataclass
class Part:
    """One page of the paper: its URL, its source (for messages) and its rendered content (page.content)."""

    url: str  # e.g. "background/annual-report.html"
    source: str  # e.g. "docs/background/annual-report.md"
    html: str
    on_one_page: bool = True  # false: in the PDF only (front matter 'whole_paper: false')


@dataclass
class Document:
    parts: list[Part]
    ids: dict[str, dict[str, str]]  # part URL -> {id on its own page: id in the document}
    streams: dict[str, list[Token]] = field(repr=False)  # each part's content, ids as on its own page

    def relinked(self, url: str, link: Callable[[Start, str, str], str]) -> list[Token]:
        """A copy of the part's content (each output changes its own) with the document's ids; every ``href`` and
        ``src`` as ``link(element, attribute, value)`` gives it."""
        own = self.ids[url]
        stream: list[Token] = []
        for token in self.streams[url]:
            if isinstance(token, End):
                stream.append(replace(token))  # the one page renames headings' end tags
                continue
            if not isinstance(token, Start):
                stream.append(token)
                continue
            copy = replace(token, attrs=dict(token.attrs))  # written as read while unchanged
            attrs = copy.attrs
            if "id" in attrs:
                attrs["id"] = own[attrs["id"]]
            for attribute in ID_REFERENCES:
                if attribute in attrs:
                    attrs[attribute] = " ".join(own.get(name, name) for name in attrs[attribute].split())
            for attribute in ("href", "src"):
                if attribute in attrs:
                    attrs[attribute] = link(copy, attribute, attrs[attribute])
            stream.append(copy)
        return stream

    def address(self, document_id: str) -> str | None:
        """Where an id of the document is on the web: ``para-2-4`` -> ``background/annual-report.html#para-2-4``."""
        for url, own in self.ids.items():
            if document_id == part_id(url):
                return url
            for element_id, shown in own.items():
                if shown == document_id and element_id != CONTENTS_ID:
                    return f"{url}#{element_id}"
        return None


def assemble(parts: list[Part]) -> Document:
    """The parts, in the order given, as one document."""
    dropped: dict[str, list[str]] = {}
    streams = {part.url: _drop_site_contents(tokens(part.html), dropped.setdefault(part.url, [])) for part in parts}
    ids = _document_ids(parts, streams)
    for url, part_ids in dropped.items():
        ids[url].update((element_id, CONTENTS_ID) for element_id in part_ids)
    return Document(parts, ids, streams)


def element_ids(stream: list[Token]) -> list[str]:
    return [token.attrs["id"] for token in stream if isinstance(token, Start) and "id" in token.attrs]


def _drop_site_contents(stream: list[Token], dropped_ids: list[str]) -> list[Token]:
    """A contents list of the site's pages (the cover's) goes, marked where it was; links to it (whose ids go into
    ``dropped_ids``) go to the paper's contents list."""

    def site_contents(tag: Start) -> bool:
        return tag.name == "nav" and "paper-contents" in classes(tag)

    first = next(
        (index for index, token in enumerate(stream) if isinstance(token, Start) and site_contents(token)), None
    )
    if first is not None:
        stream = stream[:first] + [Start("template", {"class": CONTENTS_PLACE}), End("template")] + stream[first:]
    kept, lists = split_off(stream, site_contents)
    dropped = {element_id for contents in lists for element_id in element_ids(contents)}
    dropped_ids += sorted(dropped)
    for token in kept:
        if (
            isinstance(token, Start)
            and token.name == "a"
            and token.attrs.get("href", "").startswith("#")
            and token.attrs["href"][1:] in dropped
        ):
            token.attrs["href"] = f"#{CONTENTS_ID}"
    return kept


def _document_ids(parts: list[Part], streams: dict[str, list[Token]]) -> dict[str, dict[str, str]]:
    """Each part's ids as they are in the document: kept when unique, else prefixed with the part.

    A part in the PDF only (the glossary, say) gives way: its id is prefixed when any other part
    uses it, so the one-page paper's ids are those it would have alone. A heading with its own
    page's name (consultations.md's "Consultations") has the id its part's section takes, so it is
    prefixed too.
    """
    found = {part.url: element_ids(streams[part.url]) for part in parts}
    uses = Counter(element_id for part_ids in found.values() for element_id in set(part_ids))
    on_page = Counter(element_id for part in parts if part.on_one_page for element_id in set(found[part.url]))

    def kept(part: Part, element_id: str) -> bool:
        unique = uses[element_id] == 1 or (part.on_one_page and on_page[element_id] == 1)
        return unique and element_id != part_id(part.url)

    return {
        part.url: {
            element_id: element_id if kept(part, element_id) else f"{part_id(part.url)}:{element_id}"
            for element_id in found[part.url]
        }
        for part in parts
    }


def contents_html(entries: list[ContentsEntry]) -> str:
    """A contents list whose page numbers the print stylesheet fills in (target-counter)."""

    def items(level: list[ContentsEntry]) -> str:
        out = []
        for entry in level:
            title = html.escape(entry.title)
            line = f'<a href="#{html.escape(entry.target)}">{title}</a>' if entry.target else f"<span>{title}</span>"
            nested = f"<ol>{items(entry.children)}</ol>" if entry.children else ""
            out.append(f"<li>{line}{nested}</li>")
        return "".join(out)

    return (
        f'<nav class="paper-contents" aria-labelledby="{CONTENTS_ID}"><h2 id="{CONTENTS_ID}">Contents</h2>'
        f"<ol>{items(entries)}</ol></nav>"
    )
