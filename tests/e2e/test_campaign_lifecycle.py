"""The Campaign lifecycle through the real CLI against the emulator, step by step:
create -> no-op preview -> rename (one PATCH) -> drift found by refresh and undone by up ->
replace while scheduled (delete before create) -> the campaign starts dialing -> a
replacement is refused -> allowed with allow_redial (the old one ended and kept) -> destroy
(kept: it dialed)."""

from __future__ import annotations

from collections.abc import Callable
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


#: 25 customers: with the emulator's 10 calls at a time of 60 s each, dialing lasts 3 minutes.
MORE = [*CUSTOMERS, *({"number": f"+1415555{2000 + i}"} for i in range(23))]


def created_without_a_request_to_spare(stack: CampaignStack, emulator: Emulator) -> str:
    """Create; a no-op preview and up send nothing: the campaign's id."""
    stack.declare(main=args())
    stack.up()
    first_id = stack.outputs()["main.id"]
    [stored] = campaigns(emulator)
    assert stored["id"] == first_id
    # User data keys are sent as written, never case-converted.
    assert stored["customers"][0]["assistantOverrides"]["variableValues"] == {"Plan_Tier": "gold"}
    clear_journal(emulator)
    assert stack.preview_json()["changeSummary"] == {"same": 2}
    stack.up()
    assert journal(emulator) == []
    return str(first_id)


def renamed_then_drift_undone(stack: CampaignStack, emulator: Emulator, first_id: str) -> None:
    """Rename: one PATCH; renamed in the dashboard: refresh shows it, up restores it."""
    stack.declare(main=args(name="Renewals Q3"))
    assert stack.preview_json()["changeSummary"] == {"same": 1, "update": 1}
    clear_journal(emulator)
    stack.up()
    # The run checks the key once before it writes (GET /campaign?limit=0), then one PATCH.
    assert journal(emulator) == [("GET", "/campaign"), ("PATCH", f"/campaign/{first_id}")]
    assert campaigns(emulator)[0]["name"] == "Renewals Q3"
    with emulator.api() as api:
        api.patch(f"/campaign/{first_id}", json={"name": "Changed by hand"}).raise_for_status()
    clear_journal(emulator)
    refresh = stack.run("refresh", "--yes", "--skip-preview")
    # One read: the listing of the campaigns created around it (docs/drift.md), not a GET each.
    assert journal(emulator) == [("GET", "/campaign")]
    assert "1 updated" in refresh.stdout
    recorded = stack.resource(":Campaign", "main")
    assert recorded["outputs"]["name"] == recorded["inputs"]["name"] == "Changed by hand"
    assert stack.preview_json()["changeSummary"] == {"same": 1, "update": 1}
    stack.up()
    assert campaigns(emulator)[0]["name"] == "Renewals Q3"


def replaced_while_scheduled(stack: CampaignStack, emulator: Emulator, first_id: str) -> str:
    """New customers while scheduled: replace, deleting before creating; the new id."""
    stack.declare(main=args(name="Renewals Q3", customers=MORE))
    assert stack.preview_json()["changeSummary"] == {"same": 1, "replace": 1}
    clear_journal(emulator)
    stack.up()
    writes = [(m, p) for m, p in journal(emulator) if m != "GET"]
    assert writes == [("DELETE", f"/campaign/{first_id}"), ("POST", "/campaign")]
    [stored] = campaigns(emulator)
    second_id = stack.outputs()["main.id"]
    assert stored["id"] == second_id != first_id
    assert stack.outputs()["main.customer_count"] == 25
    return str(second_id)


def refused_while_dialing(stack: CampaignStack, emulator: Emulator, second_id: str) -> None:
    """Changing customers of a dialing campaign would call them again: preview refuses,
    nothing is written; a field the API changes only while scheduled is refused too."""
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
    later = {"earliestAt": "2099-02-01T17:00:00Z"}
    stack.declare(main=args(name="Renewals Q3", customers=MORE, schedule_plan=later))
    with pytest.raises(PulumiFailed) as refused:
        stack.preview_json()
    assert "only while the campaign is scheduled" in refused.value.stdout


def test_lifecycle(campaign_stack: Callable[..., CampaignStack], emulator: Emulator) -> None:
    stack = campaign_stack()
    first_id = created_without_a_request_to_spare(stack, emulator)
    renamed_then_drift_undone(stack, emulator, first_id)
    second_id = replaced_while_scheduled(stack, emulator, first_id)

    # Time passes: the campaign starts dialing (the recorded status is still "scheduled").
    # The clock stops there: the campaign is still dialing when up ends it, however slow the
    # machine (its calls would all have ended 3 minutes on).
    emulator.clock(freeze=True, set="2099-01-01T17:00:01Z")
    with emulator.api() as api:
        assert api.get(f"/campaign/{second_id}").json()["status"] == "in-progress"
    refused_while_dialing(stack, emulator, second_id)

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
