"""A value a preview does not know yet, as the core spells it: one sentinel, :data:`UNKNOWN`.

Each adapter puts it wherever the engine sent its own unknown (Pulumi's ``Unknown`` for the
dynamic provider, the plugin's sentinel string). Pure: no I/O.
"""

from __future__ import annotations

from typing import Any

__all__ = ["UNKNOWN", "Unknown", "is_unknown"]


class Unknown:
    """A value the engine does not know yet (preview; an output of a resource not created)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "UNKNOWN"


#: The one unknown value: adapters put it wherever the engine sent theirs.
UNKNOWN = Unknown()


def is_unknown(value: Any) -> bool:
    """Whether ``value`` (or something inside it) is not known yet."""
    if isinstance(value, Unknown):
        return True
    if isinstance(value, dict):
        return any(is_unknown(v) for v in value.values())
    if isinstance(value, list):
        return any(is_unknown(v) for v in value)
    return False
