"""The emulator's clock: the wall clock moved forward by tests, and stopped when they ask.

``now = wall clock + offset`` while it runs; while it is frozen, ``now`` is the instant it
stands on, whatever the wall clock does. Every campaign's lifecycle, every stored time and
every answer's ``Date`` header read this one clock (see :mod:`.lifecycle`), so a test that
freezes it sees the same counters in two reads however long the machine takes between them.

It only moves forward: a time before ``now`` would un-end campaigns and date writes before
those already read. A request to ``POST /__emulator/clock`` (:func:`parse_move`) is a
:class:`Move`, applied all at once by :meth:`Clock.moved`:

- ``freeze``: ``true`` stops the clock (on the next whole second: answers' ``Date`` headers
  count whole seconds, so a client that reads them sees the exact instant the lifecycle uses),
  ``false`` lets it run again from where it stands;
- ``set`` (ISO 8601) puts it at that instant, ``advance`` (an ISO 8601 duration such as
  ``PT2H`` or ``P1DT30M``) or ``advanceSeconds`` (a number) moves it forward; at most one.

Pure: no I/O, no wall clock of its own (the caller gives it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from . import lifecycle

__all__ = ["Clock", "Move", "parse_duration_ms", "parse_move"]

_KEYS = {"freeze", "set", "advance", "advanceSeconds"}
# Weeks, days, hours, minutes, seconds: years and months have no fixed length.
_DURATION = re.compile(
    r"P(?:(?P<w>\d+)W)?(?:(?P<d>\d+)D)?"
    r"(?:T(?:(?P<h>\d+)H)?(?:(?P<m>\d+)M)?(?:(?P<s>\d+(?:[.,]\d+)?)S)?)?"
)
_UNIT_MS = {"w": 604_800_000, "d": 86_400_000, "h": 3_600_000, "m": 60_000, "s": 1000}


@dataclass(frozen=True)
class Move:
    """What one ``POST /__emulator/clock`` asks: freeze or thaw, then move (times in ms)."""

    freeze: bool | None = None
    set_ms: int | None = None
    advance_ms: int | None = None


@dataclass(frozen=True)
class Clock:
    """The clock's state: its offset from the wall clock, or the instant it is frozen on."""

    offset_ms: int = 0
    frozen_ms: int | None = None

    def now_ms(self, wall_ms: int) -> int:
        return self.frozen_ms if self.frozen_ms is not None else wall_ms + self.offset_ms

    def moved(self, move: Move, wall_ms: int) -> Clock:
        """The clock after ``move``; ValueError when it would go back."""
        now = self.now_ms(wall_ms)
        target = now
        freezing = move.freeze is True and self.frozen_ms is None
        if freezing and move.set_ms is None:
            target = -(-now // 1000) * 1000  # the next whole second (see the module docstring)
        if move.advance_ms is not None:
            target += move.advance_ms
        if move.set_ms is not None:
            if move.set_ms < now:
                raise ValueError(
                    f"the clock only moves forward: set a time at or after "
                    f"{lifecycle.format_ms(now)}"
                )
            target = move.set_ms
        frozen = self.frozen_ms is not None if move.freeze is None else move.freeze
        return Clock(frozen_ms=target) if frozen else Clock(offset_ms=target - wall_ms)

    def to_json(self, wall_ms: int) -> dict[str, Any]:
        now = self.now_ms(wall_ms)
        return {
            "now": lifecycle.format_ms(now),
            "offsetSeconds": (now - wall_ms) / 1000,
            "frozen": self.frozen_ms is not None,
        }


def parse_duration_ms(text: str) -> int:
    """Milliseconds of an ISO 8601 duration (weeks, days, hours, minutes, seconds);
    ValueError otherwise."""
    found = _DURATION.fullmatch(text.strip().upper())
    if found is None or text.strip().upper() in ("P", "PT") or text.strip().endswith("T"):
        raise ValueError(
            f"advance must be an ISO 8601 duration such as PT2H or P1DT30M, not {text!r}"
        )
    total = 0.0
    for unit, value in found.groupdict().items():
        if value is not None:
            total += float(value.replace(",", ".")) * _UNIT_MS[unit]
    return round(total)


def parse_move(data: Any) -> Move:
    """The :class:`Move` a request body asks for; ValueError saying what is wrong."""
    if not isinstance(data, dict) or not data:
        raise ValueError(
            'body must be an object: {"freeze": BOOL}, {"set": ISO}, {"advance": DURATION} '
            'or {"advanceSeconds": N}'
        )
    unknown = sorted(set(data) - _KEYS)
    if unknown:
        raise ValueError(f"unknown keys: {', '.join(unknown)}")
    moves = [k for k in ("set", "advance", "advanceSeconds") if k in data]
    if len(moves) > 1:
        raise ValueError(f"give one of set, advance and advanceSeconds, not {' and '.join(moves)}")
    freeze = data.get("freeze")
    if freeze is not None and not isinstance(freeze, bool):
        raise ValueError("freeze must be true or false")
    move = Move(freeze=freeze)
    if "set" in data:
        at = data["set"]
        ms = lifecycle.parse_iso_ms(at) if isinstance(at, str) else None
        if ms is None:
            raise ValueError("set must be an ISO 8601 date-time, such as 2030-03-04T17:00:00Z")
        move = replace(move, set_ms=ms)
    elif "advance" in data:
        text = data["advance"]
        if not isinstance(text, str):
            raise ValueError("advance must be an ISO 8601 duration such as PT2H")
        move = replace(move, advance_ms=parse_duration_ms(text))
    elif "advanceSeconds" in data:
        seconds = data["advanceSeconds"]
        if not isinstance(seconds, int | float) or isinstance(seconds, bool) or seconds < 0:
            raise ValueError("advanceSeconds must be a non-negative number")
        move = replace(move, advance_ms=int(round(seconds * 1000)))
    return move
