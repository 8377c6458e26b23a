"""The site as a council's nginx serves it (server/committee-paper.conf, started as scripts/serve does):
every page under its headers without a blocked script, style or request, text compressed on the
wire, caching, and the 404 page under a sub-path."""

from __future__ import annotations

import gzip
import http.client
import re
from collections.abc import Iterator
from urllib.parse import urljoin, urlsplit

import brotli
import pytest

from browser import site_pages, watch
from committee_paper.server.serve import running
from committee_paper.verify.browser import VIOLATION
from conftest import PAPER, run_build
from paper_facts import nav_files

SUB_PATH = "/committees/example-meeting/"  # a made-up place on a council's site


def fetch(url: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    """Status, headers (lower-case names) and body bytes as sent, by a plain HTTP client that
    decodes nothing and follows no redirect."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        connection.request("GET", parts.path or "/", headers=headers)
        response = connection.getresponse()
        return response.status, {name.lower(): value for name, value in response.getheaders()}, response.read()
    finally:
        connection.close()


def csp(headers: dict[str, str]) -> dict[str, list[str]]:
    directives = (part.split() for part in headers["content-security-policy"].split(";") if part.strip())
    return {name: values for name, *values in directives}


@pytest.fixture(scope="session")
def served_under_path(tmp_path_factory) -> Iterator[str]:
    """The site built for SITE_URL under a sub-path, served by nginx under that path."""
    with pytest.MonkeyPatch.context() as env:
        env.setenv("SITE_URL", f"https://www.example.gov.uk{SUB_PATH}")
        built = run_build(PAPER / "mkdocs.yml", tmp_path_factory.mktemp("under-path") / "site")
    assert built.returncode == 0, built.output
    with running(built.site, SUB_PATH) as base:
        yield base


@pytest.mark.parametrize("path", site_pages())
def test_every_page_loads_with_no_blocked_content_no_console_error_and_no_failed_request(chromium, served, path):
    context = chromium.new_context()
    seen = watch(context)
    console, failed = [], []
    seen.page.on(
        "console",
        lambda message: (
            console.append(f"{message.type}: {message.text}") if message.type in ("error", "warning") else None
        ),
    )
    seen.page.on("requestfailed", lambda request: failed.append(request.url))
    seen.page.on(
        "response",
        lambda response: failed.append(f"{response.status} {response.url}") if response.status >= 400 else None,
    )
    response = seen.page.goto(served + path, wait_until="networkidle")
    context.close()
    assert response.status == 200
    assert "'unsafe-inline'" not in response.headers["content-security-policy"]
    assert seen.violations == [] and seen.errors == []
    assert console == [] and failed == []


def test_the_policy_allows_scripts_from_the_site_only_and_forbids_framing_and_plugins(served):
    status, headers, _ = fetch(served + "index.html")
    policy = csp(headers)
    assert status == 200
    assert policy["default-src"] == ["'self'"] and policy["script-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"] and policy["object-src"] == ["'none'"]
    assert not [
        value
        for values in policy.values()
        for value in values
        if value in ("'unsafe-inline'", "'unsafe-eval'", "*") or "://" in value
    ]
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"
    assert re.fullmatch(r"([a-z-]+=\(\), )*[a-z-]+=\(\)", headers["permissions-policy"]), "every feature denied"


@pytest.mark.parametrize(
    "asset", ["index.html", "whole-paper.html", "stylesheets/paper.css", "search/search_index.json"]
)
def test_text_is_sent_as_brotli_when_asked_else_gzip_else_as_is(served, site, asset):
    original = (site / asset).read_bytes()
    _, headers, body = fetch(served + asset, **{"Accept-Encoding": "br, gzip"})
    assert headers["content-encoding"] == "br" and brotli.decompress(body) == original
    assert int(headers["content-length"]) == len(body) < len(original) / 2
    assert headers["vary"] == "Accept-Encoding"
    _, headers, body = fetch(served + asset, **{"Accept-Encoding": "gzip"})
    assert headers["content-encoding"] == "gzip" and gzip.decompress(body) == original
    _, headers, body = fetch(served + asset)
    assert "content-encoding" not in headers and body == original


def test_the_browser_gets_every_page_style_and_script_compressed(chromium, served):
    context = chromium.new_context()
    page = context.new_page()
    encodings: dict[str, str | None] = {}
    page.on("response", lambda response: encodings.update({response.url: response.headers.get("content-encoding")}))
    page.goto(served + "index.html", wait_until="networkidle")
    context.close()
    text = {
        url: encoding for url, encoding in encodings.items() if re.search(r"\.(html|css|js|json)$", urlsplit(url).path)
    }
    assert len(text) >= 6
    assert set(text.values()) == {"br"}, text


def test_fingerprinted_assets_are_immutable_and_pages_and_the_pdf_revalidate(served, site):
    (bundle,) = [
        path.relative_to(site).as_posix() for path in (site / "assets" / "javascripts").glob("bundle.*.min.js")
    ]
    (pdf,) = [path.relative_to(site).as_posix() for path in (site / "pdf").glob("*.pdf")]
    assert fetch(served + bundle)[1]["cache-control"] == "public, max-age=31536000, immutable"
    for path in [
        "index.html",
        nav_files()[1].replace(".md", ".html"),
        pdf,
        "stylesheets/paper.css",
    ]:  # the cover, a page
        status, headers, _ = fetch(served + path)
        assert (status, headers["cache-control"]) == (200, "no-cache"), path
        assert fetch(served + path, **{"If-None-Match": headers["etag"]})[0] == 304, path


def test_a_missing_page_anywhere_under_the_path_gets_the_styled_404_page_with_working_links(
    chromium, served_under_path
):
    context = chromium.new_context()
    seen = watch(context)
    page = seen.page
    failed: list[str] = []
    page.on(
        "response",
        lambda response: failed.append(f"{response.status} {response.url}") if response.status >= 400 else None,
    )
    for missing in ["no-such-page.html", "background/no-such-page.html", "background/", "a/b/c/d.html"]:
        failed.clear()
        response = page.goto(served_under_path + missing, wait_until="networkidle")
        assert response.status == 404, missing
        assert failed == [f"404 {served_under_path}{missing}"], "the page itself is the only 404"
        # Styled: Material's stylesheet applied, its header coloured, the search box there.
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
        assert page.locator("input.md-search__input").count() == 1
    links = page.eval_on_selector_all(
        # Links within the page (the 404 page's to its own contents) are followed by tests/test_browser_readers.py.
        "a[href]:not([href^='mailto:']):not([href^='tel:']):not([href^='#'])",
        "links => links.map(a => a.href)",
    )
    assert len(links) > 10
    for link in sorted(set(url.split("#")[0] for url in links)):
        assert link.startswith(served_under_path), link
        assert fetch(link)[0] == 200, link
    page.locator(".md-nav__link[href]").first.click()
    page.wait_for_load_state("networkidle")
    assert page.url.startswith(served_under_path) and page.title() != ""
    context.close()
    assert seen.violations == [] and seen.errors == []


def test_the_site_built_for_a_sub_path_is_served_only_under_it(served_under_path):
    root = urljoin(served_under_path, "/")
    assert fetch(served_under_path)[0] == 200
    assert fetch(served_under_path + "index.html")[0] == 200
    assert fetch(root + "index.html")[0] == 404
    status, headers, _ = fetch(served_under_path.rstrip("/"))
    assert (status, urljoin(root, headers["location"])) == (301, served_under_path), (
        "the path without its slash leads to it"
    )


def test_reporting_violations_works(chromium, served):
    """The watch the other tests rely on sees a violation when there is one."""
    context = chromium.new_context()
    seen = watch(context)
    seen.page.goto(served + "index.html", wait_until="networkidle")
    seen.page.evaluate(
        "() => { const script = document.createElement('script'); script.textContent = 'window.ran = 1'; document.body.append(script) }"
    )
    seen.page.wait_for_timeout(200)
    ran = seen.page.evaluate("window.ran === 1")
    context.close()
    assert not ran
    assert len(seen.violations) == 1 and seen.violations[0].startswith(f"{VIOLATION} script-src-elem blocked inline")
