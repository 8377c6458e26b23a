"""The whole paper as one printable HTML document: the paper as one document (document.py) as it prints.

Knows nothing of MkDocs or WeasyPrint: it takes the document and gives HTML back.
The PDF is one document, not one per page, so that "Page N of M", the
contents list's page numbers (CSS target-counter) and links between pages all
resolve in a single layout. Its ids are the document's, those of the one-page paper.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from committee_paper.markup import (
    End,
    Raw,
    Start,
    Text,
    classes,
    element_end,
    markup,
    split_off,
    starts,
    text_of,
    tokens,
)
from committee_paper.model.contents import ContentsEntry, outline
from committee_paper.model.links import FULL_SIZE, link_target, part_id
from committee_paper.outputs.document import CONTENTS_PLACE, Document

# Tagged (PDF/UA-1), with title, language and author; WeasyPrint's render and write options.
PDF_OPTIONS = {"pdf_variant": "pdf/ua-1"}
# Classes of the parts of an article that only make sense on the web page. Editors mark
# passages about the website with class "web-only" (and ones for the PDF only with
# "pdf-only", which paper.css hides on the web).
WEB_ONLY = {"headerlink", "web-only", CONTENTS_PLACE}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# A heading that is no bookmark of its own (paper-pdf.css).
NO_BOOKMARK = "paper-no-bookmark"
# Where the contents list goes, until the headings after it are known.
CONTENTS_MARKER = "<!-- paper-contents -->"
# What a screen reader announces for a phone or email link, before the number or address.
SPOKEN_SCHEMES = {"tel": "Telephone", "mailto": "Email"}


def paper_href(href: str, page_url: str, ids: dict[str, dict[str, str]]) -> str:
    """A link as it works inside the PDF, whose parts' ids are ``ids`` (the document's): links to pages and their
    anchors become internal.

    ``../background/annual-report.html#para-1-1`` -> ``#para-1-1``; ``../appendices/appendix-a.html`` ->
    ``#appendices/appendix-a``. A page or an anchor the PDF does not hold becomes ``#page:anchor`` (``#page``),
    which WeasyPrint reports as missing. Links to other hosts, mailto: and tel: are kept; any other relative link is
    kept as it is, and WeasyPrint reports it, since it cannot work from a downloaded PDF.
    """
    followed = link_target(href, page_url)
    if followed is None or not followed[0].endswith(".html"):
        return href
    target, parts = followed
    if not parts.fragment:
        return f"#{part_id(target)}"
    shown = ids.get(target, {}).get(parts.fragment)
    return f"#{shown}" if shown else f"#{part_id(target)}:{parts.fragment}"


def print_part(document: Document, url: str, title: str, file_url: Callable[[str], str]) -> str:
    """A part of the document as the PDF prints it.

    Permalink symbols, web-only passages, the place of the site's own contents list and the links of
    figures to their images go; links
    between parts are internal; images point at their files (``file_url(their path in the site)``); a link
    to another site carries its address, for the stylesheet to print.
    A part whose content has no <h1> gets ``title`` as one, as its web page shows it.
    """

    def link(tag: Start, attribute: str, value: str) -> str:
        if attribute == "src":
            followed = link_target(value, url)
            return value if followed is None else file_url(followed[0])
        return paper_href(value, url, document.ids) if tag.name == "a" else value

    stream, _ = split_off(document.relinked(url, link), lambda tag: not WEB_ONLY.isdisjoint(classes(tag)))
    # A figure's link to its image at full size cannot be followed on paper: the image stays, the link goes.
    for index, _ in reversed(starts(stream, lambda tag: tag.name == "a" and FULL_SIZE in classes(tag))):
        del stream[element_end(stream, index)]
        del stream[index]
    for index, token in enumerate(stream):
        if not (isinstance(token, Start) and token.name == "a"):
            continue
        # On paper a link to another site cannot be followed: paper-pdf.css prints its address after it.
        href = token.attrs.get("href", "")
        if href.startswith("https://") and text_of(stream, index).strip() != href:
            token.attrs["data-address"] = href
    if not starts(stream, lambda tag: tag.name == "h1"):
        stream[:0] = [Start("h1"), Text(title), End("h1")]
    return markup(stream)


def after_title_block(section_html: str, inserted: str) -> str:
    """``section_html`` with ``inserted`` where the cover ends without a setting: after the title and
    what follows it, before the next second-level heading (at the end when there is none)."""
    stream = tokens(section_html)
    title = starts(stream, lambda tag: tag.name == "h1")
    after_title = element_end(stream, title[0][0]) if title else len(stream)
    heading = starts(stream[after_title:], lambda tag: tag.name == "h2")
    stream.insert(after_title + heading[0][0] if heading else len(stream), Raw(inserted))
    return markup(stream)


def headings_after(section_html: str, marker: str, leave_out: set[str]) -> list[tuple[str, str]]:
    """(id, title) of each second-level heading after ``marker``, leaving out titles in ``leave_out`` (case folded).

    The cover's headings after its contents list (its executive summary and recommendation, say)
    go into that list, except those the list has already.
    """
    after = tokens(section_html.partition(marker)[2])
    headings = [
        (token.attrs.get("id"), " ".join(text_of(after, index).split()))
        for index, token in enumerate(after)
        if isinstance(token, Start) and token.name == "h2"
    ]
    return [(heading_id, title) for heading_id, title in headings if heading_id and title.casefold() not in leave_out]


def insert_before(section_html: str, element_id: str, inserted: str) -> str | None:
    """``section_html`` with ``inserted`` just before the element with ``element_id``; None if absent."""
    stream = tokens(section_html)
    found = starts(stream, lambda tag: tag.attrs.get("id") == element_id)
    if not found:
        return None
    stream.insert(found[0][0], Raw(inserted))
    return markup(stream)


def paper_document(
    *,
    title: str,
    lang: str,
    author: str,
    description: str,
    running_title: str,
    stylesheet: str,
    sections: list[tuple[str, str]],
    new_pages: set[str],
    contents: list[ContentsEntry] | None = None,
) -> str:
    """One HTML document: each part of the paper a <section> with the part's id, in order.

    Parts run on from one another; those in ``new_pages`` start a new sheet. The bookmarks
    follow ``contents``: each group (a section of the nav) is a bookmark, with its parts'
    headings under it.
    """
    footer = running_title.replace("\\", "\\\\").replace('"', '\\"')
    groups = outline(contents or [])
    group_titles = {group.title for starts in groups.starts.values() for group in starts}
    sections = [(part_id, unbookmarked(content, group_titles)) for part_id, content in sections]
    body = "".join(
        f'<section class="paper-part{depth_class(groups.depth.get(part_id, 0))}'
        f'{" paper-part--new-page" if part_id in new_pages else ""}"'
        f' id="{html.escape(part_id)}">'
        + "".join(
            f'<div class="paper-group{depth_class(group.depth)}" data-title="{html.escape(group.title)}"></div>'
            for group in groups.starts.get(part_id, [])
        )
        + f"{content}</section>"
        for part_id, content in sections
    )
    depths = {*groups.depth.values(), *(group.depth for starts in groups.starts.values() for group in starts)} - {0}
    return (
        f'<!DOCTYPE html><html lang="{html.escape(lang)}"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title>"
        f'<meta name="author" content="{html.escape(author)}">'
        f'<meta name="description" content="{html.escape(description)}">'
        f"<style>{stylesheet}</style>"
        f'<style>@page {{ @bottom-left {{ content: "{footer}"; }} }} '
        f"{' '.join(bookmark_levels(depth) for depth in sorted(depths))}</style>"
        f"</head><body>{body}</body></html>"
    )


def unbookmarked(section_html: str, titles: set[str]) -> str:
    """``section_html`` with its headings titled as one of ``titles`` (the nav's groups) out of the bookmarks:
    the group's bookmark, with its parts under it, stands for them, and no bookmark is repeated (a cover's
    "Background and Advice" heading above the list of the parts of the group "Background and Advice")."""
    wanted = {" ".join(title.split()).casefold() for title in titles}
    stream = tokens(section_html)
    found = [
        token
        for index, token in starts(stream, lambda tag: tag.name in HEADINGS)
        if " ".join(text_of(stream, index).split()).casefold() in wanted
    ]
    for token in found:
        token.attrs["class"] = " ".join([*classes(token), NO_BOOKMARK])
    return markup(stream) if found else section_html


def depth_class(depth: int) -> str:
    """The class of a part or group inside ``depth`` groups (none at the top level)."""
    return f" paper-depth-{depth}" if depth else ""


def bookmark_levels(depth: int) -> str:
    """CSS that puts the headings of parts ``depth`` groups deep that many levels down in the PDF's
    bookmarks, under their groups' bookmarks (a group's own bookmark is at its depth)."""
    headings = " ".join(
        f".paper-part.paper-depth-{depth} h{level} {{ bookmark-level: {min(6, level + depth)}; }}"
        for level in range(1, 7)
    )
    return f".paper-group.paper-depth-{depth} {{ bookmark-level: {depth + 1}; }} {headings}"


# What an editor should do about WeasyPrint's commonest problems, by WeasyPrint's message.
HINTS = {
    "No anchor #%s for internal URI reference": (
        "the PDF holds only the pages in the nav without 'pdf: false': link to one of those, "
        "and to an anchor that exists, or mark the passage web-only"
    ),
    "Failed to load image at %r: %s": (
        "the file is missing or is not an image WeasyPrint can read: use a PNG, JPEG, GIF or SVG file"
    ),
}


def web_target(anchor: str) -> str:
    """An anchor of the PDF as the web address it came from: ``extra:details`` -> ``extra.html#details``."""
    part, _, element_id = anchor.partition(":")
    return f"{part}.html#{element_id}" if element_id else f"{part}.html"


def explain(message_format: str, args: tuple[Any, ...], file_urls: tuple[str, ...]) -> str:
    """WeasyPrint's message about the PDF, with site paths instead of file URLs (those under ``file_urls``: the
    site's and the docs' folders), and a fix when known."""
    if message_format == "No anchor #%s for internal URI reference":
        args = (f"{args[0]} ({web_target(args[0])})",)
    text = message_format % args if args else message_format
    for url in file_urls:
        text = text.replace(url, "")
    text = text.rstrip(": ")
    hint = HINTS.get(message_format)
    return f"WeasyPrint: {text}; {hint}" if hint else f"WeasyPrint: {text}"


def link_description(text: str, href: str, label: str | None = None) -> str:
    """What a screen reader announces for a link in the PDF: its label or text, saying what a phone or email link does.

    ``("01772 538352", "tel:+441772538352")`` -> ``"Telephone 01772 538352"``;
    ``("2.4.", "#…:para-2-4", "Paragraph 2.4.")`` -> ``"Paragraph 2.4"``. Empty when the link has no words.
    """
    name = " ".join((label or text).split()).removesuffix(".")  # a name, not a sentence
    action = SPOKEN_SCHEMES.get(urlsplit(href).scheme)
    if name and action and not name.startswith(action):
        return f"{action} {name}"
    return name


def download_facts(size_bytes: int, pages: int) -> str:
    """What the download link says about the file, e.g. "PDF, 84 KB, 14 pages"."""
    return f"PDF, {max(1, round(size_bytes / 1024))} KB, {pages} page{'s' if pages != 1 else ''}"
