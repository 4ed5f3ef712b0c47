"""The call limit: how often one person may be called across campaigns, and the arithmetic.

Stack config ``cozmox:callLimit`` (or ``COZMOX_CALL_LIMIT``) is written ``N/PERIOD``: at most
``N`` campaigns call one person within ``PERIOD``, in hours (``1/24h``: a rolling 24 hours) or
days (``2/7d``: any 7 consecutive calendar days *of the person called*, in their time zone, so
a day across a daylight-saving change is 23 or 25 hours long).

When a campaign calls a person is only known as its window: from ``earliestAt`` (or the moment
it starts dialing) to ``latestAt``; a window without ``latestAt`` has no end (the API dials
until everyone has been called, which a large campaign may take days to do), and an ended
campaign's window ends when it ended. Two campaigns can call a person within one period when
some stretch of that period's length meets both windows. The limit is exceeded when a stretch of
the period meets the new campaign's window and the windows of ``N`` other campaigns that call
the same person: :func:`over_limit`.

Days are counted in each of the person's time zones (a mobile number may ring in any zone of
its country): the limit is exceeded if it is in any of them. A person whose zone cannot be told
(a SIP URI, an unknown number) is judged in the earliest and the latest zone on Earth.

Pure: no I/O, no pulumi import.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Generic, TypeVar

from pulumi_cozmox.core.rules.hours import zone_info

__all__ = ["CallLimit", "Span", "over_limit", "parse_call_limit"]

#: The zones a person with no known zone is judged in: UTC-12 and UTC+14.
EXTREME_ZONES = ("Etc/GMT+12", "Etc/GMT-14")
_SPEC = re.compile(r"\s*(\d+)\s*/\s*(\d+)\s*([hd])\s*", re.IGNORECASE)
_NO_END = math.inf

Ref = TypeVar("Ref")


@dataclass(frozen=True)
class CallLimit:
    """At most ``count`` campaigns call one person within ``amount`` hours or days."""

    count: int
    amount: int
    unit: str
    """``"h"`` (rolling hours) or ``"d"`` (the person's calendar days)."""

    def __str__(self) -> str:
        return f"{self.count}/{self.amount}{self.unit}"

    @property
    def period(self) -> timedelta:
        """The period's length (a day counted as 24 hours: for a bounded read of the org)."""
        return timedelta(hours=self.amount) if self.unit == "h" else timedelta(days=self.amount)


def parse_call_limit(text: str) -> CallLimit:
    """``1/24h``, ``2/7d`` -> CallLimit; ValueError saying what is allowed."""
    match = _SPEC.fullmatch(text or "")
    if match is None or int(match[1]) < 1 or int(match[2]) < 1:
        raise ValueError(
            f"must be N/PERIOD with N >= 1 and the period in hours or days, like 1/24h or "
            f"2/7d; got {text!r}"
        )
    return CallLimit(int(match[1]), int(match[2]), match[3].lower())


@dataclass(frozen=True)
class Span(Generic[Ref]):
    """When a campaign may call: ``start`` to ``end`` (UTC; None: no end), and whose it is."""

    start: datetime
    end: datetime | None
    ref: Ref


def _zones(zones: Sequence[str]) -> Sequence[str]:
    known = [z for z in zones if zone_info(z) is not None]
    return known or EXTREME_ZONES


def _day(moment: datetime, zone: str) -> int:
    info = zone_info(zone)
    assert info is not None
    return moment.astimezone(info).date().toordinal()


def _scale(span: Span[Ref], limit: CallLimit, zone: str) -> tuple[float, float]:
    """The span on the period's own axis: seconds (hours) or local day numbers (days)."""
    if limit.unit == "h":
        end = span.end.timestamp() if span.end is not None else _NO_END
        return span.start.timestamp(), end
    end_day = float(_day(span.end, zone)) if span.end is not None else _NO_END
    return float(_day(span.start, zone)), end_day


def _length(limit: CallLimit) -> float:
    """How far before a span's start a stretch may begin and still meet it."""
    return limit.amount * 3600.0 if limit.unit == "h" else float(limit.amount - 1)


def over_limit(
    limit: CallLimit, new: Span[Ref], others: Iterable[Span[Ref]], zones: Sequence[str] = ()
) -> list[Span[Ref]]:
    """The other campaigns' spans that, with ``new``, make one person called more than
    ``limit.count`` times within the period (in some zone of ``zones``, the person's); empty
    when within the limit. The spans returned are those of the worst stretch, oldest first."""
    others = list(others)
    if len(others) < limit.count:
        return []
    reach = _length(limit)
    worst: list[Span[Ref]] = []
    for zone in _zones(zones) if limit.unit == "d" else ("UTC",):
        start, end = _scale(new, limit, zone)
        lo, hi = start - reach, end
        # A stretch starting at t meets a span [s, e] when s - reach <= t <= e. The best t is
        # where some span begins to be met, or the earliest t that meets the new span.
        scaled = [(_scale(o, limit, zone), o) for o in others]
        candidates = {lo} | {s - reach for (s, _), _ in scaled if lo <= s - reach <= hi}
        for t in candidates:
            met = [o for (s, e), o in scaled if s - reach <= t <= e]
            if len(met) >= limit.count and len(met) > len(worst):
                worst = met
    return sorted(worst, key=lambda o: o.start)
