"""The phone menu (Material's drawer) by keyboard and screen reader, at 375×812: a named button
that says whether the menu is open; while closed, the menu's links take no Tab stop; while open,
Tab goes through them in order; Escape closes it and returns focus to the button."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from browser import site_pages

MAX_TABS = 60
SLIDE_MS = 400  # the drawer slides over 250 ms
FOCUSED = """() => { const e = document.activeElement; const r = e.getBoundingClientRect();
    return {inDrawer: !!e.closest('.md-sidebar--primary'), href: e.getAttribute('href'), label: e.getAttribute('aria-label'),
            body: e === document.body, shown: (() => { const x = r.x + r.width / 2, y = r.y + r.height / 2;
                const top = x >= 0 && y >= 0 && x < innerWidth && y < innerHeight && document.elementFromPoint(x, y);
                return !!top && (top === e || e.contains(top)); })()}; }"""
DRAWER_LINKS = """() => [...document.querySelectorAll('.md-sidebar--primary a[href]')]
    .filter(a => a.getClientRects().length).map(a => a.getAttribute('href'))"""


def tab_stops(page, presses: int) -> list[dict]:
    stops = []
    for _ in range(presses):
        page.keyboard.press("Tab")
        stops.append(page.evaluate(FOCUSED))
    return stops


@pytest.mark.parametrize("reader", ["mobile"], indirect=True)
@pytest.mark.parametrize("path", [path for path in site_pages() if path != "404.html"])
def test_closed_menu_takes_no_tab_stop_and_its_button_is_named_with_its_state(reader, served, path):
    page = reader.page
    page.goto(served + path, wait_until="networkidle")
    button = page.get_by_role("button", name="Menu", exact=True)
    expect(button).to_be_visible()
    expect(button).to_have_attribute("aria-expanded", "false")
    stops = tab_stops(page, MAX_TABS)
    assert [stop["href"] for stop in stops if stop["inDrawer"]] == [], "the closed menu's links took Tab stops"
    assert "Menu" in [stop["label"] for stop in stops], "Tab never reached the menu button"


@pytest.mark.parametrize("reader", ["mobile"], indirect=True)
@pytest.mark.parametrize("path", ["index.html", [path for path in site_pages() if "/" in path][-1]])
def test_open_menu_takes_tab_in_order_and_escape_closes_it_returning_focus(reader, served, path):
    page = reader.page
    page.goto(served + path, wait_until="networkidle")
    button = page.get_by_role("button", name="Menu", exact=True)
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_timeout(SLIDE_MS)
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(page.locator(".md-sidebar--primary nav.md-nav--primary")).to_be_in_viewport()
    links = page.evaluate(DRAWER_LINKS)
    first = page.evaluate(FOCUSED)
    assert first["inDrawer"] and first["href"] == links[0], "opening the menu puts focus on its first link"
    stops = [first] + tab_stops(page, len(links) - 1)
    assert [stop["href"] for stop in stops] == links, "Tab goes through the menu's links in order"
    hidden = [stop["href"] for stop in stops if not stop["shown"]]
    assert hidden == [], "a focused link of the open menu is off the screen or covered"
    # While the menu is open the page behind it takes no Tab stop: Tab after the last link leaves the page.
    after = tab_stops(page, 1)[0]
    assert after["inDrawer"] or after["body"], f"Tab left the open menu for the page behind it: {after}"
    page.keyboard.press("Escape")
    page.wait_for_timeout(SLIDE_MS)
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(button).to_be_focused()
    expect(page.locator(".md-sidebar--primary nav.md-nav--primary")).not_to_be_in_viewport()
    # The button closes the menu too, and a pointer can still open it.
    button.click()
    page.wait_for_timeout(SLIDE_MS)
    expect(button).to_have_attribute("aria-expanded", "true")
    button.click()
    page.wait_for_timeout(SLIDE_MS)
    expect(button).to_have_attribute("aria-expanded", "false")
