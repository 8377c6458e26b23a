"""The whole site as one zip (committee_paper/stages/zipping.py): all of it, only it, the same bytes every build, its size told truly."""

import calendar
import io
import re
import time
import zipfile
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from committee_paper.outputs.site_zip import size_label
from conftest import PAPER, mkdocs_settings, run_build, soup

CONFIG = yaml.load((PAPER / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)
from test_pdf import PDF_NAME  # noqa: E402  (named from the meeting)

MEETING = CONFIG["extra"]["meeting"]
ZIP_NAME = f"{Path(PDF_NAME).stem}-website.zip"  # the PDF's name, from the meeting: pdf/<committee>-<date>.pdf
FOLDER = Path(ZIP_NAME).stem
MEETING_DATE = mkdocs_settings()["extra"]["meeting"]["date"]
EPOCH = str(calendar.timegm(MEETING_DATE.timetuple()))  # the meeting's day, 00:00:00 UTC


def zip_link(page) -> tuple[str, str]:
    link = soup(page).find("a", type="application/zip")
    return link["href"], link.get_text()


def test_the_zip_holds_every_file_of_the_site_byte_for_byte_and_not_itself(site):
    """Every file but the cover, which in the zip is the offline copy's own."""
    archive = zipfile.ZipFile(site / ZIP_NAME)
    names = archive.namelist()
    files = sorted(
        path.relative_to(site).as_posix()
        for path in site.rglob("*")
        if path.is_file() and path.name != ZIP_NAME and path.suffix not in {".gz", ".br"}
    )
    assert names == [f"{FOLDER}/{name}" for name in files], (
        "every file once, in sorted order, under one folder, no compressed copy"
    )
    assert not any(name.endswith(".zip") for name in names)
    for name in files:
        if name != "index.html":
            assert archive.read(f"{FOLDER}/{name}") == (site / name).read_bytes(), name
    assert {"index.html", "whole-paper.html", "search/search_index.js", PDF_NAME} <= set(files)


def test_the_cover_links_the_zip_with_its_true_size(site):
    size = (site / ZIP_NAME).stat().st_size
    href, text = zip_link(site / "index.html")
    assert href == ZIP_NAME
    assert text == f"Download this website (ZIP, {size_label(size)})"
    assert re.fullmatch(r"Download this website \(ZIP, \d+(\.\d)? [KM]B\)", text)


def test_the_offline_copys_cover_says_what_it_is_and_links_the_pdf_inside_it(site):
    """Unzipped, the cover does not offer the zip it came from (issue 29): it says it is the offline copy."""
    archive = zipfile.ZipFile(site / ZIP_NAME)
    cover = BeautifulSoup(archive.read(f"{FOLDER}/index.html").decode("utf-8"), "html.parser")
    assert cover.find("a", type="application/zip") is None
    assert ZIP_NAME not in str(cover)
    assert "offline copy" in cover.get_text(" ")
    pdf_links = [link["href"] for link in cover.select("article a[href$='.pdf']")]
    assert pdf_links and all(f"{FOLDER}/{href}" in archive.namelist() for href in pdf_links), pdf_links


def test_only_the_cover_links_the_zip(site):
    linking = sorted(
        path.relative_to(site).as_posix()
        for path in site.rglob("*.html")
        if soup(path).find("a", type="application/zip")
    )
    assert linking == ["index.html"]


def test_two_builds_give_the_same_zip_dated_from_source_date_epoch(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    first = run_build(PAPER / "mkdocs.yml", tmp_path / "one")
    time.sleep(2.1)  # a zip dates entries to 2 s: the second build's files are written at another zip time
    second = run_build(PAPER / "mkdocs.yml", tmp_path / "two")
    assert first.returncode == second.returncode == 0, first.output + second.output
    one, two = (first.site / ZIP_NAME).read_bytes(), (second.site / ZIP_NAME).read_bytes()
    assert one == two
    dates = {info.date_time for info in zipfile.ZipFile(io.BytesIO(one)).infolist()}
    assert dates == {(MEETING_DATE.year, MEETING_DATE.month, MEETING_DATE.day, 0, 0, 0)}


def test_a_bad_source_date_epoch_stops_the_build_with_a_message(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    build = run_build(PAPER / "mkdocs.yml", tmp_path / "site", pdf=False)
    assert build.returncode != 0
    assert "SOURCE_DATE_EPOCH is 'yesterday'; set it to a whole number of seconds since 1970" in build.output
    assert "Traceback" not in build.output


def test_a_preview_without_the_pdf_makes_no_zip_and_no_link_to_it(tmp_path):
    build = run_build(PAPER / "mkdocs.yml", tmp_path / "site", pdf=False)
    assert build.returncode == 0, build.output
    assert not list(build.site.rglob("*.zip"))
    assert soup(build.site / "index.html").find("a", type="application/zip") is None


def test_the_zip_is_named_after_the_meeting(site):
    assert re.fullmatch(rf"[a-z0-9]+(-[a-z0-9]+)*-{MEETING_DATE:%Y-%m-%d}-website\.zip", ZIP_NAME), ZIP_NAME
    assert ZIP_NAME.startswith("-".join(re.findall(r"[a-z0-9]+", MEETING["committee"].lower())))
    assert (site / ZIP_NAME).is_file()


@pytest.mark.parametrize(
    "size, label",
    [
        (0, "1 KB"),
        (800, "1 KB"),
        (99_840, "98 KB"),
        (1_023_999, "1000 KB"),
        (1_024_000, "1.0 MB"),
        (1_288_490, "1.2 MB"),
    ],
)
def test_size_label(size, label):
    assert size_label(size) == label
