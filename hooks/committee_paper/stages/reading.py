"""MkDocs hook, stage 1: read the paper once and check it.

on_config stops at a place left to fill (scripts/new-paper) or a missing stylesheet or
script, validates extra.meeting, extra.paper and extra.publisher and makes the build's
state (committee_paper/stages/build.py); on_files reads every page and data file into the model
and reports every problem check_paper finds (content carrying script or reaching another host
included) with its file and line; on_nav gives the model the nav's
order and titles, and checks nav labels against the pages' titles.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure import StructureItem
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from committee_paper.checks.assets import missing_assets
from committee_paper.checks.fill import has_fill, unfilled_in_docs, unfilled_in_project
from committee_paper.checks.nav_titles import check_nav_labels
from committee_paper.checks.paper_checks import check_paper
from committee_paper.config import read_settings
from committee_paper.model.contents import ContentsEntry
from committee_paper.model.npm import installed_version
from committee_paper.model.paper import read_paper
from committee_paper.model.problems import Problem
from committee_paper.model.settings import ConfigurationError, check_site_name
from committee_paper.model.sources import SourcePage
from committee_paper.stages.build import Build, build_of, start

log = logging.getLogger("mkdocs.hooks.paper")
UNFILLED = "places are not filled in yet"


def _warn(problems: list[Problem]) -> None:
    for problem in problems:
        log.warning(str(problem))


def on_config(config: MkDocsConfig, loaded_config: str) -> MkDocsConfig:
    """``loaded_config``: mkdocs.yml as MkDocs loaded it, taken before any plugin's on_config (config.settings_text)."""
    if has_fill(dict(config)):  # mkdocs.yml not filled in yet: list every place, there and under docs/
        _stop_at(unfilled_in_project(Path(config.config_file_path), Path(config.docs_dir)), UNFILLED)
    # The site's own stylesheets and scripts: in docs/ or the theme's folders (custom_dir first, then Material's).
    folders = [Path(config.docs_dir), *(Path(folder) for folder in config.theme.dirs)]
    _stop_at(
        missing_assets("extra_css", config.extra_css, folders)
        + missing_assets("extra_javascript", config.extra_javascript, folders),
        "stylesheets or scripts are missing",
    )
    try:
        settings = read_settings(config.extra)
        check_site_name(config.site_name, settings.meeting)
    except ConfigurationError as error:
        raise PluginError(str(error)) from None
    config.extra["meeting"]["date"] = settings.meeting.date  # a quoted date too, as the templates show it
    start(config, Build(settings, installed_version("axe-core"), loaded_config))  # axe-core: the version verify runs
    return config


def _stop_at(problems: list[Problem] | list[str], what: str) -> None:
    """Each problem on its own line, then stop the build: a skeleton half filled, or a site without its assets,
    is not published."""
    for problem in problems:
        log.error(str(problem))
    if problems:
        raise PluginError(f"{len(problems)} {what} (listed above); fix them, then build again")


def on_files(files: Files, config: MkDocsConfig) -> Files:
    build = build_of(config)
    pages = [file.src_uri for file in files.documentation_pages()]
    try:
        build.paper = read_paper(build.settings, Path(config.docs_dir), pages, build.loaded_config, build.installed_axe)
    except ConfigurationError as error:
        raise PluginError(str(error)) from None
    _stop_at(unfilled_in_docs(Path(config.docs_dir), build.paper.texts()), UNFILLED)
    _warn(check_paper(build.paper))
    return files


def on_page_read_source(page: Page, config: MkDocsConfig) -> str | None:
    """The page's Markdown as the model read it, so MkDocs does not read the file again (None: MkDocs reads it)."""
    source = build_of(config).loaded().pages.get(page.file.src_uri)
    return None if source is None else source.text.removeprefix("\ufeff")  # MkDocs reads as utf-8-sig


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    paper = build_of(config).loaded()
    paper.nav = _entries(nav.items, paper.pages)
    paper.urls = {page.file.src_uri: page.file.url for page in nav.pages}
    config_file = Path(config.config_file_path)
    _warn(
        check_nav_labels(
            config.nav or [], config_file.name, paper.pages, lambda: config_file.read_text(encoding="utf-8")
        )
    )
    return nav


def _entries(items: list[StructureItem], pages: dict[str, SourcePage]) -> list[ContentsEntry]:
    """The nav, walked once: each page with the title the nav shows (its label, else its own title), known
    before MkDocs reads the pages; each group with its pages."""
    entries = []
    for item in items:
        if isinstance(item, Section):
            entries.append(ContentsEntry(item.title, None, _entries(item.children, pages)))
        elif isinstance(item, Page):
            source = pages.get(item.file.src_uri)
            title = item.title or (source.nav_title if source else None) or item.file.name
            entries.append(ContentsEntry(title, item.file.src_uri))
    return entries
