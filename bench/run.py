"""Benchmark the build: times, the WeasyPrint floor, peak memory and page weight.

Usage: .venv/bin/python bench/run.py [--sizes paper,100,300,1000] [--lighthouse]

For the real paper and for generated papers of about 100, 300 and 1,000 PDF
pages it prints: full build time (HTML, PDF and checks) in wall-clock and CPU
seconds, the CPU seconds of the HTML-only build, of the checks alone, and of the
floor (a fresh process importing WeasyPrint and rendering the same articles with
the print stylesheet alone: the least any WeasyPrint PDF of the paper costs), the
PDF step (full minus HTML-only, less the compressed copies, timed apart) against that floor, peak memory of the
build, and the first-view weight of every page. CPU seconds compare across runs
on a busy machine; wall-clock seconds only on an idle one. With --lighthouse (after
`npm ci --prefix bench`), first contentful paint in a Lighthouse mobile run of
the paper's pages, served by nginx as a council web server would (server/).
Numbers only, no verdicts: the targets are in the README. Every build is the
strict build that publishes (never with -q, which would hide its warnings); a
build that warns stops the benchmark with its output.
"""

from __future__ import annotations

import argparse
import compileall
import gzip
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))  # its sibling modules, when loaded by path (tests/test_strict.py)

from bs4 import BeautifulSoup  # noqa: E402
from generate import generated_config  # noqa: E402
from mkdocs.config import load_config  # noqa: E402
from mkdocs.utils.yaml import yaml_load  # noqa: E402
from peers import ENVIRONMENT, compare, report, run_build  # noqa: E402
from served import LIGHTHOUSE, lighthouse, running  # noqa: E402

from committee_paper.checks.paper_checks import check_paper  # noqa: E402
from committee_paper.config import read_settings, settings_text  # noqa: E402
from committee_paper.model.paper import read_paper  # noqa: E402
from committee_paper.outputs.paper_pdf import PDF_OPTIONS  # noqa: E402
from committee_paper.outputs.precompress import compressed_copies, text_files  # noqa: E402

PDF_SWITCH = "PAPER_PDF"  # "false" skips the PDF, as for previews (README)


def build_command(config: Path, site: Path) -> list[str]:
    """A strict build. Never with -q: it hides warnings from strict mode's count, so the build would pass."""
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site)]


def timed_build(config: Path, site: Path, pdf: bool, runs: int) -> tuple[float, float, float]:
    """Wall-clock and CPU seconds (best of ``runs``) and peak RSS (MB, highest) of a strict build in its own process.

    CPU seconds (user + system) are what the build itself costs: on a machine shared with
    other work they stay put while wall-clock time grows with the load.
    """
    seconds, cpu, memory = zip(*(_one_build(config, site, pdf) for _ in range(runs)), strict=True)
    return min(seconds), min(cpu), max(memory)


def _one_build(config: Path, site: Path, pdf: bool) -> tuple[float, float, float]:
    env = {**ENVIRONMENT, PDF_SWITCH: "true" if pdf else "false"}
    return run_build(build_command(config, site), env)


def checks_seconds(docs: Path, extra: dict, loaded_config: str) -> float:
    """CPU seconds of reading the paper and checking it, on the same sources, best of three (``loaded_config``:
    mkdocs.yml as MkDocs loaded it, which the build hands the model)."""
    uris = [p.relative_to(docs).as_posix() for p in docs.rglob("*.md") if "includes" not in p.relative_to(docs).parts]
    runs = []
    for _ in range(3):
        start = time.process_time()
        check_paper(read_paper(read_settings(extra), docs, uris, loaded_config))
        runs.append(time.process_time() - start)
    return min(runs)


def compress_seconds(site: Path) -> float:
    """CPU seconds of the gzip and brotli copies of the built site's text files, as the build makes them (best of
    three): the last hook's work after the zip, part of a full build and not of the PDF."""
    runs = []
    for _ in range(3):
        start = time.process_time()  # every thread's CPU: the build compresses on every core
        for path in text_files(site):
            compressed_copies(path.read_bytes())
        runs.append(time.process_time() - start)
    return min(runs)


# Run in a fresh process, so the import is timed as a build pays it: "import seconds, render seconds".
FLOOR_SCRIPT = """
import sys, time
start = time.process_time()
from weasyprint import CSS, HTML
imported = time.process_time()
options = {"pdf_variant": sys.argv[3]}
document = HTML(filename=sys.argv[1], base_url=sys.argv[2]).render(stylesheets=[CSS(filename=sys.argv[4])], **options)
document.write_pdf(**options)
print(imported - start, time.process_time() - imported)
"""


def floor_seconds(site: Path, html_files: list[Path]) -> tuple[float, float]:
    """CPU seconds of importing WeasyPrint, and of it rendering the same articles with the project's
    print stylesheet alone, in a fresh process: the least any WeasyPrint PDF of this paper costs.

    With the paper's own PDF options (tagged PDF/UA-1): tagging is what the PDF must
    be, not overhead of the pipeline.
    """
    body = "".join(
        str(BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one("article")) for path in html_files
    )
    head = '<meta charset="utf-8"><title>floor</title>'
    document = f'<!doctype html><html lang="en"><head>{head}</head><body>{body}</body></html>'
    with tempfile.TemporaryDirectory() as temp:
        source = Path(temp) / "floor.html"
        source.write_text(document, encoding="utf-8")
        result = subprocess.run(
            [
                sys.executable,
                "-c",
                FLOOR_SCRIPT,
                str(source),
                str(site) + "/",
                PDF_OPTIONS["pdf_variant"],
                str(ROOT / "hooks" / "committee_paper" / "paper-pdf.css"),
            ],
            capture_output=True,
            text=True,
            check=True,
        )
    imported, rendered = map(float, result.stdout.split())
    return imported, rendered


def first_view(site: Path, page: Path) -> dict[str, tuple[int, int]]:
    """Raw and gzip bytes of a page's HTML and the CSS and JS it loads."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    assets = {
        "html": [page],
        "css": [page.parent / link["href"] for link in soup.find_all("link", rel="stylesheet")],
        "js": [page.parent / script["src"] for script in soup.find_all("script", src=True)],
    }
    weight = {}
    for kind, paths in assets.items():
        data = [path.resolve().read_bytes() for path in paths]
        weight[kind] = (sum(map(len, data)), sum(len(gzip.compress(d, 9, mtime=0)) for d in data))
    weight["total"] = tuple(map(sum, zip(*weight.values(), strict=True)))
    return weight


def first_contentful_paint(site: Path, pages: list[Path]) -> dict[Path, float]:
    """Lighthouse mobile (simulated slow 4G, 4x CPU slowdown) FCP in ms, per page, served by nginx
    as a council's server would (bench/served.py measures the performance score and the bytes too)."""
    if not LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse is not installed: run `npm ci --prefix bench` first")
    with running(site) as base:
        return {page.relative_to(site): lighthouse(base + page.relative_to(site).as_posix())[1] for page in pages}


def nav_html(site: Path, nav: list) -> list[Path]:
    found = []
    for item in nav:
        for value in item.values() if isinstance(item, dict) else [item]:  # a page without a label is its path
            found += nav_html(site, value) if isinstance(value, list) else [site / value.replace(".md", ".html")]
    return found


def project_config(size: str, work: Path) -> tuple[Path, list]:
    """The real mkdocs.yml, or one inheriting it with a generated paper's docs and nav."""
    if size == "paper":
        config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)
        return ROOT / "mkdocs.yml", config["nav"]
    return generated_config(int(size), work, ROOT / "mkdocs.yml")


def pdf_pages(site: Path) -> tuple[int, int]:
    from pypdf import PdfReader

    pdfs = sorted(site.rglob("*.pdf"))
    if not pdfs:
        return 0, 0
    return len(PdfReader(pdfs[0]).pages), pdfs[0].stat().st_size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", default="paper,100,300,1000", help="comma-separated: 'paper' and/or generated page counts"
    )
    parser.add_argument(
        "--peer-runs", type=int, default=3, help="runs of each build in the comparison with the peers (0 skips it)"
    )
    parser.add_argument(
        "--lighthouse", action="store_true", help="also measure first contentful paint of the paper's pages"
    )
    args = parser.parse_args()
    # As scripts/build leaves them (scripts/lib.sh): the hooks compiled, like the installed packages.
    compileall.compile_dir(ROOT / "hooks", quiet=1)
    print(
        f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; CPU columns are user + system seconds",
        flush=True,
    )
    print(
        f"{'paper':>6} {'PDF pp':>6} {'PDF KB':>7} {'full s':>7} {'full CPU':>8} {'HTML CPU':>8} {'checks':>7} "
        f"{'compress':>8} {'PDF step':>8} {'import':>7} {'render':>7} {'floor':>7} {'step/floor':>10} {'peak MB':>8}"
    )
    weights, paints = {}, {}
    for size in args.sizes.split(","):
        with tempfile.TemporaryDirectory() as temp:
            work = Path(temp)
            config, nav = project_config(size, work)
            try:
                runs = 3 if size in ("paper", "100") else 1  # small builds are noisy
                full, full_cpu, peak = timed_build(config, work / "full", pdf=True, runs=runs)
                _, html_cpu, _ = timed_build(config, work / "html", pdf=False, runs=runs)
                pages, pdf_bytes = pdf_pages(work / "full")
                docs = ROOT / "docs" if size == "paper" else work / "docs"
                with config.open("rb") as file:
                    extra = yaml_load(file)["extra"]
                checks = checks_seconds(docs, extra, settings_text(load_config(str(config))))
                imported, rendered = min(
                    (floor_seconds(work / "html", nav_html(work / "html", nav)) for _ in range(runs)), key=sum
                )
            finally:
                if config != ROOT / "mkdocs.yml":
                    config.unlink()
            compress = compress_seconds(work / "full")
            step, floor = max(full_cpu - html_cpu - compress, 0.0), imported + rendered
            print(
                f"{size:>6} {pages:>6} {pdf_bytes / 1024:>7.0f} {full:>7.2f} {full_cpu:>8.2f} {html_cpu:>8.2f} "
                f"{checks:>7.3f} {compress:>8.2f} {step:>8.2f} {imported:>7.2f} {rendered:>7.2f} {floor:>7.2f} "
                f"{step / floor:>10.2f} {peak:>8.0f}"
            )
            print(f"       load average {os.getloadavg()[0]:.1f}", flush=True)
            print(
                f"       PDF step / floor {step / floor:.2f} (target at most 1.2); "
                f"against the render alone {step / rendered:.2f}",
                flush=True,
            )
            if size == "paper":
                if args.peer_runs:
                    print(
                        report(
                            compare(
                                config,
                                args.peer_runs,
                                lambda pdf, config=config, work=work: _one_build(config, work / "peer-check", pdf)[1],
                            )
                        ),
                        flush=True,
                    )
                weights = {
                    path.relative_to(work / "full"): first_view(work / "full", path)
                    for path in nav_html(work / "full", nav)
                }
                if args.lighthouse:
                    paints = first_contentful_paint(work / "full", nav_html(work / "full", nav))
    if weights:
        print("\nFirst view of each page of the paper (bytes raw / gzip):")
        print(f"{'page':<42} {'HTML':>15} {'CSS':>15} {'JS':>17} {'total':>17}")
        for page, weight in weights.items():
            cells = " ".join(f"{weight[k][0]:>8}/{weight[k][1]:<7}" for k in ("html", "css", "js", "total"))
            print(f"{str(page):<42} {cells}")
        print(f"largest first view: {max(w['total'][1] for w in weights.values()) / 1024:.1f} KB gzip")
    if paints:
        print("\nLighthouse mobile first contentful paint (ms), served by nginx:")
        for page, paint in paints.items():
            print(f"{str(page):<42} {paint:>8.0f}")
        print(f"slowest: {max(paints.values()):.0f} ms")


if __name__ == "__main__":
    main()
