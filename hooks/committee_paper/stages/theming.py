"""MkDocs hook, stage 3: the theme's pages as they should be, and what the theme needs from the site.

- Valid markup and unique landmark names on every page (html-validate, WCAG 1.3.1), and an
  accessible name for Material's search dialog (WCAG 4.1.2).
- When a search finds nothing, the dialog says that the appendices' own texts are not on
  this site and links to the list of background papers.
- Search requires every word of a query, and highlights a hyphenated word whole: Material's search
  worker with search-worker.js before it, named in the pages instead of Material's (main.html).
- iframe-worker's shim served from the site, so search works from file://: Material's
  offline plugin loads it from a CDN unless extra.polyfills already lists an iframe-worker
  script; mkdocs.yml lists SITE_PATH, and this stage puts the shim installed by `committee-paper setup`
  there. Nothing is fetched at build or view time.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from committee_paper.material.accessible_names import SEARCH_DIALOG, name_search_dialog
from committee_paper.material.offline import foreign_scripts
from committee_paper.material.search_hint import RESULT_LIST, add_no_results_hint
from committee_paper.material.theme_markup import valid_theme_markup
from committee_paper.material.version import SEARCH_WORKER
from committee_paper.model.background_papers import BACKGROUND_PAPERS
from committee_paper.model.npm import SETUP_HINT, installed
from committee_paper.stages.build import build_of

SITE_PATH = "assets/javascripts/iframe-worker-shim.js"
# Material's search worker with the tool's search-worker.js before it (a query's every word required; a
# hyphenated word highlighted whole), beside Material's, whose relative paths it keeps; main.html names it.
EVERY_WORD_WORKER = "assets/javascripts/workers/search-every-word.js"
WORKER_PATCH = Path(__file__).parent.parent / "search-worker.js"
MATERIAL_HINT = "install the Material version requirements.txt pins"
SEARCH_NAME = "Search this site"
log = logging.getLogger("mkdocs.hooks.theme_markup")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    polyfills = [str(script) for script in config.extra.get("polyfills", [])]
    foreign = foreign_scripts(polyfills)
    if foreign:
        raise PluginError(
            f"mkdocs.yml: extra.polyfills would load {', '.join(foreign)} from another host; list {SITE_PATH} there "
            "instead"
        )
    if SITE_PATH not in polyfills:
        raise PluginError(
            f"mkdocs.yml: extra.polyfills must list {SITE_PATH} (the iframe-worker shim that offline search needs)"
        )
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    shim = installed("iframe-worker/shim/index.js")
    if not shim.is_file():
        raise PluginError(f"{shim}: not found; {SETUP_HINT}")
    files.append(File.generated(config, SITE_PATH, abs_src_path=str(shim)))
    worker = files.get_file_from_path(SEARCH_WORKER)
    if worker is None:
        raise PluginError(f"{SEARCH_WORKER}: Material's search worker is not in the theme; {MATERIAL_HINT}")
    every_word = WORKER_PATCH.read_text(encoding="utf-8") + "\n" + worker.content_string
    files.append(File.generated(config, EVERY_WORD_WORKER, content=every_word))
    return files


def _themed(output: str, config: MkDocsConfig, href_for: Callable[[str], str], dest: str) -> str:
    output = valid_theme_markup(output)
    named = name_search_dialog(output, SEARCH_NAME)
    if named is None:
        # A theme upgrade changed the markup: say so rather than publish an unnamed dialog.
        log.warning(
            f"{dest}: Material's search dialog markup ({SEARCH_DIALOG}) not found once; update "
            "hooks/committee_paper/material/accessible_names.py for this theme version"
        )
    else:
        output = named
    paper = build_of(config).loaded()
    papers = paper.urls.get(BACKGROUND_PAPERS)
    if not paper.papers or papers is None:
        return output  # a paper without background papers: nothing to point to
    hinted = add_no_results_hint(output, href_for(papers))
    if hinted is None:
        log.warning(
            f"{dest}: Material's search result list ({RESULT_LIST}) not found once; update "
            "hooks/committee_paper/material/search_hint.py for this theme version"
        )
        return output
    return hinted


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return _themed(output, config, lambda url: get_relative_url(url, page.url), page.file.dest_uri)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    # 404.html is a theme template, served at any depth: MkDocs roots its links at site_url's path.
    # sitemap.xml is no page.
    if not template_name.endswith(".html"):
        return output_content
    root = urlsplit(config.site_url or "/").path.rstrip("/") + "/"
    return _themed(output_content, config, lambda url: root + url, template_name)
