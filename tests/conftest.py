"""Shared fixtures: the Cozmox emulator as a real server process.

``emulator`` (function scope) is one session-wide ``cozmox-emulator`` process on a free port
with an in-memory database, reset (``POST /__emulator/reset``) before each test and seeded with
the assistants, phone numbers and workflows the tests, examples and ``campaign-full.json`` name
(``tests/data/objects.json``, ``POST /__emulator/objects``: a create's preview reads them). It gives
``.base_url``, ``.api_key``, ``.control`` (an ``httpx.Client`` on ``<base>/__emulator/``) and
``.api()`` (an ``httpx.Client`` on the API with the bearer key) and ``.clock(**move)`` (freeze,
set or advance the emulator's clock: docs/emulator.md, "The clock").

``start_emulator(*args)`` starts a separate process (for restarts, other keys, settings; seeded
with the same objects through ``--objects`` unless ``args`` give their own); the caller stops it
with ``.stop()`` (the fixture also stops whatever is left at the end).

The tests import the package installed in ``.venv`` (what users get, and what the CLI's
programs and plugins load), not ``provider/``: a session whose installed copy differs from the
sources stops at once, saying to run ``make setup``.
"""

from __future__ import annotations

import importlib.util
import json
import os
import queue
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import IO, Any

import httpx
import pytest

REPO = Path(__file__).resolve().parents[1]
#: Where the installed package's files come from (pyproject.toml's package-dir), and which of
#: them an install copies (its packages' modules and package data).
SOURCES = {"": REPO / "provider" / "pulumi_cozmox", "schemas": REPO / "schema"}
INSTALLED_FILES = ("*.py", "*.json", "py.typed")

DEFAULT_API_KEY = "sk-cozmox-local"
#: The assistants, phone numbers and workflows every id the tests and examples name.
OBJECTS = REPO / "tests" / "data" / "objects.json"
LISTENING = "Cozmox emulator listening on "
START_TIMEOUT = 30.0


@dataclass
class Emulator:
    """A running emulator process."""

    base_url: str
    api_key: str
    control: httpx.Client
    process: subprocess.Popen[str]
    args: tuple[str, ...] = ()
    _stderr: IO[str] | None = field(default=None, repr=False)

    def api(self, api_key: str | None = None, **kwargs: object) -> httpx.Client:
        """An API client (bearer ``api_key``, default this emulator's key)."""
        key = self.api_key if api_key is None else api_key
        return httpx.Client(
            base_url=self.base_url,
            headers={"Authorization": f"Bearer {key}"},
            timeout=kwargs.pop("timeout", 60.0),  # type: ignore[arg-type]
            **kwargs,  # type: ignore[arg-type]
        )

    def clock(self, **move: Any) -> dict[str, Any]:
        """``POST /__emulator/clock`` with ``move`` (``freeze=True``, ``set=ISO``,
        ``advance="PT1H"``...): the clock after it. A test that counts calls freezes it."""
        answer = self.control.post("clock", json=move)
        answer.raise_for_status()
        clock: dict[str, Any] = answer.json()
        return clock

    def stored(self, campaign_id: str) -> dict[str, Any] | None:
        """The campaign as the API holds it now (``GET /campaign/{id}``), None when it has none
        (deleted): what a removal kept or deleted, whichever tier removed it."""
        with self.api() as api:
            answer = api.get(f"/campaign/{campaign_id}")
        if answer.status_code == 404:
            return None
        answer.raise_for_status()
        found: dict[str, Any] = answer.json()
        return found

    def move_clock_to(self, start: str, seconds: float) -> None:
        """The clock to ``seconds`` after ``start`` (ISO; UTC when it names no offset): its
        campaigns follow (a window opens, calls are placed)."""
        begin = datetime.fromisoformat(start.replace("Z", "+00:00"))
        if begin.tzinfo is None:
            begin = begin.replace(tzinfo=timezone.utc)
        now = datetime.fromisoformat(self.control.get("clock").json()["now"].replace("Z", "+00:00"))
        self.clock(advanceSeconds=(begin - now).total_seconds() + seconds)

    def stderr(self) -> str:
        if self._stderr is None:
            return ""
        self._stderr.flush()
        self._stderr.seek(0)
        return self._stderr.read()

    def stop(self) -> None:
        self.control.close()
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        if self.process.stdout is not None:
            self.process.stdout.close()
        if self._stderr is not None:
            self._stderr.close()
            self._stderr = None


def start_emulator(*args: str, api_key: str = DEFAULT_API_KEY) -> Emulator:
    """Start ``python -m pulumi_cozmox.emulator --port 0 ARGS`` and wait until it listens."""
    stderr = tempfile.TemporaryFile(mode="w+", encoding="utf-8")  # noqa: SIM115
    seeded = () if "--objects" in args else ("--objects", str(OBJECTS))
    cmd = [sys.executable, "-m", "pulumi_cozmox.emulator", "--port", "0", *seeded, *args]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=stderr, text=True, env=env, cwd=Path(__file__).parent
    )
    lines: queue.Queue[str] = queue.Queue()

    def pump() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            lines.put(line)
        lines.put("")

    threading.Thread(target=pump, daemon=True).start()
    try:
        while True:
            line = lines.get(timeout=START_TIMEOUT)
            if line.startswith(LISTENING):
                break
            if line == "":
                raise RuntimeError("the emulator exited before listening")
    except (queue.Empty, RuntimeError) as exc:
        process.kill()
        process.wait()
        stderr.seek(0)
        raise RuntimeError(f"emulator did not start ({exc!r}): {stderr.read()}") from None
    base_url = line[len(LISTENING) :].strip()
    control = httpx.Client(base_url=f"{base_url}/__emulator/", timeout=30.0)
    return Emulator(base_url, api_key, control, process, tuple(args), stderr)


def package_files(root: Path, skip: str | None = None) -> dict[str, bytes]:
    """``relative path -> content`` of the files an install copies from (or to) ``root``."""
    found: dict[str, bytes] = {}
    for pattern in INSTALLED_FILES:
        for path in root.rglob(pattern):
            relative = path.relative_to(root)
            if "__pycache__" in relative.parts or (skip and relative.parts[0] == skip):
                continue
            found[relative.as_posix()] = path.read_bytes()
    return found


def installed_package() -> Path | None:
    """The folder of the ``pulumi_cozmox`` that imports find (not imported here)."""
    spec = importlib.util.find_spec("pulumi_cozmox")
    return None if spec is None or spec.origin is None else Path(spec.origin).parent


def stale_install(installed: Path | None, sources: dict[str, Path] = SOURCES) -> str | None:
    """Why the package ``installed`` is not a copy of ``sources`` (a file that differs, is
    missing or is extra, named by its source path), or None when it is."""
    if installed is None:
        return "pulumi_cozmox is not installed"
    for sub, source in sources.items():
        have = package_files(installed / sub, skip=None if sub else "schemas")
        want = package_files(source)
        for name in sorted(have.keys() ^ want.keys()):
            where = "installed only" if name in have else "not installed"
            return f"{source.name}/{name} is {where}"
        for name in sorted(want):
            if want[name] != have[name]:
                return f"{source.name}/{name} differs from its installed copy"
    return None


def pytest_sessionstart(session: pytest.Session) -> None:
    """Stop before running the old code: the tests run the copy installed in .venv."""
    why = stale_install(installed_package())
    if why is not None:
        pytest.exit(f"the installed pulumi_cozmox is stale ({why}): run make setup", returncode=3)


@pytest.fixture(autouse=True)
def _fresh_provider_process() -> Iterator[None]:
    """Each test's dynamic provider starts as a new process's would: the run's service (its
    client, rules and guard, and what the run learnt) is one per process, not one per test."""
    from pulumi_cozmox import provider

    provider._runs.clear()
    yield
    provider._runs.clear()


@pytest.fixture(scope="session")
def emulator_process() -> Iterator[Emulator]:
    emu = start_emulator("--db", ":memory:")
    yield emu
    emu.stop()


@pytest.fixture
def emulator(emulator_process: Emulator) -> Emulator:
    """The session's emulator, reset: no campaigns, faults, journal entries or clock offset;
    the objects of ``OBJECTS`` seeded in the default org."""
    if emulator_process.process.poll() is not None:
        pytest.fail(f"the emulator process died: {emulator_process.stderr()}")
    emulator_process.control.post("reset").raise_for_status()
    seed_objects(emulator_process)
    return emulator_process


def seed_objects(emu: Emulator, org: str | None = None) -> None:
    """Seed ``emu`` (``org``: the default org when None) with the objects of ``OBJECTS``."""
    seed = json.loads(OBJECTS.read_text(encoding="utf-8"))
    if org is not None:
        seed["orgId"] = org
    emu.control.post("objects", json=seed).raise_for_status()


@pytest.fixture
def start_emulator_process() -> Iterator[Callable[..., Emulator]]:
    """``start(*args)`` -> a separate emulator; every one still running is stopped after."""
    started: list[Emulator] = []

    def start(*args: str, api_key: str = DEFAULT_API_KEY) -> Emulator:
        emu = start_emulator(*args, api_key=api_key)
        started.append(emu)
        return emu

    yield start
    for emu in started:
        emu.stop()
