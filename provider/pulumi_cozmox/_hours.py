"""Calling hours: when, in each customer's local time, a campaign's dialing window falls.

Legal calling hours are local to the person called: 08:00-21:00 is the usual rule (the US TCPA
forbids telemarketing calls before 8 a.m. and after 9 p.m. at the called party's location).
A campaign dials between ``schedulePlan.earliestAt`` and ``latestAt`` (UTC instants).

- :func:`dialing_window`: the window a campaign created now would dial in. No schedule plan,
  or an ``earliestAt`` already past, means dialing starts at once (``at_once``), at ``now``.
- :func:`calling_hours`: the facts: for each time zone the customers' numbers ring in
  (``phonenumbers.timezone.time_zones_for_number``), how many customers, and whether the
  window allows calls before 08:00 or after 21:00 there. Numbers without a known zone
  (invalid, not E.164, SIP customers) are counted apart, in ``unknown``.
- :func:`calling_hours_problems`: the problems to refuse a preview with.

Judging a window ``[start, end]``: it is *outside* in a zone when some instant of it falls
before 08:00 or after 21:00 local time (21:00 itself is allowed; a window of 24 hours or more
always is outside). An open-ended window (no ``latestAt``) is judged by its start only: the API
dials until every customer has been called, which for a large campaign can run past 21:00; the
facts say ``open_ended`` so a report can say so, and setting ``latestAt`` bounds it.

A number with several zones (a mobile or toll-free number: every zone of its country; a US
area code that straddles two zones) counts in each of its zones, since it may ring in any of
them; :attr:`CallingHours.outside` counts people once, outside when any of their zones is.

Warning or refusal: **refusal**, unless the resource sets ``allow_outside_calling_hours=True``
(:data:`OPT_OUT`), which turns the problems into facts a report shows. Why: a call cannot be
taken back, a call outside legal hours can be unlawful and fined per call, and preview output is
read quickly in a pull request where a warning line is easily missed; a refusal costs one
explicit, reviewable line in the program, the same bargain as ``allow_redial``. Customers in
unknown zones are not refused (nothing can be judged), but reports count them.

Pure: no I/O, no pulumi import; ``now`` is a parameter.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, time, timedelta, timezone
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pulumi_cozmox._compare import instant
from pulumi_cozmox._phone import time_zones
from pulumi_cozmox._rules import Problem

__all__ = [
    "DAY_END",
    "DAY_START",
    "OPT_OUT",
    "CallingHours",
    "Window",
    "ZoneHours",
    "calling_hours",
    "calling_hours_problems",
    "dialing_window",
    "zone_info",
]

#: Legal calling hours, local time: calls from DAY_START to DAY_END (inclusive) are allowed.
DAY_START = time(8, 0)
DAY_END = time(21, 0)
#: The resource argument that allows a window outside calling hours (then only reported).
OPT_OUT = "allow_outside_calling_hours"
#: Zones named in a problem's message before "and N more".
MAX_ZONES_IN_MESSAGE = 5


@dataclass(frozen=True)
class Window:
    """When dialing may happen, in UTC."""

    start: datetime
    """The first instant a call may be placed: ``earliestAt``, or ``now`` if ``at_once``."""
    end: datetime | None
    """``latestAt``; None when open-ended (no ``latestAt``)."""
    at_once: bool = False
    """No schedule plan, or ``earliestAt`` already past: dialing starts as soon as created."""

    @property
    def open_ended(self) -> bool:
        return self.end is None

    @property
    def closed(self) -> bool:
        """``latestAt`` is already past (or not after the start): no call can be placed."""
        return self.end is not None and self.end <= self.start


@dataclass(frozen=True)
class ZoneHours:
    """The window as one time zone sees it."""

    zone: str
    """IANA name, as libphonenumber gives it (``America/Los_Angeles``)."""
    customers: int
    """Customers whose number may ring in this zone."""
    start: datetime
    """The window's start, local time (aware, in ``zone``)."""
    end: datetime | None
    """The window's end, local time; None when open-ended."""
    before_hours: bool
    """Some instant of the window is before 08:00 local time."""
    after_hours: bool
    """Some instant of the window is after 21:00 local time."""

    @property
    def outside(self) -> bool:
        return self.before_hours or self.after_hours


@dataclass(frozen=True)
class CallingHours:
    """The calling-hours facts of one campaign."""

    window: Window
    zones: tuple[ZoneHours, ...]
    """One entry per zone, ordered by zone name."""
    people: int
    """Customers judged (every number given)."""
    unknown: int
    """Customers whose number has no known time zone."""
    outside: int
    """Customers called outside 08:00-21:00 in at least one of their zones."""


def dialing_window(schedule_plan: Mapping[str, Any] | None, *, now: datetime) -> Window:
    """The window of a campaign created at ``now`` (aware) with ``schedule_plan``."""
    plan = schedule_plan if isinstance(schedule_plan, Mapping) else {}
    earliest = instant(plan.get("earliestAt"))
    latest = instant(plan.get("latestAt"))
    earliest = earliest.astimezone(timezone.utc) if earliest else None
    latest = latest.astimezone(timezone.utc) if latest else None
    now = now.astimezone(timezone.utc)
    if earliest is None or earliest <= now:
        return Window(start=now, end=latest, at_once=True)
    return Window(start=earliest, end=latest)


@lru_cache(maxsize=512)
def zone_info(name: str) -> ZoneInfo | None:
    """The IANA zone ``name``, or None when this system's time zone database lacks it."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def _at(day: Any, moment: time, zone: ZoneInfo) -> datetime:
    """``moment`` on local ``day`` in ``zone``, as a UTC instant."""
    return datetime.combine(day, moment, tzinfo=zone).astimezone(timezone.utc)


def _judge(window: Window, zone: ZoneInfo) -> tuple[bool, bool]:
    """(before 08:00, after 21:00) for ``window`` in ``zone``."""
    start = window.start
    if window.closed:
        return False, False
    if window.end is None:
        local = start.astimezone(zone).time()
        return local < DAY_START, local > DAY_END
    end = window.end
    if end - start >= timedelta(days=1):
        return True, True
    before = after = False
    day = start.astimezone(zone).date()
    last = end.astimezone(zone).date()
    while day <= last:
        midnight = _at(day, time(0), zone)
        next_midnight = _at(day + timedelta(days=1), time(0), zone)
        # [start, end] meets [00:00, 08:00) or (21:00, 24:00) of this local day.
        before = before or (start < _at(day, DAY_START, zone) and end >= midnight)
        after = after or (end > _at(day, DAY_END, zone) and start < next_midnight)
        day += timedelta(days=1)
    return before, after


def calling_hours(
    numbers: Iterable[Any], schedule_plan: Mapping[str, Any] | None, *, now: datetime
) -> CallingHours:
    """The calling-hours facts for customers with ``numbers`` (E.164 strings; anything else,
    such as None for a SIP customer, counts as an unknown zone) dialed per ``schedule_plan``."""
    window = dialing_window(schedule_plan, now=now)
    by_zones: Counter[tuple[str, ...]] = Counter(
        time_zones(n) if isinstance(n, str) else () for n in numbers
    )
    per_zone: Counter[str] = Counter()
    for zones, count in by_zones.items():
        for name in zones:
            per_zone[name] += count
    judged: dict[str, ZoneHours] = {}
    for name, count in sorted(per_zone.items()):
        zone = zone_info(name)
        if zone is None:
            continue
        before, after = _judge(window, zone)
        end = window.end.astimezone(zone) if window.end is not None else None
        judged[name] = ZoneHours(
            zone=name,
            customers=count,
            start=window.start.astimezone(zone),
            end=end,
            before_hours=before,
            after_hours=after,
        )
    unknown = outside = 0
    for zones, count in by_zones.items():
        known = [judged[z] for z in zones if z in judged]
        if not known:
            unknown += count
        elif any(z.outside for z in known):
            outside += count
    return CallingHours(
        window=window,
        zones=tuple(judged.values()),
        people=sum(by_zones.values()),
        unknown=unknown,
        outside=outside,
    )


def calling_hours_problems(hours: CallingHours, *, allowed: bool = False) -> list[Problem]:
    """Why preview must refuse these calling hours (empty when fine, or when ``allowed``: the
    resource set :data:`OPT_OUT`). Paths are the API's (``schedulePlan``)."""
    if allowed or hours.outside == 0:
        return []
    zones = [z for z in hours.zones if z.outside]
    shown = ", ".join(f"{z.zone} ({z.customers})" for z in zones[:MAX_ZONES_IN_MESSAGE])
    more = len(zones) - MAX_ZONES_IN_MESSAGE
    if more > 0:
        shown += f" and {more} more"
    people = "1 customer" if hours.outside == 1 else f"{hours.outside:,} customers"
    when = (
        "dialing starts at once (no schedulePlan, or its earliestAt is past)"
        if hours.window.at_once
        else "the schedulePlan window"
    )
    return [
        Problem(
            "schedulePlan",
            f"{when} would call {people} outside 08:00-21:00 their local time, in {shown}; "
            f"move the window, or set {OPT_OUT}=True on the resource to call them anyway",
        )
    ]
