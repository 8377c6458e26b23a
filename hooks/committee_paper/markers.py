"""Contact markers in page Markdown, replaced by contact blocks rendered from data.

``<!-- contacts -->`` renders every contact officer; ``<!-- contact: Name -->``
renders one. Markers are HTML comments so a page stays readable Markdown.
"""

from __future__ import annotations

import re

from .contacts import Contact, render_contact
from .problems import Problem

# Loose about spaces, so a marker typed slightly differently still renders.
MARKER = re.compile(r"^[ \t]*<!--\s*contacts?\b\s*(?::\s*(?P<name>.*?))?\s*-->[ \t]*$", re.MULTILINE)


def line_number(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def render_markers(markdown: str, contacts: list[Contact], path: str, line_offset: int = 0) -> tuple[str, list[Problem]]:
    """Replace each marker; a name that is not a contact is a problem, left unrendered."""
    by_name = {contact.name: contact for contact in contacts}
    problems: list[Problem] = []

    def replace(match: re.Match[str]) -> str:
        name = match["name"]
        if name is None:
            return "".join(render_contact(contact) for contact in contacts)
        if name in by_name:
            return render_contact(by_name[name])
        known = ", ".join(by_name) or "none"
        problems.append(Problem(path, line_offset + line_number(markdown, match.start()), f"contact '{name}' is not in docs/contacts.yml (contacts: {known}); use one of those names or add the contact there"))
        return match[0]

    return MARKER.sub(replace, markdown), problems
