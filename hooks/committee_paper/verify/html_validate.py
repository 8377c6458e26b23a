"""Valid markup on every page: html-validate, as the tool's package-lock.json pins it, with its standard rules
(htmlvalidate.json). The accessibility statement names html-validate and its version, so verify runs it on every
paper, and checks that the version the site names is the one it ran."""

from __future__ import annotations

import json
import re
import subprocess
import tempfile
from importlib.resources import files
from pathlib import Path

from committee_paper.model import npm
from committee_paper.verify.checks import Finding, Outcome
from committee_paper.verify.site import Site

HTML_VALIDATE = "html-validate"
CONFIG = Path(str(files("committee_paper.verify").joinpath("htmlvalidate.json")))
NAMED_VERSION = re.compile(r"html-validate (\d[\w.-]*)")


def validate(pages: list[Path]) -> list[tuple[Path, int, int, str, str]]:
    """Each error html-validate reports: (page, line, column, rule, message)."""
    with tempfile.TemporaryDirectory() as folder:
        # To a file: node may exit before a large report is flushed to a pipe.
        report = Path(folder) / "report.json"
        result = subprocess.run(
            [
                str(npm.installed(f".bin/{HTML_VALIDATE}")),
                "--config",
                str(CONFIG),
                "--formatter",
                f"json={report}",
                *map(str, pages),
            ],
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        if not report.is_file():
            raise RuntimeError(result.stderr.strip() or f"{HTML_VALIDATE} exited with {result.returncode}")
        found = json.loads(report.read_text(encoding="utf-8"))
    return [
        (Path(page["filePath"]), message["line"], message["column"], message["ruleId"], message["message"])
        for page in found
        for message in page["messages"]
        if message["severity"] == 2
    ]


def valid_markup(site: Site) -> Outcome:
    """Every page valid, and every "html-validate N" the site shows naming the version that checked it."""
    version = npm.installed_version(HTML_VALIDATE)
    if version is None:
        return Outcome(
            "valid markup", 1, [Finding(f"{npm.NODE_MODULES}/{HTML_VALIDATE}", f"not installed; {npm.SETUP_HINT}")]
        )
    outcome = Outcome(f"valid markup ({HTML_VALIDATE} {version}, standard rules)")
    pages = sorted(site.site.rglob("*.html"))
    outcome.checked = len(pages)
    for page, line, column, rule, message in validate(pages):
        where = f"site/{page.relative_to(site.site)}:{line}:{column}"
        outcome.findings.append(
            Finding(
                where, f"{message} ({rule}); fix the page's Markdown or raw HTML, or the tool's theme if no content"
            )
        )
    for page in pages:
        named = set(NAMED_VERSION.findall(" ".join(page.read_text(encoding="utf-8").split())))
        outcome.checked += 1
        if named - {version}:
            outcome.findings.append(
                Finding(
                    f"site/{page.relative_to(site.site)}",
                    f"names {HTML_VALIDATE} {', '.join(sorted(named - {version}))}, but {version} checked it; write "
                    f"{HTML_VALIDATE} {version} in the page's Markdown",
                )
            )
    return outcome
