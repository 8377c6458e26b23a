"""The built site opened from disk (file://), with no server: navigation and search work,
as they do in the site's zip once unzipped."""

import zipfile
from pathlib import Path

import pytest

from browser import search
from paper_facts import anchor, html_file, nav_files, page_title, paragraph_pages, search_word_in_a_paragraph
from test_site_zip import FOLDER, ZIP_NAME

FIRST_SECTION = next(iter(paragraph_pages().values()))


@pytest.fixture(params=["built", "unzipped"])
def on_disk(request, site, tmp_path) -> Path:
    """The site folder as built, or as a reader gets it from the zip the cover offers."""
    if request.param == "built":
        return site
    with zipfile.ZipFile(site / ZIP_NAME) as archive:
        archive.extractall(tmp_path)
    return tmp_path / FOLDER


def test_site_works_from_file_without_a_server(reader, on_disk):
    site = on_disk
    page = reader.page
    page.goto((site / "index.html").as_uri(), wait_until="load")
    page.locator(f"article a[href='{html_file(FIRST_SECTION)}']").first.click()
    page.wait_for_url(f"**/{html_file(FIRST_SECTION)}")
    assert page.locator("article h1").inner_text().startswith(page_title(FIRST_SECTION))
    page.locator("a.md-footer__link--next").click()
    page.wait_for_url(f"**/{html_file(nav_files()[nav_files().index(FIRST_SECTION) + 1])}")

    word, md_file, number = search_word_in_a_paragraph()
    results = search(page, word)
    assert results and results[0].startswith((site / html_file(md_file)).as_uri())
    page.locator(f"a.md-search-result__link[href*='?h={word.lower()}']").first.click()
    page.wait_for_url(f"**/{html_file(md_file)}?h={word.lower()}*")
    page.locator("article mark").first.wait_for(state="attached", timeout=5_000)
    assert page.locator("article mark").first.inner_text() == word

    page.get_by_role("link", name="Read the whole paper on one page").click()
    page.wait_for_url("**/whole-paper.html")
    assert page.locator(f"#{anchor(number)}").count() == 1

    assert [url for url in reader.requests if not url.startswith(site.as_uri())] == []
    assert reader.errors == []
