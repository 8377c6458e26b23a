"""The whole paper on one page (committee_paper/stages/one_page.py): complete, in order, citable, and nowhere it should not be."""

import json
import re
from itertools import pairwise

import pytest
import yaml
from bs4 import BeautifulSoup
from pypdf import PdfReader

from committee_paper.model.contents import ContentsEntry
from committee_paper.outputs.document import Part, assemble
from committee_paper.outputs.whole_paper import whole_paper
from conftest import ROOT, SOURCE, article, html_path, nav_files, run_build, soup
from paper_facts import DOCS, anchor, appendices, background_papers, html_file, paragraph_pages
from source_text import altered, missing_in_order, normalise, source_sentences
from test_checks import broken_project
from test_content import PARAGRAPH_NUMBERS

PAGE = "whole-paper.html"
LINK_TEXT = "Read the whole paper on one page"
from test_pdf import PDF_NAME, body_text  # noqa: E402  (named from the meeting)

FIXTURES = ROOT / "tests" / "fixtures" / "whole-paper"


def front_matter(md_file: str) -> dict:
    text = (DOCS / md_file).read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---")[1]) if text.startswith("---") else {}


def paper_files() -> list[str]:
    """The nav's pages that are part of the paper: not the website's own (pdf: false, whole_paper: false)."""
    return [
        f
        for f in nav_files()
        if front_matter(f).get("pdf") is not False and front_matter(f).get("whole_paper") is not False
    ]


def one_page(site):
    return article(soup(site / PAGE))


def test_every_sentence_of_the_source_is_on_the_one_page_in_report_order(site):
    text = normalise(one_page(site).get_text())
    assert missing_in_order(source_sentences(SOURCE.read_text(encoding="utf-8")), text) == []
    assert missing_in_order(altered(source_sentences(SOURCE.read_text(encoding="utf-8"))), text) != [], (
        "the check can fail"
    )


def test_the_parts_are_the_papers_pages_in_nav_order_and_nothing_else(site):
    parts = [section["id"] for section in one_page(site).find_all("section", class_="whole-paper-part")]
    assert parts == [f.removesuffix(".md") for f in paper_files()]
    assert (
        parts[0] == "index"
        and "background-papers" in parts
        and {appendix.page.removesuffix(".md") for appendix in appendices()} <= set(parts)
    )
    text = normalise(one_page(site).get_text())
    for website_page in [md_file for md_file in nav_files() if md_file not in paper_files()]:
        assert website_page.removesuffix(".md") not in parts
        title = article(soup(html_path(site, website_page))).h1
        title.find("a", class_="headerlink").decompose()
        assert normalise(title.get_text()) not in text, website_page


def test_each_part_is_its_pages_own_content_word_for_word(site):
    page = one_page(site)
    for md_file in paper_files():
        own = article(soup(html_path(site, md_file)))
        # The page's links to the PDF, zip and this page; its masthead; the cover's list of the
        # site's pages, whose place the one page's own contents list takes.
        for line in (
            own.find_all(class_="paper-download-line")
            + own.find_all(class_="paper-masthead")
            + own.find_all("nav", class_="paper-contents")
        ):
            line.decompose()
        part = page.find("section", id=md_file.removesuffix(".md"))
        # The one page's own links to the PDF and zip follow its title, the cover's.
        for contents in part.find_all("nav", class_="paper-contents") + part.find_all(class_="paper-download-line"):
            contents.decompose()
        assert normalise(part.get_text()) == normalise(own.get_text()), md_file


def test_every_numbered_paragraph_keeps_its_number_and_anchor(site):
    page = one_page(site)
    for number in PARAGRAPH_NUMBERS:
        anchor = "para-" + number.replace(".", "-")
        paragraph = page.find(id=anchor)
        assert paragraph is not None and paragraph.name == "p", anchor
        permalink = paragraph.find("a", class_="paragraph-number")
        assert permalink["href"] == f"#{anchor}" and permalink.get_text().rstrip(".") == number
    assert [row["id"] for row in page.find_all("tr", id=re.compile(r"^paper-"))] == [
        f"paper-{paper.row}" for paper in background_papers()
    ]


def test_ids_are_unique_and_every_in_page_link_has_its_target(site):
    page = soup(site / PAGE)
    ids = [element["id"] for element in page.find_all(id=True)]
    assert len(ids) == len(set(ids))
    for link in one_page(site).find_all("a", href=True):
        href = link["href"]
        if href.startswith("#"):
            assert href[1:] in ids, href


def test_links_between_parts_stay_on_the_page(site):
    page = one_page(site)
    paper_pages = {f.replace(".md", ".html") for f in paper_files()}
    leaving = [a["href"] for a in page.find_all("a", href=True) if a["href"].split("#")[0] in paper_pages]
    assert leaving == []
    for appendix in appendices():
        part = page.find("section", id=appendix.page.removesuffix(".md"))
        assert part.find("a", href=f"#paper-{appendix.paper.row}"), appendix.page
        if appendix.attached:
            assert part.find("a", href=f"#{anchor(appendix.attached[1])}"), "its paragraph is linked within the page"
    cover = page.find("section", id="index")
    linked = re.findall(r"\]\((appendices/[^)#]+)\.md\)", (DOCS / "index.md").read_text(encoding="utf-8"))
    assert [target for target in linked if not cover.find("a", href=f"#{target}")] == []


def test_one_title_and_headings_one_level_below_the_cover(site):
    page = one_page(site)
    assert len(page.find_all("h1")) == 1 and page.find("h1")["id"] == "report-title"
    levels = [int(h.name[1]) for h in page.find_all(re.compile(r"^h[1-6]$"))]
    assert all(b <= a + 1 for a, b in pairwise(levels)), levels
    # Each part's title sits one level below the heading it comes under: its nav group's, else the paper's title.
    for part in page.find_all("section", class_="whole-paper-part")[1:]:
        title = part.find(re.compile(r"^h[1-6]$"))
        group = part.find_parent("section", class_="whole-paper-group")
        above = group.find(re.compile(r"^h[1-6]$")) if group else page.find("h1")
        assert int(title.name[1]) == int(above.name[1]) + 1, (part["id"], title.name, above.get_text())


def test_contents_list_takes_the_place_of_the_covers_and_links_every_part(site):
    page = one_page(site)
    contents = page.find("nav", class_="paper-contents")
    assert contents is not None and contents.find_previous("h1") is not None
    cover_contents = article(soup(html_path(site, "index.md"))).find("nav", class_="paper-contents")
    before = cover_contents.find_previous(re.compile(r"^h[1-6]$"))
    assert contents.find_previous(re.compile(r"^h[1-6]$"))["id"] == before["id"], (
        "the contents list is where the cover's was"
    )
    targets = [a["href"] for a in contents.find_all("a")]
    assert targets == ["#" + f.removesuffix(".md") for f in paper_files()]


def test_not_in_the_search_index_which_still_has_every_paragraph(site):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = [doc["location"] for doc in index["docs"]]
    assert not any(location.startswith(PAGE) for location in locations)
    assert [
        f"{html_file(md_file)}#{anchor(number)}"
        for number, md_file in paragraph_pages().items()
        if f"{html_file(md_file)}#{anchor(number)}" not in locations
    ] == []


def test_not_in_the_nav_nor_the_pdf(site):
    for path in [site / "index.html", site / PAGE]:
        sidebar = soup(path).select_one("nav.md-nav--primary")
        assert sidebar.find("a", href=re.compile(r"whole-paper\.html")) is None
    pdf_text = body_text([page.extract_text() for page in PdfReader(site / PDF_NAME).pages])
    assert "The whole paper on one page" not in pdf_text and LINK_TEXT not in pdf_text
    longest = max(source_sentences(SOURCE.read_text(encoding="utf-8")), key=len)
    assert pdf_text.count(longest) == 1, "the paper is in the PDF once"


def test_linked_from_the_cover_and_every_page_of_the_paper_only(site):
    for md_file in nav_files():
        links = [
            a for a in article(soup(html_path(site, md_file))).find_all("a") if a.get_text(strip=True) == LINK_TEXT
        ]
        if md_file in paper_files():
            assert len(links) == 1, md_file
            assert (html_path(site, md_file).parent / links[0]["href"]).resolve() == (site / PAGE).resolve()
        else:
            assert links == [], md_file
    assert [a for a in one_page(site).find_all("a") if a.get_text(strip=True) == LINK_TEXT] == []


def test_has_a_title_and_description_of_its_own(site):
    page = soup(site / PAGE)
    assert page.title.get_text().startswith("The whole paper on one page")
    description = page.find("meta", attrs={"name": "description"})["content"]
    assert (
        description.startswith("The whole paper on one page")
        and description != soup(site / "index.html").find("meta", attrs={"name": "description"})["content"]
    )


# The rule itself, on small inputs.


def test_a_repeated_id_is_prefixed_with_its_part_and_links_follow():
    parts = [
        Part("index.html", "docs/index.md", '<h1 id="t">T</h1><h2 id="copy">Copy</h2><a href="a/x.html#copy">x</a>'),
        Part(
            "a/x.html",
            "docs/a/x.md",
            '<h1 id="x">X</h1><h2 id="copy">Copy</h2><p id="para-1-1"><a href="#copy">c</a> '
            '<a href="../index.html#copy">i</a> <a href="../glossary.html#g">g</a> <a href="../index.html">cover</a></p>',
        ),
    ]
    result = whole_paper(assemble(parts), [ContentsEntry("X", "a/x")], "whole-paper.html")
    assert result.problems == []
    assert result.ids == {
        "index.html": {"t": "t", "copy": "index:copy"},
        "a/x.html": {"x": "x", "copy": "a/x:copy", "para-1-1": "para-1-1"},
    }
    page = BeautifulSoup(result.html, "html.parser")
    assert [a["href"] for a in page.find_all("a")] == [
        "#a/x",
        "#a/x:copy",
        "#a/x:copy",
        "#index:copy",
        "glossary.html#g",
        "#index",
    ]
    assert page.find(id="a/x").find("h2").get_text() == "X", "a part's title moves down a level"


def test_a_level_six_heading_and_a_clashing_id_are_reported():
    parts = [
        Part("index.html", "docs/index.md", '<h1 id="t">T</h1><h2 id="a/x">Clash</h2>'),
        Part("a/x.html", "docs/a/x.md", '<h1 id="x">X</h1><h6 id="deep">Deep</h6>'),
    ]
    assert whole_paper(assemble(parts), [], "whole-paper.html").problems == [
        "docs/a/x.md: heading 'Deep' is level 6 and cannot move down a level on the one-page paper, where every page's "
        "headings do; use level 5 or above",
        "docs/index.md, docs/a/x.md: the one-page paper has the id 'a/x' 2 times; change the heading (or the page's file "
        "name) so each id is used once",
    ]


def test_an_id_repeated_within_one_page_is_left_to_that_pages_own_checks():
    parts = [
        Part("index.html", "docs/index.md", '<h1 id="t">T</h1><p id="para-1-1">1.1</p><p id="para-1-1">1.1 again</p>')
    ]
    result = whole_paper(assemble(parts), [], "whole-paper.html")
    assert result.problems == []
    assert result.html.count('id="para-1-1"') == 2


@pytest.mark.parametrize("case", sorted(FIXTURES.glob("*.yml")), ids=lambda path: path.stem)
def test_a_page_that_cannot_go_on_the_one_page_fails_the_build_with_its_message(case, tmp_path):
    build = run_build(broken_project(case, tmp_path), tmp_path / "site", pdf=False)
    assert build.returncode != 0, build.output
    assert "Traceback" not in build.output
    reported = [
        re.sub(r"^(WARNING|ERROR) +- +", "", line)
        for line in build.output.splitlines()
        if line.startswith(("WARNING", "ERROR"))
    ]
    assert reported == yaml.safe_load(case.read_text(encoding="utf-8"))["expected"]
