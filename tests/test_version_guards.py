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


def copies_in_theme() -> set[str]:
    """The theme folder's files whose first line says which Material version they were taken from."""
    from committee_paper.plugin import theme_dir

    theme = theme_dir()
    return {
        path.relative_to(theme).as_posix()
        for path in theme.rglob("*")
        if path.is_file() and "mkdocs-material" in path.read_text(encoding="utf-8").partition("\n")[0]
    }


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
    from committee_paper.material.version import COPIES

    for copy in COPIES:
        assert copy in built.output
    assert "Traceback" not in built.output
    assert not (built.site / "index.html").exists()


def test_each_copy_names_the_material_version_it_was_taken_from() -> None:
    from committee_paper.material.version import COPIES, TAKEN_FROM
    from committee_paper.plugin import theme_dir

    assert metadata.version("mkdocs-material") == TAKEN_FROM  # requirements.txt pins the version copied
    for copy in COPIES:
        first_line = (theme_dir() / copy).read_text(encoding="utf-8").splitlines()[0]
        assert f"mkdocs-material {TAKEN_FROM}" in first_line, copy


def test_the_guard_names_every_copy_in_the_theme_and_nothing_else() -> None:
    """A copy the guard does not list would silently hide a new Material version's changes."""
    from committee_paper.material.version import COPIES

    assert copies_in_theme() == set(COPIES)


def test_another_weasyprint_stops_the_build_naming_what_to_check(tmp_path: Path) -> None:
    config = made_up_paper(tmp_path / "paper")
    built = build(config, env=with_version(tmp_path / "installed", "weasyprint", "99.0"))
    assert built.returncode != 0
    assert "weasyprint is 99.0" in built.output
    assert "link_annotation" in built.output
    assert "Traceback" not in built.output
