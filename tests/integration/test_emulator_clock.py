"""The emulator's clock as docs/emulator.md ("The clock") promises it: frozen, it stands still
for the lifecycle, the stored times and the ``Date`` header alike; it is set and moved forward
exactly, never back; a thawed clock runs on from where it stood; reset lets it run again."""

from __future__ import annotations

from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Any

import pytest

from pulumi_cozmox.client.api import CozmoxClient
from pulumi_cozmox.client.settings import Settings
from tests.conftest import Emulator

AT = "2030-03-04T17:00:00.000Z"


def instant(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def campaign(customers: int) -> dict[str, Any]:
    return {
        "name": "clock",
        "phoneNumberId": "pn-1",
        "assistantId": "asst-1",
        "customers": [{"number": f"+1415555{i:04d}"} for i in range(customers)],
    }


def counters(c: dict[str, Any]) -> tuple[int, int, int, int]:
    keys = ("Scheduled", "Queued", "InProgress", "Ended")
    return tuple(c[f"callsCounter{k}"] for k in keys)  # type: ignore[return-value]


def test_a_frozen_clock_stands_still_for_every_reader(emulator: Emulator) -> None:
    clock = emulator.clock(freeze=True, set=AT)
    assert (clock["now"], clock["frozen"]) == (AT, True)
    with emulator.api() as api:
        created = api.post("/campaign", json=campaign(25))
        cid = created.json()["id"]
        # Stored times, the Date header and the lifecycle all read the frozen instant.
        assert created.json()["createdAt"] == AT
        assert parsedate_to_datetime(created.headers["Date"]) == instant(AT)
        emulator.clock(advance="PT90S")  # the second wave dials: 10 ended, 10 in progress
        first = api.get(f"/campaign/{cid}")
        listed = api.get("/campaign", params={"status": "in-progress"}).json()["results"]
        again = api.get(f"/campaign/{cid}")
    assert counters(first.json()) == counters(again.json()) == (25, 5, 10, 10)
    assert [counters(c) for c in listed] == [(25, 5, 10, 10)]
    assert first.headers["Date"] == again.headers["Date"] == "Mon, 04 Mar 2030 17:01:30 GMT"
    assert emulator.control.get("clock").json()["now"] == "2030-03-04T17:01:30.000Z"


def test_freezing_stops_on_the_next_whole_second(emulator: Emulator) -> None:
    before = instant(emulator.control.get("clock").json()["now"])
    frozen = emulator.clock(freeze=True)
    stopped = instant(frozen["now"])
    assert frozen["frozen"] and stopped.microsecond == 0
    assert before <= stopped <= before + timedelta(minutes=5)
    assert emulator.clock(freeze=True)["now"] == frozen["now"]  # frozen again: no move


@pytest.mark.parametrize(
    ("move", "after"),
    [
        ({"advance": "PT2H"}, "2030-03-04T19:00:00.000Z"),
        ({"advance": "P1DT30M"}, "2030-03-05T17:30:00.000Z"),
        ({"advance": "P1W"}, "2030-03-11T17:00:00.000Z"),
        ({"advance": "PT0.5S"}, "2030-03-04T17:00:00.500Z"),
        ({"advanceSeconds": 90}, "2030-03-04T17:01:30.000Z"),
        ({"set": "2030-03-04T18:00:00+01:00"}, AT),  # the same instant: no move
        ({"set": "2031-01-01T00:00:00Z"}, "2031-01-01T00:00:00.000Z"),
    ],
)
def test_a_frozen_clock_moves_exactly_as_asked(
    emulator: Emulator, move: dict[str, Any], after: str
) -> None:
    emulator.clock(freeze=True, set=AT)
    moved = emulator.clock(**move)
    assert (moved["now"], moved["frozen"]) == (after, True)
    assert emulator.control.get("clock").json()["now"] == after


@pytest.mark.parametrize(
    ("body", "says"),
    [
        ({"set": "2030-03-04T16:59:59Z"}, "the clock only moves forward"),
        ({"advanceSeconds": -1}, "advanceSeconds must be a non-negative number"),
        ({"advance": "-PT1H"}, "ISO 8601 duration"),
        ({"advance": "P1M"}, "ISO 8601 duration"),  # months have no fixed length
        ({"advance": "PT"}, "ISO 8601 duration"),
        ({"set": "tomorrow"}, "set must be an ISO 8601 date-time"),
        ({"freeze": "yes"}, "freeze must be true or false"),
        ({"set": AT, "advance": "PT1H"}, "give one of set, advance and advanceSeconds"),
        ({"rewind": True}, "unknown keys: rewind"),
        ({}, "body must be an object"),
    ],
)
def test_a_move_back_or_unclear_is_refused_and_changes_nothing(
    emulator: Emulator, body: dict[str, Any], says: str
) -> None:
    emulator.clock(freeze=True, set=AT)
    refused = emulator.control.post("clock", json=body)
    assert refused.status_code == 400 and says in refused.json()["error"]
    assert emulator.control.get("clock").json() | {"offsetSeconds": 0} == {
        "now": AT,
        "offsetSeconds": 0,
        "frozen": True,
    }


def test_a_thawed_clock_runs_on_from_where_it_stood_and_reset_lets_it_run(
    emulator: Emulator,
) -> None:
    emulator.clock(freeze=True, set=AT)
    thawed = emulator.clock(freeze=False)
    assert not thawed["frozen"] and instant(thawed["now"]) >= instant(AT)
    assert instant(emulator.control.get("clock").json()["now"]) < instant(AT) + timedelta(hours=1)
    emulator.control.post("reset").raise_for_status()
    clock = emulator.control.get("clock").json()
    assert (clock["frozen"], clock["offsetSeconds"]) == (False, 0)


def test_the_provider_reads_a_frozen_clock_from_the_answers(emulator: Emulator) -> None:
    # The client learns the API's time from the Date header (issue 17): a frozen instant years
    # ahead of this machine is what it judges by, give or take the time since the answer.
    emulator.clock(freeze=True, set=AT)
    settings = Settings(api_key=emulator.api_key, base_url=emulator.base_url)
    with CozmoxClient(settings) as client:
        client.verify()
        now = client.now()
    assert instant(AT) <= now < instant(AT) + timedelta(minutes=5)
