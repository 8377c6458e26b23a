"""The committee-paper MkDocs plugin: the tool's settings and its build stages, for any paper.

A paper's mkdocs.yml holds only the paper's own settings and lists this plugin last, after the
three it works with:

    plugins:
      - search
      - offline
      - pdf-export
      - committee-paper

Before those plugins read their settings (priority 100), ``on_config`` applies the tool's
(``defaults.yml``): Material with the tool's theme folder, the Markdown extensions, the strictest
validation, the stylesheets and scripts, and the three plugins' options. Every other event runs the
build's stages (``stages/``) in their order, each where the stage hooks ran before: after the other
plugins, except where a stage names its own priority.

``mkdocs serve`` keeps the plugin it loaded, and Python the modules it imported, across its rebuilds. So
the plugin MkDocs keeps (``CommitteePaperPlugin``) only hands each event on to the build's ``Events``:
on a ``mkdocs serve`` rebuild, made from the tool's modules imported afresh, this one included, so that
the rebuild runs the tool's code as it is now and keeps nothing of the build before. ``on_serve``
watches the installed tool's folders (its templates too), so that a change to them rebuilds the site.
"""

from __future__ import annotations

import importlib
import logging
import os
import sys
from collections.abc import Callable, Sequence
from importlib.resources import files as package_files
from pathlib import Path
from typing import Any, Literal, TypeVar

import pathspec
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from committee_paper.config import DEFAULTS, settings_text
from committee_paper.material.version import check_material
from committee_paper.model.settings import ConfigurationError
from committee_paper.stages import indexing, one_page, pdf_export, reading, rendering, theming, zipping
from committee_paper.stages.build import build_of
from committee_paper.stamp import write_stamp

NAME = "committee-paper"
# The plugins the tool works with, as a paper lists them, before this one.
WORKS_WITH = ("search", "offline", "pdf-export")
PLUGINS_EXAMPLE = "plugins: [search, offline, pdf-export, committee-paper]"
THEME = "material"
T = TypeVar("T")


def theme_dir() -> Path:
    """The tool's templates, stylesheets and scripts, installed as package data."""
    return Path(str(package_files(__package__).joinpath("theme")))


def _run(value: T, handlers: Sequence[Callable[..., T | None]], **kwargs: Any) -> T:
    """Each handler in turn, as MkDocs runs event handlers: one's result is the next one's input."""
    for handler in handlers:
        result = handler(value, **kwargs)
        if result is not None:
            value = result
    return value


def tool_folders() -> list[Path]:
    """The installed tool's folders, its theme's included, without Python's caches: what `mkdocs serve` watches."""
    top = Path(str(package_files(__package__)))
    return [top, *(path for path in sorted(top.rglob("*")) if path.is_dir() and "__pycache__" not in path.parts)]


def _fresh_events(preview: bool) -> Events:
    """The build's events from the tool's modules imported afresh, this one included: none of the build before's
    code or module state."""
    for name in [name for name in sys.modules if name.split(".")[0] == __package__]:
        del sys.modules[name]
    fresh: Events = importlib.import_module(__name__).Events(preview)
    return fresh


class Events:
    """The build's events, run by the plugin in MkDocs' order, each with the priority the plugin gives it."""

    def __init__(self, preview: bool) -> None:
        # What the build is for, as MkDocs says on startup: `mkdocs serve` previews (no PDF, no zip);
        # build and gh-deploy publish.
        self.preview = preview
        self.loaded_config = ""  # mkdocs.yml as MkDocs loaded it, taken before this or any plugin changes the config

    def apply_defaults(self, config: MkDocsConfig) -> MkDocsConfig:
        self.loaded_config = settings_text(config)
        if config.theme.name != THEME:
            raise PluginError(f"mkdocs.yml: set 'theme: {{name: {THEME}}}'; the tool's templates extend Material's")
        try:
            check_material()
        except ConfigurationError as error:
            raise PluginError(str(error)) from None
        names = list(config.plugins)
        missing = [name for name in WORKS_WITH if name not in names and f"material/{name}" not in names]
        if missing:
            raise PluginError(f"mkdocs.yml: plugins: add {', '.join(missing)}; list them as {PLUGINS_EXAMPLE}")
        config.use_directory_urls = DEFAULTS["use_directory_urls"]
        config.strict = DEFAULTS["strict"]
        tool_excludes = pathspec.GitIgnoreSpec.from_lines(DEFAULTS["exclude_docs"])
        config.exclude_docs = tool_excludes + config.exclude_docs if config.exclude_docs else tool_excludes
        self._theme(config)
        self._markdown(config)
        self._validation(config)
        config.extra.update({key: value for key, value in DEFAULTS["extra"].items() if key not in config.extra})
        config.extra_css[:0] = DEFAULTS["extra_css"]
        config.extra_javascript[:0] = DEFAULTS["extra_javascript"]
        config.plugins["material/search"].config.update(DEFAULTS["search"])
        pdf: Any = config.plugins["pdf-export"]  # the PDF plugin sets its own `enabled`, untyped
        pdf.config.update(DEFAULTS["pdf-export"])
        # PAPER_PDF=false or true says it outright, for any command.
        switch = os.environ.get("PAPER_PDF", "").lower()
        if switch == "false" or (self.preview and switch != "true"):
            pdf.enabled = False  # a preview: no PDF, no zip
        return config

    def _theme(self, config: MkDocsConfig) -> None:
        theme = config.theme
        # After the paper's own custom_dir, if it has one; before Material's templates.
        theme.dirs.insert(1 if theme.custom_dir else 0, str(theme_dir()))
        for key, value in DEFAULTS["theme"].items():
            theme[key] = value

    def _markdown(self, config: MkDocsConfig) -> None:
        tool: list[str] = []
        for item in DEFAULTS["markdown_extensions"]:
            name, options = next(iter(item.items())) if isinstance(item, dict) else (item, {})
            tool.append(name)
            config.mdx_configs[name] = {**options, **config.mdx_configs.get(name, {})}
        config.markdown_extensions[:] = tool + [name for name in config.markdown_extensions if name not in tool]

    def _validation(self, config: MkDocsConfig) -> None:
        for group, options in DEFAULTS["validation"].items():
            for option, level in options.items():
                config.validation[group][option] = logging.getLevelName(level.upper().replace("WARN", "WARNING"))

    def stages_config(self, config: MkDocsConfig) -> MkDocsConfig:
        return _run(
            reading.on_config(config, self.loaded_config),
            [rendering.on_config, theming.on_config, pdf_export.on_config, zipping.on_config],
        )

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        return _run(files, [reading.on_files, rendering.on_files, theming.on_files, one_page.on_files], config=config)

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        return _run(nav, [reading.on_nav, pdf_export.on_nav], config=config, files=files)

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        # The paper as one document and the one page made from it, then the PDF: before any page is written.
        return _run(env, [one_page.on_env, pdf_export.on_env], config=config, files=files)

    def on_page_read_source(self, page: Page, config: MkDocsConfig) -> str | None:
        return reading.on_page_read_source(page, config)

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        return rendering.on_page_markdown(markdown, page, config, files)

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        return rendering.on_page_content(html, page, config, files)

    def search_page_context(
        self, context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        return indexing.on_page_context(context, page, config, nav)

    def page_context(
        self, context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        return _run(
            context,
            [theming.on_page_context, one_page.on_page_context, pdf_export.on_page_context, zipping.on_page_context],
            page=page,
            config=config,
            nav=nav,
        )

    def on_template_context(
        self, context: TemplateContext, template_name: str, config: MkDocsConfig
    ) -> TemplateContext:
        return theming.on_template_context(context, template_name, config)

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        return zipping.on_post_page(output, page, config)

    def search_index(self, config: MkDocsConfig) -> None:
        indexing.on_post_build(config)

    def stamp(self, config: MkDocsConfig) -> None:
        write_stamp(Path(config.site_dir), build_of(config).loaded().content_hash)

    def site_zip(self, config: MkDocsConfig) -> None:
        zipping.on_post_build(config)


class CommitteePaperPlugin(BasePlugin):  # type: ignore[type-arg]  # no options: the paper's are under extra
    """Publishes the paper: its checks, its renderers and its outputs, run inside ``mkdocs build``.

    MkDocs keeps this plugin across `mkdocs serve`'s rebuilds (it has on_startup); each event goes to ``events``,
    the build's own, made afresh for every build."""

    preview = False  # `mkdocs serve`, as MkDocs says on startup
    serving = False  # once on_serve ran: every build after it is a rebuild, from the tool's modules imported afresh
    events: Events

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.preview = command == "serve"

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Callable[..., Any]
    ) -> LiveReloadServer:
        self.serving = True
        for folder in tool_folders():  # each folder alone: Python's writing its caches is no change to rebuild for
            server.watch(str(folder), recursive=False)
        return server

    @event_priority(100)
    def _apply_defaults(self, config: MkDocsConfig) -> MkDocsConfig:
        self.events = _fresh_events(self.preview) if self.serving else Events(self.preview)
        return self.events.apply_defaults(config)

    def _stages_config(self, config: MkDocsConfig) -> MkDocsConfig:
        return self.events.stages_config(config)

    on_config = CombinedEvent(_apply_defaults, _stages_config)

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        return self.events.on_files(files, config)

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        return self.events.on_nav(nav, config, files)

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        return self.events.on_env(env, config, files)

    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        return self.events.on_page_read_source(page, config)

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        return self.events.on_page_markdown(markdown, page, config, files)

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        return self.events.on_page_content(html, page, config, files)

    # The search index's page text is taken before Material's search plugin reads the page.
    @event_priority(100)
    def _search_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        return self.events.search_page_context(context, page, config, nav)

    def _page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        return self.events.page_context(context, page, config, nav)

    on_page_context = CombinedEvent(_search_page_context, _page_context)

    def on_template_context(
        self, context: TemplateContext, *, template_name: str, config: MkDocsConfig
    ) -> TemplateContext:
        return self.events.on_template_context(context, template_name, config)

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        return self.events.on_post_page(output, page, config)

    # Before Material's search plugin (priority 0) writes its index: the tool writes the remade one in its place.
    @event_priority(10)
    def _search_index(self, *, config: MkDocsConfig) -> None:
        self.events.search_index(config)

    # After the offline plugin's (-100), before the zip (which holds it): the proof that this tool built the site.
    @event_priority(-150)
    def _stamp(self, *, config: MkDocsConfig) -> None:
        self.events.stamp(config)

    # After every other on_post_build, the offline plugin's (-100) included: the zip holds the finished site.
    @event_priority(-200)
    def _site_zip(self, *, config: MkDocsConfig) -> None:
        self.events.site_zip(config)

    on_post_build = CombinedEvent(_search_index, _stamp, _site_zip)
