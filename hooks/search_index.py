"""MkDocs hook: remake Material's search index so each numbered paragraph is a result of its own.

The rules are in committee_paper/search_index.py. This hook reads each page's content
and nav title as Material indexes it, and rewrites site/search/search_index.json after
Material has written it and before the offline plugin inlines it (priority -100).
"""

import json
import logging
from pathlib import Path

from mkdocs.plugins import event_priority

from committee_paper.search_index import PageText, reindex

log = logging.getLogger("mkdocs.hooks.search_index")
pages: dict[str, PageText] = {}
reading_order: list[str] = []


def on_nav(nav, config, files):
    reading_order[:] = [page.url for page in nav.pages]
    pages.clear()
    return nav


# Before Material's search plugin (priority 0) strips data-search-* attributes from the content.
@event_priority(100)
def on_page_context(context, page, config, nav):
    # Front matter `pdf: false` marks a page about the website only (the team's convention).
    pages[page.url] = PageText(page.url, page.title or "", page.content or "", page.meta.get("pdf") is False)
    return context


def on_post_build(config):
    search = config.plugins.get("material/search")
    if search is None or not search.config.enabled:
        return
    path = Path(config.site_dir) / "search" / "search_index.json"
    try:
        index = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        index = {"error": str(error)}
    if not isinstance(index.get("docs"), list) or "text" not in index.get("config", {}).get("fields", {}):
        log.warning(f"{path}: not Material's search index as expected ({index.get('error', 'no docs or no text field')}); check the search plugin in mkdocs.yml and hooks/committee_paper/search_index.py for this theme version")
        return
    ordered = [pages[url] for url in reading_order if url in pages] + [page for url, page in pages.items() if url not in reading_order]
    remade = reindex(index, ordered)
    path.write_text(json.dumps(remade, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    log.info(f"Search index: {len(remade['docs'])} entries, {path.stat().st_size:,} bytes")
