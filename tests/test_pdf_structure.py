"""The paper's structure, kept on the web, on the one page and in the PDF: the source's headings
are headings, each stays on the PDF sheet of what it heads, captions are numbered once through
the PDF, and the bookmarks nest the nav's groups (as the one page's contents do)."""

from __future__ import annotations

import re

import pytest
import yaml
from pypdf import PdfReader

from conftest import PAPER, SOURCE, article, html_path, nav_files, soup
from source_text import normalise
from test_pdf import FOOTER, PDF_NAME, pdf_files, printed_article

HEADINGS = re.compile(r"^h[1-6]$")
SOURCE_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*$", re.MULTILINE)
LEAD = 24  # characters of a block's text that say where it starts


@pytest.fixture(scope="module")
def pdf(site) -> PdfReader:
    return PdfReader(site / PDF_NAME)


@pytest.fixture(scope="module")
def sheets(pdf) -> list[str]:
    """Each PDF page's text without its running footer, as one line."""
    return [normalise(FOOTER.sub(" ", page.extract_text())) for page in pdf.pages]


def source_headings() -> list[str]:
    return [
        normalise(match[1].replace("**", "")) for match in SOURCE_HEADING.finditer(SOURCE.read_text(encoding="utf-8"))
    ]


def heading_text(heading) -> str:
    return normalise(
        "".join(text for text in heading.find_all(string=True) if not text.find_parent(class_="headerlink"))
    )


def nav_groups() -> list[tuple[str, list[str]]]:
    """(title, Markdown files) of each group of the nav, from mkdocs.yml."""
    nav = yaml.load((PAPER / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)["nav"]
    return [
        (title, [value for child in children for value in (child.values() if isinstance(child, dict) else [child])])
        for item in nav
        if isinstance(item, dict)
        for title, children in item.items()
        if isinstance(children, list)
    ]


def outline_tree(pdf: PdfReader, items=None) -> list[tuple[str, int, list]]:
    """(title, page index, children) of each bookmark."""
    items = pdf.outline if items is None else items
    tree: list[tuple[str, int, list]] = []
    for item in items:
        if isinstance(item, list):
            tree[-1][2].extend(outline_tree(pdf, item))
        else:
            tree.append((normalise(item.title), pdf.get_destination_page_number(item), []))
    return tree


def flatten(tree) -> list[tuple[str, int, list]]:
    return [entry for node in tree for entry in [node, *flatten(node[2])]]


def test_every_heading_of_the_source_is_a_heading_on_the_web_and_a_bookmark_in_the_pdf(site, pdf):
    web = {
        heading_text(h) for md_file in nav_files() for h in article(soup(html_path(site, md_file))).find_all(HEADINGS)
    }
    bookmarks = {title for title, _, _ in flatten(outline_tree(pdf))}
    headings = source_headings()
    assert headings, "the source has headings"
    assert [h for h in headings if h not in web] == [], "headings of the paper that are not headings on the web"
    assert [h for h in headings if h not in bookmarks] == [], "headings of the paper that are not bookmarks in the PDF"


def test_each_heading_stays_on_the_sheet_of_what_it_heads(site, pdf, sheets):
    bookmarks = flatten(outline_tree(pdf))  # in document order, as the headings are
    cursor = 0
    apart = []
    for md_file in pdf_files():
        for heading in printed_article(site, md_file).find_all(HEADINGS):
            title = heading_text(heading)
            at = next((index for index in range(cursor, len(bookmarks)) if bookmarks[index][0] == title), None)
            assert at is not None, f"{md_file}: the heading '{title}' has no bookmark (or is out of order)"
            cursor, page = at + 1, bookmarks[at][1]
            following = heading.find_next(lambda tag: HEADINGS.match(tag.name) or tag.name in ("p", "li", "th", "td"))
            lead = (
                ""
                if following is None
                else (heading_text(following) if HEADINGS.match(following.name) else normalise(following.get_text()))[
                    :LEAD
                ]
            )
            if lead and lead not in sheets[page]:
                apart.append(f"{md_file}: '{title}' on page {page + 1}, '{lead}' is not")
    assert apart == []


def test_the_bookmarks_put_each_page_under_its_nav_group(site, pdf):
    tree = outline_tree(pdf)
    top = {title: children for title, _, children in tree}
    in_pdf = set(pdf_files())
    groups = [(title, [f for f in files if f in in_pdf]) for title, files in nav_groups()]
    assert any(files for _, files in groups), "the nav has groups with pages in the PDF"
    for title, files in groups:
        if not files:
            continue
        assert normalise(title) in top, f"no bookmark for the group '{title}'"
        under = [child for child, _, _ in top[normalise(title)]]
        titles = [heading_text(printed_article(site, md_file).find("h1")) for md_file in files]
        assert under == titles, f"the group '{title}' holds {under}"


def test_the_one_pages_contents_nest_each_page_under_its_nav_group(site):
    page = soup(site / "whole-paper.html")
    toc = page.select_one("nav.md-nav--secondary")
    entries = {normalise(link.get_text()): link for link in toc.select("a.md-nav__link")}
    for title, files in nav_groups():
        on_page = [f for f in files if page.find("section", id=f.removesuffix(".md"))]
        if not on_page:
            continue
        group = entries[normalise(title)]
        assert page.find(id=group["href"][1:]) is not None, f"the group '{title}' links to nothing"
        nested = group.find_parent("li").select(":scope > nav > ul > li > a.md-nav__link")
        assert [a["href"] for a in nested] == ["#" + f.removesuffix(".md") for f in on_page]
