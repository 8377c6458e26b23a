"""A long site name (the second paper's, 194 characters) stays inside the phone header, in a real browser."""

from pathlib import Path

import pytest

from browser import VIEWPORTS
from conftest import run_build
from publishing import publish
from test_second_paper import PAPER, SETTINGS


@pytest.fixture(scope="module")
def long_title_site(tmp_path_factory) -> Path:
    project = publish(PAPER, tmp_path_factory.mktemp("long-title") / "paper").parent
    build = run_build(project / "mkdocs.yml", project / "site", pdf=False)
    assert build.returncode == 0, build.output
    return build.site


@pytest.mark.parametrize("page_name", ["index.html", "consultations.html"])
def test_the_name_ends_inside_the_phone_header_on_at_most_three_lines(chromium, long_title_site, page_name):
    context = chromium.new_context(viewport=VIEWPORTS["mobile"])
    page = context.new_page()
    page.goto((long_title_site / page_name).as_uri())
    header = page.locator("header.md-header").bounding_box()
    name = page.locator(".md-header__topic:first-child .md-ellipsis")
    box = name.bounding_box()
    line_height = name.evaluate("element => parseFloat(getComputedStyle(element).lineHeight)")
    assert header["y"] <= box["y"] and box["y"] + box["height"] <= header["y"] + header["height"], (box, header)
    assert round(box["height"] / line_height) <= 3
    assert " ".join(name.text_content().split()) == SETTINGS["site_name"]  # all of it for screen readers
    context.close()
