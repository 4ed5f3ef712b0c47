"""`pulumi refresh` through the real CLI, each door: a stack's campaigns, created by one `up`,
are read with one listing (``GET /campaign``), and what refresh records is still the API's: a
name changed in the dashboard is drift (recorded in the outputs and the inputs), a campaign
deleted in the dashboard before it dialed is forgotten (its own GET answers 404)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.conftest import Emulator
from tests.e2e.conftest import CampaignStack, both_doors


def args(name: str, number: str) -> dict[str, Any]:
    return {
        "name": name,
        "phone_number_id": "pn-1",
        "assistant_id": "asst-1",
        "customers": [{"number": number}],
        "schedule_plan": {"earliestAt": "2099-01-05T17:00:00Z"},
    }


def requests(emulator: Emulator) -> list[tuple[str, str]]:
    entries = sorted(emulator.control.get("requests").json(), key=lambda e: e["arrived"])
    return [(e["method"], e["path"]) for e in entries]


@both_doors
def test_refresh_reads_a_stack_with_one_listing_and_sees_drift_and_deletion(
    campaign_stack: Callable[..., CampaignStack], emulator: Emulator
) -> None:
    stack = campaign_stack()
    stack.declare(
        first=args("First", "+14155550101"),
        second=args("Second", "+14155550102"),
        third=args("Third", "+14155550103"),
    )
    stack.up()
    ids = {name: stack.outputs()[f"{name}.id"] for name in ("first", "second", "third")}
    with emulator.api() as api:
        api.patch(f"/campaign/{ids['second']}", json={"name": "Renamed"}).raise_for_status()
        api.delete(f"/campaign/{ids['third']}").raise_for_status()
    emulator.control.delete("requests").raise_for_status()
    stack.run("refresh", "--yes", "--skip-preview")
    # One listing for the three; the deleted one, absent from it, by its own GET (404).
    assert requests(emulator) == [("GET", "/campaign"), ("GET", f"/campaign/{ids['third']}")]
    second = stack.resource(":Campaign", "second")
    assert second["outputs"]["name"] == second["inputs"]["name"] == "Renamed"
    assert stack.resource(":Campaign", "first")["outputs"]["name"] == "First"
    urns = [r["urn"] for r in stack.export()["deployment"]["resources"]]
    assert not any(urn.endswith("::third") for urn in urns)  # never dialed: forgotten
