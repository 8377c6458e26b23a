"""The built site as one zip file: the same bytes from the same files, and its own size on its cover.

Knows nothing of MkDocs. Entries are in sorted order under one folder, each
dated from one timestamp (SOURCE_DATE_EPOCH), with fixed permissions and
compression, so the same files give the same zip. The pages that show the zip's
size carry a marker; the size is the zip's own, which depends on the text that
shows it. Those pages are stored uncompressed, so the zip grows by exactly the
bytes the text adds: the size is then found by arithmetic, not by guessing.
"""

from __future__ import annotations

import datetime
import io
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

from committee_paper.outputs.precompress import is_compressed_copy

DEFLATE_LEVEL = 6  # zlib's default: level 9 took four times the CPU (1.6 s against 0.4 s for this site) for little gain
FILE_MODE = 0o100644  # a regular file, readable by all
UNIX = 3  # "made on": fixes the meaning of the mode bits
EARLIEST = (1980, 1, 1, 0, 0, 0)  # zip dates start in 1980


def size_label(size_bytes: int) -> str:
    """What a download link says about a file's size: "812 KB", "1.2 MB"."""
    if size_bytes < 1000 * 1024:
        return f"{max(1, round(size_bytes / 1024))} KB"
    return f"{size_bytes / 1024 / 1024:.1f} MB"


def zip_date(epoch: int) -> tuple[int, int, int, int, int, int]:
    moment = datetime.datetime.fromtimestamp(epoch, tz=datetime.UTC).timetuple()[:6]
    return max(moment, EARLIEST)


def site_files(site: Path, leave_out: Path) -> dict[str, bytes]:
    """Every file of the site, by its path in the site, in sorted order; never ``leave_out`` (the zip itself)
    nor a compressed copy (a server's business: unzipped, the site is read from disk)."""
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*"), key=lambda path: path.relative_to(site).as_posix())
        if path.is_file() and path.resolve() != leave_out.resolve() and not is_compressed_copy(path.name)
    }


def deflated(data: bytes) -> bytes:
    """``data`` compressed exactly as zipfile compresses an entry (raw DEFLATE, ``DEFLATE_LEVEL``)."""
    compressor = zlib.compressobj(DEFLATE_LEVEL, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush()


def zip_bytes(
    files: dict[str, bytes], folder: str, epoch: int, stored: set[str], compressed: dict[str, bytes]
) -> bytes:
    """The files zipped under ``folder``, in the given order; those named in ``stored`` uncompressed,
    the others from ``compressed`` (their ``deflated`` bytes, made once for both zips below).

    zipfile cannot take bytes already compressed: each is written as stored, then its entry is
    told the truth (DEFLATE, the uncompressed size and checksum) and its local header written
    again, the same length, before zipfile writes the directory from the entries.
    """
    buffer = io.BytesIO()
    date = zip_date(epoch)
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            info = zipfile.ZipInfo(f"{folder}/{name}", date)
            info.external_attr = FILE_MODE << 16
            info.create_system = UNIX
            archive.writestr(info, data if name in stored else compressed[name], compress_type=zipfile.ZIP_STORED)
            if name not in stored:
                info.compress_type, info.file_size, info.CRC = zipfile.ZIP_DEFLATED, len(data), zlib.crc32(data)
                end = buffer.tell()
                buffer.seek(info.header_offset)
                buffer.write(info.FileHeader())
                buffer.seek(end)
    return buffer.getvalue()


def zip_with_own_size(
    files: dict[str, bytes], folder: str, epoch: int, marker: bytes, label: Callable[[int], str]
) -> tuple[bytes, dict[str, bytes], str]:
    """The zip whose pages show its own size in place of ``marker``.

    ``label(size)`` is the text shown. Returns the zip, the files with the marker
    replaced (to write back into the site) and the text. Pages holding the marker
    are stored, so a text n bytes longer makes the zip n bytes bigger per marker:
    starting from the size with no text, the size is recomputed until the text
    no longer changes, which it stops doing as soon as the text's length does.
    """
    marked = {name for name, data in files.items() if marker in data}
    markers = sum(files[name].count(marker) for name in marked)
    compressed = {name: deflated(data) for name, data in files.items() if name not in marked}
    base = len(zip_bytes(files, folder, epoch, marked, compressed)) - markers * len(marker)
    text, seen = label(base), set()
    while text not in seen:
        seen.add(text)
        text = label(base + markers * len(text.encode()))
    final = {name: data.replace(marker, text.encode()) if name in marked else data for name, data in files.items()}
    archive = zip_bytes(final, folder, epoch, marked, compressed)
    return archive, {name: final[name] for name in marked}, text
