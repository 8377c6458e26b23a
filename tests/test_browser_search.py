"""Search finds each abbreviation and each section's own words, and highlights them on the page."""

import re

import pytest

from browser import search

TOP = 3  # the result pages a reader sees first
CASES = [
    ("CP-IS", "background/information-sharing-pilot.html"),
    ("CAF", "background/early-help-inspection.html"),
    ("SEND", "background/early-help-inspection.html"),
    ("LGA", "background/child-sexual-exploitation.html"),
    ("Electoral", "index.html"),
    ("twelve", "background/annual-report.html"),
    ("Wellbeing", "background/early-help-inspection.html"),
    ("Morecambe", "background/information-sharing-pilot.html"),
    ("Coffey", "background/child-sexual-exploitation.html"),
    ("consulted", "consultations.html"),
    ("reputation", "implications.html"),
    ("1985", "background-papers.html"),  # the Act the list of background papers is made under
    ("Framework", "glossary.html"),
]


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
    marks = page.locator("article mark").evaluate_all("marks => marks.map(m => [m.textContent, m.parentElement.textContent])")
    words = set(re.split(r"[\s\-]+", query.lower()))
    assert any(mark.lower() in words and query.lower() in context.lower() for mark, context in marks), marks
