"""Valid markup: html-validate (pinned in the tool's npm-lock/package-lock.json) with its standard preset, on every page."""

import json
import re
from pathlib import Path

from committee_paper.model import npm
from committee_paper.verify.html_validate import validate
from conftest import article, nav_files, soup


def errors(pages: list[Path]) -> list[str]:
    """Each error verify's html-validate run reports, as 'file:line:column rule: message'."""
    return [f"{page}:{line}:{column} {rule}: {message}" for page, line, column, rule, message in validate(pages)]


def test_the_validator_catches_what_the_theme_used_to_write(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        '<!doctype html><html lang="en"><head><title>t</title></head><body><label for="x" tabindex="">x</label><input id="x" type="checkbox" autocomplete="off"></body></html>',
        encoding="utf-8",
    )
    found = errors([page])
    assert any("attribute-allowed-values" in error for error in found), found
    assert any("valid-autocomplete" in error for error in found), found


def test_every_page_is_valid_html(site):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > len(nav_files())  # the nav's pages, the one-page paper, the 404 page
    assert errors(pages) == []


def test_the_html_validate_version_the_site_names_is_the_one_these_tests_use(site):
    pinned = json.loads(npm.lock_file().read_text())["packages"]["node_modules/html-validate"]["version"]
    named = [
        version
        for path in site.rglob("*.html")
        if article(soup(path))
        for version in re.findall(r"html-validate (\d[\w.-]*)", " ".join(article(soup(path)).get_text().split()))
    ]
    assert set(named) <= {pinned}, named
