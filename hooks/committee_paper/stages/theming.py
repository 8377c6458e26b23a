"""MkDocs hook, stage 3: what the theme needs from the site. The theme's markup itself is the tool's
templates' (overrides/, Material's partials where they had to change: committee_paper/material/version.py).

- When a search finds nothing, the dialog says that the appendices' own texts are not on
  this site and links to the list of background papers: the templates get the list's address.
- Search requires every word of a query, and highlights a hyphenated word whole: Material's search
  worker with search-worker.js before it, named in the pages instead of Material's (base.html).
- iframe-worker's shim served from the site, so search works from file://: Material's
  offline plugin loads it from a CDN unless extra.polyfills already lists an iframe-worker
  script; mkdocs.yml lists SITE_PATH, and this stage puts the shim installed by `committee-paper setup`
  there. Nothing is fetched at build or view time.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from committee_paper.material.offline import foreign_scripts
from committee_paper.material.version import SEARCH_WORKER
from committee_paper.model.background_papers import BACKGROUND_PAPERS
from committee_paper.model.npm import SETUP_HINT, installed
from committee_paper.stages.build import build_of

SITE_PATH = "assets/javascripts/iframe-worker-shim.js"
# Material's search worker with the tool's search-worker.js before it (a query's every word required; a
# hyphenated word highlighted whole), beside Material's, whose relative paths it keeps; base.html names it.
EVERY_WORD_WORKER = "assets/javascripts/workers/search-every-word.js"
WORKER_PATCH = Path(__file__).parent.parent / "search-worker.js"
MATERIAL_HINT = "install the Material version requirements.txt pins"


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


def _theme_context(context: TemplateContext, config: MkDocsConfig) -> TemplateContext:
    """What the tool's templates read: the every-word search worker's address (base.html) and, on a paper
    with background papers, their list's address, for the hint when a search finds nothing
    (partials/search.html). Both are site-relative: the templates' url filter makes them relative to each page."""
    context["search_worker"] = EVERY_WORD_WORKER  # type: ignore[typeddict-unknown-key]  # read by overrides/base.html
    paper = build_of(config).loaded()
    papers = paper.urls.get(BACKGROUND_PAPERS)
    if paper.papers and papers is not None:  # else nothing to point to
        context["background_papers"] = papers  # type: ignore[typeddict-unknown-key]  # read by partials/search.html
    return context


def on_page_context(context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
    # The page's title, the shortcuts after it and the rest, for partials/content.html to put the paper's formats
    # between (render/title.py); None for a page without an h1.
    context["title_parts"] = build_of(config).title_parts.get(page.file.src_uri)  # type: ignore[typeddict-unknown-key]
    return _theme_context(context, config)


def on_template_context(context: TemplateContext, template_name: str, config: MkDocsConfig) -> TemplateContext:
    # 404.html, a theme template: its url filter roots addresses at site_url's path, so they work at any depth.
    return _theme_context(context, config)
