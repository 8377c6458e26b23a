"""Search precision (issue 29): a query of several words lists only the results that hold every one of
them, and says how many; a hyphenated term ("CP-IS") is highlighted whole on the page it opens. The
words are found in the built site's own search index, not written here."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from test_browser_search_paragraphs import all_results, ask
from test_browser_search_phrase import entries, words_of

WORDS = 3
MIN_LENGTH = 6  # letters of each word: long enough to be a word of its own, not the start of many
# lunr's English stop words of that length: search leaves them out, so they need not be in a result.
STOP_WORDS = {"across", "almost", "because", "cannot", "either", "however", "likely", "neither", "rather", "should"}


def holds(words: list[str], tokens: set[str]) -> bool:
    """Whether every word starts one of ``tokens``: search matches the start of a word, as one types."""
    return all(any(token.startswith(word) for token in tokens) for word in words)


def tokens_of(doc: dict) -> set[str]:
    return {
        *words_of(doc["text"]),
        *words_of(doc["title"]),
        *(word for tag in doc.get("tags", []) for word in words_of(tag)),
    }


@cache
def words_apart(site: Path) -> tuple[list[str], set[str], set[str]]:
    """(words, pages holding them all in one result, pages holding one of them): words of one numbered
    paragraph that together stand in the fewest pages and apart in the most."""
    docs = [doc for doc in entries(site) if doc["location"]]
    tokens = {doc["location"]: tokens_of(doc) for doc in docs}
    # Not a word nearly every result has ("paragraph", which the index puts before each paragraph's number).
    common = {
        word
        for word in set().union(*tokens.values())
        if sum(word in found for found in tokens.values()) > len(docs) / 3
    }
    best: tuple[int, list[str], set[str], set[str]] | None = None
    for doc in docs:
        if "#para-" not in doc["location"]:
            continue
        candidates = sorted(
            {
                word
                for word in words_of(doc["text"])
                if re.fullmatch(rf"[a-z]{{{MIN_LENGTH},}}", word) and word not in common | STOP_WORDS
            }
        )
        for start in range(0, max(0, len(candidates) - WORDS + 1), WORDS):
            words = candidates[start : start + WORDS]
            every = {where.split("#")[0] for where, found in tokens.items() if holds(words, found)}
            some = {
                where.split("#")[0] for where, found in tokens.items() if any(holds([word], found) for word in words)
            }
            if best is None or len(some) - len(every) > best[0]:
                best = (len(some) - len(every), words, every, some)
    assert best is not None and best[0] > 0, "no words of a paragraph that stand apart in more pages than together"
    return best[1], best[2], best[3]


@pytest.mark.parametrize("reader", ["desktop", "mobile"], indirect=True)
def test_a_query_of_several_words_lists_only_the_results_holding_all_of_them(reader, served, site):
    words, every, some = words_apart(site)
    page = reader.page
    page.goto(served + "index.html", wait_until="load")
    button = page.locator(".paper-search-button")
    if button.is_visible():
        button.click()
    ask(page, " ".join(words))
    found = all_results(page, served)
    listed = {result["page"] for result in found}
    assert listed == every, (
        f"{' '.join(words)!r}: pages with one of the words: {sorted(some)}; with all: {sorted(every)}"
    )
    index = {doc["location"]: tokens_of(doc) for doc in entries(site)}
    for result in found:
        location = result["page"] + (f"#{result['anchor']}" if result["anchor"] else "")
        if not result["heading"]:  # a page's own heading stands over its results
            assert holds(words, index[location]), f"{location} lacks one of {words}"
    meta = page.locator(".md-search-result__meta").inner_text()
    count = len(every)
    assert meta == (f"{count} matching documents" if count > 1 else "1 matching document"), meta


def hyphenated(site: Path) -> str:
    """A hyphenated word of the paper ("anti-social"), the one whose parts also stand alone most often."""
    texts = [doc["title"] + " " + re.sub(r"<[^>]+>", " ", doc["text"]) for doc in entries(site)]
    terms = {term.lower() for text in texts for term in re.findall(r"\b[A-Za-z]{2,}-[A-Za-z]{2,}\b", text)}
    alone = {
        term: sum(
            len(re.findall(rf"(?<![\w-]){part}(?![\w-])", text, re.IGNORECASE))
            for text in texts
            for part in term.split("-")
        )
        for term in terms
    }
    assert alone, "the paper has no hyphenated word"
    return max(sorted(alone), key=alone.get)


def test_a_hyphenated_term_is_highlighted_whole_not_its_parts(reader, served, site):
    term = hyphenated(site)
    page = reader.page
    page.goto(served + "index.html", wait_until="load")
    ask(page, term)
    # The first result whose words are highlighted (a page's own entry may carry none).
    page.locator(".md-search-result__link:not([href$='?h='])").first.click()
    page.wait_for_url("**?h=*")
    page.wait_for_selector("article mark", timeout=10_000)
    page.wait_for_timeout(500)  # Material highlights once the search index has loaded
    marked = page.locator("article mark").all_inner_texts()
    assert marked and all(text.casefold() == term.casefold() for text in marked), marked
