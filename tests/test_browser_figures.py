"""A figure on a phone (issue 29): it opens at full size, by a link to its image named by its caption, and
it is never wider than the screen. On the made-up cabinet report (tests/fixtures/cabinet-report), whose
chart is an SVG figure with a caption."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from browser import VIEWPORTS
from committee_paper.server.serve import running
from conftest import run_build
from publishing import publish

PAPER = Path(__file__).parent / "fixtures" / "cabinet-report"
WIDTHS = [320, VIEWPORTS["mobile"]["width"], VIEWPORTS["desktop"]["width"]]


@pytest.fixture(scope="module")
def cabinet_report(tmp_path_factory) -> Iterator[str]:
    where = tmp_path_factory.mktemp("figures") / "paper"
    built = run_build(publish(PAPER, where), where / "site")
    assert built.returncode == 0, built.output
    with running(built.site) as base:
        yield base


def figure_pages() -> list[str]:
    return sorted(
        str(path.relative_to(PAPER / "docs").with_suffix(".html"))
        for path in (PAPER / "docs").rglob("*.md")
        if "/// figure-caption" in path.read_text(encoding="utf-8")
    )


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", figure_pages())
def test_a_figure_opens_at_full_size_by_a_link_named_by_its_caption(chromium, cabinet_report, path, width):
    context = chromium.new_context(viewport={"width": width, "height": 740})
    page = context.new_page()
    page.goto(cabinet_report + path, wait_until="networkidle")
    figures = page.locator("article figure:has(img)")
    assert figures.count(), f"{path}: no figure"
    for index in range(figures.count()):
        figure = figures.nth(index)
        caption = " ".join(figure.locator("figcaption").inner_text().split())
        image = figure.locator("img")
        link = figure.get_by_role("link", name=caption, exact=True)
        assert link.count() == 1, f"{path}: no link named by the caption {caption!r}"
        href = link.evaluate("a => a.href")
        assert href == image.evaluate("img => img.src"), f"{path}: the link opens {href}, not the figure's image"
        response = context.request.get(href)
        assert response.ok and response.headers["content-type"].startswith("image/"), href
        box = image.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= width, (
            f"{path}: the image runs off a {width} px screen"
        )
    assert page.evaluate("document.documentElement.scrollWidth") <= width, f"{path}: the page scrolls sideways"
    context.close()
