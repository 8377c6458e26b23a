"""The one place that changes mkdocs-pdf-export-plugin, written for one version of it.

The plugin (combined mode) collects the pages' HTML in nav order through its renderer
and calls the renderer's ``write_combined_pdf`` after the build. This tool names the
PDF after the meeting and puts its own renderer in place of the plugin's, using only
what the plugin's ``on_nav``, ``on_post_page`` and ``on_post_build`` use of it:
``page_order``, ``pages``, ``add_doc``, ``add_link`` and ``write_combined_pdf``. The
tool's renderer has written the PDF before the plugin calls them (stages/pdf_export.py).
Another version of the plugin may use more or other parts, so the build stops unless
the installed version is the one this was written for.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from importlib.metadata import PackageNotFoundError, version
from typing import Any, Protocol

from committee_paper.model.settings import ConfigurationError

NAME = "pdf-export"  # as mkdocs.yml names the plugin
DISTRIBUTION = "mkdocs-pdf-export-plugin"
WRITTEN_FOR = "0.5.10"
PLUGIN_LOG_FORMAT = "%(levelname)s: %(message)s"  # of the handler its on_config adds to WeasyPrint's logger
DEFAULT_OUTPUT = "pdf/combined.pdf"  # the plugin's combined_output_path when mkdocs.yml sets none


class Renderer(Protocol):
    """What the plugin calls on its renderer in combined mode."""

    page_order: list[str]
    pages: list[Any]

    def add_doc(self, content: str, base_url: str, rel_url: str) -> None: ...
    def add_link(self, content: str, filename: str) -> str: ...
    def write_combined_pdf(self, output_path: str) -> None: ...


def is_on(plugins: Mapping[str, Any]) -> bool:
    """Whether the PDF is made: not for a preview (`mkdocs serve` or PAPER_PDF=false: plugin.py turns it off)."""
    plugin = plugins.get(NAME)
    return plugin is not None and plugin.enabled


class PdfPlugin:
    """The plugin when it is on: None for a preview (`mkdocs serve` or PAPER_PDF=false) or without it."""

    def __init__(self, plugin: Any) -> None:
        self.plugin = plugin

    @classmethod
    def of(cls, plugins: Mapping[str, Any]) -> PdfPlugin | None:
        if not is_on(plugins):
            return None
        plugin = plugins[NAME]
        try:
            installed = version(DISTRIBUTION)
        except PackageNotFoundError:
            installed = "not installed"
        if installed != WRITTEN_FOR:
            raise ConfigurationError(
                f"{DISTRIBUTION} is {installed}, but hooks/committee_paper/outputs/pdf_plugin.py was written for "
                f"{WRITTEN_FOR}; install {DISTRIBUTION}=={WRITTEN_FOR} (requirements.txt), or check that module "
                "against the new version and update WRITTEN_FOR"
            )
        if not plugin.config["combined"]:
            raise ConfigurationError(
                f"mkdocs.yml: plugins: {NAME}: set 'combined: true'; the paper is published as one PDF"
            )
        return cls(plugin)

    def name_output(self, path: str) -> None:
        """The PDF goes to ``path`` (named after the meeting); mkdocs.yml may not name it otherwise."""
        if self.plugin.config["combined_output_path"] not in (DEFAULT_OUTPUT, path):
            raise ConfigurationError(
                f"mkdocs.yml: plugins: {NAME}: remove combined_output_path; "
                f"the PDF is named from extra.meeting, as {path}"
            )
        self.plugin.config["combined_output_path"] = path

    def drop_log_handler(self) -> None:
        """Take away the handler the plugin's on_config adds to WeasyPrint's logger, at every build.

        Without this, each ``mkdocs serve`` rebuild adds one more, and each message prints once per
        build so far. The tool collects WeasyPrint's messages itself while it writes the PDF
        (stages/pdf_export.py), so the plugin's handler is never needed. Call after its on_config.
        """
        from weasyprint.logger import LOGGER

        LOGGER.handlers = [handler for handler in LOGGER.handlers if not _added_by_plugin(handler)]

    @property
    def output(self) -> str:
        """The PDF's path in the site."""
        return str(self.plugin.config["combined_output_path"])

    def replace_renderer(self, renderer: Renderer) -> None:
        """Call after the plugin's own on_nav, which makes its renderer and lists the pages in order."""
        renderer.page_order = list(self.plugin.renderer.page_order)
        renderer.pages = [None] * len(renderer.page_order)
        self.plugin.renderer = renderer


def _added_by_plugin(handler: logging.Handler) -> bool:
    """The plugin's handler (its on_config): a plain stream handler with the plugin's format."""
    return type(handler) is logging.StreamHandler and getattr(handler.formatter, "_fmt", None) == PLUGIN_LOG_FORMAT
