"""The built site as one zip file: the same bytes from the same files.

Knows nothing of MkDocs. Entries are in sorted order under one folder, each
dated from one timestamp (SOURCE_DATE_EPOCH), with fixed permissions and
compression, so the same files give the same zip.
"""

from __future__ import annotations

import datetime
import io
import zipfile
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


def zip_bytes(files: dict[str, bytes], folder: str, epoch: int) -> bytes:
    """The files zipped under ``folder``, in the given order."""
    buffer = io.BytesIO()
    date = zip_date(epoch)
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            info = zipfile.ZipInfo(f"{folder}/{name}", date)
            info.external_attr = FILE_MODE << 16
            info.create_system = UNIX
            archive.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=DEFLATE_LEVEL)
    return buffer.getvalue()
