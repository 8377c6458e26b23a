"""Nothing invented, nothing dropped: the site against the source paper."""

import re

from conftest import SOURCE, article, html_path, nav_files, soup
from source_text import missing_in_order, normalise, source_sentences

SOURCE_TEXT = SOURCE.read_text(encoding="utf-8")
PARAGRAPHS = re.findall(r"^- (\d+\.\d+)\.?\s|^(\d+\.\d+) ", SOURCE_TEXT, re.MULTILINE)
PARAGRAPH_NUMBERS = [a or b for a, b in PARAGRAPHS]
SECTION_PAGES = {
    "1": "background/annual-report.md",
    "2": "background/early-help-inspection.md",
    "3": "background/information-sharing-pilot.md",
    "4": "background/child-sexual-exploitation.md",
    "5": "consultations.md",
}
APPENDICES = {  # appendix page: (section page, the paragraph that says it is attached, background paper row)
    "appendices/appendix-a.md": ("background/annual-report.md", "1-1", 1),
    "appendices/appendix-b.md": ("background/early-help-inspection.md", "2-3", 2),
    "appendices/appendix-c.md": ("background/information-sharing-pilot.md", "3-3", 3),
    "appendices/cse-report.md": ("background/child-sexual-exploitation.md", "4-6", 4),
}


def site_text(site) -> str:
    return normalise(" ".join(article(soup(html_path(site, f))).get_text() for f in nav_files()))


def test_the_source_has_sentences_to_check():
    sentences = source_sentences(SOURCE_TEXT)
    assert len(sentences) > 90
    assert "In addition, the SEND reforms and future resourcing of all agencies will present challenges in the coordinated delivery of Early Help support." in sentences


def test_every_sentence_of_the_source_appears_verbatim_in_report_order(site):
    assert missing_in_order(source_sentences(SOURCE_TEXT), site_text(site)) == []


def test_a_changed_word_is_caught(site):
    """The check itself can fail: alter one word of one sentence."""
    sentences = source_sentences(SOURCE_TEXT)
    altered = [s.replace("eighteen", "eight") for s in sentences]
    assert missing_in_order(altered, site_text(site)) != []


def test_every_numbered_paragraph_has_a_permalinked_anchor(site):
    assert PARAGRAPH_NUMBERS[0] == "1.1" and PARAGRAPH_NUMBERS[-1] == "5.1" and len(PARAGRAPH_NUMBERS) == 19
    for number in PARAGRAPH_NUMBERS:
        anchor = "para-" + number.replace(".", "-")
        page = article(soup(html_path(site, SECTION_PAGES[number.split(".")[0]])))
        paragraph = page.find(id=anchor)
        assert paragraph is not None and paragraph.name == "p", anchor
        permalink = paragraph.find("a", class_="paragraph-number")
        assert permalink["href"] == f"#{anchor}"
        assert permalink.get_text().rstrip(".") == number, "the number stays visible"


def test_appendix_pages_exist_and_are_linked_both_ways(site):
    cover = article(soup(site / "index.html"))
    papers = article(soup(site / "background-papers.html"))
    for appendix, (section, paragraph, row) in APPENDICES.items():
        page = article(soup(html_path(site, appendix)))
        name = appendix.split("/")[1].replace(".md", ".html")
        # Directly under the title: the text is not here, and whom to ask for it.
        notice = page.find("h1").find_next_sibling(lambda tag: "paper-download-line" not in tag.get("class", []))
        assert "Its text is not published on this website." in notice.get_text()
        assert f"gives it as paper {row}, dated " in notice.get_text() and "with Kathryn Grindrod as its contact. To ask for a copy, contact:" in notice.get_text()
        assert notice.find_next_sibling("ul").find("a", href=lambda href: href.split("?")[0] == "mailto:Kathryn.Grindrod@lancashire.gov.uk")
        assert cover.find("a", href=f"appendices/{name}"), f"cover links to {name}"
        assert papers.find("tr", id=f"paper-{row}").find("a", href=f"appendices/{name}")
        section_page = article(soup(html_path(site, section)))
        assert section_page.find("a", href=f"../appendices/{name}"), f"{section} links to {name}"
        back = [a["href"] for a in page.find_all("a", href=True)]
        assert f"../{section.replace('.md', '.html')}#para-{paragraph}" in back
        assert f"../background-papers.html#paper-{row}" in back


def test_appendix_pages_write_no_content_for_the_appendices(site):
    """An appendix page quotes only the paper itself: every quotation is a source sentence or part of one."""
    source = normalise(SOURCE_TEXT.replace("**", ""))
    for appendix in APPENDICES:
        text = normalise(article(soup(html_path(site, appendix))).get_text())
        for quotation in re.findall(r'"([^"]+)"', text):
            assert quotation.rstrip(".") in source, (appendix, quotation)


def test_glossary_covers_every_abbreviation_used(site):
    glossary = article(soup(site / "glossary.html"))
    listed = {row.find("td").get_text(strip=True) for row in glossary.find("tbody").find_all("tr")}
    used = set(re.findall(r"\b[A-Z]{2,}(?:-[A-Z]{2,})?\b", SOURCE_TEXT)) - {"LSCB's"}
    plural = {word for word in used if word.endswith("S") and word[:-1] in used}
    assert used - plural - listed == set()


def test_abbreviations_show_their_expansion_on_hover_and_focus(site):
    page = article(soup(site / "background/early-help-inspection.html"))
    caf = page.find("abbr", string="CAF")
    assert caf["title"] == "Common Assessment Framework"
    # A meaning the paper never spells out says whose it is.
    assert page.find("abbr", string="CYP")["title"] == "Children and Young People (this website's meaning, not the paper's words)"
    assert caf["tabindex"] == "0"
    for path in site.rglob("*.html"):
        for abbr in article(soup(path)).find_all("abbr"):
            assert abbr.get("title"), (path, abbr)


def test_each_section_page_lists_its_paragraphs_in_its_contents(site):
    for number in PARAGRAPH_NUMBERS:
        page = soup(html_path(site, SECTION_PAGES[number.split(".")[0]]))
        contents = page.select_one("nav.md-nav--secondary")
        entry = contents.find("a", href="#para-" + number.replace(".", "-"))
        assert entry is not None, number
        assert entry.get_text(" ", strip=True).startswith(number + " "), entry.get_text()


def test_each_implication_has_a_citable_anchor(site):
    page = article(soup(site / "implications.html"))
    for anchor, label in [("legal", "Legal:"), ("personnel-and-finance", "Personnel and finance:"), ("equality-and-diversity", "Equality and Diversity:")]:
        paragraph = page.find("p", id=anchor)
        assert paragraph is not None, anchor
        shown = paragraph.find(class_="paragraph-label")  # the label, not a link to its own paragraph
        assert shown.name == "strong" and shown.get_text() == label


def test_background_papers_nav_label_and_heading_agree(site):
    page = soup(site / "background-papers.html")
    for permalink in article(page).find_all("a", class_="headerlink"):
        permalink.decompose()
    # The Act's heading is over it, as in the paper: the list's own heading is the page's title.
    headings = [heading.get_text(strip=True) for heading in article(page).find_all(re.compile(r"^h[1-6]$"))]
    label = page.select_one(".md-nav--primary .md-nav__link--active").get_text(strip=True)
    assert label == "List of Background Papers" and label in headings
