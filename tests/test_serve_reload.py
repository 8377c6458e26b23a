"""`mkdocs serve` rebuilds with the tool's code and templates as they are now: a change to a module or a template of
the installed tool rebuilds the site, and the rebuild runs the changed code in modules of its own, with nothing kept
from the build before. The tool is a copy of the installed package, placed before site-packages on PYTHONPATH."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from made_up_paper import made_up_paper
from test_preview import free_port

# Appended to the copy's rendering stage: each page's content ends with a marker and how many pages this module
# rendered before the cover (as a module-level list would keep them if the module outlived a rebuild).
MARKER = r"""

_rendered: list[str] = []
_on_page_markdown = on_page_markdown


def on_page_markdown(markdown, page, config, files):
    _rendered.append(page.file.src_uri)
    shown = len(_rendered) if page.file.src_uri == "index.md" else 0
    return _on_page_markdown(markdown, page, config, files) + f'\n\n<p id="reload-check">{MARKER} {shown}</p>\n'
"""


def installed_tool() -> Path:
    spec = importlib.util.find_spec("committee_paper")
    assert spec is not None and spec.submodule_search_locations
    return Path(next(iter(spec.submodule_search_locations)))


def served(port: int, server: subprocess.Popen[str], wanted: str, log: Path, within: float) -> str:
    """The cover, once it holds ``wanted``."""
    deadline = time.monotonic() + within
    page = ""
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"mkdocs serve stopped: {log.read_text(encoding='utf-8')}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/index.html", timeout=5) as response:
                page = response.read().decode("utf-8")
        except OSError:
            pass
        if wanted in page:
            return page
        time.sleep(0.5)
    pytest.fail(f"the cover never showed {wanted!r} in {within:.0f} s; mkdocs serve said:\n{log.read_text('utf-8')}")


def test_a_serve_rebuild_runs_the_tools_changed_code_and_templates_afresh(tmp_path: Path) -> None:
    tool = tmp_path / "lib" / "committee_paper"
    shutil.copytree(installed_tool(), tool, ignore=shutil.ignore_patterns("__pycache__"))
    rendering = tool / "stages" / "rendering.py"
    code = rendering.read_text(encoding="utf-8")
    rendering.write_text(code + MARKER.replace("{MARKER}", "first-code"), encoding="utf-8")
    config = made_up_paper(tmp_path / "paper")
    port = free_port()
    env = {key: value for key, value in os.environ.items() if key != "PAPER_PDF"}
    env |= {"PYTHONPATH": str(tool.parent), "NO_MKDOCS_2_WARNING": "1"}
    log = tmp_path / "serve.log"
    with log.open("w", encoding="utf-8") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "-f", str(config)],
            cwd=config.parent,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            text=True,
        )
    try:
        # The copy is the tool that runs, and its module is fresh: the cover is the first page it rendered.
        assert '<p id="reload-check">first-code 1</p>' in served(port, server, "first-code", log, 300)
        rendering.write_text(code + MARKER.replace("{MARKER}", "changed-code"), encoding="utf-8")
        assert '<p id="reload-check">changed-code 1</p>' in served(port, server, "changed-code", log, 120)
        # A template of the tool's theme folder, changed while serving.
        main = tool / "theme" / "main.html"
        main.write_text(
            main.read_text(encoding="utf-8") + "{% block announce %}changed-template{% endblock %}\n", encoding="utf-8"
        )
        served(port, server, "changed-template", log, 120)
    finally:
        server.terminate()
        server.wait(timeout=30)
