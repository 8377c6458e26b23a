"""Compressed copies for the server (committee_paper/precompress.py): beside every text file, the same bytes every build, never in the zip."""

import gzip
import zipfile

import brotli

from committee_paper.precompress import TEXT_SUFFIXES, compressed_copies, is_compressed_copy, write_compressed_copies

TEXT = ("<p>The same paragraph, said again and again.</p>\n" * 40).encode()


def test_copies_decompress_to_the_file():
    copies = compressed_copies(TEXT)
    assert sorted(copies) == [".br", ".gz"]
    assert gzip.decompress(copies[".gz"]) == TEXT
    assert brotli.decompress(copies[".br"]) == TEXT


def test_the_gzip_header_names_no_file_and_no_time_so_copies_are_the_same_every_time():
    copy = compressed_copies(TEXT)[".gz"]
    flags, mtime = copy[3], int.from_bytes(copy[4:8], "little")
    assert flags & 0x08 == 0, "no file name"
    assert mtime == 0
    assert compressed_copies(TEXT) == compressed_copies(bytes(TEXT))


def test_a_copy_no_smaller_than_its_file_is_left_out():
    assert compressed_copies(b"{}") == {}


def test_only_text_files_get_copies(tmp_path):
    (tmp_path / "search").mkdir()
    for name in ["index.html", "search/index.json", "paper.pdf", "tiny.css"]:
        (tmp_path / name).write_bytes(b"x" if name == "tiny.css" else TEXT)
    assert write_compressed_copies(tmp_path) == 4
    written = sorted(
        path.relative_to(tmp_path).as_posix() for path in tmp_path.rglob("*") if is_compressed_copy(path.name)
    )
    assert written == ["index.html.br", "index.html.gz", "search/index.json.br", "search/index.json.gz"]


def test_every_text_file_of_the_built_site_has_its_copies_and_the_zip_has_none(site):
    texts = [path for path in site.rglob("*") if path.is_file() and path.suffix in TEXT_SUFFIXES]
    assert {path.suffix for path in texts} >= {".html", ".css", ".js", ".json", ".xml"}
    for path in texts:
        data = path.read_bytes()
        gz, br = path.with_name(path.name + ".gz"), path.with_name(path.name + ".br")
        if len(data) > 1000:
            assert gz.is_file() and br.is_file(), path
        if gz.is_file():
            assert gzip.decompress(gz.read_bytes()) == data, gz
        if br.is_file():
            assert brotli.decompress(br.read_bytes()) == data, br
    assert all(
        path.with_suffix("").suffix in TEXT_SUFFIXES for path in site.rglob("*") if is_compressed_copy(path.name)
    )
    (archive,) = site.glob("*.zip")
    assert not [name for name in zipfile.ZipFile(archive).namelist() if is_compressed_copy(name)]
