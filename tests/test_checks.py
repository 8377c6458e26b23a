"""Broken input: each fixture breaks one rule and the strict build fails with its exact message."""

import shutil
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, run_build

FIXTURES = Path(__file__).parent / "fixtures" / "checks"
PROJECT = ["docs", "hooks", "overrides", "mkdocs.yml"]


def broken_project(case: Path, where: Path) -> Path:
    """A copy of the real project with the fixture's edits applied."""
    for name in PROJECT:
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, where / name)
    (where / "node_modules").symlink_to(ROOT / "node_modules")  # installed by the set-up step
    for edit in yaml.safe_load(case.read_text(encoding="utf-8"))["edits"]:
        target = where / edit["file"]
        if "create" in edit:
            target.write_text(edit["create"], encoding="utf-8")
            continue
        text = target.read_text(encoding="utf-8")
        assert text.count(edit["find"]) == 1, f"{case.name}: '{edit['find']}' must occur once in {edit['file']}"
        target.write_text(text.replace(edit["find"], edit["replace"]), encoding="utf-8")
    return where / "mkdocs.yml"


def reported_problems(output: str) -> list[str]:
    return sorted(line.split("WARNING -  ", 1)[1] for line in output.splitlines() if line.startswith("WARNING -  docs/"))


@pytest.mark.parametrize("case", sorted(FIXTURES.glob("*.yml")), ids=lambda path: path.stem)
def test_broken_input_fails_the_build_with_its_message(case, tmp_path):
    config = broken_project(case, tmp_path)
    # The source checks fail the build before the PDF matters; skip it for speed.
    build = run_build(config, tmp_path / "site", pdf=False)
    assert build.returncode != 0, build.output
    assert "Traceback" not in build.output
    assert reported_problems(build.output) == sorted(yaml.safe_load(case.read_text(encoding="utf-8"))["expected"])


def test_the_real_paper_reports_no_problems(build):
    assert build.returncode == 0
    assert reported_problems(build.output) == []
