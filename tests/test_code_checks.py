"""The code passes the field's usual checks: ruff's lint and format check on every Python file (hooks, tests,
scripts, benchmark), and mypy on the hooks, the server and the new-paper copier (settings in pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT

CHECKS = {
    "ruff check": ["ruff", "check", "--output-format", "concise", "."],
    "ruff format --check": ["ruff", "format", "--check", "--output-format", "concise", "."],
    "mypy": ["mypy"],  # on the files pyproject.toml names
}


@pytest.mark.parametrize("check", CHECKS)
def test_the_code_passes(check: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", *CHECKS[check]], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, f"{check} found problems:\n{result.stdout}{result.stderr}"
