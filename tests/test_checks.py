"""Broken input: each fixture breaks one rule of a small made-up paper (tests/fixtures/paper/, conftest.PAPER) and the rules report
its exact message.

The rules are plain functions, so each fixture is checked without a build (milliseconds);
tests/test_checks_build.py puts a few through the real strict build.
"""

from pathlib import Path

import pytest
import yaml

from committee_paper.checks.paper_checks import check_paper
from committee_paper.config import read_settings
from committee_paper.model.paper import read_paper
from conftest import PAPER, mkdocs_settings
from publishing import publish

FIXTURES = Path(__file__).parent / "fixtures" / "checks"
CASES = sorted(FIXTURES.glob("*.yml"))


def expected(case: Path) -> list[str]:
    return sorted(yaml.safe_load(case.read_text(encoding="utf-8"))["expected"])


def apply_edits(case: Path, where: Path) -> None:
    for edit in yaml.safe_load(case.read_text(encoding="utf-8"))["edits"]:
        target = where / edit["file"]
        if "create" in edit:
            target.write_text(edit["create"], encoding="utf-8")
            continue
        text = target.read_text(encoding="utf-8")
        assert text.count(edit["find"]) == 1, f"{case.name}: '{edit['find']}' must occur once in {edit['file']}"
        target.write_text(text.replace(edit["find"], edit["replace"]), encoding="utf-8")


def broken_project(case: Path, where: Path) -> Path:
    """A copy of the made-up paper's folder, ready to build, with the fixture's edits applied."""
    config = publish(PAPER, where)
    apply_edits(case, where)
    return config


def documentation_pages(docs: Path) -> list[str]:
    """The Markdown pages MkDocs builds: all but the includes (exclude_docs in the tool's defaults.yml)."""
    return sorted(
        path.relative_to(docs).as_posix()
        for path in docs.rglob("*.md")
        if path.relative_to(docs).parts[0] != "includes"
    )


def rule_problems(config: Path) -> list[str]:
    """What the build would report, from the rules alone."""
    docs = config.parent / "docs"
    settings = read_settings(mkdocs_settings(config)["extra"])
    paper = read_paper(settings, docs, documentation_pages(docs), config.read_text(encoding="utf-8"))
    return sorted(str(problem) for problem in check_paper(paper))


@pytest.mark.parametrize("case", CASES, ids=lambda path: path.stem)
def test_broken_input_is_reported_with_its_message(case, tmp_path):
    config = publish(PAPER, tmp_path)
    apply_edits(case, tmp_path)
    assert rule_problems(config) == expected(case)


def test_the_made_up_paper_breaks_no_rule(tmp_path):
    assert rule_problems(publish(PAPER, tmp_path)) == []
