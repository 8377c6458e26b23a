"""Valid markup: html-validate (pinned in the tool's npm-lock/package-lock.json) with its standard preset, on every page."""

import json
import re
import subprocess

from committee_paper.model import npm
from committee_paper.verify.html_validate import CONFIG
from conftest import article, nav_files, soup

HTML_VALIDATE = npm.installed(".bin/html-validate")


def validate(*arguments: str, stdin: str | None = None) -> list[str]:
    """Each error html-validate reports, as 'file:line:column rule: message'."""
    result = subprocess.run(
        [str(HTML_VALIDATE), "--config", str(CONFIG), "--formatter", "json", *arguments],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.stdout.strip(), result.stderr
    return [
        f"{report['filePath']}:{message['line']}:{message['column']} {message['ruleId']}: {message['message']}"
        for report in json.loads(result.stdout)
        for message in report["messages"]
        if message["severity"] == 2
    ]


def test_the_validator_catches_what_the_theme_used_to_write():
    page = '<!doctype html><html lang="en"><head><title>t</title></head><body><label for="x" tabindex="">x</label><input id="x" type="checkbox" autocomplete="off"></body></html>'
    errors = validate("--stdin", stdin=page)
    assert any("attribute-allowed-values" in error for error in errors), errors
    assert any("valid-autocomplete" in error for error in errors), errors


def test_every_page_is_valid_html(site):
    pages = sorted(str(path) for path in site.rglob("*.html"))
    assert len(pages) > len(nav_files())  # the nav's pages, the one-page paper, the 404 page
    assert validate(*pages) == []


def test_the_html_validate_version_the_site_names_is_the_one_these_tests_use(site):
    pinned = json.loads(npm.lock_file().read_text())["packages"]["node_modules/html-validate"]["version"]
    named = [
        version
        for path in site.rglob("*.html")
        if article(soup(path))
        for version in re.findall(r"html-validate (\d[\w.-]*)", " ".join(article(soup(path)).get_text().split()))
    ]
    assert set(named) <= {pinned}, named
