"""The paper is read once: one strict build opens mkdocs.yml, each page of docs/, docs/contacts.yml,
docs/includes/abbreviations.md and each file of source/ once. The hash of what the site is built from (which the site's
stamp and the test record name) takes mkdocs.yml as MkDocs read it and the pages as the model read them."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from committee_paper.config import paper_content
from committee_paper.model import npm
from committee_paper.model.site_facts import CONTENT_KEY, TEST_RECORD, content_hash
from conftest import PAPER
from publishing import publish

# A build in a process of its own, counting every open for reading of a file under docs/ or source/, or of mkdocs.yml.
COUNTING_BUILD = """
import collections, json, os, sys
root = os.path.realpath(sys.argv[1])
opens = collections.Counter()
def audit(event, args):
    if event == "open" and isinstance(args[0], (str, os.PathLike)) and not any(m in str(args[1]) for m in "wa"):
        path = os.path.relpath(os.path.realpath(args[0]), root)
        if path.startswith(("docs" + os.sep, "source" + os.sep)) or path == "mkdocs.yml":
            opens[path] += 1
sys.addaudithook(audit)
from mkdocs.commands.build import build
from mkdocs.config import load_config
build(load_config(os.path.join(root, "mkdocs.yml"), site_dir=sys.argv[2]))
print(json.dumps(opens))
"""


def counted_build(project: Path, site: Path) -> dict[str, int]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PAPER_PDF": "false"}
    result = subprocess.run(
        [sys.executable, "-c", COUNTING_BUILD, str(project), str(site)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


@pytest.mark.parametrize("recorded", [False, True], ids=["untested", "tested"])
def test_one_build_reads_each_source_once(recorded: bool, tmp_path: Path) -> None:
    """With a test record naming this content or without one, the same reads: the content is hashed once a build."""
    project = tmp_path / "project"
    publish(PAPER, project)
    axe = npm.installed_version("axe-core")
    if recorded:
        record = f"date: 2030-05-01\nchromium: '120.0'\naxe-core: {axe}\nviewports: [1280x800]\n"
        (project / TEST_RECORD).write_text(f"{record}{CONTENT_KEY}: {paper_content(project)}\n", encoding="utf-8")
    opens = counted_build(project, tmp_path / "site")
    pages = [path for path in opens if path.startswith("docs/") and path.endswith(".md")]
    sources = [path for path in opens if path.startswith("source/")]
    assert len(pages) == len(list((project / "docs").rglob("*.md"))) and sources, opens
    for read_once in ("mkdocs.yml", "docs/contacts.yml", "docs/includes/abbreviations.md", *pages, *sources):
        assert opens[read_once] == 1, (read_once, opens)
    # The record was taken as naming this content: the statement shows what was tested.
    shown = "".join(page.read_text(encoding="utf-8") for page in (tmp_path / "site").rglob("*.html"))
    assert (f"axe-core {axe}" in shown) is recorded


def test_the_content_hash_of_texts_already_read_is_that_of_their_files(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# A paper\n", encoding="utf-8")
    settings = '{"mkdocs.yml": {"site_name": "A paper"}}'
    assert content_hash(tmp_path, settings, {"docs/index.md": "# A paper\n"}) == content_hash(tmp_path, settings)
    assert content_hash(tmp_path, settings, {"docs/index.md": "# Another paper\n"}) != content_hash(tmp_path, settings)


def test_a_page_with_windows_line_ends_hashes_the_same_read_as_text_or_from_its_file(tmp_path: Path) -> None:
    """The build hashes the page as the model read it (text, its line ends as Python reads them); verify reads the
    file: both are the same content, or verify would refuse the site."""
    page = tmp_path / "docs" / "index.md"
    page.parent.mkdir()
    page.write_bytes(b"# A paper\r\n\r\nIts first line.\r\n")
    settings = '{"mkdocs.yml": {"site_name": "A paper"}}'
    read = {"docs/index.md": page.read_text(encoding="utf-8")}
    assert content_hash(tmp_path, settings, read) == content_hash(tmp_path, settings)
