"""`mkdocs serve` is a preview (no PDF, no zip); `mkdocs build` publishes; PAPER_PDF says so explicitly."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from made_up_paper import build, made_up_paper


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def served_cover(config: Path, env: dict[str, str]) -> BeautifulSoup:
    """The cover as `mkdocs serve` serves it, once its first build is done."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "-a", f"127.0.0.1:{port}", "-f", str(config)],
        cwd=config.parent,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 300
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/index.html", timeout=5) as response:
                    return BeautifulSoup(response.read().decode("utf-8"), "html.parser")
            except OSError:
                if server.poll() is not None:
                    pytest.fail(f"mkdocs serve stopped: {server.stdout.read() if server.stdout else ''}")
                if time.monotonic() > deadline:
                    pytest.fail("mkdocs serve did not serve the cover in 300 s")
                time.sleep(0.5)
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_mkdocs_serve_is_a_preview_without_pdf_or_zip(tmp_path: Path) -> None:
    config = made_up_paper(tmp_path)
    env = {key: value for key, value in os.environ.items() if key != "PAPER_PDF"}
    cover = served_cover(config, env)
    assert cover.find("h1") is not None  # the page is there
    assert cover.find("a", type="application/pdf") is None
    assert cover.find("a", type="application/zip") is None


def test_mkdocs_build_publishes_the_pdf_and_the_zip(tmp_path: Path) -> None:
    config = made_up_paper(tmp_path)
    built = build(config, env={"PAPER_PDF": ""})
    assert built.returncode == 0, built.output
    cover = BeautifulSoup((built.site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert cover.find("a", type="application/pdf") is not None
    assert list(built.site.rglob("*.pdf")) and list(built.site.rglob("*.zip"))


def test_paper_pdf_false_switches_the_pdf_off_for_a_build(tmp_path: Path) -> None:
    config = made_up_paper(tmp_path)
    built = build(config, pdf=False)
    assert built.returncode == 0, built.output
    assert not list(built.site.rglob("*.pdf")) and not list(built.site.rglob("*.zip"))
