"""Nothing invented, nothing dropped: the site against the source paper."""

import re

from conftest import article, html_path, nav_files, soup
from paper_facts import (
    DOCS,
    anchor,
    appendices,
    contact,
    html_file,
    paragraph_numbers,
    paragraph_pages,
    settings,
    source_text,
)
from source_text import altered, missing_in_order, normalise, source_sentences

SOURCE_TEXT = source_text()
PARAGRAPH_NUMBERS = paragraph_numbers()
SECTION_PAGES = paragraph_pages()  # each numbered paragraph's page, as docs/ places it
ABBREVIATIONS = dict(
    re.findall(
        r"^\*\[([^\]]+)\]: (.+)$", (DOCS / "includes" / "abbreviations.md").read_text(encoding="utf-8"), re.MULTILINE
    )
)
WEBSITE_MEANING = "{} (this website's meaning, not the paper's words)"
ROMAN = re.compile(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})")


def site_text(site) -> str:
    return normalise(" ".join(article(soup(html_path(site, f))).get_text() for f in nav_files()))


def test_the_source_has_sentences_to_check():
    sentences = source_sentences(SOURCE_TEXT)
    assert len(sentences) >= len(PARAGRAPH_NUMBERS) > 0
    # A paragraph the source breaks across a page runs on: no sentence starts mid-paragraph, in lower case.
    assert [sentence for sentence in sentences if sentence[:1].islower()] == []


def test_every_sentence_of_the_source_appears_verbatim_in_report_order(site):
    assert missing_in_order(source_sentences(SOURCE_TEXT), site_text(site)) == []


def test_a_changed_word_is_caught(site):
    """The check itself can fail: alter one word of one sentence."""
    assert missing_in_order(altered(source_sentences(SOURCE_TEXT)), site_text(site)) != []


def test_every_numbered_paragraph_has_a_permalinked_anchor(site):
    assert list(SECTION_PAGES) == PARAGRAPH_NUMBERS, "docs/ numbers the source's paragraphs, each once, in order"
    for number in PARAGRAPH_NUMBERS:
        page = article(soup(html_path(site, SECTION_PAGES[number])))
        paragraph = page.find(id=anchor(number))
        assert paragraph is not None and paragraph.name == "p", anchor(number)
        permalink = paragraph.find("a", class_="paragraph-number")
        assert permalink["href"] == f"#{anchor(number)}"
        assert permalink.get_text().rstrip(".") == number, "the number stays visible"


def test_appendix_pages_exist_and_are_linked_both_ways(site):
    papers = article(soup(site / "background-papers.html"))
    paper_pages = [md_file for md_file in nav_files() if md_file != "background-papers.md"]
    assert appendices()
    for appendix in appendices():
        page = article(soup(html_path(site, appendix.page)))
        name = appendix.page.split("/")[-1].replace(".md", ".html")
        person = contact(appendix.paper.contact)
        # Directly under the title: the text is not here, and whom to ask for it.
        notice_tag = page.find("h1").find_next_sibling(lambda tag: "paper-download-line" not in tag.get("class", []))
        notice = " ".join(notice_tag.get_text().split())
        assert "Its text is not published on this website." in notice
        assert (
            f"gives it as paper {appendix.paper.row}, dated {appendix.paper.date}, with {person['name']} as its contact. To ask for a copy, contact:"
            in notice
        )
        mailto = f"mailto:{person['email']}"
        email = notice_tag.find_next_sibling("ul").find(
            "a", href=lambda href, mailto=mailto: href.split("?")[0] == mailto
        )
        assert email is not None, appendix.page
        assert papers.find("tr", id=f"paper-{appendix.paper.row}").find("a", href=f"appendices/{name}")
        linking = [
            md_file
            for md_file in paper_pages
            if md_file != appendix.page
            and article(soup(html_path(site, md_file))).find(
                "a", href=lambda href, name=name: href.split("#")[0].endswith(f"appendices/{name}")
            )
        ]
        assert linking, f"no page of the paper links to {appendix.page}"
        back = [a["href"] for a in page.find_all("a", href=True)]
        assert f"../background-papers.html#paper-{appendix.paper.row}" in back
        if appendix.attached:
            section, paragraph = appendix.attached
            assert article(soup(html_path(site, section))).find("a", href=f"../appendices/{name}"), (
                f"{section} links to {name}"
            )
            assert f"../{html_file(section)}#{anchor(paragraph)}" in back


def test_appendix_pages_write_no_content_for_the_appendices(site):
    """An appendix page quotes only the paper itself: every quotation is a source sentence or part of one."""
    source = normalise(SOURCE_TEXT.replace("**", ""))
    for appendix in [appendix.page for appendix in appendices()]:
        text = normalise(article(soup(html_path(site, appendix))).get_text())
        for quotation in re.findall(r'"([^"]+)"', text):
            assert quotation.rstrip(".") in source, (appendix, quotation)


def test_glossary_covers_every_abbreviation_used(site):
    glossary = article(soup(site / "glossary.html"))
    listed = {row.find("td").get_text(strip=True) for row in glossary.find("tbody").find_all("tr")}
    # Roman numerals ("Part II") and the words extra.paper.not_abbreviations declares are not abbreviations.
    not_abbreviations = set(settings()["extra"]["paper"].get("not_abbreviations") or [])
    used = {
        word for word in re.findall(r"\b[A-Z]{2,}(?:-[A-Z]{2,})?\b", SOURCE_TEXT) if not ROMAN.fullmatch(word)
    } - not_abbreviations
    plural = {word for word in used if word.endswith("S") and word[:-1] in used}
    assert used - plural - listed == set()


def test_abbreviations_show_their_expansion_on_hover_and_focus(site):
    """Each abbreviation's title is its meaning in docs/includes/abbreviations.md; a meaning the paper never spells out
    says whose it is, and the glossary says it is spelt out nowhere."""
    glossary = {
        row.find("td").get_text(strip=True): " ".join(row.get_text(" ").split())
        for row in article(soup(site / "glossary.html")).select("tbody tr")
    }
    shown = 0
    for md_file in nav_files():
        abbreviations = article(soup(html_path(site, md_file))).find_all("abbr")
        # One Tab stop for each: its first use outside a link (inside one, the link is the stop).
        focusable = [abbr for abbr in abbreviations if not abbr.find_parent("a")]
        names = [abbr.get_text() for abbr in focusable]
        assert [abbr.get("tabindex") for abbr in focusable] == [
            "-1" if name in names[:index] else "0" for index, name in enumerate(names)
        ], md_file
        for abbr in abbreviations:
            name, title = abbr.get_text(), abbr.get("title")
            meaning = ABBREVIATIONS.get(name)
            assert title in (meaning, WEBSITE_MEANING.format(meaning)), (md_file, name, title)
            if title != meaning and name in glossary:
                assert " nowhere" in glossary[name], glossary[name]
            shown += 1
    assert shown, "the paper's abbreviations are marked up"
    for path in site.rglob("*.html"):
        for abbr in article(soup(path)).find_all("abbr"):
            assert abbr.get("title"), (path, abbr)


def test_each_section_page_lists_its_paragraphs_in_its_contents(site):
    for number in PARAGRAPH_NUMBERS:
        page = soup(html_path(site, SECTION_PAGES[number]))
        contents = page.select_one("nav.md-nav--secondary")
        entry = contents.find("a", href=f"#{anchor(number)}")
        assert entry is not None, number
        assert entry.get_text(" ", strip=True).startswith(number + " "), entry.get_text()


def test_each_labelled_paragraph_has_a_citable_anchor(site):
    """A paragraph that starts with a bold label, as "**Legal:** …", is citable by it."""
    labelled = [
        (md_file, label)
        for md_file in nav_files()
        for label in re.findall(r"^\*\*([^*\n]+:)\*\*", (DOCS / md_file).read_text(encoding="utf-8"), re.MULTILINE)
    ]
    for md_file, label in labelled:
        slug = re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")
        paragraph = article(soup(html_path(site, md_file))).find("p", id=slug)
        assert paragraph is not None, (md_file, label)
        shown = paragraph.find(class_="paragraph-label")  # the label, not a link to its own paragraph
        assert shown.name == "strong" and shown.get_text() == label


def test_background_papers_nav_label_and_heading_agree(site):
    page = soup(site / "background-papers.html")
    for permalink in article(page).find_all("a", class_="headerlink"):
        permalink.decompose()
    # The Act's heading is over it, as in the paper: the list's own heading is the page's title.
    headings = [heading.get_text(strip=True) for heading in article(page).find_all(re.compile(r"^h[1-6]$"))]
    label = page.select_one(".md-nav--primary .md-nav__link--active").get_text(strip=True)
    assert label != "" and label in headings
