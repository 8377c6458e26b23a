"""The one-page paper and the site zip in a real browser: reflow, print, links within the page, the zip from disk.

axe-core and the privacy checks cover the one page with every other page (browser.site_pages)."""

import zipfile

import pytest

from browser import search
from test_site_zip import FOLDER, ZIP_NAME

PAGE = "whole-paper.html"


@pytest.mark.parametrize("width", [320, 375])
def test_no_sideways_scrolling_on_a_narrow_screen(chromium, served, width):
    context = chromium.new_context(viewport={"width": width, "height": 640})
    try:
        page = context.new_page()
        page.goto(served + PAGE, wait_until="networkidle")
        assert page.evaluate("document.scrollingElement.scrollWidth - window.innerWidth") == 0
        # The widest content, the list of background papers, scrolls inside its own box if at all.
        assert page.locator("#paper-1").count() == 1
    finally:
        context.close()


def test_printed_it_is_the_paper_alone(reader, served):
    page = reader.page
    page.goto(served + PAGE, wait_until="networkidle")
    page.emulate_media(media="print")
    hidden = ["header.md-header", ".md-sidebar--primary", ".md-sidebar--secondary", "footer.md-footer", ".paper-download-line"]
    for selector in hidden:
        assert page.locator(selector).first.is_hidden(), selector
    assert page.locator("article h1").is_visible()
    assert page.locator("#para-4-6").is_visible()
    assert page.evaluate("document.scrollingElement.scrollWidth - window.innerWidth") <= 0
    assert len(page.pdf(format="A4")) > 10_000, "Chromium prints it"


def test_links_between_parts_move_within_the_page(reader, served):
    page = reader.page
    page.goto(served + PAGE, wait_until="networkidle")
    page.locator("section[id='appendices/appendix-a'] a[href='#para-1-1']").click()
    page.wait_for_url(f"**/{PAGE}#para-1-1")
    assert page.locator("#para-1-1").evaluate("element => { const box = element.getBoundingClientRect(); return box.top >= 0 && box.top < innerHeight; }")
    page.locator("nav.paper-contents a", has_text="Background papers").click()
    page.wait_for_url(f"**/{PAGE}#background-papers")
    assert reader.errors == []


def test_the_cover_and_a_section_link_to_it(reader, served):
    page = reader.page
    for start in ["index.html", "background/early-help-inspection.html"]:
        page.goto(served + start, wait_until="networkidle")
        page.get_by_role("link", name="Read the whole paper on one page").click()
        page.wait_for_url(f"**/{PAGE}")
        assert page.locator("#para-2-4").count() == 1


def test_the_unzipped_site_works_from_disk_with_search(reader, site, tmp_path):
    with zipfile.ZipFile(site / ZIP_NAME) as archive:
        archive.extractall(tmp_path)
    root = tmp_path / FOLDER
    page = reader.page
    page.goto((root / "index.html").as_uri(), wait_until="load")
    page.locator("article a[href='background/annual-report.html']").click()
    page.wait_for_url("**/background/annual-report.html")
    page.locator("a.md-footer__link--next").click()
    page.wait_for_url("**/background/early-help-inspection.html")

    results = search(page, "Morecambe")
    assert results and results[0].startswith((root / "background" / "information-sharing-pilot.html").as_uri())
    page.locator("a.md-search-result__link[href*='?h=morecambe']").first.click()
    page.wait_for_url("**/background/information-sharing-pilot.html?h=morecambe*")
    page.locator("article mark").first.wait_for(state="attached", timeout=5_000)
    assert page.locator("article mark").first.inner_text() == "Morecambe"

    page.get_by_role("link", name="Read the whole paper on one page").click()
    page.wait_for_url(f"**/{PAGE}")
    assert [url for url in reader.requests if not url.startswith(root.as_uri())] == []
    assert reader.errors == []
