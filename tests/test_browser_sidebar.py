"""The desktop sidebars at 1280×800: no link scrolls under anything (a sticky title, say), and
the menu shows the current page together with the way back to the cover."""

from __future__ import annotations

import pytest

from browser import site_pages

STEP = 40  # px the sidebars are scrolled by between looks
# Links inside a sidebar's visible area whose middle or ends are covered by something else.
COVERED = """wrap => {
    const area = wrap.getBoundingClientRect();
    const covered = [];
    for (const link of wrap.querySelectorAll('a[href]')) {
        const r = link.getBoundingClientRect();
        if (!link.getClientRects().length || r.bottom <= area.top || r.top >= area.bottom) continue;
        const x = r.left + Math.min(8, r.width / 2);
        const ys = [r.top + 2, r.top + r.height / 2, r.bottom - 2].filter(y => y > area.top && y < area.bottom);
        for (const y of ys) {
            const top = document.elementFromPoint(x, y);
            if (top && top !== link && !link.contains(top)) { covered.push(`${link.textContent.trim()} under ${top.className || top.tagName}`); break; }
        }
    }
    return covered;
}"""
FULLY_SHOWN = """link => { const r = link.getBoundingClientRect(); const area = link.closest('.md-sidebar__scrollwrap').getBoundingClientRect();
    return r.height > 0 && r.top >= area.top && r.bottom <= area.bottom; }"""


@pytest.mark.parametrize("path", [path for path in site_pages() if path != "404.html"])
def test_no_sidebar_link_is_covered_at_any_scroll(reader, served, path):
    page = reader.page
    page.goto(served + path, wait_until="networkidle")
    covered = set()
    for wrap in page.locator(".md-sidebar:visible .md-sidebar__scrollwrap").all():
        height = wrap.evaluate("w => w.scrollHeight - w.clientHeight")
        for top in [*range(0, height, STEP), height]:
            wrap.evaluate("(w, top) => { w.scrollTop = top; }", top)
            covered |= set(wrap.evaluate(COVERED))
    assert sorted(covered) == []


@pytest.mark.parametrize("path", [path for path in site_pages() if path != "404.html"])
def test_menu_shows_the_current_page_and_the_way_back_to_the_cover(reader, served, path):
    page = reader.page
    page.goto(served + path, wait_until="networkidle")
    menu = page.locator(".md-sidebar--primary nav.md-nav--primary")
    cover = menu.locator("a.md-nav__link:visible").first
    assert cover.get_attribute("href").endswith("index.html") or path == "index.html"
    assert cover.evaluate(FULLY_SHOWN), "the link back to the cover is scrolled out of the menu"
    current = menu.locator(".md-nav__link--active:visible").first
    if current.count():
        assert current.evaluate(FULLY_SHOWN), "the current page's entry is scrolled out of the menu"
