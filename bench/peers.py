"""The builds this project is measured against, on the same docs.

- stock Material: the project's mkdocs.yml without its hooks, theme overrides and PDF
  plugin (the same Markdown, Material, extensions, plugins and nav);
- mkdocs-to-pdf: the same, with the mkdocs-to-pdf plugin writing one PDF, run from its
  own virtualenv (.bench-peers/, bench/requirements-peers.txt).

Builds are timed in CPU seconds (user + system of the build process), the peers and
the project's own builds alternating, and reported as medians, so a busy machine
slows all of them alike.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml
from mkdocs.utils.yaml import get_yaml_loader

ROOT = Path(__file__).resolve().parent.parent
PEERS_VENV = ROOT / ".bench-peers"
PEERS_REQUIREMENTS = ROOT / "bench" / "requirements-peers.txt"
ENVIRONMENT = {"NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1417737600"}


def peers_python() -> Path:
    """The peers' virtualenv's Python, made and filled from the pinned list on first use."""
    python = PEERS_VENV / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(PEERS_VENV)], check=True)
        subprocess.run(
            [
                str(python),
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
                "-r",
                str(PEERS_REQUIREMENTS),
            ],
            check=True,
        )
    return python


def stock_config(config: Path, pdf: bool) -> dict:
    """``config`` as a stock build: no hooks, no overrides, no project PDF; mkdocs-to-pdf when ``pdf``."""
    settings = yaml.load(config.read_text(encoding="utf-8"), Loader=get_yaml_loader())
    while "INHERIT" in settings:  # the benchmark's generated papers inherit the real mkdocs.yml
        parent = yaml.load(
            (config.parent / settings.pop("INHERIT")).read_text(encoding="utf-8"), Loader=get_yaml_loader()
        )
        settings = {**parent, **settings}
    for key in ("hooks", "strict", "validation"):
        settings.pop(key, None)
    settings["theme"] = {key: value for key, value in settings["theme"].items() if key != "custom_dir"}
    plugins = [
        plugin
        for plugin in settings.get("plugins", [])
        if (plugin if isinstance(plugin, str) else next(iter(plugin))) != "pdf-export"
    ]
    if pdf:
        plugins.append({"to-pdf": {"output_path": "pdf/paper.pdf"}})
    settings["plugins"] = plugins
    settings["docs_dir"] = str((config.parent / settings.get("docs_dir", "docs")).resolve())
    return settings


def run_build(command: list[str], env: dict[str, str], warnings_fail: bool = True) -> tuple[float, float, float]:
    """Wall-clock seconds, CPU seconds (user + system) and peak RSS in MB of one build, which
    must succeed (and, unless told otherwise, print no warning)."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=ROOT, env={**os.environ, **env}, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if (
        os.waitstatus_to_exitcode(status) != 0
        or warnings_fail
        and any(line.startswith(("WARNING", "ERROR")) for line in output.splitlines())
    ):
        raise SystemExit(f"{' '.join(command)} failed:\n{output}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def compare(config: Path, runs: int, project_cpu: Callable[[bool], float]) -> dict[str, float]:
    """Median CPU seconds of both peers and of the project's HTML-only and full builds
    (``project_cpu(pdf)``), all on ``config``'s docs, alternating."""
    with tempfile.TemporaryDirectory() as temp:
        work = Path(temp)
        builds: dict[str, Callable[[], float]] = {}
        for name, pdf, python in (
            ("stock Material", False, Path(sys.executable)),
            ("mkdocs-to-pdf", True, peers_python()),
        ):
            peer = work / f"{name.split()[0]}.yml"
            peer.write_text(yaml.safe_dump(stock_config(config, pdf), allow_unicode=True), encoding="utf-8")
            command = [str(python), "-m", "mkdocs", "build", "-f", str(peer), "-d", str(work / name.split()[0])]
            builds[name] = lambda command=command: run_build(command, ENVIRONMENT, warnings_fail=False)[
                1
            ]  # not strict: peers, not the product
        builds["project, HTML only"] = lambda: project_cpu(False)
        builds["project, full"] = lambda: project_cpu(True)
        times: dict[str, list[float]] = {name: [] for name in builds}
        for _ in range(runs):
            for name, build in builds.items():
                times[name].append(build())
    return {name: statistics.median(values) for name, values in times.items()}


def report(medians: dict[str, float]) -> str:
    """The side-by-side table: each build's median CPU seconds and the two ratios with targets."""
    html = medians["project, HTML only"] / medians["stock Material"]
    full = medians["project, full"] / medians["mkdocs-to-pdf"]
    lines = [f"{'build':<22} {'CPU s':>6}"] + [f"{name:<22} {seconds:>6.2f}" for name, seconds in medians.items()]
    lines.append(f"HTML only / stock Material: {html:.2f} (target at most 1.15)")
    lines.append(f"full / mkdocs-to-pdf:       {full:.2f} (target at most 0.50)")
    return "\n".join(lines)
