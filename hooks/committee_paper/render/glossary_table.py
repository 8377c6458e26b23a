"""The glossary's tables, rendered from the one file of abbreviations and where the model found each spelt out.

``<!-- glossary: paper -->`` is replaced by a table of the abbreviations used on the pages that go
into the PDF, ``<!-- glossary: website -->`` by the others' (model/glossary.py); an abbreviation no
page spells out says, in its table row and on hover and focus, that its meaning is the website's.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Callable, Set

from committee_paper.model.anchors import paragraph_anchor
from committee_paper.model.glossary import MARKER, SpeltOut
from committee_paper.model.links import relative_link

NOT_SPELT_OUT = "nowhere: this glossary's meaning, not the paper's words"
# The hover and focus expansion of an abbreviation no page spells out.
WEBSITE_MEANING = "{meaning} (this website's meaning, not the paper's words)"


def mark_website_meanings(page: etree.Element, meanings: Set[str]) -> None:
    """Say in the expansion of each abbreviation on the page (its element tree) whose meaning is in ``meanings``
    that the meaning is the website's."""
    for abbr in page.iter("abbr"):
        meaning = abbr.get("title")
        if meaning in meanings:
            abbr.set("title", WEBSITE_MEANING.format(meaning=meaning))


def render_glossary(
    markdown: str,
    glossary_uri: str,
    abbreviations: dict[str, str],
    in_paper: set[str],
    found_in: SpeltOut,
    nav_title: Callable[[str], str | None],
) -> str:
    """Replace each glossary marker with its table, in alphabetical order, plurals under their singular.

    An abbreviation in ``in_paper`` (the model's used_in_the_paper) is in the paper's table, any other in the
    website's. A row says where ``found_in`` found the abbreviation spelt out, naming a page by
    ``nav_title(its path)``, the title the nav shows, else by its path.
    """
    if not MARKER.search(markdown):
        return markdown
    tables: dict[str, list[str]] = {
        part: ["| Abbreviation | Meaning | Spelt out in |", "| --- | --- | --- |"] for part in ("paper", "website")
    }
    for name in sorted(abbreviations, key=str.lower):
        if name.endswith("s") and name[:-1] in abbreviations:
            continue
        meaning = abbreviations[name]
        found = found_in[name]
        if found is None:
            where = NOT_SPELT_OUT
        else:
            page, paragraph = found
            where = (
                f"[paragraph {paragraph}]({relative_link(glossary_uri, f'{page.uri}#{paragraph_anchor(paragraph)}')})"
                if paragraph
                else nav_title(page.uri) or page.uri
            )
        tables["paper" if name in in_paper else "website"].append(f"| {name} | {meaning} | {where} |")
    return MARKER.sub(lambda match: "\n".join(tables[match["part"]]) + "\n", markdown)
