"""A second, fictional paper, published as PUBLISHING.md says: by content, settings and source alone.

tests/second-paper/ is a paper's folder: docs/, mkdocs.yml (the paper's own settings only) and source/ (the
paper as received). As a clerk would, the test makes a folder of it with `committee-paper new --from`, outside any
git repository, and builds it strict, PDF included, with the installed tool. No code changes. It is written in
another house style than the first paper: numbered appendices, background papers in unnumbered rows, a "Part II"
line, sections titled as their files, a long title. Its facts are read from its own files, not typed here.
"""

import re
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from committee_paper.config import read_settings
from committee_paper.model.anchors import PARAGRAPH_NUMBER, paper_anchor, paragraph_anchor
from committee_paper.model.contacts import load_contacts
from committee_paper.model.settings import pdf_file_name
from conftest import article, mkdocs_settings, run_build, soup

PAPER = Path(__file__).parent / "second-paper"
SETTINGS = mkdocs_settings(PAPER / "mkdocs.yml")
MEETING = read_settings(SETTINGS["extra"]).meeting
PHONE_WIDTH_NAME = 120  # characters: a name this long wraps past three lines in a phone's header


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """The paper's own folder, made by `committee-paper new --from` in a temporary directory (no git)."""
    where = tmp_path_factory.mktemp("second-paper") / "paper"
    command = [str(Path(sys.executable).parent / "committee-paper"), "new", str(where), "--from", str(PAPER)]
    subprocess.run([*command, "--tool", "committee-paper==1.0.0"], check=True, capture_output=True, text=True)
    return where


@pytest.fixture(scope="module")
def second(project):
    return run_build(project / "mkdocs.yml", project / "site")


@pytest.fixture(scope="module")
def site(second) -> Path:
    assert second.returncode == 0, second.output
    return second.site


@pytest.fixture(scope="module")
def pdf(site) -> PdfReader:
    return PdfReader(site / pdf_file_name(MEETING))


def pages() -> dict[str, str]:
    """The paper's Markdown pages, by path under docs/."""
    return {
        path.relative_to(PAPER / "docs").as_posix(): path.read_text(encoding="utf-8")
        for path in sorted((PAPER / "docs").rglob("*.md"))
    }


def background_rows() -> list[str]:
    table = [line for line in pages()["background-papers.md"].splitlines() if line.startswith("|")]
    return table[2:]  # minus the header and the separator


def test_the_paper_differs_from_the_first_in_the_house_style_the_issue_names():
    assert MEETING.committee != read_settings(mkdocs_settings()["extra"]).meeting.committee
    assert re.search(r"^# Appendix 1\b", pages()["appendices/appendix-1.md"], re.MULTILINE)  # numbered appendices
    assert background_rows() and not any(re.match(r"\|\s*\d+\.", row) for row in background_rows())  # unnumbered rows
    assert "Part II" in pages()["background-papers.md"]
    assert re.search(
        r"^# Consultations$", pages()["consultations.md"], re.MULTILINE
    )  # a heading that is its file's name
    assert len(SETTINGS["site_name"]) > PHONE_WIDTH_NAME


def test_the_folder_is_the_papers_files_and_nothing_of_the_tool(project):
    assert not (project / "last-test-run.yml").exists(), "no record of a test run is copied"
    assert sorted(path.name for path in (project / "source").iterdir()) == sorted(
        path.name for path in (PAPER / "source").iterdir()
    )
    assert [path for path in project.rglob("*") if path.suffix in (".py", ".html", ".css", ".js")] == []


def test_it_builds_strict_with_no_warning(second):
    assert second.returncode == 0, second.output
    assert [line for line in second.output.splitlines() if re.match(r"(WARNING|ERROR)\b", line)] == []


def test_nothing_of_the_first_paper_shows(site, pdf):
    first = read_settings(mkdocs_settings()["extra"]).meeting
    words = [first.council, first.committee, first.long_date, mkdocs_settings()["site_name"]]
    texts = [article(soup(path)).get_text() for path in site.rglob("*.html") if article(soup(path))]
    texts += [page.extract_text() for page in pdf.pages]
    assert [(word, text[:60]) for text in texts for word in words if word in text] == []


def test_every_numbered_paragraph_has_its_anchor_and_permalink(site):
    numbered = [
        (uri, f"{match[1]}.{match[2]}")
        for uri, text in pages().items()
        for line in text.splitlines()
        if (match := PARAGRAPH_NUMBER.match(line))
    ]
    assert numbered
    for uri, number in numbered:
        paragraph = article(soup(site / uri.replace(".md", ".html"))).find(id=paragraph_anchor(number))
        assert paragraph is not None and paragraph.name == "p", (uri, number)
        assert paragraph.find("a", class_="paragraph-number")["href"] == f"#{paragraph_anchor(number)}"


def test_unnumbered_background_papers_are_anchored_by_position_under_the_papers_own_header(site):
    table = article(soup(site / "background-papers.html")).find("table")
    assert [th.get_text(strip=True) for th in table.find_all("th")] == SETTINGS["extra"]["paper"]["background_papers"][
        "header"
    ]
    assert [row.get("id") for row in table.find("tbody").find_all("tr")] == [
        paper_anchor(n) for n in range(1, len(background_rows()) + 1)
    ]


def test_a_roman_numeral_is_not_an_abbreviation(site):
    glossary = article(soup(site / "glossary.html")).get_text()
    assert "II" not in re.findall(r"\b[A-Z]{2,}\b", glossary)
    line = article(soup(site / "background-papers.html")).find(string=re.compile("Part II"))
    assert line is not None and line.find_parent("abbr") is None


def test_a_section_titled_as_its_file_goes_on_the_one_page(site):
    one_page = soup(site / "whole-paper.html")
    part = one_page.find("section", id="consultations")
    assert part is not None and part.find(id="consultations:consultations").get_text(strip=True).startswith(
        "Consultations"
    )
    assert len(one_page.find_all(id="consultations")) == 1


def test_contacts_render_from_the_papers_contacts_file(site):
    contacts, problems = load_contacts((PAPER / "docs" / "contacts.yml").read_text(encoding="utf-8"), "contacts.yml")
    assert problems == [] and contacts
    cover = article(soup(site / "index.html"))
    for contact in contacts:
        assert cover.find("a", href=contact.tel_uri).get_text() == contact.phone
        assert (
            cover.find("a", href=lambda href, email=contact.email: href.split("?")[0] == f"mailto:{email}").get_text()
            == contact.email
        )


def test_the_statement_says_this_content_is_not_yet_tested(site):
    """A fresh copy has no record of a test run of this content: the statement claims none."""
    statement = article(soup(site / "accessibility.html")).get_text()
    assert "has not yet been tested" in statement
    assert "last all passed" not in statement


def test_the_pdf_is_named_from_the_meeting_and_linked_from_every_page(site, pdf):
    link = soup(site / "consultations.html").select_one("article a.paper-download")
    assert link["href"] == pdf_file_name(MEETING)
    assert link.get_text().endswith(f"{len(pdf.pages)} pages)")
    assert pdf.metadata.title == SETTINGS["site_name"]


def test_the_pdf_keeps_the_caption_with_the_list_and_every_link_lands(pdf):
    texts = [page.extract_text() for page in pdf.pages]
    lines = pages()["background-papers.md"].splitlines()
    caption = lines[lines.index("{ .paper-caption }") - 1]
    page = next(text for text in texts if caption in text)
    assert "List of Background Papers" in page.split(caption, 1)[1]
    destinations = pdf.named_destinations
    internal = [
        str(annotation.get_object()["/Dest"])
        for page in pdf.pages
        for annotation in page.get("/Annots", [])
        if "/Dest" in annotation.get_object()
    ]
    assert internal and [target for target in internal if target not in destinations] == []
