"""The dialing windows of a plan as a Mermaid gantt chart (GitHub renders it in a comment).

Drawn when several windows matter: two campaigns or more with a window (a series, a follow-up),
or a window that moves (then its old place is drawn too). Each campaign is one bar in UTC, red
(``crit``) when it calls people outside their calling rule; under it, each zone its customers
are in (the most people first) shows its calling hours for the days the windows meet, in UTC
too, so that a reviewer sees at a glance which window falls outside whose hours.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta, timezone

from pulumi_cozmox.core.report.record import CampaignReport, ZoneFacts
from pulumi_cozmox.core.report.text import people_text
from pulumi_cozmox.core.rules.hours import zone_info

__all__ = ["chart"]

#: Campaigns drawn at most (a larger plan is a list, not a picture).
MAX_BARS = 20
#: Zones whose calling hours are drawn at most, and days each.
MAX_ZONES = 4
MAX_DAYS = 7
#: How long an open-ended window is drawn.
OPEN_END = timedelta(hours=24)
#: Windows this close (start to start) are drawn together: a series, a follow-up.
NEAR = timedelta(days=7)
_FORMAT = "%Y-%m-%d %H:%M"


def _label(text: str) -> str:
    """A task name Mermaid reads as plain text: letters, digits and a little punctuation (no
    ``:``, ``;``, ``#``, nor markup from a resource's name)."""
    return re.sub(r"[^\w .,/()+-]", " ", text).strip() or "campaign"


def _bar(name: str, start: datetime, end: datetime | None, tags: str = "") -> str:
    stop = end if end is not None and end > start else start + OPEN_END
    prefix = f"{tags}, " if tags else ""
    return f"    {_label(name)} :{prefix}{start.strftime(_FORMAT)}, {stop.strftime(_FORMAT)}"


def _campaign_bars(reports: Sequence[CampaignReport]) -> list[str]:
    bars = []
    for r in reports:
        assert r.window_start is not None
        calls = "nobody" if r.people == 0 else people_text(r.people)
        what = f"{r.resource} ({r.action}, {calls})"
        if r.window_end is None:
            what += " no end"
        if r.old_window_start is not None:
            before = f"{r.resource} before"
            bars.append(_bar(before, r.old_window_start, r.old_window_end, "done"))
        bars.append(_bar(what, r.window_start, r.window_end, "crit" if r.outside_people else ""))
    return bars


def _days(reports: Sequence[CampaignReport], zone: str) -> list[date]:
    info = zone_info(zone) or timezone.utc
    found: set[date] = set()
    for r in reports:
        assert r.window_start is not None
        end = r.window_end or r.window_start + OPEN_END
        day = r.window_start.astimezone(info).date()
        while day <= end.astimezone(info).date() and len(found) < MAX_DAYS:
            found.add(day)
            day += timedelta(days=1)
    return sorted(found)[:MAX_DAYS]


def _hours_bars(reports: Sequence[CampaignReport], facts: ZoneFacts) -> list[str]:
    info = zone_info(facts.zone)
    if info is None:
        return []
    first, _, last = facts.hours.partition("-")
    opens, closes = time.fromisoformat(first), time.fromisoformat(last)
    region = f" {facts.region}" if facts.region else ""
    bars = [f"    section {_label(facts.zone)}{region} calling hours {facts.hours}"]
    for day in _days(reports, facts.zone):
        start = datetime.combine(day, opens, tzinfo=info).astimezone(timezone.utc)
        end = datetime.combine(day, closes, tzinfo=info).astimezone(timezone.utc)
        blackout = day.isoformat() in facts.blackouts
        label = f"{day.isoformat()} blackout" if blackout else f"{day.isoformat()} local"
        bars.append(_bar(label, start, end, "crit" if blackout else "active"))
    return bars


def _clusters(reports: Sequence[CampaignReport]) -> list[list[CampaignReport]]:
    """The windows in groups whose starts follow each other within :data:`NEAR`."""
    starts = sorted(
        ((r.window_start, i) for i, r in enumerate(reports) if r.window_start is not None)
    )
    groups: list[list[tuple[datetime, int]]] = []
    for start, i in starts:
        if groups and start - groups[-1][-1][0] <= NEAR:
            groups[-1].append((start, i))
        else:
            groups.append([(start, i)])
    return [[reports[i] for _, i in group] for group in groups]


def chart(reports: Sequence[CampaignReport]) -> str | None:
    """The chart as a fenced Mermaid block of the windows that matter together (the largest
    group of two or more near each other, or a moved one's), or None when none do."""
    groups = [g for g in _clusters(reports) if len(g) > 1 or g[0].old_window_start is not None]
    if not groups:
        return None
    windowed = max(groups, key=len)[:MAX_BARS]
    zones: dict[tuple[str, str], ZoneFacts] = {}
    for r in windowed:
        for z in r.zones:
            known = zones.get((z.zone, z.region))
            if known is None or z.people > known.people:
                zones[(z.zone, z.region)] = z
    shown = sorted(zones.values(), key=lambda z: -z.people)[:MAX_ZONES]
    lines = [
        "```mermaid",
        "gantt",
        "    title Dialing windows and calling hours (UTC)",
        "    dateFormat YYYY-MM-DD HH:mm",
        "    axisFormat %m-%d %H:%M",
        "    todayMarker off",
        "    section Campaigns",
        *_campaign_bars(windowed),
    ]
    for facts in shown:
        lines += _hours_bars(windowed, facts)
    return "\n".join([*lines, "```"])
