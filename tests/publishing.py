"""A paper published as a clerk publishes it: its folder as it is (docs/, mkdocs.yml with the paper's own settings
only, source/), built with the tool installed in the environment. Nothing else is needed.

The tool tests publish tests/fixtures/paper/, a small made-up paper, and break it one way at a time.
"""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_PAPER = ROOT / "tests" / "fixtures" / "paper"
PAPER_PARTS = ("docs", "mkdocs.yml", "source")  # a paper's folder, as `committee-paper new` makes it
BUILD_NEEDS: tuple[str, ...] = ()  # nothing of this repository: the tool (plugin, theme, npm packages) is installed


def publish(paper: Path, where: Path, copied: tuple[str, ...] = (), linked: tuple[str, ...] = BUILD_NEEDS) -> Path:
    """A copy of the paper's folder at ``where``; returns its mkdocs.yml.

    ``linked`` names of this repository are symlinked there (read-only use); ``copied`` ones are copied (to edit)."""
    where.mkdir(parents=True, exist_ok=True)
    for name in linked:
        (where / name).symlink_to(ROOT / name)
    for name in copied:
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, where / name)
    for part in PAPER_PARTS:
        if (paper / part).is_dir():
            shutil.copytree(paper / part, where / part)
        elif (paper / part).is_file():
            shutil.copy(paper / part, where / part)
    return where / "mkdocs.yml"
