"""Calling hours: when, in each customer's local time, a campaign's dialing window falls.

Legal calling hours are local to the person called: 08:00-21:00 is the usual rule (the US TCPA
forbids telemarketing calls before 8 a.m. and after 9 p.m. at the called party's location), and
the default here; a calling policy (:mod:`pulumi_cozmox.core.rules.policy`) sets other hours,
weekdays and
blackout dates per region, and each number is judged by its own region's rule. A campaign dials
between ``schedulePlan.earliestAt`` and ``latestAt`` (UTC instants).

- :func:`dialing_window`: the window a campaign created now would dial in. No schedule plan,
  or an ``earliestAt`` already past, means dialing starts at once (``at_once``), at ``now``.
- :func:`calling_hours`: the facts: for each time zone the customers' numbers ring in
  (``phonenumbers.timezone.time_zones_for_number``) and each rule that applies to them there,
  how many customers, and whether the window allows calls before the rule's first hour, after
  its last, on a weekday it does not allow or on a blackout date. Numbers without a known zone
  (invalid, not E.164, SIP customers) are counted apart, in ``unknown``.
- :func:`calling_hours_problems`: the problems to refuse a preview with.

Judging a window ``[start, end]``: it is *outside* in a zone when some instant of it falls
before the rule's first hour or after its last, local time (08:00 and 21:00 themselves are
allowed; a window of 24 hours or more always is outside), or on a local day the rule does not
allow (a weekday, a blackout date). An open-ended window (no ``latestAt``) is judged by its
start only: the API dials until every customer has been called, which for a large campaign can
run past 21:00; the facts say ``open_ended`` so a report can say so, and setting ``latestAt``
bounds it.

A number with several zones (a mobile or toll-free number: every zone of its country; a US
area code that straddles two zones) counts in each of its zones, since it may ring in any of
them; :attr:`CallingHours.outside` counts people once, outside when any of their zones is.

Warning or refusal: **refusal**, unless the resource sets ``allow_outside_calling_hours=True``
(:data:`OPT_OUT`), which turns the problems into facts a report shows. Why: a call cannot be
taken back, a call outside legal hours can be unlawful and fined per call, and preview output is
read quickly in a pull request where a warning line is easily missed; a refusal costs one
explicit, reviewable line in the program, the same bargain as ``allow_redial``. Customers in
unknown zones are not refused (nothing can be judged), but reports count them, unless the
policy says ``unknown_zone = "refuse"``: then they are refused by path.

Pure: no I/O, no pulumi import; ``now`` is a parameter.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pulumi_cozmox.core.model.compare import instant
from pulumi_cozmox.core.model.paths import customer_paths
from pulumi_cozmox.core.model.phone import time_zones
from pulumi_cozmox.core.resource import names
from pulumi_cozmox.core.rules.crossfield import Problem
from pulumi_cozmox.core.rules.policy import DEFAULT_POLICY, WEEKDAYS, CallingPolicy, Rule

__all__ = [
    "DAY_END",
    "DAY_START",
    "OPT_OUT",
    "CallingHours",
    "Window",
    "ZoneHours",
    "calling_hours",
    "calling_hours_in",
    "calling_hours_problems",
    "dialing_window",
    "why_outside",
    "zone_info",
]

#: The default calling hours, local time: calls from DAY_START to DAY_END (inclusive).
DAY_START = DEFAULT_POLICY.default.start
DAY_END = DEFAULT_POLICY.default.end
#: The resource argument that allows a window outside calling hours (then only reported).
OPT_OUT = "allow_outside_calling_hours"
#: How messages name the schedule, and the opt-in that allows calls outside hours.
PLAN = names.field("schedulePlan")
ALLOW = names.setting("allowOutsideCallingHours", True)
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
    """The window as one time zone sees it, for the customers one rule judges there."""

    zone: str
    """IANA name, as libphonenumber gives it (``America/Los_Angeles``)."""
    customers: int
    """Customers whose number may ring in this zone (and whom ``rule`` judges)."""
    start: datetime
    """The window's start, local time (aware, in ``zone``)."""
    end: datetime | None
    """The window's end, local time; None when open-ended."""
    before_hours: bool
    """Some instant of the window is before the rule's first hour, local time."""
    after_hours: bool
    """Some instant of the window is after the rule's last hour, local time."""
    rule: Rule = Rule()
    """The rule these customers are judged by (their region's, or the top level's)."""
    off_days: tuple[str, ...] = ()
    """Weekdays the window meets that the rule does not allow (``Sun``)."""
    blackouts: tuple[date, ...] = ()
    """Blackout dates of the rule the window meets."""

    @property
    def outside(self) -> bool:
        return self.before_hours or self.after_hours or bool(self.off_days or self.blackouts)


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
    """Customers called outside their rule in at least one of their zones."""
    unknown_positions: tuple[int, ...] = ()
    """Positions (in the list given) of the customers whose zone is unknown."""
    policy: CallingPolicy = DEFAULT_POLICY
    """The policy the window was judged by."""
    outside_positions: tuple[int, ...] = ()
    """Positions (in the list given) of the customers called outside their rule."""


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


def _judge(
    window: Window, zone: ZoneInfo, rule: Rule
) -> tuple[bool, bool, tuple[str, ...], tuple[date, ...]]:
    """(before the first hour, after the last, weekdays not allowed, blackout dates) for
    ``window`` in ``zone`` under ``rule``."""
    start = window.start
    if window.closed:
        return False, False, (), ()
    if window.end is None:
        local = start.astimezone(zone)
        days = [local.date()]
        before, after = local.time() < rule.start, local.time() > rule.end
    elif window.end - start >= timedelta(days=1):
        before = after = True
        days = _local_days(start, window.end, zone)
    else:
        end = window.end
        before = after = False
        days = _local_days(start, end, zone)
        for day in days:
            midnight = _at(day, time(0), zone)
            next_midnight = _at(day + timedelta(days=1), time(0), zone)
            # [start, end] meets [00:00, first hour) or (last hour, 24:00) of this local day.
            before = before or (start < _at(day, rule.start, zone) and end >= midnight)
            after = after or (end > _at(day, rule.end, zone) and start < next_midnight)
    off = tuple(dict.fromkeys(WEEKDAYS[d.weekday()] for d in days if d.weekday() not in rule.days))
    blackouts = tuple(d for d in days if d in rule.blackout)
    return before, after, off, blackouts


def _local_days(start: datetime, end: datetime, zone: ZoneInfo) -> list[date]:
    """The local dates ``[start, end]`` meets in ``zone``."""
    first, last = start.astimezone(zone).date(), end.astimezone(zone).date()
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


def calling_hours(
    numbers: Iterable[Any],
    schedule_plan: Mapping[str, Any] | None,
    *,
    now: datetime,
    policy: CallingPolicy = DEFAULT_POLICY,
) -> CallingHours:
    """The calling-hours facts for customers with ``numbers`` (E.164 strings; anything else,
    such as None for a SIP customer, counts as an unknown zone) dialed per ``schedule_plan``,
    each judged by its own rule of ``policy``."""
    return calling_hours_in(numbers, dialing_window(schedule_plan, now=now), policy=policy)


def _zone_hours(window: Window, name: str, rule: Rule, count: int) -> ZoneHours | None:
    zone = zone_info(name)
    if zone is None:
        return None
    before, after, off, blackouts = _judge(window, zone, rule)
    return ZoneHours(
        zone=name,
        customers=count,
        start=window.start.astimezone(zone),
        end=window.end.astimezone(zone) if window.end is not None else None,
        before_hours=before,
        after_hours=after,
        rule=rule,
        off_days=off,
        blackouts=blackouts,
    )


def calling_hours_in(
    numbers: Iterable[Any], window: Window, *, policy: CallingPolicy = DEFAULT_POLICY
) -> CallingHours:
    """The calling-hours facts of ``window`` for customers with ``numbers`` (see
    :func:`calling_hours`)."""
    listed = list(numbers)
    keys = [(time_zones(n) if isinstance(n, str) else (), policy.rule_for(n)) for n in listed]
    by_zones: Counter[tuple[tuple[str, ...], Rule]] = Counter(keys)
    per_zone: Counter[tuple[str, Rule]] = Counter()
    for (zones, rule), count in by_zones.items():
        for name in zones:
            per_zone[(name, rule)] += count
    judged: dict[tuple[str, Rule], ZoneHours] = {}
    for (name, rule), count in sorted(per_zone.items(), key=lambda i: (i[0][0], i[0][1].label)):
        found = _zone_hours(window, name, rule, count)
        if found is not None:
            judged[(name, rule)] = found

    def known(zones: tuple[str, ...], rule: Rule) -> list[ZoneHours]:
        return [judged[(z, rule)] for z in zones if (z, rule) in judged]

    unknown = tuple(i for i, key in enumerate(keys) if not known(*key))
    outside = tuple(i for i, key in enumerate(keys) if any(z.outside for z in known(*key)))
    return CallingHours(
        window=window,
        zones=tuple(judged.values()),
        people=len(listed),
        unknown=len(unknown),
        outside=len(outside),
        unknown_positions=unknown,
        policy=policy,
        outside_positions=outside,
    )


def why_outside(zone: ZoneHours) -> str:
    """``before 08:00 and after 20:00``, ``on Sun``, ``on 2099-12-25 (blackout date)``."""
    parts = []
    if zone.before_hours:
        parts.append(f"before {zone.rule.start:%H:%M}")
    if zone.after_hours:
        parts.append(f"after {zone.rule.end:%H:%M}")
    parts += [f"on {day}" for day in zone.off_days]
    parts += [f"on {day.isoformat()} (blackout date)" for day in zone.blackouts]
    return " and ".join(parts)


def calling_hours_problems(
    hours: CallingHours,
    *,
    allowed: bool = False,
    when: str | None = None,
    ways_out: str | None = None,
) -> list[Problem]:
    """Why preview must refuse these calling hours (empty when fine, or when ``allowed``: the
    resource set :data:`OPT_OUT`). Paths are the API's (``schedulePlan``, ``customers[3]``).
    Messages name the rules, regions, zones and counts, never a number. ``when`` and
    ``ways_out``: the window and the ways out, as a takeover names them (a create's else)."""
    if allowed:
        return []
    problems = []
    if hours.outside:
        problems.append(_outside(hours, when, ways_out))
    if hours.policy.unknown_zone == "refuse" and hours.unknown_positions:
        positions = hours.unknown_positions
        paths = customer_paths(positions)
        count = "1 customer" if len(positions) == 1 else f"{len(positions):,} customers"
        problems.append(
            Problem(
                f"customers[{positions[0]}]",
                f"{paths}: {count} whose time zone cannot be told (a SIP URI, or a number "
                "libphonenumber cannot place), and the calling policy "
                f'({hours.policy.source}) says unknown_zone = "refuse"; give numbers that can '
                f"be placed, remove them, or set {ALLOW} on the resource",
            )
        )
    return problems


def _outside(hours: CallingHours, when: str | None, ways_out: str | None) -> Problem:
    """The problem of customers called outside their rule (see calling_hours_problems)."""
    zones = [z for z in hours.zones if z.outside]
    shown = ", ".join(
        f"{z.zone} ({z.customers}; {z.rule.label}: {why_outside(z)})"
        if hours.policy.source is not None
        else f"{z.zone} ({z.customers})"
        for z in zones[:MAX_ZONES_IN_MESSAGE]
    )
    more = len(zones) - MAX_ZONES_IN_MESSAGE
    if more > 0:
        shown += f" and {more} more"
    people = "1 customer" if hours.outside == 1 else f"{hours.outside:,} customers"
    when = when or (
        f"dialing starts at once (no {PLAN}, or its earliestAt is past)"
        if hours.window.at_once
        else f"the {PLAN} window"
    )
    if hours.policy.source is None:
        rule = f"outside {DAY_START:%H:%M}-{DAY_END:%H:%M} their local time"
    else:
        rule = f"outside the calling policy ({hours.policy.source}) in their region"
    ways_out = ways_out or (
        f"move the window, remove them, or set {ALLOW} on the resource to call them anyway"
    )
    return Problem(
        "schedulePlan",
        f"{when} would call {people} {rule} "
        f"({customer_paths(hours.outside_positions)}), in {shown}; {ways_out}",
    )
