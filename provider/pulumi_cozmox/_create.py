"""Creating a campaign without ever calling anyone twice.

Creating a campaign dials its customers, so a create is sent only when no campaign that would
call the same people at the same time exists, and it is never sent again while an earlier
attempt may have been carried out.

1. **The duplicate guard.** Before the POST, every campaign of the org is listed and compared
   with the declared one: same phone number, assistant or workflow, schedule (as instants) and
   customers (every field, overrides included; the API may add defaults). The name is left
   out: a copy with another name calls the same people. If one exists the create is refused
   (:class:`~pulumi_cozmox._errors.DuplicateCampaign`), naming it and the fixes, unless the
   resource opts in with ``allow_duplicate``. This is what stops a second copy after a
   ``pulumi up`` killed once the API had the campaign but before Pulumi recorded it, after a
   resource was renamed without an alias, or when a resource was copied.
   The API has no field in which to mark a campaign as created by a resource, so an identical
   campaign found here cannot be told apart from one a person made on purpose: it is never
   taken over silently; ``adopt_id`` takes it over explicitly.
2. **One at a time per identity.** Creates of identical campaigns in this process (parallel
   resources of one ``pulumi up``) run one after the other, so each guard sees the others.
3. **A lost answer is looked up, never re-sent blindly.** A POST whose answer is lost (timeout,
   connection closed or reset), malformed (a 2xx that is not a campaign) or a 5xx (a proxy may
   answer 502/503/504 after forwarding it; a 500 after committing) may have been carried out.
   The campaigns created since a little before the request are listed and compared with the
   whole declared body (name included); campaigns that existed before (found by the guard)
   and campaigns other threads of this process have claimed are skipped, so parallel
   look-alikes each get their own. Found: it is taken over (and the caller is told, to show
   the user). Not found: the lookup is repeated over a grace period (twice the request
   timeout after a read timeout or a gateway 502/504, when the server may still be working;
   a couple of seconds otherwise), then the POST is sent again (a 500 is raised instead: it
   would fail again). A 2xx whose campaign cannot be found is never sent again.
"""

from __future__ import annotations

import hashlib
import random
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

import httpx
from pydantic import TypeAdapter

from pulumi_cozmox._client import CozmoxClient, describe_transport_error
from pulumi_cozmox._compare import instant, same_value
from pulumi_cozmox._customers import canonical_json, json_digest
from pulumi_cozmox._errors import (
    ApiError,
    CozmoxError,
    DuplicateCampaign,
    MalformedAnswer,
    NotFound,
    OutcomeUnknown,
    TransportError,
)
from pulumi_cozmox._json import loads
from pulumi_cozmox._models import CustomerKey, ListedCampaign
from pulumi_cozmox._retry import NEVER_SENT

__all__ = ["Created", "Declared", "create_campaign", "find_identical"]

#: How far before the request the lookup of a lost answer starts (clock skew allowance).
LOOKUP_MARGIN = 5.0
LOOKUP_INTERVAL = 1.0
#: Grace of a lookup when the server is done with the request (it answered or hung up).
SHORT_GRACE = 2.0
#: Answers after which a POST may have been carried out all the same.
MAYBE_COMMITTED = frozenset({500, 502, 503, 504})
#: Answers after which the server (behind a gateway) may still be working on it.
STILL_WORKING = frozenset({502, 504})

_KEYS = TypeAdapter(list[CustomerKey])


@dataclass(frozen=True)
class Declared:
    """The campaign a resource declares: the POST body, and what recognises it in the API."""

    body: bytes
    #: The body's fields (API keys) but the customers.
    fields: dict[str, Any]
    #: The customers' canonical JSON (see :mod:`pulumi_cozmox._customers`).
    customers_json: bytes
    customers_digest: str = field(init=False)
    customer_keys: tuple[tuple[str | None, str | None], ...] = field(init=False)

    def __post_init__(self) -> None:
        keys = tuple((c.number, c.sipUri) for c in _KEYS.validate_json(self.customers_json))
        object.__setattr__(self, "customers_digest", json_digest(self.customers_json))
        object.__setattr__(self, "customer_keys", keys)

    def customers(self) -> list[Any]:
        """The declared customers, parsed (only when a candidate needs a full comparison)."""
        parsed: list[Any] = loads(self.customers_json)
        return parsed

    @property
    def identity(self) -> str:
        """Who is called, from where, when: equal for campaigns the guard calls identical."""
        plan = self.fields.get("schedulePlan")
        if isinstance(plan, dict):
            plan = sorted((k, _utc(v)) for k, v in plan.items())
        head = [self.fields.get(k) for k in ("phoneNumberId", "assistantId", "workflowId")]
        return _sha256(repr((head, plan, self.customers_digest)).encode())


def _utc(value: Any) -> Any:
    moment = instant(value)
    return value if moment is None else moment.astimezone(timezone.utc).isoformat()


@dataclass(frozen=True)
class Created:
    """The campaign a create ended with."""

    campaign: dict[str, Any]
    #: Why the POST's answer was lost, when the campaign was found by a lookup instead.
    recovered_from: str | None = None


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# -- recognising the declared campaign ---------------------------------------------------------


def _same_head(listed: ListedCampaign, declared: Declared, *, with_name: bool) -> bool:
    """The cheap part: ids, schedule, and the customers' numbers in order."""
    wanted = declared.fields
    if with_name and listed.name != wanted.get("name"):
        return False
    for key in ("phoneNumberId", "assistantId", "workflowId"):
        if getattr(listed, key) != wanted.get(key):
            return False
    plan = wanted.get("schedulePlan")
    if plan is None:
        if listed.schedulePlan is not None:
            return False
    elif not same_value(listed.schedulePlan, plan):
        return False
    return tuple((c.number, c.sipUri) for c in listed.customers) == declared.customer_keys


def _same_customers(server: Any, declared: Declared) -> bool:
    if not isinstance(server, list):
        return False
    try:
        if _sha256(canonical_json(server)) == declared.customers_digest:
            return True
    except TypeError:
        return False
    return same_value(server, declared.customers())


def _matching(
    client: CozmoxClient,
    listed: Iterator[ListedCampaign],
    declared: Declared,
    *,
    with_name: bool,
    skip: Callable[[str], bool] = lambda _id: False,
) -> list[dict[str, Any]]:
    """The campaigns among ``listed`` that are the declared one, oldest first."""
    found: list[dict[str, Any]] = []
    for campaign in listed:
        if skip(campaign.id) or not _same_head(campaign, declared, with_name=with_name):
            continue
        try:
            full = client.get_campaign(campaign.id)
        except NotFound:
            continue  # deleted since it was listed
        if _same_customers(full.get("customers"), declared):
            found.append(full)
    return sorted(found, key=lambda c: str(c.get("createdAt")))


def find_identical(client: CozmoxClient, declared: Declared) -> list[dict[str, Any]]:
    """Every campaign of the org that would call the declared customers, from the same phone
    number, with the same assistant or workflow, on the same schedule (names aside)."""
    return _matching(client, client.list_campaigns(), declared, with_name=False)


# -- claims and serialization within this process ------------------------------------------------

_lock = threading.Lock()
_identity_locks: dict[str, threading.Lock] = {}
_claimed: set[str] = set()


@contextmanager
def _serialized(identity: str) -> Iterator[None]:
    with _lock:
        gate = _identity_locks.setdefault(identity, threading.Lock())
    with gate:
        yield


def _claim(campaign_id: str) -> bool:
    """Mark a campaign as some resource's in this process; False when already claimed."""
    with _lock:
        if campaign_id in _claimed:
            return False
        _claimed.add(campaign_id)
        return True


def _is_claimed(campaign_id: str) -> bool:
    with _lock:
        return campaign_id in _claimed


# -- creating ---------------------------------------------------------------------------------


def _duplicate_message(existing: list[dict[str, Any]]) -> str:
    first = existing[0]
    count = len(first.get("customers") or [])
    people = f"{count} " + ("person" if count == 1 else "people")
    more = f" (and {len(existing) - 1} more)" if len(existing) > 1 else ""
    return (
        f"an identical campaign already exists in the Cozmox org: {first.get('id')} "
        f"({first.get('status')}, created {first.get('createdAt')}){more}: same customers, "
        f"schedule, phone number and assistant or workflow. Creating this one would call the "
        f"same {people} again, so nothing was sent. If a `pulumi up` was interrupted while it "
        f"created this resource, that campaign is this resource's own: take it over with "
        f'adopt_id="{first.get("id")}" (nothing is dialed) and run `pulumi up` again. If you '
        "renamed this resource, give it its old name as an alias instead: "
        'opts=pulumi.ResourceOptions(aliases=[pulumi.Alias(name="<old name>")]). To create '
        "another identical campaign that calls them again, set allow_duplicate=True."
    )


def create_campaign(
    client: CozmoxClient,
    declared: Declared,
    *,
    allow_duplicate: bool = False,
    lookup_interval: float = LOOKUP_INTERVAL,
) -> Created:
    """Create the declared campaign once; see the module docstring.

    Raises DuplicateCampaign (nothing sent), ApiError (the API refused it), TransportError
    (it could not be sent), OutcomeUnknown (it may exist, and could not be found).
    """
    with _serialized(declared.identity):
        existing = find_identical(client, declared)
        if existing and not allow_duplicate:
            raise DuplicateCampaign(_duplicate_message(existing), [c["id"] for c in existing])
        before = {str(c["id"]) for c in existing}
        return _post(client, declared, before, lookup_interval)


def _post(client: CozmoxClient, declared: Declared, before: set[str], interval: float) -> Created:
    rng = random.Random()
    attempt = 0
    while True:
        started = datetime.now(timezone.utc)
        error: CozmoxError
        try:
            response = client.post_campaign(declared.body)
        except NEVER_SENT as exc:
            raise TransportError("POST", "/campaign", describe_transport_error(exc)) from None
        except httpx.HTTPError as exc:
            error = TransportError("POST", "/campaign", describe_transport_error(exc))
            reason = error.reason
            grace = 2 * client.timeout if isinstance(exc, httpx.ReadTimeout) else SHORT_GRACE
        else:
            if response.is_success:
                try:
                    campaign = client.campaign_from(response)
                except MalformedAnswer as exc:
                    found = _await(client, declared, started, before, SHORT_GRACE, interval)
                    if found is not None:
                        return Created(found, recovered_from=exc.reason)
                    raise OutcomeUnknown(
                        "POST",
                        "/campaign",
                        f"the API answered {response.status_code} but not with a campaign "
                        f"({exc.reason}), and no campaign matching it was found; it is not "
                        "sent again. Look for it in the Cozmox dashboard: if it exists, take "
                        "it over with adopt_id",
                    ) from None
                _claim(str(campaign["id"]))
                return Created(campaign)
            error = client.error_for(response, "POST", "/campaign")
            if response.status_code not in MAYBE_COMMITTED:
                raise error
            reason = str(error)
            still_working = response.status_code in STILL_WORKING
            grace = 2 * client.timeout if still_working else SHORT_GRACE
        found = _await(client, declared, started, before, grace, interval)
        if found is not None:
            return Created(found, recovered_from=reason)
        if isinstance(error, ApiError) and error.status == 500:
            raise error  # the server failed on this request: sending it again would too
        if attempt >= client.max_retries:
            raise error
        client.sleep(rng.uniform(0, min(30.0, 0.5 * 2**attempt)))
        attempt += 1


def _await(
    client: CozmoxClient,
    declared: Declared,
    started: datetime,
    before: set[str],
    grace: float,
    interval: float,
) -> dict[str, Any] | None:
    """The campaign a POST started at ``started`` created, looked for over ``grace`` s."""
    since = started - timedelta(seconds=LOOKUP_MARGIN)
    waited = 0.0
    while True:
        try:
            listed = client.list_campaigns(createdAtGe=since)
            for campaign in _matching(
                client,
                listed,
                declared,
                with_name=True,
                skip=lambda cid: cid in before or _is_claimed(cid),
            ):
                if _claim(str(campaign["id"])):
                    return campaign
        except CozmoxError as exc:
            raise OutcomeUnknown(
                "POST",
                "/campaign",
                f"the answer was lost, and looking up whether the campaign was created "
                f"failed: {exc}",
            ) from None
        if waited >= grace:
            return None
        step = min(interval, grace - waited)
        client.sleep(step)
        waited += step
