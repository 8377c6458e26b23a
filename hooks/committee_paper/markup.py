"""The one reader and writer of rendered HTML: a flat list of tags and text, and back.

Every rule that reads or changes the HTML that Python-Markdown and Material render (the
one-page paper, the PDF's sections, the search index, email subjects, abbreviations,
the theme's markup) goes through here. Python's own tokenizer (``html.parser``) reads;
each token keeps the text it was read from and is written back as it was read unless a
rule changed it, so ``markup(tokens(html)) == html`` for any input and a rule changes
only the tags it changes. A changed tag is written with its attributes in their order,
in double quotes.

Elements are balanced for the rules that walk them: an end tag closes the elements still
open inside its element (their implied end tags are written as nothing), the elements still
open at the end are closed the same way, and an end tag with no element to close is kept as
it was written but closes nothing.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser

# Elements that never have content (the HTML standard's list, with its obsolete ones).
VOID = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    "basefont", "bgsound", "frame", "keygen", "param",
})  # fmt: skip
# Elements whose content is text as written, never character references.
RAW_TEXT = frozenset({"script", "style"})
NEWLINE = re.compile("\n")


@dataclass(eq=False)
class Start:
    """A start tag. ``attrs`` may be changed: the tag is then written anew."""

    name: str
    attrs: dict[str, str] = field(default_factory=dict)
    self_closing: bool = False  # written ``<name/>``: a foreign element (SVG, MathML) with no content
    source: str = ""  # the text it was read from
    read_as: tuple[str, list[tuple[str, str]]] | None = field(default=None, repr=False)  # None: made by a rule

    @property
    def void(self) -> bool:
        return self.name in VOID


@dataclass(eq=False)
class End:
    """An end tag; an implied one (closed by an outer element's end tag, or by the end) is written as nothing."""

    name: str
    implied: bool = False
    source: str = ""
    read_as: str | None = field(default=None, repr=False)


@dataclass(eq=False)
class Text:
    """Text as it reads (character references as characters); written escaped once changed."""

    text: str
    source: str = ""
    read_as: str | None = field(default=None, repr=False)


@dataclass(eq=False)
class Raw:
    """Markup that is no element: a comment, declaration, processing instruction or stray end tag."""

    source: str


Token = Start | End | Text | Raw


def tokens(source: str) -> list[Token]:
    """``source`` as tags and text, every element closed."""
    reader = _Reader(source)
    reader.feed(source)
    reader.close()
    return reader.finish()


def markup(stream: list[Token]) -> str:
    """The tokens as HTML text: as read where unchanged."""
    out: list[str] = []
    raw_text = 0  # inside a script or style element
    for token in stream:
        if isinstance(token, Start):
            out.append(token.source if (token.name, list(token.attrs.items())) == token.read_as else _start_tag(token))
            raw_text += token.name in RAW_TEXT
        elif isinstance(token, End):
            out.append(token.source if token.implied or token.name == token.read_as else f"</{token.name}>")
            raw_text -= token.name in RAW_TEXT
        elif isinstance(token, Text) and token.text != token.read_as:
            out.append(token.text if raw_text else html.escape(token.text, quote=False))
        else:
            out.append(token.source)
    return "".join(out)


def element_end(stream: list[Token], start: int) -> int:
    """The index of the end tag that closes the element starting at ``start`` (itself for a void element)."""
    opening = stream[start]
    if not isinstance(opening, Start):
        raise ValueError(f"token {start} is no start tag")
    if opening.void:
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


def starts(stream: list[Token], wanted: Callable[[Start], bool]) -> list[tuple[int, Start]]:
    """The start tags ``wanted`` picks, in order, with their indexes."""
    return [(index, token) for index, token in enumerate(stream) if isinstance(token, Start) and wanted(token)]


def split_off(stream: list[Token], unwanted: Callable[[Start], bool]) -> tuple[list[Token], list[list[Token]]]:
    """The stream without the elements ``unwanted`` picks (and their content), and those elements."""
    kept: list[Token] = []
    removed: list[list[Token]] = []
    index = 0
    while index < len(stream):
        token = stream[index]
        if isinstance(token, Start) and unwanted(token):
            end = element_end(stream, index)
            removed.append(stream[index : end + 1])
            index = end + 1
        else:
            kept.append(token)
            index += 1
    return kept, removed


def text_of(stream: list[Token], start: int) -> str:
    """The text of the element starting at ``start``, as it reads (every string in it, joined)."""
    return "".join(token.text for token in stream[start : element_end(stream, start)] if isinstance(token, Text))


def classes(token: Start) -> list[str]:
    return token.attrs.get("class", "").split()


def _start_tag(token: Start) -> str:
    attributes = "".join(f' {name}="{html.escape(value)}"' for name, value in token.attrs.items())
    return f"<{token.name}{attributes}{'/' if token.self_closing else ''}>"


class _Reader(HTMLParser):
    """Python's tokenizer, noting where each token starts so that it keeps the text it was read from."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.source = source
        self.line_starts = [0] + [match.end() for match in NEWLINE.finditer(source)]
        self.out: list[Token] = []
        self.offsets: list[int] = []  # where each token starts in the source
        self.open: list[str] = []

    def _add(self, token: Token, offset: int | None = None) -> None:
        """Add a token that starts at ``offset``, by default where the tokenizer is."""
        line, column = self.getpos()
        self.out.append(token)
        self.offsets.append(self.line_starts[line - 1] + column if offset is None else offset)

    def finish(self) -> list[Token]:
        """Close what is still open, and give each token the text it was read from."""
        self._close_open(len(self.open), len(self.source))
        if not self.out:
            return []
        self.offsets[0] = 0  # text the tokenizer skipped goes with the token before it; at the start, the first
        ends = [*self.offsets[1:], len(self.source)]
        for token, begin, end in zip(self.out, self.offsets, ends, strict=True):
            token.source = self.source[begin:end]
            if isinstance(token, Start):
                token.read_as = (token.name, list(token.attrs.items()))
            elif isinstance(token, End):
                token.read_as = token.name
            elif isinstance(token, Text):
                token.read_as = token.text
        return self.out

    def _close_open(self, count: int, offset: int | None = None) -> None:
        """Close the innermost ``count`` open elements, by implied end tags."""
        for _ in range(count):
            self._add(End(self.open.pop(), implied=True), offset)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._add(Start(tag, {name: value or "" for name, value in attrs}))
        if tag not in VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._add(Start(tag, {name: value or "" for name, value in attrs}, self_closing=tag not in VOID))
        if tag not in VOID:
            self.open.append(tag)
            self._close_open(1, self.offsets[-1] + len(self.get_starttag_text() or ""))

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.open:
            self._add(Raw(""))
            return
        inner = self.open[::-1].index(tag)
        self._close_open(inner)
        self._add(End(self.open.pop()))

    def handle_data(self, data: str) -> None:
        if self.out and isinstance(self.out[-1], Text):  # one run of text, as the tokenizer may split it
            self.out[-1].text += data
        else:
            self._add(Text(data))

    def handle_comment(self, data: str) -> None:
        self._add(Raw(""))

    def handle_decl(self, decl: str) -> None:
        self._add(Raw(""))

    def handle_pi(self, data: str) -> None:
        self._add(Raw(""))

    def unknown_decl(self, data: str) -> None:
        self._add(Raw(""))
