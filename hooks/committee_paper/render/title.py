"""A page's title, and the shortcuts right after it, apart from the rest of its content, by its elements.

The theme (overrides/partials/content.html) puts the paper's formats between them: readers meet what
the paper is (the committee, the meeting and the title) before the links to download it, and the
shortcuts within the page that follow the title (a ``paper-shortcuts`` nav, as a cover's
"Recommendation" and "Contents") stay right under it, so that a phone's first screen holds the title
and the ways into the page. The page's content itself is left whole, for the search index, the
one-page paper and the PDF.
"""

from __future__ import annotations

from dataclasses import dataclass

from committee_paper.markup import Start, Text, Token, element_end, markup, starts

SHORTCUTS = "paper-shortcuts"


@dataclass(frozen=True)
class TitleParts:
    """The page's content in three, written back as it was read: together, the whole of it."""

    title: str  # up to the end of its first h1
    shortcuts: str  # then up to the end of a paper-shortcuts nav, if that is the next element, else nothing
    rest: str


def title_parts(page: list[Token]) -> TitleParts | None:
    """The page in three parts, or None if it has no h1 (the theme then writes the page's title itself)."""
    titles = starts(page, lambda tag: tag.name == "h1")
    if not titles:
        return None
    title_end = element_end(page, titles[0][0]) + 1
    shortcuts_end = title_end
    following = next(
        (index for index in range(title_end, len(page)) if not _blank(page[index])),
        None,
    )
    if following is not None:
        tag = page[following]
        if isinstance(tag, Start) and tag.name == "nav" and SHORTCUTS in tag.attrs.get("class", "").split():
            shortcuts_end = element_end(page, following) + 1
    return TitleParts(markup(page[:title_end]), markup(page[title_end:shortcuts_end]), markup(page[shortcuts_end:]))


def _blank(token: Token) -> bool:
    return isinstance(token, Text) and not token.text.strip()
