"""Comparing API values as the API means them: instants as instants, defaults as defaults.

Pure: no I/O. Used by planning (is a schedule edit a change?), refresh (is this drift?) and
creation (is that campaign the one declared?).
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

__all__ = ["instant", "same_instants", "same_value"]


def instant(value: Any) -> datetime | None:
    """The instant an ISO 8601 date-time string names (``Z`` or an offset; none means UTC) as
    an aware datetime, else None."""
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=timezone.utc)


def _same_scalar(a: Any, b: Any) -> bool:
    if a == b:
        return True
    x, y = instant(a), instant(b)
    return x is not None and y is not None and x == y


def same_instants(a: Any, b: Any) -> bool:
    """Whether two values are equal, date-time strings compared as the instants they name
    (``2099-01-01T09:00:00Z`` is ``2099-01-01T10:00:00+01:00``). Same keys, same lengths."""
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same_instants(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same_instants(x, y) for x, y in zip(a, b, strict=True))
    return _same_scalar(a, b)


def same_value(server: Any, declared: Any) -> bool:
    """Whether the server's value is the declared one, allowing for server-applied defaults
    (keys the program did not set) and date-time reformatting."""
    if isinstance(declared, dict) and isinstance(server, dict):
        return all(k in server and same_value(server[k], v) for k, v in declared.items())
    if isinstance(declared, list) and isinstance(server, list):
        return len(declared) == len(server) and all(
            same_value(s, d) for s, d in zip(server, declared, strict=True)
        )
    return _same_scalar(server, declared)
