"""A throwaway PostgreSQL server on loopback, for the state backend teams share.

Pulumi's DIY backend keeps state in PostgreSQL with ``PULUMI_BACKEND_URL=postgres://...``
(CLI 3.274: ``pkg/backend/diy/postgres``; ``sslmode=disable`` for a local server). The server
comes from Debian's ``postgresql`` package (``.ci/run`` installs it when it is missing). initdb
and postgres refuse to run as root, so as root they run as the ``postgres`` user, in a folder
of their own under /tmp (pytest's own temporary folders are not theirs to enter).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

__all__ = ["postgres_bin", "throwaway_postgres"]

PASSWORD = "e2e-state-password"


def postgres_bin() -> Path:
    """The newest installed server's bin folder; AssertionError saying how to install one."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: p.parent)
    if not found:
        raise AssertionError(
            "no PostgreSQL server: apt-get install -y postgresql (.ci/run does it)"
        )
    return found[-1].parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def throwaway_postgres(database: str = "pulumi") -> Iterator[str]:
    """A server started for the block; yields the backend URL (password in it: a test's)."""
    binaries = postgres_bin()
    base = Path(tempfile.mkdtemp(prefix="cozmox-pg."))
    as_owner: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(base, "postgres", "postgres")
        as_owner = ["runuser", "-u", "postgres", "--"]
    password_file = base / "password"
    password_file.write_text(PASSWORD + "\n")
    password_file.chmod(0o644)
    data, port = base / "data", _free_port()

    def run(*argv: object) -> None:
        subprocess.run([*as_owner, *map(str, argv)], check=True, capture_output=True, timeout=120)

    run(
        binaries / "initdb", "-D", data, "-U", "pulumi", f"--pwfile={password_file}",
        "--auth=scram-sha-256", "-E", "UTF8", "--no-sync",
    )  # fmt: skip
    run(
        binaries / "pg_ctl", "-D", data, "-l", base / "server.log", "-w", "-t", "60", "-o",
        f"-c listen_addresses=127.0.0.1 -p {port} -k {base} -c fsync=off", "start",
    )  # fmt: skip
    try:
        subprocess.run(
            [binaries / "psql", "-h", "127.0.0.1", "-p", str(port), "-U", "pulumi", "-d",
             "postgres", "-qAt", "-c", f"CREATE DATABASE {database}"],
            check=True, capture_output=True, env={**os.environ, "PGPASSWORD": PASSWORD},
        )  # fmt: skip
        yield f"postgres://pulumi:{PASSWORD}@127.0.0.1:{port}/{database}?sslmode=disable"
    finally:
        with contextlib.suppress(subprocess.SubprocessError):
            run(binaries / "pg_ctl", "-D", data, "-m", "immediate", "-w", "stop")
        shutil.rmtree(base, ignore_errors=True)
