"""Stable, citable anchors as a Python-Markdown extension.

A paragraph that starts with its number ("2.4. However, ...") gets the id
``para-2-4`` and its number, shown as "2.4" wherever it appears, becomes a
permalink to itself. A paragraph that starts with a bold label ("**Legal:** The
...") gets an id from the label (``legal``). Sub-points that follow a numbered paragraph,
paragraphs "(a) ...", "(b) ..." (or "(i) ...", "(ii) ...") in order, belong to it: the paragraph
becomes a ``div`` with its id and class, holding its words and the sub-points as a list
(``ol.sub-points``), so they are inside its anchor and highlight. Under a heading
"Recommendation", "Recommendations" or "Recommendation(s)", the recommendations (paragraphs
"(i) ...", "(ii) ..." in order, or a Markdown list "1. ...") are a list, ``ol.recommendations``,
each item citable (``recommendation-i``, ``recommendation-1``) with its number, as the paper writes
it, its permalink. A heading's permalink is named by what it
does, and the heading by its words alone.
The list of background papers (the table whose first header cell is its first
heading, a setting in mkdocs.yml) gets
``paper-N`` ids on its rows (N is the row's number, or its position where rows are not
numbered). Every table cell carries its column's header as ``data-label``, so narrow screens
can show rows as labelled cells.
Each abbreviation's first use on a page (outside links) is one Tab stop, where
keyboard users meet its expansion; later uses can be focused by a tap or click,
not by Tab. The anchors' scheme is the model's (model/anchors.py).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from committee_paper.model.anchors import (
    PARAGRAPH_NUMBER,
    RECOMMENDATIONS_HEADING,
    ROMAN,
    label_anchor,
    paper_anchor,
    paragraph_anchor,
    recommendation_anchor,
)

ROW_NUMBER = re.compile(r"(\d+)\.\s")
LABEL = re.compile(r"(.+):\s*$")
HEADING = re.compile(r"^h[1-6]$")
HEADING_WORDS = "--words"  # suffix of the id of a heading's words (slugs never hold "--")
NUMBERED_PARAGRAPH = "numbered-paragraph"
LETTERS = [chr(code) for code in range(ord("a"), ord("z") + 1)]


def _permalink(anchor: str, css_class: str, text: str, name: str, **attributes: str) -> etree.Element:
    link = etree.Element("a", {**attributes, "class": css_class, "href": f"#{anchor}", "title": f"Link to {name}"})
    link.text = text
    return link


class _CitableAnchors(Treeprocessor):
    def __init__(self, md: Markdown, papers_heading: str | None) -> None:
        super().__init__(md)
        self.papers_heading = papers_heading

    def run(self, root: etree.Element) -> None:
        for paragraph in root.iter("p"):
            self._number_paragraph(paragraph) or self._label_paragraph(paragraph)
        for parent in list(root.iter()):
            _gather_sub_points(parent)
            _list_recommendations(parent)
        for table in root.iter("table"):
            self._label_cells(table)
            self._number_rows(table)
        # Inside a link, the link is the Tab stop; its abbreviations show on hover.
        in_links = {id(abbr) for link in root.iter("a") for abbr in link.iter("abbr")}
        seen: set[str | None] = set()
        for abbr in root.iter("abbr"):
            if id(abbr) in in_links:
                continue
            first = abbr.text not in seen
            seen.add(abbr.text)
            abbr.set("tabindex", "0" if first else "-1")

    @staticmethod
    def _number_paragraph(paragraph: etree.Element) -> bool:
        text = paragraph.text or ""
        match = PARAGRAPH_NUMBER.match(text)
        if not match:
            return False
        # "2.1." and "5.1" in the paper: one look, "2.1", in the text, the contents and the PDF.
        number = f"{match[1]}.{match[2]}"
        anchor = paragraph_anchor(number)
        paragraph.set("id", anchor)
        paragraph.set("class", NUMBERED_PARAGRAPH)
        link = _permalink(
            anchor, "paragraph-number", number, f"paragraph {number}", **{"aria-label": f"Paragraph {number}"}
        )
        link.tail = text[match.end() :]
        paragraph.text = ""
        paragraph.insert(0, link)
        return True

    @staticmethod
    def _label_paragraph(paragraph: etree.Element) -> None:
        first = paragraph[0] if len(paragraph) else None
        if (
            (paragraph.text or "").strip()
            or first is None
            or first.tag != "strong"
            or len(first)
            or paragraph.get("id")
        ):
            return
        match = LABEL.match(first.text or "")
        if not match:
            return
        # Cited by its anchor, not a link: a label that links to its own paragraph is only noise to a screen reader.
        paragraph.set("id", label_anchor(match[1]))
        paragraph.set("class", "labelled-paragraph")
        first.set("class", "paragraph-label")

    @staticmethod
    def _label_cells(table: etree.Element) -> None:
        headers = ["".join(th.itertext()).strip() for th in table.iterfind("thead/tr/th")]
        for row in table.iterfind("tbody/tr"):
            for header, cell in zip(headers, row.iterfind("td"), strict=False):
                cell.set("data-label", header)

    def _number_rows(self, table: etree.Element) -> None:
        header = table.find("thead/tr/th")
        if header is None or self.papers_heading is None or "".join(header.itertext()).strip() != self.papers_heading:
            return
        # A numbered row is anchored by its number; rows the paper does not number, by their position.
        for position, row in enumerate(table.iterfind("tbody/tr"), start=1):
            cell = row.find("td")
            match = ROW_NUMBER.match("".join(cell.itertext())) if cell is not None else None
            row.set("id", paper_anchor(int(match[1]) if match else position))


def _labelled(elements: list[etree.Element], labels: list[str]) -> list[tuple[etree.Element, str]]:
    """The paragraphs at the start of ``elements`` written "(a) ...", "(b) ..." with ``labels`` in order,
    each with its label."""
    run = []
    for element, label in zip(elements, labels, strict=False):
        if element.tag != "p" or not (element.text or "").startswith(f"({label}) "):
            break
        run.append((element, label))
    return run


def _item(paragraph: etree.Element) -> etree.Element:
    """A list item holding ``paragraph``'s words."""
    item = etree.Element("li")
    item.text = paragraph.text
    item.extend(list(paragraph))
    return item


def _gather_sub_points(parent: etree.Element) -> None:
    children = list(parent)
    for index, paragraph in enumerate(children):
        if paragraph.tag != "p" or paragraph.get("class") != NUMBERED_PARAGRAPH:
            continue
        following = children[index + 1 :]
        points = _labelled(following, LETTERS) or _labelled(following, ROMAN)
        if not points:
            continue
        # The paragraph's id and class move to a div that holds its words and its sub-points.
        whole = etree.Element("div", {"id": paragraph.attrib.pop("id"), "class": paragraph.attrib.pop("class")})
        whole.tail, paragraph.tail = paragraph.tail, None
        parent.insert(list(parent).index(paragraph), whole)
        parent.remove(paragraph)
        whole.append(paragraph)
        listed = etree.SubElement(whole, "ol", {"class": "sub-points"})
        for point, _ in points:
            listed.append(_item(point))
            parent.remove(point)


def _list_recommendations(parent: etree.Element) -> None:
    children = list(parent)
    for index, heading in enumerate(children):
        if not HEADING.match(heading.tag) or not RECOMMENDATIONS_HEADING.fullmatch("".join(heading.itertext()).strip()):
            continue
        for element in children[index + 1 :]:
            if HEADING.match(element.tag):
                break
            if element.tag == "ol":
                _cite_list(element)
                break
            if items := _labelled(children[children.index(element) :], ROMAN):
                listed = etree.Element("ol", {"class": "recommendations"})
                parent.insert(list(parent).index(element), listed)
                for paragraph, label in items:
                    item = _item(paragraph)
                    parent.remove(paragraph)
                    listed.append(item)
                    _cite_item(item, label, f"({label})")
                break


def _cite_list(listed: etree.Element) -> None:
    """A Markdown list of recommendations: each item numbered in its text, as the paper writes it."""
    listed.set("class", "recommendations")
    first = int(listed.get("start", "1"))
    for number, item in enumerate(listed.iterfind("li"), start=first):
        _cite_item(item, str(number), f"{number}.")


def _cite_item(item: etree.Element, number: str, written: str) -> None:
    anchor = recommendation_anchor(number)
    item.set("id", anchor)
    item.set("class", "recommendation")
    # A loose list's item holds its words in a paragraph: the number goes in front of them there.
    words = item[0] if len(item) and item[0].tag == "p" and not (item.text or "").strip() else item
    name = f"recommendation {written.rstrip('.')}"
    link = _permalink(anchor, "paragraph-number", written, name, **{"aria-label": name.capitalize()})
    rest = (words.text or "").removeprefix(written)
    link.tail = rest if rest.startswith(" ") else f" {rest}"
    words.text = None
    words.insert(0, link)


class _NamedPermalinks(Treeprocessor):
    """A heading's permalink (the toc extension's "¶") named by what it does, and the heading named
    by its own words only: its words go in a span that names it (aria-labelledby)."""

    def run(self, root: etree.Element) -> None:
        named: dict[str, str] = {}  # heading id: the id of the span of its words
        for heading in root.iter():
            link = next(
                (child for child in heading if child.tag == "a" and "headerlink" in (child.get("class") or "").split()),
                None,
            )
            if not HEADING.match(heading.tag) or link is None or not heading.get("id"):
                continue
            words_id = f"{heading.get('id')}{HEADING_WORDS}"
            words = etree.Element("span", {"id": words_id})
            words.text, heading.text = heading.text, None
            for child in [child for child in heading if child is not link]:
                heading.remove(child)
                words.append(child)
            heading.insert(0, words)
            heading.set("aria-labelledby", words_id)
            link.set("aria-label", link.get("title") or "Link to this section")
            named[str(heading.get("id"))] = words_id
        # A landmark labelled by a heading ("<nav aria-labelledby=…>") takes the heading's words
        # too: a name from aria-labelledby reads the heading's content, permalink included.
        for element in root.iter():
            labels = (element.get("aria-labelledby") or "").split()
            if not HEADING.match(str(element.tag)) and any(label in named for label in labels):
                element.set("aria-labelledby", " ".join(named.get(label, label) for label in labels))


class CitableAnchorsExtension(Extension):
    def __init__(self, papers_heading: str | None) -> None:
        super().__init__()
        self.papers_heading = papers_heading

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's API)
        # After inline parsing (20) and attr_list (8), before anchors are collected (5).
        md.treeprocessors.register(_CitableAnchors(md, self.papers_heading), "citable_anchors", 7)
        # After the toc extension (5) has added the permalinks and read the headings' words.
        md.treeprocessors.register(_NamedPermalinks(md), "named_permalinks", 4)
