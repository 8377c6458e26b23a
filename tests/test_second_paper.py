"""A second, fictional paper, published by content and settings alone (README, "Publish another paper").

tests/second-paper/ holds its docs/ and its settings (paper.yml). As a clerk would, the test
takes the project as it is (hooks, theme, mkdocs.yml), puts the paper's docs/ in place of
this paper's, replaces mkdocs.yml's paper settings with its own, and builds it strict, PDF
included. No code changes.
"""

import re
import shutil
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from committee_paper.settings import pdf_file_name, read_settings
from conftest import ROOT, article, mkdocs_settings, run_build, soup

PAPER = Path(__file__).parent / "second-paper"
SETTINGS = yaml.safe_load((PAPER / "paper.yml").read_text(encoding="utf-8"))
PARAGRAPHS = {"sections/gritting-routes": ["1.1", "1.2", "1.3"], "sections/salt-stocks": ["2.1", "2.2", "2.3", "2.4"], "sections/budget": ["3.1", "3.2"]}
THIS_PAPER = ["Lancashire", "LSCB", "Kathryn", "Overview and Scrutiny", "5 December 2014", "Executive Summary"]


def with_paper_settings(project: dict, paper: dict) -> dict:
    """The project's mkdocs.yml with the paper's settings in place: each top-level key, and each key under extra."""
    merged = {**project, **{key: value for key, value in paper.items() if key != "extra"}}
    merged["extra"] = {**project.get("extra", {}), **paper.get("extra", {})}
    return merged


@pytest.fixture(scope="module")
def second(tmp_path_factory):
    project = tmp_path_factory.mktemp("second-paper")
    for name in ["hooks", "overrides", "node_modules"]:
        (project / name).symlink_to(ROOT / name)
    shutil.copytree(PAPER / "docs", project / "docs")
    config = project / "mkdocs.yml"
    config.write_text(yaml.safe_dump(with_paper_settings(mkdocs_settings(), SETTINGS), allow_unicode=True, sort_keys=False), encoding="utf-8")
    return run_build(config, project / "site")


@pytest.fixture(scope="module")
def site(second) -> Path:
    assert second.returncode == 0, second.output
    return second.site


@pytest.fixture(scope="module")
def pdf(site) -> PdfReader:
    return PdfReader(site / pdf_file_name(read_settings(SETTINGS["extra"]).meeting))


def test_the_paper_and_the_project_differ_where_the_issue_asks():
    project = mkdocs_settings()["extra"]
    assert SETTINGS["extra"]["meeting"]["committee"] != project["meeting"]["committee"]
    assert "pdf_contents_before" not in SETTINGS["extra"]["paper"]
    assert SETTINGS["extra"]["paper"]["background_papers"] != project["paper"]["background_papers"]
    assert "Executive Summary" not in (PAPER / "docs" / "index.md").read_text(encoding="utf-8")


def test_it_builds_strict_with_no_warning(second):
    assert second.returncode == 0, second.output
    assert [line for line in second.output.splitlines() if re.match(r"(WARNING|ERROR)\b", line)] == []


def test_nothing_of_the_first_paper_shows(site, pdf):
    texts = [article(soup(path)).get_text() for path in site.rglob("*.html") if article(soup(path))]
    texts += [page.extract_text() for page in pdf.pages]
    assert [(word, text[:60]) for text in texts for word in THIS_PAPER if word in text] == []


def test_every_numbered_paragraph_has_its_anchor_and_permalink(site):
    for page, numbers in PARAGRAPHS.items():
        html = article(soup(site / f"{page}.html"))
        for number in numbers:
            paragraph = html.find(id="para-" + number.replace(".", "-"))
            assert paragraph is not None and paragraph.name == "p", (page, number)
            assert paragraph.find("a", class_="paragraph-number")["href"] == "#para-" + number.replace(".", "-")


def test_background_documents_have_row_anchors_under_the_papers_own_header(site):
    table = article(soup(site / "background-papers.html")).find("table")
    assert [th.get_text(strip=True) for th in table.find_all("th")] == ["Document", "Date", "Contact/Directorate/Tel"]
    assert [row.get("id") for row in table.find("tbody").find_all("tr")] == ["paper-1", "paper-2", "paper-3"]
    assert table.find("tr", id="paper-3").find("a") is None  # held by the service: no appendix page


def test_contacts_render_from_the_papers_contacts_file(site):
    cover = article(soup(site / "index.html"))
    assert cover.find("a", href="tel:+441134960123").get_text() == "0113 496 0123"
    assert cover.find("a", href=lambda href: href.split("?")[0] == "mailto:jo.sample@exampleshire.example").get_text() == "jo.sample@exampleshire.example"


def test_the_pdf_is_named_from_the_meeting_and_linked_from_every_page(site, pdf):
    assert pdf_file_name(read_settings(SETTINGS["extra"]).meeting) == "pdf/highways-and-transport-committee-2026-03-12.pdf"
    link = soup(site / "sections" / "budget.html").select_one("article a.paper-download")
    assert link["href"] == "../pdf/highways-and-transport-committee-2026-03-12.pdf"
    assert link.get_text().endswith(f"{len(pdf.pages)} pages)")
    assert pdf.metadata.title == SETTINGS["site_name"]


def test_the_pdf_has_the_cover_then_contents_after_the_title_block(pdf):
    pages = [page.extract_text() for page in pdf.pages]
    cover = pages[0]
    assert "Winter Road Maintenance 2025-26" in cover and "Meeting to be held on 12 March 2026" in cover
    # No pdf_contents_before: the contents list follows the title block, before the first heading.
    assert cover.index("This paper is fictional.") < cover.index("Contents\n") < cover.index("Contact for further information\nSam Fictional")
    footer = re.compile(rf"{re.escape(SETTINGS['site_name'])}\s*Page (\d+) of (\d+)")
    assert [footer.search(text).groups() for text in pages] == [(str(n), str(len(pages))) for n in range(1, len(pages) + 1)]
    assert not any("Accessibility statement" in text for text in pages)  # pdf: false, about the website only


def test_contents_page_numbers_and_every_link_in_the_pdf_land(pdf):
    destinations = pdf.named_destinations
    contents = pdf.pages[0].extract_text().splitlines()
    for title, part in [("1. Gritting routes", "sections/gritting-routes"), ("Background documents", "background-papers"),
                        ("Appendix B: Salt supply contract review", "appendices/appendix-b")]:
        line = next(line for line in contents if line.startswith(title))
        assert int(re.search(r"(\d+)$", line)[1]) == pdf.get_destination_page_number(destinations[part]) + 1, line
    internal = [str(annotation.get_object()["/Dest"]) for page in pdf.pages for annotation in page.get("/Annots", [])
                if "/Dest" in annotation.get_object()]
    assert [target for target in internal if target not in destinations] == []
    for target in ["sections/salt-stocks:para-2-4", "sections/budget:para-3-2", "background-papers:paper-1", "appendices/appendix-a"]:
        assert target in internal
