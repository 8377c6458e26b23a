"""The site's own stylesheets and scripts (extra_css, extra_javascript in mkdocs.yml) exist.

MkDocs links each entry from every page whether or not the file is there; a missing one
would leave every page asking for it (expansions, the search hint, the layout broken).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path


def missing_assets(setting: str, entries: Iterable[object], folders: list[Path]) -> list[str]:
    """A message for each entry of ``setting`` found in none of ``folders`` (docs/, then the theme's)."""
    shown = " nor ".join(f"{folder.name}/" for folder in folders[:2])
    problems = []
    for entry in entries:
        path = str(getattr(entry, "path", entry))  # extra_javascript entries may be mappings with options
        if not any((folder / path).is_file() for folder in folders):
            problems.append(
                f"mkdocs.yml: {setting} '{path}' is in neither {shown} (the theme's custom_dir); "
                f"put the file back there (the site's own files are under {folders[1].name}/) or remove the entry"
            )
    return problems
