"""The benchmark's generated papers build strict beside any paper: the made-up paper, and the second paper in
another house style, with no edit to bench/generate.py (it reads the paper's settings, contacts and abbreviations)."""

import sys

import pytest

from committee_paper.contacts import CONTACTS_FILE, load_contacts
from conftest import PAPER, ROOT, run_build
from publishing import publish

sys.path.insert(0, str(ROOT / "bench"))
from generate import generated_config  # noqa: E402

PAGES = 8  # the smallest size: four sections, four appendices


@pytest.mark.parametrize("beside", ["the made-up paper", "the second paper"])
def test_a_generated_paper_builds_strict_beside_the_paper(beside, tmp_path):
    if beside == "the made-up paper":
        config = publish(PAPER, tmp_path / "project")
    else:
        config = publish(ROOT / "tests" / "second-paper", tmp_path / "project")
    generated, nav = generated_config(PAGES, tmp_path / "work", config)
    build = run_build(generated, tmp_path / "site", pdf=False)
    assert build.returncode == 0 and "Traceback" not in build.output, build.output
    assert generated.parent == config.parent and nav[0] == "index.md"
    contacts, _ = load_contacts((config.parent / "docs" / CONTACTS_FILE).read_text(encoding="utf-8"), CONTACTS_FILE)
    papers = (tmp_path / "site" / "background-papers.html").read_text(encoding="utf-8")
    assert contacts[0].name in papers and len(list((tmp_path / "site" / "background").glob("section-*.html"))) >= 4
