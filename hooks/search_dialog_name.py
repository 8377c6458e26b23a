"""MkDocs hook: give Material's search dialog an accessible name (WCAG 4.1.2)."""

import logging

from committee_paper.accessible_names import SEARCH_DIALOG, name_search_dialog

NAME = "Search this site"
log = logging.getLogger("mkdocs.hooks.search_dialog_name")


def named(output: str, dest: str) -> str:
    result = name_search_dialog(output, NAME)
    if result is None:
        # A theme upgrade changed the markup: say so rather than publish an unnamed dialog.
        log.warning(f"{dest}: Material's search dialog markup ({SEARCH_DIALOG}) not found once; update hooks/committee_paper/accessible_names.py for this theme version")
        return output
    return result


def on_post_page(output, page, config):
    return named(output, page.file.dest_uri)


def on_post_template(output_content, template_name, config):
    # 404.html is a theme template, not a page; sitemap.xml has no dialog.
    return named(output_content, template_name) if template_name.endswith(".html") else output_content
