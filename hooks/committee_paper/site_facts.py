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
from dataclasses import dataclass

import yaml

from .links import relative_link
from .markers import line_number
from .problems import Problem

TEST_RECORD = "includes/last-test-run.yml"  # under docs/
PUBLISHER_MARKER = re.compile(r"<!--\s*publisher\s*-->")
TESTED_MARKER = re.compile(r"<!--\s*tested\s*:\s*(?P<key>[\w-]+)\s*-->")
RECORD_KEYS = ("date", "chromium", "axe-core", "viewports")
VIEWPORT = re.compile(r"(\d+)x(\d+)")


@dataclass(frozen=True)
class Publisher:
    name: str
    contact: str  # a link: a page of this site (page.md#anchor), mailto:, tel: or https:

    def markdown(self, page_uri: str) -> str:
        """The publisher's name, linked to how to reach them, from the given page."""
        scheme = self.contact.split(":", 1)[0] if re.match(r"[a-z]+:", self.contact) else ""
        if scheme in ("mailto", "tel"):
            shown = self.contact.split(":", 1)[1].split("?")[0]
            return f"{self.name} ([{shown}]({self.contact}))"
        return f"[{self.name}]({self.contact if scheme else relative_link(page_uri, self.contact)})"


def load_publisher(extra: dict) -> tuple[Publisher | None, str]:
    """The publisher setting, or None and what to set."""
    setting = extra.get("publisher")
    if not isinstance(setting, dict):
        return None, "mkdocs.yml: extra.publisher is not set; set its name (who publishes this website) and contact (a link to reach them), as the README's 'Publishing under the council website' says"
    for key in ("name", "contact"):
        if not isinstance(setting.get(key), str) or not setting[key].strip():
            return None, f"mkdocs.yml: extra.publisher.{key} is not set; set it as the README's 'Publishing under the council website' says"
    return Publisher(setting["name"].strip(), setting["contact"].strip()), ""


def render_publisher(markdown: str, publisher: Publisher, page_uri: str) -> str:
    return PUBLISHER_MARKER.sub(lambda _: publisher.markdown(page_uri), markdown)


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


def render_tested(markdown: str, values: dict[str, str], path: str, line_offset: int = 0) -> tuple[str, list[Problem]]:
    problems: list[Problem] = []

    def replace(match: re.Match[str]) -> str:
        if match["key"] in values:
            return values[match["key"]]
        if match["key"] not in RECORD_KEYS:
            line = line_offset + line_number(markdown, match.start())
            problems.append(Problem(path, line, f"tested marker '{match['key']}' is not one of {', '.join(RECORD_KEYS)}; use one of those"))
        return match[0]

    return TESTED_MARKER.sub(replace, markdown), problems
