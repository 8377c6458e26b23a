"""A paper's build command (`committee-paper build`): byte-identical output, site/ replaced only by a good build,
SITE_URL."""

import hashlib
import os
import subprocess
from pathlib import Path
from xml.etree import ElementTree

from conftest import COMMAND, PAPER, nav_files, run_build, soup
from publishing import publish

EPOCH = "1700000000"  # any fixed time: the builds' timestamps come from it


def digest(site: Path) -> dict[str, str]:
    return {
        str(path.relative_to(site)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def test_two_builds_of_the_same_sources_are_byte_identical(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    first = run_build(PAPER / "mkdocs.yml", tmp_path / "one")
    second = run_build(PAPER / "mkdocs.yml", tmp_path / "two")
    assert first.returncode == second.returncode == 0, first.output + second.output
    assert digest(first.site) == digest(second.site)
    assert len(digest(first.site)) > 20


def committee_paper_build(paper: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH}
    return subprocess.run([COMMAND, "build"], cwd=paper, env=env, capture_output=True, text=True, timeout=900)


def test_a_failed_build_leaves_the_previous_site_in_place(tmp_path):
    project = tmp_path / "paper"
    publish(PAPER, project)  # a paper's folder, as a clerk keeps it: no git, nothing of the tool
    good = committee_paper_build(project)
    assert good.returncode == 0, good.stdout + good.stderr
    before = digest(project / "site")

    papers = project / "docs" / "background-papers.md"
    papers.write_text(papers.read_text(encoding="utf-8").replace("| Sept 2030 |", "| Sept 2031 |"), encoding="utf-8")
    bad = committee_paper_build(project)
    assert bad.returncode != 0
    assert "docs/background-papers.md:14: date 'Sept 2031' of paper 1 is after the meeting" in bad.stdout + bad.stderr
    assert digest(project / "site") == before
    assert sorted(path.name for path in project.iterdir() if path.name.startswith(".site")) == []


def test_site_url_adds_canonical_links_and_full_sitemap_urls(tmp_path, monkeypatch, site):
    base = "https://www.example.gov.uk/committees/this-paper/"
    page = nav_files()[1].replace(".md", ".html")
    monkeypatch.setenv("SITE_URL", base)
    published = run_build(PAPER / "mkdocs.yml", tmp_path / "site", pdf=False)
    assert published.returncode == 0, published.output
    assert soup(published.site / page).find("link", rel="canonical")["href"] == base + page
    locations = sitemap_locations(published.site)
    assert len(locations) >= len(nav_files()) and all(loc.startswith(base) for loc in locations), locations
    # Unset (the default build): no canonical link and no URL in the sitemap.
    assert soup(site / "index.html").find("link", rel="canonical") is None
    assert sitemap_locations(site) == []


def sitemap_locations(site: Path) -> list[str]:
    return [
        loc.text
        for loc in ElementTree.parse(site / "sitemap.xml").iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
    ]
