"""The built site opened from disk (file://), with no server: navigation and search work,
as they do in the site's zip once unzipped."""

import zipfile
from pathlib import Path

import pytest

from browser import search
from test_site_zip import FOLDER, ZIP_NAME


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
    page.locator("article a[href='background/annual-report.html']").first.click()
    page.wait_for_url("**/background/annual-report.html")
    assert page.locator("article h1").inner_text().startswith("1. Lancashire Safeguarding Children Board")
    page.locator("a.md-footer__link--next").click()
    page.wait_for_url("**/background/early-help-inspection.html")

    results = search(page, "Morecambe")
    assert results and results[0].startswith((site / "background" / "information-sharing-pilot.html").as_uri())
    page.locator("a.md-search-result__link[href*='?h=morecambe']").first.click()
    page.wait_for_url("**/background/information-sharing-pilot.html?h=morecambe*")
    page.locator("article mark").first.wait_for(state="attached", timeout=5_000)
    assert page.locator("article mark").first.inner_text() == "Morecambe"

    page.get_by_role("link", name="Read the whole paper on one page").click()
    page.wait_for_url("**/whole-paper.html")
    assert page.locator("#para-3-1").count() == 1

    assert [url for url in reader.requests if not url.startswith(site.as_uri())] == []
    assert reader.errors == []
