"""The site read as its readers read it: the cover's first screen, phones at 320 px, the
keyboard, the phone menu, legible titles and tables, and printing from the browser."""

from __future__ import annotations

import datetime

import pytest
import yaml
from playwright.sync_api import expect

from browser import VIEWPORTS, site_pages
from conftest import ROOT, nav_files, nav_titles

CONFIG = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)
MEETING = CONFIG["extra"]["meeting"]
MEETING_DATE = datetime.date.fromisoformat(MEETING["date"])
DATE_TEXT = f"{MEETING_DATE.day} {MEETING_DATE:%B %Y}"  # "5 December 2014"
NARROW = {"width": 320, "height": 640}
TOOLTIP = "#abbr-expansion"


def nav_pages(site) -> list[tuple[str, str]]:
    """(title, page URL) of each page in the nav, in reading order."""
    return [(title, md_file.replace(".md", ".html")) for title, md_file in nav_titles(site)]


def in_first_screen(page, locator) -> bool:
    """The element is shown, and wholly inside the first screen (nothing scrolled)."""
    box = locator.bounding_box()
    viewport = page.viewport_size
    return locator.is_visible() and box is not None and box["y"] >= 0 and box["y"] + box["height"] <= viewport["height"] and box["x"] + box["width"] <= viewport["width"]


def sideways_overflow(page) -> int:
    return page.evaluate("document.scrollingElement.scrollWidth - window.innerWidth")


@pytest.mark.parametrize("reader", list(VIEWPORTS), indirect=True)
def test_cover_first_screen_says_what_this_is_and_where_to_go(reader, served, site):
    page = reader.page
    page.goto(served + "index.html", wait_until="networkidle")
    article = page.locator("article")
    facts = {
        "council": article.get_by_text(MEETING["council"], exact=True),
        "committee": article.get_by_text(MEETING["committee"], exact=True).first,
        "meeting date": article.get_by_text(f"Meeting to be held on {DATE_TEXT}"),
        "title": page.locator("article h1"),
        "link to the Recommendation": article.get_by_role("link", name="Recommendation", exact=True),
        "link to the contents of the whole paper": article.get_by_role("link", name="Contents of the whole paper"),
    }
    assert {name: in_first_screen(page, locator) for name, locator in facts.items()} == {name: True for name in facts}
    assert facts["link to the Recommendation"].get_attribute("href") == "#recommendation"

    # The link leads to a list of the whole paper, made from the nav: every page, in order.
    facts["link to the contents of the whole paper"].click()
    contents = page.get_by_role("navigation", name="Contents of the whole paper")
    expect(contents).to_be_in_viewport()
    listed = contents.locator("a[href$='.html']").evaluate_all("links => links.map(a => [a.textContent.trim(), a.getAttribute('href')])")
    assert [tuple(entry) for entry in listed] == nav_pages(site)


def test_no_page_scrolls_sideways_at_320px_even_with_an_expansion_shown(chromium, served):
    context = chromium.new_context(viewport=NARROW)
    page = context.new_page()
    faults = {}
    shown = 0
    for path in site_pages():
        page.goto(served + path, wait_until="networkidle")
        worst = sideways_overflow(page)
        abbreviations = page.locator("article abbr")
        for index in range(abbreviations.count()):
            abbr = abbreviations.nth(index)
            abbr.scroll_into_view_if_needed()
            # Inside a link the link takes focus, so those abbreviations show on hover only.
            ways = (abbr.focus, abbr.hover) if abbr.get_attribute("tabindex") else (abbr.hover,)
            for show in ways:
                page.keyboard.press("Escape")  # the last expansion may cover this abbreviation
                page.mouse.move(0, NARROW["height"] - 1)  # and the pointer may rest on it already
                show()
                tip = page.locator(TOOLTIP)
                expect(tip).to_be_visible()
                box = tip.bounding_box()
                shown += 1
                worst = max(worst, sideways_overflow(page), int(box["x"] + box["width"] - NARROW["width"]), int(-box["x"]))
        if worst > 0:
            faults[path] = worst
    context.close()
    assert shown > 100, "expected the paper's abbreviations to be shown"
    assert faults == {}, f"px scrolled sideways or shown off screen at 320 px: {faults}"


def test_background_papers_show_every_column_at_320px(chromium, served):
    context = chromium.new_context(viewport=NARROW)
    page = context.new_page()
    page.goto(served + "background-papers.html", wait_until="networkidle")
    headers = page.locator("article table th").all_inner_texts()
    assert headers == ["Paper", "Date", "Contact/Directorate/Tel"]
    cells = page.locator("article table td")
    assert cells.count() == 4 * len(headers)
    for index in range(cells.count()):
        cell = cells.nth(index)
        box = cell.bounding_box()
        assert cell.is_visible() and box["x"] >= 0 and box["x"] + box["width"] <= NARROW["width"], cell.inner_text()
        label = cell.evaluate("td => getComputedStyle(td, '::before').content")
        assert label == f'"{headers[index % len(headers)]}"', "each cell is labelled with its column"
    assert sideways_overflow(page) == 0
    context.close()


def test_an_expansion_stays_while_hovered_and_escape_dismisses_it(reader, served):
    page = reader.page
    page.goto(served + "background/early-help-inspection.html", wait_until="networkidle")
    caf = page.locator("article abbr", has_text="CAF")
    tip = page.locator(TOOLTIP)
    caf.hover()
    expect(tip).to_have_text("Common Assessment Framework")
    expect(page.locator("article abbr[title]", has_text="CAF")).to_have_count(0)  # no second, native tooltip over ours
    # Move the pointer down from the abbreviation onto the expansion: it stays (WCAG 1.4.13 hoverable).
    box = tip.bounding_box()
    page.mouse.move(box["x"] + 4, box["y"] + box["height"] / 2, steps=5)
    page.wait_for_timeout(800)
    expect(tip).to_be_visible()
    page.keyboard.press("Escape")
    expect(tip).to_be_hidden()
    page.mouse.move(0, 0)
    expect(page.locator("article abbr[title]", has_text="CAF")).to_have_count(1)

    caf.focus()
    expect(tip).to_be_visible()
    page.keyboard.press("Escape")
    expect(tip).to_be_hidden()


def test_expansions_reach_the_keyboard_with_one_tab_stop_per_abbreviation(reader, served):
    page = reader.page
    page.goto(served + "background/early-help-inspection.html", wait_until="networkidle")
    abbreviations = page.locator("article abbr")
    uses = abbreviations.count()
    distinct = set(abbreviations.all_inner_texts())
    assert uses >= 11 and len(distinct) < uses
    # Screen readers get every use's expansion as its description.
    for index in range(uses):
        abbr = abbreviations.nth(index)
        expect(abbr).to_have_accessible_description(abbr.get_attribute("title"))
    # Tab through the article from its title: one stop per abbreviation, and it shows the expansion.
    page.evaluate("() => { const h = document.querySelector('article h1'); h.tabIndex = -1; h.focus(); }")
    stops = []
    for _ in range(uses + 40):
        page.keyboard.press("Tab")
        focused = page.evaluate("() => { const e = document.activeElement; return [!!e.closest('article'), e.tagName, e.textContent]; }")
        if not focused[0]:
            break
        if focused[1] == "ABBR":
            stops.append(focused[2])
            expect(page.locator(TOOLTIP)).to_be_visible()
            expect(page.locator(TOOLTIP)).to_have_text(page.evaluate("() => document.activeElement.dataset.expansion || document.activeElement.title"))
    assert sorted(stops) == sorted(distinct)


@pytest.mark.parametrize("reader", ["mobile"], indirect=True)
def test_phone_menu_shows_every_part_of_the_paper_at_its_top_level(reader, served, site):
    page = reader.page
    page.goto(served + "appendices/appendix-b.html", wait_until="networkidle")  # a page inside a group
    page.get_by_role("button", name="Menu", exact=True).click()  # the header's menu button
    menu = page.locator(".md-sidebar--primary nav.md-nav--primary")
    page.wait_for_timeout(400)  # the drawer slides in over 250 ms
    drawer = menu.bounding_box()
    hidden = []
    for title, _ in nav_pages(site):
        # The open page's entry is a label that opens its contents; the others are links.
        entry = menu.locator(".md-nav__link:visible", has_text=title).first
        if not entry.count():
            hidden.append(title)
            continue
        entry.scroll_into_view_if_needed()
        box = entry.bounding_box()
        if not (drawer["x"] <= box["x"] < drawer["x"] + drawer["width"]):
            hidden.append(title)
    assert hidden == []
    for group in ("Background and Advice", "Appendices"):
        expect(menu.locator("label.md-nav__link", has_text=group)).to_be_visible()
    expect(menu.locator(".md-nav__item--nested > .md-nav > .md-nav__title").first).to_be_hidden()  # no back arrow


@pytest.mark.parametrize("width", [320, 375])
def test_phone_header_shows_the_whole_name_with_the_date(chromium, served, width):
    context = chromium.new_context(viewport={"width": width, "height": 700})
    page = context.new_page()
    page.goto(served + "index.html", wait_until="networkidle")
    name = page.locator(".md-header__topic:first-child .md-ellipsis")
    expect(name).to_contain_text(DATE_TEXT)
    cut = name.evaluate("e => e.scrollWidth > e.clientWidth || e.scrollHeight > e.clientHeight")
    assert not cut, "the header cuts the paper's name"
    context.close()


@pytest.mark.parametrize("reader", list(VIEWPORTS), indirect=True)
def test_titles_tables_and_boxes_are_legible(reader, served):
    page = reader.page
    style = "(e, property) => getComputedStyle(e)[property]"
    for path, box in [("background-papers.html", "article table td"), ("background/early-help-inspection.html", "article .admonition p:not(.admonition-title)")]:
        page.goto(served + path, wait_until="networkidle")
        body = page.locator("article")  # the body text's colour and size
        title = page.locator("article h1")
        assert title.evaluate(style, "color") == body.evaluate(style, "color")
        assert title.evaluate(style, "fontWeight") == "400"
        assert page.locator(box).first.evaluate(style, "fontSize") == body.evaluate(style, "fontSize"), path


def test_paragraph_numbers_look_the_same_everywhere(reader, served):
    page = reader.page
    looks = {}
    for path, anchor in [("background/early-help-inspection.html", "para-2-1"), ("consultations.html", "para-5-1")]:
        page.goto(served + path, wait_until="networkidle")
        for where, selector in [("text", f"#{anchor} a.paragraph-number"), ("contents", f".md-sidebar--secondary a[href='#{anchor}'] .paragraph-number")]:
            number = page.locator(selector)
            looks[(path, where)] = (number.inner_text(), number.evaluate("e => getComputedStyle(e).fontWeight"))
    assert looks == {
        ("background/early-help-inspection.html", "text"): ("2.1", "700"),
        ("background/early-help-inspection.html", "contents"): ("2.1", "700"),
        ("consultations.html", "text"): ("5.1", "700"),
        ("consultations.html", "contents"): ("5.1", "700"),
    }


def test_a_background_paper_opened_from_a_link_is_marked_as_a_paragraph_is(reader, served):
    page = reader.page
    mark = "e => { const s = getComputedStyle(e); return [s.outlineStyle, s.outlineColor, s.outlineWidth, s.backgroundColor]; }"
    page.goto(served + "background/early-help-inspection.html#para-2-4", wait_until="networkidle")
    paragraph = page.locator("#para-2-4").evaluate(mark)
    page.goto(served + "background-papers.html#paper-2", wait_until="networkidle")
    row = page.locator("#paper-2").evaluate(mark)
    other = page.locator("#paper-1").evaluate(mark)
    assert paragraph[0] != "none"
    assert row == paragraph
    assert other != row


@pytest.mark.parametrize("path", [path for path in site_pages() if path != "404.html"])  # pages of the paper
def test_printing_a_page_names_the_paper_committee_and_date_without_outlines_or_underlines(reader, served, path):
    page = reader.page
    page.goto(served + path, wait_until="networkidle")
    site_name = page.locator(".md-header__topic:first-child .md-ellipsis").inner_text().strip()
    target = page.locator("article .numbered-paragraph, article tr[id]").first
    if target.count():
        page.goto(served + path + "#" + target.get_attribute("id"), wait_until="networkidle")
    abbr = page.locator("article abbr[tabindex='0']").first
    if abbr.count():
        abbr.focus()
    page.emulate_media(media="print")
    printed = " ".join(page.locator("body").inner_text().split())
    for fact in (site_name, MEETING["council"], MEETING["committee"], DATE_TEXT):
        assert fact in printed, f"{path}: printed page does not name {fact!r}"
    outlines = page.evaluate("""() => [...document.querySelectorAll('article *, article')]
        .filter(e => { const s = getComputedStyle(e); return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0; })
        .map(e => e.tagName + '#' + e.id)""")
    assert outlines == [], f"{path}: outlines in print"
    underlined = page.evaluate("""() => [...document.querySelectorAll('article abbr')]
        .filter(e => { const s = getComputedStyle(e); return s.textDecorationLine !== 'none' || s.borderBottomStyle !== 'none'; }).length""")
    assert underlined == 0, f"{path}: abbreviations underlined in print"
    expect(page.locator(TOOLTIP)).to_be_hidden()


LANDMARKS = """() => {
    const selector = 'nav, main, aside, header, footer, form[aria-label], form[aria-labelledby], section[aria-label], section[aria-labelledby], [role=navigation], [role=search], [role=main], [role=banner], [role=contentinfo], [role=complementary], [role=region], [role=dialog]';
    const name = e => e.getAttribute('aria-label') || (e.getAttribute('aria-labelledby') || '').split(' ').map(id => (document.getElementById(id) || {}).textContent || '').join(' ').trim();
    return [...document.querySelectorAll(selector)].map(name).filter(Boolean).map(n => n.replace(/\\s+/g, ' '));
}"""


@pytest.mark.parametrize("path", site_pages())
def test_no_two_landmarks_share_a_name(reader, served, path):
    page = reader.page
    page.goto(served + path, wait_until="networkidle")
    names = page.evaluate(LANDMARKS)
    assert "Navigation" in names, names
    assert sorted(name for name in set(names) if names.count(name) > 1) == []
