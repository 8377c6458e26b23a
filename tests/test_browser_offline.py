"""The built site opened from disk (file://), with no server: navigation and search work."""

from browser import search


def test_site_works_from_file_without_a_server(reader, site):
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

    assert [url for url in reader.requests if not url.startswith(site.as_uri())] == []
    assert reader.errors == []
