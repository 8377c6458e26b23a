"""The whole paper as one PDF: complete, navigable, tagged, small, and offered on every page."""

import math
import re
from importlib.resources import files as package_files
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from committee_paper.config import read_settings
from committee_paper.settings import pdf_file_name
from conftest import PAPER, ROOT, SOURCE, article, html_path, mkdocs_settings, nav_files, nav_titles, run_build, soup
from paper_facts import DOCS, anchor, appendices, contacts, paragraph_numbers
from source_text import altered, missing_in_order, normalise, source_sentences

CONFIG = yaml.load((PAPER / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)
PDF_NAME = pdf_file_name(
    read_settings(mkdocs_settings()["extra"]).meeting
)  # named from the meeting (stages/pdf_export.py)
SITE_NAME = CONFIG["site_name"]
# The running footer: the site's name (a long one wraps) and "Page N of M".
FOOTER = re.compile(r"\s+".join(map(re.escape, SITE_NAME.split())) + r"\s*Page\s+(\d+)\s+of\s+(\d+)")
FIXTURES = ROOT / "tests" / "fixtures"
STYLESHEET = package_files("committee_paper").joinpath("paper-pdf.css").read_text(encoding="utf-8")
# Words that are only ever about the website, never about the paper.
WEBSITE_WORDING = [
    "website",
    "web page",
    "this site",
    "on the web",
    "keyboard",
    "cookie",
    "Chromium",
    "axe-core",
    "Tab key",
    "browser",
    "screen reader",
    "search",
    "download",
    "not published on",
]
WORDS_PER_PAGE = 400  # a full A4 page of 11-point text holds about 500 words
BODY_TEXT_PT = 11
MM = 72 / 25.4
CONTENTS_LEADER = re.compile(r"( ?\.){3,} ?\d+$")
LIST_MARKER = re.compile(r"^(\d+\.|•) *$\n?", re.MULTILINE)


@pytest.fixture(scope="module")
def pdf_file(site) -> Path:
    return site / PDF_NAME


@pytest.fixture(scope="module")
def reader(pdf_file) -> PdfReader:
    return PdfReader(pdf_file)


@pytest.fixture(scope="module")
def page_texts(reader) -> list[str]:
    return [page.extract_text() for page in reader.pages]


def front_matter(md_file: str) -> dict:
    """A page's front matter as MkDocs reads it (true and false are booleans)."""
    match = re.match(r"---\n(.*?\n)---\n", (DOCS / md_file).read_text(encoding="utf-8"), re.DOTALL)
    return yaml.safe_load(match[1]) if match else {}


def pdf_files() -> list[str]:
    """The nav's Markdown files that go into the PDF: all but those with 'pdf: false'."""
    return [md_file for md_file in nav_files() if front_matter(md_file).get("pdf") is not False]


def printed_article(site: Path, md_file: str):
    """A page's article as the PDF should hold it: without permalinks, the download link or web-only passages."""
    page = article(soup(html_path(site, md_file)))
    for web_only in page.select(".headerlink, .paper-download-line, .web-only"):
        web_only.decompose()
    return page


def body_text(page_texts) -> str:
    """The paper's text without the running footer, so paragraphs run on across pages.

    A line that wraps inside a word, after its slash or hyphen ("Name/" "Directorate"), is joined up. List
    numbers and bullets, which WeasyPrint draws after the page's text, are left out.
    """
    text = " ".join(LIST_MARKER.sub("", FOOTER.sub(" ", text)) for text in page_texts)
    return normalise(re.sub(r"(?<=\S[/-])\n", "", text))


def part_of(md_file: str) -> str:
    """The PDF's named destination for a page: its URL without .html (hooks/committee_paper/paper_pdf.py)."""
    return md_file.removesuffix(".md")


def outline_titles(outline) -> list[str]:
    titles = []
    for item in outline:
        titles += outline_titles(item) if isinstance(item, list) else [item.title]
    return titles


def test_every_sentence_of_the_source_is_in_the_pdf_in_report_order(page_texts):
    assert missing_in_order(source_sentences(SOURCE.read_text(encoding="utf-8")), body_text(page_texts)) == []


def test_a_changed_word_is_caught_in_the_pdf(page_texts):
    assert missing_in_order(altered(source_sentences(SOURCE.read_text(encoding="utf-8"))), body_text(page_texts)) != []


def test_the_pdf_follows_the_nav_and_holds_every_page_whole(site, page_texts):
    text = body_text(page_texts)
    cursor = 0
    for md_file in pdf_files():
        printed = printed_article(site, md_file)
        for block in printed.find_all(["h1", "h2", "p", "li", "td"]):
            block_text = normalise(block.get_text())
            if block.find(["p", "li", "table"]) or not block_text:
                continue  # nested blocks are checked on their own
            found = text.find(block_text, cursor)
            assert found >= 0, f"{md_file}: missing or out of order in the PDF: {block_text[:80]!r}"
            cursor = found + len(block_text)


def test_nothing_of_the_web_page_around_the_article(page_texts):
    text = " ".join(page_texts)
    for chrome in [
        "Skip to content",
        "¶",
        "Initializing search",
        "Search",
        "Back to top",
        "Previous",
        "Next",
        "Download the full paper",
        "Table of contents",
        "Made with",
        "Link to this section",
    ]:
        assert chrome not in text


def test_only_the_paper_no_page_or_passage_about_the_website(site, page_texts):
    text = body_text(page_texts)
    for left_out in [md_file for md_file in nav_files() if md_file not in pdf_files()]:
        assert normalise(printed_article(site, left_out).h1.get_text()) not in text, left_out
    assert [words for words in WEBSITE_WORDING if re.search(rf"\b{re.escape(words)}", text, re.IGNORECASE)] == []
    web_only = [
        normalise(passage.get_text())
        for md_file in nav_files()
        for passage in article(soup(html_path(site, md_file))).select(".web-only")
    ]
    assert web_only  # the glossary's note on hover expansions, each appendix page's "not published on this site"
    assert [passage for passage in web_only if passage in text] == []


def test_what_the_web_says_of_itself_the_pdf_says_in_words_for_paper(site, page_texts):
    text = body_text(page_texts)
    for md_file in pdf_files():
        for passage in article(soup(html_path(site, md_file))).select(".pdf-only"):
            assert normalise(passage.get_text()) in text, md_file
    notices = [appendix for appendix in appendices() if appendix.page in pdf_files()]
    assert text.count("Its text is not included in this document.") == len(notices)


def test_every_page_has_text_and_the_running_footer(reader, page_texts):
    pages = len(reader.pages)
    for number, text in enumerate(page_texts, start=1):
        footer = FOOTER.search(text)
        assert footer and footer.groups() == (str(number), str(pages)), f"page {number}: {text[-200:]!r}"
        assert len(FOOTER.sub("", text).strip()) > 100, f"page {number} is blank or nearly so"


def cover_headings(site: Path) -> dict[str, str]:
    """The cover's headings the contents lists besides the nav's pages: those from extra.paper.pdf_contents_before
    on (all, when it is not set: the list follows the title block), but the nav's own section labels
    ({title: named destination})."""
    before = mkdocs_settings()["extra"]["paper"].get("pdf_contents_before")
    sections = {
        key
        for item in CONFIG["nav"]
        if isinstance(item, dict)
        for key, value in item.items()
        if isinstance(value, list)
    }
    headings = printed_article(site, "index.md").find_all("h2")
    ids = [heading.get("id") for heading in headings]
    after = headings[ids.index(before) :] if before else headings
    # The cover's ids are the one-page paper's: its own, unless another part of the paper uses one too.
    return {
        normalise(heading.get_text()): heading["id"]
        for heading in after
        if normalise(heading.get_text()) not in sections
    }


def test_cover_then_contents_with_the_right_page_numbers(site, reader, page_texts):
    lines = page_texts[0].splitlines()
    cover = normalise(" ".join(lines[: lines.index("Contents")]))
    title = printed_article(site, "index.md").h1
    for fact in [mkdocs_settings()["extra"]["meeting"]["committee"], normalise(title.get_text())]:
        assert fact in cover  # the title block, above the contents list
    first_page = normalise(page_texts[0])
    for fact in [f"{person['name']}, {person['role']}" for person in contacts()]:
        assert fact in first_page
    contents = lines[lines.index("Contents") + 1 :]
    destinations = reader.named_destinations
    in_pdf = [(title, part_of(md_file)) for title, md_file in nav_titles(site) if md_file in pdf_files()]
    # The things a member looks for first, on the cover, are listed under it.
    headings = cover_headings(site)
    for title, destination in [*in_pdf, *headings.items()]:
        line = next((line for line in contents if line.startswith(title)), None)
        assert line, f"{title!r} is not in the contents list"
        printed = int(re.search(r"(\d+)$", line)[1])
        assert printed == reader.get_destination_page_number(destinations[destination]) + 1, line
    listed = [re.sub(r"[ .]*\d+$", "", line) for line in contents if re.search(r"\. \d+$", line)]
    assert listed[: 1 + len(headings)] == [in_pdf[0][0], *headings]
    assert len(listed) == len(set(listed)) == len(in_pdf) + len(headings)  # nothing twice, no page left out of the PDF


def test_the_cover_report_stays_whole_under_its_heading(site, reader, page_texts):
    """The cover report's own text runs on from its title: no page of anything else comes between."""
    destinations = reader.named_destinations
    title_page = reader.get_destination_page_number(destinations[printed_article(site, "index.md").h1["id"]])
    first = printed_article(site, "index.md").h1.find_next("h2", id=True)
    summary_page = reader.get_destination_page_number(destinations[first["id"]])
    assert summary_page - title_page <= 1
    assert normalise(first.get_text()) in normalise(page_texts[title_page] + page_texts[summary_page])


def test_a4_pages_no_more_than_the_text_needs(reader, page_texts):
    new_sheets = sum(front_matter(md_file).get("pdf_new_page") is True for md_file in pdf_files())
    assert len(reader.pages) <= math.ceil(len(body_text(page_texts).split()) / WORDS_PER_PAGE) + new_sheets
    for page in reader.pages:
        assert (round(float(page.mediabox.width) / MM), round(float(page.mediabox.height) / MM)) == (210, 297)


def text_runs(page) -> list[tuple[float, float, str]]:
    """(baseline height from the foot of the page, font size in points, text) of every run of text on a page."""
    runs = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            x_scale, y_skew = tm[0] * cm[0] + tm[1] * cm[2], tm[0] * cm[1] + tm[1] * cm[3]
            runs.append((tm[4] * cm[1] + tm[5] * cm[3] + cm[5], size * (x_scale**2 + y_skew**2) ** 0.5, text))

    page.extract_text(visitor_text=visit)
    return runs


def text_area() -> tuple[float, float]:
    """(top, bottom) of the text area, in points from the foot of an A4 page, from the stylesheet's page margins."""
    top, _, bottom = (float(mm) * MM for mm in re.search(r"margin: (\d+)mm (\d+)mm (\d+)mm;", STYLESHEET).groups())
    return 297 * MM - top, bottom


def test_body_text_is_eleven_point_or_larger(reader):
    _, bottom = text_area()
    small = [
        (number, round(size, 1), text)
        for number, page in enumerate(reader.pages, start=1)
        for height, size, text in text_runs(page)
        if height > bottom and size < BODY_TEXT_PT - 0.05
    ]
    assert small == []
    footer = [size for page in reader.pages for height, size, _ in text_runs(page) if height < bottom]
    assert footer  # the running footer is there, below the text area, and is the only smaller text


def test_pages_are_full_but_before_a_major_part_and_at_the_end(reader):
    """No page's text ends in the upper two-thirds of the text area, except the page before a part that starts a
    new sheet ('pdf_new_page: true') and the last page."""
    top, bottom = text_area()
    destinations = reader.named_destinations
    starts = {
        reader.get_destination_page_number(destinations[part_of(md_file)])
        for md_file in pdf_files()
        if front_matter(md_file).get("pdf_new_page") is True
    }
    short = []
    for index, page in enumerate(reader.pages):
        end = min(height for height, _, _ in text_runs(page) if height > bottom)
        if end > top - (top - bottom) * 2 / 3 and index + 1 not in starts and index != len(reader.pages) - 1:
            short.append((index + 1, f"text ends {(top - end) / (top - bottom):.0%} down"))
    assert short == []
    for start in starts:
        assert page_starts_with_title(reader.pages[start])


def page_starts_with_title(page) -> bool:
    """The page's first text is a part's title (the largest type on it)."""
    runs = sorted(text_runs(page), key=lambda run: -run[0])
    return runs[0][1] == max(size for _, size, _ in runs)


def test_bookmarks_follow_the_headings_of_every_section_and_appendix(site, reader):
    titles = outline_titles(reader.outline)
    for md_file in pdf_files():
        for heading in printed_article(site, md_file).find_all(["h1", "h2"]):
            assert heading.get_text().strip() in titles, md_file
    for appendix in appendices():
        assert normalise(printed_article(site, appendix.page).h1.get_text()) in map(normalise, titles), appendix.page
    assert not any("website" in title for title in titles)


def test_it_opens_with_its_bookmarks_shown_and_its_title_in_the_window(reader):
    root = reader.trailer["/Root"]
    assert root["/PageMode"] == "/UseOutlines"
    assert root["/ViewerPreferences"]["/DisplayDocTitle"] == True  # noqa: E712 (a PDF boolean object)


def test_internal_links_all_land_and_cross_references_are_links(reader):
    destinations = reader.named_destinations
    internal, external = [], []
    for page in reader.pages:
        for annotation in page.get("/Annots", []):
            annotation = annotation.get_object()
            if annotation["/Subtype"] != "/Link":
                continue
            if "/Dest" in annotation:
                internal.append(str(annotation["/Dest"]))
            else:
                external.append(str(annotation["/A"]["/URI"]))
    assert [d for d in internal if d not in destinations] == []
    for appendix in appendices():
        # The ids of the one-page paper (a paragraph's and a background paper's are the paper's own, unique).
        assert part_of(appendix.page) in internal and f"paper-{appendix.paper.row}" in internal
        if appendix.attached:
            _, paragraph = appendix.attached
            assert anchor(paragraph) in internal
    assert [uri for uri in external if not uri.startswith(("mailto:", "tel:"))] == []


def marked_text(page) -> dict[int, str]:
    """The text of each marked-content sequence (MCID) of a page: what the tags point at."""
    texts, open_marks = {}, []

    def operator(op, args, cm, tm):
        if op == b"BDC":
            properties = args[1]
            open_marks.append(properties.get("/MCID") if hasattr(properties, "get") else None)
        elif op == b"BMC":
            open_marks.append(None)
        elif op == b"EMC":
            open_marks.pop()

    def text(chunk, cm, tm, font, size):
        if open_marks and open_marks[-1] is not None:
            texts[open_marks[-1]] = texts.get(open_marks[-1], "") + chunk

    page.extract_text(visitor_operand_before=operator, visitor_text=text)
    return texts


def tagged_text(element, marked: dict[int, str]) -> str:
    """The text a structure element and its children hold, in order."""
    parts = []
    for kid in element.get("/K", []):
        if isinstance(kid, int):
            parts.append(marked.get(kid, ""))
        elif kid.get_object().get("/Type") == "/StructElem":
            parts.append(tagged_text(kid.get_object(), marked))
    return "".join(parts)


def links(reader):
    """Every link as a reader meets it: (page number, target, /Contents of its annotations, its text as tagged).

    WeasyPrint writes one annotation for each line of a link, and one for each box inside it (an
    abbreviation, a contents line's leader and page number); consecutive annotations with one target
    and one /Contents are one link, whose text is that of its distinct tagged link elements.
    """
    numbers = reader.trailer["/Root"]["/StructTreeRoot"]["/ParentTree"]["/Nums"]
    parents = dict(zip(numbers[::2], numbers[1::2], strict=True))
    found = []
    for number, page in enumerate(reader.pages, start=1):
        marked = marked_text(page)
        for annotation in page.get("/Annots", []):
            annotation = annotation.get_object()
            if annotation["/Subtype"] != "/Link":
                continue
            target = str(annotation["/Dest"]) if "/Dest" in annotation else str(annotation["/A"]["/URI"])
            spoken = str(annotation["/Contents"])
            element = parents[annotation["/StructParent"]].get_object()
            while element["/S"] != "/Link":
                element = element["/P"].get_object()
            text = CONTENTS_LEADER.sub("", tagged_text(element, marked))
            if found and found[-1][1:3] == (target, spoken):
                if element.indirect_reference not in found[-1][4] and not re.fullmatch(r"[\s.]*\d*", text):
                    found[-1][3].append(text)
                found[-1][4].append(element.indirect_reference)
            else:
                found.append((number, target, spoken, [text], [element.indirect_reference]))
    # Lines of one link are joined as body_text joins them.
    return [
        (number, target, spoken, normalise(re.sub(r"(?<=\S[/-])\n", "", "\n".join(texts))))
        for number, target, spoken, texts, _ in found
    ]


def test_every_link_is_announced_by_its_text_or_a_description(reader):
    destinations = set(reader.named_destinations)
    wrong, found = [], links(reader)
    for number, target, spoken, text in found:
        name = text.removesuffix(".")
        expected = {name}
        for scheme, action in (("tel:", "Telephone"), ("mailto:", "Email")):
            if target.startswith(scheme):
                expected.add(f"{action} {name}")
        if re.fullmatch(r"\d+(\.\d+)+", name) and target.split(":")[-1].startswith("para-"):
            expected.add(f"Paragraph {name}")  # a paragraph's own number, its permalink
        if (
            normalise(spoken) not in expected
            or spoken == target
            or spoken in destinations
            or re.match(r"(tel|mailto):", spoken)
        ):
            wrong.append((number, target, text, spoken))
    assert len(found) > len(paragraph_numbers()) and wrong == []
    spoken = {spoken for _, _, spoken, _ in found}
    expected = {f"Paragraph {number}" for number in paragraph_numbers()}
    expected |= {
        f"{action} {person[key]}"
        for person in contacts()
        for action, key in (("Telephone", "phone"), ("Email", "email"))
    }
    assert expected - spoken == set()


def test_paragraph_numbers_as_on_the_web(site, page_texts):
    text = body_text(page_texts)
    for md_file in pdf_files():
        for number in article(soup(html_path(site, md_file))).select("a.paragraph-number"):
            paragraph = normalise(number.parent.get_text())
            assert paragraph in text, f"{md_file}: {paragraph[:40]!r}"


def test_tagged_pdf_ua_with_title_language_and_author(reader):
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert root["/MarkInfo"]["/Marked"] == True  # noqa: E712 (a PDF boolean object)
    assert root["/Lang"] in ("en", "en-GB")
    assert reader.metadata.title == SITE_NAME
    assert reader.metadata.author == CONFIG["site_author"]
    assert b'pdfuaid:part="1"' in root["/Metadata"].get_object().get_data()


def embedded_fonts(reader: PdfReader) -> set[str]:
    """The base font names of every page's fonts, as "/ABCDEF+Liberation-Sans-Bold"."""
    return {
        str(font.get_object()["/BaseFont"]) for page in reader.pages for font in page["/Resources"]["/Font"].values()
    }


def image_fonts(docs: Path) -> set[str]:
    """The families the paper's own SVG images name, as a PDF names them: "DejaVu Serif" -> "DejaVu-Serif"."""
    named = (
        family.strip().strip("'\"")
        for image in docs.rglob("*.svg")
        for families in re.findall(r"font-family\s*[=:]\s*[\"']?([^\"';>]+)", image.read_text(encoding="utf-8"))
        for family in families.split(",")
    )
    return {"-".join(family.split()) for family in named if family}


def stray_fonts(fonts: set[str], docs: Path) -> set[str]:
    """Fonts neither the PDF's own (Liberation Sans, paper-pdf.css) nor one the paper's images name."""
    allowed = ("Liberation-Sans", *image_fonts(docs))
    return {
        name
        for name in fonts
        if not any(re.fullmatch(rf"/[A-Z]{{6}}\+{re.escape(family)}(-\w+)?", name) for family in allowed)
    }


def test_only_font_subsets_are_embedded(reader):
    fonts = embedded_fonts(reader)
    assert fonts and all(re.fullmatch(r"/[A-Z]{6}\+.+", name) for name in fonts), fonts
    # The text is in the stylesheet's font; a paper's own image (an SVG chart) keeps the fonts it names.
    assert stray_fonts(fonts, DOCS) == set(), fonts


def test_a_stray_font_is_caught_and_an_images_own_font_is_allowed(tmp_path):
    (tmp_path / "chart.svg").write_text('<svg><text font-family="DejaVu Serif">2030</text></svg>', encoding="utf-8")
    fonts = {"/ABCDEF+Liberation-Sans-Bold", "/ABCDEF+DejaVu-Serif", "/ABCDEF+DejaVu-Sans"}
    assert stray_fonts(fonts, tmp_path) == {"/ABCDEF+DejaVu-Sans"}


def test_the_pdf_is_small(pdf_file):
    assert pdf_file.stat().st_size < 300_000


def test_every_page_links_to_the_pdf_with_its_real_size_and_page_count(site, pdf_file, reader):
    size_kb = max(1, round(pdf_file.stat().st_size / 1024))
    for md_file in nav_files():
        page = html_path(site, md_file)
        link = soup(page).select_one("article a.paper-download")
        assert link is not None, md_file
        assert link.get_text() == f"Download the full paper (PDF, {size_kb} KB, {len(reader.pages)} pages)"
        href = link["href"]
        assert not href.startswith("/") and ":" not in href, href  # relative: works from file:// and any sub-path
        assert (page.parent / href).resolve() == pdf_file.resolve(), md_file
        assert link.get("tabindex") in (None, "0") and not link.find_parent(attrs={"aria-hidden": "true"})


def test_the_switch_skips_the_pdf_and_its_link(tmp_path):
    quick = run_build(PAPER / "mkdocs.yml", tmp_path / "site", pdf=False)
    assert quick.returncode == 0, quick.output
    assert not (quick.site / PDF_NAME).exists()
    assert soup(quick.site / "index.html").select(".paper-download") == []


@pytest.mark.parametrize(
    "fixture, message",
    [
        (
            "pdf-broken-image",
            "WARNING -  docs/index.md: in the PDF, WeasyPrint: Failed to load image at 'chart.png'; "
            "the file is missing or is not an image WeasyPrint can read: use a PNG, JPEG, GIF or SVG file",
        ),
        (
            "pdf-missing-anchor",
            "WARNING -  docs/index.md: in the PDF, WeasyPrint: No anchor #extra:details (extra.html#details) "
            "for internal URI reference; the PDF holds only the pages in the nav without 'pdf: false': link to one of those, "
            "and to an anchor that exists, or mark the passage web-only",
        ),
        (
            "pdf-left-out-page",
            "WARNING -  docs/index.md: in the PDF, WeasyPrint: No anchor #statement (statement.html) for internal URI reference; "
            "the PDF holds only the pages in the nav without 'pdf: false': link to one of those, and to an anchor that exists, "
            "or mark the passage web-only",
        ),
        (
            "pdf-link-without-words",
            "WARNING -  docs/index.md: in the PDF, a link to extra.html#details has no words for a screen reader to announce; "
            "give it link text or an aria-label",
        ),
        (
            "pdf-front-matter",
            "WARNING -  docs/index.md:3: pdf: 'maybe' is not true or false; 'pdf: false' leaves the page out of the PDF "
            "(a page about the website only), otherwise leave the line out",
        ),
    ],
)
def test_a_problem_with_the_pdf_fails_the_build_naming_page_and_problem(fixture, message, tmp_path):
    result = run_build(FIXTURES / fixture / "mkdocs.yml", tmp_path / "site")
    assert result.returncode == 1, result.output
    warnings = [line for line in result.output.splitlines() if line.startswith(("WARNING", "ERROR"))]
    assert warnings == [message]
    assert "Aborted with 1 warnings in strict mode!" in result.output
    assert "Traceback" not in result.output
