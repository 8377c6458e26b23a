"""`committee-paper new` (and this repository's scripts/new-paper): a paper's folder that holds the paper, its
pin of the tool and two thin commands, and nothing else of the tool; a skeleton that cannot be published until
every place is filled, and that says nothing but the website's own reviewed sentences."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.utils.yaml import yaml_load

from committee_paper.checks.fill import FILL
from committee_paper.new_paper import checkout_pin
from committee_paper.verify.site_sentences import blocks, tool_reviewed
from conftest import ROOT, run_build
from source_text import SENTENCE_END, normalise

SKELETON = ROOT / "scripts" / "skeleton"
COMMAND = Path(sys.executable).parent / "committee-paper"
MARKER = re.compile(
    r"\{(?:fill|tested|when|end when|if appendices|end if|publisher|contacts?|nav-contents|background paper|appendix|glossary)\b[^}]*\}"
)


def files_under(folder: Path) -> list[str]:
    return sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file())


def fill_markers(folder: Path) -> list[str]:
    """``path:line`` of every fill marker in the folder's pages."""
    found = []
    for name in files_under(folder / "docs"):
        text = (folder / "docs" / name).read_text(encoding="utf-8")
        found += [f"docs/{name}:{text.count(chr(10), 0, match.start()) + 1}" for match in FILL.finditer(text)]
    return found


def new(*arguments: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([str(COMMAND), "new", *arguments], cwd=cwd, capture_output=True, text=True, check=False)


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """A new paper's folder made by this repository's scripts/new-paper, from outside it, with a relative path."""
    where = tmp_path_factory.mktemp("clerk")
    result = subprocess.run(
        [str(ROOT / "scripts" / "new-paper"), "paper-2030-01-01"], cwd=where, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return where / "paper-2030-01-01"


def test_the_folder_holds_the_skeleton_its_pin_and_two_commands_and_nothing_of_the_tool(folder):
    assert files_under(folder) == sorted(
        ["README.md", "mkdocs.yml", "requirements.txt", "scripts/build", "scripts/test"]
        + [f"docs/{name}" for name in files_under(SKELETON / "docs")]
    )
    assert (folder / "source").is_dir() and list((folder / "source").iterdir()) == []
    assert all(os.access(folder / "scripts" / name, os.X_OK) for name in ("build", "test"))
    assert (folder / "mkdocs.yml").read_bytes() == (SKELETON / "mkdocs.yml").read_bytes()
    assert not (folder / ".git").exists()


def test_requirements_pin_the_tool_to_the_commit_it_was_installed_from(folder):
    commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    assert (folder / "requirements.txt").read_text(encoding="utf-8") == (
        f"committee-paper @ git+file://localhost{ROOT}@{commit}\n"
    )


def test_the_pin_installs_the_tool_with_its_skeleton_in_a_fresh_environment(folder, tmp_path):
    subprocess.run([sys.executable, "-m", "venv", str(tmp_path / "venv")], check=True)
    python = tmp_path / "venv" / "bin" / "python"
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--no-deps", "-r", str(folder / "requirements.txt")],
        capture_output=True,
        text=True,
    )
    assert install.returncode == 0, install.stderr
    shown = "from importlib.metadata import distribution as d; print(d('committee-paper').read_text('direct_url.json'))"
    # Run elsewhere than in this checkout, whose build left committee_paper.egg-info on the path of `python -c`.
    origin = json.loads(subprocess.run([str(python), "-c", shown], cwd=tmp_path, capture_output=True, text=True).stdout)
    assert origin["vcs_info"]["commit_id"] in (folder / "requirements.txt").read_text(encoding="utf-8")
    installed = next((tmp_path / "venv" / "lib").glob("python3*/site-packages/committee_paper/skeleton"))
    assert files_under(installed) == files_under(SKELETON)


def test_a_checkout_with_uncommitted_changes_is_pinned_to_its_last_commit_with_a_warning(tmp_path):
    def git(*arguments):
        subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *arguments], cwd=tmp_path, check=True
        )

    (tmp_path / "tool.py").write_text("one\n", encoding="utf-8")
    git("init", "-q")
    git("add", "tool.py")
    git("commit", "-q", "-m", "one")
    pin, warning = checkout_pin(tmp_path)
    assert pin.startswith(f"committee-paper @ git+file://localhost{tmp_path}@") and len(pin.rsplit("@", 1)[1]) == 40
    assert warning is None
    (tmp_path / "tool.py").write_text("two\n", encoding="utf-8")
    assert checkout_pin(tmp_path) == (
        pin,
        f"{tmp_path} has uncommitted changes: the folder is pinned to its last commit {pin.rsplit('@', 1)[1]}, which does not hold them; commit them and make the folder again, or change requirements.txt's line",
    )


def test_tool_writes_another_requirement(tmp_path):
    result = new(str(tmp_path / "paper"), "--tool", "committee-paper==1.0.0")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "paper" / "requirements.txt").read_text(encoding="utf-8") == "committee-paper==1.0.0\n"


def test_from_copies_the_papers_docs_settings_and_source_and_nothing_else(tmp_path):
    paper = ROOT / "tests" / "second-paper"
    result = new(str(tmp_path / "copy"), "--from", str(paper), "--tool", "committee-paper==1.0.0")
    assert result.returncode == 0, result.stderr
    copy = tmp_path / "copy"
    for part in ("docs", "source"):
        assert files_under(copy / part) == files_under(paper / part)
        assert all(
            (copy / part / name).read_bytes() == (paper / part / name).read_bytes()
            for name in files_under(paper / part)
        )
    assert (copy / "mkdocs.yml").read_bytes() == (paper / "mkdocs.yml").read_bytes()
    assert (copy / "README.md").read_bytes() == (SKELETON / "README.md").read_bytes()


def test_from_a_folder_that_is_not_a_paper_is_refused_without_a_traceback(tmp_path):
    result = new(str(tmp_path / "copy"), "--from", str(tmp_path))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert (
        result.stderr
        == f"committee-paper new: {tmp_path}: no docs here; --from names a paper's folder (docs/, mkdocs.yml, source/)\n"
    )
    assert not (tmp_path / "copy").exists()


def test_the_strict_build_names_every_place_left_to_fill_and_writes_nothing(folder):
    build = run_build(folder / "mkdocs.yml", folder / "site", pdf=False)
    assert build.returncode != 0 and "Traceback" not in build.output
    reported = re.findall(r"^ERROR +- +(\S+:\d+): not filled in yet: ", build.output, re.MULTILINE)
    settings = [line for line in reported if line.startswith("mkdocs.yml:")]
    assert sorted(line for line in reported if not line.startswith("mkdocs.yml:")) == sorted(fill_markers(folder))
    assert len(settings) == len(FILL.findall((folder / "mkdocs.yml").read_text(encoding="utf-8")))
    config = (folder / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    assert all(FILL.search(config[int(line.split(":")[1]) - 1]) for line in settings)
    assert not (folder / "site" / "index.html").exists()
    # The publishing guide shows lines of this output: they must be the build's own, line numbers and count included.
    guide = (ROOT / "PUBLISHING.md").read_text(encoding="utf-8")
    shown = re.search(r"for each place still to fill, as:\n\n```\n(.*?)```", guide, re.DOTALL)
    assert shown is not None, "PUBLISHING.md no longer shows the first build's output"
    lines = [line for line in shown.group(1).splitlines() if line != "…"]
    assert lines and [line for line in lines if line not in build.output.splitlines()] == []


def test_a_second_folder_into_a_folder_in_use_is_refused(folder):
    result = new(str(folder))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "already exists and is not empty" in result.stderr


def test_the_skeleton_says_only_the_websites_own_reviewed_sentences():
    """Outside its markers, every sentence of the skeleton is on the tool's reviewed list: no invented content."""
    reviewed = tool_reviewed()
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


def test_the_skeleton_names_no_publisher_until_the_clerk_does():
    """No default sentence says who publishes the site: each of extra.publisher is a place to fill."""
    publisher = yaml_load((SKELETON / "mkdocs.yml").open("rb"))["extra"]["publisher"]
    assert set(publisher) == {"name", "contact"}
    assert all(FILL.fullmatch(value) for value in publisher.values()), publisher


def test_the_skeletons_statement_speaks_of_appendices_only_when_the_paper_has_them():
    statement = (SKELETON / "docs" / "accessibility.md").read_text(encoding="utf-8")
    outside = re.sub(r"<!-- if appendices -->.*?<!-- end if -->", "", statement, flags=re.DOTALL)
    assert "appendi" in statement and "appendi" not in outside.lower()
    assert "how to ask for a copy" not in statement
