"""Search by a phrase: the words of a paragraph typed together open that paragraph with Enter,
even when they also stand apart elsewhere (in a section's title or text). The phrase is found
in the paper's own paragraphs, as the built site indexes them, not written here."""

from __future__ import annotations

import json
import re
from functools import cache
from itertools import pairwise
from pathlib import Path

import pytest

from test_browser_search_paragraphs import SEPARATOR, open_search

MIN_LENGTH = 4  # letters of each word of the phrase: short words are too common to say much
PHRASE_WORDS = 2


def entries(site: Path) -> list[dict]:
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


@cache
def stop_words(site: Path) -> frozenset[str]:
    """The words search leaves out of every query (lunr's stop-word filter), as the site's search worker lists them."""
    worker = next((site / "assets" / "javascripts" / "workers").glob("search.*.min.js")).read_text(encoding="utf-8")
    listed = re.search(r"stopWordFilter=\w+\.generateStopWordFilter\(\[([^\]]+)\]\)", worker)
    assert listed, "the search worker's stop words were not found"
    return frozenset(json.loads(f"[{listed[1]}]"))


def words_of(text: str) -> list[str]:
    return [word.lower() for word in SEPARATOR.split(re.sub(r"<[^>]+>", " ", text)) if word]


@cache
def phrase_apart_elsewhere(site: Path) -> tuple[str, str]:
    """(phrase, location): consecutive words of one numbered paragraph that stand together in no
    other entry but apart in the most others, their titles included; no stop word, which search leaves out."""
    docs = entries(site)
    texts = {doc["location"]: words_of(doc["text"]) for doc in docs}
    everything = {doc["location"]: set(texts[doc["location"]]) | set(words_of(doc["title"])) for doc in docs}
    best: tuple[int, str, str] | None = None
    for location, words in texts.items():
        if "#para-" not in location:
            continue
        for pair in pairwise(words):
            if not all(
                re.fullmatch(rf"[a-z]{{{MIN_LENGTH},}}", word) and word not in stop_words(site) for word in pair
            ):
                continue
            phrase = " ".join(pair)
            together = [other for other, other_words in texts.items() if phrase in " ".join(other_words)]
            apart = [
                other for other, other_words in everything.items() if other != location and set(pair) <= other_words
            ]
            if together == [location] and (best is None or len(apart) > best[0]):
                best = (len(apart), phrase, location)
    assert best is not None and best[0] > 0, "no phrase of a paragraph whose words also stand apart elsewhere"
    return best[1], best[2]


@pytest.mark.parametrize("reader", ["desktop", "mobile"], indirect=True)
def test_enter_on_a_phrase_opens_the_paragraph_that_holds_it(reader, served, site):
    phrase, location = phrase_apart_elsewhere(site)
    page = reader.page
    found = open_search(page, served, phrase)
    assert found and found[0]["page"] == location.split("#")[0], (
        f"{phrase!r}: the first results are {[r['href'] for r in found[:3]]}"
    )
    page.locator("input.md-search__input").press("Enter")
    page_url, anchor = location.split("#")
    page.wait_for_url(f"**/{page_url}?h=*#{anchor}")
