"""Facts about the website that the paper does not give, each from its one source.

- ``<!-- publisher -->``: who publishes the site and how to reach them, from the
  ``extra.publisher`` setting in mkdocs.yml (``name`` and ``contact``, a link).
- ``<!-- tested: date -->`` (also ``chromium``, ``axe-core``, ``viewports``): the
  last run of the browser tests, from the record the test suite writes when every
  browser test passed (``docs/includes/last-test-run.yml``), checked against the
  axe-core version npm installed from package-lock.json.
"""

from __future__ import annotations

import datetime
import re

import yaml

from .links import relative_link
from .markers import Marker
from .problems import Problem
from .settings import Publisher

TEST_RECORD = "includes/last-test-run.yml"  # under docs/
PUBLISHER_MARKER = re.compile(r"<!--\s*publisher\s*-->")
TESTED_MARKER = re.compile(r"<!--\s*tested\s*:\s*(?P<key>[\w-]+)\s*-->")
RECORD_KEYS = ("date", "chromium", "axe-core", "viewports")
VIEWPORT = re.compile(r"(\d+)x(\d+)")


def publisher_markdown(publisher: Publisher, page_uri: str) -> str:
    """The publisher's name, linked to how to reach them, from the given page."""
    scheme = publisher.contact.split(":", 1)[0] if re.match(r"[a-z]+:", publisher.contact) else ""
    if scheme in ("mailto", "tel"):
        shown = publisher.contact.split(":", 1)[1].split("?")[0]
        return f"{publisher.name} ([{shown}]({publisher.contact}))"
    return f"[{publisher.name}]({publisher.contact if scheme else relative_link(page_uri, publisher.contact)})"


def publisher_marker(publisher: Publisher, page_uri: str) -> Marker:
    return Marker(PUBLISHER_MARKER, lambda match, line: publisher_markdown(publisher, page_uri))


def load_test_record(text: str, path: str, installed_axe: str | None) -> tuple[dict[str, str], list[Problem]]:
    """The shown values of the last test run, and what is wrong with the record."""
    try:
        root = yaml.compose(text)
    except yaml.YAMLError as error:
        return {}, [Problem(path, 1, f"is not valid YAML ({getattr(error, 'problem', error)}); run scripts/test to write it again")]
    nodes = {key.value: value for key, value in root.value} if isinstance(root, yaml.MappingNode) else {}
    missing = [key for key in RECORD_KEYS if key not in nodes]
    if missing:
        return {}, [Problem(path, 1, f"has no {', '.join(missing)}; run scripts/test, which writes this file when every browser test passes")]
    line = {key: nodes[key].start_mark.line + 1 for key in RECORD_KEYS}
    values = {key: nodes[key].value for key in ("date", "chromium", "axe-core") if isinstance(nodes[key], yaml.ScalarNode)}
    problems = []
    try:
        values["date"] = f"{datetime.date.fromisoformat(values.get('date', '')):%-d %B %Y}"
    except ValueError:
        problems.append(Problem(path, line["date"], f"date '{values.get('date', '')}' is not a date as YYYY-MM-DD; run scripts/test to write it again"))
    if installed_axe is not None and values.get("axe-core") != installed_axe:
        problems.append(Problem(path, line["axe-core"], f"axe-core {values.get('axe-core')} was tested, but package-lock.json installs {installed_axe}; run scripts/test to test with it, and commit this file"))
    sizes = [VIEWPORT.fullmatch(item.value) for item in getattr(nodes["viewports"], "value", []) if isinstance(item, yaml.ScalarNode)]
    if not sizes or None in sizes:
        problems.append(Problem(path, line["viewports"], "viewports must be a list of sizes such as 1280x800; run scripts/test to write it again"))
    else:
        values["viewports"] = " and ".join(f"{size[1]} by {size[2]} pixels" for size in sizes)
    return values, problems


def tested_marker(values: dict[str, str], path: str, problems: list[Problem]) -> Marker:
    def replace(match: re.Match[str], line: int) -> str:
        if match["key"] in values:
            return values[match["key"]]
        if match["key"] not in RECORD_KEYS:
            problems.append(Problem(path, line, f"tested marker '{match['key']}' is not one of {', '.join(RECORD_KEYS)}; use one of those"))
        return match[0]

    return Marker(TESTED_MARKER, replace)
