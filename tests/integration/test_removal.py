"""The core tier of a removal (issue 28, "History is kept"): the run's delete hook, and the
rules that read the org afterwards, against the emulator over HTTP.

A campaign's record is the org's only history of who was called: removing a resource (from
the program, `pulumi destroy`, a replacement's delete) ends a campaign that still dials and
keeps the record of one that dialed (Pulumi forgets it); one that never dialed is deleted;
``delete_record_on_remove`` recorded in state deletes a dialed one too. The kept record still
counts for the call limit and the duplicate guard. Requests are counted in the emulator's
journal; the clock is the emulator's, moved to fixed dates in 2099.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

import pytest

from pulumi_cozmox.core.engine.run import Run
from pulumi_cozmox.core.model.customers import encode_customers
from pulumi_cozmox.core.resource import names
from tests.conftest import Emulator
from tests.integration.helpers import Collect, create

ADA, GRACE = "+14155550101", "+14155550102"
#: Monday 5 January 2099, 17:00 UTC: 09:00 in San Francisco.
MONDAY = "2099-01-05T17:00"


def window(start: str, hours: int = 3) -> dict[str, str]:
    begin = datetime.fromisoformat(start).replace(tzinfo=timezone.utc)
    end = begin + timedelta(hours=hours)
    return {
        "earliestAt": begin.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "latestAt": end.strftime("%Y-%m-%dT%H:%M:%SZ"),
    }


def props(resource: str, start: str, numbers: list[str], **extra: Any) -> dict[str, Any]:
    customers = [{"number": n} for n in numbers]
    return {
        "resource_name": resource,
        "name": f"Reminders {start}",
        "phone_number_id": "pn-1",
        "assistant_id": "asst-1",
        "schedule_plan": window(start),
        "customers": encode_customers(customers),
        "customer_count": len(customers),
        **extra,
    }


def requests(emulator: Emulator) -> list[str]:
    """The journal as ``METHOD path``, in arrival order."""
    entries = sorted(emulator.control.get("requests").json(), key=lambda e: e["arrived"])
    return [f"{e['method']} {e['path']}" for e in entries]


def clear(emulator: Emulator) -> None:
    emulator.control.delete("requests").raise_for_status()


def remove(run: Run, recorded: dict[str, Any]) -> Collect:
    """The delete hook, as `up` calls it for a removed resource: what it said."""
    said = Collect()
    run.delete(recorded["id"], recorded, said)
    return said


# --- forget, delete, end ---------------------------------------------------------------------


def test_removing_an_ended_campaign_forgets_it_and_keeps_its_record(run_for, emulator) -> None:
    run = run_for()
    recorded = create(run, props("monday", MONDAY, [ADA, GRACE]))
    cid = recorded["id"]
    emulator.move_clock_to(MONDAY, 3600)  # both calls placed and ended (60 s each)
    assert emulator.stored(cid)["status"] == "ended"  # type: ignore[index]
    clear(emulator)
    said = remove(run, recorded)  # recorded as scheduled: the hook reads it live
    assert requests(emulator) == [f"GET /campaign/{cid}"]  # no PATCH, no DELETE
    kept = emulator.stored(cid)
    assert kept is not None and kept["status"] == "ended" and kept["callsCounterEnded"] == 2
    [notice] = [names.render(n, "python") for n in said.notices]
    assert f'campaign {cid} (resource "monday") has dialed: kept in the API' in notice
    assert "forgotten by Pulumi" in notice
    assert "set delete_record_on_remove=True and run `pulumi up`" in notice
    assert f"DELETE /campaign/{cid}" in notice


def test_removing_a_dialing_campaign_ends_it_with_one_patch_and_keeps_it(run_for, emulator) -> None:
    run = run_for()
    numbers = [f"+1415556{i:04d}" for i in range(25)]
    recorded = create(run, props("busy", MONDAY, numbers))
    cid = recorded["id"]
    # 90 s in: 10 calls ended, 10 in progress, 5 not placed (10 lines, 60 s a call).
    emulator.move_clock_to(MONDAY, 90)
    clear(emulator)
    said = remove(run, recorded)
    assert requests(emulator) == [f"GET /campaign/{cid}", f"PATCH /campaign/{cid}"]
    kept = emulator.stored(cid)
    assert kept is not None and kept["status"] == "ended"
    [notice] = said.notices
    assert "was in progress: ended (5 calls not placed, 10 in progress finish), then kept" in (
        notice
    )


def test_removing_a_scheduled_campaign_deletes_it(run_for, emulator) -> None:
    run = run_for()
    recorded = create(run, props("later", MONDAY, [ADA]))
    cid = recorded["id"]
    clear(emulator)
    said = remove(run, recorded)
    assert requests(emulator) == [f"GET /campaign/{cid}", f"DELETE /campaign/{cid}"]
    assert emulator.stored(cid) is None
    assert said.notices == []  # nobody was called: nothing to say


def test_a_campaign_ended_before_it_dialed_is_deleted(run_for, emulator) -> None:
    run = run_for()
    recorded = create(run, props("stopped", MONDAY, [ADA]))
    cid = recorded["id"]
    with emulator.api() as api:  # ended=True while scheduled: no call placed
        api.patch(f"/campaign/{cid}", json={"status": "ended"}).raise_for_status()
    clear(emulator)
    remove(run, {**recorded, "status": "ended"})
    assert requests(emulator) == [f"GET /campaign/{cid}", f"DELETE /campaign/{cid}"]
    assert emulator.stored(cid) is None


@pytest.mark.parametrize(
    ("seconds", "sent"), [(3600, ["GET", "DELETE"]), (90, ["GET", "PATCH", "DELETE"])]
)
def test_the_opt_in_recorded_in_state_deletes_a_dialed_campaign(
    seconds: float, sent: list[str], run_for, emulator
) -> None:
    # Ended (3600 s in) or still dialing (90 s in): ended first, then deleted with its record.
    run = run_for()
    numbers = [f"+1415556{i:04d}" for i in range(25)]
    recorded = create(run, props("erase", MONDAY, numbers, delete_record_on_remove=True))
    cid = recorded["id"]
    emulator.move_clock_to(MONDAY, seconds)
    clear(emulator)
    said = remove(run, recorded)
    assert requests(emulator) == [f"{method} /campaign/{cid}" for method in sent]
    assert emulator.stored(cid) is None
    [notice] = [names.render(n, "python") for n in said.notices]
    assert "deleted with its record (delete_record_on_remove)" in notice


def test_the_opt_in_must_be_a_boolean(run_for, emulator) -> None:
    failures = run_for().check(
        {}, props("x", MONDAY, [ADA], delete_record_on_remove="yes"), Collect()
    )
    assert [(f.path, f.reason) for f in failures] == [
        ("deleteRecordOnRemove", "must be a boolean (true or false)")
    ]
    assert requests(emulator) == []


# --- what the kept record still counts for ---------------------------------------------------


def test_the_call_limit_sees_a_removed_campaign_that_dialed(run_for, emulator) -> None:
    # Issue 28, case 3: under 1/7d, Ada is called on Monday; Monday's campaign ends and is
    # removed; a campaign calling her on Wednesday is refused at preview (a new run: check).
    first = run_for(callLimit="1/7d")
    monday = create(first, props("monday", MONDAY, [ADA]))
    emulator.move_clock_to(MONDAY, 3600)
    remove(first, monday)
    assert emulator.stored(monday["id"]) is not None
    preview = run_for(callLimit="1/7d")
    wednesday = props("wednesday", "2099-01-07T17:00", [GRACE, ADA])
    [failure] = preview.check({}, wednesday, Collect())
    text = names.render(failure.reason, "python")
    assert "customers[1]: also called by 1 other campaign within 7d" in text
    assert "customers[0]" not in text
    assert f"campaign {monday['id']}" in text and "past the call limit 1/7d" in text
    assert ADA not in text and ADA[2:] not in text
    # Ten days after Monday: outside the period, allowed.
    assert (
        run_for(callLimit="1/7d").check({}, props("later", "2099-01-15T17:00", [ADA]), Collect())
        == []
    )


def test_with_the_opt_in_the_call_limit_no_longer_sees_the_deleted_campaign(
    run_for, emulator
) -> None:
    # The old behaviour, now on request: the record is deleted, and with it what the limit
    # could count.
    first = run_for(callLimit="1/7d")
    monday = create(first, props("monday", MONDAY, [ADA], delete_record_on_remove=True))
    emulator.move_clock_to(MONDAY, 3600)
    remove(first, monday)
    assert emulator.stored(monday["id"]) is None
    wednesday = props("wednesday", "2099-01-07T17:00", [GRACE, ADA])
    assert run_for(callLimit="1/7d").check({}, wednesday, Collect()) == []


def test_a_kept_campaign_declared_again_is_a_duplicate_and_a_new_window_is_not(
    run_for, emulator
) -> None:
    first = run_for()
    monday = create(first, props("monday", MONDAY, [ADA]))
    emulator.move_clock_to(MONDAY, 3600)
    remove(first, monday)
    again = run_for()
    same = props("monday", MONDAY, [ADA], name="Another name")  # the name does not count
    [failure] = again.check({}, same, Collect())
    text = names.render(failure.reason, "python")
    assert f"an identical campaign already exists in the Cozmox org: {monday['id']}" in text
    assert "its record is kept): to call these people again, give this one a new window" in text
    assert f'adopt_id="{monday["id"]}"' in text
    next_week = props("monday", "2099-01-12T17:00", [ADA])
    assert run_for().check({}, next_week, Collect()) == []
