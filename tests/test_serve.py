"""`committee-paper serve` (committee_paper.server.serve, which scripts/serve runs): one command serves the built site with nginx under SITE_URL's path,
refuses a site built for another path, and PUBLISHING-SERVER.md shows the configuration as it is."""

from __future__ import annotations

import http.client
import os
import re
import signal
import subprocess
import time
from pathlib import Path

import pytest

from committee_paper.server.serve import ServeError, check_site, free_port, site_path
from conftest import COMMAND, PAPER, ROOT
from publishing import publish

GUIDE = ROOT / "PUBLISHING-SERVER.md"
GUIDE_PATH = "/committees/2014-12-05/"  # the guide's worked example


@pytest.mark.parametrize(
    "site_url, path",
    [
        (None, "/"),
        ("", "/"),
        ("https://www.example.gov.uk/", "/"),
        ("https://www.example.gov.uk/committees/a", "/committees/a/"),
        ("http://127.0.0.1:8000/x/y/", "/x/y/"),
    ],
)
def test_the_path_is_site_urls(site_url, path):
    assert site_path(site_url) == path


def made_up_site(where: Path, built_for: str) -> Path:
    where.mkdir()
    (where / "index.html").write_text("<title>Home</title>", encoding="utf-8")
    (where / "404.html").write_text(
        f'<link rel="stylesheet" href="{built_for}assets/stylesheets/main.0123abcd.min.css">', encoding="utf-8"
    )
    return where


def test_a_site_built_for_another_path_is_refused_with_what_to_do(tmp_path):
    site = made_up_site(tmp_path / "site", "/")
    check_site(site, "/")
    with pytest.raises(ServeError) as refused:
        check_site(site, "/committees/a/")
    assert str(refused.value) == (
        f"{site} was built for the path /, not /committees/a/: its 404 page's links would not work. "
        "Build and serve with the same SITE_URL, whose path is /committees/a/ "
        "(SITE_URL=https://www.example.gov.uk/committees/a/ scripts/build, then scripts/serve)"
    )


def test_no_built_site_says_to_build_first(tmp_path):
    with pytest.raises(ServeError, match=r"no built site \(index.html, 404.html\); run scripts/build first"):
        check_site(tmp_path, "/")


def paper_with(site: Path, where: Path) -> Path:
    """A paper's folder whose site/ is ``site``."""
    publish(PAPER, where)
    (where / "site").symlink_to(site)
    return where


def get_when_listening(port: int, path: str, **headers: str) -> tuple[http.client.HTTPResponse, bytes]:
    deadline = time.monotonic() + 15
    while True:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            return response, response.read()
        except ConnectionRefusedError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def test_committee_paper_serve_serves_the_site_in_the_foreground_until_interrupted(site, tmp_path):
    project, port = paper_with(site, tmp_path / "paper"), free_port()
    env = {key: value for key, value in os.environ.items() if key != "SITE_URL"}
    server = subprocess.Popen(
        [COMMAND, "serve", str(port)],
        cwd=project,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        assert (
            server.stdout.readline()
            == f"Serving {project / 'site'} at http://127.0.0.1:{port}/ with nginx (Ctrl-C stops it)\n"
        )
        response, body = get_when_listening(port, "/index.html", **{"Accept-Encoding": "br"})
        assert (response.status, response.getheader("Content-Encoding")) == (200, "br")
        assert body == (site / "index.html.br").read_bytes()
        assert "default-src 'self'" in response.getheader("Content-Security-Policy")
    finally:
        os.killpg(server.pid, signal.SIGINT)  # Ctrl-C reaches the whole foreground group
        server.wait(timeout=15)
    assert server.returncode == 0
    assert re.search(r'"GET /index.html HTTP/1.1" 200', server.stdout.read()), "each request logged"


def test_committee_paper_serve_refuses_a_site_built_for_another_path(site, tmp_path):
    project = paper_with(site, tmp_path / "paper")
    env = {**os.environ, "SITE_URL": "https://www.example.gov.uk/committees/a/"}
    refused = subprocess.run([COMMAND, "serve"], cwd=project, env=env, capture_output=True, text=True, timeout=60)
    assert refused.returncode == 1
    assert refused.stderr.startswith(
        f"committee-paper serve: {project / 'site'} was built for the path /, not /committees/a/"
    )


def test_the_guide_shows_the_configuration_as_it_is():
    shown = re.search(
        r"<!-- committee-paper.conf -->\n```nginx\n(.*?)```", GUIDE.read_text(encoding="utf-8"), re.DOTALL
    )
    assert shown is not None, "PUBLISHING-SERVER.md: the worked example follows <!-- committee-paper.conf -->"
    assert shown[1] == (ROOT / "hooks" / "committee_paper" / "server" / "committee-paper.conf").read_text(
        encoding="utf-8"
    ).replace("@PATH@", GUIDE_PATH)
