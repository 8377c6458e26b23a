"""The facts the tests check, derived from the made-up paper they build (PAPER, tests/fixtures/paper/): its source
(source/*.md), its content (docs/) and its settings (mkdocs.yml). None is typed here, so the tests hold for any paper
of that shape, and extending the made-up paper needs no test edited.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from pathlib import Path

import yaml

# The paper the tool's tests build: a folder of its own, as a clerk keeps one (mkdocs.yml, docs/, source/).
PAPER = Path(__file__).resolve().parent / "fixtures" / "paper"
DOCS = PAPER / "docs"
BACKGROUND_PAPERS = "background-papers.md"
PARAGRAPH = re.compile(r"^(\d+\.\d+)\.?\s", re.MULTILINE)
ATTACHED = re.compile(r"<!--\s*attached\s*:\s*paper (\d+), paragraph (\d+\.\d+)\s*-->")


def source_file() -> Path:
    """The paper as received: the one Markdown file in its source/, whatever its name."""
    found = sorted((PAPER / "source").glob("*.md"))
    assert len(found) == 1, (
        f"{PAPER}/source/ must hold the paper as one .md file; it holds {[path.name for path in found]}"
    )
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
def nav_files(config: Path = PAPER / "mkdocs.yml") -> list[str]:
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
    markers = {
        int(number): (md_file, paragraph)
        for md_file in nav_files()
        for number, paragraph in ATTACHED.findall(body(md_file))
    }
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

    with (PAPER / "mkdocs.yml").open("rb") as file:
        return yaml_load(file)


def anchor(number: str) -> str:
    """A numbered paragraph's anchor: "2.4" is #para-2-4."""
    return "para-" + number.replace(".", "-")


def html_file(md_file: str) -> str:
    return md_file.removesuffix(".md") + ".html"


# What a reader can search for, chosen from the content so that the answer is known --------------------------

WORD = re.compile(r"[A-Za-z]+")


def plain(markdown: str) -> str:
    """Markdown as the reader sees its words: links, emphasis, markers, tags and attribute lists taken away."""
    text = re.sub(r"<!--.*?-->", " ", markdown, flags=re.DOTALL)
    text = re.sub(r"<(span|div|p)\b[^>]*\bpdf-only\b[^>]*>.*?</\1>", " ", text, flags=re.DOTALL)  # not on the web
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"</?[a-z][^>]*>|\{[^}]*\}|\*\*|^\*\[.*$|^///.*$", " ", text, flags=re.MULTILINE)
    return text


def paragraph_texts() -> dict[str, str]:
    """Each numbered paragraph of docs/ and its words, without its number."""
    texts = {}
    for md_file in nav_files():
        for line in body(md_file).splitlines():
            match = PARAGRAPH.match(line)
            if match:
                texts[match[1]] = " ".join(plain(line[match.end() :]).split())
    return texts


def paper_pages() -> list[str]:
    """The nav's pages of the paper itself: not the website's own (pdf: false), not the glossary made from data."""
    return [
        md_file for md_file in nav_files() if in_pdf(md_file) and front_matter(md_file).get("whole_paper") is not False
    ]


def abbreviations() -> dict[str, str]:
    return dict(
        re.findall(
            r"^\*\[([^\]]+)\]: (.+)$",
            (DOCS / "includes" / "abbreviations.md").read_text(encoding="utf-8"),
            re.MULTILINE,
        )
    )


def abbreviations_in_one_paragraph() -> list[tuple[str, str]]:
    """(abbreviation, paragraph number) of each abbreviation the paper uses once, in one numbered paragraph."""
    found = []
    texts = paragraph_texts()
    paper = " ".join(plain(body(md_file)) for md_file in paper_pages())
    for name in abbreviations():
        used = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")
        where = [number for number, text in texts.items() if used.search(text)]
        if len(where) == 1 and len(used.findall(paper)) == 1:
            found.append((name, where[0]))
    return found


def _elsewhere(md_file: str) -> set[str]:
    """Word starts (six letters, lower case) shown anywhere but on this page's own text: other pages, page titles
    (listed on the cover), contacts and abbreviations (rendered on many pages)."""
    texts = [plain(body(other)) for other in nav_files() if other != md_file]
    texts += [line for line in body(md_file).splitlines() if line.startswith("#")]
    texts += [
        (DOCS / "contacts.yml").read_text(encoding="utf-8"),
        (DOCS / "includes" / "abbreviations.md").read_text(encoding="utf-8"),
    ]
    return {word.lower()[:6] for text in texts for word in WORD.findall(text)}


def search_words() -> dict[str, str]:
    """For each nav page that has one, a word of its own text that no other page shows (nor any word that starts with
    the same six letters, which search's stemming could match): searching for it must find that page."""
    words = {}
    for md_file in nav_files():
        elsewhere = _elsewhere(md_file)
        lines = [line for line in plain(body(md_file)).splitlines() if not line.startswith("#")]
        candidates = [
            word
            for line in lines
            for word in WORD.findall(line)
            if len(word) >= 6 and word.lower()[:6] not in elsewhere
        ]
        if candidates:
            words[md_file] = max(candidates, key=len)
    return words


def paragraph_of(word: str) -> str | None:
    """The numbered paragraph that has the word, if one does."""
    return next((number for number, text in paragraph_texts().items() if re.search(rf"\b{word}\b", text)), None)


STOPWORDS = {
    "the",
    "and",
    "for",
    "with",
    "that",
    "this",
    "from",
    "have",
    "will",
    "been",
    "were",
    "which",
    "their",
    "they",
    "also",
    "into",
    "about",
}


def rare_phrases(count: int = 3) -> list[tuple[str, str]]:
    """(phrase, paragraph anchor) of two neighbouring words that no other page or paragraph shows together, whose words are
    the rarest in the paper, from paragraphs on different pages: searching for the phrase must open that paragraph."""
    texts = paragraph_texts()
    everything = " ".join(plain(body(md_file)) for md_file in nav_files()).lower()
    frequency: dict[str, int] = {}
    for word in WORD.findall(everything):
        frequency[word] = frequency.get(word, 0) + 1
    pages = paragraph_pages()
    best: dict[str, tuple[int, str, str]] = {}
    for number, text in texts.items():
        words = WORD.findall(text)
        for first, second in pairwise(words):
            if len(first) < 4 or len(second) < 4 or {first.lower(), second.lower()} & STOPWORDS:
                continue
            phrase = f"{first} {second}"
            if everything.count(phrase.lower()) != 1:
                continue  # quoted on another page, or said twice
            score = frequency[first.lower()] + frequency[second.lower()]
            if pages[number] not in best or score < best[pages[number]][0]:
                best[pages[number]] = (score, phrase, anchor(number))
    return [(phrase, where) for _, phrase, where in sorted(best.values())[:count]]


def apostrophe_phrase() -> tuple[str, str] | None:
    """("children's homes", paragraph anchor): a word with an apostrophe and the word after it, which no other paragraph
    has, the rarest such pair in the paper, if it has one."""
    everything = " ".join(plain(body(md_file)) for md_file in nav_files()).lower().replace("’", "'")
    found = []
    for number, text in paragraph_texts().items():
        for match in re.finditer(r"\b([A-Za-z]+'[a-z]+) ([A-Za-z]{4,})\b", text.replace("’", "'")):
            if everything.count(match[0].lower()) == 1:
                found.append((len(re.findall(rf"\b{match[2].lower()}\b", everything)), match[0], anchor(number)))
    return min(found)[1:] if found else None


def abbreviation_with_apostrophe() -> str | None:
    """An abbreviation the paper writes with an apostrophe, as "ABC's", if it does."""
    match = re.search(r"\b[A-Z]{2,}'s\b", " ".join(plain(body(md_file)) for md_file in nav_files()).replace("’", "'"))
    return match[0] if match else None


def page_title(md_file: str) -> str:
    """A page's title as the nav shows it: its front matter title, else its first heading."""
    title = front_matter(md_file).get("title")
    if title:
        return str(title)
    heading = next(line for line in body(md_file).splitlines() if line.startswith("# "))
    return " ".join(plain(heading.removeprefix("# ")).split())


def nav_groups() -> list[tuple[str, list[str]]]:
    """Each labelled group of the nav and its pages."""
    settings_ = yaml.load((PAPER / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    return [
        (label, [value for entry in pages for value in (entry.values() if isinstance(entry, dict) else [entry])])
        for item in settings_["nav"]
        if isinstance(item, dict)
        for label, pages in item.items()
        if isinstance(pages, list)
    ]


def search_word_in_a_paragraph() -> tuple[str, str, str]:
    """(word, its page, its paragraph number): a word only one numbered paragraph of the paper has."""
    return next((word, md_file, paragraph_of(word)) for md_file, word in search_words().items() if paragraph_of(word))


def rarest_date_word() -> str:
    """The word of a background paper's date that the rest of the paper uses least, as "August"."""
    everything = " ".join(plain(body(md_file)) for md_file in nav_files())
    words = [word for paper in background_papers() for word in WORD.findall(paper.date)]
    return min(words, key=lambda word: len(re.findall(rf"\b{word}\b", everything)))
