"""MkDocs hook, stage 4: remake Material's search index so each numbered paragraph is a result of its own.

The rules are in committee_paper/search_index.py. This hook reads each page's content
and nav title as Material indexes it, and writes site/search/search_index.json in
Material's place, once: it remakes the index Material has made, before Material's
search plugin would write it (priority 0), and the offline plugin inlines it (priority -100).
"""

import json
import logging
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from committee_paper.outputs.search_index import PageText, reindex
from committee_paper.stages.build import build_of

log = logging.getLogger("mkdocs.hooks.search_index")


# Before Material's search plugin (priority 0) strips data-search-* attributes from the content.
@event_priority(100)
def on_page_context(context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
    build = build_of(config)
    source = build.loaded().pages.get(page.file.src_uri)
    # Front matter `pdf: false` marks a page about the website only (the team's convention);
    # the one-page paper is no source.
    website_only = source is None or not source.in_pdf
    title = build.loaded().title(page.file.src_uri) or page.title or ""  # the one-page paper is not in the nav
    # An appendix page says how to ask for a paper that is not published: the site's words, not the paper's.
    placeholder = build.loaded().attachment(page.file.src_uri) is not None
    build.search_pages[page.url] = PageText(page.url, title, page.content or "", website_only, placeholder)
    return context


def on_post_build(config: MkDocsConfig) -> None:
    search: Any = config.plugins.get("material/search")  # Material's plugin, untyped
    if search is None or not search.config.enabled:
        return
    path = Path(config.site_dir) / "search" / "search_index.json"
    try:
        # What Material's on_post_build would write (its search plugin, of the version material/version.py names).
        index = json.loads(search.search_index.generate_search_index(search.search_index_prev))
    except (AttributeError, ValueError) as error:
        index = {"error": str(error)}
    if not isinstance(index.get("docs"), list) or "text" not in index.get("config", {}).get("fields", {}):
        log.warning(
            f"{path}: not Material's search index as expected ({index.get('error', 'no docs or no text field')}); "
            "check the search plugin in mkdocs.yml and hooks/committee_paper/outputs/search_index.py for this theme "
            "version"
        )
        return
    build = build_of(config)
    pages, paper = build.search_pages, build.loaded()
    reading_order = [paper.urls[page.uri] for page in paper.reading_order()]
    ordered = [pages[url] for url in reading_order if url in pages] + [
        page for url, page in pages.items() if url not in reading_order
    ]
    remade = reindex(index, ordered)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(remade, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    search.config.enabled = False  # written: Material's plugin is not to write it again (MkDocs resets it next build)
    log.info(f"Search index: {len(remade['docs'])} entries, {path.stat().st_size:,} bytes")
