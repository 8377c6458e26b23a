"""What the search dialog says when nothing matches: the appendices' own texts are not on the site."""

from __future__ import annotations

import html

# Material's result list, which follows the result count ("No matching documents").
RESULT_LIST = '<ol class="md-search-result__list"'
HINT = (
    "The appendices' own texts are not on this site: the "
    '<a href="{href}">list of background papers</a> says whom to contact for each.'
)


def add_no_results_hint(page_html: str, papers_href: str) -> str | None:
    """The page with the hint placed between the result count and the result list
    (Material reads those as the first and last children), or None if the theme's
    result list is not there once. It starts hidden: overrides/javascripts/search-hint.js
    shows it when a typed query found nothing."""
    if page_html.count(RESULT_LIST) != 1:
        return None
    hint = f'<p class="search-hint" hidden>{HINT.format(href=html.escape(papers_href))}</p>\n'
    return page_html.replace(RESULT_LIST, hint + RESULT_LIST)
