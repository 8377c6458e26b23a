"""What a screen reader and a keyboard meet on every page: names without the permalink symbol,
permalinks named by what they do, labels that are not links to themselves, in-page links that
lead somewhere (and downwards when they say so), lists that number titles only once, Tab stops
that can be seen, and on a phone the paper's title before the links to its formats."""

from __future__ import annotations

import pytest

from browser import site_pages
from committee_paper.config import DEFAULTS

TOC = next(ext["toc"] for ext in DEFAULTS["markdown_extensions"] if isinstance(ext, dict) and "toc" in ext)
PERMALINK_NAME = TOC["permalink_title"]  # the tool's words for a heading's permalink
PERMALINK_SYMBOL = "¶"
PAGES = [path for path in site_pages() if path != "404.html"]
OWN_NUMBER = r"^\s*(\d+|[a-z])\.\s"  # a title that carries its own number: "5. Consultations", "a. …"
TABS = 40


def accessibility_tree(page) -> list[dict]:
    """Chromium's accessibility tree: each node's role and computed name."""
    session = page.context.new_cdp_session(page)
    nodes = session.send("Accessibility.getFullAXTree")["nodes"]
    session.detach()
    return [
        {"role": node.get("role", {}).get("value"), "name": node.get("name", {}).get("value", "")}
        for node in nodes
        if not node.get("ignored")
    ]


@pytest.mark.parametrize("path", PAGES)
def test_names_carry_no_permalink_symbol_and_permalinks_say_what_they_do(reader, served, path):
    page = reader.page
    page.goto(served + path, wait_until="networkidle")
    named = [
        (node["role"], node["name"])
        for node in accessibility_tree(page)
        if node["role"] in ("heading", "link", "button")
    ]
    assert [entry for entry in named if PERMALINK_SYMBOL in entry[1]] == []
    headings = page.evaluate("""() => [...document.querySelectorAll('article :is(h1,h2,h3,h4,h5,h6)[id]')]
        .map(h => [h.id, h.querySelector(`a[href="#${CSS.escape(h.id)}"]`) !== null])""")
    permalinks = page.locator("article :is(h1,h2,h3,h4,h5,h6) a[href^='#']")
    assert permalinks.count() == sum(has for _, has in headings) > 0 or path == "whole-paper.html"
    for index in range(permalinks.count()):
        assert permalinks.nth(index).get_attribute("href") != "#"
    names = {name for role, name in named if role == "link" and name == PERMALINK_NAME}
    assert names or not permalinks.count(), "the permalinks are not named by what they do"
    # A paragraph's label ("Legal:") is not a link to its own paragraph.
    labels = page.evaluate("""() => [...document.querySelectorAll('article p[id] a[href]')]
        .filter(a => a.getAttribute('href') === '#' + a.closest('p[id]').id && a.textContent.trim().endsWith(':'))
        .map(a => a.textContent.trim())""")
    assert labels == []


@pytest.mark.parametrize("path", PAGES)
def test_in_page_links_lead_somewhere_and_lists_number_titles_once(reader, served, path):
    page = reader.page
    page.goto(served + path, wait_until="networkidle")
    missing = page.evaluate("""() => [...document.querySelectorAll('a[href]')]
        .filter(a => a.origin === location.origin && a.pathname === location.pathname && a.hash.length > 1)
        .filter(a => !document.getElementById(decodeURIComponent(a.hash.slice(1))))
        .map(a => a.getAttribute('href'))""")
    assert missing == []
    doubled = page.evaluate(
        """pattern => [...document.querySelectorAll('article li')]
        .filter(li => getComputedStyle(li).display === 'list-item' && getComputedStyle(li).listStyleType !== 'none')
        .filter(li => li.parentElement.tagName === 'OL' && new RegExp(pattern).test(li.textContent))
        .map(li => li.textContent.trim().slice(0, 40))""",
        OWN_NUMBER,
    )
    assert doubled == [], "list items numbered twice"
    # A shortcut of the page ("↓ Recommendation") leads down the page.
    upwards = page.evaluate("""() => [...document.querySelectorAll('article nav a[href^="#"]')]
        .filter(a => getComputedStyle(a, '::before').content.includes('\u2193'))
        .filter(a => { const t = document.getElementById(decodeURIComponent(a.hash.slice(1)));
                       return t && t.getBoundingClientRect().top < a.getBoundingClientRect().bottom; })
        .map(a => a.getAttribute('href'))""")
    assert upwards == [], "a link marked ↓ leads up the page"


@pytest.mark.parametrize("reader", ["desktop", "mobile"], indirect=True)
@pytest.mark.parametrize("path", ["index.html", "whole-paper.html"])
def test_every_tab_stop_can_be_seen(reader, served, path):
    page = reader.page
    page.goto(served + path, wait_until="networkidle")
    unseen = []
    for _ in range(TABS):
        page.keyboard.press("Tab")
        page.wait_for_timeout(30)
        box = page.evaluate("""() => { const e = document.activeElement; if (e === document.body) return null;
            const r = e.getBoundingClientRect(); const s = getComputedStyle(e);
            return {what: e.tagName + '.' + e.className + ' ' + (e.getAttribute('aria-label') || e.textContent.trim().slice(0, 30)),
                    seen: r.width > 0 && r.height > 0 && s.visibility === 'visible' && r.bottom > 0 && r.right > 0
                          && r.top < innerHeight && r.left < innerWidth}; }""")
        if box and not box["seen"]:
            unseen.append(box["what"])
    assert unseen == []


@pytest.mark.parametrize("reader", ["mobile"], indirect=True)
@pytest.mark.parametrize("path", PAGES)
def test_a_phone_shows_what_the_paper_is_before_its_formats(reader, served, path):
    page = reader.page
    page.goto(served + path, wait_until="networkidle")
    title = page.locator("article h1").first.bounding_box()
    formats = page.locator("article .paper-download-line")
    assert formats.count() > 0
    for index in range(formats.count()):
        assert formats.nth(index).bounding_box()["y"] > title["y"] + title["height"] - 1, (
            "a format link comes before the title"
        )
