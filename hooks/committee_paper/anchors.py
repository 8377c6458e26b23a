"""Stable, citable anchors as a Python-Markdown extension.

A paragraph that starts with its number ("2.4. However, ...") gets the id
``para-2-4`` and its number becomes a permalink to itself. The list of background
papers (the table whose first header cell is its first heading, a setting in
mkdocs.yml) gets ``paper-N`` ids on its numbered rows. Abbreviations become focusable so their expansion shows on
keyboard focus as well as on hover.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

PARAGRAPH_NUMBER = re.compile(r"(\d+)\.(\d+)\.?(?=\s)")
ROW_NUMBER = re.compile(r"(\d+)\.\s")


def paragraph_anchor(number: str) -> str:
    """``"2.4"`` -> ``"para-2-4"``: the anchor scheme documented in the README."""
    return "para-" + number.strip(".").replace(".", "-")


def paper_anchor(number: int) -> str:
    return f"paper-{number}"


class _CitableAnchors(Treeprocessor):
    def __init__(self, md: Markdown, papers_heading: str):
        super().__init__(md)
        self.papers_heading = papers_heading

    def run(self, root: etree.Element) -> None:
        for paragraph in root.iter("p"):
            self._number_paragraph(paragraph)
        for table in root.iter("table"):
            self._number_rows(table)
        for abbr in root.iter("abbr"):
            abbr.set("tabindex", "0")

    @staticmethod
    def _number_paragraph(paragraph: etree.Element) -> None:
        text = paragraph.text or ""
        match = PARAGRAPH_NUMBER.match(text)
        if not match:
            return
        number = f"{match[1]}.{match[2]}"
        anchor = paragraph_anchor(number)
        paragraph.set("id", anchor)
        paragraph.set("class", "numbered-paragraph")
        link = etree.Element(
            "a",
            {
                "class": "paragraph-number",
                "href": f"#{anchor}",
                "aria-label": f"Paragraph {match[0]}",
                "title": f"Link to paragraph {number}",
            },
        )
        link.text = match[0]
        link.tail = text[match.end():]
        paragraph.text = ""
        paragraph.insert(0, link)

    def _number_rows(self, table: etree.Element) -> None:
        header = table.find("thead/tr/th")
        if header is None or "".join(header.itertext()).strip() != self.papers_heading:
            return
        for row in table.iterfind("tbody/tr"):
            cell = row.find("td")
            match = ROW_NUMBER.match("".join(cell.itertext())) if cell is not None else None
            if match:
                row.set("id", paper_anchor(int(match[1])))


class CitableAnchorsExtension(Extension):
    def __init__(self, papers_heading: str):
        super().__init__()
        self.papers_heading = papers_heading

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's API)
        # After inline parsing (20) and attr_list (8), before anchors are collected (5).
        md.treeprocessors.register(_CitableAnchors(md, self.papers_heading), "citable_anchors", 7)
