"""The tool's copies of Material's templates and scripts, and its use of WeasyPrint's internals, are
each written for one version: a build with another installed stops with a message saying what to check.

The other version is installed for the build only: a distribution's metadata of that version, first on
PYTHONPATH, is what importlib.metadata (and pip) then report.
"""

from __future__ import annotations

import os
import shutil
from importlib import metadata
from pathlib import Path

from made_up_paper import build, made_up_paper

COPIES = [
    "partials/header.html",
    "partials/content.html",
    "partials/javascripts/base.html",
    "partials/javascripts/content.html",
    "javascripts/material-storage.js",
    "javascripts/material-tabs.js",
]


def with_version(folder: Path, distribution: str, version: str) -> dict[str, str]:
    """An environment in which ``distribution`` reports ``version``: its installed metadata (entry
    points and all), the version changed."""
    installed = metadata.distribution(distribution)
    name = installed.metadata["Name"].replace("-", "_").lower()
    [real] = Path(str(installed.locate_file(""))).glob(f"{name}-{installed.version}.dist-info")
    info = folder / f"{name}-{version}.dist-info"
    shutil.copytree(real, info)
    text = (info / "METADATA").read_text(encoding="utf-8")
    (info / "METADATA").write_text(text.replace(f"Version: {installed.version}", f"Version: {version}", 1))
    return {"PYTHONPATH": os.pathsep.join(filter(None, [str(folder), os.environ.get("PYTHONPATH")]))}


def test_another_material_stops_the_build_naming_each_copy(tmp_path: Path) -> None:
    config = made_up_paper(tmp_path / "paper")
    built = build(config, pdf=False, env=with_version(tmp_path / "installed", "mkdocs-material", "9.9.0"))
    assert built.returncode != 0
    assert "mkdocs-material is 9.9.0" in built.output
    for copy in COPIES:
        assert copy in built.output
    assert "Traceback" not in built.output
    assert not (built.site / "index.html").exists()


def test_each_copy_names_the_material_version_it_was_taken_from() -> None:
    from committee_paper.material.version import TAKEN_FROM
    from committee_paper.plugin import theme_dir

    assert metadata.version("mkdocs-material") == TAKEN_FROM  # requirements.txt pins the version copied
    for copy in COPIES:
        first_line = (theme_dir() / copy).read_text(encoding="utf-8").splitlines()[0]
        assert f"mkdocs-material {TAKEN_FROM}" in first_line, copy


def test_another_weasyprint_stops_the_build_naming_what_to_check(tmp_path: Path) -> None:
    config = made_up_paper(tmp_path / "paper")
    built = build(config, env=with_version(tmp_path / "installed", "weasyprint", "99.0"))
    assert built.returncode != 0
    assert "weasyprint is 99.0" in built.output
    assert "link_annotation" in built.output
    assert "Traceback" not in built.output
