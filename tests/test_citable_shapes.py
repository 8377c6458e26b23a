"""The paper's tables, figures, sub-points and recommendations, as the paper writes them (issue 27), on small
made-up snippets rendered with the build's own Markdown set-up (defaults.yml's extensions and the tool's), and
laid out by WeasyPrint with the PDF's own stylesheet. No build, no real paper."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader
from weasyprint import CSS, HTML

from committee_paper.checks.captions import check_captions
from committee_paper.config import DEFAULTS
from committee_paper.model.sources import SourcePage
from committee_paper.outputs.search_index import PageText, page_entries
from committee_paper.stages.rendering import tool_extensions

BAR_COLOUR = b"0.247059 0.317647 0.709804 rg"  # SVG's fill, as the PDF's operator sets it
PDF_CSS = Path(__file__).resolve().parent.parent / "hooks" / "committee_paper" / "paper-pdf.css"
TABLE = "| Item | Cost |\n| --- | --- |\n| Footpath | £120,000 |\n| Play area | £80,000 |\n"
SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="240" height="160" viewBox="0 0 240 160">'
    '<rect x="40" y="40" width="60" height="110" fill="#3f51b5"/></svg>'
)


def html(text: str) -> str:
    """``text`` rendered as the build renders a page (snippets aside: they read the paper's files)."""
    names, configs = [], {}
    for item in DEFAULTS["markdown_extensions"]:
        name, options = next(iter(item.items())) if isinstance(item, dict) else (item, {})
        if name != "pymdownx.snippets":
            names.append(name)
            configs[name] = options
    return markdown.Markdown(extensions=[*names, *tool_extensions(None)], extension_configs=configs).convert(text)


def render(text: str) -> BeautifulSoup:
    return BeautifulSoup(html(text), "html.parser")


def words(tag) -> str:
    return " ".join(tag.get_text(" ").split())


# Captions: the paper's own, verbatim; the tool's never numbered.


def test_a_tables_caption_is_kept_verbatim_as_the_tables_caption():
    page = render(f"{TABLE}\n/// table-caption\nTable 1: Costs of the improvements\n///\n")
    table = page.find("table")
    assert table.caption is not None and words(table.caption) == "Table 1: Costs of the improvements"
    assert page.find("figure") is None and page.find(class_="caption-prefix") is None


def test_the_tools_own_table_captions_get_no_number():
    page = render(
        f"{TABLE}\n/// table-caption\nAbbreviations used in the paper.\n///\n\n{TABLE}\n/// table-caption\nMore.\n///\n"
    )
    assert [words(caption) for caption in page.find_all("caption")] == ["Abbreviations used in the paper.", "More."]


def test_a_figures_caption_is_kept_verbatim_and_its_image_keeps_its_alt_text():
    alt = "Bar chart: visitors rose from 40,000 in 2029 to 52,000 in 2030"
    page = render(f"![{alt}](chart.svg)\n\n/// figure-caption\nFigure 1: Visitors to the park\n///\n")
    figure = page.find("figure")
    assert words(figure.figcaption) == "Figure 1: Visitors to the park"
    image = figure.find("img")
    assert image["alt"] == alt and image.get("aria-hidden") is None  # they say different things: both are read


def test_a_caption_that_repeats_the_alt_text_is_spoken_once():
    page = render("![Visitors to the park](chart.svg)\n\n/// figure-caption\nFigure 1: Visitors to the park.\n///\n")
    image = page.find("figure").find("img")
    # Hidden from screen readers, which read the caption; the alt text stays for the PDF's figure.
    assert image["aria-hidden"] == "true" and image["alt"] == "Visitors to the park"


# Captions in the PDF: never apart from their table or figure.


def pdf_pages(body: str, tmp_path: Path) -> list[str]:
    document = f'<html lang="en"><body><article>{body}</article></body></html>'
    target = tmp_path / "out.pdf"
    HTML(string=document, base_url=str(tmp_path)).write_pdf(target, stylesheets=[CSS(filename=PDF_CSS)])
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(target).pages]


@pytest.mark.parametrize("filler", range(22, 32))
def test_a_tables_caption_is_on_the_page_of_its_first_row(filler, tmp_path):
    lines = "".join(f"<p>Line {n} of the paper.</p>" for n in range(filler))
    table = html(f"{TABLE}\n/// table-caption\nTable 1: Costs of the improvements\n///\n")
    pages = pdf_pages(lines + table, tmp_path)
    on = [index for index, text in enumerate(pages) if "Table 1: Costs" in text]
    assert on and "Footpath" in pages[on[0]], pages


@pytest.mark.parametrize("filler", range(18, 30))
def test_a_figures_caption_is_on_the_page_of_its_image(filler, tmp_path):
    (tmp_path / "chart.svg").write_text(SVG, encoding="utf-8")
    lines = "".join(f"<p>Line {n} of the paper.</p>" for n in range(filler))
    figure = html("![A bar chart](chart.svg)\n\n/// figure-caption\nFigure 1: Visitors to the park\n///\n")
    document = f'<html lang="en"><body><article>{lines}{figure}</article></body></html>'
    target = tmp_path / "out.pdf"
    HTML(string=document, base_url=str(tmp_path) + "/").write_pdf(target, stylesheets=[CSS(filename=PDF_CSS)])
    pages = PdfReader(target).pages
    captioned = [
        index for index, page in enumerate(pages) if "Figure 1: Visitors" in " ".join(page.extract_text().split())
    ]
    # WeasyPrint draws an SVG as vectors: the page that fills in its bar's colour (#3f51b5) holds it.
    with_image = [index for index, page in enumerate(pages) if BAR_COLOUR in page.get_contents().get_data()]
    assert captioned and captioned == with_image


# Sub-points: inside their paragraph's anchor, as a list.


def test_sub_points_belong_to_their_numbered_paragraph_as_a_list():
    page = render(
        "3.1. The trust proposes two improvements:\n\n(a) a new footpath; and\n\n(b) a play area.\n\n3.2. Next.\n"
    )
    paragraph = page.find(id="para-3-1")
    assert "numbered-paragraph" in paragraph["class"]
    assert paragraph.find("a", class_="paragraph-number", href="#para-3-1") is not None
    points = paragraph.find("ol", class_="sub-points")
    assert [words(item) for item in points.find_all("li")] == ["(a) a new footpath; and", "(b) a play area."]
    assert words(page.find(id="para-3-2")) == "3.2 Next."
    assert not [p for p in page.find_all("p") if words(p).startswith("(")]


def test_lettered_lines_with_no_numbered_paragraph_or_out_of_order_stay_as_written():
    page = render("Some words:\n\n(a) one\n\n(b) two\n\n4.1. A paragraph:\n\n(b) not first\n")
    assert page.find("ol") is None
    assert [words(p) for p in page.find_all("p")] == [
        "Some words:",
        "(a) one",
        "(b) two",
        "4.1 A paragraph:",
        "(b) not first",
    ]


# Recommendations: a list, each citable.


def test_recommendations_numbered_i_ii_iii_are_a_list_each_citable():
    page = render(
        "## Recommendations\n\nCabinet is recommended to:\n\n(i) approve the works;\n\n(ii) agree the costs; and"
        "\n\n(iii) note the bids.\n\n## Contents\n\n(i) not a recommendation\n"
    )
    items = page.find("ol", class_="recommendations").find_all("li")
    assert [item["id"] for item in items] == ["recommendation-i", "recommendation-ii", "recommendation-iii"]
    assert [words(item) for item in items] == [
        "(i) approve the works;",
        "(ii) agree the costs; and",
        "(iii) note the bids.",
    ]
    link = items[0].find("a", href="#recommendation-i")
    assert link.get_text() == "(i)" and link["aria-label"] == "Recommendation (i)"
    assert words(page.find_all("p")[-1]) == "(i) not a recommendation"  # under another heading


def test_recommendations_numbered_1_2_are_a_list_each_citable():
    page = render("## Recommendation\n\n1. approve the works;\n2. agree the costs.\n")
    items = page.find("ol", class_="recommendations").find_all("li")
    assert [item["id"] for item in items] == ["recommendation-1", "recommendation-2"]
    assert [words(item) for item in items] == ["1. approve the works;", "2. agree the costs."]


def test_a_numbered_list_under_another_heading_is_no_recommendation():
    page = render("## Options\n\n1. one\n2. two\n")
    assert page.find(id="recommendation-1") is None and page.find(class_="recommendations") is None


def test_sub_points_and_recommendations_are_in_the_search_index():
    content = html(
        "# Cover\n\n3.1. The trust proposes:\n\n(a) a new footpath; and\n\n(b) a play area.\n\n"
        "## Recommendations\n\n(i) approve the works;\n\n(ii) agree the costs.\n"
    )
    entries = {entry["location"]: entry for entry in page_entries(PageText("index.html", "Cover", content))}
    assert "(a) a new footpath; and" in entries["index.html#para-3-1"]["text"]
    assert "(b) a play area." in entries["index.html#para-3-1"]["text"]
    recommendation = entries["index.html#recommendation-ii"]
    assert recommendation["title"] == "Recommendation (ii) — Cover"
    assert recommendation["text"] == "<p>Recommendation (ii) agree the costs.</p>"
    assert "agree the costs" not in entries["index.html#recommendations"]["text"]


# A caption the paper prints above its table is still written after it: one written before captions the wrong thing.


def test_a_caption_written_before_its_table_fails_naming_the_line_and_the_fix():
    text = "# Proposals\n\n3.2. Words.\n\n/// table-caption\nTable 1: Costs\n///\n\n" + TABLE
    page = SourcePage("docs/sections/proposals.md", "sections/proposals.md", text)
    assert [str(problem) for problem in check_captions(page)] == [
        'docs/sections/proposals.md:5: the caption "Table 1: Costs" follows no table, so it would caption what is '
        "above it; put the /// table-caption block right after its table (the site shows a table's caption above it)"
    ]


def test_a_figure_caption_after_no_image_fails_and_captions_in_place_pass():
    text = (
        f"# Proposals\n\n{TABLE}\n/// table-caption\nTable 1: Costs\n///\n\n<!-- glossary: paper -->\n\n"
        "/// table-caption\nAbbreviations.\n///\n\n![A chart](chart.svg)\n\n/// figure-caption\nFigure 1: Visitors\n///\n"
        "\nWords.\n\n/// figure-caption\nFigure 2: Nothing\n///\n"
    )
    page = SourcePage("docs/p.md", "p.md", text)
    assert [str(problem) for problem in check_captions(page)] == [
        'docs/p.md:26: the caption "Figure 2: Nothing" follows no image, so it would caption what is above it; put '
        "the /// figure-caption block right after its image"
    ]
