"""A made-up cabinet report with the shapes of issue 27 (tests/fixtures/cabinet-report/), published by its
content, settings and source alone, built strict with its PDF, and read back: "Background papers: None.",
numbered, named and exempt appendices, a list page under appendices/, contacts without directorate or
organisation, a link to another site, mentions left unlinked, "Part I" and "Key decision" lines, a quoted
date. Its facts are read from its own files, not typed here, except the shapes it was written to have."""

import io
import json
import re
import shutil
from pathlib import Path

import pytest
from mkdocs.utils.yaml import yaml_load
from pypdf import PdfReader

from committee_paper.config import read_settings
from committee_paper.model.contacts import load_contacts
from committee_paper.model.settings import pdf_file_name
from committee_paper.verify.report import verify
from committee_paper.verify.site_sentences import check_site_sentences
from committee_paper.verify.source import paper_text
from conftest import article, run_build, soup
from publishing import publish

PAPER = Path(__file__).parent / "fixtures" / "cabinet-report"
SETTINGS = yaml_load((PAPER / "mkdocs.yml").open("rb"))  # as MkDocs reads it: !ENV resolved
MEETING = read_settings(SETTINGS["extra"]).meeting


def text(site: Path, page: str) -> str:
    return " ".join(article(soup(site / page)).get_text(" ").split())


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    where = tmp_path_factory.mktemp("cabinet-report") / "paper"
    config = publish(PAPER, where)
    return run_build(config, where / "site")


@pytest.fixture(scope="module")
def site(built) -> Path:
    assert built.returncode == 0, built.output
    return built.site


def test_the_paper_has_the_shapes_it_was_made_for():
    assert isinstance(SETTINGS["extra"]["meeting"]["date"], str)  # quoted
    assert "background_papers" not in SETTINGS["extra"]["paper"]
    assert "exempt" in (PAPER / "docs" / "appendices" / "appendix-3.md").read_text(encoding="utf-8")


def test_it_builds_strict_with_no_warning(built):
    assert built.returncode == 0, built.output
    assert [line for line in built.output.splitlines() if re.match(r"(WARNING|ERROR)\b", line)] == []


def test_no_background_papers_is_said_as_the_paper_says_with_no_table(site):
    page = article(soup(site / "background-papers.html"))
    assert "Background papers: None." in page.get_text() and page.find("table") is None


def test_each_appendix_says_its_text_is_not_here_and_asks_the_publisher(site):
    publisher = SETTINGS["extra"]["publisher"]
    for page in ("appendices/appendix-1.html", "appendices/appendix-2.html", "appendices/annex.html"):
        notice = article(soup(site / page)).find(class_="appendix-notice")
        assert "Its text is not published on this website." in notice.get_text(), page
        assert notice.find("a", href=lambda href: href.split("?")[0] == publisher["contact"]) is not None, page
        assert publisher["name"] in notice.get_text(), page


def test_the_exempt_appendix_quotes_the_papers_reason_and_offers_no_copy(site):
    notice = article(soup(site / "appendices/appendix-3.html")).find(class_="appendix-notice").get_text()
    assert "This appendix is exempt from publication." in notice
    assert '"Paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972"' in notice
    assert "copy" not in notice and "contact" not in notice


def test_contacts_show_what_the_paper_gives_and_the_council_is_named_once(site):
    contacts, problems = load_contacts((PAPER / "docs" / "contacts.yml").read_text(encoding="utf-8"), "contacts.yml")
    assert problems == [] and contacts
    cover = text(site, "index.html")
    for contact in contacts:
        assert f"{contact.name} , {contact.role} Tel: {contact.phone} Email: {contact.email}" in cover
    assert soup(site / "index.html").get_text().count(MEETING.council) == 1


def test_the_cover_is_named_in_the_menu_by_the_papers_title_not_home(site):
    cover = soup(site / "index.html")
    heading = article(cover).find("h1")
    for permalink in heading.find_all("a", class_="headerlink"):
        permalink.decompose()
    title = " ".join(heading.get_text().split())
    assert "title:" not in (PAPER / "docs" / "index.md").read_text(encoding="utf-8").split("---")[1]
    menu = cover.select_one("nav.md-nav--primary")
    labels = [" ".join(link.get_text().split()) for link in menu.find_all("a", href=True)]
    assert title in labels and "Home" not in labels
    for page in site.rglob("*.html"):
        assert "Home" not in soup(page).get_text(" ").split(), page


def test_the_papers_own_lines_stay_verbatim(site):
    cover = text(site, "index.html")
    for line in ("Part I – open to the public", "Key decision: Yes", "Wards affected: Riverside; Old Town"):
        assert line in cover


def test_mentions_the_paper_left_plain_are_linked(site):
    cover = article(soup(site / "index.html"))
    assert cover.find("a", href="appendices/appendix-2.html", string="Appendix 2") is not None
    assert cover.find("a", href="appendices/annex.html", string="Annex") is not None  # "the Annex"
    proposals = article(soup(site / "sections/proposals.html"))
    assert proposals.find("a", href="proposals.html#para-3-1", string="paragraph 3.1") is not None


def test_a_link_to_another_site_is_a_link_and_the_pdf_gives_its_address(site):
    link = article(soup(site / "sections/proposals.html")).find("a", href=re.compile(r"^https://"))
    assert link is not None
    pdf = "".join("".join(page.extract_text().split()) for page in PdfReader(site / pdf_file_name(MEETING)).pages)
    assert "".join(f"{link.get_text()} ({link['href']})".split()) in pdf  # lines may break inside the address


def test_the_statement_speaks_of_the_appendices_and_names_the_publisher(site):
    statement = text(site, "accessibility.html")
    assert "each appendix page says so" in statement
    assert f"This website is published by {SETTINGS['extra']['publisher']['name']}" in statement


def test_every_sentence_is_the_papers_rendered_or_reviewed():
    checked, found = check_site_sentences(PAPER, paper_text(PAPER))
    assert checked and [str(problem) for problem in found] == []


# Tables and figures, sub-points and recommendations, as the paper writes them.

SOURCE_LINES = [line.strip() for line in next((PAPER / "source").glob("*.md")).read_text(encoding="utf-8").splitlines()]


def pdf_pages(site: Path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(site / pdf_file_name(MEETING)).pages]


def test_the_papers_table_caption_is_its_caption_verbatim_and_the_tools_tables_are_not_numbered(site):
    caption = " ".join(article(soup(site / "sections/proposals.html")).find("table").caption.get_text().split())
    assert caption.startswith("Table 1:") and caption in SOURCE_LINES  # the paper's line, as written
    glossary = [" ".join(tag.get_text().split()) for tag in article(soup(site / "glossary.html")).find_all("caption")]
    assert glossary and not [words for words in glossary if words.startswith("Table")]


def test_in_the_pdf_the_tables_caption_is_on_the_page_of_its_first_row(site):
    table = article(soup(site / "sections/proposals.html")).find("table")
    caption, first_cell = table.caption.get_text(strip=True), table.find("tbody").find("td").get_text(strip=True)
    pages = [text for text in pdf_pages(site) if caption in text]
    assert len(pages) == 1 and first_cell in pages[0].split(caption, 1)[1]


def figures(node, found: list) -> list:
    """Every /Figure structure element of the PDF's tag tree under ``node``."""
    node = node.get_object()
    if node.get("/S") == "/Figure":
        found.append(node)
    kids = node.get("/K", [])
    for kid in kids if isinstance(kids, list) else [kids]:
        if hasattr(kid, "get_object") and isinstance(kid.get_object(), dict):
            figures(kid, found)
    return found


def test_the_figure_is_its_image_with_its_alt_text_on_the_web_and_in_the_pdf(site):
    figure = article(soup(site / "sections/proposals.html")).find("figure")
    image, caption = figure.find("img"), " ".join(figure.figcaption.get_text().split())
    assert caption.startswith("Figure 1:") and caption in SOURCE_LINES
    assert f"![{image['alt']}]({image['src'].removeprefix('../')})" in SOURCE_LINES
    assert image.get("aria-hidden") is None  # the caption names the chart; the alt text describes it: both are read
    reader = PdfReader(site / pdf_file_name(MEETING))
    assert [str(tag["/Alt"]) for tag in figures(reader.trailer["/Root"]["/StructTreeRoot"], [])] == [image["alt"]]


def test_the_papers_image_keeps_its_own_font_in_the_pdf_and_no_other_font_strays_in(site):
    from test_pdf import embedded_fonts, image_fonts, stray_fonts

    fonts = embedded_fonts(PdfReader(site / pdf_file_name(MEETING)))
    assert image_fonts(PAPER / "docs") and all(
        any(family in name for name in fonts) for family in image_fonts(PAPER / "docs")
    )
    assert stray_fonts(fonts, PAPER / "docs") == set()


def test_the_sub_points_are_inside_their_paragraphs_anchor_as_a_list(site):
    paragraph = article(soup(site / "sections/proposals.html")).find(id="para-3-1")
    points = [" ".join(item.get_text().split()) for item in paragraph.find("ol", class_="sub-points").find_all("li")]
    assert points and all(point in SOURCE_LINES for point in points)
    assert [point[:3] for point in points] == ["(a)", "(b)"]
    assert " ".join(soup(site / "whole-paper.html").find(id="para-3-1").get_text().split()).endswith(points[-1])


def test_the_recommendations_are_a_list_each_citable_and_a_search_result(site):
    items = article(soup(site / "index.html")).find("ol", class_="recommendations").find_all("li")
    assert [item["id"] for item in items] == ["recommendation-i", "recommendation-ii", "recommendation-iii"]
    assert all(" ".join(item.get_text().split()) in SOURCE_LINES for item in items)
    assert all(item.find("a", href=f"#{item['id']}") is not None for item in items)
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    located = {entry["location"]: entry for entry in index["docs"]}
    for item in items:
        assert item.get_text().split(None, 1)[1].strip() in located[f"index.html#{item['id']}"]["text"]


def test_verify_fails_a_recommendation_without_its_anchor_naming_it(site, tmp_path):
    paper = tmp_path / "paper"
    shutil.copytree(site.parent, paper, symlinks=True)
    passed = io.StringIO()
    assert verify(paper, browser=False, out=passed) == 0, passed.getvalue()
    assert re.search(r"^  recommendations: [1-9]\d* passed, 0 failed$", passed.getvalue(), re.MULTILINE)
    cover = paper / "site" / "index.html"
    html = cover.read_text(encoding="utf-8")
    assert html.count('id="recommendation-ii"') == 1
    cover.write_text(html.replace('id="recommendation-ii"', ""), encoding="utf-8")
    failed = io.StringIO()
    assert verify(paper, browser=False, out=failed) == 1
    source = next((PAPER / "source").glob("*.md"))
    line = next(number for number, text in enumerate(source.read_text("utf-8").splitlines(), 1) if text[:5] == "(ii) ")
    assert [found for found in failed.getvalue().splitlines() if "recommendation (ii)" in found] == [
        f"source/{source.name}:{line}: recommendation (ii) has no anchor #recommendation-ii on any page; write it "
        "in docs/ under the paper's Recommendations heading as the paper numbers it, '(ii) …'"
    ]
