"""API faults during `pulumi up` (each kind the emulator injects) end with exactly one
campaign per resource: retried where that is safe, looked up where the outcome is unknown."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.conftest import Emulator
from tests.e2e.conftest import CampaignStack
from tests.e2e.pulumi_cli import PulumiFailed

ARGS = {
    "name": "Faulty network",
    "phone_number_id": "pn-1",
    "assistant_id": "asst-1",
    "customers": [{"number": "+14155550101"}, {"number": "+14155550102"}],
    "schedule_plan": {"earliestAt": "2099-01-01T17:00:00Z"},
}

POST_FAULTS: dict[str, dict[str, Any]] = {
    "429": {"action": "status", "status": 429, "retryAfter": 1},
    "500": {"action": "status", "status": 500},
    "502": {"action": "status", "status": 502},
    "503": {"action": "status", "status": 503},
    "504": {"action": "status", "status": 504},
    "drop": {"action": "drop"},
    "drop_after_commit": {"action": "drop_after_commit"},
    "delay": {"action": "delay", "delaySeconds": 4},
}


def campaign_ids(emulator: Emulator) -> list[str]:
    with emulator.api() as api:
        return [c["id"] for c in api.get("/campaign", params={"limit": 100}).json()["results"]]


def posts(emulator: Emulator) -> list[dict[str, Any]]:
    return [e for e in emulator.control.get("requests").json() if e["method"] == "POST"]


def fault(emulator: Emulator, method: str, path: str, rule: dict[str, Any], times: int = 1) -> None:
    emulator.control.post(
        "faults", json={"method": method, "path": path, "times": times, **rule}
    ).raise_for_status()


#: POSTs the API receives for one create under each fault: a refused or unsent request is sent
#: again (429, 502/503/504 without commit, a drop before processing); a committed one is found,
#: never sent again (a drop after commit; a request slower than the timeout).
POSTS = {"429": 2, "502": 2, "503": 2, "504": 2, "drop": 2, "drop_after_commit": 1, "delay": 1}


@pytest.mark.parametrize("kind", list(POSTS))
def test_create_fault_leaves_exactly_one_campaign(
    kind: str, campaign_stack: Callable[..., CampaignStack], emulator: Emulator
) -> None:
    stack = campaign_stack()
    stack.configure({"cozmox:requestTimeout": "2"})
    stack.declare(main=ARGS)
    fault(emulator, "POST", "/campaign", POST_FAULTS[kind])
    stack.up()
    ids = campaign_ids(emulator)
    assert len(ids) == 1
    assert stack.outputs()["main.id"] == ids[0]
    assert len(posts(emulator)) == POSTS[kind]
    assert stack.preview_json()["changeSummary"] == {"same": 2}


def test_a_500_is_not_retried_the_next_up_creates(
    campaign_stack: Callable[..., CampaignStack], emulator: Emulator
) -> None:
    stack = campaign_stack()
    stack.declare(main=ARGS)
    fault(emulator, "POST", "/campaign", POST_FAULTS["500"])
    with pytest.raises(PulumiFailed) as failed:
        stack.up()
    assert "500" in failed.value.stdout + failed.value.stderr
    # The server failed on this request: sending it again would fail the same way.
    assert len(posts(emulator)) == 1 and campaign_ids(emulator) == []
    stack.up()
    assert len(posts(emulator)) == 2 and len(campaign_ids(emulator)) == 1


def test_update_refresh_and_delete_faults_are_retried(
    campaign_stack: Callable[..., CampaignStack], emulator: Emulator
) -> None:
    stack = campaign_stack()
    stack.configure({"cozmox:requestTimeout": "2"})
    stack.declare(main=ARGS)
    stack.up()
    [campaign_id] = campaign_ids(emulator)
    path = f"/campaign/{campaign_id}"

    fault(emulator, "PATCH", path, {"action": "drop_after_commit"})
    stack.declare(main={**ARGS, "name": "Renamed through a fault"})
    stack.up()
    with emulator.api() as api:
        assert api.get(path).json()["name"] == "Renamed through a fault"

    # Renamed in the dashboard; refresh reads it (with the listing its reads share: one
    # GET /campaign) through two 503s.
    with emulator.api() as api:
        api.patch(path, json={"name": "Renamed in the dashboard"}).raise_for_status()
    emulator.control.delete("requests").raise_for_status()
    fault(emulator, "GET", "/campaign", {"action": "status", "status": 503}, times=2)
    stack.run("refresh", "--yes", "--skip-preview")
    [rule] = [r for r in emulator.control.get("faults").json() if r["method"] == "GET"]
    assert (rule["hits"], rule["times"]) == (2, 0)
    reads = sorted(emulator.control.get("requests").json(), key=lambda e: e["arrived"])
    assert [(e["method"], e["path"], e["status"]) for e in reads] == [
        ("GET", "/campaign", 503),
        ("GET", "/campaign", 503),
        ("GET", "/campaign", 200),
    ]
    refreshed = stack.resource(":Campaign", "main")
    assert refreshed["outputs"]["name"] == refreshed["inputs"]["name"] == "Renamed in the dashboard"

    fault(emulator, "DELETE", path, {"action": "drop_after_commit"})
    stack.destroy()
    assert campaign_ids(emulator) == []
    assert stack.export()["deployment"].get("resources", []) == []
