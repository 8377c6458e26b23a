"""Every build the project runs or documents is strict: one warning fails it.

`mkdocs build --strict -q` is not strict: -q raises the log level past warnings, so strict
mode counts none and the build exits 0. The paper's build (`committee-paper build`, which scripts/build runs)
failing on a warning is shown in tests/test_publish.py; the benchmark's build is shown here.
"""

import importlib.util
import os
import re
import subprocess

import pytest

from conftest import ROOT
from test_checks import FIXTURES, broken_project, expected

ONE_WARNING = FIXTURES / "unparseable-date.yml"  # the made-up paper, one date not in its date style
WARNING = expected(ONE_WARNING)[0]
DOCUMENTED = [
    "README.md",
    "hooks/committee_paper/cli.py",
    "scripts/build",
    "scripts/test",
    "scripts/lib.sh",
    ".ci/run",
    "bench/run.py",
    "bench/generate.py",
]


def load_bench():
    spec = importlib.util.spec_from_file_location("bench_run", ROOT / "bench" / "run.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def project_with_one_warning(tmp_path):
    return broken_project(ONE_WARNING, tmp_path)


def test_no_build_the_project_runs_or_documents_is_quietened():
    """Every `mkdocs build` command in the scripts, the benchmark and the README: strict, never -q."""
    commands = [
        (name, command[0])
        for name in DOCUMENTED
        for command in re.finditer(r"mkdocs\W+build\b[^`\n]*", (ROOT / name).read_text(encoding="utf-8"))
    ]
    assert {name for name, _ in commands} >= {"hooks/committee_paper/cli.py", "bench/run.py"}
    for name, command in commands:
        assert "--strict" in command and not re.search(r"(?<![\w-])(-q|--quiet)(?![\w-])", command), (
            f"{name}: {command}"
        )


def test_a_warning_fails_the_benchmarks_build(project_with_one_warning, tmp_path):
    bench = load_bench()
    with pytest.raises(SystemExit) as failed:
        bench.timed_build(project_with_one_warning, tmp_path / "site", pdf=False, runs=1)
    assert WARNING in str(failed.value)
    assert "Aborted with 1 warnings in strict mode!" in str(failed.value)


def test_the_same_build_with_q_would_have_passed(project_with_one_warning, tmp_path):
    """Why -q is banned: the broken paper above 'builds' when quietened."""
    command = load_bench().build_command(project_with_one_warning, tmp_path / "site")
    quiet = subprocess.run(
        [*command, "-q"],
        cwd=project_with_one_warning.parent,
        env={**os.environ, "PAPER_PDF": "false", "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert quiet.returncode == 0, quiet.stdout + quiet.stderr
