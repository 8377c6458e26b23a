"""The PDF stylesheet keeps a caption with the heading it stands above, wherever the page ends (a made-up paper, WeasyPrint itself)."""

import io
from importlib.resources import files as package_files

from pypdf import PdfReader
from weasyprint import HTML

from committee_paper.paper_pdf import paper_document

STYLESHEET = package_files("committee_paper").joinpath("paper-pdf.css").read_text(encoding="utf-8")
CAPTION, HEADING = "Invented Act 1999 caption", "List of Invented Papers"


def pages_of(filler: int, stylesheet: str) -> list[str]:
    before = "".join(f"<p>Filler paragraph {n} of the invented report.</p>" for n in range(filler))
    papers = (
        f'<p class="paper-caption">{CAPTION}</p><h1>{HEADING}</h1><table><tr><td>1. Invented paper</td></tr></table>'
    )
    document = paper_document(
        title="T",
        lang="en",
        author="A",
        description="D",
        running_title="Invented",
        stylesheet=stylesheet,
        sections=[("index", before), ("background-papers", papers)],
        new_pages=set(),
    )
    return [page.extract_text() for page in PdfReader(io.BytesIO(HTML(string=document).write_pdf())).pages]


def caption_page(pages: list[str]) -> int:
    return next(number for number, text in enumerate(pages) if CAPTION in text)


def test_a_caption_above_a_heading_never_ends_a_page():
    # Every position of the page's foot over several paragraphs' heights: one of them would leave the caption alone.
    for filler in range(20, 28):
        pages = pages_of(filler, STYLESHEET)
        assert HEADING in pages[caption_page(pages)], filler


def test_without_the_rule_some_position_would_leave_it_alone():
    """The test above can fail: the same papers without the rule put the caption alone at a page's foot."""
    without = STYLESHEET.replace("break-after: avoid;\n  margin-bottom: 0;", "margin-bottom: 0;")
    assert without != STYLESHEET
    alone = [
        filler for filler in range(20, 28) if HEADING not in (pages := pages_of(filler, without))[caption_page(pages)]
    ]
    assert alone != []
