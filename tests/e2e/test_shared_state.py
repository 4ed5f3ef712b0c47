"""Shared state, as teams run it (issue 14): the stack's state in PostgreSQL (Pulumi's DIY
``postgres://`` backend), two working copies running `pulumi up` on the same stack at once.
One holds the lock; the other fails with the CLI's lock message, and succeeds when run again;
each campaign is POSTed exactly once."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Emulator
from tests.e2e.conftest import CampaignStack, write_program
from tests.e2e.postgres import throwaway_postgres
from tests.e2e.pulumi_cli import find_pulumi, wait_for

LOCKED = "the stack is currently locked by 1 lock(s)"


@pytest.fixture
def postgres_url() -> Iterator[str]:
    with throwaway_postgres() as url:
        yield url


def held(emulator: Emulator) -> int:
    return sum(rule.get("held", 0) for rule in emulator.control.get("faults").json())


def campaign(day: int) -> dict[str, Any]:
    return {
        "name": f"Team reminders {day}",
        "phone_number_id": "pn-1",
        "assistant_id": "asst-1",
        "customers": [{"number": f"+1415555010{day}"}],
        "schedule_plan": {"earliestAt": f"2099-01-0{day}T17:00:00Z"},
    }


def working_copy(tmp_path: Path, name: str, backend: str) -> CampaignStack:
    workdir = tmp_path / name
    write_program(workdir)
    stack = CampaignStack(workdir=workdir, home=tmp_path / f"home-{name}", name="shared")
    stack.extra_env["PULUMI_BACKEND_URL"] = backend
    return stack


def test_two_working_copies_on_one_stack_in_postgres(
    tmp_path: Path, emulator: Emulator, postgres_url: str
) -> None:
    find_pulumi()
    alice, bob = (working_copy(tmp_path, who, postgres_url) for who in ("alice", "bob"))
    alice.declare(one=campaign(1), two=campaign(2))
    alice.init(
        config={"cozmox:baseUrl": emulator.base_url}, secrets={"cozmox:apiKey": emulator.api_key}
    )
    # Bob checks out the same program and stack config (committed next to the program).
    for file in ("spec.json", "Pulumi.shared.yaml"):
        shutil.copy(alice.workdir / file, bob.workdir / file)
    # Whoever takes the lock has its POSTs held until the other run has ended: both runs
    # overlap, whatever the load of the machine.
    rule = {"method": "POST", "path": "/campaign", "action": "hold", "times": 2,
            "timeoutSeconds": 300}  # fmt: skip
    emulator.control.post("faults", json=rule).raise_for_status()
    jobs = [who.start("up", "--yes", "--skip-preview") for who in (alice, bob)]
    wait_for(lambda: any(job.process.poll() is not None for job in jobs), "one run to end")
    wait_for(lambda: held(emulator) == 2, "the other run's two POSTs")
    emulator.control.post("faults/release").raise_for_status()
    codes = [job.wait(300) for job in jobs]
    outputs = [job.output() for job in jobs]
    assert sorted(codes) == [0, 1], outputs
    loser = 1 - codes.index(0)
    assert LOCKED in outputs[loser] and "pulumi cancel" in outputs[loser]
    posts = [e for e in emulator.control.get("requests").json() if e["method"] == "POST"]
    assert len(posts) == 2
    # Run again, the second working copy succeeds: nothing to do, nothing POSTed.
    again = (alice, bob)[loser]
    emulator.control.delete("requests").raise_for_status()
    again.up()
    assert [e for e in emulator.control.get("requests").json() if e["method"] == "POST"] == []
    with emulator.api() as api:
        listed = api.get("/campaign").json()["results"]
    assert sorted(c["schedulePlan"]["earliestAt"][:10] for c in listed) == [
        "2099-01-01",
        "2099-01-02",
    ]
    assert again.preview_json()["changeSummary"] == {"same": 3}
