"""POST /campaign once, and settle what became of it: a lost answer is looked up, never re-sent
blindly.

Creating a campaign dials people, so a POST that may have been carried out is not sent again
until a lookup has shown that it was not. The outcome of one POST, each way it can go:

- **never sent** (no connection could be made, after the transport's retries):
  TransportError; nothing was created.
- **a 2xx with a campaign**: that campaign.
- **a 2xx that is no campaign** (empty, not JSON, no ``id``, ...): it was created, but which
  is it? Looked up over a short grace (``SHORT_GRACE``); found, it is the answer, else
  OutcomeUnknown. Never sent again.
- **the answer lost** (timeout, connection closed or reset) **or a 500, 502, 503 or 504**
  (``MAYBE_COMMITTED``: a proxy may answer 502/503/504 after forwarding it; a 500 after
  committing): looked up over a grace period, twice the request timeout after a read timeout
  or a 502/504 (``STILL_WORKING``: the server may still be working on it), ``SHORT_GRACE``
  otherwise. Found, it is the answer. Not found: a 500 is raised (the server failed on this
  request: it would fail again); anything else is sent again after a backoff, at most
  ``max_retries`` times.
- **any other error answer** (400, 401, a 429 past the retry deadline, ...): its ApiError;
  nothing was created.

429s and unsent requests are retried by the transport before any of this
(:mod:`pulumi_cozmox.client.retry`). The *looking up* is the caller's: ``find(since)`` is given
the instant from which campaigns created since may be this POST's (``LOOKUP_MARGIN`` seconds
before it was sent) and returns the campaign if it can tell it, else None. Recognising the
campaign (and which ones other creates have claimed) is campaign logic, which the client does
not know; ``find`` may raise a CozmoxError, which becomes OutcomeUnknown (never a second POST).
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

import httpx

from pulumi_cozmox.client.errors import (
    CozmoxError,
    MalformedAnswer,
    OutcomeUnknown,
    TransportError,
)
from pulumi_cozmox.client.retry import BACKOFF_MAX, NEVER_SENT, describe_transport_error

if TYPE_CHECKING:
    from pulumi_cozmox.client.api import CozmoxClient

__all__ = [
    "LOOKUP_INTERVAL",
    "LOOKUP_MARGIN",
    "MAYBE_COMMITTED",
    "SHORT_GRACE",
    "STILL_WORKING",
    "Created",
    "Find",
    "create_campaign",
]

#: How far before the request the lookup of a lost answer starts (clock skew allowance).
LOOKUP_MARGIN = 5.0
#: Seconds between two lookups within a grace period.
LOOKUP_INTERVAL = 1.0
#: Grace of a lookup when the server is done with the request (it answered or hung up).
SHORT_GRACE = 2.0
#: Answers after which a POST may have been carried out all the same.
MAYBE_COMMITTED = frozenset({500, 502, 503, 504})
#: Answers after which the server (behind a gateway) may still be working on it.
STILL_WORKING = frozenset({502, 504})
#: The first pause before a POST is sent again (doubled each time, full jitter).
RESEND_BACKOFF_BASE = 0.5

#: ``find(since)``: the campaign this POST created, if one created since ``since`` is it.
Find = Callable[[datetime], "dict[str, Any] | None"]


@dataclass(frozen=True)
class Created:
    """The campaign a create ended with."""

    campaign: dict[str, Any]
    #: Why the POST's answer was lost, when the campaign was found by a lookup instead.
    recovered_from: str | None = None


@dataclass(frozen=True)
class _Unsettled:
    """A POST that may have been carried out: why, how long to look for its campaign, and
    what to raise when it is not found (None: send it again)."""

    reason: str
    grace: float
    error: CozmoxError
    final: CozmoxError | None = None


def create_campaign(
    client: CozmoxClient,
    body: bytes,
    *,
    find: Find,
    clock: Callable[[], datetime] | None = None,
    lookup_interval: float = LOOKUP_INTERVAL,
) -> Created:
    """See :meth:`CozmoxClient.create_campaign`."""
    now = clock or client.now
    rng = random.Random()
    resent = 0
    while True:
        started = now()
        sent = _post_once(client, body)
        if not isinstance(sent, _Unsettled):
            return Created(sent)
        since = started - timedelta(seconds=LOOKUP_MARGIN)
        found = _look_up(client, find, since, sent.grace, lookup_interval)
        if found is not None:
            return Created(found, recovered_from=sent.reason)
        if sent.final is not None:
            raise sent.final
        if resent >= client.max_retries:
            raise sent.error
        client.sleep(rng.uniform(0, min(BACKOFF_MAX, RESEND_BACKOFF_BASE * 2**resent)))
        resent += 1


def _post_once(client: CozmoxClient, body: bytes) -> dict[str, Any] | _Unsettled:
    """One POST (the transport's retries included): its campaign, or what is unsettled.
    Raises what settles it as not created."""
    started = time.monotonic()
    try:
        response = client._post_fresh(body)
    except NEVER_SENT as exc:
        raise client.transport_error("POST", "/campaign", exc, started) from None
    except httpx.HTTPError as exc:
        error = TransportError("POST", "/campaign", client.scrub(describe_transport_error(exc)))
        timed_out = isinstance(exc, httpx.ReadTimeout)
        return _Unsettled(error.reason, _grace(client, timed_out), error)
    if response.is_success:
        try:
            return client.campaign_from(response)
        except MalformedAnswer as exc:
            unknown = OutcomeUnknown(
                "POST",
                "/campaign",
                f"the API answered {response.status_code} but not with a campaign "
                f"({exc.reason}), and no campaign matching it was found; it is not sent "
                "again. Look for it in the Cozmox dashboard: if it exists, take it over "
                "with adopt_id",
            )
            return _Unsettled(exc.reason, SHORT_GRACE, unknown, final=unknown)
    failed = client.error_for(response, "POST", "/campaign")
    if response.status_code not in MAYBE_COMMITTED:
        raise failed
    grace = _grace(client, response.status_code in STILL_WORKING)
    # A 500: the server failed on this request; sending it again would fail the same way.
    final = failed if response.status_code == 500 else None
    return _Unsettled(str(failed), grace, failed, final=final)


def _grace(client: CozmoxClient, still_working: bool) -> float:
    return 2 * client.timeout if still_working else SHORT_GRACE


def _look_up(
    client: CozmoxClient, find: Find, since: datetime, grace: float, interval: float
) -> dict[str, Any] | None:
    """The campaign ``find`` recognises, looked for over ``grace`` s, every ``interval`` s."""
    waited = 0.0
    while True:
        try:
            found = find(since)
        except CozmoxError as exc:
            raise OutcomeUnknown(
                "POST",
                "/campaign",
                f"the answer was lost, and looking up whether the campaign was created "
                f"failed: {exc}",
            ) from None
        if found is not None:
            return found
        if waited >= grace:
            return None
        step = min(interval, grace - waited)
        client.sleep(step)
        waited += step
