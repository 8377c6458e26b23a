"""The search index rules (hooks/committee_paper/outputs/search_index.py) on small
pages, and the index of the made-up paper's build: every paragraph once, nothing for the PDF only."""

from __future__ import annotations

import html
import json
import re

from committee_paper.outputs.search_index import WEBSITE_PAGE_BOOST, PageText, page_entries, reindex
from conftest import article, html_path, nav_files, soup
from paper_facts import paragraph_pages

PAGE = """<h1 id="2-thematic">2. Depot inspection<a class="headerlink" href="#2-thematic">&para;</a></h1>
<p class="numbered-paragraph" id="para-2-4"><a aria-label="Paragraph 2.4." class="paragraph-number" href="#para-2-4">2.4.</a> The <abbr title="heavy goods vehicle">HGV</abbr> and driver&#8217;s <em>cabins</em> &amp; more.</p>
<p class="pdf-only">Not included in this document.</p>
<h2 id="list">List</h2>
<table><thead><tr><th>Paper</th><th>Date</th></tr></thead>
<tbody><tr id="paper-1"><td>1. <a href="a.html">Winter Plan</a></td><td>Sept<br>2030</td></tr></tbody></table>
<ul><li>One <strong>item</strong></li><li>Two</li></ul>"""


def test_a_page_becomes_its_heading_sections_and_one_entry_per_numbered_paragraph():
    entries = page_entries(PageText("b/depots.html", "2. Gritter depots", PAGE))
    assert entries == [
        {"location": "b/depots.html", "title": "2. Depot inspection", "text": ""},
        {
            "location": "b/depots.html#para-2-4",
            "title": "2.4 — Gritter depots",
            "text": "<p>Paragraph 2.4. The HGV and driver's cabins &amp; more.</p>",
            "typographic": "driver’s",
        },
        {
            "location": "b/depots.html#list",
            "title": "List",
            "text": "<p>Paper — Date</p><p>1. Winter Plan — Sept 2030</p><p>One item</p><p>Two</p>",
        },
    ]


def test_text_before_the_first_heading_is_the_page_entry_under_the_nav_title():
    entries = page_entries(
        PageText(
            "index.html",
            "Cover report",
            '<p><strong>Committee</strong><br>Meeting</p><h1 id="title">Report</h1><p>Text</p>',
        )
    )
    assert entries == [
        {"location": "index.html", "title": "Cover report", "text": "<p>Committee Meeting</p>"},
        {"location": "index.html#title", "title": "Report", "text": "<p>Text</p>"},
    ]


def test_a_website_page_ranks_after_the_paper():
    entries = page_entries(
        PageText(
            "accessibility.html",
            "Accessibility statement",
            '<h1 id="a">Accessibility</h1><h2 id="b">Tests</h2><p>HGV</p>',
            website_only=True,
        )
    )
    assert [entry["boost"] for entry in entries] == [WEBSITE_PAGE_BOOST, WEBSITE_PAGE_BOOST]


def test_reindex_keeps_materials_choices_and_follows_reading_order():
    index = {
        "config": {"fields": {"title": {"boost": 1000}, "text": {"boost": 1}, "tags": {"boost": 1e6}}},
        "docs": [
            {"location": "z.html", "title": "Z", "text": "old", "tags": ["A-ROAD"], "boost": 2},
            {"location": "z.html#s", "title": "S", "text": "old", "tags": ["A-ROAD"], "boost": 2},
            {"location": "a.html", "title": "A", "text": "kept as Material made it"},
        ],
    }
    pages = [
        PageText("z.html", "Z", '<h1 id="z">Z</h1><p>new</p>', website_only=True),
        PageText("excluded.html", "E", "<p>never indexed</p>"),
    ]
    remade = reindex(index, pages)
    assert remade["docs"] == [
        {"location": "z.html", "title": "Z", "text": "<p>new</p>", "tags": ["A-ROAD"], "boost": 2},
        {"location": "a.html", "title": "A", "text": "kept as Material made it"},
    ]
    assert remade["config"]["fields"]["typographic"] == {"boost": 1}


# The made-up paper's build -----------------------------------------------------------------


def test_every_numbered_paragraph_is_indexed_once_at_its_anchor_and_the_rest_of_its_page_too(site):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    inlined = (site / "search" / "search_index.js").read_text(encoding="utf-8")
    assert inlined == f"var __index = {json.dumps(index, ensure_ascii=False, separators=(',', ':'))}", (
        "the offline copy is not the remade index"
    )
    locations = [entry["location"] for entry in index["docs"]]
    assert len(locations) == len(set(locations))
    text = " ".join(entry["text"] for entry in index["docs"])
    paragraphs = 0
    for md_file in nav_files():
        url = md_file.replace(".md", ".html")
        entries = {
            entry["location"]: f"{entry['title']} {entry['text']}"
            for entry in index["docs"]
            if entry["location"].split("#")[0] == url
        }
        for paragraph in article(soup(html_path(site, md_file))).select("p.numbered-paragraph"):
            paragraphs += 1
            words = " ".join(paragraph.get_text().split()[1:]).replace("&", "&amp;")  # without its number
            # In its own entry, and no longer in its page's other entries (the page's other text is).
            assert words in entries.pop(f"{url}#{paragraph['id']}")
            assert [location for location, other in entries.items() if words in other] == []
        # The page's other text is still found, in its other entries (the theme's masthead
        # line, the same on every page, is not the page's text, nor are the site's notes in it).
        rest = article(soup(html_path(site, md_file)))
        for not_indexed in rest.select(
            "p.numbered-paragraph, .headerlink, .paper-download-line, .paper-masthead, .pdf-only, .site-notice"
        ):
            not_indexed.decompose()
        indexed = set(re.findall(r"\w+", html.unescape(" ".join(entries.values())).lower()))
        assert set(re.findall(r"\w+", rest.get_text(" ").lower())) - indexed == set(), md_file
    assert paragraphs == len(paragraph_pages()) > 0
    # Passages for the PDF only (issue 10 marks them) are hidden on the web, so not searched either.
    for md_file in nav_files():
        for passage in article(soup(html_path(site, md_file))).select(".pdf-only"):
            assert " ".join(passage.get_text().split()) not in text, (
                f"{md_file}: a passage for the PDF only is in the index"
            )


def test_the_search_languages_are_a_list_whose_lunr_scripts_the_site_serves(site):
    """Material's search loads lunr.<code>.min.js for each language but English: a language given as a string ("en")
    would be read letter by letter and load scripts that do not exist, and search would never answer."""
    languages = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]["lang"]
    assert isinstance(languages, list) and languages, languages
    lunr = site / "assets" / "javascripts" / "lunr" / "min"
    assert [code for code in languages if code != "en" and not (lunr / f"lunr.{code}.min.js").is_file()] == []
