"""A paper published into a copy of the project, as PUBLISHING.md says: the paper's docs/ in place of docs/, its
settings in place of mkdocs.yml's, its source in place of tests/source/. Nothing else changes.

A paper is a folder holding docs/, paper.yml (its settings: top-level keys, and keys under extra:) and source/
(the paper as received). The tool tests publish tests/fixtures/paper/, a small made-up paper, and break it one way
at a time; tests/test_second_paper.py publishes tests/second-paper/ from a scripts/new-paper copy.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from new_paper import with_paper_settings  # noqa: E402  (the one way a paper's settings go into mkdocs.yml)

FIXTURE_PAPER = ROOT / "tests" / "fixtures" / "paper"
BUILD_NEEDS = ["hooks", "overrides", "node_modules"]  # the project's own, besides docs/ and mkdocs.yml


def paper_settings(paper: Path) -> str:
    """The project's mkdocs.yml with the paper's settings (paper.yml) in place, as scripts/new-paper puts them."""
    return with_paper_settings(
        (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), (paper / "paper.yml").read_text(encoding="utf-8")
    )


def publish(
    paper: Path, where: Path, copied: tuple[str, ...] = (), linked: tuple[str, ...] = tuple(BUILD_NEEDS)
) -> Path:
    """Put the paper in a copy of the project at ``where``; returns its mkdocs.yml.

    ``linked`` names are symlinked to the project's (read-only use); ``copied`` ones are copied (to edit them)."""
    where.mkdir(parents=True, exist_ok=True)
    for name in linked:
        (where / name).symlink_to(ROOT / name)
    for name in copied:
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, where / name)
    shutil.copytree(paper / "docs", where / "docs")
    if (paper / "source").is_dir():
        shutil.copytree(paper / "source", where / "tests" / "source")
    config = where / "mkdocs.yml"
    config.write_text(paper_settings(paper), encoding="utf-8")
    return config
