"""Each build's state is its own, also when one process builds twice, as `mkdocs serve` does on every change."""

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from conftest import PAPER
from publishing import publish


def test_a_rebuild_in_the_same_process_knows_nothing_of_the_build_before(tmp_path, monkeypatch, caplog):
    monkeypatch.setenv("PAPER_PDF", "false")  # the preview `mkdocs serve` is for
    config_file = publish(PAPER, tmp_path)
    cover = tmp_path / "docs" / "index.md"
    original = cover.read_text(encoding="utf-8")
    cover.write_text(original.replace("<!-- contacts -->", "<!-- contact: Nobody -->"), encoding="utf-8")
    with pytest.raises(Abort):
        build(load_config(str(config_file), site_dir=str(tmp_path / "site")))
    assert "contact 'Nobody' is not in docs/contacts.yml" in caplog.text
    caplog.clear()
    cover.write_text(original, encoding="utf-8")
    build(load_config(str(config_file), site_dir=str(tmp_path / "site")))  # the hooks' modules are the same ones
    assert "WARNING" not in caplog.text and "Nobody" not in caplog.text
    first = yaml.safe_load((tmp_path / "docs" / "contacts.yml").read_text(encoding="utf-8"))[0]["name"]
    assert first in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
