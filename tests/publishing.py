"""A paper published into a copy of the project, as the README's "Publish another paper" says: the paper's docs/ in
place of docs/, its settings in place of mkdocs.yml's, its source in place of tests/source/. Nothing else changes.

A paper is a folder holding docs/, paper.yml (its settings: top-level keys, and keys under extra:) and, for the
paper tests, source/ (the paper as received). The tool tests publish tests/fixtures/paper/, a small made-up paper,
and break it; the proof publishes tests/second-paper/ and runs the paper tests on it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_PAPER = ROOT / "tests" / "fixtures" / "paper"
BUILD_NEEDS = ["hooks", "overrides", "node_modules"]  # the project's own, besides docs/ and mkdocs.yml


class Env(list):
    """An `!ENV [NAME, default]` of mkdocs.yml, kept as written so the copy still reads its environment."""


class SettingsLoader(yaml.SafeLoader):
    pass


class SettingsDumper(yaml.SafeDumper):
    pass


SettingsLoader.add_constructor("!ENV", lambda loader, node: Env(
    loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]))
SettingsDumper.add_representer(Env, lambda dumper, value: dumper.represent_sequence("!ENV", list(value), flow_style=True))


def read_settings(path: Path) -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=SettingsLoader)


def with_paper_settings(project: dict, paper: dict) -> dict:
    """The project's settings with the paper's in place: each top-level key, and each key under extra.

    The paper's own keys come first, so a line of them (a nav entry) has the same number whatever the project's
    other settings are."""
    own = {key: value for key, value in paper.items() if key != "extra"}
    merged = {**own, **{key: value for key, value in project.items() if key not in own}}
    merged["extra"] = {**project.get("extra", {}), **paper.get("extra", {})}
    return merged


def publish(paper: Path, where: Path, copied: tuple[str, ...] = (), linked: tuple[str, ...] = tuple(BUILD_NEEDS)) -> Path:
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
    settings = with_paper_settings(read_settings(ROOT / "mkdocs.yml"), read_settings(paper / "paper.yml"))
    config = where / "mkdocs.yml"
    config.write_text(yaml.dump(settings, Dumper=SettingsDumper, allow_unicode=True, sort_keys=False, width=120), encoding="utf-8")
    return config
