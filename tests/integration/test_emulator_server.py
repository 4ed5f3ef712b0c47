"""The emulator as a process: file persistence across restarts, command-line options, and
concurrent clients."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
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
    first.control.post("clock", json={"advanceSeconds": 100}).raise_for_status()
    first.stop()
    assert sqlite3.connect(db).execute("PRAGMA journal_mode").fetchone()[0] == "wal"

    second = start_emulator_process("--db", str(db))
    assert second.base_url != "" and second.process.pid != first.process.pid
    with second.api() as api:
        assert api.get(f"/campaign/{created['id']}").json() == created
        assert api.get(f"/campaign/{gone['id']}").status_code == 404
        assert [c["id"] for c in api.get("/campaign").json()["results"]] == [created["id"]]
    with second.api("sk-added") as other:
        assert other.get("/campaign").json()["metadata"]["totalItems"] == 0
    assert second.control.get("clock").json()["offsetSeconds"] == 100


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
    emu.control.post("clock", json={"advanceSeconds": 7.5}).raise_for_status()
    with emu.api() as a:
        assert a.get(f"/campaign/{created['id']}").json()["status"] == "ended"


def test_help_and_bad_options():
    cmd = [sys.executable, "-m", "pulumi_cozmox.emulator"]
    shown = subprocess.run([*cmd, "--help"], capture_output=True, text=True, timeout=60)
    assert shown.returncode == 0 and "--call-seconds" in shown.stdout
    bad = subprocess.run([*cmd, "--call-seconds", "0"], capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2 and "--call-seconds" in bad.stderr


def test_port_in_use_fails_with_a_message(emulator):
    port = httpx.URL(emulator.base_url).port
    result = subprocess.run(
        [sys.executable, "-m", "pulumi_cozmox.emulator", "--port", str(port)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "listening" not in result.stdout


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
