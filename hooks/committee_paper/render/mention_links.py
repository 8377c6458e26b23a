"""Mentions the paper wrote without a link ("paragraph 2.4", "Appendix B"), linked in a page's Markdown."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from committee_paper.model.anchors import paragraph_anchor
from committee_paper.model.cross_references import (
    APPENDIX_MENTION,
    APPENDIX_NAME,
    PARAGRAPH_MENTION,
)
from committee_paper.model.links import relative_link
from committee_paper.model.sources import FENCE

# What a mention in the prose must not be linked inside: a link or image, code, an HTML tag.
PROTECTED = re.compile(r"!?\[[^\]]*\]\([^)]*\)|`[^`]*`|<[^>]*>")
NOT_PROSE = re.compile(r"^\s*(?:#|<|\*\[|\|?\s*-{3})")  # headings, HTML blocks, abbreviations, table rules


def link_mentions(markdown: str, uri: str, paragraphs: Mapping[str, str], appendices: Mapping[str, str]) -> str:
    """Every "paragraph 2.4" and "Appendix B" (each of "Appendices 1 and 2") the paper wrote without a link,
    linked to its paragraph or appendix page (``paragraphs`` and ``appendices``, the model's paragraph_pages and
    appendix_pages); a mention naming none is left as it is (check_paragraph_mentions and check_appendix_mentions
    report it), and so is an appendix named on its own page."""

    def link(text: str, target: str | None) -> str:
        return f"[{text}]({relative_link(uri, target)})" if target else text

    def paragraph_target(number: str) -> str | None:
        return f"{paragraphs[number]}#{paragraph_anchor(number)}" if number in paragraphs else None

    def appendix_target(name: str) -> str | None:
        return appendices[name] if appendices.get(name, uri) != uri else None

    def mentioned(match: re.Match[str], item: str, target: Callable[[str], str | None]) -> str:
        names = re.findall(item, match[1])
        if len(names) == 1:
            return link(match[0], target(names[0]))
        start = match.start(1) - match.start()
        return match[0][:start] + re.sub(item, lambda name: link(name[0], target(name[0])), match[1])

    def prose(segment: str) -> str:
        segment = PARAGRAPH_MENTION.sub(lambda match: mentioned(match, r"\d+\.\d+", paragraph_target), segment)
        return APPENDIX_MENTION.sub(lambda match: mentioned(match, APPENDIX_NAME, appendix_target), segment)

    lines, in_fence, in_comment = [], False, False
    for line in markdown.split("\n"):
        if FENCE.match(line):
            in_fence = not in_fence
        skip = in_fence or in_comment or "<!--" in line or NOT_PROSE.match(line)
        in_comment = (in_comment or "<!--" in line) and "-->" not in line.rsplit("<!--", 1)[-1]
        if skip:
            lines.append(line)
            continue
        at, out = 0, []
        for kept in PROTECTED.finditer(line):
            out += [prose(line[at : kept.start()]), kept[0]]
            at = kept.end()
        lines.append("".join([*out, prose(line[at:])]))
    return "\n".join(lines)
