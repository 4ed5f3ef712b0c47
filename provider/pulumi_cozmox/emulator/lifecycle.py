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

Counters: ``callsCounterScheduled`` is the number of calls the campaign will place (every
customer, less the calls deleted by a cut-off); ``callsCounterQueued`` the calls waiting for a
line; ``callsCounterInProgress`` the calls being made; ``callsCounterEnded`` the calls that
ended, of which ``callsCounterEndedVoicemail`` went to voicemail. ``calls`` maps a call id
(a UUID derived from the campaign id and the customer index, so it is stable) to
``{"customerIndex", "status", "startedAt", "endedAt"?, "endedReason"?}`` for every placed call.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

__all__ = [
    "CampaignTimes",
    "Snapshot",
    "format_ms",
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


@dataclass(frozen=True)
class CampaignTimes:
    """What the lifecycle of one campaign depends on (times in ms since the epoch)."""

    id: str
    customers: int
    created_ms: int
    updated_ms: int
    dial_ms: int
    latest_ms: int | None
    ended_by_user_ms: int | None
    call_ms: int
    concurrency: int
    voicemail_every: int


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
        last_end = t.dial_ms + _ceil_div(placed, t.concurrency) * t.call_ms
        if placed < t.customers and t.latest_ms is not None:
            last_end = max(last_end, t.latest_ms)
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
        entry: dict[str, Any] = {"customerIndex": i, "startedAt": format_ms(start)}
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
