"""A page's contents list its headings and numbered paragraphs in the order the page has them."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from made_up_paper import build, made_up_paper

PAGE = """# 4. Litter

## Ward members

4.1. Ward members reported litter near the play areas.

## Residents

4.2. Residents reported litter on the paths.
"""
IN_ORDER = ["Ward members", "4.1", "Residents", "4.2"]


def entries(toc) -> list[str]:
    """The contents' entries in reading order: a heading by its words, a paragraph by its number."""
    found = []
    for link in toc.find_all("a"):
        number = link.find(class_="paragraph-number")
        found.append(number.get_text() if number else " ".join(link.get_text(" ").split()))
    return found


def test_headings_and_paragraphs_in_page_order(tmp_path: Path) -> None:
    config = made_up_paper(tmp_path)
    (config.parent / "docs" / "background" / "litter.md").write_text(PAGE, encoding="utf-8")
    built = build(config, pdf=False)
    assert built.returncode == 0, built.output

    page = BeautifulSoup((built.site / "background" / "litter.html").read_text(encoding="utf-8"), "html.parser")
    toc = page.select_one("nav.md-nav--secondary")
    assert entries(toc) == IN_ORDER

    whole = BeautifulSoup((built.site / "whole-paper.html").read_text(encoding="utf-8"), "html.parser")
    part = next(item for item in whole.select("nav.md-nav--secondary li") if item.a.get_text(strip=True) == "4. Litter")
    assert entries(part.ul) == IN_ORDER
