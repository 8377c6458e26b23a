"""The build's stamp: proof that the tool's plugin built a site, and from what.

The plugin writes ``committee-paper.json`` into the site after every other output but the zip
(which holds it) and the compressed copies: the tool's name and version, and the hash of what the
site was built from (site_facts.content_hash: the paper's files, the tool's version and pins).
``committee-paper verify`` refuses a site without it (built by another engine, or without the
plugin, whose checks then never ran), built by another version of the tool, or built from other
content than the paper's files now hold.
"""

from __future__ import annotations

import json
from pathlib import Path

from committee_paper.model.site_facts import TOOL, tool_version

STAMP = "committee-paper.json"
REBUILD = "build it with scripts/build (committee-paper build)"


def write_stamp(site: Path, content: str) -> None:
    """The stamp of a site built from ``content`` (its content_hash, taken once a build from the texts read)."""
    stamp = {"generator": TOOL, "version": tool_version(), "content": content}
    (site / STAMP).write_text(json.dumps(stamp, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def stamp_problem(site: Path, content: str) -> str | None:
    """Why the site cannot be verified as the paper whose content_hash is ``content`` built by this tool, or None."""
    path = site / STAMP
    try:
        stamp = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        stamp = None
    if not isinstance(stamp, dict) or stamp.get("generator") != TOOL:
        return f"this site was not built by {TOOL} (site/{STAMP} is missing or not its stamp); {REBUILD}"
    if stamp.get("version") != tool_version():
        return f"this site was built by {TOOL} {stamp.get('version')}, not {tool_version()} (installed); {REBUILD}"
    if stamp.get("content") != content:
        return f"this site was built from other content than docs/, mkdocs.yml and source/ now hold; {REBUILD}"
    return None
