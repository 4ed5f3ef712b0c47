"""The core tier: the run's hooks (check, diff, create, update, read) against the emulator over
HTTP, no CLI. The rules across campaigns (call limit, do-not-call list, calling policy) judge
creates, moved windows and, at every preview, campaigns that can still call; the org is read
once per run, bounded; every message is true to the scenario. Requests are counted in the
emulator's journal; expected values follow from each scenario."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest

from pulumi_cozmox.core.engine.outcome import Refusal
from pulumi_cozmox.core.engine.run import Run
from pulumi_cozmox.core.model.customers import encode_customers
from pulumi_cozmox.core.resource import names
from tests.conftest import Emulator
from tests.integration.helpers import Collect, campaigns, create

ADA, GRACE, ALAN, EDSGER = "+14155550101", "+14155550102", "+14155550103", "+14155550104"
#: Where tests that read the server's time stop the emulator's clock.
NOW = "2030-03-04T17:00:00Z"
POST = {"method": "POST", "path": "/campaign"}


def instant(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def window(start: str, hours: int = 3) -> dict[str, str]:
    begin = datetime.fromisoformat(start).replace(tzinfo=timezone.utc)
    end = begin + timedelta(hours=hours)
    return {
        "earliestAt": begin.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "latestAt": end.strftime("%Y-%m-%dT%H:%M:%SZ"),
    }


def props(resource: str, start: str, numbers: list[str], **extra: Any) -> dict[str, Any]:
    """A resource's inputs as the dynamic provider gives them (US numbers: 17:00 UTC is
    09:00-12:00 in San Francisco, inside calling hours)."""
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


def api_body(p: dict[str, Any], numbers: list[str]) -> dict[str, Any]:
    return {
        "name": p["name"],
        "phoneNumberId": "pn-1",
        "assistantId": "asst-1",
        "schedulePlan": p["schedule_plan"],
        "customers": [{"number": n} for n in numbers],
    }


def journal(emulator: Emulator) -> list[str]:
    return [
        f"{e['method']} {e['path']}" + (f"?{e['query']}" if e["query"] else "")
        for e in emulator.control.get("requests").json()
    ]


def python(text: str) -> str:
    return names.render(text, "python")


# --- the org, read once per run and bounded ---------------------------------------------------


def lookback_of(emulator: Emulator) -> datetime:
    """Where the run's read of ended campaigns starts (its ``updatedAtGe``)."""
    [ended] = [r for r in journal(emulator) if r.startswith("GET /campaign?status=ended")]
    since = ended.split("updatedAtGe=")[1].split("&")[0].replace("%3A", ":")
    return datetime.fromisoformat(since.replace("Z", "+00:00"))


def test_the_org_is_read_once_per_run_bounded_by_the_lookback(run_for, emulator) -> None:
    # The clock stands still: the server's time of the read is this instant, exactly.
    emulator.clock(freeze=True, set=NOW)
    run = run_for(callLimit="2/30d")
    for i, start in enumerate(("2099-01-05T17:00", "2099-01-06T17:00", "2099-01-07T17:00")):
        assert run.check({}, props(f"c{i}", start, [f"+1415555020{i}"]), Collect()) == []
    listings = [r for r in journal(emulator) if r.startswith("GET /campaign?")]
    # One read for three creates: what can still call, and what ended within the lookback,
    # which is the call limit's period (30 days, longer than the 7 days kept at least).
    assert len(listings) == 3
    assert "status=scheduled" in listings[0] and "status=in-progress" in listings[1]
    assert lookback_of(emulator) == instant(NOW) - timedelta(days=30)


def test_without_a_rule_asking_more_the_lookback_is_seven_days(run_for, emulator) -> None:
    # A killed `pulumi up` re-run days later still finds the campaign it had created, even if
    # it has dialed and ended since: ended campaigns are read 7 days back, and no further.
    emulator.clock(freeze=True, set=NOW)
    run = run_for(callLimit="1/24h")  # a period shorter than the 7 days kept
    assert run.check({}, props("c", "2099-01-05T17:00", [ADA]), Collect()) == []
    assert lookback_of(emulator) == instant(NOW) - timedelta(days=7)


# --- the call limit: creates, and windows that move --------------------------------------------


def test_a_create_past_the_call_limit_is_refused_naming_paths_and_the_other(
    run_for, emulator
) -> None:
    other = run_for(callLimit="1/24h")
    monday = create(other, props("monday", "2099-01-05T17:00", [ADA, GRACE]))
    run = run_for(callLimit="1/24h")
    # Grace again 21 hours after Monday's window closed; Edsger is new.
    failures = run.check({}, props("tuesday", "2099-01-06T17:00", [EDSGER, GRACE]), Collect())
    [failure] = failures
    text = python(failure.reason)
    assert "customers[1]" in text and "customers[0]" not in text
    assert f"campaign {monday['id']}" in text and "past the call limit 1/24h" in text
    assert GRACE not in text and GRACE[2:] not in text
    assert run.check({}, props("later", "2099-01-08T17:00", [GRACE]), Collect()) == []


def test_the_call_limit_counts_the_other_creates_of_this_run(run_for, emulator) -> None:
    # A preview of two new campaigns: neither is in the org, yet the second calls Grace four
    # hours after the first does.
    run = run_for(callLimit="1/24h")
    assert run.check({}, props("monday", "2099-01-05T17:00", [ADA, GRACE]), Collect()) == []
    [failure] = run.check({}, props("evening", "2099-01-05T21:00", [EDSGER, GRACE]), Collect())
    text = python(failure.reason)
    assert "customers[1]" in text and "customers[0]" not in text
    assert 'resource "monday" (created in this run)' in text
    assert "past the call limit 1/24h" in text
    assert not [r for r in journal(emulator) if not r.startswith("GET ")]  # nothing written


def test_moving_a_window_past_the_call_limit_is_refused_at_preview(run_for, emulator) -> None:
    # Issue 23, case 1: a campaign created a week after another (fine), then moved to an hour
    # after it, calling the same person.
    first = create(run_for(callLimit="1/24h"), props("first", "2099-01-05T17:00", [ADA]))
    run = run_for(callLimit="1/24h")
    week = props("week", "2099-01-12T17:00", [ADA])
    recorded = create(run, week)
    moved = {**week, "schedule_plan": window("2099-01-05T21:00")}
    emulator.control.delete("requests")
    with pytest.raises(Refusal) as refused:
        run.diff(recorded["id"], recorded, moved, Collect())
    text = python(str(refused.value))
    assert "moving its window" in text and "customers[0]" in text
    assert f"campaign {first['id']}" in text and "past the call limit 1/24h" in text
    assert {r.split(" ")[0] for r in journal(emulator)} == {"GET"}  # judged, nothing written
    # Further from Monday than 24 hours: the move is planned and applied.
    later = {**week, "schedule_plan": window("2099-01-07T17:00")}
    assert run.diff(recorded["id"], recorded, later, Collect()).changes
    out = run.update(recorded["id"], recorded, later, Collect())
    assert out["schedule_plan"] == later["schedule_plan"]


def test_up_judges_a_moved_window_again_once_the_org_caught_up(run_for, emulator) -> None:
    # The move is fine at preview; then, before `up` patches it, the dashboard schedules Ada
    # an hour before the moved window. `up` reads what changed (the catch-up just before the
    # PATCH), finds it, and refuses: nothing is patched.
    run = run_for(callLimit="1/24h")
    week = props("week", "2099-01-12T17:00", [ADA])
    recorded = create(run, week)
    moved = {**week, "schedule_plan": window("2099-01-05T21:00")}
    assert run.diff(recorded["id"], recorded, moved, Collect()).changes  # planned
    with emulator.api() as api:
        dashboard = api.post(
            "/campaign", json=api_body(props("x", "2099-01-05T17:00", [ADA]), [ADA])
        ).json()
    emulator.control.delete("requests")
    with pytest.raises(Refusal) as refused:
        run.update(recorded["id"], recorded, moved, Collect())
    text = python(str(refused.value))
    assert "moving its window" in text and f"campaign {dashboard['id']}" in text
    assert not [r for r in journal(emulator) if r.startswith("PATCH")]
    with emulator.api() as api:
        kept = api.get(f"/campaign/{recorded['id']}").json()["schedulePlan"]
    assert kept == week["schedule_plan"]


def test_a_campaign_created_later_elsewhere_past_the_limit_is_named_at_every_preview(
    run_for, emulator
) -> None:
    run = run_for(callLimit="1/24h")
    mine = props("mine", "2099-01-05T17:00", [ADA, GRACE])
    recorded = create(run, mine)
    # The dashboard schedules Grace an hour after this campaign, after it was created.
    with emulator.api() as api:
        later = api.post(
            "/campaign", json=api_body(props("x", "2099-01-05T21:00", [GRACE]), [GRACE])
        ).json()
    said = Collect()
    diff = run_for(callLimit="1/24h").diff(recorded["id"], recorded, mine, said)
    assert diff.changes is False  # a warning, not a refusal: this campaign was first
    [warning] = [r for r in said.reports if r.over_limit]
    assert warning.campaign_id == recorded["id"] and warning.call_limit == "1/24h"
    [over] = warning.over_limit
    assert later["id"] in over.other and over.people == 1


# --- creates at the same moment, and lost answers -----------------------------------------------


def held(emulator: Emulator) -> int:
    return sum(rule.get("held", 0) for rule in emulator.control.get("faults").json())


def wait_for(condition: Callable[[], bool], what: str, seconds: float = 60.0) -> None:
    """Poll until ``condition`` holds (the deadline only bounds a failure)."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"never: {what}"
        time.sleep(0.01)


def test_a_twin_made_elsewhere_while_the_post_was_in_flight_makes_this_one_withdraw(
    run_for, emulator
) -> None:
    # The guard looked (nothing identical), the POST is held at the API; meanwhile another
    # stack creates the identical campaign, a second earlier (the clock stands still but
    # for that). Once this POST commits, the later of the two is deleted again.
    emulator.clock(freeze=True, set=NOW)
    run = run_for()
    spring = props("spring", "2099-01-14T17:00", [ADA, GRACE])
    assert run.check({}, spring, Collect()) == []
    emulator.control.post("faults", json={**POST, "action": "hold"}).raise_for_status()
    outcome: list[BaseException | str] = []

    def create_spring() -> None:
        try:
            outcome.append(run.create(spring, Collect())[0])
        except BaseException as exc:  # judged below
            outcome.append(exc)

    thread = threading.Thread(target=create_spring)
    thread.start()
    wait_for(lambda: held(emulator) == 1, "the run's POST held")
    with emulator.api() as api:
        twin = api.post("/campaign", json=api_body(spring, [ADA, GRACE])).json()
    emulator.clock(advance="PT1S")
    emulator.control.post("faults/release").raise_for_status()
    thread.join(60)
    [refused] = outcome
    assert isinstance(refused, Refusal), refused
    assert "is the later of them, so it was deleted again" in str(refused)
    assert f"an identical campaign, {twin['id']}" in str(refused)
    assert [c["id"] for c in campaigns(emulator)] == [twin["id"]]


def test_a_lost_answer_is_found_by_a_run_whose_api_clock_stands_still(run_for, emulator) -> None:
    # The API's clock is frozen; this machine's runs on: 6 s pass in the catch-up before the
    # POST (a slow answer). The lookup of the lost answer still starts before the instant the
    # API stamped the campaign with, so the campaign is found, not sent again.
    emulator.clock(freeze=True, set=NOW)
    run = run_for()
    spring = props("spring", "2099-01-14T17:00", [ADA])
    assert run.check({}, spring, Collect()) == []
    catch_up = {"method": "GET", "path": "/campaign", "query": "updatedAtGe=*"}
    for rule in (
        {**catch_up, "action": "delay", "delaySeconds": 6},
        {**POST, "action": "drop_after_commit"},
    ):
        emulator.control.post("faults", json=rule).raise_for_status()
    said = Collect()
    campaign_id, _ = run.create(spring, said)
    assert [c["id"] for c in campaigns(emulator)] == [campaign_id]
    assert [r for r in journal(emulator) if r.startswith("POST")] == ["POST /campaign"]
    assert any("the answer to POST /campaign was lost" in n for n in said.notices)


# --- rules changed after a campaign was scheduled --------------------------------------------


def test_a_blackout_added_after_scheduling_fails_every_preview(run_for, emulator, tmp_path) -> None:
    # Issue 23, case 2: the policy gets a blackout on the day a scheduled campaign dials.
    policy = tmp_path / "policy.toml"
    policy.write_text('hours = "08:00-21:00"\n')
    run = run_for(callingPolicy="policy.toml")
    spring = props("spring", "2099-01-14T17:00", [ADA, GRACE])
    recorded = create(run, spring)
    policy.write_text('hours = "08:00-21:00"\nblackout_dates = ["2099-01-14"]\n')
    emulator.control.delete("requests")
    with pytest.raises(Refusal) as refused:
        run_for(callingPolicy="policy.toml").diff(recorded["id"], recorded, spring, Collect())
    text = python(str(refused.value))
    assert "2099-01-14 (blackout date)" in text and "policy.toml" in text
    assert "customers[0], customers[1]" in text and "ended=True" in text
    assert ADA not in text and ADA[2:] not in text
    assert journal(emulator) == [f"GET /campaign/{recorded['id']}"]  # its live status, once
    # The way out the refusal gives: ended=True, planned as an update of that input alone.
    ended = {**spring, "ended": True}
    way_out = run_for(callingPolicy="policy.toml").diff(recorded["id"], recorded, ended, Collect())
    assert (way_out.changes, way_out.replaces, way_out.changed) == (True, (), ("ended",))


def test_a_person_listed_after_creation_is_named_in_the_live_campaigns_terms(
    run_for, emulator, tmp_path
) -> None:
    listed = tmp_path / "dnc.txt"
    listed.write_text("")
    run = run_for(doNotCall="dnc.txt")
    spring = props("spring", "2099-01-14T17:00", [ADA, GRACE, ALAN, EDSGER])
    recorded = create(run, spring)
    listed.write_text(f"{GRACE}\n")
    with pytest.raises(Refusal) as refused:
        run_for(doNotCall="dnc.txt").diff(recorded["id"], recorded, spring, Collect())
    assert "holds customers[1]: 1 customer on the do-not-call list" in python(str(refused.value))
    # Issue 23, case 3: a listed person added as a new row is the program's, not the live
    # campaign's: the replacement is judged as a create, naming the program's row.
    listed.write_text("+14155550105\n")
    five = [ADA, GRACE, ALAN, EDSGER, "+14155550105"]
    added = {**spring, "customers": encode_customers([{"number": n} for n in five])}
    added["customer_count"] = 5
    run = run_for(doNotCall="dnc.txt")
    diff = run.diff(recorded["id"], recorded, added, Collect())
    assert diff.replaces == ("customers",)
    failures = run.check({}, added, Collect())  # the engine checks a replacement's inputs again
    text = python(" ".join(f.reason for f in failures))
    assert "customers[4]: 1 customer is on the do-not-call list" in text
    assert "holds" not in text and "listed since the campaign was created" not in text


# --- true messages ----------------------------------------------------------------------------


def test_unending_a_campaign_that_never_dialed_is_a_first_call(run_for, emulator) -> None:
    run = run_for()
    spring = props("spring", "2099-01-14T17:00", [ADA, GRACE, ALAN])
    recorded = create(run, spring)
    ended = {**spring, "ended": True}
    run.diff(recorded["id"], recorded, ended, Collect())
    stopped = run.update(recorded["id"], recorded, ended, Collect())
    assert stopped["status"] == "ended" and stopped["calls_counter_ended"] == 0
    said = Collect()
    diff = run_for().diff(recorded["id"], stopped, spring, said)  # back to ended=False
    assert diff.replaces == ("ended",)
    [report] = [r for r in said.reports if r.action == "replace"]
    assert (report.people, report.again) == (3, 0)


def test_every_count_of_ending_comes_from_one_reading(run_for, emulator) -> None:
    # Issue 23, case 5: the state recorded a scheduled campaign; it has started dialing since.
    emulator.clock(freeze=True, set=NOW)  # its calls last a minute: none ends meanwhile
    run = run_for()
    start = instant(NOW) + timedelta(minutes=10)
    spring = props("spring", start.strftime("%Y-%m-%dT%H:%M:%S"), [ADA, GRACE, ALAN])
    spring["allow_outside_calling_hours"] = True  # whenever the test runs
    recorded = create(run, spring)
    assert recorded["status"] == "scheduled"
    # 5 s into the window: its calls (60 s each) are being made.
    emulator.clock(advance="PT10M5S")
    said = Collect()
    emulator.control.delete("requests")
    run_for().diff(recorded["id"], recorded, {**spring, "ended": True}, said)
    [report] = [r for r in said.reports if r.action == "update"]
    assert journal(emulator) == [f"GET /campaign/{recorded['id']}"]  # one reading for all
    assert report.status == "in-progress" and not report.status_recorded
    counters, stops = report.counters, report.stops
    assert counters is not None and stops is not None
    assert counters.scheduled == 3 and stops.in_progress == counters.in_progress > 0
    assert stops.not_placed == counters.scheduled - counters.ended - counters.in_progress


def test_refresh_with_a_refused_key_says_what_to_check(run_for, emulator) -> None:
    recorded = create(run_for(), props("spring", "2099-01-14T17:00", [ADA]))
    refused = Run({"cozmox:apiKey": "sk-revoked", "cozmox:baseUrl": emulator.base_url}, environ={})
    with pytest.raises(Refusal) as raised:
        refused.read(recorded["id"], recorded)
    text = str(raised.value)
    assert "refused the API key (401 Unauthorized): check cozmox:apiKey" in text
    assert "sk-revoked" not in text
