"""The reading rules as plain functions: contents from the nav, email subjects, anchors."""

import xml.etree.ElementTree as etree

import markdown
import pytest
from bs4 import BeautifulSoup
from markdown.extensions.abbr import AbbrExtension

from committee_paper.markup import tokens
from committee_paper.model.contents import ContentsEntry
from committee_paper.render.citable_anchors import CitableAnchorsExtension
from committee_paper.render.glossary_table import WEBSITE_MEANING, mark_website_meanings
from committee_paper.render.mailto import add_subject, mail_subject
from committee_paper.render.nav_contents import render_nav_contents
from committee_paper.render.page_facts import PageFacts, PageFactsExtension
from committee_paper.render.paragraph_contents import paragraph_entries
from committee_paper.render.title import TitleParts, title_parts

NAV = [
    ContentsEntry("Cover", "index.md"),
    ContentsEntry(
        "Sections",
        children=[ContentsEntry("1. First", "background/first.md"), ContentsEntry("2. Second", "background/second.md")],
    ),
    ContentsEntry("Appendix A: *the* report", "appendices/appendix-a.md"),
]


def test_nav_contents_lists_every_page_linked_from_where_it_is_shown():
    rendered = render_nav_contents("Before\n\n<!-- nav-contents -->\n\nAfter", NAV, "background/first.md")
    assert rendered == (
        "Before\n\n\n- [Cover](../index.md)\n- Sections\n    - [1. First](first.md)\n    - [2. Second](second.md)\n"
        "- [Appendix A: \\*the\\* report](../appendices/appendix-a.md)\n\n\nAfter"
    )
    assert render_nav_contents("No marker here", NAV, "index.md") == "No marker here"


def _with_facts(text: str, facts: PageFacts, glossary: dict[str, str] | None = None) -> str:
    """``text`` rendered as MkDocs renders a page: a Markdown instance made from the build's extension instance."""
    extension = PageFactsExtension()
    extension.page = facts
    return markdown.Markdown(extensions=[AbbrExtension(glossary=glossary or {}), extension]).convert(text)


def test_mailto_links_get_a_subject_once():
    subject = mail_subject("Paper, 4 December 2030", "Appendix A: Report")
    html = _with_facts(
        "[a](mailto:a@example.org) [b](mailto:b@example.org?subject=Kept) <c@example.org> [d](https://example.org)",
        PageFacts(subject, set()),
    )
    # An autolink's address is written plainly once it has a subject, as a browser reads it.
    assert [link.get("href") for link in BeautifulSoup(html, "html.parser").find_all("a")] == [
        "mailto:a@example.org?subject=Paper%2C%204%20December%202030%3A%20Appendix%20A%3A%20Report",
        "mailto:b@example.org?subject=Kept",
        "mailto:c@example.org?subject=Paper%2C%204%20December%202030%3A%20Appendix%20A%3A%20Report",
        "https://example.org",
    ]
    assert 'href="mailto:c@example.org?subject=Paper%2C' in html


def test_add_subject_names_the_paper_alone_off_an_appendix():
    page = etree.fromstring('<div><a href="mailto:a@example.org">a</a><a href="tel:+441234">t</a></div>')
    add_subject(page, mail_subject("Paper"))
    assert [link.get("href") for link in page] == ["mailto:a@example.org?subject=Paper", "tel:+441234"]


def test_an_abbreviation_no_page_spells_out_says_its_meaning_is_the_websites():
    html = _with_facts(
        "CYP and K.", PageFacts("Paper", {"Children & Young People"}), {"CYP": "Children & Young People", "K": "Kept"}
    )
    assert html == (
        "<p><abbr title=\"Children &amp; Young People (this website's meaning, not the paper's words)\">CYP</abbr> "
        'and <abbr title="Kept">K</abbr>.</p>'
    )


def test_mark_website_meanings_changes_only_the_meanings_it_is_given():
    page = etree.fromstring('<p><abbr title="Website">W</abbr> <abbr title="Paper">P</abbr></p>')
    mark_website_meanings(page, {"Website"})
    assert [abbr.get("title") for abbr in page] == [WEBSITE_MEANING.format(meaning="Website"), "Paper"]


def test_a_page_rendered_without_its_facts_is_an_error():
    with pytest.raises(ValueError, match="before the build set its facts"):
        markdown.Markdown(extensions=[PageFactsExtension()]).convert("[a](mailto:a@example.org)")


def test_numbered_paragraphs_become_contents_entries_of_their_number_and_first_words():
    page = tokens(
        '<p class="numbered-paragraph" id="para-2-4"><a class="paragraph-number" href="#para-2-4">2.4.</a> '
        'The <em>children&#8217;s</em> homes &amp; the seven other words here.</p><p id="x">Not numbered.</p>'
    )
    assert paragraph_entries(page) == [
        ("para-2-4", '<span class="paragraph-number">2.4</span> The children’s homes &amp; the seven…'),
    ]


def render(text: str) -> str:
    return markdown.markdown(text, extensions=["abbr", "tables", CitableAnchorsExtension("Paper")])


def test_paragraph_numbers_show_one_way_and_labels_become_anchors():
    html = render("2.1. Text.\n\n5.1 More.\n\n**Legal:** The law.")
    assert (
        '<a aria-label="Paragraph 2.1" class="paragraph-number" href="#para-2-1" title="Link to paragraph 2.1">2.1</a> Text.'
        in html
    )
    assert ">5.1</a> More." in html
    assert '<p class="labelled-paragraph" id="legal"><strong class="paragraph-label">Legal:</strong> The law.' in html


def test_headings_are_named_by_their_words_and_permalinks_by_what_they_do():
    html = markdown.markdown(
        "## Cost of *care*",
        extensions=["toc", CitableAnchorsExtension("Paper")],
        extension_configs={"toc": {"permalink": True, "permalink_title": "Link to this section"}},
    )
    assert html == (
        '<h2 aria-labelledby="cost-of-care--words" id="cost-of-care"><span id="cost-of-care--words">Cost of <em>care</em></span>'
        '<a aria-label="Link to this section" class="headerlink" href="#cost-of-care" title="Link to this section">&para;</a></h2>'
    )


def test_one_tab_stop_per_abbreviation_and_labelled_table_cells():
    html = render("LA and LA, [LA](x.md).\n\n| Paper | Date |\n| --- | --- |\n| 1. A | May |\n\n*[LA]: Local Authority")
    assert html.count('tabindex="0"') == 1 and html.count('tabindex="-1"') == 1
    assert '<a href="x.md"><abbr title="Local Authority">LA</abbr></a>' in html
    assert '<td data-label="Paper">1. A</td>' in html and '<td data-label="Date">May</td>' in html


def test_a_pages_title_and_the_shortcuts_after_it_come_apart_from_the_rest_by_its_elements():
    page = (
        '<p>Committee</p>\n<h1 id="t">Title <a href="#t">&para;</a></h1>\n'
        '<nav aria-label="Go to" class="paper-shortcuts web-only">\n<ul><li><a href="#r">R</a></li></ul>\n</nav>\n'
        "<p>Rest</p>\n<h1>Second</h1>\n"
    )
    parts = title_parts(tokens(page))
    assert parts == TitleParts(
        '<p>Committee</p>\n<h1 id="t">Title <a href="#t">&para;</a></h1>',
        '\n<nav aria-label="Go to" class="paper-shortcuts web-only">\n<ul><li><a href="#r">R</a></li></ul>\n</nav>',
        "\n<p>Rest</p>\n<h1>Second</h1>\n",
    )
    # Inside a part of the one-page paper; no shortcuts: the rest starts after the title.
    nested = '<section id="s"><h1>T</h1>\n<nav class="other"></nav></section>'
    assert title_parts(tokens(nested)) == TitleParts(
        '<section id="s"><h1>T</h1>', "", '\n<nav class="other"></nav></section>'
    )
    assert title_parts(tokens("<h2>No title</h2>")) is None
