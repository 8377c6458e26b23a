"""Mentions the paper wrote without a link ("paragraph 2.4", "Appendix B", "the Annex"), linked in a page's Markdown."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from committee_paper.model.anchors import paragraph_anchor
from committee_paper.model.cross_references import (
    APPENDIX_MENTION,
    NOT_PROSE,
    PARAGRAPH_MENTION,
    PROTECTED,
    AppendixKey,
    appendix_named,
    named_appendices,
)
from committee_paper.model.links import relative_link
from committee_paper.model.sources import FENCE, SourcePage


def link_mentions(
    markdown: str, uri: str, paragraphs: Mapping[str, str], appendices: dict[AppendixKey, SourcePage]
) -> str:
    """Every "paragraph 2.4", "Appendix B" (each of "Appendices 1 and 2") and "the Annex" the paper wrote without a
    link, linked to its paragraph or appendix page (``paragraphs`` and ``appendices``, the model's paragraph_pages
    and appendix_pages); a mention naming none (or "the Annex" of several) is left as it is
    (check_paragraph_mentions and check_appendix_mentions report it), and so is an appendix named on its own page."""

    def link(text: str, target: str | None) -> str:
        return f"[{text}]({relative_link(uri, target)})" if target else text

    def paragraph_target(number: str) -> str | None:
        return f"{paragraphs[number]}#{paragraph_anchor(number)}" if number in paragraphs else None

    def appendix_target(key: AppendixKey) -> str | None:
        found = appendix_named(key, appendices)
        return found[0].uri if len(found) == 1 and found[0].uri != uri else None

    def appendix_mention(match: re.Match[str]) -> str:
        named = named_appendices(match)
        if len(named) == 1 and not match["only"]:
            return link(match[0], appendix_target(named[0][1]))
        text, at = "", 0
        for start, key in named:  # each letter or number, or the "Annex" of "the Annex", linked on its own
            end = start + len(key[1] or key[0])
            text += match[0][at:start] + link(match[0][start:end], appendix_target(key))
            at = end
        return text + match[0][at:]

    def mentioned(match: re.Match[str], item: str, target: Callable[[str], str | None]) -> str:
        names = re.findall(item, match[1])
        if len(names) == 1:
            return link(match[0], target(names[0]))
        start = match.start(1) - match.start()
        return match[0][:start] + re.sub(item, lambda name: link(name[0], target(name[0])), match[1])

    def prose(segment: str) -> str:
        segment = PARAGRAPH_MENTION.sub(lambda match: mentioned(match, r"\d+\.\d+", paragraph_target), segment)
        return APPENDIX_MENTION.sub(appendix_mention, segment)

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
