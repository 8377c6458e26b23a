"""Places a new paper still has to fill in: ``<!-- fill: what goes here -->``.

``scripts/new-paper`` starts a paper from a skeleton (scripts/skeleton/) whose every
place to fill holds such a marker, in docs/ and in mkdocs.yml. The build stops until
none is left, naming each file and line, so a skeleton is never published half-filled.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from committee_paper.model.markers import line_number
from committee_paper.model.problems import Problem

FILL = re.compile(r"<!--\s*fill\s*:\s*(?P<what>.*?)\s*-->", re.DOTALL)
TEXT_FILES = (".md", ".yml", ".yaml")


def unfilled(text: str, path: str) -> list[Problem]:
    """One problem for each fill marker in ``text``."""
    return [
        Problem(
            path,
            line_number(text, match.start()),
            f"not filled in yet: {' '.join(match['what'].split())}; write it in place of the marker",
        )
        for match in FILL.finditer(text)
    ]


def has_fill(value: object) -> bool:
    """Whether a setting as MkDocs read it (text, or a mapping or list holding text) still holds a fill marker."""
    if isinstance(value, str):
        return FILL.search(value) is not None
    if isinstance(value, Mapping):
        return any(has_fill(key) or has_fill(item) for key, item in value.items())
    return isinstance(value, list) and any(has_fill(item) for item in value)


def unfilled_in_project(config_file: Path, docs: Path) -> list[Problem]:
    """The fill markers left in mkdocs.yml and in every text file under docs/, in file order."""
    settings = unfilled(config_file.read_text(encoding="utf-8"), _shown(config_file, config_file.parent))
    return settings + unfilled_in_docs(docs, {})


def unfilled_in_docs(docs: Path, read: Mapping[str, str]) -> list[Problem]:
    """The fill markers left in every text file under docs/, in file order; ``read`` holds the texts
    already read, by path under docs/, so that no file is read twice."""
    files = sorted(path for path in docs.rglob("*") if path.suffix in TEXT_FILES and path.is_file())
    problems = []
    for path in files:
        uri = path.relative_to(docs).as_posix()
        text = read[uri] if uri in read else path.read_text(encoding="utf-8")
        problems += unfilled(text, _shown(path, docs.parent))
    return problems


def _shown(path: Path, base: Path) -> str:
    try:
        return path.relative_to(base).as_posix()
    except ValueError:
        return path.as_posix()
