"""Real-browser fixtures: Debian's Chromium driven by Playwright, against the built site
served on 127.0.0.1 by a server these fixtures start and stop."""

from __future__ import annotations

import datetime
import functools
import json
import re
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from committee_paper.site_facts import TEST_RECORD as TESTED_RECORD_NAME
from conftest import ROOT, nav_files

CHROMIUM = "/usr/bin/chromium"
# Background networking, component updates and sync would make Chromium itself call out.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "mobile": {"width": 375, "height": 812}}


def site_pages() -> list[str]:
    """Every page a reader can reach: the nav's pages, in reading order, the whole paper on one page and the 404 page."""
    return [md_file.replace(".md", ".html") for md_file in nav_files()] + ["whole-paper.html", "404.html"]


def colour_schemes() -> list[dict[str, str]]:
    """The palettes mkdocs.yml offers (one mapping, or a list of them for a toggle)."""
    palette = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)["theme"]["palette"]
    return palette if isinstance(palette, list) else [palette]


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


@pytest.fixture(scope="session")
def served(site: Path) -> Iterator[str]:
    """Base URL of the built site, served over HTTP on an ephemeral 127.0.0.1 port."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.fixture(scope="session")
def chromium() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass
class Reader:
    """One browser context, as one reader gets it, recording every request and script error."""

    context: BrowserContext
    page: Page
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@pytest.fixture
def reader(chromium: Browser, request) -> Iterator[Reader]:
    """A fresh context (no cookies, no storage); the viewport is desktop unless a test's
    `viewport` parameter names another."""
    viewport = VIEWPORTS[getattr(request, "param", "desktop")]
    context = chromium.new_context(viewport=viewport)
    page = context.new_page()
    seen = Reader(context, page)
    context.on("request", lambda req: seen.requests.append(req.url))
    page.on("pageerror", lambda error: seen.errors.append(str(error)))
    yield seen
    context.close()


def search(page: Page, query: str) -> list[str]:
    """Type a query into the search box as a reader would; the result pages' URLs, best first."""
    button = page.locator("label.md-header__button[for='__search']")
    if button.is_visible():  # narrow screens show a search button instead of the box
        button.click()
    page.locator("input.md-search__input").press_sequentially(query, delay=20)
    page.wait_for_function(
        "() => /matching document/i.test(document.querySelector('.md-search-result__meta').textContent)",
        timeout=15_000,
    )
    return page.eval_on_selector_all(".md-search-result__item > .md-search-result__link", "links => links.map(a => a.href)")


TEST_RECORD = ROOT / TESTED_RECORD_NAME


def write_test_record(content: str) -> None:
    """Record this run for the accessibility statement: what it tested (``content``, the hash of what
    the site was built from when the run began), date, browser, axe-core, viewports."""
    chromium_version = re.search(r"Chromium (\S+)", subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True, check=True).stdout)[1]
    axe_version = json.loads((AXE.parent / "package.json").read_text(encoding="utf-8"))["version"]
    sizes = "".join(f"  - {size['width']}x{size['height']}\n" for size in VIEWPORTS.values())
    TEST_RECORD.write_text(
        "# Written by the test suite (tests/conftest.py) when every browser test passed; commit it.\n"
        "# The accessibility statement's test date and tools are rendered from it while `content`\n"
        "# is the hash of what the site is built from; after any change the statement says\n"
        "# \"not yet tested\" until scripts/test passes again.\n"
        f"content: {content}\n"
        f"date: {datetime.datetime.now(datetime.timezone.utc).date().isoformat()}\n"
        f"chromium: {chromium_version}\naxe-core: {axe_version}\nviewports:\n{sizes}",
        encoding="utf-8",
    )
