"""Real-browser fixtures: Debian's Chromium driven by Playwright, against the made-up paper's built site
served on 127.0.0.1 by nginx as a council would serve it (committee_paper.server.serve, as
`committee-paper serve`), which these fixtures start and stop."""

from __future__ import annotations

import datetime
import json
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from committee_paper.config import DEFAULTS
from committee_paper.model import npm
from committee_paper.model.site_facts import TEST_RECORD as TESTED_RECORD_NAME
from committee_paper.server.serve import running
from committee_paper.verify.browser import (  # as verify launches and watches it
    CHROMIUM,
    CHROMIUM_ARGS,
    Reader,
    watch,
)
from paper_facts import PAPER, nav_files

AXE = npm.installed("axe-core/axe.min.js")
VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "mobile": {"width": 375, "height": 812}}


def site_pages() -> list[str]:
    """Every page a reader can reach: the nav's pages, in reading order, the whole paper on one page and the 404 page."""
    return [md_file.replace(".md", ".html") for md_file in nav_files()] + ["whole-paper.html", "404.html"]


def colour_schemes() -> list[dict[str, str]]:
    """The palettes the tool's theme offers (one mapping, or a list of them for a toggle)."""
    palette = DEFAULTS["theme"]["palette"]
    return palette if isinstance(palette, list) else [palette]


@pytest.fixture(scope="session")
def served(site: Path) -> Iterator[str]:
    """Base URL of the built site, served by nginx on an ephemeral 127.0.0.1 port under "/"."""
    with running(site) as base:
        yield base


@pytest.fixture(scope="session")
def chromium() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def reader(chromium: Browser, request) -> Iterator[Reader]:
    """A fresh context (no cookies, no storage); the viewport is desktop unless a test's
    `viewport` parameter names another. Whatever the test does, the server's Content-Security-Policy
    must not block anything."""
    viewport = VIEWPORTS[getattr(request, "param", "desktop")]
    context = chromium.new_context(viewport=viewport)
    seen = watch(context)
    yield seen
    context.close()
    assert seen.violations == [], "the Content-Security-Policy (server/committee-paper.conf) blocked these"


def search(page: Page, query: str) -> list[str]:
    """Type a query into the search box as a reader would; the result pages' URLs, best first."""
    button = page.locator(".paper-search-button")  # the header's search button (overrides/partials/header.html)
    if button.is_visible():  # narrow screens show a search button instead of the box
        button.click()
    page.locator("input.md-search__input").press_sequentially(query, delay=20)
    page.wait_for_function(
        "() => /matching document/i.test(document.querySelector('.md-search-result__meta').textContent)",
        timeout=15_000,
    )
    return page.eval_on_selector_all(
        ".md-search-result__item > .md-search-result__link", "links => links.map(a => a.href)"
    )


TEST_RECORD = PAPER / TESTED_RECORD_NAME  # beside the tested paper's mkdocs.yml


def write_test_record(content: str, passed: bool = True) -> None:
    """Record this run for the accessibility statement: what it tested (``content``, the hash of what
    the site was built from when the run began), whether every browser test passed, date, browser,
    axe-core, viewports."""
    chromium_version = re.search(
        r"Chromium (\S+)", subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True, check=True).stdout
    )[1]
    axe_version = json.loads((AXE.parent / "package.json").read_text(encoding="utf-8"))["version"]
    sizes = "".join(f"  - {size['width']}x{size['height']}\n" for size in VIEWPORTS.values())
    TEST_RECORD.write_text(
        "# Written by the test suite (tests/conftest.py) when every browser test ran; commit it.\n"
        "# The accessibility statement's test date and tools are rendered from it while `content`\n"
        "# is the hash of what the site is built from; after any change the statement says\n"
        '# "not yet tested" until scripts/test passes again.\n'
        f"content: {content}\n"
        + ("" if passed else "passed: false\n")
        + f"date: {datetime.datetime.now(datetime.UTC).date().isoformat()}\n"
        f"chromium: {chromium_version}\naxe-core: {axe_version}\nviewports:\n{sizes}",
        encoding="utf-8",
    )
