"""`committee-paper verify` on the made-up paper (tests/fixtures/paper/), published as a paper's folder: its docs/ and
source/, and a mkdocs.yml of its own settings. It passes on the paper as built; an invented sentence and a deleted
sentence each make it fail, naming the sentence; it refuses a site the tool's plugin did not build."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from committee_paper.model.site_facts import TEST_RECORD
from committee_paper.verify.report import verify
from committee_paper.verify.source import sentences_of
from made_up_paper import made_up_paper

SOURCE = "source/parks-report-2030-12-04.md"
PLUGINS = ["search", "offline", "pdf-export", "committee-paper"]
INVENTED = "The report found that every play area in Fernvale is safe."
DELETED = "Three play areas need new surfacing before the spring."  # paragraph 1.2's first sentence


def paper_folder(where: Path, plugins: list[str] = PLUGINS) -> Path:
    """The made-up paper as a folder of its own: docs/, source/ and its mkdocs.yml (its settings, theme, plugins)."""
    return made_up_paper(where, plugins=plugins).parent


def build(paper: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1922227200"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", "site"],
        cwd=paper,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def run(paper: Path, browser: bool = False) -> tuple[int, list[str]]:
    """verify in this process without the browser; with it, the command a clerk runs, in a process of its own
    (Playwright's synchronous API cannot start inside the browser tests' own)."""
    if browser:
        result = subprocess.run(
            [str(Path(sys.executable).parent / "committee-paper"), "verify"],
            cwd=paper,
            capture_output=True,
            text=True,
            timeout=900,
        )
        return result.returncode, result.stdout.splitlines()
    out = io.StringIO()
    code = verify(paper, browser=browser, out=out)
    return code, out.getvalue().splitlines()


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    paper = paper_folder(tmp_path_factory.mktemp("verify") / "paper")
    build(paper)
    return paper


def test_the_made_up_paper_as_built_passes(built):
    code, lines = run(built)
    assert code == 0, "\n".join(lines)
    assert lines[-1].startswith(tuple(f"{digit}" for digit in range(1, 10))) and " passed, 0 failed" in lines[-1]
    assert "  browser checks (axe-core, keyboard, own host only, CSP): skipped (--no-browser)" in lines
    assert "  numbered paragraphs: 0 passed, 0 failed" not in lines
    # The made-up paper's recommendation is not numbered: the summary says why nothing was checked.
    assert "  recommendations: 0 passed, 0 failed (the paper numbers no recommendation)" in lines
    assert not (built / TEST_RECORD).exists(), "a run without the browser records nothing"


def with_invented_sentence(paper: Path) -> Path:
    """The page of ``paper`` given a sentence the paper does not have, built; the page."""
    page = paper / "docs" / "appendices" / "appendix-a.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\n{INVENTED}\n", encoding="utf-8")
    build(paper)
    return page


def test_an_invented_sentence_fails_naming_it(tmp_path):
    paper = paper_folder(tmp_path / "paper")
    page = with_invented_sentence(paper)
    code, lines = run(paper)
    line = page.read_text(encoding="utf-8").count("\n")
    assert code == 1
    assert [found for found in lines if INVENTED in found] == [
        f'docs/appendices/appendix-a.md:{line}: sentence "{INVENTED}" is neither the paper\'s (source/) nor on a '
        "reviewed list; write the paper's own words, or, if it is a true sentence about the website, add it to "
        "source/site-sentences.txt"
    ]
    assert lines[-2] == "last-test-run.yml is written only by a run with the browser"
    assert lines[-1].endswith(" passed, 1 failed")


def test_a_deleted_sentence_of_the_paper_fails_naming_it_on_every_output(tmp_path):
    paper = paper_folder(tmp_path / "paper")
    page = paper / "docs" / "background" / "play-areas.md"
    text = page.read_text(encoding="utf-8")
    assert f" {DELETED} " in text
    page.write_text(text.replace(f" {DELETED} ", " "), encoding="utf-8")
    build(paper)
    code, lines = run(paper)
    source_line = next(
        number
        for number, line in enumerate((paper / SOURCE).read_text(encoding="utf-8").splitlines(), start=1)
        if DELETED in line
    )
    assert code == 1
    fix = "write it in docs/ word for word as the paper has it, in the paper's order"
    assert [found for found in lines if DELETED in found] == [
        f'{SOURCE}:{source_line}: sentence "1.2 {DELETED}" is not on the web pages, or not in the paper\'s order; {fix}',
        f'{SOURCE}:{source_line}: sentence "1.2 {DELETED}" is not in the PDF\'s text '
        f"(site/pdf/communities-scrutiny-committee-2030-12-04.pdf), or not in the paper's order; {fix}",
        f'{SOURCE}:{source_line}: sentence "1.2 {DELETED}" is not on the one-page paper (site/whole-paper.html), or '
        f"not in the paper's order; {fix}",
        f'{SOURCE}:{source_line}: sentence "1.2 {DELETED}" is not in the search index; {fix}',
    ]


def test_a_site_built_without_the_plugin_is_refused(tmp_path):
    paper = paper_folder(tmp_path / "paper", plugins=["search"])
    build(paper)
    assert (paper / "site" / "index.html").is_file()
    code, lines = run(paper)
    assert code == 1
    assert lines == [
        "site/: this site was not built by committee-paper (site/committee-paper.json is missing or not its stamp); "
        "build it with scripts/build (committee-paper build)"
    ]


def test_a_site_built_from_other_content_is_refused(built, tmp_path):
    paper = tmp_path / "paper"
    shutil.copytree(built, paper)
    page = paper / "docs" / "consultations.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    code, lines = run(paper)
    assert (code, lines) == (
        1,
        [
            "site/: this site was built from other content than docs/, mkdocs.yml and source/ now hold; build it "
            "with scripts/build (committee-paper build)"
        ],
    )


@pytest.mark.browser
def test_a_full_pass_in_chromium_writes_the_test_record(built, tmp_path):
    paper = tmp_path / "paper"
    shutil.copytree(built, paper)
    code, lines = run(paper, browser=True)
    assert code == 0, "\n".join(lines)
    assert lines[-2] == "wrote last-test-run.yml" and lines[-1].endswith(" passed, 0 failed")
    record = yaml.safe_load((paper / TEST_RECORD).read_text(encoding="utf-8"))
    assert record["viewports"] == ["1280x800", "375x812"] and record["axe-core"]
    assert "passed" not in record


@pytest.mark.browser
def test_a_failed_run_in_chromium_is_recorded_as_not_passed(tmp_path):
    """The statement then says the tests did not pass, rather than "not yet tested"."""
    paper = paper_folder(tmp_path / "paper")
    with_invented_sentence(paper)
    code, lines = run(paper, browser=True)
    assert code == 1
    assert lines[-2] == "wrote last-test-run.yml (passed: false)"
    assert yaml.safe_load((paper / TEST_RECORD).read_text(encoding="utf-8"))["passed"] is False


def test_a_contact_line_is_left_to_the_contacts_check_however_the_paper_writes_it():
    """The site shows each contact restructured from contacts.yml; the line with its email address is no sentence."""
    markdown = (
        "Contact for further information\n\n"
        "Priya Ansell, 0113 496 0417, Town Clerk, Fernvale Town Council, clerk@fernvale.example.org\n\n"
        "Sam Lee Tel: 01234 567890, Parks Officer\n"
    )
    assert [sentence.text for sentence in sentences_of(markdown, "source/x.md")] == ["Contact for further information"]


def test_the_source_is_read_as_markdown_cell_by_cell_with_alt_texts_and_captions():
    markdown = (
        "# 2. Depots\n\n"
        "- 2.1. The depot opened in May. It has **two** [bays](https://example.org).\n\n"
        "| Depot | Bays |\n| --- | --- |\n| North | 4 |\n\n"
        "Site\tOpened\n\n"
        '![Map of the north depot](map.png "The north depot")\n\n'
        "/// caption\nThe north depot in 2030\n///\n\n"
        "Tel: 01234 567890\n"
    )
    assert [(sentence.line, sentence.text, sentence.alt) for sentence in sentences_of(markdown, "source/x.md")] == [
        (1, "2.", False),  # a sentence ends at a full stop before a capital: the number and its words, in order
        (1, "Depots", False),
        (3, "2.1 The depot opened in May.", False),
        (3, "It has two bays.", False),
        (5, "Depot", False),
        (5, "Bays", False),
        (7, "North", False),
        (7, "4", False),
        (9, "Site", False),
        (9, "Opened", False),
        (11, "Map of the north depot", True),
        (11, "The north depot", True),
        (14, "The north depot in 2030", False),
    ]


def test_invalid_markup_and_a_wrong_html_validate_version_fail_naming_the_page(tmp_path):
    """html-validate runs on every page of every paper (the statement names it); a page whose raw HTML is invalid
    fails, naming the page, the line and the rule, and so does a page naming another html-validate version."""
    paper = paper_folder(tmp_path / "paper")
    page = paper / "docs" / "appendices" / "appendix-a.md"
    page.write_text(page.read_text(encoding="utf-8") + '\n<p align="left">Note</p>\n', encoding="utf-8")
    build(paper)
    statement = paper / "site" / "accessibility.html"
    statement.write_text(
        statement.read_text(encoding="utf-8").replace("</main>", "<p>html-validate 1.0.0</p></main>"),
        encoding="utf-8",
    )
    code, lines = run(paper)
    assert code == 1
    invalid = sorted(line.partition(":")[0] for line in lines if "(no-deprecated-attr)" in line)
    assert invalid == ["site/appendices/appendix-a.html", "site/whole-paper.html"], lines  # the page, the one page
    assert [line for line in lines if line.startswith("site/accessibility.html: names html-validate 1.0.0")], lines
    assert [line for line in lines if line.startswith("  valid markup (html-validate ")][0].endswith(" 3 failed"), lines
