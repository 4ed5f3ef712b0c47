"""The simulated campaign lifecycle, driven by the emulator's clock (no sleeping).

Every test freezes the clock first (the ``api`` fixture), then moves it: the counters are the
same however long the machine takes between two requests. (Times are also half a call away
from every boundary, as they were when the clock ran.)
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from typing import Any

import httpx
import pytest


@pytest.fixture
def api(emulator) -> Iterator[httpx.Client]:
    emulator.clock(freeze=True)
    with emulator.api() as client:
        yield client


@pytest.fixture
def settings(emulator) -> dict[str, Any]:
    config: dict[str, Any] = emulator.control.get("config").json()
    # The arithmetic below assumes the emulator's defaults.
    assert config == {"callSeconds": 60.0, "concurrency": 10, "voicemailEvery": 10}
    return config


def campaign(customers: int, **extra: Any) -> dict[str, Any]:
    return {
        "name": "lifecycle",
        "phoneNumberId": "pn-1",
        "assistantId": "asst-1",
        "customers": [{"number": f"+1415555{i:04d}"} for i in range(customers)],
        **extra,
    }


def advance(emulator, seconds: float) -> None:
    emulator.control.post("clock", json={"advanceSeconds": seconds}).raise_for_status()


def emulator_now(emulator) -> datetime:
    now = emulator.control.get("clock").json()["now"]
    return datetime.fromisoformat(now.replace("Z", "+00:00"))


def iso(dt: datetime) -> str:
    return dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def counters(c: dict[str, Any]) -> tuple[int, int, int, int, int]:
    return (
        c["callsCounterScheduled"],
        c["callsCounterQueued"],
        c["callsCounterInProgress"],
        c["callsCounterEnded"],
        c["callsCounterEndedVoicemail"],
    )


def get(api: httpx.Client, cid: str) -> dict[str, Any]:
    response = api.get(f"/campaign/{cid}")
    assert response.status_code == 200
    result: dict[str, Any] = response.json()
    return result


def test_calls_are_placed_in_waves_until_the_campaign_ends(api, emulator, settings):
    created = api.post("/campaign", json=campaign(25)).json()
    cid = created["id"]
    assert created["status"] == "in-progress"
    assert counters(created) == (25, 15, 10, 0, 0)
    assert sorted(c["customerIndex"] for c in created["calls"].values()) == list(range(10))
    assert {c["status"] for c in created["calls"].values()} == {"in-progress"}

    advance(emulator, 90)  # second wave dialing
    c = get(api, cid)
    assert c["status"] == "in-progress"
    assert counters(c) == (25, 5, 10, 10, 1)
    assert len(c["calls"]) == 20
    ended = {v["customerIndex"]: v for v in c["calls"].values() if v["status"] == "ended"}
    assert sorted(ended) == list(range(10))
    assert ended[9]["endedReason"] == "voicemail"
    assert ended[0]["endedReason"] == "customer-ended-call"
    assert set(c["calls"]) >= set(created["calls"])  # call ids are stable

    advance(emulator, 60)  # third (last, partial) wave
    assert counters(get(api, cid)) == (25, 0, 5, 20, 2)

    advance(emulator, 60)  # every call has ended
    c = get(api, cid)
    assert c["status"] == "ended"
    assert c["endedReason"] == "campaign.ended.success"
    assert counters(c) == (25, 0, 0, 25, 2)
    assert c["callsCounterEnded"] == c["callsCounterScheduled"]
    created_at = datetime.fromisoformat(c["createdAt"].replace("Z", "+00:00"))
    assert c["updatedAt"] == iso(created_at + timedelta(seconds=180))


def test_a_scheduled_campaign_starts_dialing_at_earliest_at(api, emulator, settings):
    start = emulator_now(emulator) + timedelta(hours=1)
    created = api.post(
        "/campaign", json=campaign(3, schedulePlan={"earliestAt": iso(start)})
    ).json()
    assert created["status"] == "scheduled"
    assert counters(created) == (3, 0, 0, 0, 0)
    advance(emulator, 1800)
    assert get(api, created["id"])["status"] == "scheduled"
    advance(emulator, 1830)
    c = get(api, created["id"])
    assert c["status"] == "in-progress"
    assert counters(c) == (3, 0, 3, 0, 0)
    assert c["updatedAt"] == iso(start)
    advance(emulator, 60)
    assert get(api, created["id"])["endedReason"] == "campaign.ended.success"


def test_latest_at_cuts_off_calls_not_yet_dialed(api, emulator, settings):
    start = emulator_now(emulator) + timedelta(seconds=10)
    plan = {"earliestAt": iso(start), "latestAt": iso(start + timedelta(seconds=90))}
    cid = api.post("/campaign", json=campaign(25, schedulePlan=plan)).json()["id"]
    advance(emulator, 40)  # 30 s after dialing started
    assert counters(get(api, cid)) == (25, 10, 10, 0, 0)
    advance(emulator, 70)  # past latestAt: the third wave is never dialed
    c = get(api, cid)
    assert c["status"] == "in-progress"
    assert counters(c) == (20, 0, 10, 10, 1)
    advance(emulator, 60)
    c = get(api, cid)
    assert (c["status"], c["endedReason"]) == ("ended", "campaign.ended.success")
    assert counters(c) == (20, 0, 0, 20, 2)


def test_ending_in_progress_deletes_queued_calls_and_lets_calls_finish(api, emulator, settings):
    cid = api.post("/campaign", json=campaign(25)).json()["id"]
    advance(emulator, 30)
    ended = api.patch(f"/campaign/{cid}", json={"status": "ended"}).json()
    assert (ended["status"], ended["endedReason"]) == (
        "ended",
        "campaign.in-progress.ended-by-user",
    )
    assert counters(ended) == (10, 0, 10, 0, 0)
    advance(emulator, 60)
    c = get(api, cid)
    assert counters(c) == (10, 0, 0, 10, 1)
    assert c["endedReason"] == "campaign.in-progress.ended-by-user"
    assert len(c["calls"]) == 10


def test_rescheduling_moves_the_dial_time(api, emulator, settings):
    now = emulator_now(emulator)
    plan = {"earliestAt": iso(now + timedelta(hours=1))}
    cid = api.post("/campaign", json=campaign(2, schedulePlan=plan)).json()["id"]
    later = {"earliestAt": iso(now + timedelta(hours=2))}
    assert api.patch(f"/campaign/{cid}", json={"schedulePlan": later}).status_code == 200
    advance(emulator, 5400)
    assert get(api, cid)["status"] == "scheduled"
    advance(emulator, 1830)
    assert get(api, cid)["status"] == "in-progress"


def test_listing_follows_the_clock_and_reset_rewinds_it(api, emulator, settings):
    start = emulator_now(emulator) + timedelta(minutes=10)
    api.post("/campaign", json=campaign(1, schedulePlan={"earliestAt": iso(start)}))

    def statuses() -> list[str]:
        return [c["status"] for c in api.get("/campaign").json()["results"]]

    assert statuses() == ["scheduled"]
    advance(emulator, 630)
    assert statuses() == ["in-progress"]
    assert (
        api.get("/campaign", params={"status": "in-progress"}).json()["metadata"]["totalItems"] == 1
    )
    advance(emulator, 60)
    assert statuses() == ["ended"]
    assert emulator_now(emulator) == start - timedelta(minutes=10) + timedelta(seconds=690)
    emulator.control.post("reset").raise_for_status()
    clock = emulator.control.get("clock").json()
    assert (clock["frozen"], clock["offsetSeconds"]) == (False, 0)
    assert statuses() == []


def test_clock_rejects_going_backwards(emulator):
    for body in ({"advanceSeconds": -1}, {"advanceSeconds": "1"}, {}):
        assert emulator.control.post("clock", json=body).status_code == 400
    assert emulator.control.get("clock").json()["offsetSeconds"] == 0
