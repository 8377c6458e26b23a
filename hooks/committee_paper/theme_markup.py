"""Material's page markup made valid (html-validate's standard preset) with uniquely named landmarks.

Material writes ``tabindex=""`` on section labels, ``autocomplete`` on its checkbox
toggles and ``aria-expanded`` on the menu's sections (which paper.css shows always
open), and it names the page's contents "Table of contents" twice: once in the menu
(for phones) and once in the sidebar.
"""

from __future__ import annotations

import re

EMPTY_TABINDEX = ' tabindex=""'
CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?) autocomplete="off"')
SECTION_EXPANDED = re.compile(r'(<nav class="md-nav" data-md-level="\d+" aria-labelledby="[^"]+") aria-expanded="(?:true|false)"')
CONTENTS_NAV = '<nav class="md-nav md-nav--secondary" aria-label="Table of contents">'
MENU_CONTENTS_NAV = CONTENTS_NAV.replace('"Table of contents"', '"Table of contents, in the menu"')


def valid_theme_markup(html: str) -> str:
    """The page with Material's invalid attributes removed and its menu's contents named apart."""
    html = html.replace(EMPTY_TABINDEX, "")
    html = CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)
    html = SECTION_EXPANDED.sub(r"\1", html)
    if html.count(CONTENTS_NAV) == 2:  # the menu's copy comes first, inside the primary nav
        html = html.replace(CONTENTS_NAV, MENU_CONTENTS_NAV, 1)
    return html
