"""The emulator as a process: file persistence across restarts, command-line options and their
errors, the optional extra it needs, and concurrent clients."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from importlib import metadata
from pathlib import Path
from typing import Any

import httpx


def campaign(name: str) -> dict[str, Any]:
    return {
        "name": name,
        "phoneNumberId": "pn-1",
        "workflowId": "wf-1",
        "customers": [{"number": "+14155550100", "name": "Ada"}],
        "schedulePlan": {"earliestAt": "2099-01-01T00:00:00Z"},
    }


def test_a_file_database_survives_a_restart(tmp_path, start_emulator_process):
    db = tmp_path / "emulator.db"
    first = start_emulator_process("--db", str(db))
    with first.api() as api:
        created = api.post("/campaign", json=campaign("kept")).json()
        gone = api.post("/campaign", json=campaign("gone")).json()
        assert api.delete(f"/campaign/{gone['id']}").status_code == 200
    first.control.post("keys", json={"key": "sk-added", "orgId": "org-2"}).raise_for_status()
    first.clock(advanceSeconds=100)
    frozen = first.clock(freeze=True)["now"]  # about 100 s ahead of this machine, stopped
    first.stop()
    assert sqlite3.connect(db).execute("PRAGMA journal_mode").fetchone()[0] == "wal"

    assert first.process.poll() is not None  # what the second one serves comes from the file
    second = start_emulator_process("--db", str(db))
    with second.api() as api:
        assert api.get(f"/campaign/{created['id']}").json() == created
        assert api.get(f"/campaign/{gone['id']}").status_code == 404
        assert [c["id"] for c in api.get("/campaign").json()["results"]] == [created["id"]]
    with second.api("sk-added") as other:
        assert other.get("/campaign").json()["metadata"]["totalItems"] == 0
    clock = second.control.get("clock").json()
    assert (clock["now"], clock["frozen"]) == (frozen, True)  # the clock, stopped where it was


def test_keys_and_call_settings_from_the_command_line(start_emulator_process):
    emu = start_emulator_process(
        "--key",
        "sk-a=org-a",
        "--key",
        "sk-b",
        "--call-seconds",
        "5",
        "--call-concurrency",
        "1",
        api_key="sk-a",
    )
    assert emu.control.get("config").json() == {
        "callSeconds": 5.0,
        "concurrency": 1,
        "voicemailEvery": 10,
    }
    with emu.api() as a, emu.api("sk-b") as b, emu.api("sk-cozmox-local") as default:
        body = campaign("a")
        del body["schedulePlan"]
        created = a.post("/campaign", json=body).json()
        assert created["orgId"] == "org-a"
        assert b.post("/campaign", json=body).json()["orgId"] == "local-org"
        assert default.get("/campaign").status_code == 401  # replaced by --key
    emu.clock(advance="PT7.5S")
    with emu.api() as a:
        assert a.get(f"/campaign/{created['id']}").json()["status"] == "ended"


def test_help_and_bad_options():
    cmd = [sys.executable, "-m", "pulumi_cozmox.emulator"]
    shown = subprocess.run([*cmd, "--help"], capture_output=True, text=True, timeout=60)
    assert shown.returncode == 0 and "--call-seconds" in shown.stdout
    bad = subprocess.run([*cmd, "--call-seconds", "0"], capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2 and "--call-seconds" in bad.stderr


def test_port_in_use_fails_with_a_message(emulator):
    url = httpx.URL(emulator.base_url)
    result = subprocess.run(
        [sys.executable, "-m", "pulumi_cozmox.emulator", "--port", str(url.port)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"Cozmox emulator could not listen on {url.host}:{url.port}: the port is already in use"
        " (another emulator?); choose another with --port, or --port 0 for any free port"
    ]
    assert emulator.control.get("health").json() == {"ok": True}  # the first one is unharmed


def test_an_unknown_host_fails_with_a_message():
    result = subprocess.run(
        [sys.executable, "-m", "pulumi_cozmox.emulator", "--host", "no-such-host.invalid"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stderr.startswith(
        "Cozmox emulator could not listen on no-such-host.invalid:8090: "
    )
    assert "Traceback" not in result.stderr


# Makes the named top-level modules unimportable, as if they were not installed.
BLOCKER = """
import sys

BLOCKED = {blocked!r}


class Blocker:
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in BLOCKED:
            raise ModuleNotFoundError(f"No module named {{name!r}}", name=name)
        return None


sys.meta_path.insert(0, Blocker())
"""


def without(tmp_path: Path, *modules: str) -> dict[str, str]:
    """An environment whose Python cannot import ``modules`` (a sitecustomize that blocks
    them, found first on PYTHONPATH)."""
    (tmp_path / "sitecustomize.py").write_text(BLOCKER.format(blocked=set(modules)), "utf-8")
    return {**os.environ, "PYTHONPATH": str(tmp_path)}


def test_without_the_extra_the_command_says_what_to_install(tmp_path):
    env = without(tmp_path, "starlette", "uvicorn")
    blocked = subprocess.run(
        [sys.executable, "-c", "import starlette"], env=env, capture_output=True, text=True
    )
    assert "No module named 'starlette'" in blocked.stderr  # the blocker works
    command = Path(sys.executable).parent / "cozmox-emulator"
    for argv in ([str(command), "--port", "0"], [sys.executable, "-m", "pulumi_cozmox.emulator"]):
        result = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=60)
        assert result.returncode == 2, result.stderr
        assert result.stdout == ""
        assert result.stderr.splitlines() == [
            "the emulator needs the 'emulator' extra: pip install 'pulumi-cozmox[emulator]'"
        ]


def test_the_provider_needs_neither_the_extra_nor_the_dev_tools(tmp_path):
    """Every module of the package outside the emulator imports without starlette, uvicorn
    or jsonschema (python-jsonschema: tests only), and a campaign validates."""
    script = """
import importlib, pkgutil, pulumi_cozmox
names = sorted(
    m.name for m in pkgutil.iter_modules(pulumi_cozmox.__path__) if m.name != "emulator"
)
for name in names:
    importlib.import_module(f"pulumi_cozmox.{name}")
from pulumi_cozmox import validate_campaign
problems = validate_campaign({"name": "x", "phoneNumberId": "pn-1", "customers": []})
print(len(names), [str(p) for p in problems])
"""
    env = without(tmp_path, "starlette", "uvicorn", "jsonschema")
    result = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    count, problems = result.stdout.split(" ", 1)
    assert int(count) >= 10  # provider, _client, _validation, ...
    assert "one of assistantId or workflowId is required" in problems


def test_the_installed_package_requires_the_web_stack_only_with_the_extra():
    """The distribution's own metadata (what pip reads), not the source of pyproject.toml."""
    by_extra: dict[str, set[str]] = {}
    for requirement in metadata.requires("pulumi-cozmox") or []:
        name = requirement.split(";")[0].split("[")[0]
        for sign in "<>=!~ ":
            name = name.split(sign)[0]
        _, _, extra = requirement.partition("extra ==")
        by_extra.setdefault(extra.strip(" '\""), set()).add(name.lower())
    assert by_extra[""] >= {"pulumi", "httpx", "orjson", "jsonschema-rs"}
    assert not by_extra[""] & {"starlette", "uvicorn", "jsonschema"}
    assert by_extra["emulator"] == {"starlette", "uvicorn"}
    assert "jsonschema" in by_extra["dev"]


def test_50_concurrent_creates_are_all_stored_and_listed(emulator):
    def create(i: int) -> str:
        with emulator.api() as api:
            response = api.post("/campaign", json=campaign(f"c{i:02d}"))
            assert response.status_code == 201, response.text
            cid: str = response.json()["id"]
            return cid

    with ThreadPoolExecutor(max_workers=50) as pool:
        ids = list(pool.map(create, range(50)))
    assert len(set(ids)) == 50
    listed: list[dict[str, Any]] = []
    with emulator.api() as api:
        for page in (1, 2, 3):
            result = api.get("/campaign", params={"limit": 20, "page": page}).json()
            assert result["metadata"]["totalItems"] == 50
            listed += result["results"]
    assert sorted(c["id"] for c in listed) == sorted(ids)
    assert sorted(c["name"] for c in listed) == [f"c{i:02d}" for i in range(50)]
