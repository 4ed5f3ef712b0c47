"""_calendar.py: the call limit's spec and its period arithmetic (hours, local days, DST)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from pulumi_cozmox.core.rules.calendar import CallLimit, Span, over_limit, parse_call_limit

UTC = timezone.utc
NEW_YORK = ZoneInfo("America/New_York")


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


def span(start: str, end: str | None, ref: str = "other") -> Span[str]:
    return Span(at(start), at(end) if end else None, ref)


def test_specs_in_hours_and_days() -> None:
    assert parse_call_limit("1/24h") == CallLimit(1, 24, "h")
    assert parse_call_limit(" 2 / 7D ") == CallLimit(2, 7, "d")
    assert str(parse_call_limit("2/7d")) == "2/7d"
    assert parse_call_limit("1/24h").period == timedelta(hours=24)
    assert parse_call_limit("3/2d").period == timedelta(days=2)


@pytest.mark.parametrize("text", ["", "1", "0/24h", "1/0h", "1/24", "1/24m", "one/24h", "-1/2d"])
def test_bad_specs_say_what_is_allowed(text: str) -> None:
    with pytest.raises(ValueError, match=r"N/PERIOD .* like 1/24h or 2/7d"):
        parse_call_limit(text)


def test_rolling_hours_count_the_gap_between_windows() -> None:
    limit = parse_call_limit("1/24h")
    first = span("2099-01-01T17:00+00:00", "2099-01-01T20:00+00:00")
    # 23 hours after the first window closes: both calls may fall within 24 hours.
    near = span("2099-01-02T19:00+00:00", "2099-01-02T20:00+00:00", "new")
    assert over_limit(limit, near, [first]) == [first]
    # 24.5 hours after: no stretch of 24 hours meets both.
    far = span("2099-01-02T20:30+00:00", "2099-01-02T21:00+00:00", "new")
    assert over_limit(limit, far, [first]) == []
    # Before the other campaign counts the same.
    before = span("2098-12-31T18:00+00:00", "2098-12-31T19:00+00:00", "new")
    assert over_limit(limit, before, [first]) == [first]


def test_a_window_without_latest_at_has_no_end() -> None:
    limit = parse_call_limit("1/24h")
    open_ended = span("2099-01-01T17:00+00:00", None)
    # A week later the open-ended campaign may still be dialing.
    later = span("2099-01-08T17:00+00:00", "2099-01-08T18:00+00:00", "new")
    assert over_limit(limit, later, [open_ended]) == [open_ended]
    # Well before it starts, nothing meets.
    earlier = span("2098-12-29T09:00+00:00", "2098-12-29T10:00+00:00", "new")
    assert over_limit(limit, earlier, [open_ended]) == []
    # The new campaign open-ended: it meets every later window.
    new_open = span("2098-12-29T09:00+00:00", None, "new")
    assert over_limit(limit, new_open, [open_ended]) == [open_ended]


def test_the_limit_counts_campaigns() -> None:
    limit = parse_call_limit("2/7d")
    monday = span("2099-03-02T15:00+00:00", "2099-03-02T16:00+00:00", "a")
    wednesday = span("2099-03-04T15:00+00:00", "2099-03-04T16:00+00:00", "b")
    friday = span("2099-03-06T15:00+00:00", "2099-03-06T16:00+00:00", "new")
    zones = ("America/New_York",)
    assert over_limit(limit, friday, [monday], zones) == []  # 2 calls in 7 days: allowed
    assert over_limit(limit, friday, [monday, wednesday], zones) == [monday, wednesday]
    # Twelve days later, one of them is out of the 7-day stretch again.
    later = span("2099-03-11T15:00+00:00", "2099-03-11T16:00+00:00", "new")
    assert over_limit(limit, later, [monday, wednesday], zones) == []


def _fall_back_day(year: int) -> date:
    """The local date in New York whose day has 25 hours (from the tz database)."""
    day = date(year, 10, 25)
    while True:
        midnight = datetime(day.year, day.month, day.day, tzinfo=NEW_YORK)
        following = midnight + timedelta(days=1)
        if (following.astimezone(UTC) - midnight.astimezone(UTC)) == timedelta(hours=25):
            return day
        day += timedelta(days=1)


def test_days_are_the_persons_calendar_days_across_a_dst_change() -> None:
    day = _fall_back_day(2099)
    first_local = datetime(day.year, day.month, day.day, 0, 10, tzinfo=NEW_YORK)
    last_local = datetime(day.year, day.month, day.day, 23, 50, tzinfo=NEW_YORK)
    assert last_local.astimezone(UTC) - first_local.astimezone(UTC) > timedelta(hours=24)
    first = Span(first_local.astimezone(UTC), first_local.astimezone(UTC), "a")
    last = Span(last_local.astimezone(UTC), last_local.astimezone(UTC), "new")
    zones = ("America/New_York",)
    # More than 24 hours apart, yet the same (25-hour) local day.
    assert over_limit(parse_call_limit("1/24h"), last, [first], zones) == []
    assert over_limit(parse_call_limit("1/1d"), last, [first], zones) == [first]
    # The next local day is another day.
    next_day = last_local + timedelta(minutes=20)  # 00:10 the day after
    assert next_day.date() == day + timedelta(days=1)
    tomorrow = Span(next_day.astimezone(UTC), next_day.astimezone(UTC), "new")
    assert over_limit(parse_call_limit("1/1d"), tomorrow, [first], zones) == []


def test_a_number_in_several_zones_is_judged_in_each() -> None:
    # 2099-01-01 14:00 and 23:30 UTC: one day in New York (09:00, 18:30), two in Tokyo
    # (23:00 on the 1st, 08:30 on the 2nd).
    a = span("2099-01-01T14:00+00:00", "2099-01-01T14:00+00:00", "a")
    b = span("2099-01-01T23:30+00:00", "2099-01-01T23:30+00:00", "new")
    limit = parse_call_limit("1/1d")
    assert over_limit(limit, b, [a], ("Asia/Tokyo",)) == []
    assert over_limit(limit, b, [a], ("America/New_York",)) == [a]
    assert over_limit(limit, b, [a], ("Asia/Tokyo", "America/New_York")) == [a]


def test_a_person_with_no_known_zone_is_judged_at_both_ends_of_the_earth() -> None:
    limit = parse_call_limit("1/1d")
    # 13 hours apart at UTC: on one local day at UTC+14 (00:00 and 13:00 on the 2nd).
    a = span("2099-01-01T10:00+00:00", "2099-01-01T10:00+00:00", "a")
    b = span("2099-01-01T23:00+00:00", "2099-01-01T23:00+00:00", "new")
    assert over_limit(limit, b, [a], ()) == [a]
    # 26 hours apart: two local days everywhere.
    c = span("2099-01-02T12:00+00:00", "2099-01-02T12:00+00:00", "new")
    assert over_limit(limit, c, [a], ()) == []
