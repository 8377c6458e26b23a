"""The site's text files compressed once at build time, for a server to send as they are.

Knows nothing of MkDocs. Beside each text file (HTML, CSS, JS, JSON, XML, SVG) go
``name.gz`` and ``name.br``, which nginx's ``gzip_static`` and ``brotli_static`` send
to browsers that accept them, so no CPU is spent per request. The same file gives
the same bytes every build: the gzip header carries no file name and a zero
modification time, and brotli's output depends only on its input and settings. A
compressed copy no smaller than its file is not written: the server then sends the file.
"""

from __future__ import annotations

import gzip
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import brotli

TEXT_SUFFIXES = frozenset({".html", ".css", ".js", ".json", ".xml", ".svg"})
COMPRESSED_SUFFIXES = frozenset({".gz", ".br"})
GZIP_LEVEL = 9  # written once, read by every visitor: the smallest zlib gives, for 0.2 CPU s a build
# Not 11: for this site 10 gives a first view of 77.4 KB against 75.7 KB, for 1.2 CPU s a build against 2.8.
BROTLI_QUALITY = 10


def is_compressed_copy(name: str) -> bool:
    """Whether a site file is a compressed copy (``.gz``, ``.br``): served, but not part of the site's zip."""
    return os.path.splitext(name)[1] in COMPRESSED_SUFFIXES


def compressed_copies(data: bytes) -> dict[str, bytes]:
    """``data`` gzipped and brotli-compressed, by suffix; only the copies smaller than ``data``."""
    copies = {
        ".gz": gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0),
        ".br": brotli.compress(data, quality=BROTLI_QUALITY),
    }
    return {suffix: copy for suffix, copy in copies.items() if len(copy) < len(data)}


def text_files(site: Path) -> list[Path]:
    return sorted(path for path in site.rglob("*") if path.is_file() and path.suffix in TEXT_SUFFIXES)


def write_compressed_copies(site: Path) -> int:
    """Write each text file's compressed copies beside it; the number of copies written.

    Brotli is the slow part and releases the GIL, so files are compressed on every core.
    """

    def write(path: Path) -> int:
        copies = compressed_copies(path.read_bytes())
        for suffix, copy in copies.items():
            path.with_name(path.name + suffix).write_bytes(copy)
        return len(copies)

    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        return sum(pool.map(write, text_files(site)))
