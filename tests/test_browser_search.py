"""Search finds each abbreviation and each section's own words, and highlights them on the page."""

import pytest

from browser import search
from paper_facts import abbreviations_in_one_paragraph, html_file, paper_pages, paragraph_pages, search_words

TOP = 3  # the result pages a reader sees first
# Each abbreviation the paper uses in one paragraph only, and for each page a word no other page shows.
CASES = [(name, html_file(paragraph_pages()[number])) for name, number in abbreviations_in_one_paragraph()]
CASES += [(word, html_file(md_file)) for md_file, word in search_words().items()]


def test_every_section_of_the_paper_has_a_word_to_search_for():
    sections = {md_file for md_file in paragraph_pages().values()}
    assert sections and sections <= set(search_words()) and set(paper_pages()) & set(search_words())


def page_of(url: str, base: str) -> str:
    return url.removeprefix(base).split("?")[0].split("#")[0]


@pytest.mark.parametrize("reader", ["desktop", "mobile"], indirect=True)
@pytest.mark.parametrize(("query", "expected"), CASES)
def test_search_finds_the_page_and_highlights_the_word(reader, served, query, expected):
    page = reader.page
    page.goto(served + "index.html", wait_until="networkidle")
    results = search(page, query)
    pages = list(dict.fromkeys(page_of(url, served) for url in results))
    assert expected in pages[:TOP], f"{query!r}: first results are {pages[:TOP]}"
    # The reader opens the result whose excerpt shows the word (a page's title entry may carry none).
    page.locator(f"a.md-search-result__link[href^='{served}{expected}?h=']:not([href$='?h='])").first.click()
    page.wait_for_url(f"{served}{expected}?h=*")
    page.locator("article mark").first.wait_for(state="attached", timeout=5_000)
    marks = page.locator("article mark").evaluate_all(
        "marks => marks.map(m => [m.textContent, m.parentElement.textContent])"
    )
    words = set(query.lower().split())  # a hyphenated word ("CP-IS") is marked whole, not its parts
    assert any(mark.lower() in words and query.lower() in context.lower() for mark, context in marks), marks
