"""Refresh's reads (the run's ``read`` hook) against the emulator: the campaigns of a stack,
created together, are read with one listing (``GET /campaign``) instead of one GET each, and a
refresh still proves what a read per campaign proved: a field changed in the dashboard is
drift, a deleted campaign is gone (its own GET answers 404), a second read asks again.
Requests are counted in the emulator's journal. And the org view a create is judged against
keeps its index true as campaigns are read again."""

from __future__ import annotations

from typing import Any

from pulumi_cozmox.core.engine.listing import KEEP_CUSTOMERS
from pulumi_cozmox.core.engine.run import Run
from pulumi_cozmox.core.model.campaign import listed_head
from pulumi_cozmox.core.model.customers import encode_customers
from tests.conftest import Emulator
from tests.integration.helpers import add_fault, create

NUMBERS = ["+14155550101", "+14155550102", "+14155550103"]


def props(resource: str, number: str) -> dict[str, Any]:
    """A resource's inputs as the dynamic provider gives them (a window in 2099: no call)."""
    customers = [{"number": number}]
    return {
        "resource_name": resource,
        "name": f"Reminders {resource}",
        "phone_number_id": "pn-1",
        "assistant_id": "asst-1",
        "schedule_plan": {"earliestAt": "2099-01-14T17:00:00Z"},
        "customers": encode_customers(customers),
        "customer_count": len(customers),
    }


def requests(emulator: Emulator) -> list[str]:
    """The journal as ``METHOD path``, in arrival order."""
    entries = sorted(emulator.control.get("requests").json(), key=lambda e: e["arrived"])
    return [f"{e['method']} {e['path']}" for e in entries]


def stack_of_three(run_for: Any, emulator: Emulator) -> list[dict[str, Any]]:
    """Three campaigns created by one run (one `up`), their recorded outputs; journal cleared."""
    run = run_for()
    recorded = [create(run, props(f"c{i}", n)) for i, n in enumerate(NUMBERS)]
    emulator.control.delete("requests").raise_for_status()
    return recorded


def patch(emulator: Emulator, campaign_id: str, fields: dict[str, Any]) -> None:
    """A change made in the dashboard."""
    with emulator.api() as api:
        api.patch(f"/campaign/{campaign_id}", json=fields).raise_for_status()


def test_a_stack_created_together_is_read_with_one_listing(run_for, emulator) -> None:
    recorded = stack_of_three(run_for, emulator)
    run: Run = run_for()
    reads = [run.read(r["id"], r) for r in recorded]
    assert requests(emulator) == ["GET /campaign"]
    for before, read in zip(recorded, reads, strict=True):
        assert read is not None and read.id == before["id"]
        assert read.outputs["name"] == before["name"] and read.outputs["status"] == "scheduled"
        # Unchanged: the inputs read back are the recorded ones (no drift), customers included.
        assert read.inputs["customers"] == before["customers"]
        assert read.inputs["name"] == before["name"]


def test_a_field_changed_in_the_dashboard_is_drift(run_for, emulator) -> None:
    first, second, third = stack_of_three(run_for, emulator)
    patch(emulator, second["id"], {"name": "Renamed in the dashboard"})
    emulator.control.delete("requests").raise_for_status()
    run: Run = run_for()
    reads = [run.read(r["id"], r) for r in (first, second, third)]
    assert requests(emulator) == ["GET /campaign"]
    assert [r.inputs["name"] for r in reads if r is not None] == [
        first["name"],
        "Renamed in the dashboard",
        third["name"],
    ]


def test_a_deleted_campaign_is_read_by_its_own_get_and_forgotten(run_for, emulator) -> None:
    first, second, third = stack_of_three(run_for, emulator)
    with emulator.api() as api:
        api.delete(f"/campaign/{second['id']}").raise_for_status()
    emulator.control.delete("requests").raise_for_status()
    run: Run = run_for()
    reads = [run.read(r["id"], r) for r in (first, second, third)]
    # Absent from the listing: its own GET proves it gone (404); it never dialed: forgotten.
    assert requests(emulator) == ["GET /campaign", f"GET /campaign/{second['id']}"]
    assert reads[1] is None
    assert reads[0] is not None and reads[2] is not None


def test_a_second_read_in_the_same_run_asks_again(run_for, emulator) -> None:
    first, _second, _third = stack_of_three(run_for, emulator)
    run: Run = run_for()
    assert run.read(first["id"], first) is not None
    patch(emulator, first["id"], {"name": "Renamed since"})
    again = run.read(first["id"], first)
    assert requests(emulator) == ["GET /campaign", "PATCH " + f"/campaign/{first['id']}"] + [
        f"GET /campaign/{first['id']}"
    ]
    assert again is not None and again.inputs["name"] == "Renamed since"


def test_a_campaign_whose_creation_time_is_not_recorded_is_read_by_id(run_for, emulator) -> None:
    recorded = stack_of_three(run_for, emulator)
    run: Run = run_for()
    for r in recorded:
        assert run.read(r["id"], {k: v for k, v in r.items() if k != "created_at"}) is not None
    assert requests(emulator) == [f"GET /campaign/{r['id']}" for r in recorded]


# --- the org view a create is judged against: its index follows what each read brings --------


def test_a_campaign_read_again_is_found_under_its_new_head_only(run_for, emulator) -> None:
    run: Run = run_for()
    recorded = create(run, props("c0", NUMBERS[0]))
    org = run.guard().org  # read by the create (the duplicate guard)
    listed = org.get(recorded["id"])
    assert listed is not None
    old_head = listed_head(listed)
    patch(emulator, recorded["id"], {"schedulePlan": {"earliestAt": "2099-02-01T17:00:00Z"}})
    org.catch_up()
    moved = org.get(recorded["id"])
    assert moved is not None and moved.schedulePlan == {"earliestAt": "2099-02-01T17:00:00Z"}
    new_head = listed_head(moved)
    assert new_head != old_head
    assert [c.id for c in org.with_head(new_head)] == [recorded["id"]]
    assert org.with_head(old_head) == []
    org.forget(recorded["id"])  # found deleted
    assert org.with_head(new_head) == []


def test_a_listing_that_fails_is_not_taken_again_each_read_gets_its_own(run_for, emulator) -> None:
    recorded = stack_of_three(run_for, emulator)
    # One page that is not a list of campaigns: the listing fails once, for the whole window.
    add_fault(
        emulator,
        action="answer",
        status=200,
        body='{"results": [{"id": "x"}]}',
        method="GET",
        path="/campaign",
        times=1,
    )
    run: Run = run_for()
    reads = [run.read(r["id"], r) for r in recorded]
    assert requests(emulator) == ["GET /campaign"] + [f"GET /campaign/{r['id']}" for r in recorded]
    assert [read.outputs["name"] for read in reads if read] == [r["name"] for r in recorded]


def test_a_campaign_listed_again_by_a_later_window_is_read_again_by_get(run_for, emulator) -> None:
    emulator.clock(freeze=True)
    run = run_for()
    recorded = []
    for index, number in enumerate(NUMBERS):  # created 0, 10 and 20 minutes apart
        recorded.append(create(run, props(f"c{index}", number)))
        emulator.clock(advance="PT10M")
    emulator.control.delete("requests").raise_for_status()
    first, middle, last = recorded
    refresh: Run = run_for()
    for r in (first, middle, last):  # the last one's window lists the middle one again
        refresh.read(r["id"], r)
    refresh.read(middle["id"], middle)  # a second read asks the API, not a copy listed again
    assert requests(emulator) == ["GET /campaign", "GET /campaign", f"GET /campaign/{middle['id']}"]


def test_a_large_campaign_is_not_kept_from_a_listing(run_for, emulator) -> None:
    run = run_for()
    small = create(run, props("small", NUMBERS[0]))
    many = [{"number": f"+1617{2000000 + i:07d}"} for i in range(KEEP_CUSTOMERS)]
    large_props = {**props("large", NUMBERS[1]), "customers": encode_customers(many)}
    large = create(run, {**large_props, "customer_count": len(many)})
    emulator.control.delete("requests").raise_for_status()
    refresh: Run = run_for()
    refresh.read(small["id"], small)
    read = refresh.read(large["id"], large)
    assert requests(emulator) == ["GET /campaign", f"GET /campaign/{large['id']}"]
    assert read is not None and read.outputs["customer_count"] == KEEP_CUSTOMERS
