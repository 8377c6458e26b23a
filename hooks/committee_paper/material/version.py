"""The tool's copies of Material's templates and scripts, each taken from one version of Material.

Material has no smaller place to change these (its way to change its markup is to override a partial
or a block), so the tool's theme folder holds changed copies (each file's first line names the
version it was taken from). Another version of Material may
have changed its own, which the copies would then hide, so the build stops unless the installed
version is the one they were taken from.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from committee_paper.model.settings import ConfigurationError

DISTRIBUTION = "mkdocs-material"
TAKEN_FROM = "9.8.1"
# Material's search worker (its name carries a hash of its content): the site's own worker is it with
# search-worker.js before it (stages/theming.py), named in the pages' __config instead (base.html, whose
# block scripts names Material's bundle, hashed too).
SEARCH_WORKER = "assets/javascripts/workers/search.a7633da7.min.js"
# Under the tool's theme folder (the repository's overrides/).
COPIES = (
    "base.html",  # no autocomplete on its two checkboxes, which no block holds; scripts deferred; the search worker
    "partials/header.html",
    "partials/content.html",
    "partials/search.html",
    "partials/nav-item.html",
    "partials/toc.html",
    "partials/toc-item.html",
    "partials/javascripts/base.html",
    "partials/javascripts/content.html",
    "javascripts/material-storage.js",  # Material's partials/javascripts/base.html, inline there
    "javascripts/material-tabs.js",  # Material's partials/javascripts/content.html, inline there
)


def check_material() -> None:
    """Stop unless the installed Material is the version the copies were taken from."""
    try:
        installed = version(DISTRIBUTION)
    except PackageNotFoundError:
        installed = "not installed"
    if installed != TAKEN_FROM:
        raise ConfigurationError(
            f"{DISTRIBUTION} is {installed}, but the tool's copies of its files were taken from {TAKEN_FROM}: "
            f"install {DISTRIBUTION}=={TAKEN_FROM} (requirements.txt), or compare each copy in overrides/ "
            f"({', '.join(COPIES)}) with the new version's and update TAKEN_FROM in "
            "hooks/committee_paper/material/version.py and each copy's first line"
        )
