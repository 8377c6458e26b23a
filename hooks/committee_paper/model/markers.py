"""Markers in page Markdown, replaced in one pass by what they stand for, rendered from data.

A marker is an HTML comment, so a page stays readable Markdown: ``<!-- contacts -->``
renders every contact officer, ``<!-- contact: Name -->`` one (others are in
attachments.py and site_facts.py). Every marker of a page is found in its source
text before any is replaced, so each problem names the marker's own line.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from committee_paper.model.contacts import Contact, render_contact
from committee_paper.model.problems import Problem

# Loose about spaces, so a marker typed slightly differently still renders.
CONTACT_MARKER = re.compile(r"^[ \t]*<!--\s*contacts?\b\s*(?::\s*(?P<name>.*?))?\s*-->[ \t]*$", re.MULTILINE)


@dataclass(frozen=True)
class Marker:
    pattern: re.Pattern[str]
    render: Callable[[re.Match[str], int], str]  # the marker and its line in the source -> what replaces it


def line_number(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def render_markers(text: str, markers: list[Marker]) -> str:
    """``text`` with every marker replaced, each rendered knowing its line in ``text``."""
    found = sorted(
        (
            (match.start(), match.end(), index, match)
            for index, marker in enumerate(markers)
            for match in marker.pattern.finditer(text)
        ),
        key=lambda hit: hit[:3],
    )
    out, at = [], 0
    for start, end, index, match in found:
        if start < at:
            continue  # inside a marker already replaced
        out += [text[at:start], markers[index].render(match, line_number(text, start))]
        at = end
    return "".join(out) + text[at:]


def contact_marker(contacts: list[Contact], path: str, problems: list[Problem]) -> Marker:
    """Contact markers; a name that is not a contact is a problem, left unrendered."""
    by_name = {contact.name: contact for contact in contacts}

    def render(match: re.Match[str], line: int) -> str:
        name = match["name"]
        if name is None:
            return "".join(render_contact(contact) for contact in contacts)
        if name in by_name:
            return render_contact(by_name[name])
        known = ", ".join(by_name) or "none"
        problems.append(
            Problem(
                path,
                line,
                f"contact '{name}' is not in docs/contacts.yml (contacts: {known}); "
                "use one of those names or add the contact there",
            )
        )
        return match[0]

    return Marker(CONTACT_MARKER, render)
