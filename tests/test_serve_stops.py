"""`committee-paper serve` stopped as a service manager stops it (SIGTERM to its process) leaves no nginx running."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from made_up_paper import build, made_up_paper

SERVE = "import sys; from pathlib import Path; from committee_paper.server.serve import main; main(Path(sys.argv[1]), int(sys.argv[2]))"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def nginx_processes(parent: int | None = None) -> dict[int, str]:
    """Running nginx processes (zombies have no command line), by pid: their command line."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue  # gone meanwhile
        # Between fork and exec a child still has its parent's command line: only nginx's own has " -p ".
        if "nginx" in command and " -p " in command and (parent is None or ppid == parent):
            found[int(entry.name)] = command
    return found


def test_sigterm_stops_nginx_too(tmp_path: Path) -> None:
    built = build(made_up_paper(tmp_path), pdf=False)
    assert built.returncode == 0, built.output
    port = free_port()
    env = {key: value for key, value in os.environ.items() if key != "SITE_URL"}
    server = subprocess.Popen(
        [sys.executable, "-c", SERVE, str(built.site), str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own group: only the signal below reaches it
    )
    folder = None
    try:
        deadline = time.monotonic() + 30
        while not (started := nginx_processes(server.pid)):
            assert server.poll() is None and time.monotonic() < deadline, "nginx did not start"
            time.sleep(0.1)
        [command] = started.values()
        folder = command.split(" -p ", 1)[1].split()[0]  # its configuration folder, under the temporary folder
        while socket.socket().connect_ex(("127.0.0.1", port)) != 0:
            assert time.monotonic() < deadline, "nginx did not listen"
            time.sleep(0.1)

        server.send_signal(signal.SIGTERM)  # to the Python process only, not its group
        server.wait(timeout=15)
        deadline = time.monotonic() + 10
        while remaining := {pid: line for pid, line in nginx_processes().items() if folder in line}:
            if time.monotonic() > deadline:
                break
            time.sleep(0.1)
        assert remaining == {}, f"nginx still running after its server got SIGTERM: {remaining}"
    finally:
        for pid, line in nginx_processes().items():
            if folder is not None and folder in line:
                os.kill(pid, signal.SIGTERM)  # what this test started, if the fix failed
        if server.poll() is None:
            server.kill()
