"""Calling hours judged in each number's time zones (08:00-21:00 local)."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from pulumi_cozmox.core.resource import names
from pulumi_cozmox.core.rules.hours import (
    OPT_OUT,
    CallingHours,
    calling_hours,
    calling_hours_problems,
    dialing_window,
)

LA = "+14155550104"  # San Francisco: America/Los_Angeles
NY = "+12125550100"  # New York: America/New_York
UK_MOBILE = "+447911123456"  # a UK mobile: London and the Crown dependencies
NOW = datetime(2030, 1, 1, tzinfo=timezone.utc)


def plan(earliest: str | None, latest: str | None = None) -> dict[str, str]:
    out = {}
    if earliest:
        out["earliestAt"] = earliest
    if latest:
        out["latestAt"] = latest
    return out


def zone(hours: CallingHours, name: str):
    [found] = [z for z in hours.zones if z.zone == name]
    return found


def test_morning_utc_is_night_in_california():
    # 09:00-12:00 UTC on 4 March 2030 is 01:00-04:00 PST (UTC-8; DST starts 10 March).
    hours = calling_hours(
        [LA, LA.replace("04", "05")], plan("2030-03-04T09:00:00Z", "2030-03-04T12:00:00Z"), now=NOW
    )
    la = zone(hours, "America/Los_Angeles")
    assert (la.customers, la.before_hours, la.after_hours) == (2, True, False)
    assert (la.start.hour, la.end.hour) == (1, 4)
    assert hours.outside == 2 and hours.people == 2 and hours.unknown == 0


def test_window_inside_hours_in_new_york():
    # 13:00-20:00 UTC is 08:00-15:00 EST.
    hours = calling_hours([NY], plan("2030-03-04T13:00:00Z", "2030-03-04T20:00:00Z"), now=NOW)
    assert not zone(hours, "America/New_York").outside and hours.outside == 0


@pytest.mark.parametrize(
    ("latest", "after"),
    [
        ("2030-03-05T02:00:00Z", False),  # ends at 21:00 EST exactly: allowed
        ("2030-03-05T02:30:00Z", True),  # 21:30 EST
    ],
)
def test_evening_end(latest, after):
    hours = calling_hours([NY], plan("2030-03-04T13:00:00Z", latest), now=NOW)
    ny = zone(hours, "America/New_York")
    assert (ny.before_hours, ny.after_hours) == (False, after)


def test_a_day_long_window_is_outside_both_ways():
    hours = calling_hours([NY], plan("2030-03-04T13:00:00Z", "2030-03-05T13:00:00Z"), now=NOW)
    ny = zone(hours, "America/New_York")
    assert ny.before_hours and ny.after_hours


def test_daylight_saving_time_is_applied():
    # 10 March 2030, after the switch: 15:00 UTC is 08:00 PDT (07:00 had it stayed PST).
    hours = calling_hours([LA], plan("2030-03-10T15:00:00Z", "2030-03-10T16:00:00Z"), now=NOW)
    assert not zone(hours, "America/Los_Angeles").outside


def test_open_ended_window_is_judged_by_its_start():
    inside = calling_hours([LA], plan("2030-03-04T17:00:00Z"), now=NOW)  # 09:00 PST
    assert inside.window.open_ended and inside.outside == 0
    late = calling_hours([LA], plan("2030-03-05T06:00:00Z"), now=NOW)  # 22:00 PST
    assert zone(late, "America/Los_Angeles").after_hours


def test_no_plan_or_past_earliest_starts_at_once_judged_now():
    now = datetime(2030, 3, 4, 5, 30, tzinfo=timezone.utc)  # 21:30 PST on 3 March
    for schedule in (None, plan("2030-03-01T17:00:00Z")):
        hours = calling_hours([LA], schedule, now=now)
        assert hours.window.at_once and hours.window.start == now
        assert zone(hours, "America/Los_Angeles").after_hours


def test_window_in_the_future_does_not_start_at_once():
    window = dialing_window(plan("2030-03-04T09:00:00Z"), now=NOW)
    assert not window.at_once and window.start == datetime(2030, 3, 4, 9, tzinfo=timezone.utc)


def test_closed_window_calls_nobody_outside():
    now = datetime(2030, 3, 5, tzinfo=timezone.utc)
    hours = calling_hours([LA], plan("2030-03-04T09:00:00Z", "2030-03-04T12:00:00Z"), now=now)
    assert hours.window.closed and hours.outside == 0


def test_a_number_with_several_zones_counts_in_each_and_once_in_total():
    hours = calling_hours(
        [UK_MOBILE], plan("2030-03-04T05:00:00Z", "2030-03-04T06:00:00Z"), now=NOW
    )
    names = [z.zone for z in hours.zones]
    assert names == ["Europe/Guernsey", "Europe/Isle_of_Man", "Europe/Jersey", "Europe/London"]
    assert all(z.customers == 1 and z.before_hours for z in hours.zones)
    assert hours.people == 1 and hours.outside == 1


def test_unknown_zones_are_counted_apart():
    hours = calling_hours([LA, "+14150000000", "abc", None], plan("2030-03-04T17:00:00Z"), now=NOW)
    assert hours.people == 4 and hours.unknown == 3
    assert [z.zone for z in hours.zones] == ["America/Los_Angeles"]


def test_problems_refuse_unless_opted_out():
    hours = calling_hours([LA, NY], plan("2030-03-04T09:00:00Z", "2030-03-04T12:00:00Z"), now=NOW)
    [problem] = calling_hours_problems(hours)
    assert problem.path == "schedulePlan"
    # Named by path, never by number: both are outside 09:00-12:00 UTC's local hours.
    assert "2 customers outside 08:00-21:00 their local time (customers[0], customers[1])" in (
        problem.message
    )
    assert (
        "America/Los_Angeles (1)" in problem.message and "America/New_York (1)" in problem.message
    )
    assert f"{OPT_OUT}=True" in names.render(problem.message, "python")
    assert LA not in problem.message and NY not in problem.message
    assert calling_hours_problems(hours, allowed=True) == []


def test_no_problem_inside_hours_or_for_unknown_zones_only():
    inside = calling_hours([NY], plan("2030-03-04T14:00:00Z", "2030-03-04T15:00:00Z"), now=NOW)
    assert calling_hours_problems(inside) == []
    unknown = calling_hours(["+14150000000"], plan("2030-03-04T09:00:00Z"), now=NOW)
    assert calling_hours_problems(unknown) == []


def test_at_once_problem_says_so():
    now = datetime(2030, 3, 4, 5, 30, tzinfo=timezone.utc)
    [problem] = calling_hours_problems(calling_hours([LA], None, now=now))
    assert problem.message.startswith("dialing starts at once")


def test_a_refusal_names_the_first_paths_then_counts_the_rest():
    # Seven Los Angeles numbers at 01:00-04:00 local, a New York one at 04:00-07:00 local too,
    # and an inside-hours London one in the middle: eight outside, the first five by path.
    numbers = [LA] * 3 + ["+442079460958"] + [LA] * 4 + [NY]
    hours = calling_hours(numbers, plan("2030-03-04T09:00:00Z", "2030-03-04T12:00:00Z"), now=NOW)
    [problem] = calling_hours_problems(hours)
    paths = "customers[0], customers[1], customers[2], customers[4], customers[5] and 3 more"
    assert f"8 customers outside 08:00-21:00 their local time ({paths})" in problem.message
