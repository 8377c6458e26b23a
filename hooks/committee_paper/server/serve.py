"""Serve the built site with Debian's nginx under the path of SITE_URL, as a council's server would.

`scripts/serve [PORT]` runs `main`; the browser tests start the same server with `running`.
The configuration (nginx.conf around committee-paper.conf) is rendered into a temporary
folder, which also holds the link to the site, the pid file and nginx's temporary files:
nothing outside it is written and no root-only path is needed.
"""

from __future__ import annotations

import ctypes
import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
NGINX = "/usr/sbin/nginx"
DEFAULT_PORT = 8000
STARTUP_SECONDS = 10
PR_SET_PDEATHSIG = 1  # prctl(2)


class ServeError(Exception):
    """Why the site cannot be served, and what to do."""


def site_path(site_url: str | None) -> str:
    """The path the site is published under: SITE_URL's, "/" when unset."""
    path = urlsplit(site_url or "").path or "/"
    return path if path.endswith("/") else path + "/"


def built_path(site: Path) -> str:
    """The path the site was built for: MkDocs roots 404.html's links at SITE_URL's path."""
    found = re.search(r'href="([^"]*)assets/stylesheets/main\.', (site / "404.html").read_text(encoding="utf-8"))
    if found is None:
        raise ServeError(f"{site / '404.html'}: no link to Material's stylesheet; rebuild the site with scripts/build")
    return found[1]


def check_site(site: Path, path: str) -> None:
    if not (site / "index.html").is_file() or not (site / "404.html").is_file():
        raise ServeError(f"{site}: no built site (index.html, 404.html); run scripts/build first")
    built = built_path(site)
    if built != path:
        raise ServeError(
            f"{site} was built for the path {built}, not {path}: its 404 page's links would not work. "
            f"Build and serve with the same SITE_URL, whose path is {path} (SITE_URL=https://www.example.gov.uk{path} "
            "scripts/build, then scripts/serve)"
        )


def render(folder: Path, site: Path, path: str, port: int, access_log: str) -> Path:
    """Write nginx.conf and committee-paper.conf for ``path`` into ``folder`` with ``site`` linked at root``path``."""
    location = (HERE / "committee-paper.conf").read_text(encoding="utf-8").replace("@PATH@", path)
    (folder / "committee-paper.conf").write_text(location, encoding="utf-8")
    # Started as root (a container), the workers would otherwise run as nobody, who may not read site/.
    user = f"user {pwd.getpwuid(os.geteuid()).pw_name};" if os.geteuid() == 0 else ""
    settings = {"@PORT@": str(port), "@PATH@": path, "@USER@": user, "@ACCESS_LOG@": access_log}
    main = (HERE / "nginx.conf").read_text(encoding="utf-8")
    for placeholder, value in settings.items():
        main = main.replace(placeholder, value)
    (folder / "nginx.conf").write_text(main, encoding="utf-8")
    link = folder / "root" / path.strip("/") if path != "/" else folder / "root"
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(site.resolve(), target_is_directory=True)
    return folder / "nginx.conf"


def command(folder: Path, error_log: str) -> list[str]:
    if not shutil.which(NGINX):
        raise ServeError(
            f"{NGINX}: not installed; run scripts/serve or scripts/test, "
            "which install Debian's nginx and libnginx-mod-http-brotli-static"
        )
    return [NGINX, "-p", f"{folder}/", "-c", str(folder / "nginx.conf"), "-e", error_log]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def stop_with_parent() -> None:
    """In the child, before nginx starts: Linux sends it SIGTERM when the process that started it dies,
    so a test run that is killed leaves no nginx behind."""
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def wait_until_listening(process: subprocess.Popen[bytes], port: int, error_log: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise ServeError(
                f"nginx stopped at start: {error_log.read_text(errors='replace').strip() if error_log.exists() else ''}"
            )
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    raise ServeError(f"nginx did not answer on 127.0.0.1:{port} within {STARTUP_SECONDS} s")


@contextmanager
def configured(site: Path, path: str, port: int, access_log: str) -> Iterator[Path]:
    """A temporary folder holding nginx's configuration for ``site`` and everything nginx writes; removed on leaving."""
    check_site(site, path)
    with tempfile.TemporaryDirectory(prefix="committee-paper-nginx.") as temporary:
        folder = Path(temporary)
        folder.chmod(0o755)  # the workers read the site through the link in it
        render(folder, site, path, port, access_log)
        yield folder


@contextmanager
def running(site: Path, path: str = "/") -> Iterator[str]:
    """nginx serving ``site`` under ``path`` on a free port, stopped on leaving; yields the site's URL."""
    port = free_port()
    with configured(site, path, port, "off") as folder:
        error_log = folder / "error.log"  # a file, not a pipe nobody reads while the tests run
        process = subprocess.Popen(
            command(folder, str(error_log)),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
            preexec_fn=stop_with_parent,  # one call into libc between fork and exec
        )
        try:
            wait_until_listening(process, port, error_log)
            yield f"http://127.0.0.1:{port}{path}"
        finally:
            process.terminate()  # SIGTERM: nginx's fast shutdown
            process.wait(timeout=10)


def main(site: Path, port: int = DEFAULT_PORT) -> int:
    """`committee-paper serve [PORT]`: nginx in the foreground until Ctrl-C, logging each request."""
    path = site_path(os.environ.get("SITE_URL"))
    try:
        with configured(site, path, port, "/dev/stdout") as folder:
            print(f"Serving {site} at http://127.0.0.1:{port}{path} with nginx (Ctrl-C stops it)", flush=True)
            # nginx stops with this process, however it is stopped (a service manager sends SIGTERM).
            return subprocess.run(command(folder, "stderr"), preexec_fn=stop_with_parent).returncode
    except ServeError as error:
        print(f"committee-paper serve: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
