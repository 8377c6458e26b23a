"""The accessibility statement claims a test run only of the content that run tested (a made-up statement, a made-up project)."""

import shutil
from pathlib import Path

from committee_paper.config import paper_content
from committee_paper.model import site_facts
from committee_paper.model.markers import place_markers
from committee_paper.model.site_facts import (
    load_test_record,
    recorded_content,
    when_tested_marker,
    when_tested_problems,
)
from committee_paper.render.marker_text import write_markers

STATEMENT = """\
# Statement

Checked. <!-- when tested -->Tests passed.<!-- when not tested -->Not yet tested.<!-- end when -->

<!-- when tested -->
Last passed on <!-- tested: date -->.
<!-- when not tested -->
This content has not yet been tested.
<!-- end when -->
"""


def render(text: str, values: dict[str, str]) -> str:
    return write_markers(text, place_markers(text, [when_tested_marker(values), site_facts.tested_marker(values)]))


def test_the_tested_part_shows_only_when_the_record_names_this_content():
    assert when_tested_problems(STATEMENT, "docs/statement.md") == []
    shown = render(STATEMENT, {"date": "2 January 2030"})
    assert "Tests passed." in shown and "Last passed on 2 January 2030." in shown and "not yet" not in shown
    shown = render(STATEMENT, {})
    assert "Not yet tested." in shown and "This content has not yet been tested." in shown
    assert "tested: date" not in shown and "passed" not in shown


def test_a_tested_value_outside_the_tested_part_or_a_stray_region_marker_fails():
    text = "\n\n# Statement\n\nPassed on <!-- tested: date -->.\n\n<!-- end when -->\n"
    assert [str(problem) for problem in when_tested_problems(text, "docs/statement.md")] == [
        "docs/statement.md:7: '<!-- end when -->' is not part of a <!-- when tested --> … <!-- when not tested --> … <!-- end when --> region; write all three, in that order",
        "docs/statement.md:5: '<!-- tested: date -->' is outside <!-- when tested --> … <!-- when not tested -->; move it into the tested part, "
        "so no test run is claimed before one passed on this content",
    ]


def test_the_content_hash_changes_with_the_content_the_settings_the_source_and_the_tool(tmp_path: Path, monkeypatch):
    files = {
        "docs/index.md": "x",
        "docs/contacts.yml": "x",
        "source/report.md": "x",
        # mkdocs.yml as MkDocs loads it: its Markdown extensions' and plugins' options too, which validation moves.
        "mkdocs.yml": "site_name: x\nsite_url: !ENV [SITE_URL, null]\n"
        "markdown_extensions: [{toc: {permalink: '#'}}]\nplugins: [{search: {lang: [en]}}]\n",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    first = paper_content(tmp_path)
    # Neither the record itself nor the built site is content.
    (tmp_path / "last-test-run.yml").write_text(f"content: {first}\n", encoding="utf-8")
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("built", encoding="utf-8")
    assert paper_content(tmp_path) == first
    changes = [(name, "x", "y") for name in files] + [("mkdocs.yml", "'#'", "'¶'"), ("mkdocs.yml", "[en]", "[fr]")]
    for name, old, new in changes:
        (tmp_path / name).write_text(files[name].replace(old, new), encoding="utf-8")
        assert paper_content(tmp_path) != first, (name, new)
        (tmp_path / name).write_text(files[name], encoding="utf-8")
    # The address it is published at is no content: the site tested before publishing is the one published.
    monkeypatch.setenv("SITE_URL", "https://www.example.gov.uk/committees/a/")
    assert paper_content(tmp_path) == first
    # The same paper in another folder (a fresh clone) is the same content.
    assert paper_content(shutil.copytree(tmp_path, tmp_path.parent / "clone")) == first
    # Another version of the tool, or of anything it pins, is a site not yet tested.
    monkeypatch.setattr(site_facts, "tool_pins", lambda: "committee-paper 9.9.9\n")
    assert paper_content(tmp_path) != first


def test_a_record_names_its_content_or_nothing():
    assert recorded_content("content: abc123\ndate: 2030-01-01\n") == "abc123"
    assert recorded_content("date: 2030-01-01\n") is None
    assert recorded_content("content: [\n") is None


def test_a_record_of_this_content_must_name_the_pinned_axe_core_and_known_values():
    record = "content: abc\ndate: 2030-01-02\nchromium: 1.2\naxe-core: 3.0.0\nviewports:\n  - 1280x800\n"
    values, problems = load_test_record(record, "last-test-run.yml", "4.14.1")
    assert [str(problem) for problem in problems] == [
        "last-test-run.yml:4: axe-core 3.0.0 was tested, but package-lock.json installs 4.14.1; run scripts/test to test with it, and commit this file",
    ]
    assert values["date"] == "2 January 2030" and values["viewports"] == "1280 by 800 pixels"
    unknown = "<!-- when tested -->On <!-- tested: browser -->.<!-- when not tested -->Not yet.<!-- end when -->\n"
    assert [str(problem) for problem in when_tested_problems(unknown, "docs/statement.md")] == [
        "docs/statement.md:1: tested marker 'browser' is not one of date, chromium, axe-core, viewports; use one of those",
    ]


FAILED_STATEMENT = """\
Checked. <!-- when tested -->Tests passed.<!-- when failed -->Tests on <!-- tested: date --> did not all pass.\
<!-- when not tested -->Not yet tested.<!-- end when -->
"""


def test_a_run_that_did_not_pass_is_said_so_not_called_untested():
    record = "content: abc\npassed: false\ndate: 2030-01-02\nchromium: 1.2\naxe-core: 3.0.0\nviewports:\n  - 1280x800\n"
    values, problems = load_test_record(record, "last-test-run.yml", "4.14.1")
    assert problems == []
    assert when_tested_problems(FAILED_STATEMENT, "docs/statement.md") == []
    assert render(FAILED_STATEMENT, values) == "Checked. Tests on 2 January 2030 did not all pass.\n"
    assert render(FAILED_STATEMENT, {}) == "Checked. Not yet tested.\n"
    assert render(FAILED_STATEMENT, {"date": "2 January 2030"}) == "Checked. Tests passed.\n"
