"""A campaign taken over (``adopt_id``) is judged as a created one is, on what it can still
call: the customers it has not called yet, in what is left of its window (the declared one
when the takeover moves it). Every rule judges it (calling hours, the built-in 08:00-21:00
included, the calling policy and its blackout dates, the do-not-call list, the call limit), at
preview (check) and again just before the PATCH (create); and once in state, every later
change of its window is judged as any campaign's. An ended campaign, or ``ended=True``, calls
nobody. A window that dials anew whose ``latestAt`` has passed is refused. The core tier: the
run's hooks against the emulator, requests counted in its journal."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from pulumi_cozmox.core.engine.importing import import_campaign
from pulumi_cozmox.core.engine.outcome import Refusal
from pulumi_cozmox.core.engine.run import Run
from pulumi_cozmox.core.model.customers import encode_customers
from pulumi_cozmox.core.resource import names
from tests.conftest import Emulator
from tests.integration.helpers import Collect

# 17:00-20:00 UTC is 09:00-12:00 in San Francisco (inside 08:00-21:00); 12:00-13:00 UTC is
# 04:00-05:00 there (outside).
DAY = {"earliestAt": "2099-01-14T17:00:00Z", "latestAt": "2099-01-14T20:00:00Z"}
NIGHT = {"earliestAt": "2099-01-14T12:00:00Z", "latestAt": "2099-01-14T13:00:00Z"}
CUSTOMERS = [{"number": f"+1415555{i:04d}"} for i in range(101, 104)]  # 3, San Francisco


def existing(emulator: Emulator, schedule: dict[str, str], customers: list[Any]) -> str:
    """A campaign made outside Pulumi (in the dashboard): its id."""
    body = {
        "name": "Made in the dashboard",
        "phoneNumberId": "pn-1",
        "assistantId": "asst-1",
        "schedulePlan": schedule,
        "customers": customers,
    }
    with emulator.api() as api:
        made = api.post("/campaign", json=body)
        made.raise_for_status()
    return str(made.json()["id"])


def news(adopt_id: str | None, schedule: dict[str, str], **extra: Any) -> dict[str, Any]:
    customers = extra.pop("customers", CUSTOMERS)
    return {
        "resource_name": "taken",
        "name": "Made in the dashboard",
        "phone_number_id": "pn-1",
        "assistant_id": "asst-1",
        "schedule_plan": schedule,
        "customers": encode_customers(customers),
        "customer_count": len(customers),
        **({"adopt_id": adopt_id} if adopt_id else {}),
        **extra,
    }


def failures(run: Run, olds: dict[str, Any], props: dict[str, Any], said: Collect) -> str:
    return names.render(
        " ".join(f"{f.path}: {f.reason}" for f in run.check(olds, props, said)), "python"
    )


def requests(emulator: Emulator) -> list[str]:
    return [f"{e['method']} {e['path']}" for e in emulator.control.get("requests").json()]


def test_a_night_campaign_taken_over_as_it_is_is_refused_with_the_ways_out(
    run_for, emulator: Emulator
) -> None:
    # Issue 28, case 1: the dashboard's campaign dials at 04:00 in San Francisco; taking it
    # over as it is does not stop it.
    campaign_id = existing(emulator, NIGHT, CUSTOMERS)
    emulator.control.delete("requests")
    said = Collect()
    text = failures(run_for(), {}, news(campaign_id, NIGHT), said)
    assert "would call 3 customers outside 08:00-21:00 their local time" in text
    assert "customers[0], customers[1], customers[2]" in text
    assert "2099-01-14 12:00-13:00 UTC" in text  # what is left of its window
    assert "the campaign still dials as it is" in text
    assert "schedule_plan (while it is scheduled)" in text
    assert "ended=True" in text and "allow_outside_calling_hours=True" in text
    assert CUSTOMERS[0]["number"] not in text
    assert said.reports == []
    # One read of the campaign and of each object it names; no write.
    named = ["GET /assistant/asst-1", "GET /phone-number/pn-1"]
    assert requests(emulator) == [f"GET /campaign/{campaign_id}", *named]
    # Each way out passes: end it, opt in, or move the window into the day.
    for way in (
        news(campaign_id, NIGHT, ended=True),
        news(campaign_id, NIGHT, allow_outside_calling_hours=True),
        news(campaign_id, DAY),
    ):
        assert run_for().check({}, way, Collect()) == [], way


def test_up_judges_the_takeover_again_just_before_its_patch(run_for, emulator: Emulator) -> None:
    campaign_id = existing(emulator, DAY, CUSTOMERS)
    moved = news(campaign_id, NIGHT)  # moved to 04:00-05:00 in San Francisco
    assert "outside 08:00-21:00" in failures(run_for(), {}, moved, Collect())
    emulator.control.delete("requests")
    with pytest.raises(Refusal) as refused:
        run_for().create(moved, Collect())  # as `up` would, had check let it through
    assert "the campaign still dials as it is" in names.render(str(refused.value), "python")
    # What it names is read (a new run), then the campaign; never PATCHed.
    named = ["GET /assistant/asst-1", "GET /phone-number/pn-1"]
    assert requests(emulator) == [*named, f"GET /campaign/{campaign_id}"]
    with emulator.api() as api:
        assert api.get(f"/campaign/{campaign_id}").json()["schedulePlan"] == DAY


def test_a_blackout_date_refuses_a_takeover(run_for, emulator: Emulator, tmp_path: Path) -> None:
    (tmp_path / "policy.toml").write_text(
        'hours = "08:00-21:00"\nblackout_dates = ["2099-01-14"]\n'
    )
    campaign_id = existing(emulator, DAY, CUSTOMERS)
    text = failures(run_for(callingPolicy="policy.toml"), {}, news(campaign_id, DAY), Collect())
    assert "on 2099-01-14 (blackout date)" in text and "policy.toml" in text
    assert "the campaign still dials as it is" in text


def test_the_do_not_call_list_and_the_call_limit_judge_a_takeover(
    run_for, emulator: Emulator, tmp_path: Path
) -> None:
    (tmp_path / "dnc.txt").write_text(f"{CUSTOMERS[1]['number']}\n")
    campaign_id = existing(emulator, DAY, CUSTOMERS)
    text = failures(run_for(doNotCall="dnc.txt"), {}, news(campaign_id, DAY), Collect())
    assert "customers[1]: 1 not called yet and on the do-not-call list" in text
    assert "the campaign still dials as it is" in text and "ended=True" in text
    ended = news(campaign_id, DAY, ended=True)
    assert run_for(doNotCall="dnc.txt").check({}, ended, Collect()) == []
    # Another campaign calls customers[0] an hour later: past a limit of 1 a day.
    later = {"earliestAt": "2099-01-14T21:00:00Z", "latestAt": "2099-01-14T22:00:00Z"}
    other = existing(emulator, later, CUSTOMERS[:1])
    text = failures(run_for(callLimit="1/24h"), {}, news(campaign_id, DAY), Collect())
    assert (
        f"customers[0]: also called by 1 other campaign within 24h of this one (campaign {other}"
        in text
    )
    assert "past the call limit 1/24h" in text and "the campaign still dials as it is" in text


def test_a_takeover_reports_whom_it_still_calls_and_when(run_for, emulator: Emulator) -> None:
    # Issue 28, case 1: a scheduled campaign of 3 customers read "calls nobody".
    campaign_id = existing(emulator, DAY, CUSTOMERS)
    said = Collect()
    assert run_for().check({}, news(campaign_id, DAY, name="Renamed"), said) == []
    (report,) = said.reports
    assert (report.action, report.campaign_id, report.people, report.again) == (
        "adopt",
        campaign_id,
        3,
        0,
    )
    assert report.window_start == datetime(2099, 1, 14, 17, tzinfo=timezone.utc)
    assert report.window_end == datetime(2099, 1, 14, 20, tzinfo=timezone.utc)
    assert [(z.zone, z.people, z.outside) for z in report.zones] == [
        ("America/Los_Angeles", 3, False)
    ]
    # Taken over and ended: nobody.
    ended = Collect()
    assert run_for().check({}, news(campaign_id, DAY, ended=True), ended) == []
    assert (ended.reports[0].people, ended.reports[0].window_start) == (0, None)


def test_an_ended_campaign_taken_over_calls_nobody_and_is_not_refused(
    run_for, emulator: Emulator
) -> None:
    campaign_id = existing(emulator, NIGHT, CUSTOMERS)
    with emulator.api() as api:
        api.patch(f"/campaign/{campaign_id}", json={"status": "ended"}).raise_for_status()
    said = Collect()
    assert run_for().check({}, news(campaign_id, NIGHT), said) == []
    assert said.reports[0].people == 0


def test_only_the_customers_not_called_yet_are_judged(
    run_for, emulator: Emulator, tmp_path
) -> None:
    # 12 customers dialed 10 at a time from 17:00 UTC; at 17:00:30 (by the emulator's clock)
    # the first 10 are being called, customers[10] and [11] are not called yet.
    twelve = [{"number": f"+1415555{i:04d}"} for i in range(200, 212)]
    campaign_id = existing(emulator, DAY, twelve)
    now = datetime.fromisoformat(emulator.control.get("clock").json()["now"].replace("Z", "+00:00"))
    target = datetime(2099, 1, 14, 17, 0, 30, tzinfo=timezone.utc)
    emulator.control.post("clock", json={"advanceSeconds": (target - now).total_seconds()})
    (tmp_path / "dnc.txt").write_text(f"{twelve[3]['number']}\n{twelve[11]['number']}\n")
    said = Collect()
    text = failures(
        run_for(doNotCall="dnc.txt"), {}, news(campaign_id, DAY, customers=twelve), said
    )
    assert "customers[11]: 1 not called yet and on the do-not-call list" in text
    assert "customers[3]" not in text  # called already: nothing a takeover can stop


def test_a_later_move_of_a_taken_over_window_is_judged_as_any(run_for, emulator: Emulator) -> None:
    # adopt_id stays set in the program: the window moved into the night later is refused.
    campaign_id = existing(emulator, DAY, CUSTOMERS)
    run = run_for()
    taken = news(campaign_id, DAY)
    assert run.check({}, taken, Collect()) == []
    recorded_id, outputs = run.create(taken, Collect())
    recorded = {**outputs, "id": recorded_id}
    text = failures(run_for(), recorded, news(campaign_id, NIGHT), Collect())
    assert "outside 08:00-21:00" in text
    # A rename is no new window: not judged (the night campaign above never could be either).
    assert run_for().check(recorded, news(campaign_id, DAY, name="Renamed"), Collect()) == []


def test_a_window_that_has_passed_is_refused_only_when_it_dials_anew(
    run_for, emulator: Emulator
) -> None:
    # Issue 28, case 2: a new campaign whose window ended in 2020.
    past = {"earliestAt": "2020-03-02T17:00:00Z", "latestAt": "2020-03-02T20:00:00Z"}
    emulator.control.delete("requests")
    text = failures(run_for(), {}, news(None, past), Collect())
    assert text.startswith(
        "schedulePlan.latestAt: schedule_plan.latestAt (2020-03-02T20:00:00Z) is at or before "
        "the API's clock ("
    )
    assert "the window has passed" in text
    assert requests(emulator) == []  # refused before the org's read
    # A recorded campaign whose window has since passed: a no-op, a rename pass.
    campaign_id = existing(emulator, DAY, CUSTOMERS)
    run = run_for()
    recorded_id, outputs = run.create(news(campaign_id, DAY), Collect())
    recorded = {**outputs, "id": recorded_id}
    ended_by_time = {**recorded, "schedule_plan": past}
    assert run_for().check(ended_by_time, news(None, past), Collect()) == []
    assert run_for().check(ended_by_time, news(None, past, name="Renamed"), Collect()) == []
    # Moving a window into the past dials anew: refused.
    text = failures(run_for(), recorded, news(campaign_id, past), Collect())
    assert "schedule_plan.latestAt (2020-03-02T20:00:00Z) is at or before" in text
    # So does a takeover that moves the campaign's window into the past.
    other = existing(emulator, DAY, CUSTOMERS)
    text = failures(run_for(), {}, news(other, past), Collect())
    assert "schedule_plan.latestAt (2020-03-02T20:00:00Z) is at or before" in text
    # A window open now still starts at once.
    open_now = {"earliestAt": "2020-03-02T17:00:00Z", "latestAt": "2099-01-14T20:00:00Z"}
    said = Collect()
    run_for().check({}, news(None, open_now, allow_outside_calling_hours=True), said)
    assert said.reports and said.reports[-1].at_once


def test_pulumi_import_of_a_night_campaign_is_refused_before_its_customers_file(
    run_for, emulator: Emulator, tmp_path: Path
) -> None:
    # The native plugin's `pulumi import` takes a campaign over as it is, with no argument to
    # set: refused, naming the program's way (adopt_id and a way out); no file written.
    campaign_id = existing(emulator, NIGHT, CUSTOMERS)
    emulator.control.delete("requests")
    with pytest.raises(Refusal) as refused:
        import_campaign(run_for(), campaign_id, "night", Collect())
    text = names.render(str(refused.value), "native")
    assert "would call 3 customers outside 08:00-21:00 their local time" in text
    assert "the campaign still dials as it is" in text and "ended: true" in text
    assert f'declare it in the program instead, with adoptId: "{campaign_id}"' in text
    assert not (tmp_path / "customers").exists()
    assert requests(emulator) == [f"GET /campaign/{campaign_id}"]
    # An ended one imports: it calls nobody.
    with emulator.api() as api:
        api.patch(f"/campaign/{campaign_id}", json={"status": "ended"}).raise_for_status()
    imported = import_campaign(run_for(), campaign_id, "night", Collect())
    assert imported.read.id == campaign_id
