"""Benchmark the two whole-paper downloads: the one-page paper's first-view weight and the site zip's size.

Usage: .venv/bin/python bench/downloads.py [--sizes paper,100]

Builds the paper (and, with --sizes, generated papers of about that many PDF
pages, as bench/run.py does) and prints the first view of whole-paper.html
(its HTML and the CSS and JS it loads, raw and gzip, as bench/run.py counts it),
the largest first view among the other pages, and the zip's size (every paper is built with its
PDF: a build without it makes no zip).
Numbers only, no verdicts: the targets are in the README.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from run import ROOT, first_view, nav_html, project_config

PAGE = "whole-paper.html"


def build(config: Path, site: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PAPER_PDF": "true"}
    env.setdefault(
        "SOURCE_DATE_EPOCH",
        subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
        or "0",
    )
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config), "--site-dir", str(site)],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="paper", help="comma-separated: 'paper' and/or generated page counts")
    args = parser.parse_args()
    print(
        f"{'paper':>6} {'one page HTML KB':>16} {'gzip KB':>8} {'first view gzip KB':>18} "
        f"{'largest other page gzip KB':>26} {'zip KB':>7} {'zip files':>9}"
    )
    for size in args.sizes.split(","):
        with tempfile.TemporaryDirectory() as temp:
            work = Path(temp)
            config, nav = project_config(size, work)
            try:
                build(config, work / "site")
            finally:
                if config != ROOT / "mkdocs.yml":
                    config.unlink()
            site = work / "site"
            one = first_view(site, site / PAGE)
            others = max(first_view(site, page)["total"][1] for page in nav_html(site, nav))
            archive = next(site.glob("*-website.zip"))
            count = len(zipfile.ZipFile(archive).namelist())
            print(
                f"{size:>6} {one['html'][0] / 1024:>16.1f} {one['html'][1] / 1024:>8.1f} "
                f"{one['total'][1] / 1024:>18.1f} "
                f"{others / 1024:>26.1f} {archive.stat().st_size / 1024:>7.0f} {count:>9}"
            )


if __name__ == "__main__":
    main()
