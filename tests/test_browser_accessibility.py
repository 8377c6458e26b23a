"""WCAG 2.2 AA as axe-core measures it: every page, every colour scheme, desktop and mobile."""

import json
import re

import pytest

from browser import AXE, VIEWPORTS, colour_schemes, search, site_pages
from committee_paper.config import paper_content
from committee_paper.model import npm
from committee_paper.model.site_facts import TEST_RECORD, WHEN_TESTED, recorded_content
from conftest import PAPER, article, mkdocs_settings, soup
from paper_facts import DOCS, html_file, nav_files, page_title, paragraph_pages, search_words

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def axe_violations(page) -> list[str]:
    """axe-core's WCAG A/AA violations on the page as it settles, one line each."""
    # What a reader sees once a fade-in (Material's search results) is over: mid-fade, colours are not yet theirs.
    page.evaluate(
        """() => Promise.all(document.getAnimations()
            .filter(animation => animation.effect?.getComputedTiming().endTime !== Infinity)
            .map(animation => animation.finished.catch(() => null)))"""
    )
    # Evaluated by the test, not added as a <script>: the server's Content-Security-Policy blocks inline script.
    page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS)
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} at {[node['target'] for node in violation['nodes'][:5]]}"
        for violation in result["violations"]
    ]


def use_palette(page, palette: dict[str, str]) -> None:
    """Show the page in one of the configured palettes, as Material's toggle would."""
    page.evaluate(
        """palette => {
            for (const [key, value] of Object.entries(palette))
                if (['scheme', 'primary', 'accent'].includes(key)) document.body.setAttribute(`data-md-color-${key}`, value);
        }""",
        palette,
    )


@pytest.mark.parametrize("reader", list(VIEWPORTS), indirect=True)
@pytest.mark.parametrize("path", site_pages())
def test_page_has_no_wcag_violations(reader, served, path):
    found = {}
    for palette in colour_schemes():
        reader.page.goto(served + path, wait_until="networkidle")
        use_palette(reader.page, palette)
        found[palette["scheme"]] = axe_violations(reader.page)
    assert found == {palette["scheme"]: [] for palette in colour_schemes()}


@pytest.mark.parametrize("reader", list(VIEWPORTS), indirect=True)
def test_search_results_have_no_wcag_violations(reader, served):
    reader.page.goto(served + "index.html", wait_until="networkidle")
    assert search(reader.page, next(iter(search_words().values()))), "no results to check"
    assert axe_violations(reader.page) == []


@pytest.mark.parametrize("reader", ["mobile"], indirect=True)
def test_open_navigation_drawer_has_no_wcag_violations(reader, served):
    page = reader.page
    page.goto(served + html_file(next(iter(paragraph_pages().values()))), wait_until="networkidle")
    page.get_by_role("button", name="Menu", exact=True).click()  # the header's menu button
    page.locator(".md-sidebar--primary").get_by_role("link", name=page_title(nav_files()[-1])).wait_for(state="visible")
    assert axe_violations(page) == []


def test_statement_names_the_axe_core_version_these_tests_use_and_the_publisher(site):
    """Once a passing run of this content is recorded; until then it claims no run at all. Its publisher is extra.publisher."""
    pinned = json.loads(npm.lock_file().read_text())["packages"]["node_modules/axe-core"]["version"]
    markdown = (DOCS / "accessibility.md").read_text(encoding="utf-8")
    statement = " ".join(article(soup(site / "accessibility.html")).get_text().split())
    record = PAPER / TEST_RECORD
    # The statement's own words for "not yet tested", as its <!-- when not tested --> part writes them.
    untested = " ".join(WHEN_TESTED.search(markdown)["untested"].split())
    assert untested
    if record.is_file() and recorded_content(record.read_text(encoding="utf-8")) == paper_content(PAPER):
        assert f"axe-core {pinned}" in statement and untested not in statement
    else:
        assert untested in statement and not re.search(r"axe-core \d", statement)
    publisher = mkdocs_settings()["extra"]["publisher"]["name"]
    assert ("<!-- publisher -->" in markdown) == (publisher in statement), "extra.publisher was not rendered"
