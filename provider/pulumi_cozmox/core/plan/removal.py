"""What removing a Campaign resource does to its campaign in the API: forget it, or delete it.

A campaign's record is the org's only history of who was called and when: the call limit
counts its calls, and an audit asks for it (the API keeps no call history of its own). So
removing the resource (from the program, by ``pulumi destroy``, or a replacement's delete)
keeps the record of a campaign that has dialed: it is ended if it still dials, and Pulumi
forgets it while the API keeps it. A campaign that never dialed is deleted: nobody was called.
``delete_record_on_remove`` (recorded in state by an earlier ``up``: the engine never shows a
delete to the provider at preview) deletes the record of a dialed campaign too.

The same decision serves the delete hook (by the status read just before) and the review (by
the recorded state). Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pulumi_cozmox.core.resource.fields import DELETED, count_of

__all__ = [
    "DELETE",
    "FORGET",
    "OPT_IN",
    "OPT_IN_API",
    "has_dialed",
    "removal",
    "removal_of_recorded",
]

#: The campaign stays in the API; Pulumi forgets it.
FORGET = "forget"
#: The campaign is deleted in the API (DELETE /campaign/{id}).
DELETE = "delete"
#: The opt-in (snake_case prop) that deletes the record of a dialed campaign too.
OPT_IN = "delete_record_on_remove"
#: Its name in the API's terms (messages render it in each program's spelling).
OPT_IN_API = "deleteRecordOnRemove"


def has_dialed(status: object, placed: int | None) -> bool:
    """Whether a campaign with this status has called anyone: in progress, or ended after
    ``placed`` calls began (None: not known, so assume it did)."""
    if status in ("in-progress", DELETED):
        return True  # DELETED: gone from the API after it dialed (nothing is left to delete)
    if status == "ended":
        return placed is None or placed > 0
    return False


def removal(status: object, placed: int | None, opt_in: object) -> str:
    """:data:`FORGET` or :data:`DELETE` for a campaign of ``status`` whose resource is removed."""
    if opt_in is True or not has_dialed(status, placed):
        return DELETE
    return FORGET


def removal_of_recorded(outputs: Mapping[str, Any]) -> str:
    """The decision as the stack's state records the campaign (what a preview can know). A
    campaign recorded as scheduled may have started since: the delete hook reads it again."""
    counts = [
        count_of(outputs.get(k)) for k in ("calls_counter_ended", "calls_counter_in_progress")
    ]
    known = [c for c in counts if c is not None]
    placed = sum(known) if known else None
    return removal(outputs.get("status"), placed, outputs.get(OPT_IN))
