"""Nothing leaves 127.0.0.1 and nothing is stored about the reader: no cookies, no storage needed."""

import pytest

from browser import search, site_pages
from paper_facts import html_file, nav_files, search_word_in_a_paragraph, search_words

BLOCK_STORAGE = """
for (const name of ['localStorage', 'sessionStorage'])
    Object.defineProperty(window, name, {get() { throw new DOMException('storage blocked by the reader', 'SecurityError'); }});
"""


@pytest.mark.parametrize("path", site_pages())
def test_page_loads_only_from_its_own_host_and_sets_no_cookie(reader, served, path):
    page = reader.page
    page.goto(served + path, wait_until="networkidle")
    # Search fetches its worker and index on first use: a reader's first search counts too.
    search(page, next(iter(search_words().values())))
    page.wait_for_load_state("networkidle")
    assert any(url.endswith("search/search_index.json") for url in reader.requests), (
        "the search index request was not seen"
    )
    assert [url for url in reader.requests if not url.startswith(served)] == []
    assert reader.context.cookies() == []
    assert page.evaluate("document.cookie") == ""
    assert reader.errors == []


def test_site_works_with_storage_blocked(chromium, served):
    """A reader who blocks cookies and site data still gets pages, search and navigation."""
    context = chromium.new_context()
    context.add_init_script(BLOCK_STORAGE)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        page.goto(served + "index.html", wait_until="networkidle")
        assert (
            page.evaluate("() => { try { localStorage; return 'available'; } catch (error) { return error.name; } }")
            == "SecurityError"
        )
        word, md_file, _ = search_word_in_a_paragraph()
        results = search(page, word)
        assert results and html_file(md_file) in results[0]
        # The result that has the word (the page's heading above it opens the page's top).
        page.locator(f".md-search-result__item > .md-search-result__link[href*='?h={word.lower()}']").first.click()
        page.wait_for_url(f"**/{html_file(md_file)}?h={word.lower()}*")
        assert page.locator("article mark").first.inner_text() == word
        page.locator("a.md-footer__link--next").click()
        page.wait_for_url(f"**/{html_file(nav_files()[nav_files().index(md_file) + 1])}")
        assert errors == []
    finally:
        context.close()
