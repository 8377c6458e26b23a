"""The whole paper as one PDF: complete, navigable, tagged, small, and offered on every page."""

import re
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from conftest import ROOT, SOURCE, article, html_path, nav_files, run_build, soup
from source_text import missing_in_order, normalise, source_sentences

CONFIG = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)
PDF_NAME = next(p["pdf-export"] for p in CONFIG["plugins"] if "pdf-export" in p)["combined_output_path"]
SITE_NAME = CONFIG["site_name"]
FOOTER = re.compile(rf"{re.escape(SITE_NAME)}\s*Page (\d+) of (\d+)")
FIXTURES = ROOT / "tests" / "fixtures"


@pytest.fixture(scope="module")
def pdf_file(site) -> Path:
    return site / PDF_NAME


@pytest.fixture(scope="module")
def reader(pdf_file) -> PdfReader:
    return PdfReader(pdf_file)


@pytest.fixture(scope="module")
def page_texts(reader) -> list[str]:
    return [page.extract_text() for page in reader.pages]


def body_text(page_texts) -> str:
    """The paper's text without the running footer, so paragraphs run on across pages.

    A line that wraps inside a word, after its slash or hyphen ("LSCB/" "538352"), is joined up.
    """
    text = " ".join(FOOTER.sub(" ", text) for text in page_texts)
    return normalise(re.sub(r"(?<=\S[/-])\n", "", text))


def nav_titles(site) -> list[tuple[str, str]]:
    """(title, Markdown file) of each page in the nav; the titles are the pages' own (mkdocs.yml gives none)."""
    return [(soup(html_path(site, md_file)).title.get_text().rsplit(" - ", 1)[0], md_file) for md_file in nav_files()]


def part_of(md_file: str) -> str:
    """The PDF's named destination for a page: its URL without .html (hooks/committee_paper/paper_pdf.py)."""
    return md_file.removesuffix(".md")


def outline_titles(outline) -> list[str]:
    titles = []
    for item in outline:
        titles += outline_titles(item) if isinstance(item, list) else [item.title]
    return titles


def test_every_sentence_of_the_source_is_in_the_pdf_in_report_order(page_texts):
    assert missing_in_order(source_sentences(SOURCE.read_text(encoding="utf-8")), body_text(page_texts)) == []


def test_a_changed_word_is_caught_in_the_pdf(page_texts):
    altered = [s.replace("eighteen", "eight") for s in source_sentences(SOURCE.read_text(encoding="utf-8"))]
    assert missing_in_order(altered, body_text(page_texts)) != []


def test_the_pdf_follows_the_nav_and_holds_every_page_whole(site, page_texts):
    text = body_text(page_texts)
    cursor = 0
    for md_file in nav_files():
        page = article(soup(html_path(site, md_file)))
        for headerlink in page.select(".headerlink, .paper-download-line, .web-only"):
            headerlink.decompose()
        for block in page.find_all(["h1", "h2", "p", "li", "td"]):
            block_text = normalise(block.get_text())
            if block.find(["p", "li", "table"]) or not block_text:
                continue  # nested blocks are checked on their own
            found = text.find(block_text, cursor)
            assert found >= 0, f"{md_file}: missing or out of order in the PDF: {block_text[:80]!r}"
            cursor = found + len(block_text)


def test_nothing_of_the_web_page_around_the_article(page_texts):
    text = " ".join(page_texts)
    for chrome in ["Skip to content", "¶", "Initializing search", "Search", "Back to top", "Previous", "Next",
                   "Download the full paper", "Table of contents", "Made with", "Link to this section"]:
        assert chrome not in text


def test_every_page_has_text_and_the_running_footer(reader, page_texts):
    pages = len(reader.pages)
    assert pages >= len(nav_files()) + 1  # each part starts a page; the contents list has its own
    for number, text in enumerate(page_texts, start=1):
        footer = FOOTER.search(text)
        assert footer and footer.groups() == (str(number), str(pages)), f"page {number}: {text[-200:]!r}"
        assert len(FOOTER.sub("", text).strip()) > 100, f"page {number} is blank or nearly so"


def test_cover_then_contents_with_the_right_page_numbers(site, reader, page_texts):
    cover = normalise(page_texts[0])
    for fact in ["Overview and Scrutiny Committee", "Meeting to be held on 5 December 2014",
                 "Lancashire Safeguarding Children Board - Early Help Thematic Inspection Findings",
                 "Electoral Division affected: All", "Contact for further information",
                 "Jane Booth, Independent Chair", "Kathryn Grindrod, Business Manager"]:
        assert fact in cover
    contents = page_texts[1].splitlines()
    assert contents[0] == "Contents"
    destinations = reader.named_destinations
    for title, md_file in nav_titles(site):
        line = next((line for line in contents if line.startswith(title)), None)
        assert line, f"{title!r} is not in the contents list"
        printed = int(re.search(r"(\d+)$", line)[1])
        assert printed == reader.get_destination_page_number(destinations[part_of(md_file)]) + 1, line


def test_bookmarks_follow_the_headings_of_every_section_and_appendix(site, reader):
    titles = outline_titles(reader.outline)
    for md_file in nav_files():
        for heading in article(soup(html_path(site, md_file))).find_all(["h1", "h2"]):
            for headerlink in heading.select(".headerlink"):
                headerlink.decompose()
            assert heading.get_text().strip() in titles, md_file
    assert any(title.startswith("Appendix A") for title in titles)


def test_internal_links_all_land_and_cross_references_are_links(reader):
    destinations = reader.named_destinations
    internal, external = [], []
    for page in reader.pages:
        for annotation in page.get("/Annots", []):
            annotation = annotation.get_object()
            if annotation["/Subtype"] != "/Link":
                continue
            if "/Dest" in annotation:
                internal.append(str(annotation["/Dest"]))
            else:
                external.append(str(annotation["/A"]["/URI"]))
    assert [d for d in internal if d not in destinations] == []
    for target in ["appendices/appendix-a", "appendices/appendix-b", "appendices/appendix-c", "appendices/cse-report",
                   "background/early-help-inspection:para-2-3", "background-papers:paper-1", "background/annual-report:para-1-1"]:
        assert target in internal
    assert [uri for uri in external if not uri.startswith(("mailto:", "tel:"))] == []


def test_paragraph_numbers_as_on_the_web(site, page_texts):
    text = body_text(page_texts)
    for md_file in nav_files():
        for number in article(soup(html_path(site, md_file))).select("a.paragraph-number"):
            paragraph = normalise(number.parent.get_text())
            assert paragraph in text, f"{md_file}: {paragraph[:40]!r}"


def test_tagged_pdf_ua_with_title_language_and_author(reader):
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert root["/MarkInfo"]["/Marked"] == True  # noqa: E712 (a PDF boolean object)
    assert root["/Lang"] in ("en", "en-GB")
    assert reader.metadata.title == SITE_NAME
    assert reader.metadata.author == CONFIG["site_author"]
    assert b'pdfuaid:part="1"' in root["/Metadata"].get_object().get_data()


def test_only_font_subsets_are_embedded(reader):
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    assert fonts and all(re.fullmatch(r"/[A-Z]{6}\+.+", name) for name in fonts), fonts
    assert all("Liberation-Sans" in name for name in fonts), fonts


def test_the_pdf_is_small(pdf_file):
    assert pdf_file.stat().st_size < 300_000


def test_every_page_links_to_the_pdf_with_its_real_size_and_page_count(site, pdf_file, reader):
    size_kb = max(1, round(pdf_file.stat().st_size / 1024))
    for md_file in nav_files():
        page = html_path(site, md_file)
        link = soup(page).select_one("article a.paper-download")
        assert link is not None, md_file
        assert link.get_text() == f"Download the full paper (PDF, {size_kb} KB, {len(reader.pages)} pages)"
        href = link["href"]
        assert not href.startswith("/") and ":" not in href, href  # relative: works from file:// and any sub-path
        assert (page.parent / href).resolve() == pdf_file.resolve(), md_file
        assert link.get("tabindex") in (None, "0") and not link.find_parent(attrs={"aria-hidden": "true"})


def test_the_switch_skips_the_pdf_and_its_link(tmp_path):
    quick = run_build(ROOT / "mkdocs.yml", tmp_path / "site", pdf=False)
    assert quick.returncode == 0, quick.output
    assert not (quick.site / PDF_NAME).exists()
    assert soup(quick.site / "index.html").select(".paper-download") == []


@pytest.mark.parametrize("fixture, message", [
    ("pdf-broken-image",
     "WARNING -  docs/index.md: in the PDF, WeasyPrint: Failed to load image at 'chart.png'; "
     "the file is missing or is not an image WeasyPrint can read: use a PNG, JPEG, GIF or SVG file"),
    ("pdf-missing-anchor",
     "WARNING -  docs/index.md: in the PDF, WeasyPrint: No anchor #extra:details (extra.html#details) "
     "for internal URI reference; the PDF holds only the pages in the nav: link to one of those, and to an anchor that exists"),
])
def test_a_problem_only_weasyprint_sees_fails_the_build_naming_page_and_problem(fixture, message, tmp_path):
    result = run_build(FIXTURES / fixture / "mkdocs.yml", tmp_path / "site")
    assert result.returncode == 1, result.output
    warnings = [line for line in result.output.splitlines() if line.startswith(("WARNING", "ERROR"))]
    assert warnings == [message]
    assert "Aborted with 1 warnings in strict mode!" in result.output
    assert "Traceback" not in result.output
