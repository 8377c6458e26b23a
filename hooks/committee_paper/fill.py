"""Places a new paper still has to fill in: ``<!-- fill: what goes here -->``.

``scripts/new-paper`` starts a paper from a skeleton (scripts/skeleton/) whose every
place to fill holds such a marker, in docs/ and in mkdocs.yml. The build stops until
none is left, naming each file and line, so a skeleton is never published half-filled.
"""

from __future__ import annotations

import re
from pathlib import Path

from .markers import line_number
from .problems import Problem

FILL = re.compile(r"<!--\s*fill\s*:\s*(?P<what>.*?)\s*-->", re.DOTALL)
TEXT_FILES = (".md", ".yml", ".yaml")


def unfilled(text: str, path: str) -> list[Problem]:
    """One problem for each fill marker in ``text``."""
    return [
        Problem(path, line_number(text, match.start()), f"not filled in yet: {' '.join(match['what'].split())}; write it in place of the marker")
        for match in FILL.finditer(text)
    ]


def unfilled_in_project(config_file: Path, docs: Path) -> list[Problem]:
    """The fill markers left in mkdocs.yml and in every text file under docs/, in file order."""
    files = [config_file, *sorted(path for path in docs.rglob("*") if path.suffix in TEXT_FILES and path.is_file())]
    base = config_file.parent
    return [problem for path in files for problem in unfilled(path.read_text(encoding="utf-8"), _shown(path, base))]


def _shown(path: Path, base: Path) -> str:
    try:
        return path.relative_to(base).as_posix()
    except ValueError:
        return path.as_posix()
