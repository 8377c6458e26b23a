"""Nav labels: a page's label is its own title, written once, in the page.

With no label in ``mkdocs.yml`` the nav shows the page's title (its front
matter ``title`` or its first heading). A label typed in ``mkdocs.yml`` is a
second copy, so it must say the same.
"""

from __future__ import annotations

import yaml

from .problems import Problem
from .sources import SourcePage


def nav_labels(config_text: str) -> list[tuple[int, str, str]]:
    """(line, label, page) of every ``- Label: page.md`` entry of the nav in mkdocs.yml."""
    try:
        root = yaml.compose(config_text, Loader=yaml.CSafeLoader)  # libyaml; tags such as !ENV stay unresolved
    except yaml.YAMLError:
        return []  # MkDocs itself reports a broken mkdocs.yml
    nav = next((value for key, value in getattr(root, "value", []) if key.value == "nav"), None)
    found: list[tuple[int, str, str]] = []

    def walk(node: yaml.Node) -> None:
        for item in node.value if isinstance(node, yaml.SequenceNode) else []:
            for key, value in item.value if isinstance(item, yaml.MappingNode) else []:
                if isinstance(value, yaml.ScalarNode):
                    found.append((key.start_mark.line + 1, key.value, value.value))
                else:
                    walk(value)

    if nav is not None:
        walk(nav)
    return found


def page_title(page: SourcePage) -> str | None:
    return page.front_matter.get("title") or (page.title[1] if page.title else None)


def check_nav_labels(config_text: str, config_path: str, pages: dict[str, SourcePage]) -> list[Problem]:
    problems = []
    for line, label, uri in nav_labels(config_text):
        page = pages.get(uri)
        title = page_title(page) if page else None
        if title is not None and label != title:
            problems.append(Problem(config_path, line, f"nav label '{label}' is not the title of {page.path}, '{title}'; remove the label (the nav then shows the page's title) or make them the same"))
    return problems
