"""`committee-paper`: the tool's one command, run in a paper's folder (the one holding mkdocs.yml).

committee-paper setup    install what a build needs: Debian's libraries and fonts, the npm packages
committee-paper build    set up, then build the site strict beside site/ and swap it in when it succeeded
committee-paper verify   check the built site against source/ (in Chromium too) and record a pass
committee-paper serve    serve site/ with nginx as a council's server would
committee-paper new DIR  make a new paper's folder: a skeleton to fill, pinned to this version of the tool
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from committee_paper.model import npm
from committee_paper.new_paper import NewPaperError, new_paper

# Debian packages the build needs: WeasyPrint's Pango, HarfBuzz subsetting, the PDF fonts.
BUILD_PACKAGES = ("libpango-1.0-0", "libpangoft2-1.0-0", "libharfbuzz-subset0", "fonts-dejavu-core", "fonts-liberation")
# What serving the site and verifying it in a browser need on top.
SERVER_PACKAGES = ("nginx", "libnginx-mod-http-brotli-static")
BROWSER_PACKAGES = ("chromium",)
CONFIG = "mkdocs.yml"


class CommandError(Exception):
    """Why the command cannot go on, and what to do."""


def apt_install(packages: Sequence[str]) -> None:
    """Install the Debian packages that are missing (as root, or with sudo that asks no password)."""
    missing = [package for package in packages if not _installed(package)]
    if not missing:
        return
    sudo: list[str] = []
    if os.geteuid() != 0:
        if shutil.which("sudo") is None:
            raise CommandError(
                f"Debian packages missing: {' '.join(missing)}; run as root, or install them "
                f"(apt-get install {' '.join(missing)})"
            )
        sudo = ["sudo", "-n"]  # never wait for a password: CI has no stdin
    print(f"Installing Debian packages: {' '.join(missing)}", flush=True)
    quiet = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run([*sudo, "apt-get", "update", "-qq"], check=True, env=quiet)
    subprocess.run(
        [*sudo, "apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing],
        check=True,
        env=quiet,
        stdout=subprocess.DEVNULL,
    )


def _installed(package: str) -> bool:
    status = subprocess.run(
        ["dpkg-query", "-W", "-f=${Status}", package], capture_output=True, text=True, check=False
    ).stdout
    return "install ok installed" in status


def npm_install() -> None:
    """The tool's npm packages, exactly as its package-lock.json pins them, into the environment's prefix."""
    lock = npm.lock_file()
    installed_lock = npm.PREFIX / "package-lock.json"
    if npm.NODE_MODULES.is_dir() and installed_lock.is_file() and installed_lock.read_bytes() == lock.read_bytes():
        return
    if shutil.which("npm") is None:
        apt_install(("nodejs", "npm"))
    npm.PREFIX.mkdir(parents=True, exist_ok=True)
    for name in npm.PACKAGE_FILES:
        shutil.copyfile(lock.parent / name, npm.PREFIX / name)
    subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=npm.PREFIX, check=True)


def setup(browser: bool = False) -> None:
    apt_install(BUILD_PACKAGES + ((SERVER_PACKAGES + BROWSER_PACKAGES) if browser else ()))
    npm_install()


def source_date_epoch(paper: Path) -> str:
    """The time the build stamps into its outputs: the last commit's when the paper is in git, otherwise the
    newest of its files', so the same paper builds byte-identical."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        return os.environ["SOURCE_DATE_EPOCH"]
    committed = subprocess.run(
        ["git", "log", "-1", "--format=%ct"], cwd=paper, capture_output=True, text=True, check=False
    ).stdout.strip()
    if committed:
        return committed
    newest = max(path.stat().st_mtime for path in [paper / CONFIG, *(paper / "docs").rglob("*")] if path.is_file())
    return str(int(newest))


def build(paper: Path) -> int:
    """Build beside site/ and swap it in only when the whole build, checks included, succeeded: a failed build
    leaves the previous site/ untouched."""
    setup()
    # Without MkDocs' banner, which invites a trial of Zensical: Zensical runs none of the checks (README).
    env = {**os.environ, "SOURCE_DATE_EPOCH": source_date_epoch(paper), "NO_MKDOCS_2_WARNING": "1"}
    with tempfile.TemporaryDirectory(prefix=".site-build.", dir=paper) as staging:
        built = Path(staging) / "site"
        mkdocs = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(paper / CONFIG)]
        result = subprocess.run([*mkdocs, "--site-dir", str(built)], cwd=paper, env=env, check=False)
        if result.returncode != 0:
            return result.returncode
        site, previous = paper / "site", paper / ".site-previous"
        shutil.rmtree(previous, ignore_errors=True)
        if site.exists():
            site.rename(previous)
        built.rename(site)
        shutil.rmtree(previous, ignore_errors=True)
    print("Built into site/. Preview: .venv/bin/mkdocs serve (http://127.0.0.1:8000), or open site/index.html.")
    return 0


def verify(paper: Path, browser: bool) -> int:
    """Check the built site against source/, in Chromium too unless ``browser`` is False; record a full pass."""
    setup(browser=browser)
    from committee_paper.verify.report import verify as run

    return run(paper, browser=browser)


def serve(paper: Path, port: int) -> int:
    apt_install(SERVER_PACKAGES)
    from committee_paper.server import serve as server

    return server.main(paper / "site", port)


def new(folder: Path, from_paper: Path | None, tool: str | None) -> int:
    warning = new_paper(folder, from_paper.resolve() if from_paper else None, tool)
    if warning:
        print(f"committee-paper new: warning: {warning}", file=sys.stderr)
    done = "with that paper's docs/, mkdocs.yml and source/" if from_paper else "fill every <!-- fill: … --> marker"
    print(f"A new paper's folder: {folder}; {done}, then run scripts/build and scripts/test there (its README.md).")
    return 0


def main(arguments: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="committee-paper", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("setup", help="install what a build needs").add_argument(
        "--browser", action="store_true", help="also what serving and verifying need (nginx, Chromium)"
    )
    commands.add_parser("build", help="build the site strict into site/")
    commands.add_parser("verify", help="check the built site against source/, and record a pass").add_argument(
        "--no-browser", action="store_true", help="skip the checks in Chromium (a run without them records nothing)"
    )
    serving = commands.add_parser("serve", help="serve site/ with nginx")
    serving.add_argument("port", nargs="?", type=int, default=8000)
    making = commands.add_parser("new", help="make a new paper's folder, pinned to this version of the tool")
    making.add_argument("folder", type=Path, help="the folder to make, as in ../paper-2030-01-01")
    making.add_argument("--from", dest="from_paper", type=Path, help="copy this paper's docs/, mkdocs.yml, source/")
    making.add_argument("--tool", help="the line for requirements.txt, in place of this tool's own pin")
    options = parser.parse_args(arguments)
    paper = Path.cwd()
    try:
        if options.command == "new":
            return new(options.folder.resolve(), options.from_paper, options.tool)
        if options.command != "setup" and not (paper / CONFIG).is_file():
            raise CommandError(f"{paper}: no {CONFIG} here; run committee-paper in the paper's folder")
        if options.command == "setup":
            setup(options.browser)
            return 0
        if options.command == "build":
            return build(paper)
        if options.command == "verify":
            return verify(paper, browser=not options.no_browser)
        return serve(paper, options.port)
    except (CommandError, NewPaperError) as error:
        print(f"committee-paper {options.command}: {error}", file=sys.stderr)
        return 1
    except subprocess.CalledProcessError as error:
        print(f"committee-paper {options.command}: {' '.join(map(str, error.cmd))} failed", file=sys.stderr)
        return 1
