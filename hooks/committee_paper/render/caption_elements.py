"""The paper's captions as it writes them, as a Python-Markdown extension.

``/// table-caption`` after a table makes the table's own ``<caption>``, which names the table for
screen readers and, in the PDF, is tagged inside it; the caption's words are the paper's
("Table 1: Costs", never renumbered). A figure's image whose alt text its caption repeats is
hidden from screen readers (``aria-hidden``), so the figure is spoken once, by its caption: the
alt text stays for the PDF's figure, where PDF/UA requires it. Where a caption block must stand
is checked by checks/captions.py.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from committee_paper.model.links import FULL_SIZE


def _words(text: str) -> str:
    """The words of ``text``, lower case, one space apart: "Visitors, to the park." -> "visitors to the park"."""
    return " ".join(re.findall(r"\w+", text.casefold()))


def repeats(caption: str, alt: str) -> bool:
    """Whether the caption says the alt text's words, in order ("Figure 1: Visitors to the park." repeats
    "Visitors to the park")."""
    return bool(_words(alt)) and f" {_words(alt)} " in f" {_words(caption)} "


class _Captions(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        figures = [(parent, child) for parent in root.iter() for child in parent if child.tag == "figure"]
        for parent, figure in figures:
            caption = figure.find("figcaption")
            if caption is None:
                continue
            content = [child for child in figure if child is not caption]
            if len(content) == 1 and content[0].tag == "table":
                self._table_caption(parent, figure, content[0], caption)
                continue
            said = " ".join("".join(caption.itertext()).split())
            for holder, image in [
                (parent, child) for parent in figure.iter() for child in parent if child.tag == "img"
            ]:
                if repeats(said, image.get("alt", "")):
                    image.set("aria-hidden", "true")
                self._full_size(holder, image, said)

    @staticmethod
    def _full_size(holder: etree.Element, image: etree.Element, caption: str) -> None:
        """The image a link to itself, named by the figure's caption: a chart's labels too small on a phone are
        read at full size, zoomed as the reader likes (paper.css keeps the image within the screen)."""
        link = etree.Element("a", {"href": image.get("src", ""), "class": FULL_SIZE, "aria-label": caption})
        holder.insert(list(holder).index(image), link)
        holder.remove(image)
        link.append(image)
        link.tail, image.tail = image.tail, None

    @staticmethod
    def _table_caption(
        parent: etree.Element, figure: etree.Element, table: etree.Element, figcaption: etree.Element
    ) -> None:
        """The figure around ``table`` replaced by the table, its figcaption's words the table's <caption>."""
        # The extension wraps a caption's words in one paragraph: the caption holds the words themselves.
        words = (
            figcaption[0]
            if len(figcaption) == 1 and figcaption[0].tag == "p" and not (figcaption.text or "").strip()
            else figcaption
        )
        caption = etree.Element("caption")
        caption.text = words.text
        caption.extend(list(words))
        table.insert(0, caption)
        for name, value in figure.attrib.items():  # an id or class given to the caption block
            table.set(name, f"{table.get(name)} {value}" if name == "class" and table.get(name) else value)
        table.tail = figure.tail
        parent.insert(list(parent).index(figure), table)
        parent.remove(figure)


class CaptionsExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's API)
        # After inline parsing (20) and the caption blocks' own end (19.99), so the caption's words are all there.
        md.treeprocessors.register(_Captions(md), "paper_captions", 8)
