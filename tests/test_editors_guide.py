"""The editors' guide lists every check's fixture, each with the message that fixture is tested to produce."""

import re
from pathlib import Path

import yaml

from conftest import ROOT

GUIDE = ROOT / "guides" / "editors.md"
FIXTURES = Path(__file__).parent / "fixtures"
FOLDERS = ["checks", "single-source"]  # one fixture per rule, each breaking the made-up paper one way
ROW = re.compile(r"^\| (?P<rule>.+?) \| `(?P<fixture>[\w/-]+)` \| `(?P<message>.+)` \|$")


def guide_rows() -> list[re.Match[str]]:
    return [match for line in GUIDE.read_text(encoding="utf-8").splitlines() if (match := ROW.match(line))]


def fixture_messages(fixture: str) -> list[str]:
    return yaml.safe_load((FIXTURES / f"{fixture}.yml").read_text(encoding="utf-8"))["expected"]


def test_every_fixture_is_in_the_guide():
    fixtures = {f"{folder}/{path.stem}" for folder in FOLDERS for path in (FIXTURES / folder).glob("*.yml")}
    listed = {row["fixture"] for row in guide_rows()}
    assert fixtures, "no fixtures found"
    assert sorted(fixtures - listed) == [], "fixtures the guide does not list"
    assert sorted(listed - fixtures) == [], "the guide lists fixtures that do not exist"


def test_each_example_is_its_fixtures_message():
    rows = guide_rows()
    assert rows, f"{GUIDE}: no rows of the checks table found"
    for row in rows:
        message = row["message"].replace("\\|", "|")  # a pipe inside a table cell is escaped
        assert message in fixture_messages(row["fixture"]), f"{row['fixture']}: the guide's example is not its message"
