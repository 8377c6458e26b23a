"""A small made-up paper (tests/fixtures/paper) as a paper's own folder, built with the installed tool.

The folder holds what a clerk's does: mkdocs.yml with the paper's settings only (theme, the four
plugins, extra, nav: tests/fixtures/paper/mkdocs.yml), docs/ and source/. A test changes a page or a setting
before it builds, so each test shows one thing against a real strict build.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from mkdocs.utils.yaml import yaml_load

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "paper"
PLUGINS = ["search", "offline", "pdf-export", "committee-paper"]


@dataclass
class Built:
    returncode: int
    output: str
    site: Path


def made_up_paper(folder: Path, **settings: Any) -> Path:
    """The paper's folder under ``folder``, its mkdocs.yml given ``settings`` on top; its config file."""
    folder.mkdir(parents=True, exist_ok=True)
    for part in ("docs", "source"):
        shutil.copytree(FIXTURE / part, folder / part)
    with (FIXTURE / "mkdocs.yml").open("rb") as file:
        config = yaml_load(file)  # as MkDocs reads it: !ENV resolved
    config.update({"theme": {"name": "material"}, "plugins": PLUGINS, **settings})
    path = folder / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def build(config: Path, *, pdf: bool = True, env: dict[str, str] | None = None) -> Built:
    """``mkdocs build --strict`` of the paper, as a subprocess; the PDF off (a preview) if not ``pdf``."""
    site = config.parent / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config), "--site-dir", str(site)],
        cwd=config.parent,
        env={**os.environ, "PAPER_PDF": "true" if pdf else "false", **(env or {})},
        capture_output=True,
        text=True,
        timeout=600,
    )
    return Built(result.returncode, result.stdout + result.stderr, site)


def build_in_process(config: Path, command: str = "build") -> None:
    """As the `mkdocs` command runs a build (mkdocs/__main__.py), in this process; ``command`` is
    what the plugins are told on startup: build, gh-deploy or serve."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    cfg = load_config(config_file=str(config), site_dir=str(config.parent / "site"))
    cfg.plugins.on_startup(command=command, dirty=False)
    try:
        mkdocs_build(cfg)
    finally:
        cfg.plugins.on_shutdown()
