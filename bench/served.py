"""The built site as nginx serves it (server/committee-paper.conf): bytes on the wire and Lighthouse.

Usage: .venv/bin/python bench/served.py [SITE] [--no-lighthouse]   (SITE: site/ unless given;
Lighthouse after `npm ci --prefix bench`)

For every page of the site (each .html file, the 404 page and the one-page paper included) it
prints the bytes a first view moves over the wire, headers included, when the browser accepts
brotli, when it accepts gzip only, and uncompressed: the page and every file Chromium fetches for it (styles,
scripts, the search index and worker, images). Then, for every page, Lighthouse's mobile
performance score and first contentful paint (simulated slow 4G, 4x CPU slowdown), served by
the same nginx. Numbers only, no verdicts: the targets are in bench/README.md.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent

from playwright.sync_api import sync_playwright  # noqa: E402

from committee_paper.server.serve import running  # noqa: E402
from committee_paper.verify.browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402  # as verify launches it

LIGHTHOUSE = ROOT / "bench" / "node_modules" / ".bin" / "lighthouse"
ENCODINGS = {"brotli": "br, gzip", "gzip": "gzip", "none": "identity"}


def first_view_urls(base: str, pages: list[str]) -> dict[str, list[str]]:
    """Every URL Chromium fetches for each page's first view (a fresh context: nothing cached)."""
    origin = "{0.scheme}://{0.netloc}/".format(urlsplit(base))
    found = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for page in pages:
            context = browser.new_context()
            tab = context.new_page()
            urls: list[str] = []
            tab.on("request", lambda request, urls=urls: urls.append(request.url))
            tab.goto(base + page, wait_until="networkidle")
            context.close()
            found[page] = list(dict.fromkeys(url for url in urls if url.startswith(origin)))
        browser.close()
    return found


def wire_bytes(url: str, accept_encoding: str) -> int:
    """Status line, headers and body as nginx sends them."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        connection.request("GET", parts.path, headers={"Accept-Encoding": accept_encoding})
        response = connection.getresponse()
        body = response.read()
        headers = (
            f"HTTP/1.1 {response.status} {response.reason}\r\n"
            + "".join(f"{name}: {value}\r\n" for name, value in response.getheaders())
            + "\r\n"
        )
        return len(headers.encode()) + len(body)
    finally:
        connection.close()


def lighthouse(url: str) -> tuple[float, float]:
    """Performance score (0-100) and first contentful paint (ms), Lighthouse mobile."""
    flags = "--headless=new " + " ".join(CHROMIUM_ARGS)
    report = subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--only-categories=performance",
            "--form-factor=mobile",
            f"--chrome-flags={flags}",
            "--output=json",
            "--output-path=stdout",
        ],
        env={**os.environ, "CHROME_PATH": CHROMIUM},
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    result = json.loads(report.stdout)
    return result["categories"]["performance"]["score"] * 100, result["audits"]["first-contentful-paint"][
        "numericValue"
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", default=str(ROOT / "site"), help="the built site (site/ unless given)")
    parser.add_argument("--no-lighthouse", action="store_true", help="bytes on the wire only")
    args = parser.parse_args()
    site = Path(args.site)
    if not args.no_lighthouse and not LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse is not installed: run `npm ci --prefix bench` first")
    pages = sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html"))
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores", flush=True)
    with running(site) as base:
        views = first_view_urls(base, pages)
        print("\nFirst view on the wire, served by nginx (KB, headers included; files fetched):")
        print(f"{'page':<46} {'brotli':>8} {'gzip':>8} {'none':>8} {'files':>5}")
        for page, urls in views.items():
            sizes = {name: sum(wire_bytes(url, accept) for url in urls) / 1024 for name, accept in ENCODINGS.items()}
            print(
                f"{page:<46} {sizes['brotli']:>8.1f} {sizes['gzip']:>8.1f} {sizes['none']:>8.1f} {len(urls):>5}",
                flush=True,
            )
        if args.no_lighthouse:
            return
        print("\nLighthouse mobile (simulated slow 4G), served by nginx:")
        print(f"{'page':<46} {'perf':>5} {'FCP ms':>7}")
        results = {}
        for page in pages:
            results[page] = lighthouse(base + page)
            print(f"{page:<46} {results[page][0]:>5.0f} {results[page][1]:>7.0f}", flush=True)
        scores, paints = zip(*results.values(), strict=True)
        print(f"lowest performance {min(scores):.0f}; slowest FCP {max(paints):.0f} ms")


if __name__ == "__main__":
    main()
