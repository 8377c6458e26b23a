"""A contents list of the paper's parts: on the PDF's cover and at the top of the one-page paper."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

CONTENTS_ID = "paper-contents"  # the contents list's heading


@dataclass
class ContentsEntry:
    """One line of the contents list: a part of the paper, or a group of parts."""

    title: str
    target: str | None = None  # id of the part's first element; None for a group heading
    children: list[ContentsEntry] = field(default_factory=list)


@dataclass
class Group:
    """A group of parts (a section of the nav), where the paper is one document."""

    title: str
    id: str  # of its heading on the one page
    depth: int  # 0 for a group at the top level


@dataclass
class Outline:
    """Where the contents list's groups start and end among the parts, and how deep each part is."""

    depth: dict[str, int] = field(default_factory=dict)  # part -> how many groups it is in
    starts: dict[str, list[Group]] = field(default_factory=dict)  # part -> groups starting with it, outermost first
    ends: dict[str, int] = field(default_factory=dict)  # part -> how many groups end with it


def group_id(title: str) -> str:
    """The id of a group's heading: ``"Background and Advice"`` -> ``"group:background-and-advice"``
    (with a colon, which no heading's own id has, so it is never taken)."""
    return "group:" + "-".join(re.findall(r"\w+", title.casefold()))


def outline(entries: list[ContentsEntry], depth: int = 0, found: Outline | None = None) -> Outline:
    """The groups of ``entries`` and the parts in them (groups with no part are left out)."""
    found = found if found is not None else Outline()
    for entry in entries:
        if entry.target is not None:
            found.depth[entry.target] = depth
            continue
        parts = parts_in(entry.children)
        if not parts:
            continue
        found.starts.setdefault(parts[0], []).append(Group(entry.title, group_id(entry.title), depth))
        outline(entry.children, depth + 1, found)
        found.ends[parts[-1]] = found.ends.get(parts[-1], 0) + 1
    return found


def parts_in(entries: list[ContentsEntry]) -> list[str]:
    """The targets of the parts in ``entries`` and their groups, in order."""
    return [
        part for entry in entries for part in ([entry.target] if entry.target is not None else parts_in(entry.children))
    ]
