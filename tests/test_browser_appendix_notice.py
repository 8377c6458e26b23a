"""Appendix pages say at once (after the title and the links to the paper's formats), on a phone's
first screen, that the document is not here and whom to ask."""

import pytest

from conftest import nav_files

APPENDICES = [md_file.replace(".md", ".html") for md_file in nav_files() if md_file.startswith("appendices/")]


@pytest.mark.parametrize("reader", ["mobile", "desktop"], indirect=True)  # 375×812 and 1280×800
@pytest.mark.parametrize("path", APPENDICES)
def test_the_notice_is_directly_under_the_title_within_the_first_screen(reader, served, path):
    page = reader.page
    page.goto(served + path, wait_until="networkidle")
    notice = page.locator("article h1 ~ p.appendix-notice")
    assert notice.is_visible()
    # Only the links to the paper's formats, which follow every page's title, come between.
    between = notice.evaluate(
        """p => { const out = []; for (let e = p.previousElementSibling; e && e.tagName !== 'H1'; e = e.previousElementSibling) out.push(e.className); return out; }"""
    )
    assert all("paper-download-line" in classes for classes in between), between
    assert notice.inner_text().startswith(
        "Its text is not published on this website. The list of background papers gives it as paper "
    )
    assert notice.inner_text().endswith("as its contact. To ask for a copy, contact:")
    assert not page.locator("article .appendix-notice .pdf-only").is_visible(), "the PDF's wording shows on the web"
    contact = page.locator("article p.appendix-notice + ul a[href^='mailto:']")
    bottom = contact.evaluate("link => link.getBoundingClientRect().bottom")
    height = page.viewport_size["height"]
    assert bottom <= height, f"the contact's email ends {bottom:.0f} px down, below the first screen ({height} px)"
