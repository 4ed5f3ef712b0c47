"""A release of this tree, built once by ``make release``'s script, and a local host serving it.

The release is built in a throwaway git repository holding the files a release is made of
(this tree's, committed there: the script refuses a dirty tree and tags the commit), so the
tests neither tag this repository nor need its changes committed. The result is cached by the
digest of those files under the system's temporary folder: every pytest-xdist worker (a
session each) and every later session with the same sources reuse one build, and a lock file
makes the others wait while one builds.
"""

from __future__ import annotations

import fcntl
import functools
import hashlib
import http.server
import os
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from pulumi_cozmox._version import __version__
from tests.e2e.pulumi_cli import REPO

#: What a release is built from (the rest of the repository does not reach its files).
SOURCES = (
    "provider",
    "schema",
    "sdk",
    "scripts/release.sh",
    "scripts/plugin-launcher.sh",
    "pyproject.toml",
    "constraints.txt",
    "README.md",
    "LICENSE",
    "CHANGELOG.md",
)


@dataclass(frozen=True)
class Release:
    """A built release: its dist/ folder and the git repository it was built (and tagged) in."""

    version: str
    dist: Path
    repo: Path

    @property
    def wheel(self) -> Path:
        return self.dist / f"pulumi_cozmox-{self.version}-py3-none-any.whl"

    @property
    def plugin(self) -> Path:
        return self.dist / f"pulumi-resource-cozmox-v{self.version}-linux-amd64.tar.gz"

    @property
    def requirements(self) -> Path:
        return self.dist / f"pulumi-cozmox-{self.version}-requirements.txt"


def _files() -> list[str]:
    """The release's source files: tracked or new, never ignored (git's view of the tree)."""
    listed = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard", "-z", "--", *SOURCES],
        cwd=REPO,
        capture_output=True,
        check=True,
    )
    names = [n for n in listed.stdout.decode().split("\0") if n]
    return sorted(n for n in names if (REPO / n).is_file())


def _digest(files: list[str]) -> str:
    sha = hashlib.sha256()
    for name in files:
        sha.update(name.encode() + b"\0" + (REPO / name).read_bytes() + b"\0")
    return sha.hexdigest()[:16]


def _git(*args: str, cwd: Path) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "release test",
        "GIT_AUTHOR_EMAIL": "release@test.invalid",
        "GIT_COMMITTER_NAME": "release test",
        "GIT_COMMITTER_EMAIL": "release@test.invalid",
    }
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)


def _build(files: list[str], place: Path) -> None:
    source = place / "repo"
    for name in files:
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / name, source / name)
    _git("init", "-q", "-b", "main", cwd=source)
    _git("add", "-A", cwd=source)
    _git("commit", "-qm", f"pulumi-cozmox {__version__}", cwd=source)
    env = {**os.environ, "PY": str(REPO / ".venv" / "bin" / "python")}
    proc = subprocess.run(
        ["scripts/release.sh", __version__],
        cwd=source,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert proc.returncode == 0, f"release failed:\n{proc.stdout}\n{proc.stderr}"
    (place / "built").write_text(proc.stdout)


@functools.cache
def build_release() -> Release:
    """This tree's release (built once per digest of its sources; see the module's doc)."""
    files = _files()
    place = Path(tempfile.gettempdir()) / "cozmox-release" / _digest(files)
    place.mkdir(parents=True, exist_ok=True)
    with (place / "lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (place / "built").exists():
            shutil.rmtree(place / "repo", ignore_errors=True)
            _build(files, place)
    return Release(__version__, place / "repo" / "dist", place / "repo")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        return  # keep the test's output for its own failures


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """``folder`` over HTTP on a free loopback port (a release host); yields its base URL."""
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
