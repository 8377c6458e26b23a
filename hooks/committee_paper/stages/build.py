"""What one build knows, on one object that every hook reads.

committee_paper/stages/reading.py makes it in ``on_config`` and leaves it in MkDocs' config under ``KEY``.
MkDocs makes the config anew for every build, every ``mkdocs serve`` rebuild included,
so nothing a build learns outlives it, and the hooks (each loaded by MkDocs as a
module of its own) share it without importing one another.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from dataclasses import dataclass, field
from typing import Any

from mkdocs.utils.templates import TemplateContext

from committee_paper.model.paper import Paper
from committee_paper.model.settings import ConfigurationError, Settings
from committee_paper.outputs.document import Document
from committee_paper.outputs.search_index import PageText
from committee_paper.render.page_facts import PageFactsExtension
from committee_paper.render.title import TitleParts

KEY = "committee_paper"


@dataclass
class Build:
    settings: Settings
    installed_axe: str | None  # axe-core's version as npm installed it, for the test record's check
    loaded_config: str  # mkdocs.yml as MkDocs loaded it (config.settings_text), for the hash of the paper's content
    paper: Paper | None = None  # read in on_files, once MkDocs knows the pages
    search_pages: dict[str, PageText] = field(default_factory=dict)  # each page as Material indexes it, by URL
    whole_paper_parts: list[str] = field(default_factory=list)  # the pages on the one-page paper, by path under docs/
    document: Document | None = None  # the paper as one document, once every page has rendered (on_env)
    # Pages that show the zip's size, by path under docs/: their path in the site and their template, rendered once
    # the zip is made (stages/zipping.py)
    held_pages: dict[str, tuple[str, str]] = field(default_factory=dict)
    # The cover as the zip holds it, by its path in the site: the offline copy's own, which offers no zip
    offline_pages: dict[str, bytes] = field(default_factory=dict)
    # The cover's template context, to render it and the offline copy's cover from (stages/zipping.py)
    cover_context: TemplateContext | None = None
    # Each page's content as its title, the shortcuts after it and the rest, by path under docs/ (content.html)
    title_parts: dict[str, TitleParts | None] = field(default_factory=dict)
    pdf_download: str | None = None  # what the PDF's download link says of it ("PDF, 84 KB, 14 pages"), once made
    # The Markdown extension that renders what only the whole paper knows into each page, given each page's facts
    # before it renders (stages/rendering.py)
    page_facts: PageFactsExtension = field(default_factory=PageFactsExtension)

    def loaded(self) -> Paper:
        if self.paper is None:
            raise ConfigurationError(
                "the paper is read when MkDocs has found the pages (hooks/paper.py, on_files); a hook asked before that"
            )
        return self.paper


def start(config: MutableMapping[str, Any], build: Build) -> Build:
    config[KEY] = build
    return build


def build_of(config: MutableMapping[str, Any]) -> Build:
    build = config.get(KEY)
    if not isinstance(build, Build):
        raise ConfigurationError(
            "mkdocs.yml: list hooks/paper.py first under hooks: every other hook reads the paper it loads"
        )
    return build
