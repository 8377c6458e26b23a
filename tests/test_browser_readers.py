"""What a reader panel found on phones, by keyboard and with a screen reader (issue 29): the open
phone menu's Tab stops, focus never under the sticky header, the phone's first screen, landmark
names, focus indicators' contrast, Escape in search, text spacing and the 404 page."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from browser import VIEWPORTS, site_pages, watch
from committee_paper.model import npm
from conftest import ROOT
from paper_facts import nav_files, paragraph_pages, search_words
from test_browser_names import accessibility_tree
from test_browser_reading import MEETING, MEETING_LINE, cover_shortcuts, in_first_screen
from test_browser_server import served_under_path  # noqa: F401,F811  (the site built and served under a sub-path)

SLIDE_MS = 400  # the drawer slides over 250 ms
PAGES = [path for path in site_pages() if path != "404.html"]
A_PAGE_WITH_PARAGRAPHS = next(iter(paragraph_pages())).replace(".md", ".html")
PHONE_SMALL = {"width": 320, "height": 640}

# The focused element: where it is, whether it can be seen (nothing transparent or hidden on the
# way to <body>, its middle not covered), and the scroll of every box around it.
FOCUSED = """() => { const e = document.activeElement; if (e === document.body) return null;
    const r = e.getBoundingClientRect(); let opacity = 1, hidden = false, sideways = 0;
    for (let n = e; n; n = n.parentElement) { const s = getComputedStyle(n); opacity *= parseFloat(s.opacity);
        hidden ||= s.visibility !== 'visible'; sideways = Math.max(sideways, n.scrollLeft); }
    const x = r.x + r.width / 2, y = r.y + r.height / 2;
    const top = x >= 0 && y >= 0 && x < innerWidth && y < innerHeight && document.elementFromPoint(x, y);
    return {what: e.tagName + ' ' + (e.getAttribute('aria-label') || e.textContent.trim().slice(0, 40)),
            href: e.getAttribute('href'), inDrawer: !!e.closest('.md-sidebar--primary'),
            inHeader: !!e.closest('.md-header'), inSidebar: !!e.closest('.md-sidebar'),
            top: r.top, bottom: r.bottom, left: r.left, right: r.right, opacity, hidden, sideways,
            uncovered: !!top && (top === e || e.contains(top)),
            topCovered: r.top < innerHeight && !!document.elementFromPoint(x, Math.max(0, r.top) + 1)?.closest('.md-header'),
            pageTop: r.top + (() => { let y = 0; for (let n = e.parentElement; n; n = n.parentElement) y += n.scrollTop; return y; })()}; }"""


def settle(page) -> None:
    """Wait for every transition and animation on the page to end (the drawer sliding, search opening or closing).

    Two frames first: a focus that opens search starts its transitions a frame later (Material's script)."""
    page.evaluate(
        "() => new Promise(frame => requestAnimationFrame(() => requestAnimationFrame(frame))).then(() =>"
        " Promise.all(document.getAnimations().map(animation => animation.finished.catch(() => null))))"
    )


def open_menu(page) -> None:
    button = page.get_by_role("button", name="Menu", exact=True)
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_timeout(SLIDE_MS)
    expect(button).to_have_attribute("aria-expanded", "true")


@pytest.mark.parametrize("width", [320, 375, 800])
@pytest.mark.parametrize("path", ["index.html", A_PAGE_WITH_PARAGRAPHS, nav_files()[-2].replace(".md", ".html")])
def test_every_tab_stop_of_the_open_phone_menu_is_seen_on_screen_in_reading_order(chromium, served, path, width):
    context = chromium.new_context(viewport={"width": width, "height": 740})
    page = context.new_page()
    page.goto(served + path, wait_until="networkidle")
    open_menu(page)
    drawer = page.locator(".md-sidebar--primary").bounding_box()
    stops = [page.evaluate(FOCUSED)]
    while len(stops) < 80:
        page.keyboard.press("Tab")
        settle(page)
        stop = page.evaluate(FOCUSED)
        if stop is None or not stop["inDrawer"]:
            break
        stops.append(stop)
    context.close()
    assert len(stops) > 5
    faults = {
        stop["what"]: {
            "transparent": stop["opacity"] < 1,
            "hidden": stop["hidden"],
            "scrolled sideways": stop["sideways"] > 0,
            "covered": not stop["uncovered"],
            "beside the menu": stop["left"] < drawer["x"] or stop["right"] > drawer["x"] + drawer["width"],
            "above or below the screen": stop["top"] < -1 or stop["bottom"] > 741,  # 1 px for rounding
        }
        for stop in stops
    }
    faults = {what: [fault for fault, found in found.items() if found] for what, found in faults.items()}
    faults = {what: found for what, found in faults.items() if found}
    assert faults == {}, "Tab stops of the open menu not seen whole on screen, or the menu scrolled sideways"
    tops = [stop["pageTop"] for stop in stops if stop["href"]]
    assert tops == sorted(tops), "the menu's Tab stops go up and down the menu, not in reading order"


def test_the_statement_says_only_what_is_true_of_the_menu():
    """The skeleton's statement (every new paper's) and the made-up papers' that describe the menu."""
    skeleton = ROOT / "scripts/skeleton/docs/accessibility.md"
    statements = [skeleton, *sorted((ROOT / "tests").glob("**/docs/accessibility.md"))]
    described = 0
    for statement in statements:
        text = " ".join(statement.read_text(encoding="utf-8").split())
        assert "the open menu's links are in order" not in text, statement
        if statement == skeleton or "the open menu" in text:
            assert "current page's contents" in text, f"{statement}: say what the open menu shows and how Tab goes"
            described += 1
    assert described > 1, statements


@pytest.mark.parametrize("reader", ["desktop", "mobile"], indirect=True)
@pytest.mark.parametrize("path", ["whole-paper.html", A_PAGE_WITH_PARAGRAPHS, nav_files()[2].replace(".md", ".html")])
def test_focus_is_never_under_the_sticky_header_tabbing_forwards_or_backwards(reader, served, path):
    page = reader.page
    page.goto(served + path, wait_until="networkidle")
    header = page.locator("header.md-header").bounding_box()
    under = []
    for key, presses in [("Tab", 120), ("Shift+Tab", 119)]:
        for _ in range(presses):
            page.keyboard.press(key)
            settle(page)
            stop = page.evaluate(FOCUSED)
            if stop and not stop["inHeader"] and not stop["inSidebar"] and stop["topCovered"]:
                under.append(f"{key}: {stop['what']} at {round(stop['top'])}")
    assert under == [], f"focused items (partly) under the {header['height']} px header"


def test_a_small_phone_shows_the_meeting_title_and_ways_on_in_its_first_screen(chromium, served):
    context = chromium.new_context(viewport=PHONE_SMALL)
    page = context.new_page()
    page.goto(served + "index.html", wait_until="networkidle")
    article = page.locator("article")
    facts = {
        "council": article.get_by_text(MEETING["council"], exact=True),
        "committee": article.get_by_text(MEETING["committee"], exact=True).first,
        "meeting date": article.get_by_text(MEETING_LINE).first,
        "title": page.locator("article h1"),
    } | {f"link to {text}": article.get_by_role("link", name=text, exact=True) for text in cover_shortcuts()}
    seen = {name: in_first_screen(page, locator) for name, locator in facts.items()}
    # GOV.UK's largest heading is 32 px on small screens (its "heading-xl"); a body line is 16 px.
    size = page.locator("article h1").evaluate("h1 => parseFloat(getComputedStyle(h1).fontSize)")
    context.close()
    assert len(facts) > 5
    assert seen == {name: True for name in facts}
    assert 19 <= size <= 32


def landmarks(page) -> list[tuple[str, str]]:
    return [
        (node["role"], node["name"])
        for node in accessibility_tree(page)
        if node["role"] in ("navigation", "region", "complementary", "main", "banner", "contentinfo", "search", "form")
    ]


@pytest.mark.parametrize("path", PAGES)
def test_landmarks_are_named_by_their_headings_words_only(reader, served, path):
    page = reader.page
    page.goto(served + path, wait_until="networkidle")
    labelled = page.eval_on_selector_all(
        "nav[aria-labelledby], section[aria-labelledby], aside[aria-labelledby]",
        "found => found.map(e => document.getElementById(e.getAttribute('aria-labelledby')))"
        ".filter(Boolean).map(h => h.cloneNode(true)).map(h => (h.querySelectorAll('.headerlink').forEach(a => a.remove()), h.textContent.trim()))",
    )
    names = [name for _, name in landmarks(page)]
    assert [name for name in names if "Link to this section" in name or "¶" in name] == []
    assert all(words in names for words in labelled), (labelled, names)


def contrast(page, first: str, second: str) -> float:
    return page.evaluate(
        """([a, b]) => { const rgba = c => { const v = c.match(/[\\d.]+/g).map(Number); return [...v.slice(0, 3), v[3] ?? 1]; };
            const [top, under] = [rgba(a), rgba(b)];  // the first colour laid over the second, as drawn
            const seen = top.slice(0, 3).map((v, i) => v * top[3] + under[i] * (1 - top[3]));
            const lum = c => { const [r, g, b] = c.map(v => v / 255)
              .map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
            const [x, y] = [lum(seen), lum(under)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); }""",
        [first, second],
    )


# The focused element's outline colour, and the colour behind the outline: the first opaque
# background on the way up from the element's parent (the outline is drawn outside the element).
RING = r"""() => { const e = document.activeElement; if (e === document.body) return null; const s = getComputedStyle(e);
    const layers = [];  // the backgrounds behind the outline, nearest first, down to an opaque one
    for (let n = s.outlineOffset.startsWith('-') ? e : e.parentElement; n; n = n.parentElement) {
        const c = getComputedStyle(n).backgroundColor.match(/[\d.]+/g).map(Number);
        if ((c[3] ?? 1) > 0) layers.push(c); if ((c[3] ?? 1) === 1) break; }
    let seen = [255, 255, 255];
    for (const [r, g, b, a = 1] of layers.reverse()) seen = [r, g, b].map((v, i) => v * a + seen[i] * (1 - a));
    const behind = `rgb(${seen.map(Math.round).join(', ')})`;
    return {what: e.tagName + ' ' + (e.getAttribute('aria-label') || e.textContent.trim().slice(0, 40)),
            outline: s.outlineStyle === 'none' ? null : s.outlineColor, width: parseFloat(s.outlineWidth), behind}; }"""


@pytest.mark.parametrize("reader", ["desktop", "mobile"], indirect=True)
def test_every_focus_indicator_has_3_to_1_contrast_including_the_open_menus(reader, served):
    page = reader.page
    page.goto(served + A_PAGE_WITH_PARAGRAPHS, wait_until="networkidle")
    if page.get_by_role("button", name="Menu", exact=True).is_visible():
        open_menu(page)
        rings = [page.evaluate(RING)]
    else:
        rings = []
    for _ in range(40):
        page.keyboard.press("Tab")
        settle(page)
        ring = page.evaluate(RING)
        if ring:
            rings.append(ring)
    weak = [
        (ring["what"], ring["outline"], ring["behind"])
        for ring in rings
        if ring["outline"] is None or ring["width"] < 2 or contrast(page, ring["outline"], ring["behind"]) < 3
    ]
    assert len(rings) > 20
    assert weak == []


@pytest.mark.parametrize("reader", ["mobile"], indirect=True)
def test_the_drawer_logos_focus_ring_does_not_cover_the_drawers_title(reader, served):
    page = reader.page
    page.goto(served + "index.html", wait_until="networkidle")
    open_menu(page)
    logo = page.locator(".md-nav--primary > .md-nav__title .md-logo")
    logo.focus()
    ring = logo.evaluate(
        "e => { const r = e.getBoundingClientRect(), s = getComputedStyle(e); const o = parseFloat(s.outlineOffset) + parseFloat(s.outlineWidth);"
        " return {top: r.top - o, bottom: r.bottom + o, left: r.left - o, right: r.right + o}; }"
    )
    title = page.locator(".md-nav--primary > .md-nav__title").evaluate(
        "t => { const range = document.createRange(); const text = [...t.childNodes].filter(n => n.nodeType === 3 && n.textContent.trim())[0];"
        " range.selectNodeContents(text); const r = range.getBoundingClientRect(); return {top: r.top, bottom: r.bottom, left: r.left, right: r.right}; }"
    )
    overlaps = (
        ring["left"] < title["right"]
        and title["left"] < ring["right"]
        and ring["top"] < title["bottom"]
        and title["top"] < ring["bottom"]
    )
    assert not overlaps, (ring, title)


@pytest.mark.parametrize("reader", list(VIEWPORTS), indirect=True)
def test_escape_in_search_returns_focus_to_the_search_control(reader, served):
    page = reader.page
    page.goto(served + "index.html", wait_until="networkidle")
    for _ in range(6):  # Tab to the search control, as a keyboard user does
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('.md-search__input, .paper-search-button')"):
            break
    which = "document.activeElement.matches('.md-search__input') ? 'the search box' : document.activeElement.getAttribute('aria-label')"
    control = page.evaluate(which)
    page.keyboard.press("Enter")  # a button opens search; in the box, Enter does nothing yet
    page.wait_for_timeout(300)
    expect(page.locator("input.md-search__input")).to_be_focused()
    page.keyboard.type(next(iter(search_words().values())))  # a word of the paper's own
    page.wait_for_timeout(500)
    page.keyboard.press("Escape")
    page.wait_for_timeout(300)
    assert page.evaluate("document.getElementById('__search').checked") is False, "Escape closes search"
    assert page.evaluate(which) == control
    assert page.evaluate(FOCUSED)["uncovered"], "the search control is seen"


# WCAG 1.4.12's text spacing, as its bookmarklet sets it.
TEXT_SPACING = """* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }"""
# Text cut off: taller or wider than a box that hides what overflows (a box clamped to some
# lines, which ends them with "…", may be), or outside a box that hides what overflows.
CLIPPED = """() => [...document.querySelectorAll('body *')].filter(e => { const s = getComputedStyle(e);
    if (!e.getClientRects().length || s.visibility !== 'visible' || !e.textContent.trim()
        || e.closest('.md-search, .md-sidebar, [hidden], .md-header__topic + .md-header__topic')) return false;
    const hides = n => /hidden|clip/.test(getComputedStyle(n).overflowX + getComputedStyle(n).overflowY);
    const r = e.getBoundingClientRect();
    if (r.top < -1 || r.left < -1) return true;  // above or left of the page, where no scrolling reaches
    // A box of 1 px that hides what overflows is text for screen readers only (a phone's table headings).
    const forScreenReaders = n => hides(n) && n.getBoundingClientRect().width <= 1;
    for (let n = e.parentElement; n && n !== document.body; n = n.parentElement) {
        const b = n.getBoundingClientRect();
        if (forScreenReaders(n)) return false;
        if (hides(n) && (r.top < b.top - 1 || r.bottom > b.bottom + 1 || r.left < b.left - 1 || r.right > b.right + 1)) return true; }
    return hides(e) && !forScreenReaders(e) && s.webkitLineClamp === 'none' && (e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1); })
    .map(e => e.tagName + '.' + e.className + ': ' + e.textContent.trim().slice(0, 40))"""


@pytest.mark.parametrize("path", PAGES)
def test_nothing_is_clipped_at_320px_with_wcag_text_spacing(chromium, served, path):
    context = chromium.new_context(viewport=PHONE_SMALL, bypass_csp=True)  # to add the spacing's style
    page = context.new_page()
    page.goto(served + path, wait_until="networkidle")
    page.add_style_tag(content=TEXT_SPACING)
    page.wait_for_timeout(100)
    clipped = page.evaluate(CLIPPED)
    overflow = page.evaluate("document.scrollingElement.scrollWidth - innerWidth")
    context.close()
    assert clipped == []
    assert overflow <= 0


def test_the_404_page_says_page_not_found_and_shows_the_ways_on_under_a_sub_path(chromium, served_under_path):  # noqa: F811
    context = chromium.new_context(viewport=VIEWPORTS["mobile"])
    seen = watch(context)
    page = seen.page
    page.goto(served_under_path + "background/no-such-page.html", wait_until="networkidle")
    assert page.title().startswith("Page not found")
    main = page.locator("article")
    expect(main.locator("h1")).to_have_text("Page not found")
    site_name = page.evaluate("document.querySelector('.md-header__topic .md-ellipsis').textContent.trim()")
    expect(main).to_contain_text(site_name)
    ways = {
        "cover": main.get_by_role("link", name="cover", exact=False).first,
        "contents": main.get_by_role("link", name="contents", exact=False).first,
        "search": main.get_by_role("button", name="Search", exact=False).or_(
            main.get_by_role("link", name="search", exact=False)
        ),
    }
    for way in ways.values():
        expect(way.first).to_be_visible()
    ways["cover"].click()
    page.wait_for_load_state("networkidle")
    assert page.url in (served_under_path, served_under_path + "index.html")
    page.go_back(wait_until="networkidle")
    ways["contents"].click()
    page.wait_for_load_state("networkidle")
    assert page.url.startswith(served_under_path) and "#" in page.url
    expect(page.locator(f"#{page.url.split('#')[1]}")).to_be_in_viewport()
    page.go_back(wait_until="networkidle")
    ways["search"].first.click()
    expect(page.locator("input.md-search__input")).to_be_focused()
    context.close()
    assert seen.violations == [] and seen.errors == []


HTMLCS = npm.installed("html_codesniffer/build/HTMLCS.js")
# HTML_CodeSniffer's errors for WCAG 2 AA, as pa11y runs it: each rule's code and the element.
SNIFF = """() => new Promise(resolve => HTMLCS.process('WCAG2AA', document, () => resolve(HTMLCS.getMessages()
    .filter(message => message.type === HTMLCS.ERROR)
    .map(message => message.code.split('.').slice(-3).join('.') + ' ' + (message.element.outerHTML || '').slice(0, 120)))))"""


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_html_codesniffer_finds_no_wcag2aa_error_on_any_page(chromium, served, viewport):
    context = chromium.new_context(viewport=VIEWPORTS[viewport], bypass_csp=True)  # to add the sniffer's script
    page = context.new_page()
    errors = {}
    for path in site_pages():
        page.goto(served + path, wait_until="networkidle")
        page.add_script_tag(path=HTMLCS)
        found = page.evaluate(SNIFF)
        if found:
            errors[path] = found
    context.close()
    assert errors == {}


@pytest.mark.parametrize("reader", ["desktop"], indirect=True)
def test_the_search_forms_submit_button_goes_to_the_results_without_leaving_the_page(reader, served):
    page = reader.page
    page.goto(served + "index.html", wait_until="networkidle")
    page.locator("input.md-search__input").focus()
    page.keyboard.type(next(iter(search_words().values())))  # a word of the paper's own
    page.locator(".md-search-result__link").first.wait_for()
    page.get_by_role("button", name="Go to the results").click()
    expect(page.locator(".md-search-result__link").first).to_be_focused()
    assert page.url == served + "index.html"
