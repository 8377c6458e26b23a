"""Each marker of a page written out as Markdown, from the data the model resolved it to (model/markers.py)."""

from __future__ import annotations

import re

from committee_paper.model.anchors import paper_anchor, paragraph_anchor
from committee_paper.model.attachments import AppendixNotice, AttachedBox, UnlistedNotice
from committee_paper.model.background_papers import BACKGROUND_PAPERS
from committee_paper.model.contacts import Contact
from committee_paper.model.links import relative_link
from committee_paper.model.markers import ContactBlocks, Kept, Piece, Placed
from committee_paper.model.paper import Paper
from committee_paper.model.settings import Publisher
from committee_paper.model.site_facts import PublisherLink
from committee_paper.model.sources import SourcePage

# Said on the web page, and in the PDF instead: the document itself is in neither.
NOT_HERE = (
    '<span class="web-only">Its text is not published on this website.</span>'
    '<span class="pdf-only">Its text is not included in this document.</span>'
)
# The same, said of an appendix from the section that points to it.
NOT_HERE_EITHER = (
    '<span class="web-only">Its text is not on this website:</span>'
    '<span class="pdf-only">Its text is not in this document:</span>'
)


def render_contact(contact: Contact) -> str:
    """The contact as Markdown, with what the paper gives: name, role, organisation, then linked phone and email."""
    phone = f"[{contact.phone}]({contact.tel_uri})" if contact.tel_uri else contact.phone
    lines = [
        ", ".join([f"**{contact.name}**", *(part for part in (contact.role, contact.organisation) if part)]),
        *([f"Tel: {phone}"] if contact.phone else []),
        *([f"Email: [{contact.email}](mailto:{contact.email})"] if contact.email else []),
    ]
    return "- " + "  \n  ".join(lines) + "\n"


def publisher_markdown(publisher: Publisher, page_uri: str) -> str:
    """The publisher's name, linked to how to reach them, from the given page."""
    scheme = publisher.contact.split(":", 1)[0] if re.match(r"[a-z]+:", publisher.contact) else ""
    if scheme in ("mailto", "tel"):
        shown = publisher.contact.split(":", 1)[1].split("?")[0]
        return f"{publisher.name} ([{shown}]({publisher.contact}))"
    return f"[{publisher.name}]({publisher.contact if scheme else relative_link(page_uri, publisher.contact)})"


def render_appendix_notice(notice: AppendixNotice) -> str:
    """What an appendix page says under its title: the text is not here, the paper's row, and whom to ask."""
    attachment = notice.attachment
    row, uri = attachment.row, attachment.page.uri
    block = render_contact(notice.contact) if notice.contact is not None else ""
    papers = relative_link(uri, f"{BACKGROUND_PAPERS}#{paper_anchor(row.position)}")
    return (
        f'<p class="appendix-notice" markdown>**{NOT_HERE}** The [list of background papers]({papers}) gives it as '
        f"paper {row.number}, "
        f"dated {row.date}, with {attachment.contact_name} as its contact. To ask for a copy, contact:</p>\n\n"
        f"{block}"
    )


def render_unlisted_notice(page: SourcePage, publisher: Publisher) -> str:
    """What an appendix that is no background paper says under its title: exempt, with the paper's reason; or
    not here, and whom to ask (the publisher: the tool names no one the paper does not)."""
    if page.exempt is not None:
        return (
            '<p class="appendix-notice" markdown>**This appendix is exempt from publication.** '
            f'The paper gives the reason: "{page.exempt}"</p>\n'
        )
    return (
        f'<p class="appendix-notice" markdown>**{NOT_HERE}** To ask for a copy, contact '
        f"{publisher_markdown(publisher, page.uri)}.</p>\n"
    )


def render_attached_box(box: AttachedBox) -> str:
    """The box on a section page: the appendix attached to its paragraph, linked, and why its text is not here."""
    appendix = relative_link(box.uri, box.attachment.page.uri)
    return (
        '!!! info site-notice "Attached to this section"\n\n'
        f"    [{box.attachment.title}]({appendix}) was attached to the original paper (paragraph "
        f"[{box.paragraph}](#{paragraph_anchor(box.paragraph)})). "
        f"{NOT_HERE_EITHER} its page says how to ask for a copy.\n"
    )


def render_piece(piece: Piece) -> str:
    """What the marker stands for, as Markdown."""
    if isinstance(piece, Kept):
        return piece.text
    if isinstance(piece, ContactBlocks):
        return "".join(render_contact(contact) for contact in piece.contacts)
    if isinstance(piece, AppendixNotice):
        return render_appendix_notice(piece)
    if isinstance(piece, UnlistedNotice):
        return render_unlisted_notice(piece.page, piece.publisher)
    if isinstance(piece, AttachedBox):
        return render_attached_box(piece)
    assert isinstance(piece, PublisherLink), piece  # the last kind of piece
    return publisher_markdown(piece.publisher, piece.uri)


def write_markers(text: str, markers: list[Placed]) -> str:
    """``text`` with each of its ``markers`` (place_markers) written out."""
    out, at = [], 0
    for placed in markers:
        out += [text[at : placed.start], render_piece(placed.piece)]
        at = placed.end
    return "".join(out) + text[at:]


def page_markdown(paper: Paper, uri: str) -> str:
    """The page's Markdown body (front matter off), each of its markers written out."""
    page = paper.pages[uri]
    return page.body_of(write_markers(page.text, paper.markers[uri]))
