"""The emulator's store: listings filtered in SQL agree with the lifecycle, call by call."""

from __future__ import annotations

from typing import Any

import pytest

from pulumi_cozmox.emulator import lifecycle
from pulumi_cozmox.emulator.clock import Move
from pulumi_cozmox.emulator.store import ListQuery, Settings, Store

HOUR = 3_600_000


def customers(n: int) -> list[dict[str, Any]]:
    return [{"number": f"+1415555{i:04d}"} for i in range(n)]


def body(n: int = 25, **plan: str) -> dict[str, Any]:
    data: dict[str, Any] = {"name": "c", "phoneNumberId": "pn", "assistantId": "a"}
    data["customers"] = customers(n)
    if plan:
        data["schedulePlan"] = plan
    return data


@pytest.fixture
def store() -> Store:
    """An org of campaigns in every state the lifecycle knows, the clock stopped (then moved
    on only by the tests: what a listing and the lifecycle see is one instant)."""
    store = Store(":memory:", Settings(call_seconds=600, concurrency=10))
    store.move_clock(Move(freeze=True))
    now = store.now_ms()
    iso = lifecycle.format_ms
    history = [
        (now - 900 * 24 * HOUR, body()),  # long ended
        (now - 2 * HOUR, body()),  # ended a while ago
        (now - 10 * 60_000, body()),  # in progress (at once, 3 waves of 10 minutes)
        (now - HOUR, body(earliestAt=iso(now + HOUR))),  # scheduled
        (now - HOUR, body(earliestAt=iso(now - 5 * 60_000), latestAt=iso(now + 5 * 60_000))),
        (now - HOUR, body(0)),  # nobody to call: ends at once
        (now - HOUR, {**body(), "customers": [{"name": "no number"}, *customers(3)]}),
    ]
    store.import_history("org", history)
    scheduled = store.create("org", body(earliestAt=iso(now + 3 * HOUR)))
    store.update("org", scheduled.fields["id"], {"status": "ended"})  # ended before dialing
    dialing = store.create("org", body())
    store.update("org", dialing.fields["id"], {"status": "ended"})  # ended while dialing
    store.create("org", body(earliestAt=iso(now + 5 * HOUR), latestAt=iso(now + 6 * HOUR)))
    return store


def snapshots(store: Store) -> dict[str, lifecycle.Snapshot]:
    everything = store.list("org", ListQuery(limit=100))
    now = store.now_ms()
    found = {}
    for view in everything.results:
        times, _, _ = store._load("org", view.fields["id"])
        found[view.fields["id"]] = lifecycle.snapshot(times, now)
    return found


@pytest.mark.parametrize("hours", [0, 0.1, 0.5, 1, 2, 4, 5.5, 7, 48])
def test_status_and_updated_filters_in_sql_agree_with_the_lifecycle(
    store: Store, hours: float
) -> None:
    store.move_clock(Move(advance_ms=round(hours * HOUR)))
    expected = snapshots(store)
    assert len(expected) == 10
    for status in ("scheduled", "in-progress", "ended"):
        page = store.list("org", ListQuery(limit=100, status=status))
        listed = {v.fields["id"] for v in page.results}
        assert listed == {i for i, s in expected.items() if s.status == status}, status
        assert page.total_items == len(listed)
        assert all(v.fields["status"] == status for v in page.results)
    bound = store.now_ms() - HOUR
    page = store.list("org", ListQuery(limit=100, updated_ge=bound))
    assert {v.fields["id"] for v in page.results} == {
        i for i, s in expected.items() if s.updated_ms >= bound
    }


def test_paging_counts_in_sql(store: Store) -> None:
    first = store.list("org", ListQuery(limit=4, page=1))
    third = store.list("org", ListQuery(limit=4, page=3))
    assert first.total_items == third.total_items == 10
    assert len(first.results) == 4 and len(third.results) == 2
    ids = [
        v.fields["id"]
        for p in (1, 2, 3)
        for v in store.list("org", ListQuery(limit=4, page=p)).results
    ]
    assert len(set(ids)) == 10


def test_customers_the_emulator_cannot_call_are_skipped(store: Store) -> None:
    made = store.create(
        "org",
        {
            **body(),
            "customers": [
                {"number": "+14155550100"},
                {"name": "neither number nor sipUri"},
                {"number": "ext-42", "numberE164CheckEnabled": False},  # not dialable
                {"number": "0042", "numberE164CheckEnabled": False},
                {"sipUri": "sip:ada@example.com"},
            ],
        },
    )
    assert made.fields["callsCounterScheduled"] == 3
    store.move_clock(Move(advance_ms=HOUR))
    calls = store.get("org", made.fields["id"]).fields["calls"]
    assert sorted(c["customerIndex"] for c in calls.values()) == [0, 3, 4]


def visited(store: Store, query: ListQuery) -> tuple[int, int]:
    """(campaigns listed, SQLite's virtual machine steps in hundreds) for one listing: the work
    grows with the rows SQLite reads, whichever it returns (a count, not a timing)."""
    steps = 0

    def step() -> int:
        nonlocal steps
        steps += 1
        return 0  # go on

    store._db.set_progress_handler(step, 100)
    try:
        page = store.list("org", query)
    finally:
        store._db.set_progress_handler(None, 100)
    return page.total_items, steps


def org_with_history(old: int) -> Store:
    """``old`` campaigns that ended years ago, and the same few that call now or later."""
    store = Store(":memory:", Settings(call_seconds=600, concurrency=10))
    now = store.now_ms()
    iso = lifecycle.format_ms
    past = [(now - (1000 - i % 900) * 24 * HOUR, body(1)) for i in range(old)]
    live = [
        (now - HOUR, body(earliestAt=iso(now + HOUR))),  # scheduled
        (now - HOUR, body(earliestAt=iso(now + 2 * HOUR))),  # scheduled
        (now - 10 * 60_000, body()),  # in progress
        (now - 3 * HOUR, body()),  # ended 2.5 hours ago (3 waves of 10 minutes)
    ]
    store.import_history("org", past + live)
    return store


@pytest.mark.parametrize(
    "query",
    [
        {"status": "scheduled"},
        {"status": "in-progress"},
        {"updated_ge": -HOUR},
        {"status": "ended", "updated_ge": -7 * 24 * HOUR},
    ],
    ids=["scheduled", "in-progress", "changed lately", "ended lately"],
)
def test_a_listing_reads_the_rows_it_needs_not_the_orgs_history(query: dict[str, int]) -> None:
    # The same live campaigns in an org of 50 old ones and in one of 5,000: a listing of what
    # can still call, or of what changed lately, reads about as much in both (the indexes find
    # the rows), not a hundred times more.
    work = []
    for old in (50, 5000):
        store = org_with_history(old)
        now = store.now_ms()
        filters = {k: now + v if k.startswith("updated") else v for k, v in query.items()}
        work.append(visited(store, ListQuery(limit=100, **filters)))  # type: ignore[arg-type]
    (small_total, small_steps), (big_total, big_steps) = work
    assert small_total == big_total > 0
    assert big_steps < 2 * small_steps + 5, work
