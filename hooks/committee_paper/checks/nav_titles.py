"""Nav labels: a page's label is its own title, written once, in the page.

With no label in ``mkdocs.yml`` the nav shows the page's title (its front
matter ``title`` or its first heading). A label typed in ``mkdocs.yml`` is a
second copy, so it must say the same.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import yaml

from committee_paper.model.problems import Problem
from committee_paper.model.sources import SourcePage


def nav_labels(nav: list[Any]) -> list[tuple[str, str]]:
    """(label, page) of every ``- Label: page.md`` entry of the nav as MkDocs read it from mkdocs.yml."""
    found: list[tuple[str, str]] = []
    for item in nav or []:
        for label, value in item.items() if isinstance(item, dict) else []:
            if isinstance(value, str):
                found.append((str(label), value))
            elif isinstance(value, list):
                found += nav_labels(value)
    return found


def label_lines(config_text: str) -> dict[str, int]:
    """The line of each nav label in mkdocs.yml's text (read only to locate a problem)."""
    try:
        root = yaml.compose(config_text, Loader=yaml.CSafeLoader)  # libyaml; tags such as !ENV stay unresolved
    except yaml.YAMLError:
        return {}
    nav = next((value for key, value in getattr(root, "value", []) if key.value == "nav"), None)
    lines: dict[str, int] = {}

    def walk(node: yaml.Node) -> None:
        for item in node.value if isinstance(node, yaml.SequenceNode) else []:
            for key, value in item.value if isinstance(item, yaml.MappingNode) else []:
                lines.setdefault(key.value, key.start_mark.line + 1)
                walk(value)

    if nav is not None:
        walk(nav)
    return lines


def check_nav_labels(
    nav: list[Any], config_path: str, pages: dict[str, SourcePage], config_text: Callable[[], str]
) -> list[Problem]:
    """Labels that differ from their page's title; ``config_text`` is called only when there is one, to locate it."""
    differing = [
        (label, pages[uri])
        for label, uri in nav_labels(nav)
        if uri in pages and pages[uri].nav_title not in (None, label)
    ]
    lines = label_lines(config_text()) if differing else {}
    return [
        Problem(
            config_path,
            lines.get(label, 1),
            f"nav label '{label}' is not the title of {page.path}, '{page.nav_title}'; "
            "remove the label (the nav then shows the page's title) or make them the same",
        )
        for label, page in differing
    ]
