"""The README's build command: byte-identical output, site/ replaced only by a good build, SITE_URL."""

import hashlib
import os
import shutil
import subprocess
from pathlib import Path
from xml.etree import ElementTree

from conftest import ROOT, run_build, soup

PROJECT = ["docs", "hooks", "overrides", "scripts", "mkdocs.yml", "requirements.txt", "package.json", "package-lock.json"]


def digest(site: Path) -> dict[str, str]:
    return {str(path.relative_to(site)): hashlib.sha256(path.read_bytes()).hexdigest() for path in sorted(site.rglob("*")) if path.is_file()}


def test_two_builds_of_the_same_sources_are_byte_identical(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1417737600")
    first = run_build(ROOT / "mkdocs.yml", tmp_path / "one")
    second = run_build(ROOT / "mkdocs.yml", tmp_path / "two")
    assert first.returncode == second.returncode == 0, first.output + second.output
    assert digest(first.site) == digest(second.site)
    assert len(digest(first.site)) > 20


def scripts_build(project: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1417737600"}
    return subprocess.run(["scripts/build"], cwd=project, env=env, capture_output=True, text=True, timeout=900)


def test_a_failed_build_leaves_the_previous_site_in_place(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    for name in PROJECT:
        subprocess.run(["cp", "-r", str(ROOT / name), str(project / name)], check=True)
    (project / ".venv").symlink_to(ROOT / ".venv")
    for cache in list((project / "hooks").rglob("__pycache__")):
        shutil.rmtree(cache)

    good = scripts_build(project)
    assert good.returncode == 0, good.stdout + good.stderr
    before = digest(project / "site")
    # Compiled once by the set-up, as installed packages are, so builds do not compile them again.
    hooks = sorted((project / "hooks").rglob("*.py"))
    assert len(hooks) > 20 and all(list(hook.parent.glob(f"__pycache__/{hook.stem}.cpython-*.pyc")) for hook in hooks)

    papers = project / "docs" / "background-papers.md"
    papers.write_text(papers.read_text(encoding="utf-8").replace("| Sept 2014 |", "| Sept 2015 |"), encoding="utf-8")
    bad = scripts_build(project)
    assert bad.returncode != 0
    assert "docs/background-papers.md:14: date 'Sept 2015' of paper 1 is after the meeting" in bad.stdout + bad.stderr
    assert digest(project / "site") == before
    assert sorted(path.name for path in project.iterdir() if path.name.startswith(".site")) == []


def test_site_url_adds_canonical_links_and_full_sitemap_urls(tmp_path, monkeypatch, site):
    base = "https://www.example.gov.uk/committees/2014-12-05/"
    monkeypatch.setenv("SITE_URL", base)
    published = run_build(ROOT / "mkdocs.yml", tmp_path / "site", pdf=False)
    assert published.returncode == 0, published.output
    assert soup(published.site / "background" / "annual-report.html").find("link", rel="canonical")["href"] == base + "background/annual-report.html"
    locations = sitemap_locations(published.site)
    assert len(locations) > 10 and all(loc.startswith(base) for loc in locations), locations
    # Unset (the default build): no canonical link and no URL in the sitemap.
    assert soup(site / "index.html").find("link", rel="canonical") is None
    assert sitemap_locations(site) == []


def sitemap_locations(site: Path) -> list[str]:
    return [loc.text for loc in ElementTree.parse(site / "sitemap.xml").iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
