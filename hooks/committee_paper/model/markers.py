"""Markers in page Markdown, each resolved once, as the page is read, to the data it stands for.

A marker is an HTML comment, so a page stays readable Markdown: ``<!-- contacts -->``
stands for every contact officer, ``<!-- contact: Name -->`` for one (others are in
attachments.py and site_facts.py). Every marker of a page is found in its source
text before any is resolved, so each problem names the marker's own line. What a
marker stands for is a ``Piece``, plain data; render/marker_text.py writes it out.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from committee_paper.model.contacts import Contact
from committee_paper.model.problems import Problem

# Loose about spaces, so a marker typed slightly differently still renders.
CONTACT_MARKER = re.compile(r"^[ \t]*<!--\s*contacts?\b\s*(?::\s*(?P<name>.*?))?\s*-->[ \t]*$", re.MULTILINE)


class Piece:
    """What a marker stands for, as data."""


@dataclass(frozen=True)
class Kept(Piece):
    """Text that stands for the marker as it is: the marker itself when it names nothing (a problem says so), the
    part of a region that holds, a recorded value."""

    text: str


@dataclass(frozen=True)
class ContactBlocks(Piece):
    contacts: tuple[Contact, ...]


@dataclass(frozen=True)
class Marker:
    pattern: re.Pattern[str]
    resolve: Callable[[re.Match[str], int], Piece]  # the marker and its line in the source -> what it stands for


@dataclass(frozen=True)
class Placed:
    """A marker in a page's text, from ``start`` to ``end``, and what it stands for."""

    start: int
    end: int
    piece: Piece


def line_number(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def place_markers(text: str, markers: list[Marker]) -> list[Placed]:
    """Every marker in ``text``, in order, each resolved knowing its line in ``text``."""
    found = sorted(
        (
            (match.start(), match.end(), index, match)
            for index, marker in enumerate(markers)
            for match in marker.pattern.finditer(text)
        ),
        key=lambda hit: hit[:3],
    )
    placed: list[Placed] = []
    for start, end, index, match in found:
        if placed and start < placed[-1].end:
            continue  # inside a marker already placed
        placed.append(Placed(start, end, markers[index].resolve(match, line_number(text, start))))
    return placed


def contact_marker(contacts: list[Contact], path: str, problems: list[Problem]) -> Marker:
    """Contact markers; a name that is not a contact is a problem, left as it is."""
    by_name = {contact.name: contact for contact in contacts}

    def resolve(match: re.Match[str], line: int) -> Piece:
        name = match["name"]
        if name is None:
            return ContactBlocks(tuple(contacts))
        if name in by_name:
            return ContactBlocks((by_name[name],))
        known = ", ".join(by_name) or "none"
        problems.append(
            Problem(
                path,
                line,
                f"contact '{name}' is not in docs/contacts.yml (contacts: {known}); "
                "use one of those names or add the contact there",
            )
        )
        return Kept(match[0])

    return Marker(CONTACT_MARKER, resolve)
