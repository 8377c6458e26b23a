"""The checks derived from the paper itself, on the built site, with no Python written for a paper: its sentences on
every output, its numbered paragraphs citable, its references linked, its appendices reachable, its contacts'
links working, and nothing on the site that the paper or a reviewed list does not say. Each returns an Outcome:
how many things it checked, and one Finding per problem, located in the content where the content is the cause."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

import phonenumbers
from bs4 import Tag

from committee_paper.model.anchors import paragraph_anchor, recommendation_anchor
from committee_paper.model.background_papers import APPENDIX_FOLDER
from committee_paper.model.contacts import CONTACTS_FILE, load_contacts
from committee_paper.model.cross_references import (
    APPENDIX_MENTION,
    PARAGRAPH_MENTION,
    AppendixKey,
    appendix_key,
    named_appendices,
)
from committee_paper.model.problems import Problem
from committee_paper.verify.site import WHOLE_PAPER, Site, html_file
from committee_paper.verify.site_sentences import check_site_sentences
from committee_paper.verify.source import (
    Sentence,
    missing_in_order,
    numbered_paragraphs,
    paper_text,
    recommendations,
    source_files,
    source_sentences,
)

EMAIL = re.compile(r"[^@\s/?]+@[^@\s/?]+\.[^@\s/?]+")
PARAGRAPH_ITEM = re.compile(r"\d+\.\d+")
HEADING = re.compile(r"^h[1-6]$")
BLOCKS = ["p", "li", "td", "th", "dd", "figcaption", "caption"]


@dataclass(frozen=True)
class Finding:
    where: str  # "source/paper.md:12", "docs/index.md:3" or "site/index.html"
    message: str  # what is wrong; what to do

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"

    @classmethod
    def of(cls, problem: Problem) -> Finding:
        return cls(f"{problem.path}:{problem.line}", problem.message)


@dataclass
class Outcome:
    name: str
    checked: int = 0
    findings: list[Finding] = field(default_factory=list)
    note: str = ""  # shown in the summary, e.g. why a check did not run


def line_in(paper: Path, md_file: str, needle: str) -> str:
    """docs/<file>:<line> of the first line holding ``needle`` (the page's first line if none does)."""
    path = paper / "docs" / md_file
    lines = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
    number = next((index for index, line in enumerate(lines, start=1) if needle and needle in line), 1)
    return f"docs/{md_file}:{number}"


def sentences(site: Site) -> list[Outcome]:
    """Every sentence of the source, in order, on the web pages, in the PDF and on the one page, and in the search index
    (whose order is not the paper's: a page's entry, with its tables and figures, comes before its paragraphs')."""
    found = source_sentences(site.paper)
    text = [sentence for sentence in found if not sentence.alt]
    fix = "write it in docs/ word for word as the paper has it, in the paper's order"
    in_order = ", or not in the paper's order"
    targets: list[tuple[str, str, Callable[[], str], list[Sentence]]] = [
        ("on the web pages", "is not on the web pages" + in_order, lambda: site.web_text, found),
        ("in the PDF", f"is not in the PDF's text (site/{site.pdf_name})" + in_order, lambda: site.pdf_text, text),
        (
            "on the one page",
            f"is not on the one-page paper (site/{WHOLE_PAPER})" + in_order,
            lambda: site.whole_paper_text,
            found,
        ),
        ("in the search index", "is not in the search index", lambda: site.search_text, text),
    ]
    outcomes = []
    for name, where, read, wanted in targets:
        outcome = Outcome(f"sentences {name}", len(wanted))
        content = read()
        missing = (
            [sentence for sentence in wanted if sentence.text not in content]
            if name == "in the search index"
            else missing_in_order(wanted, content)
        )
        for sentence in missing:
            kind = "alt text" if sentence.alt else "sentence"
            outcome.findings.append(Finding(sentence.where(), f'{kind} "{sentence.text}" {where}; {fix}'))
        outcomes.append(outcome)
    return outcomes


def paragraphs(site: Site) -> Outcome:
    """Every numbered paragraph of the source anchored, citable (its permalink, its page's contents list) and on the
    one page and in the search index, each once and in the source's order."""
    outcome = Outcome("numbered paragraphs")
    on_site = _anchored(site, "article .numbered-paragraph[id]")  # a <p>, or a <div> holding its sub-points
    source = numbered_paragraphs(site.paper)
    for path, line, number in source:
        outcome.checked += 1
        anchor = paragraph_anchor(number)
        where = f"{path}:{line}"
        page_of = on_site.get(anchor)
        if page_of is None:
            outcome.findings.append(
                Finding(
                    where, f"paragraph {number} has no anchor #{anchor} on any page; number it in docs/ as {number}"
                )
            )
            continue
        md_file = page_of
        page = site.soup(html_file(md_file))
        permalink = page.select_one(f"article #{anchor} a.paragraph-number")
        fix = f"build it with scripts/build, and keep {number} at the start of its paragraph in docs/{md_file}"
        if permalink is None or permalink.get("href") != f"#{anchor}" or permalink.get_text().rstrip(".") != number:
            outcome.findings.append(Finding(where, f"paragraph {number} has no visible permalink #{anchor}; {fix}"))
        if page.select_one(f"nav.md-nav--secondary a[href='#{anchor}']") is None:
            outcome.findings.append(Finding(where, f"paragraph {number} is not in its page's contents list; {fix}"))
        outcome.findings += _placed(site, md_file, anchor, where, f"paragraph {number}", fix)
    wanted = [paragraph_anchor(number) for _, _, number in source]
    for anchor, md_file in on_site.items():
        if anchor not in wanted:
            number = anchor.removeprefix("para-").replace("-", ".")
            outcome.findings.append(
                Finding(
                    line_in(site.paper, md_file, number),
                    f"paragraph {number} is numbered on the site but the paper (source/) has no paragraph {number}; "
                    "number paragraphs as the paper does",
                )
            )
    if [anchor for anchor in on_site if anchor in wanted] != [anchor for anchor in wanted if anchor in on_site]:
        outcome.findings.append(
            Finding("mkdocs.yml:1", "the numbered paragraphs are not in the paper's order; order the nav as the paper")
        )
    return outcome


def _anchored(site: Site, selector: str) -> dict[str, str]:
    """The id of each element ``selector`` finds on the nav's pages, with the first page it is on."""
    on_site: dict[str, str] = {}
    for md_file in site.nav_files:
        for element in site.soup(html_file(md_file)).select(selector):
            on_site.setdefault(str(element["id"]), md_file)
    return on_site


def _placed(site: Site, md_file: str, anchor: str, where: str, name: str, fix: str) -> list[Finding]:
    """What is missing of a citable item's other places: its anchor on the one-page paper (when its page is there) and
    a search result of its own."""
    missing = []
    if site.on_one_page(md_file) and site.soup(WHOLE_PAPER).find(id=anchor) is None:
        missing.append(Finding(where, f"{name} has no anchor on the one-page paper; {fix}"))
    if f"{html_file(md_file)}#{anchor}" not in site.search_locations:
        missing.append(Finding(where, f"{name} is not a search result of its own; {fix}"))
    return missing


def recommendations_cited(site: Site) -> Outcome:
    """Every recommendation of the source ("(ii)" or "2." under its Recommendations heading) anchored and citable (its
    permalink), on the one page and a search result of its own."""
    outcome = Outcome("recommendations")
    on_site = _anchored(site, "article li.recommendation[id]")
    for path, line, number in recommendations(site.paper):
        outcome.checked += 1
        anchor = recommendation_anchor(number)
        written = f"{number}." if number.isdigit() else f"({number})"
        name = f"recommendation {written.rstrip('.')}"
        where = f"{path}:{line}"
        md_file = on_site.get(anchor)
        if md_file is None:
            outcome.findings.append(
                Finding(
                    where,
                    f"{name} has no anchor #{anchor} on any page; write it in docs/ under the paper's Recommendations "
                    f"heading as the paper numbers it, '{written} …'",
                )
            )
            continue
        permalink = site.soup(html_file(md_file)).select_one(f"article #{anchor} a.paragraph-number")
        fix = f"build it with scripts/build, and keep '{written}' at the start of the recommendation in docs/{md_file}"
        if permalink is None or permalink.get("href") != f"#{anchor}" or permalink.get_text().strip() != written:
            outcome.findings.append(Finding(where, f"{name} has no visible permalink #{anchor}; {fix}"))
        outcome.findings += _placed(site, md_file, anchor, where, name, fix)
    if not outcome.checked:
        outcome.note = "the paper numbers no recommendation"
    return outcome


def _segments(block: Tag) -> tuple[str, list[bool]]:
    """A block's text, and for each character whether it is inside a link."""
    text, linked = "", []
    for string in block.find_all(string=True):
        text += str(string)
        linked += [string.find_parent("a") is not None] * len(str(string))
    return text, linked


def _own_appendix(block: Tag) -> AppendixKey | None:
    """The appendix whose page (or part of the one page) holds the block: a quotation there of the paper naming it
    needs no link to where the reader already is."""
    part = block.find_parent("section", class_="whole-paper-part") or block.find_parent("article")
    title = part.find(HEADING) if part else None
    return appendix_key(" ".join(title.get_text().split())) if title else None


def _mentioned_items(mention: re.Match[str], own: AppendixKey | None) -> list[int]:
    """Where in the mention each paragraph or appendix it names is written, but the appendix the reader is on ("the
    Annex" on an annex's own page)."""
    if mention.re is PARAGRAPH_MENTION:
        return [item.start() for item in PARAGRAPH_ITEM.finditer(mention[0])]
    return [
        start
        for start, key in named_appendices(mention)
        if key != own and not (own and not key[1] and key[0] == own[0])
    ]


def _target_ids(site: Site, page: str) -> set[str] | None:
    path = site.site / page
    if not path.is_file():
        return None
    return {str(element["id"]) for element in site.soup(page).find_all(id=True)} if page.endswith(".html") else set()


def references(site: Site) -> Outcome:
    """Every mention of a paragraph or an appendix is a link, and every link within the site lands on its target (its
    page and its anchor), on the web pages, on the one page and in the PDF."""
    outcome = Outcome("references and links")
    pages = [(md_file, html_file(md_file)) for md_file in site.nav_files] + [("", WHOLE_PAPER)]
    for md_file, page in pages:
        shown = f"docs/{md_file}" if md_file else f"site/{WHOLE_PAPER}"
        article = site.article(page)
        for block in article.find_all(BLOCKS):
            if block.find(BLOCKS):
                continue  # its nested blocks are read on their own
            text, linked = _segments(block)
            own = _own_appendix(block)
            for mention in [*PARAGRAPH_MENTION.finditer(text), *APPENDIX_MENTION.finditer(text)]:
                outcome.checked += 1
                if not all(linked[mention.start() + item] for item in _mentioned_items(mention, own)):
                    where = line_in(site.paper, md_file, mention[0]) if md_file else shown
                    outcome.findings.append(
                        Finding(where, f'"{mention[0]}" is not linked to what it names; link each to its target')
                    )
        for link in article.find_all("a", href=True):
            href = str(link["href"])
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith("/"):
                continue
            outcome.checked += 1
            target = (Path(page).parent / unquote(parts.path)).as_posix() if parts.path else page
            target = str(Path(target)).replace("\\", "/")
            ids = _target_ids(site, _normal(target))
            if ids is None or (parts.fragment and unquote(parts.fragment) not in ids):
                where = line_in(site.paper, md_file, link.get_text().strip()) if md_file else shown
                outcome.findings.append(
                    Finding(
                        where,
                        f'the link "{link.get_text().strip()}" goes to {href}, which is not on the site; '
                        "link to a page of the nav and an anchor it has",
                    )
                )
    destinations = site.pdf.named_destinations
    for number, pdf_page in enumerate(site.pdf.pages, start=1):
        for annotation in pdf_page.get("/Annots", []):
            annotation = annotation.get_object()
            if annotation.get("/Subtype") == "/Link" and "/Dest" in annotation:
                outcome.checked += 1
                if str(annotation["/Dest"]) not in destinations:
                    outcome.findings.append(
                        Finding(
                            f"site/{site.pdf_name}",
                            f"page {number}: a link to {annotation['/Dest']} lands "
                            "nowhere; link to a page of the paper and an anchor it has",
                        )
                    )
    return outcome


def _normal(path: str) -> str:
    parts: list[str] = []
    for part in path.split("/"):
        if part == "..":
            parts = parts[:-1]
        elif part not in ("", "."):
            parts.append(part)
    return "/".join(parts)


def appendices(site: Site) -> Outcome:
    """Every appendix page (docs/appendices/) is in the nav, built, and linked from another page of the paper."""
    outcome = Outcome("appendices reachable")
    folder = site.docs / APPENDIX_FOLDER
    found = sorted(path.relative_to(site.docs).as_posix() for path in folder.glob("*.md")) if folder.is_dir() else []
    for md_file in found:
        outcome.checked += 1
        where = f"docs/{md_file}:1"
        if md_file not in site.nav_files:
            outcome.findings.append(Finding(where, "is not in the nav; list it in mkdocs.yml's nav"))
            continue
        name = html_file(md_file)
        if not (site.site / name).is_file():
            outcome.findings.append(Finding(where, f"site/{name} was not built; build it with scripts/build"))
            continue
        linking = [
            other
            for other in site.nav_files
            if other != md_file
            and any(
                _normal((Path(html_file(other)).parent / str(a["href"]).split("#")[0]).as_posix()) == name
                for a in site.soup(html_file(other)).select("article a[href]")
            )
        ]
        if not linking:
            outcome.findings.append(
                Finding(where, "no other page of the paper links to it; link it from the list of background papers")
            )
    return outcome


def contacts(site: Site) -> Outcome:
    """Every contact's telephone number and email address are working tel: and mailto: links, and every tel: and
    mailto: link of the site is one that works."""
    outcome = Outcome("contacts' links")
    path = site.docs / CONTACTS_FILE
    people, problems = (
        load_contacts(path.read_text(encoding="utf-8"), f"docs/{CONTACTS_FILE}") if path.is_file() else ([], [])
    )
    outcome.findings += [Finding.of(problem) for problem in problems]
    pages = [html_file(md_file) for md_file in site.nav_files] + [WHOLE_PAPER]
    links = {str(a["href"]): page for page in pages for a in site.soup(page).select("article a[href]")}
    for href, page in links.items():
        scheme, _, rest = href.partition(":")
        if scheme == "tel":
            outcome.checked += 1
            try:
                valid = phonenumbers.is_valid_number(phonenumbers.parse(rest, "GB"))
            except phonenumbers.NumberParseException:
                valid = False
            if not valid or not re.fullmatch(r"\+\d+", rest):
                outcome.findings.append(
                    Finding(f"site/{page}", f"{href} is not a number a phone can dial; give the full number in docs/")
                )
        elif scheme == "mailto":
            outcome.checked += 1
            if not EMAIL.fullmatch(unquote(rest.split("?")[0])):
                outcome.findings.append(
                    Finding(f"site/{page}", f"{href} is not an email address; give the full address in docs/")
                )
    for person in people:
        outcome.checked += 1
        where = f"docs/{CONTACTS_FILE}:{person.line}"
        if person.tel_uri not in links:
            outcome.findings.append(
                Finding(
                    where,
                    f"{person.name}'s number {person.phone} is not a tel: link on any page; show it with "
                    f"the contact's marker in docs/",
                )
            )
        if not any(href.split("?")[0] == f"mailto:{person.email}" for href in links):
            outcome.findings.append(
                Finding(
                    where,
                    f"{person.name}'s email {person.email} is not a mailto: link on any page; show it "
                    "with the contact's marker in docs/",
                )
            )
    return outcome


def site_sentences(site: Site) -> Outcome:
    checked, problems = check_site_sentences(site.paper, paper_text(site.paper))
    return Outcome("sentences of the site", checked, [Finding.of(problem) for problem in problems])


def content_checks(site: Site) -> list[Outcome]:
    if not source_files(site.paper):
        return [Outcome("source", 1, [Finding("source/", "holds no .md file; put the paper as received there")])]
    return [
        *sentences(site),
        paragraphs(site),
        recommendations_cited(site),
        references(site),
        appendices(site),
        contacts(site),
        site_sentences(site),
    ]
