"""scripts/new-paper: a copy of the tool with a skeleton paper that cannot be published until every
place is filled, and that says nothing but the website's own reviewed sentences."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from committee_paper.fill import FILL
from conftest import ROOT, run_build
from site_sentences import blocks, reviewed_sentences
from source_text import SENTENCE_END, normalise

sys.path.insert(0, str(ROOT / "scripts"))
from new_paper import with_paper_settings  # noqa: E402

SKELETON = ROOT / "scripts" / "skeleton"
MARKER = re.compile(
    r"\{(?:fill|tested|when|end when|if appendices|end if|publisher|contacts?|nav-contents|background paper|appendix|glossary)\b[^}]*\}"
)


def fill_markers() -> list[str]:
    """``path:line`` of every fill marker the new copy holds: the skeleton's pages, and its settings as mkdocs.yml has them."""
    found = []
    for path in sorted((SKELETON / "docs").rglob("*")):
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            found += [
                f"docs/{path.relative_to(SKELETON / 'docs').as_posix()}:{text.count(chr(10), 0, match.start()) + 1}"
                for match in FILL.finditer(text)
            ]
    return found


@pytest.fixture(scope="module")
def copy(tmp_path_factory) -> Path:
    where = tmp_path_factory.mktemp("new-paper") / "paper-2030-01-01"
    result = subprocess.run([str(ROOT / "scripts" / "new-paper"), str(where)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    (where / "node_modules").symlink_to(ROOT / "node_modules")  # installed by the set-up step
    return where


def test_the_copy_has_the_skeleton_and_the_tool_but_not_this_papers_content(copy):
    assert sorted(
        path.relative_to(copy / "docs").as_posix() for path in (copy / "docs").rglob("*") if path.is_file()
    ) == sorted(
        path.relative_to(SKELETON / "docs").as_posix() for path in (SKELETON / "docs").rglob("*") if path.is_file()
    )
    assert list((copy / "tests" / "source").iterdir()) == []
    assert (copy / "hooks" / "committee_paper" / "fill.py").is_file() and (copy / "scripts" / "build").is_file()
    assert (copy / ".git").is_dir() and not (copy / "last-test-run.yml").exists()


def test_the_strict_build_names_every_place_left_to_fill_and_writes_nothing(copy):
    build = run_build(copy / "mkdocs.yml", copy / "site", pdf=False)
    assert build.returncode != 0 and "Traceback" not in build.output
    reported = re.findall(r"^ERROR +- +(\S+:\d+): not filled in yet: ", build.output, re.MULTILINE)
    settings = [line for line in reported if line.startswith("mkdocs.yml:")]
    assert sorted(line for line in reported if not line.startswith("mkdocs.yml:")) == sorted(fill_markers())
    assert len(settings) == len(FILL.findall((SKELETON / "settings.yml").read_text(encoding="utf-8")))
    config = (copy / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    assert all(FILL.search(config[int(line.split(":")[1]) - 1]) for line in settings)
    assert not (copy / "site" / "index.html").exists()
    # The publishing guide shows lines of this output: they must be the build's own, line numbers and count included.
    guide = (ROOT / "PUBLISHING.md").read_text(encoding="utf-8")
    shown = re.search(r"for each place still to fill, as:\n\n```\n(.*?)```", guide, re.DOTALL)
    assert shown is not None, "PUBLISHING.md no longer shows the first build's output"
    lines = [line for line in shown.group(1).splitlines() if line != "…"]
    assert lines and [line for line in lines if line not in build.output.splitlines()] == []


def test_a_second_copy_into_a_folder_in_use_is_refused(copy):
    result = subprocess.run([str(ROOT / "scripts" / "new-paper"), str(copy)], capture_output=True, text=True)
    assert result.returncode != 0 and "already exists and is not empty" in result.stderr


def test_the_skeleton_says_only_the_websites_own_reviewed_sentences():
    """Outside its markers, every sentence of the skeleton is one of tests/site-sentences.txt: no invented content."""
    reviewed = reviewed_sentences()
    unreviewed = []
    for page in sorted((SKELETON / "docs").rglob("*.md")):
        for number, text, _ in blocks(page.read_text(encoding="utf-8")):
            text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
            for fragment in MARKER.split(text):
                for sentence in SENTENCE_END.split(normalise(fragment)):
                    sentence = sentence.strip(" ,.:")
                    if re.search(r"[A-Za-z]", sentence) and not any(sentence in known for known in reviewed):
                        unreviewed.append(f"{page.name}:{number}: {sentence}")
    assert unreviewed == []


def test_paper_settings_replace_their_keys_and_leave_the_tools_as_they_are():
    tool = "# Project\nsite_name: Old\nstrict: true\nextra:\n  # the meeting\n  meeting:\n    date: 2000-01-01\n  generator: false\nnav:\n  - old.md\n"
    paper = "site_name: New\nextra:\n  meeting:\n    date: 2030-01-01\n  paper:\n    not_abbreviations: []\nnav:\n  - new.md\n"
    assert with_paper_settings(tool, paper) == (
        "# Project\nsite_name: New\nstrict: true\nextra:\n  # the meeting\n  meeting:\n    date: 2030-01-01\n  generator: false\n"
        "  paper:\n    not_abbreviations: []\nnav:\n  - new.md\n"
    )


def test_the_skeleton_names_no_publisher_until_the_clerk_does():
    """No default sentence says who publishes the site: each of extra.publisher is a place to fill."""
    publisher = yaml.safe_load((SKELETON / "settings.yml").read_text(encoding="utf-8"))["extra"]["publisher"]
    assert set(publisher) == {"name", "contact"}
    assert all(FILL.fullmatch(value) for value in publisher.values()), publisher


def test_the_skeletons_statement_speaks_of_appendices_only_when_the_paper_has_them():
    statement = (SKELETON / "docs" / "accessibility.md").read_text(encoding="utf-8")
    outside = re.sub(r"<!-- if appendices -->.*?<!-- end if -->", "", statement, flags=re.DOTALL)
    assert "appendi" in statement and "appendi" not in outside.lower()
    assert "how to ask for a copy" not in statement
