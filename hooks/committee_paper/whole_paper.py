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
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

from .contents import CONTENTS_ID, ContentsEntry, contents_html

HEADING = re.compile(r"^h([1-6])$")
# Attributes that name other elements by id (space-separated lists).
ID_REFERENCES = ["aria-labelledby", "aria-describedby", "aria-controls", "for", "headers"]


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


def part_anchor(page_url: str) -> str:
    """The id of a part on the one page: ``background/annual-report.html`` -> ``background/annual-report``."""
    return posixpath.splitext(page_url)[0]


def whole_paper(parts: list[Part], contents: list[ContentsEntry], page_url: str) -> WholePaper:
    """The parts in order on one page at ``page_url``, with ``contents`` after the first part's title.

    The first part (the cover) keeps its heading levels and its <h1> is the page's;
    every other part moves down one level (its <h1> becomes an <h2>).
    """
    soups = {part.url: BeautifulSoup(part.html, "html.parser") for part in parts}
    for soup in soups.values():
        _drop_site_contents(soup)
    ids = _one_page_ids(parts, soups)
    problems = []
    for index, part in enumerate(parts):
        soup = soups[part.url]
        _relink(soup, part.url, ids, page_url)
        if index > 0:
            problems += _demote_headings(soup, part.source)
    if parts:
        _insert_after_first_h1(soups[parts[0].url], contents_html(contents))
    html = "".join(f'<section class="whole-paper-part" id="{part_anchor(part.url)}">{soups[part.url]}</section>' for part in parts)
    problems += _repeated_ids(parts, soups)
    return WholePaper(html, ids, problems)


def _drop_site_contents(soup: BeautifulSoup) -> None:
    """A contents list of the site's pages (the cover's): on the one page, the page's own
    contents list takes its place, and links to the dropped list go to the page's."""
    for contents in soup.find_all("nav", class_="paper-contents"):
        dropped = {element["id"] for element in contents.find_all(id=True)}
        contents.decompose()
        for link in soup.find_all("a", href=True):
            if link["href"].startswith("#") and link["href"][1:] in dropped:
                link["href"] = f"#{CONTENTS_ID}"


def _one_page_ids(parts: list[Part], soups: dict[str, BeautifulSoup]) -> dict[str, dict[str, str]]:
    """Each part's ids as they will be on the one page: kept when unique, else prefixed with the part."""
    found = {part.url: [element["id"] for element in soups[part.url].find_all(id=True)] for part in parts}
    uses = Counter(element_id for part_ids in found.values() for element_id in set(part_ids))
    return {
        url: {element_id: element_id if uses[element_id] == 1 else f"{part_anchor(url)}:{element_id}" for element_id in part_ids}
        for url, part_ids in found.items()
    }


def _relink(soup: BeautifulSoup, part_url: str, ids: dict[str, dict[str, str]], page_url: str) -> None:
    own = ids[part_url]
    for element in soup.find_all(id=True):
        element["id"] = own[element["id"]]
    for attribute in ID_REFERENCES:
        for element in soup.find_all(attrs={attribute: True}):
            value = element[attribute]
            names = value if isinstance(value, list) else value.split()
            element[attribute] = " ".join(own.get(name, name) for name in names)
    for attribute in ("href", "src"):
        for element in soup.find_all(attrs={attribute: True}):
            element[attribute] = one_page_href(element[attribute], part_url, ids, page_url)


def one_page_href(href: str, part_url: str, ids: dict[str, dict[str, str]], page_url: str) -> str:
    """A link of a part as it works on the one page.

    ``#para-1-1`` stays; ``../appendices/appendix-a.html`` -> ``#appendices/appendix-a``;
    a page left off the one page, or a file, is linked relative to the one page.
    Links to other hosts, ``mailto:`` and ``tel:`` are kept.
    """
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith("/"):
        return href
    target = posixpath.normpath(posixpath.join(posixpath.dirname(part_url), parts.path)) if parts.path else part_url
    if target in ids:
        if not parts.fragment:
            return f"#{part_anchor(target)}"
        return f"#{ids[target].get(parts.fragment, parts.fragment)}"
    relative = posixpath.relpath(target, posixpath.dirname(page_url) or ".")
    query = f"?{parts.query}" if parts.query else ""
    return relative + query + (f"#{parts.fragment}" if parts.fragment else "")


def _demote_headings(soup: BeautifulSoup, source: str) -> list[str]:
    problems = []
    for heading in soup.find_all(HEADING):
        level = int(heading.name[1])
        if level == 6:
            text = " ".join(s.strip() for s in heading.find_all(string=True) if s.strip() and not s.find_parent(class_="headerlink"))
            problems.append(f"{source}: heading '{text}' is level 6 and cannot move down a "
                            f"level on the one-page paper, where every page's headings do; use level 5 or above")
        else:
            heading.name = f"h{level + 1}"
    return problems


def _insert_after_first_h1(soup: BeautifulSoup, inserted: str) -> None:
    """``inserted`` right after the cover's title (at the top when it has none)."""
    title = soup.find("h1")
    if title is None:
        soup.insert(0, BeautifulSoup(inserted, "html.parser"))
    else:
        title.insert_after(BeautifulSoup(inserted, "html.parser"))


def _repeated_ids(parts: list[Part], soups: dict[str, BeautifulSoup]) -> list[str]:
    """Ids that two parts now share: a part's own id against another part's, or against a part's anchor.

    An id repeated within one page is that page's own problem, reported where it is made.
    """
    holders: dict[str, list[str]] = {}
    for part in parts:
        holders.setdefault(part_anchor(part.url), []).append(part.source)
        for element_id in {element["id"] for element in soups[part.url].find_all(id=True)}:
            holders.setdefault(element_id, []).append(part.source)
    return [
        f"{', '.join(dict.fromkeys(sources))}: the one-page paper has the id '{element_id}' {len(sources)} times; "
        f"change the heading (or the page's file name) so each id is used once"
        for element_id, sources in sorted(holders.items()) if len(sources) > 1
    ]
