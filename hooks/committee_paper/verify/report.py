"""`committee-paper verify`: run every check on the built site, print one line per problem and a summary, and on a
full pass (the browser's checks included) write the test record the accessibility statement shows."""

from __future__ import annotations

import datetime
import sys
import time
from pathlib import Path
from typing import TextIO

from committee_paper.model.site_facts import TEST_RECORD, content_hash
from committee_paper.stamp import stamp_problem
from committee_paper.verify.checks import Finding, Outcome, content_checks
from committee_paper.verify.html_validate import valid_markup
from committee_paper.verify.site import Site

RECORD_HEADER = (
    "# Written by `committee-paper verify` when every check ran, in Chromium too; commit it.\n"
    "# The accessibility statement's test date and tools are rendered from it while `content`\n"
    "# is the hash of what the site is built from (the paper's files, the tool's version and\n"
    "# its pins), and says the tests did not pass while `passed` is false; after any change the\n"
    '# statement says "not yet tested" until verify runs again.\n'
)


def write_record(
    paper: Path, content: str, chromium: str, axe_core: str, viewports: list[str], passed: bool = True
) -> None:
    sizes = "".join(f"  - {size}\n" for size in viewports)
    (paper / TEST_RECORD).write_text(
        f"{RECORD_HEADER}content: {content}\n"
        f"date: {datetime.datetime.now(datetime.UTC).date().isoformat()}\n"
        f"chromium: {chromium}\naxe-core: {axe_core}\nviewports:\n{sizes}" + ("" if passed else "passed: false\n"),
        encoding="utf-8",
    )


def summary(outcomes: list[Outcome], out: TextIO) -> tuple[int, int]:
    """A line per check with its counts; (passed, failed) over all."""
    passed = failed = 0
    for outcome in outcomes:
        bad = len(outcome.findings)
        good = max(outcome.checked - bad, 0)
        passed, failed = passed + good, failed + bad
        note = f" ({outcome.note})" if outcome.note else ""
        print(f"  {outcome.name}: {good} passed, {bad} failed{note}", file=out)
    return passed, failed


def verify(paper: Path, browser: bool = True, out: TextIO = sys.stdout) -> int:
    """0 when every check passed, 1 otherwise (or when the site cannot be verified at all)."""
    started = time.monotonic()
    site = Site(paper)
    if not (site.site / "index.html").is_file():
        print("site/: no built site here; build it with scripts/build (committee-paper build)", file=out)
        return 1
    refused = stamp_problem(site.site, paper)
    if refused:
        print(f"site/: {refused}", file=out)
        return 1
    if not (site.site / site.pdf_name).is_file():
        print(
            f"site/{site.pdf_name}: not built; build it with scripts/build, not a preview (PAPER_PDF=false)", file=out
        )
        return 1
    content = content_hash(paper)
    outcomes = [*content_checks(site), valid_markup(site)]
    record = None
    if browser:
        from committee_paper.verify.browser import browser_checks  # Playwright only when the browser runs

        browser_outcomes, record = browser_checks(site)
        outcomes += browser_outcomes
    findings: list[Finding] = [finding for outcome in outcomes for finding in outcome.findings]
    for finding in findings:
        print(finding, file=out)
    print(f"committee-paper verify, {time.monotonic() - started:.0f} s:", file=out)
    passed, failed = summary(outcomes, out)
    if not browser:
        print("  browser checks (axe-core, keyboard, own host only, CSP): skipped (--no-browser)", file=out)
    if record is not None and content_hash(paper) == content:
        # A run that failed is recorded too: the statement then says the tests did not pass, not "not yet tested".
        write_record(paper, content, record.chromium, record.axe_core, record.viewports, passed=not failed)
        print(f"wrote {TEST_RECORD}{'' if not failed else ' (passed: false)'}", file=out)
    elif not browser:
        print(f"{TEST_RECORD} is written only by a run with the browser", file=out)
    print(f"{passed} passed, {failed} failed", file=out)  # alone on the last line, as test runners end
    return 1 if failed else 0
