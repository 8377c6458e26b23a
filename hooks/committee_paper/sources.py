"""The paper's Markdown sources as read from disk, with line numbers kept."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import yaml

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*\n", re.DOTALL)
LINK = re.compile(r"!?\[([^\]]*)\]\(([^)\s]*)(?:\s+\"[^\"]*\")?\)")
COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
FENCE = re.compile(r"^\s*(```|~~~)")


@dataclass(frozen=True)
class SourcePage:
    path: str  # as shown to editors, e.g. "docs/background-papers.md"
    uri: str  # relative to docs/, e.g. "background-papers.md"
    text: str

    @classmethod
    def read(cls, docs: Path, uri: str) -> SourcePage:
        return cls(f"{docs.name}/{uri}", uri, (docs / uri).read_text(encoding="utf-8"))

    @cached_property
    def front_matter(self) -> dict:
        match = FRONT_MATTER.match(self.text)
        if not match:
            return {}
        try:
            data = yaml.load(match[1], Loader=yaml.CBaseLoader)  # libyaml: the same text values, faster
        except yaml.YAMLError:
            return {}  # MkDocs itself reports broken front matter
        return data if isinstance(data, dict) else {}

    def front_matter_line(self, key: str) -> int:
        for number, line in enumerate(self.text.splitlines()[: self.body_start], start=1):
            if line.startswith(f"{key}:"):
                return number
        return 1

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
