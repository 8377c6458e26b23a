"""The reading rules as plain functions: contents from the nav, email subjects, anchors."""

import markdown

from committee_paper.markup import markup, tokens
from committee_paper.model.contents import ContentsEntry
from committee_paper.render.citable_anchors import CitableAnchorsExtension
from committee_paper.render.glossary_table import mark_website_meanings
from committee_paper.render.mailto import add_subject, mail_subject
from committee_paper.render.nav_contents import render_nav_contents
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


def test_mailto_links_get_a_subject_once():
    page = tokens('<a href="mailto:a@example.org">a</a> <a href="mailto:b@example.org?subject=Kept">b</a>')
    add_subject(page, mail_subject("Paper, 4 December 2030", "Appendix A: Report"))
    assert markup(page) == (
        '<a href="mailto:a@example.org?subject=Paper%2C%204%20December%202030%3A%20Appendix%20A%3A%20Report">a</a> '
        '<a href="mailto:b@example.org?subject=Kept">b</a>'
    )


def test_an_abbreviation_no_page_spells_out_says_its_meaning_is_the_websites():
    page = tokens(
        '<p><abbr tabindex="0" title="Children &amp; Young People">CYP</abbr> <abbr title="Kept">K</abbr></p>'
    )
    mark_website_meanings(page, {"Children & Young People"})
    assert markup(page) == (
        '<p><abbr tabindex="0" title="Children &amp; Young People (this website&#x27;s meaning, not the paper&#x27;s words)">'
        'CYP</abbr> <abbr title="Kept">K</abbr></p>'
    )


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
