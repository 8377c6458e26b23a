"""Rendered HTML as a flat list of tags and text, and back, written as BeautifulSoup writes it.

The one-page paper and the PDF only drop elements, rename ids, rewrite links and
move headings down a level: a flat list is enough, and reading it costs a
fraction of building BeautifulSoup's tree (and of importing BeautifulSoup, which
every build otherwise did for this alone). ``markup(tokens(html))`` gives the same
text as ``str(BeautifulSoup(html, "html.parser"))``, which both used before, so
their output is unchanged: unbalanced tags closed or dropped as that tree would,
spaces between tags collapsed to one newline or space, characters for entity
references, ``<br/>`` for void elements, attributes in alphabetical order, and
``&``, ``<`` and ``>`` escaped (tests/test_markup.py holds the two side by side).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Callable

# Elements that never have content, as BeautifulSoup's HTML tree builder lists them.
VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "menuitem", "meta", "param",
    "source", "track", "wbr", "basefont", "bgsound", "command", "frame", "image", "isindex", "nextid", "spacer",
}
# Attributes holding a space-separated list, written back with single spaces (BeautifulSoup's list).
LIST_ATTRIBUTES = {"class", "accesskey", "dropzone"}
LIST_ATTRIBUTES_OF = {"a": {"rel", "rev"}, "link": {"rel", "rev"}, "td": {"headers"}, "th": {"headers"},
                      "form": {"accept-charset"}, "object": {"archive"}, "area": {"rel"}, "icon": {"sizes"},
                      "iframe": {"sandbox"}, "output": {"for"}}
# Text written as it is: the content of scripts and style sheets.
RAW_TEXT = {"script", "style"}
# Where text of spaces only is kept as it is; elsewhere it becomes one newline, or one space.
PRESERVE_SPACES = {"pre", "textarea"}
ASCII_SPACES = " \n\t\x0c\r"
SPECIAL = re.compile("[&<>]")
ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


@dataclass
class Start:
    name: str
    attrs: dict[str, str] = field(default_factory=dict)

    @property
    def void(self) -> bool:
        return self.name in VOID


@dataclass
class End:
    name: str


@dataclass
class Text:
    text: str


@dataclass
class Raw:
    """A comment, declaration or processing instruction, already written out."""

    markup: str


Token = Start | End | Text | Raw


def tokens(source: str) -> list[Token]:
    """``source`` as tags and text, every element closed: an end tag with no open element of its
    name is dropped, and one that closes an outer element closes the inner ones first."""
    reader = _Reader()
    reader.feed(source)
    reader.close()
    reader.close_open(len(reader.open))
    preserving = 0
    for token in reader.out:
        if isinstance(token, Text) and not preserving and not token.text.strip(ASCII_SPACES):
            token.text = "\n" if "\n" in token.text else " "
        elif isinstance(token, (Start, End)) and token.name in PRESERVE_SPACES:
            preserving += 1 if isinstance(token, Start) else -1
    return reader.out


def markup(stream: list[Token]) -> str:
    """The tokens as HTML text."""
    out, raw_depth = [], 0
    for token in stream:
        if isinstance(token, Text):
            out.append(token.text if raw_depth else SPECIAL.sub(_escape, token.text))
        elif isinstance(token, Start):
            attributes = "".join(f" {name}={_quoted(_list_value(token.name, name, value))}" for name, value in sorted(token.attrs.items()))
            out.append(f"<{token.name}{attributes}{'/' if token.void else ''}>")
            raw_depth += token.name in RAW_TEXT and not token.void
        elif isinstance(token, End):
            out.append(f"</{token.name}>")
            raw_depth -= token.name in RAW_TEXT
        else:
            out.append(token.markup)
    return "".join(out)


def element_end(stream: list[Token], start: int) -> int:
    """The index of the end tag that closes the element starting at ``start`` (itself for a void element)."""
    if stream[start].void:
        return start
    depth = 0
    for index in range(start, len(stream)):
        token = stream[index]
        if isinstance(token, Start) and not token.void:
            depth += 1
        elif isinstance(token, End):
            depth -= 1
            if depth == 0:
                return index
    raise ValueError("unbalanced tokens: tokens() closes every element")


def split_off(stream: list[Token], unwanted: Callable[[Start], bool]) -> tuple[list[Token], list[list[Token]]]:
    """The stream without the elements ``unwanted`` picks (and their content), and those elements."""
    kept, removed, index = [], [], 0
    while index < len(stream):
        token = stream[index]
        if isinstance(token, Start) and unwanted(token):
            end = element_end(stream, index)
            removed.append(stream[index:end + 1])
            index = end + 1
        else:
            kept.append(token)
            index += 1
    return kept, removed


def text_of(stream: list[Token], start: int) -> str:
    """The text of the element starting at ``start``, as it reads (every string in it, joined)."""
    return "".join(token.text for token in stream[start:element_end(stream, start)] if isinstance(token, Text))


def classes(token: Start) -> list[str]:
    return token.attrs.get("class", "").split()


def _escape(match: re.Match[str]) -> str:
    return ESCAPES[match[0]]


def _list_value(tag: str, name: str, value: str) -> str:
    if name in LIST_ATTRIBUTES or name in LIST_ATTRIBUTES_OF.get(tag, ()):
        return " ".join(value.split())
    return value


def _quoted(value: str) -> str:
    value = SPECIAL.sub(_escape, value)
    if '"' not in value:
        return f'"{value}"'
    if "'" not in value:
        return f"'{value}'"
    return '"' + value.replace('"', "&quot;") + '"'


class _Reader(HTMLParser):
    def __init__(self) -> None:
        # Character references are turned into text here, one by one, as BeautifulSoup does.
        super().__init__(convert_charrefs=False)
        self.out: list[Token] = []
        self.open: list[str] = []

    def handle_starttag(self, tag, attrs):
        token = Start(tag)
        for name, value in attrs:
            token.attrs[name] = "" if value is None else value
        self.out.append(token)
        if not token.void:
            self.open.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag in self.open:  # else there is nothing to close, and the tag goes
            self.close_open(1 + self.open[::-1].index(tag))

    def close_open(self, count: int) -> None:
        """Close the innermost ``count`` open elements."""
        for _ in range(count):
            self.out.append(End(self.open.pop()))

    def handle_data(self, data):
        if self.out and isinstance(self.out[-1], Text):
            self.out[-1].text += data
        else:
            self.out.append(Text(data))

    def handle_entityref(self, name):
        text = html.unescape(f"&{name};")
        self.handle_data(text if text != f"&{name};" else f"&{name}")

    def handle_charref(self, name):
        self.handle_data(html.unescape(f"&#{name};"))

    def handle_comment(self, data):
        self.out.append(Raw(f"<!--{data}-->"))

    def handle_decl(self, decl):
        self.out.append(Raw(f"<!DOCTYPE {decl[len('DOCTYPE '):]}>\n"))

    def handle_pi(self, data):
        self.out.append(Raw(f"<?{data}>"))

    def unknown_decl(self, data):
        self.out.append(Raw(f"<![CDATA[{data[6:]}]]>" if data.upper().startswith("CDATA[") else f"<?{data}?>"))
