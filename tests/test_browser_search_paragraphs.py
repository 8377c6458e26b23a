"""Search as a member uses it, served over HTTP and opened from disk (file://): paragraph
numbers and phrases open the paragraph, words with apostrophes, abbreviations, the paper
before the website, table rows, and what an empty result says."""

from __future__ import annotations

import json
import re
from functools import cache

import pytest
import yaml

from committee_paper.config import DEFAULTS
from conftest import article, html_path, nav_files, nav_titles, soup
from paper_facts import (
    DOCS,
    abbreviation_with_apostrophe,
    abbreviations_in_one_paragraph,
    anchor,
    apostrophe_phrase,
    appendices,
    paragraph_numbers,
    rare_phrases,
    rarest_date_word,
    search_word_in_a_paragraph,
    search_words,
)
from test_browser_accessibility import axe_violations

SEPARATOR = re.compile(DEFAULTS["search"]["separator"])
RESULTS = ".md-search-result__link"
INLINE = ["a", "abbr", "strong", "em", "span", "code"]


@pytest.fixture(params=["http", "file"])
def origin(request, served, site) -> str:
    """The site's base URL, from a web server or from disk."""
    return served if request.param == "http" else site.as_uri() + "/"


# What the build says about its pages ------------------------------------------------------


def nav_labels(site) -> dict[str, str]:
    """Each nav page's HTML path and its title in the nav (the page's own)."""
    return {md_file.replace(".md", ".html"): title for title, md_file in nav_titles(site)}


def front_matter(md_file: str) -> dict:
    text = (DOCS / md_file).read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n")[1]) if text.startswith("---\n") else {}


@cache
def website_pages() -> frozenset[str]:
    """The pages about the website only (front matter `pdf: false`)."""
    return frozenset(f.replace(".md", ".html") for f in nav_files() if front_matter(f).get("pdf") is False)


@cache
def page_texts(site) -> dict[str, str]:
    """Each nav page's article text, lower-cased, with inline elements run into their words ("<abbr>ABC</abbr>'s")."""
    return {
        md_file.replace(".md", ".html"): plain_text(article(soup(html_path(site, md_file)))).lower()
        for md_file in nav_files()
    }


def plain_text(element) -> str:
    """An element's text, blocks apart and inline elements run into their words ("<abbr>ABC</abbr>'s")."""
    for inline in element.find_all(INLINE):
        inline.unwrap()
    element.smooth()
    return " ".join(element.get_text(" ").split())


def page_holding(site, selector: str) -> str:
    """The one nav page whose article has an element matching selector."""
    found = [f.replace(".md", ".html") for f in nav_files() if article(soup(html_path(site, f))).select_one(selector)]
    assert len(found) == 1, f"{selector}: on {found}"
    return found[0]


def words(text: str) -> set[str]:
    return {word for word in SEPARATOR.split(text) if word}


# Reading the results --------------------------------------------------------------------


def results(page, base: str) -> list[dict]:
    """Every result shown, in order: its link (relative to the site), title, score, shown text,
    whether it is a page heading, and whether Material folds it under "more on this page"."""
    return page.eval_on_selector_all(
        RESULTS,
        """(links, base) => links.map(a => ({
            href: a.href.replace(base, ''),
            page: a.href.replace(base, '').split(/[?#]/)[0],
            anchor: a.hash.slice(1),
            title: (a.querySelector('h1, h2') || {textContent: ''}).textContent,
            score: parseFloat(a.querySelector('article').dataset.mdScore),
            text: a.querySelector('article').innerText,
            heading: !!a.querySelector('h1'),
            folded: !!a.closest('details'),
            missing: !!a.querySelector('.md-search-result__terms'),
        }))""",
        base,
    )


def all_results(page, base: str) -> list[dict]:
    """Every result, after scrolling the list until Material has rendered as many pages as it
    counts (it renders 10, then 4 more each time the list is scrolled to its end)."""
    counted = re.match(r"(\d+) matching", page.locator(".md-search-result__meta").inner_text())
    wanted = int(counted[1]) if counted else 0
    for _ in range(wanted):
        if page.locator(".md-search-result__item").count() >= wanted:
            break
        # Material loads more when the list's end comes into view (checked once a frame): leave it, then reach it.
        for top in ("0", "el.scrollHeight"):
            page.locator(".md-search__scrollwrap").evaluate(f"el => el.scrollTop = {top}")
            page.wait_for_timeout(100)
    assert page.locator(".md-search-result__item").count() == wanted
    return results(page, base)


def pages_in_order(found: list[dict]) -> list[str]:
    return list(dict.fromkeys(result["page"] for result in found))


def best(found: list[dict]) -> dict:
    """The result Material ranks highest, and shows first under the first page."""
    top = max(found, key=lambda result: result["score"])
    first_item = [result for result in found if result["page"] == found[0]["page"] and not result["heading"]]
    assert first_item and first_item[0] == top, f"the best result {top['href']} is not shown first: {found[:3]}"
    return top


def ask(page, query: str) -> None:
    """Put the whole query in the search box at once and wait for its answer. Typed a key at a
    time, each key sends a query, and an answer to "paragraph 1." could be read for "paragraph 1.2"."""
    meta = page.locator(".md-search-result__meta")
    meta.evaluate("meta => meta.textContent = ''")  # no count from an earlier query
    box = page.locator("input.md-search__input")
    box.fill(query)
    box.dispatch_event("keyup")
    page.wait_for_function(
        "() => /matching document/i.test(document.querySelector('.md-search-result__meta').textContent)", timeout=15_000
    )


def open_search(page, base: str, query: str) -> list[dict]:
    page.goto(base + "index.html", wait_until="load")
    button = page.locator(".paper-search-button")  # the header's search button (overrides/partials/header.html)
    if button.is_visible():  # narrow screens show a search button instead of the box
        button.click()
    ask(page, query)
    return results(page, base)


# The points ------------------------------------------------------------------------

NUMBERS = paragraph_numbers()
MIDDLE, LATE = NUMBERS[len(NUMBERS) // 3], NUMBERS[2 * len(NUMBERS) // 3]
NUMBER_QUERIES = [
    (MIDDLE, MIDDLE),
    (f"paragraph {MIDDLE}", MIDDLE),
    (f"para {MIDDLE}", MIDDLE),
    (f"Para {LATE}", LATE),
    (f"paragraph {NUMBERS[1 % len(NUMBERS)]}", NUMBERS[1 % len(NUMBERS)]),
    (NUMBERS[-1], NUMBERS[-1]),
]
NOTHING = "Zqxvwyk"  # a word no paper has


@pytest.mark.parametrize(("query", "number"), NUMBER_QUERIES)
def test_a_paragraph_number_puts_that_paragraph_first(reader, origin, site, query, number):
    anchor = "para-" + number.replace(".", "-")
    expected_page = page_holding(site, f"p.numbered-paragraph#{anchor}")
    section = re.sub(r"^\d+\.\s+", "", nav_labels(site)[expected_page])

    top = best(open_search(reader.page, origin, query))

    assert (top["page"], top["anchor"]) == (expected_page, anchor)
    assert top["title"] == f"{number} — {section}"
    assert not top["missing"], f"{query!r}: a word of the query is shown as missing from {top['href']}"
    assert reader.errors == []


# Phrases no other page quotes (a quotation there is a result of its own).
PHRASES = rare_phrases()


@pytest.mark.parametrize("reader", ["desktop", "mobile"], indirect=True)
@pytest.mark.parametrize(("query", "anchor"), PHRASES)
def test_a_phrase_opens_its_paragraph_at_the_anchor(reader, origin, site, query, anchor):
    page = reader.page
    expected_page = page_holding(site, f"p.numbered-paragraph#{anchor}")
    top = best(open_search(page, origin, query))
    assert (top["page"], top["anchor"]) == (expected_page, anchor)

    page.locator(f"{RESULTS}[href$='#{anchor}']").first.click()
    page.wait_for_url(f"**/{expected_page}?h=*#{anchor}")
    page.locator(f"#{anchor} mark").first.wait_for(state="attached", timeout=5_000)
    header, paragraph, height, at_end = page.evaluate(
        """a => [document.querySelector('.md-header').getBoundingClientRect().bottom,
                 document.getElementById(a).getBoundingClientRect().top, innerHeight,
                 scrollY + innerHeight >= document.documentElement.scrollHeight - 1]""",
        anchor,
    )
    # The paragraph starts just under the sticky header (or the page has scrolled to its end), not 1,200 px down.
    assert header - 1 <= paragraph < height * 0.6, (header, paragraph, height)
    assert paragraph <= header + 40 or at_end, (header, paragraph, height)
    assert reader.errors == []


def test_a_word_with_an_apostrophe_is_searched_as_the_word(reader, origin, site):
    """As "children's homes" and "ABC's", when the paper has such words."""
    texts = page_texts(site)
    if apostrophe_phrase():
        phrase, where = apostrophe_phrase()
        found = open_search(reader.page, origin, phrase)
        top = best(found)
        assert (top["page"], top["anchor"]) == (page_holding(site, f"#{where}"), where)
        # No result for an "s" on its own: every page found has one of the two words.
        first, second = phrase.lower().split()
        assert [p for p in pages_in_order(found) if first not in texts[p] and second not in texts[p]] == []
    if abbreviation_with_apostrophe():
        found = open_search(reader.page, origin, abbreviation_with_apostrophe())
        assert set(pages_in_order(found)) == {
            p for p, text in texts.items() if abbreviation_with_apostrophe().lower() in text
        }


def test_a_typographic_apostrophe_finds_the_word_too(reader, origin, site):
    # Phones type ’ for ': the query still finds the paragraph with "children's homes" first.
    if apostrophe_phrase():
        phrase, where = apostrophe_phrase()
        top = best(open_search(reader.page, origin, phrase.replace("'", "’")))
        assert (top["page"], top["anchor"]) == (page_holding(site, f"#{where}"), where)


@pytest.mark.parametrize("apostrophe", ["'", "’"])
def test_the_opened_paragraph_highlights_the_word_with_an_apostrophe_whole(reader, origin, site, apostrophe):
    """Material's highlighter misses "children's" (it compares the query with the text escaped as HTML);
    overrides/javascripts/search-highlight.js marks it, typed with either apostrophe."""
    if apostrophe_phrase():
        phrase, where = apostrophe_phrase()
        page = reader.page
        open_search(page, origin, phrase.replace("'", apostrophe))
        page.locator(f"{RESULTS}[href$='#{where}']").first.click()
        page.wait_for_url(f"**/{page_holding(site, f'#{where}')}?h=*#{where}")
        page.locator(f"#{where} mark").first.wait_for(state="attached", timeout=5_000)
        marks = [mark.replace("’", "'").lower() for mark in page.locator(f"#{where} mark").all_inner_texts()]
        assert phrase.split()[0].lower() in marks, marks
        assert reader.errors == []


# A hyphenated one is searched as its parts (tests/test_browser_search.py finds its page).
@pytest.mark.parametrize(
    ("query", "anchor"),
    [(name, anchor(number)) for name, number in abbreviations_in_one_paragraph() if "-" not in name][:3],
)
def test_an_abbreviation_finds_the_paper_then_the_glossary_then_the_website(reader, origin, site, query, anchor):
    open_search(reader.page, origin, query)
    found = all_results(reader.page, origin)
    top = best(found)
    assert (top["page"], top["anchor"]) == (page_holding(site, f"#{anchor}"), anchor)
    order = pages_in_order(found)
    [glossary] = [p for p, label in nav_labels(site).items() if label.lower().startswith("glossary")]
    assert glossary in order, f"{query}: the glossary is not among {order}"
    website = [i for i, p in enumerate(order) if p in website_pages()]
    paper = [i for i, p in enumerate(order) if p not in website_pages()]
    assert not website or min(website) > max(paper), order


def test_the_paper_outranks_the_website_for_every_word_the_paper_contains(reader, served, site):
    """The paper's own pages rank above the website's; the appendix pages, which the site writes in place of
    papers it does not publish, rank below the paper's own pages (as the site's notices do) and are not compared."""
    texts = page_texts(site)
    placeholders = {appendix.page.replace(".md", ".html") for appendix in appendices()}
    assert website_pages(), "no page is marked as about the website only (pdf: false)"
    shared = set.union(*(words(texts[p]) for p in website_pages())) & set.union(
        *(words(t) for p, t in texts.items() if p not in website_pages())
    )
    page = reader.page
    open_search(page, served, next(iter(search_words().values())))
    wrong = {}
    for word in sorted(shared):
        ask(page, word)
        order = pages_in_order(all_results(page, served))
        website = [i for i, p in enumerate(order) if p in website_pages()]
        paper = [i for i, p in enumerate(order) if p not in website_pages() and p not in placeholders]
        if website and paper and min(website) < max(paper):
            wrong[word] = order
    assert shared, "no word of the website's pages is the paper's too: nothing to check"
    assert wrong == {}, json.dumps(wrong)


def test_table_rows_keep_their_cells_apart(reader, origin, site):
    word = rarest_date_word()
    found = open_search(reader.page, origin, word)
    for md_file in nav_files():
        table_rows = article(soup(html_path(site, md_file))).select("tr")
        rows = [" — ".join(plain_text(cell) for cell in row.select("th, td")) for row in table_rows]
        shown = [result["text"] for result in found if result["page"] == md_file.replace(".md", ".html")]
        for row in (row for row in rows if word in row):
            assert any(row in " ".join(text.split()) for text in shown), f"{md_file}: row {row!r} not in {shown}"
    assert "Tel 1." not in " ".join(result["text"] for result in found)


def test_nothing_found_says_so_and_points_to_the_background_papers(reader, origin, site):
    page = reader.page
    papers = page_holding(site, "tr#paper-1")
    hint = page.locator(".search-hint")

    open_search(page, origin, search_word_in_a_paragraph()[0])
    assert not hint.is_visible(), "the hint shows although the search found something"
    page.keyboard.press("ArrowDown")  # the arrow keys go to the results, not to the hidden hint
    assert page.evaluate("() => document.activeElement.matches('a.md-search-result__link')")

    assert [text for text in page_texts(site).values() if NOTHING.lower() in text] == []
    assert open_search(page, origin, NOTHING) == []
    assert re.search(r"no matching", page.locator(".md-search-result__meta").inner_text(), re.I)
    assert hint.is_visible()
    assert "The appendices' own texts are not on this site" in hint.inner_text()
    link = hint.get_by_role("link", name="list of background papers")
    assert link.evaluate("a => a.href") == origin + papers
    page.keyboard.press("ArrowDown")  # a keyboard reaches the link as it reaches results
    assert page.evaluate("() => document.activeElement.closest('.search-hint') !== null")
    page.keyboard.press("Enter")
    page.wait_for_url(origin + papers)
    assert page.locator("article tr#paper-1").count() == 1
    assert [url for url in reader.requests if not url.startswith(origin.rstrip("/"))] == []
    assert reader.errors == []


@pytest.mark.parametrize("reader", ["desktop", "mobile"], indirect=True)
def test_the_empty_result_and_its_hint_have_no_wcag_violations(reader, served):
    assert open_search(reader.page, served, NOTHING) == []
    assert reader.page.locator(".search-hint").is_visible()
    assert axe_violations(reader.page) == []
