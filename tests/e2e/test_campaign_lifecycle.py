"""The Campaign lifecycle through the real CLI against the emulator, step by step:
create -> no-op preview -> rename (one PATCH) -> drift found by refresh and undone by up ->
replace while scheduled (delete before create) -> the campaign starts dialing -> a
replacement is refused -> allowed with allow_redial (the old one ended and kept) -> destroy
(kept: it dialed)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any

import pytest

from tests.conftest import Emulator
from tests.e2e.conftest import CampaignStack
from tests.e2e.pulumi_cli import PulumiFailed

CUSTOMERS = [
    {
        "number": "+14155550101",
        "name": "Ada",
        "assistantOverrides": {"variableValues": {"Plan_Tier": "gold"}},
    },
    {"number": "+14155550102", "name": "Grace"},
]


def journal(emulator: Emulator) -> list[tuple[str, str]]:
    entries = emulator.control.get("requests").json()
    return [(e["method"], e["path"]) for e in entries]


def clear_journal(emulator: Emulator) -> None:
    emulator.control.delete("requests").raise_for_status()


def campaigns(emulator: Emulator) -> list[dict[str, Any]]:
    with emulator.api() as api:
        return api.get("/campaign", params={"limit": 100}).json()["results"]


def args(**overrides: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "name": "Renewals",
        "phone_number_id": "pn-1",
        "assistant_id": "asst-1",
        "customers": CUSTOMERS,
        "schedule_plan": {"earliestAt": "2099-01-01T17:00:00Z"},
    }
    return {**base, **overrides}


def test_lifecycle(campaign_stack: Callable[..., CampaignStack], emulator: Emulator) -> None:
    stack = campaign_stack()

    # Create.
    stack.declare(main=args())
    stack.up()
    first_id = stack.outputs()["main.id"]
    [stored] = campaigns(emulator)
    assert stored["id"] == first_id
    # User data keys are sent as written, never case-converted.
    assert stored["customers"][0]["assistantOverrides"]["variableValues"] == {"Plan_Tier": "gold"}

    # A no-op preview and a no-op up: no changes, no API request.
    clear_journal(emulator)
    assert stack.preview_json()["changeSummary"] == {"same": 2}
    stack.up()
    assert journal(emulator) == []

    # Rename: one PATCH.
    stack.declare(main=args(name="Renewals Q3"))
    assert stack.preview_json()["changeSummary"] == {"same": 1, "update": 1}
    clear_journal(emulator)
    stack.up()
    # The run checks the key once before it writes (GET /campaign?limit=0), then one PATCH.
    assert journal(emulator) == [("GET", "/campaign"), ("PATCH", f"/campaign/{first_id}")]
    assert campaigns(emulator)[0]["name"] == "Renewals Q3"

    # Someone renames it in the dashboard: refresh shows it, up restores it.
    with emulator.api() as api:
        api.patch(f"/campaign/{first_id}", json={"name": "Changed by hand"}).raise_for_status()
    clear_journal(emulator)
    refresh = stack.run("refresh", "--yes", "--skip-preview")
    assert journal(emulator) == [("GET", f"/campaign/{first_id}")]
    assert "1 updated" in refresh.stdout
    recorded = stack.resource(":Campaign", "main")
    assert recorded["outputs"]["name"] == recorded["inputs"]["name"] == "Changed by hand"
    assert stack.preview_json()["changeSummary"] == {"same": 1, "update": 1}
    stack.up()
    assert campaigns(emulator)[0]["name"] == "Renewals Q3"

    # New customers while scheduled: replace, deleting before creating. (25 customers: with
    # the emulator's 10 calls at a time of 60 s each, dialing lasts 3 minutes.)
    more = [*CUSTOMERS, *({"number": f"+1415555{2000 + i}"} for i in range(23))]
    stack.declare(main=args(name="Renewals Q3", customers=more))
    assert stack.preview_json()["changeSummary"] == {"same": 1, "replace": 1}
    clear_journal(emulator)
    stack.up()
    writes = [(m, p) for m, p in journal(emulator) if m != "GET"]
    assert writes == [("DELETE", f"/campaign/{first_id}"), ("POST", "/campaign")]
    [stored] = campaigns(emulator)
    second_id = stack.outputs()["main.id"]
    assert stored["id"] == second_id != first_id
    assert stack.outputs()["main.customer_count"] == 25

    # Time passes: the campaign starts dialing (the recorded status is still "scheduled").
    now = datetime.fromisoformat(emulator.control.get("clock").json()["now"].replace("Z", "+00:00"))
    start = datetime(2099, 1, 1, 17, tzinfo=timezone.utc)
    advance = (start - now).total_seconds() + 1
    emulator.control.post("clock", json={"advanceSeconds": advance}).raise_for_status()
    with emulator.api() as api:
        assert api.get(f"/campaign/{second_id}").json()["status"] == "in-progress"

    # Changing customers now would call them again: preview refuses, nothing is written.
    stack.declare(main=args(name="Renewals Q3", customers=CUSTOMERS))
    clear_journal(emulator)
    with pytest.raises(PulumiFailed) as refused:
        stack.preview_json()
    assert "allow_redial" in refused.value.stdout + refused.value.stderr
    # The 2 customers kept were among the 25 the dialing campaign had: both called again.
    assert "call 2 people, 2 of them again" in refused.value.stdout + refused.value.stderr
    assert all(method == "GET" for method, _ in journal(emulator))
    with pytest.raises(PulumiFailed):
        stack.up()
    assert [c["id"] for c in campaigns(emulator)] == [second_id]

    # A field the API changes only while scheduled: refused at preview, not failed at up.
    later = {"earliestAt": "2099-02-01T17:00:00Z"}
    stack.declare(main=args(name="Renewals Q3", customers=more, schedule_plan=later))
    with pytest.raises(PulumiFailed) as refused:
        stack.preview_json()
    assert "only while the campaign is scheduled" in refused.value.stdout

    # The same change with allow_redial=True goes through: the dialing campaign is ended and
    # kept in the API (its record of who was called), then the new one created.
    stack.declare(main=args(name="Renewals Q3", customers=CUSTOMERS, allow_redial=True))
    clear_journal(emulator)
    stack.up()
    writes = [(m, p) for m, p in journal(emulator) if m != "GET"]
    second = f"/campaign/{second_id}"
    assert writes == [("PATCH", second), ("POST", "/campaign")]
    third_id = stack.outputs()["main.id"]
    stored_now = {c["id"]: c for c in campaigns(emulator)}
    assert set(stored_now) == {second_id, third_id}
    assert stored_now[second_id]["status"] == "ended"
    assert len(stored_now[third_id]["customers"]) == 2

    # Destroy: the new campaign's window is open, so it has dialed: it is ended if it still
    # dials and kept, never deleted. Both records stay; the stack holds nothing.
    clear_journal(emulator)
    stack.destroy()
    assert [m for m, _ in journal(emulator) if m == "DELETE"] == []
    assert sorted(c["id"] for c in campaigns(emulator)) == sorted([second_id, third_id])
    assert {c["status"] for c in campaigns(emulator)} == {"ended"}
