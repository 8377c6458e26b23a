"""Material's page markup made valid (html-validate's standard preset) with uniquely named landmarks.

Material writes ``tabindex=""`` on section labels, ``autocomplete`` on its checkbox
toggles, ``aria-expanded`` on the menu's sections (which paper.css shows always
open) and an unlabelled contents checkbox on pages without contents, and it writes the
page's contents twice, with the same landmark names: once in the menu (for phones) and
once in the sidebar. The menu's copy, which comes first, gets
", in the menu" added to each name. A contents entry named as a group of the site's menu
(the one-page paper lists the groups) gets ", on this page" in the sidebar's copy.
"""

from __future__ import annotations

import re

EMPTY_TABINDEX = ' tabindex=""'
CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?) autocomplete="off"')
SECTION_EXPANDED = re.compile(
    r'(<nav class="md-nav" data-md-level="\d+" aria-labelledby="[^"]+") aria-expanded="(?:true|false)"'
)
# The contents nav and, inside it, one nav per heading with sub-headings.
CONTENTS_NAV = re.compile(r'<nav class="md-nav(?: md-nav--secondary)?" aria-label="([^"]+)">')
# The checkbox that slides a page's contents into the phone menu. A page without contents gets it
# too, with no label: unnamed (HTML_CodeSniffer's H91 and F68) and controlling nothing, it goes.
CONTENTS_TOGGLE = '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">'
# A group of the site's menu, named by its label's text.
MENU_GROUP = re.compile(r'id="__nav_[\d_]+_label"[^>]*>\s*<span class="md-ellipsis">\s*([^<]+?)\s*</span>')


def valid_theme_markup(html: str) -> str:
    """The page with Material's invalid attributes removed and its menu's contents named apart."""
    html = html.replace(EMPTY_TABINDEX, "")
    html = CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)
    html = SECTION_EXPANDED.sub(r"\1", html)
    if 'for="__toc"' not in html:
        html = html.replace(CONTENTS_TOGGLE, "")
    names = [match[1] for match in CONTENTS_NAV.finditer(html)]
    groups = {match[1] for match in MENU_GROUP.finditer(html)}
    seen: set[str] = set()

    def menu_copy(match: re.Match[str]) -> str:
        name = match[1]
        if names.count(name) < 2 or name in seen:
            suffix = ", on this page" if name in groups else ""
        else:
            seen.add(name)
            suffix = ", in the menu"
        return match[0].replace(f'aria-label="{name}"', f'aria-label="{name}{suffix}"')

    return CONTENTS_NAV.sub(menu_copy, html)
