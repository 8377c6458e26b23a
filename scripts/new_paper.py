"""Start a new paper: a copy of this project with a skeleton docs/ and skeleton paper settings.

    scripts/new-paper ../paper-2026-03-12

copies the tool (every file git tracks, minus this paper's content, its source text and its
test record), puts scripts/skeleton/docs/ in place of docs/ and the settings of
scripts/skeleton/settings.yml in place of this paper's in mkdocs.yml. Every place to fill
holds a ``<!-- fill: … -->`` marker: the strict build names each file and line until it is
filled (PUBLISHING.md walks through them). Standard library only: it runs before set-up.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SKELETON = ROOT / "scripts" / "skeleton"
# This paper's own files: its content, the paper as received, the record of its test run.
PAPER_FILES = ("docs/", "tests/source/", "last-test-run.yml")
TOP_KEY = re.compile(r"^([A-Za-z_][\w-]*):")
EXTRA_KEY = re.compile(r"^  ([A-Za-z_][\w-]*):")
EXTRA = "extra"


def blocks(lines: list[str], key: re.Pattern[str], indent: int) -> dict[str, tuple[int, int]]:
    """Each key's (first line, end) in ``lines``: its line and what follows, up to the next line at its indent
    or less."""
    found: dict[str, tuple[int, int]] = {}
    for start, line in enumerate(lines):
        if match := key.match(line):
            end = start + 1
            while end < len(lines) and (not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > indent):
                end += 1
            while end > start + 1 and not lines[end - 1].strip():
                end -= 1  # blank lines before the next key are not the block's
            found[match[1]] = (start, end)
    return found


def replace_blocks(
    target: list[str], source: list[str], key: re.Pattern[str], indent: int, skip: tuple[str, ...] = ()
) -> list[str]:
    """``target`` with each block of ``source`` in place of the block of the same key (appended if absent)."""
    result = list(target)
    for name, (start, end) in blocks(source, key, indent).items():
        if name in skip:
            continue
        where = blocks(result, key, indent)
        if name in where:
            first, last = where[name]
            result[first:last] = source[start:end]
        else:
            result += source[start:end]
    return result


def with_paper_settings(mkdocs_yml: str, settings_yml: str) -> str:
    """mkdocs.yml with the paper's settings in place: each top-level key of ``settings_yml``, and each
    key under its ``extra:``. Text in, text out, so the tool's settings and comments stay as they are."""
    target, source = mkdocs_yml.splitlines(), settings_yml.splitlines()
    result = replace_blocks(target, source, TOP_KEY, 0, skip=(EXTRA,))
    source_extra, target_extra = blocks(source, TOP_KEY, 0).get(EXTRA), blocks(result, TOP_KEY, 0).get(EXTRA)
    if source_extra:
        if target_extra is None:
            result += ["extra:"]
            target_extra = (len(result) - 1, len(result))
        first, last = target_extra
        result[first:last] = [result[first]] + replace_blocks(
            result[first + 1 : last], source[source_extra[0] + 1 : source_extra[1]], EXTRA_KEY, 2
        )
    return "\n".join(result) + "\n"


def tool_files() -> list[str]:
    """What git tracks, minus this paper's own files."""
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return [name for name in listed.split("\0") if name and not name.startswith(PAPER_FILES) and (ROOT / name).exists()]


def new_paper(destination: Path) -> None:
    if destination.exists() and any(destination.iterdir()):
        raise SystemExit(
            f"{destination}: already exists and is not empty; name a new folder, as in ../paper-2026-03-12"
        )
    for name in tool_files():
        (destination / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(
            ROOT / name, destination / name, follow_symlinks=False
        )  # links stay links (test fixtures share files)
    shutil.copytree(SKELETON / "docs", destination / "docs")
    (destination / "tests" / "source").mkdir(parents=True, exist_ok=True)
    config = destination / "mkdocs.yml"
    settings = (SKELETON / "settings.yml").read_text(encoding="utf-8")
    config.write_text(with_paper_settings(config.read_text(encoding="utf-8"), settings), encoding="utf-8")
    # A repository of its own, without this one's history (git is how scripts/build dates the output).
    subprocess.run(["git", "init", "-q"], cwd=destination, check=False)


def main(arguments: list[str]) -> None:
    if len(arguments) != 1:
        raise SystemExit("usage: scripts/new-paper <new folder>, as in scripts/new-paper ../paper-2026-03-12")
    destination = Path(arguments[0]).resolve()
    new_paper(destination)
    print(
        f"A new paper started in {destination}: fill in every <!-- fill: … --> marker (PUBLISHING.md), "
        "then run scripts/build;\n"
        f"it names each place still to fill. Put the paper as received in tests/source/, then run scripts/test."
    )


if __name__ == "__main__":
    main(sys.argv[1:])
