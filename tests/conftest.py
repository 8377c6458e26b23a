"""Shared fixtures: one strict build of the made-up paper (PAPER, tests/fixtures/paper/) with the installed tool,
read back as HTML. No test reads this repository's own paper (docs/, mkdocs.yml, source/): that is `verify`'s."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from mkdocs.utils.yaml import yaml_load

import committee_paper
from paper_facts import PAPER, nav_files, source_file  # noqa: F401

ROOT = Path(__file__).resolve().parent.parent  # the tool's checkout: its code, theme and guides, never its paper

SOURCE = source_file()  # the paper as received, whatever its file name
MKDOCS = [sys.executable, "-m", "mkdocs"]
COMMAND = Path(sys.executable).parent / "committee-paper"  # the tool's console command, installed beside this Python


@dataclass
class Build:
    returncode: int
    output: str
    site: Path


def run_build(config: Path, site: Path, *extra: str, pdf: bool = True) -> Build:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PAPER_PDF": "true" if pdf else "false"}
    result = subprocess.run(
        [*MKDOCS, "build", "--strict", "--config-file", str(config), "--site-dir", str(site), *extra],
        cwd=config.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    return Build(result.returncode, result.stdout + result.stderr, site)


def pytest_collection_modifyitems(items):
    """Mark every real-browser test, so `scripts/test -m "not browser"` is a fast subset."""
    for item in items:
        if item.path.name.startswith("test_browser_"):
            item.add_marker(pytest.mark.browser)


def mkdocs_settings(config: Path = PAPER / "mkdocs.yml") -> dict:
    """mkdocs.yml as MkDocs reads it (!ENV resolved, INHERIT merged), not validated."""
    with config.open("rb") as file:
        return yaml_load(file)


@pytest.fixture(scope="session")
def build(tmp_path_factory) -> Build:
    return run_build(PAPER / "mkdocs.yml", tmp_path_factory.mktemp("build") / "site")


@pytest.fixture(scope="session")
def site(build: Build) -> Path:
    assert build.returncode == 0, build.output
    return build.site


def nav_titles(site: Path) -> list[tuple[str, str]]:
    """(title, Markdown file) of each page in the nav; the titles are the pages' own (mkdocs.yml gives none)."""
    return [(soup(html_path(site, md_file)).title.get_text().rsplit(" - ", 1)[0], md_file) for md_file in nav_files()]


def html_path(site: Path, md_file: str) -> Path:
    return site / md_file.replace(".md", ".html")


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def article(page: BeautifulSoup):
    """The page's own content, without Material's header, navigation or footer."""
    return page.select_one("article.md-content__inner")


# Real-browser fixtures (the site served on 127.0.0.1, Debian's Chromium) for tests/test_browser_*.py.
from browser import chromium, reader, served, write_test_record  # noqa: E402,F401
from committee_paper.config import paper_content  # noqa: E402

# The tool as installed in the environment, which every build runs, against this checkout's files it is built from.
INSTALLED = Path(committee_paper.__file__).parent
PACKAGE_FROM = {"hooks/committee_paper": ".", "overrides": "theme", "scripts/skeleton": "skeleton"}


def stale_installed_files() -> list[str]:
    """The checkout's files of the tool that the installed tool lacks or holds otherwise."""
    stale = []
    for source, installed in PACKAGE_FROM.items():
        for path in sorted((ROOT / source).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts and not path.name.startswith("."):
                copy = INSTALLED / installed / path.relative_to(ROOT / source)
                if not copy.is_file() or copy.read_bytes() != path.read_bytes():
                    stale.append(path.relative_to(ROOT).as_posix())
    return stale


BROWSER_TESTS = sorted(path.name for path in (ROOT / "tests").glob("test_browser_*.py"))
outcomes = {"passed": set(), "not passed": set(), "deselected": set()}
tested = {}


def pytest_sessionstart(session):
    """The tests run the tool installed from this checkout; what the site is built from as the run begins: the record
    names it, so an edit during the run is not called tested."""
    stale = stale_installed_files()
    if stale:
        pytest.exit(
            f"the installed committee-paper is not this checkout ({', '.join(stale[:5])} differ); "
            "run .venv/bin/pip install -q --no-deps --force-reinstall . (scripts/build does)",
            returncode=4,
        )
    tested["content"] = paper_content(PAPER)


def pytest_deselected(items):
    outcomes["deselected"].update(item.path.name for item in items)


def pytest_runtest_logreport(report):
    if report.passed and report.when == "call":
        outcomes["passed"].add(report.nodeid)
    elif not report.passed:
        outcomes["not passed"].add(report.nodeid)


def pytest_sessionfinish(session, exitstatus):
    """Record the run for the accessibility statement when every browser test ran: that all passed, or not."""
    ran = [item for item in session.items if item.path.name in BROWSER_TESTS]
    every_browser_test = (
        not outcomes["deselected"] & set(BROWSER_TESTS)
        and sorted({item.path.name for item in ran}) == BROWSER_TESTS
        and paper_content(PAPER) == tested["content"]
    )
    if not every_browser_test:
        return
    if exitstatus == 0 and not outcomes["not passed"] and all(item.nodeid in outcomes["passed"] for item in ran):
        write_test_record(tested["content"])
    elif any(item.nodeid in outcomes["not passed"] for item in ran):
        # Said so in the statement, rather than "not yet tested" (committee_paper/model/site_facts.py).
        write_test_record(tested["content"], passed=False)
