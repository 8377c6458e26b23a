"""The whole paper as one web page: the paper as one document (document.py) as the web shows it.

Knows nothing of MkDocs. Each part of the document that goes on the one page becomes a
<section> whose id is its page's path, with the document's ids (so every ``#para-N-M`` and
``#paper-N`` anchor keeps its name, as in the PDF). Links between its parts point within the
page; links to pages left off it point at those pages.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape

from committee_paper.markup import End, Start, Text, Token, classes, element_end, markup, tokens
from committee_paper.model.contents import ContentsEntry, outline
from committee_paper.model.links import link_target, part_id
from committee_paper.outputs.document import CONTENTS_PLACE, Document, Part, contents_html, element_ids

HEADING = re.compile(r"^h([1-6])$")


@dataclass
class WholePaper:
    html: str
    ids: dict[str, dict[str, str]]  # part URL -> {id on its own page: id on the one page}, for its parts
    problems: list[str] = field(default_factory=list)


def whole_paper(document: Document, contents: list[ContentsEntry], page_url: str) -> WholePaper:
    """The document's parts that go on the one page, in order, on one page at ``page_url``, with ``contents``
    where the first part (the cover) had its own contents list of the site's pages, or else after its title.

    The cover keeps its heading levels and its <h1> is the page's; every other part moves down
    one level (its <h1> becomes an <h2>), and one more for each group of the contents it is in,
    under a heading with the group's title: the page's outline is the contents list's.
    """
    parts = [part for part in document.parts if part.on_one_page]
    ids = {part.url: document.ids[part.url] for part in parts}

    def link(url: str) -> Callable[[Start, str, str], str]:
        return lambda tag, attribute, value: one_page_href(value, url, ids, page_url)

    streams = {part.url: document.relinked(part.url, link(part.url)) for part in parts}
    groups = outline(contents)
    problems = []
    for part in parts[1:]:
        problems += _demote_headings(streams[part.url], part.source, 1 + groups.depth.get(part_id(part.url), 0))
    if parts:
        _insert_contents(streams[parts[0].url], tokens(contents_html(contents)))
    html = ""
    for part in parts:
        for group in groups.starts.get(part_id(part.url), []):
            level = group.depth + 2  # under the paper's title
            # Not a named region: the nav already names each group once, and landmarks' names must differ.
            html += f'<section class="whole-paper-group"><h{level} id="{group.id}">{escape(group.title)}</h{level}>'
        html += f'<section class="whole-paper-part" id="{part_id(part.url)}">{markup(streams[part.url])}</section>'
        html += "</section>" * groups.ends.get(part_id(part.url), 0)
    problems += _repeated_ids(parts, streams)
    return WholePaper(html, ids, problems)


def one_page_href(href: str, part_url: str, on_page: dict[str, dict[str, str]], page_url: str) -> str:
    """A link of a part as it works on the one page, whose parts' ids are ``on_page`` (the document's).

    ``#para-1-1`` stays; ``../appendices/appendix-a.html`` -> ``#appendices/appendix-a``;
    a page left off the one page, or a file, is linked relative to the one page.
    Links to other hosts, ``mailto:`` and ``tel:`` are kept.
    """
    followed = link_target(href, part_url)
    if followed is None:
        return href
    target, parts = followed
    if target in on_page:
        if not parts.fragment:
            return f"#{part_id(target)}"
        return f"#{on_page[target].get(parts.fragment, parts.fragment)}"
    relative = posixpath.relpath(target, posixpath.dirname(page_url) or ".")
    query = f"?{parts.query}" if parts.query else ""
    return relative + query + (f"#{parts.fragment}" if parts.fragment else "")


def _demote_headings(stream: list[Token], source: str, by: int) -> list[str]:
    problems = []
    for index, token in enumerate(stream):
        if not isinstance(token, (Start, End)) or not (level := HEADING.match(token.name)):
            continue
        if int(level[1]) + by <= 6:
            token.name = f"h{int(level[1]) + by}"
        elif isinstance(token, Start):
            moves = (
                "a level on the one-page paper, where every page's headings do"
                if by == 1
                else (
                    f"{by} levels on the one-page paper, where every page's headings move down a level and those "
                    f"of a page in a group of the nav one more for each group"
                )
            )
            problems.append(
                f"{source}: heading '{_heading_text(stream, index)}' is level {level[1]} and cannot move down {moves}; "
                f"use level {6 - by} or above"
            )
    return problems


def _heading_text(stream: list[Token], start: int) -> str:
    """The words of the heading starting at ``start``, without its permalink symbol."""
    words, inside_link = [], 0
    for token in stream[start : element_end(stream, start)]:
        if isinstance(token, Start) and not token.void:
            inside_link += inside_link > 0 or "headerlink" in classes(token)
        elif isinstance(token, End) and inside_link:
            inside_link -= 1
        elif isinstance(token, Text) and not inside_link and token.text.strip():
            words.append(token.text.strip())
    return " ".join(words)


def _insert_contents(stream: list[Token], inserted: list[Token]) -> None:
    """``inserted`` where the cover's own contents list was, else right after its title (at the
    top when it has none)."""
    place = next(
        (index for index, token in enumerate(stream) if isinstance(token, Start) and CONTENTS_PLACE in classes(token)),
        None,
    )
    if place is not None:
        stream[place : place + 2] = inserted
        return
    title = next((index for index, token in enumerate(stream) if isinstance(token, Start) and token.name == "h1"), None)
    position = 0 if title is None else element_end(stream, title) + 1
    stream[position:position] = inserted


def _repeated_ids(parts: list[Part], streams: dict[str, list[Token]]) -> list[str]:
    """Ids that two parts now share: a part's own id against another part's, or against a part's anchor.

    An id repeated within one page is that page's own problem, reported where it is made.
    """
    holders: dict[str, list[str]] = {}
    for part in parts:
        holders.setdefault(part_id(part.url), []).append(part.source)
        for element_id in set(element_ids(streams[part.url])):
            holders.setdefault(element_id, []).append(part.source)
    return [
        f"{', '.join(dict.fromkeys(sources))}: the one-page paper has the id '{element_id}' {len(sources)} times; "
        f"change the heading (or the page's file name) so each id is used once"
        for element_id, sources in sorted(holders.items())
        if len(sources) > 1
    ]
