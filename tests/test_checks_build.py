"""The hooks report what the rules find: a few broken inputs through the real strict build."""

import pytest

from conftest import PAPER, run_build
from publishing import publish
from test_checks import FIXTURES, broken_project, expected

BUILT = ["several-problems", "marker-and-comment"]  # each rule area, and contact markers' lines, through the hooks


def reported_problems(output: str) -> list[str]:
    return sorted(
        line.split("WARNING -  ", 1)[1] for line in output.splitlines() if line.startswith("WARNING -  docs/")
    )


@pytest.mark.parametrize("case", [FIXTURES / f"{name}.yml" for name in BUILT], ids=BUILT)
def test_the_strict_build_fails_with_the_same_messages(case, tmp_path):
    config = broken_project(case, tmp_path)
    # The source checks fail the build before the PDF matters; skip it for speed.
    build = run_build(config, tmp_path / "site", pdf=False)
    assert build.returncode != 0, build.output
    assert "Traceback" not in build.output
    assert reported_problems(build.output) == expected(case)


def test_a_mistake_in_mkdocs_yml_stops_the_build_with_one_line(tmp_path):
    config = publish(PAPER, tmp_path)
    text = config.read_text(encoding="utf-8")
    assert text.count("    date: 2030-12-04\n") == 1
    config.write_text(text.replace("    date: 2030-12-04\n", "    date: 4th December\n"), encoding="utf-8")
    build = run_build(config, tmp_path / "site", pdf=False)
    assert build.returncode == 1
    errors = [line for line in build.output.splitlines() if line.startswith(("ERROR", "Error", "WARNING"))]
    assert errors == [
        "ERROR   -  mkdocs.yml: extra.meeting.date is '4th December'; set it to the meeting's date as YYYY-MM-DD"
    ]
    assert "Traceback" not in build.output
    assert not (tmp_path / "site").exists()


def test_the_made_up_paper_builds_with_no_problems(build):
    assert build.returncode == 0
    assert reported_problems(build.output) == []
