"""The whole paper as one web page, put together from the pages' rendered content.

Knows nothing of MkDocs: it takes each part's HTML (as rendered on its own page)
and gives back one page's HTML. Each part becomes a <section> whose id is its
page's path (``background/annual-report``); ids stay as they are unless two parts
use the same one (then both get the part's name in front), so every
``#para-N-M`` and ``#paper-N`` anchor keeps its name. Links between parts point
within the page; links to pages left out point at those pages.
"""

from __future__ import annotations

import posixpath
import re
from collections import Counter
from dataclasses import dataclass, field
from html import escape

from .contents import CONTENTS_ID, ContentsEntry, contents_html, outline
from .links import ID_REFERENCES, link_target, part_id
from .markup import End, Start, Text, Token, classes, element_end, markup, split_off, tokens

HEADING = re.compile(r"^h([1-6])$")


@dataclass
class Part:
    """One page of the paper: its URL, its source (for messages) and its rendered content."""

    url: str  # e.g. "background/annual-report.html"
    source: str  # e.g. "docs/background/annual-report.md"
    html: str


@dataclass
class WholePaper:
    html: str
    ids: dict[str, dict[str, str]]  # part URL -> {id on its own page: id on the one page}
    problems: list[str] = field(default_factory=list)


def whole_paper(parts: list[Part], contents: list[ContentsEntry], page_url: str) -> WholePaper:
    """The parts in order on one page at ``page_url``, with ``contents`` where the first part (the
    cover) had its own contents list of the site's pages, or else after its title.

    The cover keeps its heading levels and its <h1> is the page's; every other part moves down
    one level (its <h1> becomes an <h2>), and one more for each group of the contents it is in,
    under a heading with the group's title: the page's outline is the contents list's.
    """
    dropped: dict[str, list[str]] = {}
    streams = {part.url: _drop_site_contents(tokens(part.html), dropped.setdefault(part.url, [])) for part in parts}
    ids = _one_page_ids(parts, streams)
    for url, part_ids in dropped.items():
        ids[url].update((element_id, CONTENTS_ID) for element_id in part_ids)
    groups = outline(contents)
    problems = []
    for index, part in enumerate(parts):
        _relink(streams[part.url], part.url, ids, page_url)
        if index > 0:
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


def _ids(stream: list[Token]) -> list[str]:
    return [token.attrs["id"] for token in stream if isinstance(token, Start) and "id" in token.attrs]


CONTENTS_PLACE = "paper-contents-place"  # where a dropped contents list was, until the page's goes there


def _drop_site_contents(stream: list[Token], dropped_ids: list[str]) -> list[Token]:
    """A contents list of the site's pages (the cover's): on the one page, the page's own
    contents list takes its place (marked), and links to the dropped list (whose ids go into
    ``dropped_ids``) go to the page's."""

    def site_contents(tag: Start) -> bool:
        return tag.name == "nav" and "paper-contents" in classes(tag)

    first = next(
        (index for index, token in enumerate(stream) if isinstance(token, Start) and site_contents(token)), None
    )
    if first is not None:
        stream = stream[:first] + [Start("template", {"class": CONTENTS_PLACE}), End("template")] + stream[first:]
    kept, lists = split_off(stream, site_contents)
    dropped = {element_id for contents in lists for element_id in _ids(contents)}
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


def _one_page_ids(parts: list[Part], streams: dict[str, list[Token]]) -> dict[str, dict[str, str]]:
    """Each part's ids as they will be on the one page: kept when unique, else prefixed with the part.

    A heading with its own page's name (consultations.md's "Consultations") has the id its
    part's section takes, so it is prefixed too.
    """
    found = {part.url: _ids(streams[part.url]) for part in parts}
    uses = Counter(element_id for part_ids in found.values() for element_id in set(part_ids))
    return {
        url: {
            element_id: element_id
            if uses[element_id] == 1 and element_id != part_id(url)
            else f"{part_id(url)}:{element_id}"
            for element_id in part_ids
        }
        for url, part_ids in found.items()
    }


def _relink(stream: list[Token], part_url: str, ids: dict[str, dict[str, str]], page_url: str) -> None:
    own = ids[part_url]
    for token in stream:
        if not isinstance(token, Start):
            continue
        attrs = token.attrs
        if "id" in attrs:
            attrs["id"] = own[attrs["id"]]
        for attribute in ID_REFERENCES:
            if attribute in attrs:
                attrs[attribute] = " ".join(own.get(name, name) for name in attrs[attribute].split())
        for attribute in ("href", "src"):
            if attribute in attrs:
                attrs[attribute] = one_page_href(attrs[attribute], part_url, ids, page_url)


def one_page_href(href: str, part_url: str, ids: dict[str, dict[str, str]], page_url: str) -> str:
    """A link of a part as it works on the one page.

    ``#para-1-1`` stays; ``../appendices/appendix-a.html`` -> ``#appendices/appendix-a``;
    a page left off the one page, or a file, is linked relative to the one page.
    Links to other hosts, ``mailto:`` and ``tel:`` are kept.
    """
    followed = link_target(href, part_url)
    if followed is None:
        return href
    target, parts = followed
    if target in ids:
        if not parts.fragment:
            return f"#{part_id(target)}"
        return f"#{ids[target].get(parts.fragment, parts.fragment)}"
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
        for element_id in set(_ids(streams[part.url])):
            holders.setdefault(element_id, []).append(part.source)
    return [
        f"{', '.join(dict.fromkeys(sources))}: the one-page paper has the id '{element_id}' {len(sources)} times; "
        f"change the heading (or the page's file name) so each id is used once"
        for element_id, sources in sorted(holders.items())
        if len(sources) > 1
    ]
