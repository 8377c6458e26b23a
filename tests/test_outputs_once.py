"""One build of a made-up paper writes each file of the site once and reads each source once; the PDF and the
one-page paper are one document, with one set of ids.

Each build runs in a process of its own with an audit hook (sys.addaudithook) that counts every open of a file:
for writing under the site, for reading under docs/ or of mkdocs.yml.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from made_up_paper import made_up_paper

# A strict build as `mkdocs build` runs it, printing {"written": {path: n}, "read": {path: n}} last.
COUNTING_BUILD = """
import collections, json, os, sys
root, site = os.path.realpath(sys.argv[1]), os.path.realpath(sys.argv[2])
written, read = collections.Counter(), collections.Counter()
def audit(event, args):
    if event != "open" or not isinstance(args[0], (str, bytes, os.PathLike)):
        return
    path = os.path.realpath(os.fsdecode(args[0]))
    mode = args[1] if isinstance(args[1], str) else "r"
    flags = args[2] if isinstance(args[2], int) else 0
    if any(m in mode for m in "wax+") or flags & (os.O_WRONLY | os.O_RDWR):
        if path.startswith(site + os.sep):
            written[os.path.relpath(path, site)] += 1
    elif path.startswith(os.path.join(root, "docs") + os.sep) or path == os.path.join(root, "mkdocs.yml"):
        read[os.path.relpath(path, root)] += 1
sys.addaudithook(audit)
from mkdocs.__main__ import cli
cli(["build", "--strict", "--config-file", os.path.join(root, "mkdocs.yml"), "--site-dir", site], standalone_mode=False)
print(json.dumps({"written": written, "read": read}))
"""


@pytest.fixture(scope="module")
def counted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, dict[str, int]]]:
    config = made_up_paper(tmp_path_factory.mktemp("paper"))
    site = config.parent / "site"
    result = subprocess.run(
        [sys.executable, "-c", COUNTING_BUILD, str(config.parent), str(site)],
        cwd=config.parent,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PAPER_PDF": "true", "SOURCE_DATE_EPOCH": "1900000000"},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    (config.parent / "build.log").write_text(result.stdout + result.stderr, encoding="utf-8")
    return site, json.loads(result.stdout.splitlines()[-1])


def test_no_file_of_the_site_is_written_twice(counted: tuple[Path, dict[str, dict[str, int]]]) -> None:
    site, counts = counted
    # The cover is written last, by the tool, not skipped: MkDocs' note that it skipped it is not shown.
    assert "Page skipped" not in (site.parent / "build.log").read_text(encoding="utf-8")
    written = counts["written"]
    # What the check rests on: the pages, the PDF and the zip were seen being written.
    assert {"index.html", "glossary.html", "whole-paper.html"} <= written.keys()
    assert any(path.endswith(".pdf") for path in written) and any(path.endswith(".zip") for path in written)
    assert {path: n for path, n in written.items() if n > 1} == {}


def test_each_source_is_read_once(counted: tuple[Path, dict[str, dict[str, int]]]) -> None:
    _, counts = counted
    read = counts["read"]
    assert read["docs/includes/abbreviations.md"] == 1
    assert read["docs/contacts.yml"] == 1
    pages = {path: n for path, n in read.items() if path.endswith(".md") and not path.startswith("docs/includes/")}
    assert len(pages) > 10 and max(pages.values()) == 1, pages


def test_every_page_shows_the_pdfs_size_and_pages_and_the_cover_the_zips(
    counted: tuple[Path, dict[str, dict[str, int]]],
) -> None:
    site, _ = counted
    pdf = next((site / "pdf").glob("*.pdf"))
    pages = len(PdfReader(pdf).pages)
    shown = f"PDF, {max(1, round(pdf.stat().st_size / 1024))} KB, {pages} page{'s' if pages != 1 else ''}"
    for page in ["index.html", "glossary.html", "whole-paper.html", "background/tree-survey.html"]:
        assert f"Download the full paper ({shown})" in (site / page).read_text(encoding="utf-8"), page
    archive = next(site.glob("*.zip"))
    assert f"(ZIP, {max(1, round(archive.stat().st_size / 1024))} KB)" in (site / "index.html").read_text(
        encoding="utf-8"
    )


def test_the_pdf_and_the_one_page_share_their_ids(counted: tuple[Path, dict[str, dict[str, int]]]) -> None:
    """A citation means the same in both: whole-paper.html#para-2-1 and the PDF's destination para-2-1."""
    site, _ = counted
    one_page = BeautifulSoup((site / "whole-paper.html").read_text(encoding="utf-8"), "html.parser")
    parts = one_page.select("section.whole-paper-part")
    ids = {element["id"] for part in parts for element in part.select("[id]")} | {part["id"] for part in parts}
    destinations = set(PdfReader(next((site / "pdf").glob("*.pdf"))).named_destinations)
    assert any(element_id.startswith("para-") for element_id in ids)
    # Every id of the one page's parts names the same place in the PDF (the site's own contents list aside).
    assert sorted(ids - destinations - {"paper-contents"}) == []
