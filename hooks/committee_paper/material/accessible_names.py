"""Accessible names for theme elements that ship without one."""

from __future__ import annotations

SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'


def name_search_dialog(html: str, name: str) -> str | None:
    """The page with its search dialog named, or None if the theme's dialog markup is not there once."""
    if html.count(SEARCH_DIALOG) != 1:
        return None
    return html.replace(SEARCH_DIALOG, SEARCH_DIALOG.replace('role="dialog"', f'role="dialog" aria-label="{name}"'))
