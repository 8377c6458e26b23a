"""The checks in a real browser: Debian's Chromium driven by Playwright, the site served by nginx as a council's
server serves it (server/serve.py). axe-core on every page at a desktop and a phone size, the keyboard's path
through the cover and the search, nothing requested from another host and nothing the Content-Security-Policy
blocks. What to search for and where Tab must go are derived from the built site, never written for a paper."""

from __future__ import annotations

import io
import re
import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from PIL import Image, ImageChops
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright
from playwright.sync_api import Error as PlaywrightError

from committee_paper.config import DEFAULTS
from committee_paper.model import npm
from committee_paper.server.serve import running
from committee_paper.verify.checks import Finding, Outcome
from committee_paper.verify.site import WHOLE_PAPER, Site, html_file

CHROMIUM = "/usr/bin/chromium"
# Background networking, component updates and sync would make Chromium itself call out.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE = "axe-core/axe.min.js"
VIEWPORTS = {"1280x800": {"width": 1280, "height": 800}, "375x812": {"width": 375, "height": 812}}
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
VIOLATION = "csp-violation:"  # each violation the page sees, reported through the console with this prefix
REPORT_VIOLATIONS = (
    "addEventListener('securitypolicyviolation', event => console.error("
    f"'{VIOLATION} ' + event.effectiveDirective + ' blocked ' + (event.blockedURI || 'inline') + ' at ' + "
    "event.sourceFile + ':' + event.lineNumber))"
)
MAX_TABS = 80
SETTLE_MS = 400  # Material fades the skip link and search in over 250 ms
WORD = re.compile(r"[A-Za-z]{6,}")
ACCESSIBILITY = "axe-core, every page at 1280x800 and 375x812"
KEYBOARD = "keyboard: Tab's path, focus shown, search"
PRIVACY = "own host only, no cookie, no script error, no CSP violation"


@dataclass
class Reader:
    """One browser context, as one reader gets it, recording every request, script error and CSP violation."""

    context: BrowserContext
    page: Page
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)


@dataclass
class Record:
    """What the browser checks ran with, for the test record."""

    chromium: str
    axe_core: str
    viewports: list[str]


def chromium_version() -> str:
    shown = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True, check=True).stdout
    found = re.search(r"Chromium (\S+)", shown)
    return found[1] if found else shown.strip()


def axe_version() -> str:
    version = npm.installed_version("axe-core")
    if version is None:  # as before: the browser's checks cannot run without it
        raise FileNotFoundError(f"{npm.installed('axe-core')}: not installed; {npm.SETUP_HINT}")
    return version


def watch(context: BrowserContext) -> Reader:
    """A new page of ``context``, with its requests, script errors and CSP violations recorded."""
    context.add_init_script(REPORT_VIOLATIONS)
    page = context.new_page()
    seen = Reader(context, page)
    context.on("request", lambda request: seen.requests.append(request.url))
    page.on("pageerror", lambda error: seen.errors.append(str(error)))
    page.on(
        "console", lambda message: seen.violations.append(message.text) if message.text.startswith(VIOLATION) else None
    )
    return seen


@contextmanager
def reader(browser: Browser, viewport: str) -> Iterator[Reader]:
    context = browser.new_context(viewport=VIEWPORTS[viewport])  # type: ignore[arg-type]
    seen = watch(context)
    try:
        yield seen
    finally:
        context.close()


def site_pages(site: Site) -> list[str]:
    """Every page a reader can reach: the nav's pages in reading order, the one-page paper and the 404 page."""
    return [html_file(md_file) for md_file in site.nav_files] + [WHOLE_PAPER, "404.html"]


def palettes() -> list[dict[str, str]]:
    """The colour schemes the tool's theme offers (one mapping, or a list of them for a toggle)."""
    palette = DEFAULTS["theme"].get("palette") or {}
    return palette if isinstance(palette, list) else [palette]


def axe_violations(page: Page, axe: str) -> list[str]:
    # Evaluated, not added as a <script>: the server's Content-Security-Policy blocks inline script.
    page.evaluate(axe)
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS)
    return [
        f"{found['id']} ({found['impact']}): {found['help']} at {[node['target'] for node in found['nodes'][:5]]}"
        for found in result["violations"]
    ]


def use_palette(page: Page, palette: dict[str, str]) -> None:
    page.evaluate(
        """palette => { for (const [key, value] of Object.entries(palette))
            if (['scheme', 'primary', 'accent'].includes(key))
                document.body.setAttribute(`data-md-color-${key}`, value); }""",
        palette,
    )


def search_word(site: Site) -> tuple[str, str] | None:
    """(word, result location) of a word of a numbered paragraph that no other search entry has (nor a word starting
    with the same six letters, which search's stemming could match): searching for it must find that paragraph."""
    entries = [entry for entry in site.search_index.get("docs", []) if "#para-" in entry["location"]]
    every = site.search_index.get("docs", [])
    starts = [{word.lower()[:6] for word in WORD.findall(f"{entry['title']} {entry['text']}")} for entry in every]
    for entry in entries:
        others: set[str] = set().union(
            *(found for other, found in zip(every, starts, strict=True) if other is not entry)
        )
        text = re.sub(r"<[^>]+>", " ", entry["text"])
        candidates = [word for word in WORD.findall(text) if word.lower()[:6] not in others and "'" not in word]
        if candidates:
            return max(candidates, key=len), str(entry["location"])
    return None


def accessibility(browser: Browser, site: Site, base: str) -> Outcome:
    outcome = Outcome(ACCESSIBILITY)
    axe = npm.installed(AXE).read_text(encoding="utf-8")
    for viewport in VIEWPORTS:
        with reader(browser, viewport) as seen:
            for path in site_pages(site):
                for palette in palettes():
                    outcome.checked += 1
                    seen.page.goto(base + path, wait_until="networkidle")
                    if len(palettes()) > 1:
                        use_palette(seen.page, palette)
                    for violation in axe_violations(seen.page, axe):
                        scheme = f", scheme {palette.get('scheme')}" if len(palettes()) > 1 else ""
                        outcome.findings.append(
                            Finding(
                                f"site/{path}", f"at {viewport}{scheme}: {violation}; fix the page or the tool's theme"
                            )
                        )
    return outcome


def privacy(browser: Browser, site: Site, base: str, word: str | None) -> Outcome:
    """Every page loads only from its own host, sets no cookie, has no script error and nothing blocked by the
    Content-Security-Policy; a first search (its worker and index) too."""
    outcome = Outcome(PRIVACY)
    for viewport in VIEWPORTS:
        with reader(browser, viewport) as seen:
            for number, path in enumerate(site_pages(site)):
                outcome.checked += 1
                before = (len(seen.requests), len(seen.errors), len(seen.violations))
                seen.page.goto(base + path, wait_until="networkidle")
                if number == 0 and word:
                    search(seen.page, word)
                    seen.page.wait_for_load_state("networkidle")
                where = f"site/{path}"
                for url in seen.requests[before[0] :]:
                    if not url.startswith(base):
                        outcome.findings.append(
                            Finding(where, f"at {viewport}: requests {url} from another host; serve it from the site")
                        )
                for error in seen.errors[before[1] :]:
                    outcome.findings.append(Finding(where, f"at {viewport}: script error: {error}"))
                for violation in seen.violations[before[2] :]:
                    outcome.findings.append(
                        Finding(
                            where,
                            f"at {viewport}: the Content-Security-Policy blocked it: "
                            f"{violation.removeprefix(VIOLATION).strip()}",
                        )
                    )
            if seen.context.cookies():
                outcome.findings.append(Finding("site/", f"at {viewport}: sets cookies {seen.context.cookies()}"))
    return outcome


def search(page: Page, query: str) -> list[str]:
    """Type a query into the search box as a reader would; the result pages' URLs, best first."""
    button = page.locator(".paper-search-button")  # the header's search button (theme partials/header.html)
    if button.is_visible():  # narrow screens show a search button instead of the box
        button.click()
    page.locator("input.md-search__input").press_sequentially(query, delay=20)
    page.wait_for_function(
        "() => /matching document/i.test(document.querySelector('.md-search-result__meta').textContent)",
        timeout=15_000,
    )
    results: list[str] = page.eval_on_selector_all(
        ".md-search-result__item > .md-search-result__link", "links => links.map(a => a.href)"
    )
    return results


def focus_region(page: Page, selector: str) -> dict[str, float]:
    """The focused element's box in page coordinates, with room for an outline around it."""
    box: dict[str, float] = page.evaluate(
        """s => { const r = document.querySelector(s).getBoundingClientRect();
                  return {x: r.x + scrollX, y: r.y + scrollY, width: r.width, height: r.height}; }""",
        selector,
    )
    margin = 8
    return {
        "x": max(box["x"] - margin, 0),
        "y": max(box["y"] - margin, 0),
        "width": box["width"] + 2 * margin,
        "height": box["height"] + 2 * margin,
    }


def changed_pixels(before: bytes, after: bytes) -> int:
    """Pixels that differ clearly (by more than 40 of 255 in some colour channel)."""
    red, green, blue = ImageChops.difference(
        Image.open(io.BytesIO(before)).convert("RGB"), Image.open(io.BytesIO(after)).convert("RGB")
    ).split()
    strongest = ImageChops.lighter(ImageChops.lighter(red, green), blue)
    changed: int = strongest.point(lambda value: 255 if value > 40 else 0).histogram()[255]
    return changed


def first_section(site: Site) -> str | None:
    """The first page of the nav after the cover that the cover's content links to."""
    linked = {str(a["href"]).split("#")[0] for a in site.soup("index.html").select("article a[href]")}
    return next((html_file(md) for md in site.nav_files[1:] if html_file(md) in linked), None)


def keyboard(browser: Browser, site: Site, base: str, word: tuple[str, str] | None) -> Outcome:
    outcome = Outcome(KEYBOARD)
    targets = {"skip link": "a.md-skip", "search box": "input.md-search__input"}
    if site.soup("index.html").select_one("article a.paper-download"):
        targets["PDF download link"] = "a.paper-download"
    section = first_section(site)
    if section:
        targets["first section link"] = f"article a[href='{section}']"
    with reader(browser, "1280x800") as seen:
        page = seen.page
        page.goto(base + "index.html", wait_until="networkidle")
        reached: dict[str, int] = {}
        for press in range(1, MAX_TABS + 1):
            page.keyboard.press("Tab")
            for name, selector in targets.items():
                if name in reached or not page.evaluate("s => document.activeElement.matches(s)", selector):
                    continue
                reached[name] = press
                page.wait_for_timeout(SETTLE_MS)
                clip = focus_region(page, selector)
                focused = page.screenshot(clip=clip, full_page=True)  # type: ignore[arg-type]
                page.evaluate("() => document.activeElement.blur()")
                page.wait_for_timeout(SETTLE_MS)
                unfocused = page.screenshot(clip=clip, full_page=True)  # type: ignore[arg-type]
                changed, needed = changed_pixels(focused, unfocused), int(2 * (clip["width"] + clip["height"] - 32))
                outcome.checked += 1
                if changed < needed:
                    outcome.findings.append(
                        Finding(
                            "site/index.html",
                            f"the {name}'s focus indicator is too faint ({changed} pixels "
                            f"change, {needed} needed); fix the tool's theme",
                        )
                    )
                page.locator(selector).first.focus()  # carry on tabbing from here
            if len(reached) == len(targets):
                break
        for name in targets:
            outcome.checked += 1
            if name not in reached:
                outcome.findings.append(
                    Finding("site/index.html", f"Tab never reaches the {name} in {MAX_TABS} presses")
                )
        outcome.checked += 1
        if reached.get("skip link") != 1:
            outcome.findings.append(Finding("site/index.html", "the skip link is not the first thing Tab reaches"))
        outcome.findings += _search_by_keyboard(page, base, word)
        outcome.checked += 1
    return outcome


def _search_by_keyboard(page: Page, base: str, word: tuple[str, str] | None) -> list[Finding]:
    """From the top of the cover: Tab to the search box, which opens as a dialog named "Search this site"; type a word
    only one paragraph has; arrow down to that paragraph's result; Enter opens it with the word highlighted."""
    if word is None:
        return [Finding("site/search/search_index.json", "no word only one numbered paragraph has, to search for")]
    query, location = word
    page.goto(base + "index.html", wait_until="networkidle")
    try:
        for _ in range(3):
            page.keyboard.press("Tab")
        if not page.evaluate("() => document.activeElement.matches('input.md-search__input')"):
            return [Finding("site/index.html", "the third Tab press does not reach the search box")]
        dialog: dict[str, Any] = page.evaluate(
            "() => { const d = document.querySelector('.md-search'); return {role: d.getAttribute('role'), "
            "label: d.getAttribute('aria-label')}; }"
        )
        found = []
        if dialog != {"role": "dialog", "label": "Search this site"}:
            found.append(Finding("site/index.html", f"the search is not a dialog named 'Search this site': {dialog}"))
        page.keyboard.type(query, delay=20)
        page.locator(".md-search-result__item").first.wait_for(timeout=15_000)
        anchor = "#" + location.split("#")[1]
        for _ in range(3):
            page.keyboard.press("ArrowDown")
            if page.evaluate("() => document.activeElement.hash") == anchor:
                break
        else:
            return [*found, Finding("site/index.html", f"arrow keys never reach the result {location} for '{query}'")]
        page.keyboard.press("Enter")
        page.wait_for_url(f"**/{location.split('#')[0]}?h={query.lower()}*", timeout=15_000)
        if page.locator("article mark").first.inner_text() != query:
            found.append(Finding(f"site/{location}", f"the search for '{query}' opens it without the word highlighted"))
        return found
    except PlaywrightError as error:
        return [
            Finding("site/index.html", f"searching by keyboard for '{query}' failed: {error.message.splitlines()[0]}")
        ]


def browser_checks(site: Site) -> tuple[list[Outcome], Record]:
    record = Record(chromium_version(), axe_version(), list(VIEWPORTS))
    word = search_word(site)
    with running(site.site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        steps: list[tuple[str, Callable[[], Outcome]]] = [
            (ACCESSIBILITY, partial(accessibility, browser, site, base)),
            (KEYBOARD, partial(keyboard, browser, site, base, word)),
            (PRIVACY, partial(privacy, browser, site, base, word[0] if word else None)),
        ]
        try:
            outcomes = [_guarded(name, step) for name, step in steps]
        finally:
            browser.close()
    return outcomes, record


def _guarded(name: str, check: Callable[[], Outcome]) -> Outcome:
    """The check's outcome; a browser step that fails (a timeout, a page that never settles) is a failure of it."""
    try:
        return check()
    except PlaywrightError as error:
        failed = Finding("site/", f"the browser stopped: {error.message.splitlines()[0]}; fix the page, or run again")
        return Outcome(name, 1, [failed])
