"""What the reader panel found in the PDF (issue 29), on a made-up paper built with the tool: no
bookmark repeated (a nav group titled as a heading of the cover), and a table broken over pages
tagged as one table, its header row repeated on the next page."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from made_up_paper import build, made_up_paper
from source_text import normalise
from test_pdf_structure import outline_tree

HEADER = ("Ward", "Play area", "Visits")
ROWS = 70  # more than one A4 sheet holds
LONG_TABLE = "\n".join(
    [
        "",
        f"| {' | '.join(HEADER)} |",
        "| --- | --- | --- |",
        *(f"| Ward {n} | Play area {n} | {n * 10} visits |" for n in range(1, ROWS + 1)),
        "",
        # Content after the table, in the same section as its last part.
        "The officers counted the visits in the summer.",
        "",
    ]
)


@pytest.fixture(scope="module")
def pdf(tmp_path_factory) -> PdfReader:
    config = made_up_paper(tmp_path_factory.mktemp("readers-pdf") / "paper")
    page = config.parent / "docs" / "consultations.md"
    page.write_text(page.read_text(encoding="utf-8") + LONG_TABLE, encoding="utf-8")
    built = build(config)
    assert built.returncode == 0, built.output
    return PdfReader(next(Path(built.site, "pdf").glob("*.pdf")))


def paths(tree, above: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Each bookmark as the titles from the top of the outline down to it."""
    return [path for title, _, children in tree for path in [(*above, title), *paths(children, (*above, title))]]


def test_no_bookmark_is_repeated(pdf):
    """The made-up paper's cover has a heading "Background and Advice", and its nav a group of that name."""
    bookmarks = paths(outline_tree(pdf))
    titles = [path[-1] for path in bookmarks]
    assert "Background and Advice" in titles
    # A heading the paper repeats in each of its parts ("What the paper says about it") is told
    # apart by the part it is under; nothing else shares a title.
    repeated = {title for title in titles if titles.count(title) > 1}
    for title in repeated:
        places = [path for path in bookmarks if path[-1] == title]
        assert len({path[:-1] for path in places}) == len(places), f"{title!r} twice under one bookmark"
        assert len({len(path) for path in places}) == 1, f"{title!r} at two levels of the bookmarks: {places}"


def structure(node, found: list) -> list:
    """Every structure element under ``node``, depth first, as (type, element)."""
    node = node.get_object()
    if not hasattr(node, "get") or "/S" not in node and "/K" not in node:
        return found
    if "/S" in node:
        found.append((node["/S"], node))
    kids = node.get("/K")
    for kid in kids if isinstance(kids, list) else [] if kids is None else [kids]:
        structure(kid, found)
    return found


def pages_of(pdf: PdfReader, element) -> set[int]:
    """The pages the marked content under ``element`` is on."""
    return {pdf.get_page_number(node["/Pg"].get_object()) for _, node in structure(element, []) if "/Pg" in node}


def test_a_table_broken_over_pages_is_one_tagged_table_with_its_header_row_on_each_page(pdf):
    elements = structure(pdf.trailer["/Root"]["/StructTreeRoot"], [])
    rows_of = {}
    for kind, table in elements:
        if kind == "/Table":
            rows_of[id(table)] = (table, [row for row_kind, row in structure(table, []) if row_kind == "/TR"])
    long_tables = [(table, rows) for table, rows in rows_of.values() if len(rows) > ROWS / 2]
    assert len(long_tables) == 1, (
        f"the table of {ROWS} rows is tagged as {len(long_tables)} tables of more than half its rows"
    )
    table, rows = long_tables[0]
    assert len(rows) >= ROWS + 1, f"one tagged table holds {len(rows)} of its {ROWS + 1} rows"
    sheets = sorted(pages_of(pdf, table))
    assert len(sheets) >= 2, "the made-up table fits one sheet: make it longer"
    for sheet in sheets:
        text = normalise(pdf.pages[sheet].extract_text())
        assert " ".join(HEADER) in text, f"page {sheet + 1}: the table's header row is not repeated"


def test_every_object_of_the_pdf_reads_back_after_a_table_is_merged(pdf):
    """Merging a table's parts rewrites its containers' kids: they stay PDF arrays, so every object of the file still
    parses (a Python list there was written as "[b'12 0 R', ...]", which no PDF reader can read)."""
    strict = PdfReader(pdf.stream, strict=True)  # raises what pypdf otherwise only logs
    unreadable = []
    for number in range(1, strict.trailer["/Size"]):
        try:
            strict.get_object(number)
        except Exception as error:  # noqa: BLE001  # the object and why, for every one that fails
            unreadable.append(f"{number}: {error}")
    assert unreadable == []
