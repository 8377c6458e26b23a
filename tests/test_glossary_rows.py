"""The glossary's "Spelt out in" column names a page as the nav shows it, on a made-up paper."""

from committee_paper.model.anchors import paragraph_anchor
from committee_paper.model.glossary import in_the_paper, spelt_out
from committee_paper.model.sources import SourcePage
from committee_paper.render.glossary_table import render_glossary

ABBREVIATIONS = {"PKS": "Parks Keeping Service"}
MARKER = "<!-- glossary: paper -->\n"


def rows(pages: list[SourcePage], titles: dict[str, str]) -> list[str]:
    in_paper = {name for name in ABBREVIATIONS if in_the_paper(name, pages)}
    table = render_glossary(MARKER, "glossary.md", ABBREVIATIONS, in_paper, spelt_out(ABBREVIATIONS, pages), titles.get)
    return [line for line in table.splitlines() if line.startswith("| PKS")]


def test_a_page_without_a_title_is_named_by_the_nav():
    untitled = SourcePage("docs/notes.md", "notes.md", "The Parks Keeping Service (PKS) mows the lawns.\n")
    assert rows([untitled], {"notes.md": "Notes"}) == ["| PKS | Parks Keeping Service | Notes |"]


def test_a_page_the_nav_does_not_name_is_named_by_its_path_not_none():
    untitled = SourcePage("docs/notes.md", "notes.md", "The Parks Keeping Service (PKS) mows the lawns.\n")
    assert rows([untitled], {}) == ["| PKS | Parks Keeping Service | notes.md |"]


def test_a_numbered_paragraph_is_linked():
    page = SourcePage("docs/report.md", "report.md", "# Report\n\n1.2 The Parks Keeping Service (PKS) mows.\n")
    assert rows([page], {"report.md": "Report"}) == [
        f"| PKS | Parks Keeping Service | [paragraph 1.2](report.md#{paragraph_anchor('1.2')}) |"
    ]
