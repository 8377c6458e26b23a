"""The site read as its readers read it: the cover's first screen, phones at 320 px, the
keyboard, the phone menu, legible titles and tables, and printing from the browser."""

from __future__ import annotations

import datetime
import re

import pytest
import yaml
from playwright.sync_api import expect

from browser import VIEWPORTS, site_pages
from conftest import PAPER, article, html_path, nav_titles, soup
from paper_facts import (
    DOCS,
    abbreviations_in_one_paragraph,
    anchor,
    appendices,
    background_papers,
    html_file,
    nav_groups,
    paper_pages,
    paragraph_numbers,
    paragraph_pages,
    settings,
    source_text,
)

CONFIG = yaml.load((PAPER / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)
MEETING = CONFIG["extra"]["meeting"]
MEETING_DATE = datetime.date.fromisoformat(MEETING["date"])
DATE_TEXT = f"{MEETING_DATE.day} {MEETING_DATE:%B %Y}"  # as "12 March 2026"
# The paper's own line that names the meeting's date, as "Meeting to be held on 12 March 2026".
MEETING_LINE = next(
    " ".join(line.replace("**", "").split()) for line in source_text().splitlines() if DATE_TEXT in line
)
NARROW = {"width": 320, "height": 640}
TOOLTIP = "#abbr-expansion"


def nav_pages(site) -> list[tuple[str, str]]:
    """(title, page URL) of each page in the nav, in reading order."""
    return [(title, md_file.replace(".md", ".html")) for title, md_file in nav_titles(site)]


def in_first_screen(page, locator) -> bool:
    """The element is shown, and wholly inside the first screen (nothing scrolled)."""
    box = locator.bounding_box()
    viewport = page.viewport_size
    return (
        locator.is_visible()
        and box is not None
        and box["y"] >= 0
        and box["y"] + box["height"] <= viewport["height"]
        and box["x"] + box["width"] <= viewport["width"]
    )


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
        "meeting date": article.get_by_text(MEETING_LINE).first,
        "title": page.locator("article h1"),
    }
    # The cover's own shortcuts (docs/index.md), each in the first screen and going where it says.
    shortcuts = cover_shortcuts()
    facts |= {f"link to {text}": article.get_by_role("link", name=text, exact=True) for text in shortcuts}
    assert {name: in_first_screen(page, locator) for name, locator in facts.items()} == {name: True for name in facts}
    for text, target in shortcuts.items():
        assert facts[f"link to {text}"].get_attribute("href") == target

    # The cover's list of the whole paper (<!-- nav-contents -->) is made from the nav: every page, in order.
    if "<!-- nav-contents -->" not in (DOCS / "index.md").read_text(encoding="utf-8"):
        return
    contents = page.locator("article nav.paper-contents")
    heading = contents.locator("[id]").first.get_attribute("id")
    for text in [text for text, target in shortcuts.items() if target == f"#{heading}"]:
        facts[f"link to {text}"].click()
        expect(contents).to_be_in_viewport()
    listed = contents.locator("a[href$='.html']").evaluate_all(
        "links => links.map(a => [a.textContent.trim(), a.getAttribute('href')])"
    )
    assert [tuple(entry) for entry in listed] == nav_pages(site)


def cover_shortcuts() -> dict[str, str]:
    """The links of the cover's shortcuts (its `paper-shortcuts` nav), text to target, if it has them."""
    block = re.search(
        r'<nav class="paper-shortcuts[^>]*>(.*?)</nav>', (DOCS / "index.md").read_text(encoding="utf-8"), re.DOTALL
    )
    return dict(re.findall(r"^- \[([^\]]+)\]\((#[^)]+)\)$", block[1], re.MULTILINE)) if block else {}


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
                worst = max(
                    worst, sideways_overflow(page), int(box["x"] + box["width"] - NARROW["width"]), int(-box["x"])
                )
        if worst > 0:
            faults[path] = worst
    context.close()
    assert shown > 0, "expected the paper's abbreviations to be shown"
    assert faults == {}, f"px scrolled sideways or shown off screen at 320 px: {faults}"


def test_background_papers_show_every_column_at_320px(chromium, served):
    context = chromium.new_context(viewport=NARROW)
    page = context.new_page()
    page.goto(served + "background-papers.html", wait_until="networkidle")
    headers = page.locator("article table th").all_inner_texts()
    assert headers == settings()["extra"]["paper"]["background_papers"]["header"]
    cells = page.locator("article table td")
    assert cells.count() == len(background_papers()) * len(headers)
    for index in range(cells.count()):
        cell = cells.nth(index)
        box = cell.bounding_box()
        assert cell.is_visible() and box["x"] >= 0 and box["x"] + box["width"] <= NARROW["width"], cell.inner_text()
        label = cell.evaluate("td => getComputedStyle(td, '::before').content")
        assert label == f'"{headers[index % len(headers)]}"', "each cell is labelled with its column"
    assert sideways_overflow(page) == 0
    context.close()


def most_abbreviated_page(site) -> str:
    """The paper's page with the most uses of abbreviations."""
    return max(paper_pages(), key=lambda md_file: len(article(soup(html_path(site, md_file))).find_all("abbr")))


def test_an_expansion_stays_while_hovered_and_escape_dismisses_it(reader, served, site):
    page = reader.page
    name, number = abbreviations_in_one_paragraph()[0]  # used once in the paper
    md_file = paragraph_pages()[number]
    first = article(soup(html_path(site, md_file))).find("abbr", string=name)
    page.goto(served + html_file(md_file), wait_until="networkidle")
    caf = page.locator("article abbr", has_text=name)
    tip = page.locator(TOOLTIP)
    caf.hover()
    expect(tip).to_have_text(first["title"])
    expect(page.locator("article abbr[title]", has_text=name)).to_have_count(0)  # no second, native tooltip over ours
    # Move the pointer down from the abbreviation onto the expansion: it stays (WCAG 1.4.13 hoverable).
    box = tip.bounding_box()
    page.mouse.move(box["x"] + 4, box["y"] + box["height"] / 2, steps=5)
    page.wait_for_timeout(800)
    expect(tip).to_be_visible()
    page.keyboard.press("Escape")
    expect(tip).to_be_hidden()
    page.mouse.move(0, 0)
    expect(page.locator("article abbr[title]", has_text=name)).to_have_count(1)

    caf.focus()
    expect(tip).to_be_visible()
    page.keyboard.press("Escape")
    expect(tip).to_be_hidden()


def test_expansions_reach_the_keyboard_with_one_tab_stop_per_abbreviation(reader, served, site):
    page = reader.page
    page.goto(served + html_file(most_abbreviated_page(site)), wait_until="networkidle")
    abbreviations = page.locator("article abbr")
    uses = abbreviations.count()
    distinct = set(abbreviations.all_inner_texts())
    assert uses > 0
    # Screen readers get every use's expansion as its description.
    for index in range(uses):
        abbr = abbreviations.nth(index)
        expect(abbr).to_have_accessible_description(abbr.get_attribute("title"))
    # Tab through the article from its title: one stop per abbreviation, and it shows the expansion.
    page.evaluate("() => { const h = document.querySelector('article h1'); h.tabIndex = -1; h.focus(); }")
    stops = []
    for _ in range(uses + 40):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "() => { const e = document.activeElement; return [!!e.closest('article'), e.tagName, e.textContent]; }"
        )
        if not focused[0]:
            break
        if focused[1] == "ABBR":
            stops.append(focused[2])
            expect(page.locator(TOOLTIP)).to_be_visible()
            expect(page.locator(TOOLTIP)).to_have_text(
                page.evaluate("() => document.activeElement.dataset.expansion || document.activeElement.title")
            )
    assert sorted(stops) == sorted(distinct)


@pytest.mark.parametrize("reader", ["mobile"], indirect=True)
def test_phone_menu_shows_every_part_of_the_paper_at_its_top_level(reader, served, site):
    page = reader.page
    groups = nav_groups()
    page.goto(served + html_file(groups[-1][1][-1]), wait_until="networkidle")  # a page inside a group
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
    for group, _ in groups:
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
    boxes = [("background-papers.html", "article table td")]
    boxes += [
        (html_file(appendix.attached[0]), "article .admonition p:not(.admonition-title)")
        for appendix in appendices()
        if appendix.attached
    ][:1]
    for path, box in boxes:
        page.goto(served + path, wait_until="networkidle")
        body = page.locator("article")  # the body text's colour and size
        title = page.locator("article h1")
        assert title.evaluate(style, "color") == body.evaluate(style, "color")
        assert title.evaluate(style, "fontWeight") == "400"
        assert page.locator(box).first.evaluate(style, "fontSize") == body.evaluate(style, "fontSize"), path


def test_paragraph_numbers_look_the_same_everywhere(reader, served):
    page = reader.page
    looks = {}
    numbers = [paragraph_numbers()[0], paragraph_numbers()[-1]]  # the first and the last, on different pages as a rule
    for number in numbers:
        path = html_file(paragraph_pages()[number])
        page.goto(served + path, wait_until="networkidle")
        for where, selector in [
            ("text", f"#{anchor(number)} a.paragraph-number"),
            ("contents", f".md-sidebar--secondary a[href='#{anchor(number)}'] .paragraph-number"),
        ]:
            shown = page.locator(selector)
            looks[(number, where)] = (shown.inner_text(), shown.evaluate("e => getComputedStyle(e).fontWeight"))
    assert looks == {(number, where): (number, "700") for number in numbers for where in ("text", "contents")}


def test_a_background_paper_opened_from_a_link_is_marked_as_a_paragraph_is(reader, served):
    page = reader.page
    mark = "e => { const s = getComputedStyle(e); return [s.outlineStyle, s.outlineColor, s.outlineWidth, s.backgroundColor]; }"
    number = paragraph_numbers()[0]
    page.goto(served + f"{html_file(paragraph_pages()[number])}#{anchor(number)}", wait_until="networkidle")
    paragraph = page.locator(f"#{anchor(number)}").evaluate(mark)
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
