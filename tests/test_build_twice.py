"""Two builds in one process, as `mkdocs serve` rebuilds: nothing one build leaves behind grows or leaks into the next."""

from __future__ import annotations

import functools
import logging
import sys
from pathlib import Path

import pytest

from made_up_paper import build_in_process, made_up_paper


def tool_caches() -> dict[str, int]:
    """Every functools cache in the tool's modules that holds something, and how much."""
    return {
        f"{module_name}.{name}": value.cache_info().currsize
        for module_name, module in list(sys.modules.items())
        if module_name.startswith("committee_paper")
        for name, value in vars(module).items()
        if isinstance(value, functools._lru_cache_wrapper)
        and value.__module__.startswith("committee_paper")
        and value.cache_info().currsize
    }


def test_no_cache_outlives_a_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PAPER_PDF", "false")
    config = made_up_paper(tmp_path)
    build_in_process(config)
    assert (tmp_path / "site" / "glossary.html").is_file()
    assert tool_caches() == {}


def test_weasyprint_logger_handlers_do_not_pile_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from weasyprint.logger import LOGGER

    monkeypatch.setenv("PAPER_PDF", "true")
    config = made_up_paper(tmp_path)
    counts = []
    for _ in range(2):
        build_in_process(config)
        assert list((tmp_path / "site").rglob("*.pdf")), "the PDF was not written"
        counts.append(len(LOGGER.handlers))
    assert counts[1] == counts[0], [type(handler).__name__ for handler in LOGGER.handlers]
    assert not any(type(handler) is logging.StreamHandler for handler in LOGGER.handlers)
