"""The PDF's own rules, as plain functions: what a link is announced as, which headings the contents lists,
and the PDF front matter a page may carry. Fast: no build."""

import pytest

from committee_paper.document import Part, assemble
from committee_paper.paper_pdf import (
    CONTENTS_MARKER,
    after_title_block,
    headings_after,
    insert_before,
    link_description,
    paper_document,
    print_part,
)
from conftest import ROOT


@pytest.mark.parametrize(
    "text, href, label, spoken",
    [
        ("0114 496 0457", "tel:+441144960457", None, "Telephone 0114 496 0457"),
        (
            "Robin.Testwell@fernvale.example",
            "mailto:Robin.Testwell@fernvale.example?subject=Parks%20report",
            None,
            "Email Robin.Testwell@fernvale.example",
        ),
        ("2.4.", "#background/tree-survey:para-2-4", "Paragraph 2.4.", "Paragraph 2.4"),
        ("Appendix  B:\n Report", "#appendices/appendix-b", None, "Appendix B: Report"),
        ("Telephone 0114 496 0457", "tel:+441144960457", None, "Telephone 0114 496 0457"),
        ("", "#index", None, ""),
    ],
)
def test_a_link_is_announced_by_its_label_or_text_saying_what_it_does(text, href, label, spoken):
    assert link_description(text, href, label) == spoken


COVER = (
    '<h1 id="index:report-title">The title</h1><h2 id="index:contacts">Contact for further information</h2>'
    f'{CONTENTS_MARKER}<h2 id="index:executive-summary">Executive Summary</h2><p>Text.</p>'
    '<h2 id="index:recommendation">Recommendation</h2><h2 id="index:background-and-advice">Background and Advice</h2>'
)


def test_the_contents_lists_the_cover_headings_after_it_but_not_what_the_nav_lists():
    assert headings_after(COVER, CONTENTS_MARKER, {"background and advice"}) == [
        ("index:executive-summary", "Executive Summary"),
        ("index:recommendation", "Recommendation"),
    ]


def test_a_cover_with_no_heading_after_the_contents_lists_none_of_its_headings():
    assert headings_after(COVER.replace(CONTENTS_MARKER, "") + CONTENTS_MARKER, CONTENTS_MARKER, set()) == []


def test_the_contents_list_goes_before_the_element_with_the_id_and_nowhere_without_it():
    assert insert_before(COVER, "index:recommendation", "<hr>") == COVER.replace(
        '<h2 id="index:recommendation">', '<hr><h2 id="index:recommendation">'
    )
    assert insert_before(COVER, "index:missing", "<hr>") is None


def test_without_a_setting_the_contents_list_goes_after_the_title_block_or_at_the_end():
    cover = '<p>Committee</p><h1 id="t">T<a href="#t">¶</a></h1><p>To: <strong>All</strong></p><h2 id="s">S</h2><h2 id="u">U</h2>'
    assert after_title_block(cover, "<hr>") == cover.replace('<h2 id="s">', '<hr><h2 id="s">')
    assert after_title_block("<h2>Before a title</h2><h1>T</h1>", "<hr>") == "<h2>Before a title</h2><h1>T</h1><hr>"
    assert after_title_block("<p>No title</p>", "<hr>") == "<p>No title</p><hr>"


def test_only_the_parts_marked_start_a_new_sheet():
    document = paper_document(
        title="T",
        lang="en",
        author="A",
        description="D",
        running_title="T",
        stylesheet="",
        sections=[("index", "<h1>Cover</h1>"), ("more", "<h1>More</h1>"), ("appendix", "<h1>Appendix</h1>")],
        new_pages={"appendix"},
    )
    assert '<section class="paper-part" id="more">' in document
    assert '<section class="paper-part paper-part--new-page" id="appendix">' in document


def test_a_link_to_another_site_gives_its_address_in_the_pdf():
    """On paper or offline a link cannot be followed: the PDF prints the address after the link's words, once."""
    from pypdf import PdfReader
    from weasyprint import CSS, HTML

    page = (
        '<h1>Cover</h1><p>See the <a href="https://www.example.gov.uk/framework">framework</a> and '
        '<a href="https://example.org/b">https://example.org/b</a>.</p>'
    )
    document = assemble([Part("index.html", "docs/index.md", page)])
    section = print_part(document, "index.html", "Cover", lambda path: f"file:///site/{path}")
    pdf = HTML(string=section).write_pdf(
        stylesheets=[CSS(filename=str(ROOT / "hooks" / "committee_paper" / "paper-pdf.css"))]
    )
    import io

    text = " ".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())
    assert "See the framework (https://www.example.gov.uk/framework) and https://example.org/b." in text
