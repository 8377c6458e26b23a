"""The facts the paper tests check, derived from the paper itself: its source (tests/source/*.md), its content
(docs/) and its settings (mkdocs.yml). None is typed here, so a new paper needs no test edited.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
BACKGROUND_PAPERS = "background-papers.md"
PARAGRAPH = re.compile(r"^(\d+\.\d+)\.?\s", re.MULTILINE)
ATTACHED = re.compile(r"<!--\s*attached\s*:\s*paper (\d+), paragraph (\d+\.\d+)\s*-->")


def source_file() -> Path:
    """The paper as received: the one Markdown file in tests/source/, whatever its name."""
    found = sorted((ROOT / "tests" / "source").glob("*.md"))
    assert len(found) == 1, f"tests/source/ must hold the paper as one .md file; it holds {[path.name for path in found]}"
    return found[0]


@cache
def source_text() -> str:
    return source_file().read_text(encoding="utf-8")


def paragraph_numbers() -> list[str]:
    """The numbered paragraphs of the source, in order, as "2.4" (the paper writes "- 2.4." or "5.1")."""
    return [number for number in re.findall(r"^(?:- )?(\d+\.\d+)\.?\s", source_text(), re.MULTILINE)]


def front_matter(md_file: str, docs: Path = DOCS) -> dict:
    """A page's front matter as MkDocs reads it (true and false are booleans)."""
    match = re.match(r"---\n(.*?\n)---\n", (docs / md_file).read_text(encoding="utf-8"), re.DOTALL)
    return (yaml.safe_load(match[1]) or {}) if match else {}


def body(md_file: str, docs: Path = DOCS) -> str:
    return re.sub(r"\A---\n.*?\n---\n", "", (docs / md_file).read_text(encoding="utf-8"), flags=re.DOTALL)


@cache
def nav_files(config: Path = ROOT / "mkdocs.yml") -> list[str]:
    """The Markdown files of the nav, in reading order."""
    settings = yaml.load(config.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    found: list[str] = []

    def walk(items) -> None:
        for item in items:
            for value in item.values() if isinstance(item, dict) else [item]:
                walk(value) if isinstance(value, list) else found.append(value)

    walk(settings["nav"])
    return found


def in_pdf(md_file: str) -> bool:
    return front_matter(md_file).get("pdf") is not False


def in_whole_paper(md_file: str) -> bool:
    return in_pdf(md_file) and front_matter(md_file).get("whole_paper") is not False


def paragraph_pages() -> dict[str, str]:
    """Each numbered paragraph of docs/ ("2.4") and the nav page it is written on."""
    return {number: md_file for md_file in nav_files() for number in PARAGRAPH.findall(body(md_file))}


@dataclass(frozen=True)
class BackgroundPaper:
    row: int  # its place in the list, which its anchor paper-N follows
    title: str  # as the list writes it, links taken away
    date: str
    contact: str  # the contact's name
    appendix: str | None  # the appendix page its title links to, if any


def background_papers() -> list[BackgroundPaper]:
    """The rows of the first table of docs/background-papers.md."""
    rows = [line for line in body(BACKGROUND_PAPERS).splitlines() if line.startswith("|")][2:]
    papers = []
    for row, line in enumerate(rows, start=1):
        title, date, contact = (cell.strip() for cell in line.strip().strip("|").split("|"))
        link = re.search(r"\]\(([^)#]+\.md)\)", title)
        title = re.sub(r"^\d+\.\s*", "", re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", title))
        papers.append(BackgroundPaper(row, title, date, contact.split("/")[0].strip(), link[1] if link else None))
    return papers


@dataclass(frozen=True)
class Appendix:
    page: str  # docs/ path, as appendices/appendix-a.md
    paper: BackgroundPaper
    attached: tuple[str, str] | None  # (section page, paragraph "1.1") that says it is attached, if one does


def appendices() -> list[Appendix]:
    """The nav's appendix pages: pages with 'background_paper: N' in their front matter."""
    papers = {paper.row: paper for paper in background_papers()}
    markers = {int(number): (md_file, paragraph) for md_file in nav_files() for number, paragraph in ATTACHED.findall(body(md_file))}
    found = []
    for md_file in nav_files():
        number = front_matter(md_file).get("background_paper")
        if number is not None:
            found.append(Appendix(md_file, papers[number], markers.get(number)))
    return found


@cache
def contacts() -> list[dict]:
    return yaml.safe_load((DOCS / "contacts.yml").read_text(encoding="utf-8"))


def contact(name: str) -> dict:
    return next(person for person in contacts() if person["name"] == name)


@cache
def settings() -> dict:
    """mkdocs.yml as MkDocs reads it (!ENV resolved), not validated."""
    from mkdocs.utils.yaml import yaml_load

    with (ROOT / "mkdocs.yml").open("rb") as file:
        return yaml_load(file)


def anchor(number: str) -> str:
    """A numbered paragraph's anchor: "2.4" is #para-2-4."""
    return "para-" + number.replace(".", "-")


def html_file(md_file: str) -> str:
    return md_file.removesuffix(".md") + ".html"
