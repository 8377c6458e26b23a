"""The one-page paper in a real browser: reflow, print, links within the page.

axe-core and the privacy checks cover it with every other page (browser.site_pages);
tests/test_browser_offline.py opens the unzipped site from disk."""

import pytest

from paper_facts import anchor, appendices, html_file, page_title, paragraph_numbers, paragraph_pages

PAGE = "whole-paper.html"
FIRST, LAST = paragraph_numbers()[0], paragraph_numbers()[-1]


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
    hidden = [
        "header.md-header",
        ".md-sidebar--primary",
        ".md-sidebar--secondary",
        "footer.md-footer",
        ".paper-download-line",
        ".whole-paper-intro",
    ]
    for selector in hidden:
        assert page.locator(selector).first.is_hidden(), selector
    assert page.locator("article h1").is_visible()
    assert page.locator(f"#{anchor(LAST)}").is_visible()
    assert page.evaluate("document.scrollingElement.scrollWidth - window.innerWidth") <= 0
    assert len(page.pdf(format="A4")) > 10_000, "Chromium prints it"


def test_links_between_parts_move_within_the_page(reader, served):
    page = reader.page
    page.goto(served + PAGE, wait_until="networkidle")
    appendix = appendices()[0]
    target = anchor(appendix.attached[1]) if appendix.attached else f"paper-{appendix.paper.row}"
    page.locator(f"section[id='{appendix.page.removesuffix('.md')}'] a[href='#{target}']").first.click()
    page.wait_for_url(f"**/{PAGE}#{target}")
    assert page.locator(f"#{target}").evaluate(
        "element => { const box = element.getBoundingClientRect(); return box.top >= 0 && box.top < innerHeight; }"
    )
    page.locator("nav.paper-contents a", has_text=page_title("background-papers.md")).click()
    page.wait_for_url(f"**/{PAGE}#background-papers")
    assert reader.errors == []


def test_the_cover_and_a_section_link_to_it(reader, served):
    page = reader.page
    for start in ["index.html", html_file(paragraph_pages()[FIRST])]:
        page.goto(served + start, wait_until="networkidle")
        page.get_by_role("link", name="Read the whole paper on one page").click()
        page.wait_for_url(f"**/{PAGE}")
        assert page.locator(f"#{anchor(FIRST)}").count() == 1
