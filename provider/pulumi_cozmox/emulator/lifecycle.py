"""The simulated life of a campaign, computed from the clock: pure arithmetic, no I/O.

A campaign is ``scheduled`` until its dial time (``schedulePlan.earliestAt``, or the moment it
was created when there is no plan or the plan's time has passed), then ``in-progress`` while
its calls are placed, then ``ended``.

Calls are placed in waves of ``concurrency`` calls (the emulator's default is 10, the default
concurrency limit of an org): customer ``i`` (in list order) is dialed at
``dial + (i // concurrency) * call_ms`` and hangs up ``call_ms`` later. Every
``voicemail_every``-th call (1-based; 0 = never) ends in voicemail. Nothing is stored as the
calls move: the state at any instant is a function of the stored times and ``now``, so moving
the clock (``POST /__emulator/clock``) moves every campaign at once, without a sleep.

Cut-off: a call whose dial time is at or after ``schedulePlan.latestAt``, or after the user
ended the campaign (``PATCH {"status": "ended"}``), is never placed (it is deleted); calls
already in progress finish. A campaign ended by the user is ``ended`` at once, with the
ended reason telling whether it had started dialing; otherwise it ends with
``campaign.ended.success`` when its last placed call has ended (and ``latestAt``, if any, has
passed or no call was cut).

Skipped customers (a documented emulator rule, as the API skips customers it cannot call
without an error): a customer with neither ``number`` nor ``sipUri``, or whose ``number``
(with ``numberE164CheckEnabled: false``) holds anything but digits after an optional ``+``, is
never scheduled. :func:`callable_indexes` says which customers are called; only they count.

Counters: ``callsCounterScheduled`` is the number of calls the campaign will place (every
callable customer, less the calls deleted by a cut-off); ``callsCounterQueued`` the calls
waiting for a line; ``callsCounterInProgress`` the calls being made; ``callsCounterEnded`` the
calls that ended, of which ``callsCounterEndedVoicemail`` went to voicemail. ``calls`` maps a
call id (a UUID derived from the campaign id and the customer index, so it is stable) to
``{"customerIndex", "status", "startedAt", "endedAt"?, "endedReason"?}`` for every placed call
(``customerIndex``: the customer's position in the campaign's list, skipped ones included).

:func:`natural_end_ms` is when a campaign that nobody ends ends by itself: the store keeps it
in a column, so that listings filter on status and ``updatedAt`` in SQL.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

__all__ = [
    "CampaignTimes",
    "Snapshot",
    "callable_indexes",
    "format_ms",
    "natural_end_ms",
    "parse_iso_ms",
    "snapshot",
]

SCHEDULED = "scheduled"
IN_PROGRESS = "in-progress"
ENDED = "ended"

ENDED_SCHEDULED_BY_USER = "campaign.scheduled.ended-by-user"
ENDED_IN_PROGRESS_BY_USER = "campaign.in-progress.ended-by-user"
ENDED_SUCCESS = "campaign.ended.success"

_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)

_MIN_MS = (datetime(1, 1, 1, tzinfo=timezone.utc) - _EPOCH) // timedelta(milliseconds=1)
_MAX_MS = (datetime(9999, 12, 31, 23, 59, 59, 999000, tzinfo=timezone.utc) - _EPOCH) // timedelta(
    milliseconds=1
)

CALL_ENDED_REASON = "customer-ended-call"
CALL_VOICEMAIL_REASON = "voicemail"
_DIALABLE = re.compile(r"\+?[0-9]+")


@dataclass(frozen=True)
class CampaignTimes:
    """What the lifecycle of one campaign depends on (times in ms since the epoch)."""

    id: str
    customers: int
    """Callable customers (skipped ones left out)."""
    created_ms: int
    updated_ms: int
    dial_ms: int
    latest_ms: int | None
    ended_by_user_ms: int | None
    call_ms: int
    concurrency: int
    voicemail_every: int
    #: Positions of the callable customers in the campaign's list, when some were skipped.
    called: tuple[int, ...] | None = None


def callable_indexes(customers: Sequence[object]) -> list[int]:
    """Positions of the customers the emulator calls (see the module docstring)."""
    found = []
    for i, customer in enumerate(customers):
        if not isinstance(customer, dict):
            continue
        number, sip = customer.get("number"), customer.get("sipUri")
        if isinstance(number, str) and number:
            strict = customer.get("numberE164CheckEnabled") is not False
            if strict or _DIALABLE.fullmatch(number):
                found.append(i)
        elif isinstance(sip, str) and sip:
            found.append(i)
    return found


@dataclass(frozen=True)
class Snapshot:
    """The state of a campaign at one instant."""

    status: str
    ended_reason: str | None
    updated_ms: int
    scheduled: int
    queued: int
    in_progress: int
    ended: int
    ended_voicemail: int
    placed: int
    started: int

    def counters(self) -> dict[str, int]:
        return {
            "callsCounterScheduled": self.scheduled,
            "callsCounterQueued": self.queued,
            "callsCounterInProgress": self.in_progress,
            "callsCounterEndedVoicemail": self.ended_voicemail,
            "callsCounterEnded": self.ended,
        }


def _ceil_div(a: int, b: int) -> int:
    return -(-a // b)


def _placed(t: CampaignTimes) -> int:
    """How many calls will ever be placed (dial time before the cut-off)."""
    cutoffs = [c for c in (t.latest_ms, t.ended_by_user_ms) if c is not None]
    if not cutoffs:
        return t.customers
    cutoff = min(cutoffs)
    if cutoff <= t.dial_ms:
        return 0
    waves = _ceil_div(cutoff - t.dial_ms, t.call_ms)
    return min(t.customers, waves * t.concurrency)


def _last_end(t: CampaignTimes, placed: int) -> int:
    last_end = t.dial_ms + _ceil_div(placed, t.concurrency) * t.call_ms
    if placed < t.customers and t.latest_ms is not None:
        last_end = max(last_end, t.latest_ms)
    return last_end


def natural_end_ms(t: CampaignTimes) -> int:
    """When the campaign ends by itself (its last call ended, and ``latestAt`` passed if it
    cut calls), if nobody ends it: ``scheduled`` before ``dial_ms``, ``in-progress`` until this,
    then ``ended``."""
    uncut = CampaignTimes(**{**t.__dict__, "ended_by_user_ms": None})
    return _last_end(uncut, _placed(uncut))


def snapshot(t: CampaignTimes, now_ms: int) -> Snapshot:
    """The campaign's status and counters at ``now_ms``."""
    placed = _placed(t)
    if now_ms < t.dial_ms:
        started = ended = 0
    else:
        waves_begun = (now_ms - t.dial_ms) // t.call_ms + 1
        started = min(placed, waves_begun * t.concurrency)
        ended = min(placed, (waves_begun - 1) * t.concurrency)
    voicemail = ended // t.voicemail_every if t.voicemail_every > 0 else 0
    cut_passed = t.ended_by_user_ms is not None or (
        t.latest_ms is not None and now_ms >= t.latest_ms
    )
    scheduled = placed if cut_passed else t.customers
    queued = placed - started if now_ms >= t.dial_ms else 0

    updated = t.updated_ms
    reason: str | None
    if t.ended_by_user_ms is not None:
        status = ENDED
        reason = (
            ENDED_SCHEDULED_BY_USER if t.ended_by_user_ms < t.dial_ms else ENDED_IN_PROGRESS_BY_USER
        )
    elif now_ms < t.dial_ms:
        status, reason = SCHEDULED, None
    else:
        updated = max(updated, t.dial_ms)
        last_end = _last_end(t, placed)
        if now_ms >= last_end:
            status, reason = ENDED, ENDED_SUCCESS
            updated = max(updated, last_end)
        else:
            status, reason = IN_PROGRESS, None
    return Snapshot(
        status=status,
        ended_reason=reason,
        updated_ms=updated,
        scheduled=scheduled,
        queued=queued,
        in_progress=started - ended,
        ended=ended,
        ended_voicemail=voicemail,
        placed=placed,
        started=started,
    )


def calls_map(t: CampaignTimes, snap: Snapshot) -> dict[str, dict[str, Any]]:
    """The ``calls`` map of a snapshot: every call placed so far, by call id."""
    base = uuid.UUID(t.id)
    calls: dict[str, dict[str, Any]] = {}
    for i in range(snap.started):
        start = t.dial_ms + (i // t.concurrency) * t.call_ms
        index = t.called[i] if t.called is not None else i
        entry: dict[str, Any] = {"customerIndex": index, "startedAt": format_ms(start)}
        if i < snap.ended:
            voicemail = t.voicemail_every > 0 and (i + 1) % t.voicemail_every == 0
            entry["status"] = "ended"
            entry["endedAt"] = format_ms(start + t.call_ms)
            entry["endedReason"] = CALL_VOICEMAIL_REASON if voicemail else CALL_ENDED_REASON
        else:
            entry["status"] = "in-progress"
        calls[str(uuid.uuid5(base, str(i)))] = entry
    return calls


def format_ms(ms: int) -> str:
    """ISO 8601 in UTC with milliseconds, as JavaScript's ``toISOString`` writes it."""
    ms = min(max(ms, _MIN_MS), _MAX_MS)
    dt = _EPOCH + timedelta(milliseconds=ms)
    return f"{dt.year:04d}-{dt:%m-%dT%H:%M:%S}.{ms % 1000:03d}Z"


def parse_iso_ms(text: str) -> int | None:
    """Milliseconds since the epoch of an ISO 8601 date-time (UTC if no offset), or None."""
    s = text.strip()
    if len(s) < 10:
        return None
    s = s[:10] + s[10:].replace("t", "T").replace("z", "Z")
    if s.endswith("Z"):
        s = s[:-1] + "+00:00"
    # RFC 3339 allows a leap second (":60"); Python does not.
    if len(s) >= 19 and s[16:19] == ":60":
        s = s[:17] + "59" + s[19:]
    try:
        dt = datetime.fromisoformat(s)
    except ValueError:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    ms: int = (dt - _EPOCH) // timedelta(milliseconds=1)
    return ms
