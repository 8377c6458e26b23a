"""Keyboard use from the top of the cover page: what Tab reaches, and that focus shows."""

from playwright.sync_api import expect

from committee_paper.verify.browser import changed_pixels, focus_region
from paper_facts import anchor, html_file, paragraph_pages, search_word_in_a_paragraph

# What a keyboard user must reach from the top of the cover page, in any order.
TARGETS = {
    "skip link": "a.md-skip",
    "search box": "input.md-search__input",
    "PDF download link": "a.paper-download",
    "first section link": f"article a[href='{html_file(next(iter(paragraph_pages().values())))}']",
}
MAX_TABS = 80
SETTLE_MS = 400  # Material fades the skip link and search in over 250 ms


def test_tab_reaches_skip_link_search_pdf_and_first_section_with_visible_focus(reader, served):
    page = reader.page
    page.goto(served + "index.html", wait_until="networkidle")
    reached: dict[str, int] = {}
    indicators: dict[str, tuple[int, int]] = {}
    order = []
    for press in range(1, MAX_TABS + 1):
        page.keyboard.press("Tab")
        order.append(
            page.evaluate("""() => { const e = document.activeElement;
            return e.tagName.toLowerCase() + (e.classList[0] ? '.' + e.classList[0] : '') + (e.getAttribute('href') ? `[href=${e.getAttribute('href')}]` : ''); }""")
        )
        for name, selector in TARGETS.items():
            if name in reached or not page.evaluate("s => document.activeElement.matches(s)", selector):
                continue
            reached[name] = press
            page.wait_for_timeout(SETTLE_MS)
            clip = focus_region(page, selector)
            focused = page.screenshot(clip=clip, full_page=True)
            page.evaluate("() => document.activeElement.blur()")
            page.wait_for_timeout(SETTLE_MS)
            unfocused = page.screenshot(clip=clip, full_page=True)
            # At least the element's perimeter in changed pixels: a 1px ring all round, or more.
            indicators[name] = (changed_pixels(focused, unfocused), int(2 * (clip["width"] + clip["height"] - 32)))
            page.locator(selector).first.focus()  # carry on tabbing from here
        if len(reached) == len(TARGETS):
            break
    faint = {name: changed for name, changed in indicators.items() if changed[0] < changed[1]}
    assert faint == {}, f"focus indicator too faint (changed pixels, needed): {faint}; all: {indicators}"
    missing = [name for name in TARGETS if name not in reached]
    assert missing == [], f"Tab never reached {missing} in {MAX_TABS} presses; focus went to: {order}"
    assert reached["skip link"] == 1, "the skip link must be the first thing Tab reaches"


def test_search_dialog_has_an_accessible_name(reader, served):
    page = reader.page
    page.goto(served + "index.html", wait_until="networkidle")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    dialog = page.locator(".md-search")
    expect(dialog).to_have_role("dialog")
    expect(dialog).to_have_accessible_name("Search this site")
    expect(page.get_by_role("dialog", name="Search this site")).to_be_visible()


def test_search_works_by_keyboard_alone(reader, served):
    page = reader.page
    page.goto(served + "index.html", wait_until="networkidle")
    for _ in range(3):
        page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.matches('input.md-search__input')")
    word, md_file, number = search_word_in_a_paragraph()
    page.keyboard.type(word, delay=20)
    page.locator(".md-search-result__item").first.wait_for()
    page.keyboard.press("ArrowDown")  # the page's heading in the results
    page.keyboard.press("ArrowDown")  # the paragraph under it that has the word
    assert page.evaluate("() => document.activeElement.hash") == f"#{anchor(number)}"
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/{html_file(md_file)}?h={word.lower()}*")
    assert page.locator("article mark").first.inner_text() == word
