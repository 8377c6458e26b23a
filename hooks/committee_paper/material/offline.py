"""What the site loads before its own scripts: nothing from another host."""

from __future__ import annotations

from urllib.parse import urlparse


def foreign_scripts(urls: list[str]) -> list[str]:
    """The URLs that a browser would fetch from another host (absolute or protocol-relative)."""
    return [url for url in urls if urlparse(url).scheme or url.startswith("//")]
