"""Facts about the website that the paper does not give, each from its one source.

- ``<!-- publisher -->``: who publishes the site and how to reach them, from the
  ``extra.publisher`` setting in mkdocs.yml (``name`` and ``contact``, a link).
- ``<!-- tested: date -->`` (also ``chromium``, ``axe-core``, ``viewports``): the
  last run of ``committee-paper verify``, from the record it writes when every check
  ran, in Chromium too (``last-test-run.yml`` beside mkdocs.yml), checked against the
  axe-core version npm installed from the tool's package-lock.json.
- ``<!-- when tested -->`` … ``<!-- when failed -->`` … ``<!-- when not tested -->`` …
  ``<!-- end when -->``: the first part is shown only when that record names this very
  site (``content``, the hash of the paper's files and of the tool's version and pins)
  and says it passed, the second (optional) when a run of this site did not all pass
  (``passed: false``), the last until then, so the statement never claims a test run of
  content, or of a tool, that was not tested, nor calls a run that failed "not yet tested".
"""

from __future__ import annotations

import datetime
import hashlib
import importlib.metadata
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from committee_paper.model.markers import Kept, Marker, Piece, line_number
from committee_paper.model.npm import lock_file
from committee_paper.model.problems import Problem
from committee_paper.model.settings import Publisher

# Beside mkdocs.yml, not under docs/: written by `committee-paper verify`, it would change the content it names.
TEST_RECORD = "last-test-run.yml"
# The paper's files the site is built from and checked against: a change to any of them is a site not yet verified.
CONFIG = "mkdocs.yml"
BUILT_FROM = ("docs", CONFIG, "source")
TOOL = "committee-paper"
PUBLISHER_MARKER = re.compile(r"<!--\s*publisher\s*-->")
TESTED_MARKER = re.compile(r"<!--\s*tested\s*:\s*(?P<key>[\w-]+)\s*-->")
WHEN_TESTED = re.compile(
    r"<!--\s*when tested\s*-->(?P<tested>.*?)(?:<!--\s*when failed\s*-->(?P<failed>.*?))?"
    r"<!--\s*when not tested\s*-->(?P<untested>.*?)<!--\s*end when\s*-->",
    re.DOTALL,
)
WHEN_MARKER = re.compile(r"<!--\s*(?:when tested|when failed|when not tested|end when)\s*-->")
FAILED = "failed"  # in the shown values: the recorded run of this content did not all pass
RECORD_KEYS = ("date", "chromium", "axe-core", "viewports")
CONTENT_KEY = "content"  # the record's hash of what the site is built from
VIEWPORT = re.compile(r"(\d+)x(\d+)")


@dataclass(frozen=True)
class PublisherLink(Piece):
    """The publisher's name, linked to how to reach them, from the page ``uri``."""

    publisher: Publisher
    uri: str


def publisher_marker(publisher: Publisher, page_uri: str) -> Marker:
    return Marker(PUBLISHER_MARKER, lambda match, line: PublisherLink(publisher, page_uri))


def tool_version() -> str:
    return importlib.metadata.version(TOOL)


def tool_pins() -> str:
    """What else the site is built and verified with: the tool's version, every Python package it pins as installed
    (its Requires-Dist) and its npm packages' lock file. An upgrade of any is a site not yet verified."""
    requires = "\n".join(importlib.metadata.distribution(TOOL).requires or [])
    return f"{TOOL} {tool_version()}\n{requires}\n{lock_file().read_text(encoding='utf-8')}"


def content_hash(project: Path, settings: str, read: Mapping[str, str] | None = None) -> str:
    """SHA-256 of what the site is built from: the tool's pins (tool_pins), ``settings`` (mkdocs.yml as MkDocs loaded
    it, in one text for every folder: config.settings_text), and every other file of BUILT_FROM under ``project``,
    names and bytes; ``read`` holds the texts already read, by path under ``project``, so that the build reads no file
    twice."""
    digest = hashlib.sha256(f"{tool_pins()}\0{CONFIG}\0{settings}\0".encode())
    for name in BUILT_FROM:
        for path in _files(project / name) if name != CONFIG else []:
            shown = path.relative_to(project).as_posix()
            digest.update(f"{shown}\0".encode())
            digest.update(read[shown].encode() if read and shown in read else _as_read(path))
    return digest.hexdigest()


def _as_read(path: Path) -> bytes:
    """The file's bytes; a text's with its line ends as Python reads them (line feeds), as the build hashes the pages it
    read, so that a page written with Windows line ends is the same content to the build and to verify."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return data  # not text
    return text.replace("\r\n", "\n").replace("\r", "\n").encode()


def _files(top: Path) -> list[Path]:
    """The file, or the files under the folder minus compiled Python, following links (test projects link the tool)."""
    if top.is_file():
        return [top]
    found = []
    for folder, folders, names in os.walk(top, followlinks=True):
        folders[:] = [name for name in folders if name != "__pycache__"]
        found += [Path(folder) / name for name in names]
    return sorted(found)


def recorded_content(text: str) -> str | None:
    """The hash of the content the record says was tested; None if it names none or is not YAML."""
    try:
        record = yaml.safe_load(text)
    except yaml.YAMLError:
        return None
    return str(record.get(CONTENT_KEY)) if isinstance(record, dict) and record.get(CONTENT_KEY) else None


def record_of(project: Path, content: str) -> str:
    """The test record's text if it names this very content (``content``, its content_hash), else "" (not yet
    tested)."""
    record = project / TEST_RECORD
    text = record.read_text(encoding="utf-8") if record.is_file() else ""
    return text if text and recorded_content(text) == content else ""


def load_test_record(text: str, path: str, installed_axe: str | None) -> tuple[dict[str, str], list[Problem]]:
    """The shown values of the last test run, and what is wrong with the record."""
    try:
        root = yaml.compose(text)
    except yaml.YAMLError as error:
        return {}, [
            Problem(
                path, 1, f"is not valid YAML ({getattr(error, 'problem', error)}); run scripts/test to write it again"
            )
        ]
    nodes = {key.value: value for key, value in root.value} if isinstance(root, yaml.MappingNode) else {}
    missing = [key for key in RECORD_KEYS if key not in nodes]
    if missing:
        return {}, [
            Problem(
                path,
                1,
                f"has no {', '.join(missing)}; run scripts/test, which writes this file when every browser test passes",
            )
        ]
    line = {key: nodes[key].start_mark.line + 1 for key in RECORD_KEYS}
    values = {
        key: nodes[key].value for key in ("date", "chromium", "axe-core") if isinstance(nodes[key], yaml.ScalarNode)
    }
    failed = getattr(nodes.get("passed"), "value", "true") == "false"
    if failed:
        values[FAILED] = "true"
        installed_axe = None  # a run that failed claims nothing of its tools
    problems = []
    try:
        values["date"] = f"{datetime.date.fromisoformat(values.get('date', '')):%-d %B %Y}"
    except ValueError:
        problems.append(
            Problem(
                path,
                line["date"],
                f"date '{values.get('date', '')}' is not a date as YYYY-MM-DD; run scripts/test to write it again",
            )
        )
    if installed_axe is not None and values.get("axe-core") != installed_axe:
        problems.append(
            Problem(
                path,
                line["axe-core"],
                f"axe-core {values.get('axe-core')} was tested, but package-lock.json installs {installed_axe}; run "
                "scripts/test to test with it, and commit this file",
            )
        )
    matches = [
        VIEWPORT.fullmatch(item.value)
        for item in getattr(nodes["viewports"], "value", [])
        if isinstance(item, yaml.ScalarNode)
    ]
    sizes = [size for size in matches if size is not None]
    if not matches or len(sizes) < len(matches):
        problems.append(
            Problem(
                path,
                line["viewports"],
                "viewports must be a list of sizes such as 1280x800; run scripts/test to write it again",
            )
        )
    else:
        values["viewports"] = " and ".join(f"{size[1]} by {size[2]} pixels" for size in sizes)
    return values, problems


def tested_marker(values: dict[str, str]) -> Marker:
    """Each tested value as recorded (when_tested_problems reports a marker naming none)."""
    return Marker(TESTED_MARKER, lambda match, line: Kept(values.get(match["key"], match[0])))


def when_tested_marker(values: dict[str, str]) -> Marker:
    """Each region as its tested part, values rendered, when the record names this content; else its other part."""

    def resolve(match: re.Match[str], line: int) -> Piece:
        if not values:
            return Kept(match["untested"])
        if FAILED in values:  # without a part saying so, no claim at all
            shown = match["failed"] if match["failed"] is not None else match["untested"]
        else:
            shown = match["tested"]
        return Kept(TESTED_MARKER.sub(lambda value: values.get(value["key"], value[0]), shown))

    return Marker(WHEN_TESTED, resolve)


def when_tested_problems(text: str, path: str) -> list[Problem]:
    """A tested value outside the tested part, a region marker out of place, a marker naming no recorded value."""
    problems = []
    outside = WHEN_TESTED.sub(lambda match: "\n" * match[0].count("\n"), text)
    for match in WHEN_MARKER.finditer(outside):
        problems.append(
            Problem(
                path,
                line_number(outside, match.start()),
                f"'{match[0]}' is not part of a <!-- when tested --> … <!-- when not tested --> … <!-- end when --> "
                "region; write all three, in that order",
            )
        )
    for match in TESTED_MARKER.finditer(outside):
        if match["key"] not in RECORD_KEYS:
            continue  # named below, as a marker naming no recorded value
        problems.append(
            Problem(
                path,
                line_number(outside, match.start()),
                f"'{match[0]}' is outside <!-- when tested --> … <!-- when not tested -->; move it into the tested "
                "part, so no test run is claimed before one passed on this content",
            )
        )
    for match in TESTED_MARKER.finditer(text):  # shown or not, a marker names a recorded value
        if match["key"] not in RECORD_KEYS:
            problems.append(
                Problem(
                    path,
                    line_number(text, match.start()),
                    f"tested marker '{match['key']}' is not one of {', '.join(RECORD_KEYS)}; use one of those",
                )
            )
    return problems
