"""The paper's Markdown sources, with line numbers kept, and their front matter, one type per key."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import yaml
from yaml import CSafeLoader as SafeLoader  # libyaml's safe loader, as MkDocs reads front matter

from committee_paper.model.problems import Problem

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*\n", re.DOTALL)
LINK = re.compile(r"!?\[([^\]]*)\]\(([^)\s]*)(?:\s+\"[^\"]*\")?\)")
COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
FENCE = re.compile(r"^\s*(```|~~~)")
# Front matter the tool reads: each key's one type, and what it does.
FRONT_MATTER_KEYS: dict[str, tuple[type, str]] = {
    "title": (str, "it is the page's title in the nav, the PDF and the search"),
    "pdf": (bool, "'pdf: false' leaves the page out of the PDF (a page about the website only)"),
    "pdf_new_page": (
        bool,
        "'pdf_new_page: true' starts the page on a new sheet (a major part, such as the appendices)",
    ),
    "whole_paper": (bool, "'whole_paper: false' leaves the page off the one-page paper (a page of the website's own)"),
    "background_paper": (
        int,
        "'background_paper: N' makes the page the appendix page of paper N of the list of background papers",
    ),
    "exempt": (
        str,
        "'exempt: \"the paper's reason\"' marks the appendix exempt from publication, quoting the paper's reason",
    ),
}


@dataclass(frozen=True)
class SourcePage:
    path: str  # as shown to editors, e.g. "docs/background-papers.md"
    uri: str  # relative to docs/, e.g. "background-papers.md"
    text: str

    @cached_property
    def _front_matter(self) -> tuple[dict[str, Any], dict[str, int]]:
        """The front matter's values as MkDocs reads them (YAML's safe loader), and each key's line."""
        match = FRONT_MATTER.match(self.text)
        if not match:
            return {}, {}
        loader = SafeLoader(match[1])
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        except yaml.YAMLError:
            return {}, {}  # MkDocs itself reports broken front matter
        finally:
            loader.dispose()
        if node is None or not isinstance(data, dict):
            return {}, {}
        return data, {key.value: key.start_mark.line + 2 for key, _ in node.value}

    @property
    def front_matter(self) -> dict[str, Any]:
        return self._front_matter[0]

    def front_matter_line(self, key: str) -> int:
        return self._front_matter[1].get(key, 1)

    def front_matter_problems(self) -> list[Problem]:
        """Each key the tool reads has one type: anything else fails the build, here, not once per reader."""
        problems = []
        for key, (kind, does) in FRONT_MATTER_KEYS.items():
            value = self.front_matter.get(key)
            if value is not None and type(value) is not kind:
                what = "true or false" if kind is bool else "a whole number" if kind is int else "text"
                problems.append(
                    Problem(
                        self.path,
                        self.front_matter_line(key),
                        f"{key}: {value!r} is not {what}; {does}, otherwise leave the line out",
                    )
                )
        return problems

    @property
    def in_pdf(self) -> bool:
        return self.front_matter.get("pdf") is not False

    @property
    def new_pdf_page(self) -> bool:
        return self.front_matter.get("pdf_new_page") is True

    @property
    def in_whole_paper(self) -> bool:
        return self.in_pdf and self.front_matter.get("whole_paper") is not False

    @property
    def background_paper(self) -> int | None:
        """The row, in the list of background papers, of the paper this page is the appendix page of."""
        value = self.front_matter.get("background_paper")
        return value if type(value) is int else None

    @property
    def exempt(self) -> str | None:
        """The paper's reason, quoted, when this appendix is exempt from publication (Schedule 12A)."""
        value = self.front_matter.get("exempt")
        return value.strip() if isinstance(value, str) and value.strip() else None

    @property
    def nav_title(self) -> str | None:
        """The title the nav shows when mkdocs.yml gives no label: front matter ``title``, else the first heading."""
        title = self.front_matter.get("title")
        return title if isinstance(title, str) and title else (self.title[1] if self.title else None)

    def body_of(self, text: str) -> str:
        """``text`` (this page's, markers rendered) without its front matter, as MkDocs hands a
        page's Markdown to hooks."""
        match = FRONT_MATTER.match(text)
        return text[match.end() :].lstrip("\n") if match and self.front_matter else text

    @cached_property
    def body_start(self) -> int:
        """Index of the first line after the front matter."""
        match = FRONT_MATTER.match(self.text)
        return match[0].count("\n") if match else 0

    def body_lines(self) -> list[tuple[int, str]]:
        """(line number, text) of the Markdown body's prose: HTML comments and fenced code left out."""
        return self._body_lines

    def plain_lines(self) -> list[tuple[int, str]]:
        """``body_lines()`` with links reduced to their text and emphasis removed (``plain_text``)."""
        return self._plain_lines

    # Cached: the checks and the glossary read every page's lines once per abbreviation or rule.
    @cached_property
    def _body_lines(self) -> list[tuple[int, str]]:
        # Comments may span lines: blank them out but keep their newlines, so numbers stay right.
        text = COMMENT.sub(lambda match: "\n" * match[0].count("\n"), self.text)
        lines, in_fence = [], False
        for number, line in enumerate(text.splitlines(), start=1):
            if FENCE.match(line):
                in_fence = not in_fence
            elif number > self.body_start and not in_fence:
                lines.append((number, line))
        return lines

    @cached_property
    def _plain_lines(self) -> list[tuple[int, str]]:
        return [(number, plain_text(line)) for number, line in self._body_lines]

    @cached_property
    def title(self) -> tuple[int, str] | None:
        for number, line in self.body_lines():
            if line.startswith("# "):
                return number, re.sub(r"\s*\{[^}]*\}\s*$", "", line[2:]).strip()
        return None

    @property
    def title_line(self) -> int:
        """The line of the page's title, where a problem of the whole page is reported; 1 without a title."""
        return self.title[0] if self.title else 1


def plain_text(line: str) -> str:
    """A Markdown line with links reduced to their text and emphasis removed."""
    return LINK.sub(r"\1", line).replace("**", "")


def table_cells(line: str) -> list[str]:
    """The cells of a Markdown pipe-table row, stripped."""
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def digits(text: str) -> str:
    """Only the digits of a phone number or extension, as dialled."""
    return "".join(ch for ch in text if ch.isdigit())


def link_targets(line: str) -> list[tuple[str, str]]:
    """(text, target) of every Markdown link on the line."""
    return [(match[1], match[2]) for match in LINK.finditer(line)]
