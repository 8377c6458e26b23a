"""The npm packages the tool uses, pinned in npm-lock/package-lock.json and installed by ``committee-paper setup``
into the Python environment's share/committee-paper/ (never committed, never fetched at build or view time):
iframe-worker's shim, which the site serves so search works from file://, axe-core and html-validate for
``committee-paper verify``."""

from __future__ import annotations

import json
import sys
from importlib.resources import files
from pathlib import Path

PACKAGE_FILES = ("package.json", "package-lock.json")
PREFIX = Path(sys.prefix) / "share" / "committee-paper"
NODE_MODULES = PREFIX / "node_modules"
SETUP_HINT = (
    "run `committee-paper setup` (the paper's scripts/build does) to install it from the tool's package-lock.json"
)


def lock_file() -> Path:
    """The tool's package-lock.json, as installed with the tool."""
    return Path(str(files("committee_paper").joinpath("npm-lock", "package-lock.json")))


def installed(path: str) -> Path:
    """A file of an installed npm package, e.g. ``iframe-worker/shim/index.js``."""
    return NODE_MODULES / path


def installed_version(package: str) -> str | None:
    """The version of ``package`` as npm installed it, or None when it is not installed."""
    manifest = installed(f"{package}/package.json")
    return str(json.loads(manifest.read_text(encoding="utf-8"))["version"]) if manifest.is_file() else None
