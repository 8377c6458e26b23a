"""A table broken over pages, tagged in the PDF as the one table it is.

WeasyPrint (the version requirements.txt pins) tags each page on its own, so a table that runs
over two pages becomes two tagged tables, the second starting with its repeated header row. A
screen reader would announce two tables and read the header twice. Here, in WeasyPrint's
``finisher`` (the documented step before the file is written), the rows of each later part move
into the first part's body, their cells name the first part's header cells, and the repeated
header rows are marked as what they are on paper: a pagination artifact, drawn but not read.
"""

from __future__ import annotations

from typing import Any
from xml.etree.ElementTree import Element

import pydyf

Struct = Any  # a pydyf.Dictionary of the structure tree


def one_table_each(document: Any, pdf: Any, html: Element) -> None:
    """Merge the parts of each table WeasyPrint tagged once per page (``document``: WeasyPrint's laid-out pages of
    ``html``)."""
    for parts in _table_parts(document, pdf, html).values():
        first, later = parts[0], parts[1:]
        body = next((kid for kid in _kids(pdf, first) if kid["S"] == "/TBody"), None)
        if body is None:
            continue  # a table without rows in a body: nothing to move rows into
        for part in later:
            for kid in _kids(pdf, part):
                if kid["S"] == "/TBody":
                    for row in _kids(pdf, kid):
                        row["P"] = body.reference
                        body["K"].append(row.reference)
                        _rename_headers(pdf, row, part.number, first.number)
                else:  # the header row repeated on this page
                    _artifact(pdf, kid)
            container = _object(pdf, part["P"])
            # A PDF array: pydyf writes a Python list as its repr, which no reader can parse.
            container["K"] = pydyf.Array(kid for kid in container["K"] if kid != part.reference)


def _table_parts(document: Any, pdf: Any, html: Element) -> dict[Element, list[Struct]]:
    """The tagged tables of each HTML table, in page order. WeasyPrint keeps each cell's tag on its box."""
    table_of = {cell: table for table in html.iter("table") for cell in table.iter() if cell.tag in ("td", "th")}
    parts: dict[Element, list[Struct]] = {}
    for page in document.pages:
        for box in page._page_box.descendants():
            cell = getattr(box, "mark", None)
            table = table_of.get(box.element)
            if cell is None or table is None:
                continue
            tagged = cell
            while tagged["S"] != "/Table":
                tagged = _object(pdf, tagged["P"])
            found = parts.setdefault(table, [])
            if not any(part is tagged for part in found):
                found.append(tagged)
    return {table: found for table, found in parts.items() if len(found) > 1}


def _object(pdf: Any, reference: bytes) -> Struct:
    return pdf.objects[int(reference.split()[0])]


def _kids(pdf: Any, element: Struct) -> list[Struct]:
    return [_object(pdf, kid) for kid in element["K"] if isinstance(kid, bytes)]


def _rename_headers(pdf: Any, row: Struct, part: int, first: int) -> None:
    """The row's cells name the first part's header cells (WeasyPrint's ids: ``table-row-column``)."""
    for cell in _kids(pdf, row):
        headers = cell.get("A", {}).get("Headers")
        if headers:
            cell["A"]["Headers"] = type(headers)(
                type(header)(header.string.replace(f"{part}-", f"{first}-", 1)) for header in headers
            )


def _artifact(pdf: Any, element: Struct) -> None:
    """Mark the content tagged under ``element`` as an artifact, out of the structure tree."""
    pages = [_object(pdf, reference) for reference in pdf.page_references]
    number_of = {reference: number for number, reference in enumerate(pdf.page_references)}
    # The parent tree lists each page's number, then its MCIDs' elements in order (WeasyPrint's add_tags).
    nums = _object(pdf, _object(pdf, pdf.catalog["StructTreeRoot"])["ParentTree"])["Nums"]
    for leaf, mcid in _marked(pdf, element):
        page = number_of[leaf["Pg"]]
        stream = _object(pdf, pages[page]["Contents"]).stream
        for index in range(len(stream) - 2):
            properties = stream[index + 1]
            if stream[index + 2] == b"BDC" and isinstance(properties, dict) and properties.get("MCID") == mcid:
                stream[index : index + 3] = ["/Artifact", b"BMC"]
                break
        nums[2 * page + 1][mcid] = "null"


def _marked(pdf: Any, element: Struct) -> list[tuple[Struct, int]]:
    """(element, MCID) of the marked content under ``element``."""
    found = []
    for kid in element["K"]:
        if isinstance(kid, int):
            found.append((element, kid))
        elif isinstance(kid, bytes):
            found.extend(_marked(pdf, _object(pdf, kid)))
    return found
