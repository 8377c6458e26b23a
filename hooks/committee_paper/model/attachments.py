"""Appendix pages and the boxes that point to them, from the list of background papers.

A paper's number, title, date and contact are written once, in the list of
background papers. An appendix page shows them with ``<!-- background paper -->``
(under its title: the text is not here, and whom to ask for it); a section page
points to its appendix with ``<!-- attached: paper 1, paragraph 1.1 -->``.
``<!-- appendix -->`` says the same on any appendix page: from its row when it is a
background paper, else whom to ask is the publisher (extra.publisher); an exempt
appendix (front matter ``exempt``) says so with the paper's reason, and offers no copy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from committee_paper.model.anchors import PARAGRAPH_NUMBER
from committee_paper.model.background_papers import APPENDIX_KEY, PaperRow, contact_parts, is_appendix
from committee_paper.model.contacts import Contact
from committee_paper.model.markers import Kept, Marker, Piece
from committee_paper.model.problems import Problem
from committee_paper.model.settings import Publisher
from committee_paper.model.sources import SourcePage

PAPER_MARKER = re.compile(r"^[ \t]*<!--\s*background paper\s*-->[ \t]*$", re.MULTILINE)
# A passage of the accessibility statement true only of a paper with appendices; gone, line and all, otherwise.
APPENDICES_REGION = re.compile(r"<!--\s*if appendices\s*-->\n?(?P<body>.*?)<!--\s*end if\s*-->\n?", re.DOTALL)
APPENDIX_MARKER = re.compile(r"^[ \t]*<!--\s*appendix\s*-->[ \t]*$", re.MULTILINE)
ATTACHED_MARKER = re.compile(r"^[ \t]*<!--\s*attached\s*:\s*(?P<args>.*?)\s*-->[ \t]*$", re.MULTILINE)
ATTACHED_ARGS = re.compile(r"paper (\d+), paragraph (\d+\.\d+)")


@dataclass(frozen=True)
class Attachment:
    """A background paper and its appendix page."""

    row: PaperRow
    page: SourcePage

    @property
    def contact_name(self) -> str:
        return contact_parts(self.row.contact)[0]

    @property
    def title(self) -> str:
        return self.page.title[1] if self.page.title else self.row.title


@dataclass(frozen=True)
class AppendixNotice(Piece):
    """What a background paper's appendix page says under its title: the paper's row, and whom to ask (None: the
    row names no contact, background_papers.check_rows reports it)."""

    attachment: Attachment
    contact: Contact | None


@dataclass(frozen=True)
class UnlistedNotice(Piece):
    """What an appendix that is no background paper says under its title: exempt, or whom to ask (the publisher)."""

    page: SourcePage
    publisher: Publisher


@dataclass(frozen=True)
class AttachedBox(Piece):
    """A box on the section page ``uri`` linking the appendix page attached to its ``paragraph``."""

    uri: str
    attachment: Attachment
    paragraph: str


def attachments(rows: list[PaperRow], appendices: list[SourcePage]) -> dict[int, Attachment]:
    """Each paper's appendix page, by the paper's row number (``background_paper`` in its front matter)."""
    pages = {page.background_paper: page for page in appendices}
    return {row.position: Attachment(row, pages[row.position]) for row in rows if row.position in pages}


def appendix_notice(attachment: Attachment, contacts: list[Contact]) -> AppendixNotice:
    by_name = {contact.name: contact for contact in contacts}
    return AppendixNotice(attachment, by_name.get(attachment.contact_name))


def paper_marker(
    page: SourcePage, found: dict[int, Attachment], contacts: list[Contact], problems: list[Problem]
) -> Marker:
    """``<!-- background paper -->`` on an appendix page: its notice."""
    mine = next((attachment for attachment in found.values() if attachment.page.uri == page.uri), None)

    def resolve(match: re.Match[str], line: int) -> Piece:
        if mine is None and APPENDIX_KEY in page.front_matter:
            return Kept(match[0])  # its row is missing or malformed: check_paper reports the list
        if mine is None:
            problems.append(
                Problem(
                    page.path,
                    line,
                    "this page is no background paper's appendix page; give it 'background_paper: N' in its front "
                    "matter, N being its row in the list of background papers",
                )
            )
            return Kept(match[0])
        return appendix_notice(mine, contacts)

    return Marker(PAPER_MARKER, resolve)


def appendix_marker(
    page: SourcePage,
    found: dict[int, Attachment],
    contacts: list[Contact],
    publisher: Publisher,
    problems: list[Problem],
) -> Marker:
    """``<!-- appendix -->`` on an appendix page: its notice, whatever kind of appendix it is."""
    mine = next((attachment for attachment in found.values() if attachment.page.uri == page.uri), None)

    def resolve(match: re.Match[str], line: int) -> Piece:
        if mine is not None:
            return appendix_notice(mine, contacts)
        if APPENDIX_KEY in page.front_matter:
            return Kept(match[0])  # its row is missing or malformed: check_paper reports the list
        if not is_appendix(page):
            problems.append(
                Problem(
                    page.path,
                    line,
                    "this page is no appendix; <!-- appendix --> goes under an appendix page's title (a page under "
                    "docs/appendices/ titled 'Appendix …' or 'Annex …')",
                )
            )
            return Kept(match[0])
        return UnlistedNotice(page, publisher)

    return Marker(APPENDIX_MARKER, resolve)


def appendices_region_marker(has_appendices: bool) -> Marker:
    """``<!-- if appendices -->…<!-- end if -->``: its text when the paper has appendix pages, else nothing."""
    return Marker(APPENDICES_REGION, lambda match, line: Kept(match["body"] if has_appendices else ""))


def check_notice_under_title(page: SourcePage) -> list[Problem]:
    """An appendix page says at once, under its title, that the text is not here (or is exempt)."""
    if not is_appendix(page) or page.title is None:
        return []
    title_line = page.title[0]
    # From the text itself: body_lines() leaves comments, and so markers, out.
    after = next((line for line in page.text.splitlines()[title_line:] if line.strip()), "")
    if APPENDIX_MARKER.fullmatch(after) or PAPER_MARKER.fullmatch(after):
        return []
    marker = "<!-- background paper -->" if APPENDIX_KEY in page.front_matter else "<!-- appendix -->"
    return [
        Problem(
            page.path,
            title_line,
            f"has no {marker} under its title; put it on the line after the title, so readers learn at once that "
            "the text is not on the site and whom to ask for it",
        )
    ]


def attached_marker(page: SourcePage, found: dict[int, Attachment], papers: int, problems: list[Problem]) -> Marker:
    """``<!-- attached: paper N, paragraph X.Y -->``: a box linking the appendix page.

    ``papers`` is the number of rows in the list; a listed paper with no appendix page is
    reported on the list (background_papers.check_appendix_pages), so not again here.
    """
    numbered = {f"{match[1]}.{match[2]}" for _, line in page.body_lines() if (match := PARAGRAPH_NUMBER.match(line))}

    def resolve(match: re.Match[str], line: int) -> Piece:
        args = ATTACHED_ARGS.fullmatch(match["args"])
        if not args:
            problems.append(
                Problem(
                    page.path,
                    line,
                    f"attached marker '{match['args']}' is not 'paper N, paragraph X.Y'; write it as <!-- attached: "
                    "paper 1, paragraph 1.1 -->",
                )
            )
            return Kept(match[0])
        number, paragraph = int(args[1]), args[2]
        attachment = found.get(number)
        if attachment is None:
            if not 1 <= number <= papers:
                problems.append(
                    Problem(
                        page.path,
                        line,
                        f"paper {number} is not in the list of background papers (papers 1 to {papers}); use the "
                        "paper's row number there",
                    )
                )
            return Kept(match[0])
        if paragraph not in numbered:
            problems.append(
                Problem(
                    page.path,
                    line,
                    f"paragraph {paragraph} is not numbered on this page; name the paragraph of this page that says "
                    f"paper {number} is attached",
                )
            )
            return Kept(match[0])
        return AttachedBox(page.uri, attachment, paragraph)

    return Marker(ATTACHED_MARKER, resolve)
