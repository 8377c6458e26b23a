"""`committee-paper new DIR`: a paper's folder, holding the paper and nothing of the tool but its pin.

    docs/             the skeleton's pages, every place to fill marked (or, with --from, that paper's)
    mkdocs.yml        the paper's own settings, marked the same way (or that paper's)
    source/           the paper as received: empty (or a copy of that paper's)
    requirements.txt  one line: the tool, pinned to the version that made the folder
    README.md, scripts/build, scripts/test   the two commands, as thin shell wrappers

The pin is read from how this tool was installed (PEP 610's direct_url.json): from a git checkout, its last
commit; from a git URL, the same commit; from a package index, its version.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from importlib.metadata import distribution
from importlib.resources import files
from pathlib import Path
from urllib.parse import urlparse
from urllib.request import url2pathname

DISTRIBUTION = "committee-paper"
PAPER = ("docs", "mkdocs.yml", "source")  # what --from copies: the paper, and nothing the tool made from it
WRAPPERS = ("README.md", "scripts")  # the folder's two commands, the same for every paper


class NewPaperError(Exception):
    """Why the folder cannot be made, and what to do."""


def skeleton() -> Path:
    return Path(str(files(__package__).joinpath("skeleton")))


def checkout_pin(checkout: Path) -> tuple[str, str | None]:
    """The requirement naming the last commit of the tool's git checkout, and a warning if the checkout has
    changes that commit does not hold."""

    def git(*arguments: str) -> str:
        result = subprocess.run(["git", *arguments], cwd=checkout, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise NewPaperError(
                f"{checkout}: the tool was installed from here, which is not a git checkout with a commit, so no "
                "commit can pin it; give the requirement to write with --tool, as in --tool 'committee-paper==1.0.0'"
            )
        return result.stdout.strip()

    commit = git("rev-parse", "HEAD")
    warning = None
    if git("status", "--porcelain", "--untracked-files=no"):
        warning = (
            f"{checkout} has uncommitted changes: the folder is pinned to its last commit {commit}, which does not "
            "hold them; commit them and make the folder again, or change requirements.txt's line"
        )
    # file://localhost/…, not file:///…: the pip of Debian 12's venv (23.0) refuses a git+file URL with no host.
    return f"{DISTRIBUTION} @ git+file://localhost{checkout.as_uri().removeprefix('file://')}@{commit}", warning


def installed_pin() -> tuple[str, str | None]:
    """The requirement that installs this very tool again, and a warning if it may not be quite this one."""
    tool = distribution(DISTRIBUTION)
    direct = tool.read_text("direct_url.json")
    if direct is None:  # from a package index
        return f"{DISTRIBUTION}=={tool.version}", None
    origin = json.loads(direct)
    if "vcs_info" in origin:
        return f"{DISTRIBUTION} @ {origin['vcs_info']['vcs']}+{origin['url']}@{origin['vcs_info']['commit_id']}", None
    if "dir_info" in origin:
        return checkout_pin(Path(url2pathname(urlparse(origin["url"]).path)))
    return f"{DISTRIBUTION} @ {origin['url']}", None  # an archive: its URL carries its hash when pip was given one


def new_paper(destination: Path, from_paper: Path | None = None, tool: str | None = None) -> str | None:
    """Make the folder; returns a warning about its pin, if any."""
    if destination.exists() and any(destination.iterdir()):
        raise NewPaperError(
            f"{destination}: already exists and is not empty; name a new folder, as in ../paper-2030-01-01"
        )
    paper = from_paper or skeleton()
    for needed in PAPER[:2]:
        if not (paper / needed).exists():
            raise NewPaperError(
                f"{paper}: no {needed} here; --from names a paper's folder (docs/, mkdocs.yml, source/)"
            )
    requirement, warning = (tool, None) if tool else installed_pin()
    destination.mkdir(parents=True, exist_ok=True)
    for part in PAPER:
        if (paper / part).is_dir():
            shutil.copytree(paper / part, destination / part)
        elif (paper / part).is_file():
            shutil.copy2(paper / part, destination / part)
    (destination / "source").mkdir(exist_ok=True)
    for part in WRAPPERS:
        (shutil.copytree if (skeleton() / part).is_dir() else shutil.copy2)(skeleton() / part, destination / part)
    for script in (destination / "scripts").iterdir():
        script.chmod(0o755)  # package data keeps no file modes
    (destination / "requirements.txt").write_text(requirement + "\n", encoding="utf-8")
    return warning
