"""Creating a campaign without ever calling anyone twice.

Creating a campaign dials its customers, so a create is sent only when no campaign that would
call the same people at the same time exists, and it is never sent again while an earlier
attempt may have been carried out.

1. **The duplicate guard.** Before the POST, the run's view of the org catches up with what
   changed since it was read (:class:`~pulumi_cozmox.core.engine.org.OrgView`: one bounded read
   per run), and its campaigns are compared with the declared one: same phone number, assistant
   or workflow, schedule (as instants) and customers (every field, overrides included; defaults
   only as the contract documents them). The name is left out: a copy with another name calls
   the same people. If one exists the create is refused
   (:class:`~pulumi_cozmox.client.errors.DuplicateCampaign`), naming it and the fixes, unless
   the resource opts in with ``allow_duplicate`` (``True``, or that campaign's id). The call
   limit is judged again too (:mod:`pulumi_cozmox.core.engine.guard`). This is what stops a
   second copy after a ``pulumi up`` killed once the API had the campaign but before Pulumi
   recorded it, after a resource was renamed without an alias, or when a resource was copied.
   The API has no field in which to mark a campaign as created by a resource, so an identical
   campaign found here cannot be told apart from one a person made on purpose: it is never
   taken over silently; ``adopt_id`` takes it over explicitly.
2. **One at a time per identity, and the later of two loses.** Creates of identical campaigns
   in this process (parallel resources of one ``pulumi up``) run one after the other, so each
   guard sees the others. Across processes (two stacks, a person in the dashboard) no lock
   spans them: after its POST a create catches up once more, and if an identical campaign (or
   one that puts a customer past the call limit) was created before this one meanwhile, this
   one, the later, is deleted again (ended first if it is dialing) and the create refused.
   Both sides judge by the same order (``createdAt``, then id), so exactly one remains. When
   the window is already open, the later campaign may have placed calls in the moment between
   its creation and its deletion; calls in progress then finish.
3. **A lost answer is looked up, never re-sent blindly.** A POST whose answer is lost (timeout,
   connection closed or reset), malformed (a 2xx that is not a campaign) or a 5xx (a proxy may
   answer 502/503/504 after forwarding it; a 500 after committing) may have been carried out.
   The client settles it (:meth:`~pulumi_cozmox.client.api.CozmoxClient.create_campaign`: when
   to look, for how long, when to send again); recognising the campaign is this module's
   (:func:`_finder`): the campaigns created since a little before the request are listed and
   compared with the whole declared body (name included); campaigns that existed before
   (found by the guard) and campaigns other threads of this process have claimed are skipped,
   so parallel look-alikes each get their own. Found: it is taken over (and the caller is
   told, to show the user). Not found: the lookup is repeated over a grace period (twice the
   request timeout after a read timeout or a gateway 502/504, when the server may still be
   working; a couple of seconds otherwise), then the POST is sent again (a 500 is raised
   instead: it would fail again). A 2xx whose campaign cannot be found is never sent again.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from pulumi_cozmox.client.answers import ListedCampaign
from pulumi_cozmox.client.api import CozmoxClient
from pulumi_cozmox.client.errors import DuplicateCampaign, Refused
from pulumi_cozmox.client.post import LOOKUP_INTERVAL, Created, Find
from pulumi_cozmox.core.engine.guard import Guard, Overlap, identical_among
from pulumi_cozmox.core.model.campaign import Declared, listed_head
from pulumi_cozmox.core.model.compare import instant
from pulumi_cozmox.core.resource import names

__all__ = [
    "Claims",
    "Created",
    "Declared",
    "create_campaign",
    "duplicate_allowed",
    "screen",
]

# -- recognising the declared campaign ---------------------------------------------------------


def _same_head(listed: ListedCampaign, declared: Declared) -> bool:
    """The cheap part, name included: ids, schedule, the customers' numbers in order."""
    return listed.name == declared.fields.get("name") and declared.head == listed_head(listed)


def duplicate_allowed(allow: bool | str | None, existing: list[dict[str, Any]]) -> bool:
    """Whether ``allow_duplicate`` allows creating a copy of ``existing``: ``True`` always; a
    campaign id, when that is the one campaign found."""
    if allow is True:
        return True
    return isinstance(allow, str) and [str(c.get("id")) for c in existing] == [allow]


# -- claims and serialization within one run ------------------------------------------------


class Claims:
    """Campaigns some create of one run has taken (a lost answer's lookup skips them), and one
    lock per campaign identity (creates of identical campaigns one at a time: each guard then
    sees the others). One per run; thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._claimed: set[str] = set()
        self._gates: dict[str, threading.Lock] = {}

    def claim(self, campaign_id: str) -> bool:
        """Mark a campaign as some resource's; False when it was claimed already."""
        with self._lock:
            if campaign_id in self._claimed:
                return False
            self._claimed.add(campaign_id)
            return True

    def claimed(self, campaign_id: str) -> bool:
        with self._lock:
            return campaign_id in self._claimed

    @contextmanager
    def one_at_a_time(self, identity: str) -> Iterator[None]:
        with self._lock:
            gate = self._gates.setdefault(identity, threading.Lock())
        with gate:
            yield


# -- creating ---------------------------------------------------------------------------------


def _duplicate_message(existing: list[dict[str, Any]]) -> str:
    first = existing[0]
    count = len(first.get("customers") or [])
    people = f"{count} " + ("person" if count == 1 else "people")
    more = f" (and {len(existing) - 1} more)" if len(existing) > 1 else ""
    allowed = str(first.get("id")) if len(existing) == 1 else True
    kept = (
        " A campaign removed from a stack after it dialed stays in the org (its record is "
        "kept): to call these people again, give this one a new window "
        f"({names.field('schedulePlan')})."
        if first.get("status") == "ended"
        else ""
    )
    return (
        f"an identical campaign already exists in the Cozmox org: {first.get('id')} "
        f"({first.get('status')}, created {first.get('createdAt')}){more}: same customers, "
        f"schedule, phone number and assistant or workflow. Creating this one would call the "
        f"same {people} again, so nothing was sent. If a `pulumi up` was interrupted while it "
        f"created this resource, that campaign is this resource's own: take it over with "
        f"{names.setting('adoptId', str(first.get('id')))} (nothing is dialed) and run `pulumi "
        "up` again. If you renamed this resource, give it its old name as an alias instead: "
        f"{names.alias('<old name>')}. To create another identical campaign that calls them "
        f"again, set {names.setting('allowDuplicate', allowed)}.{kept}"
    )


def screen(
    guard: Guard,
    declared: Declared,
    *,
    allow_duplicate: bool | str | None = None,
    resource: str | None = None,
    exclude: frozenset[str] = frozenset(),
) -> tuple[list[dict[str, Any]], list[Overlap]]:
    """Judge a create against the org as ``guard`` sees it now: raises DuplicateCampaign or
    Refused; returns the identical campaigns that ``allow_duplicate`` allows, and the other
    campaigns that call some of the same people within the call limit's period."""
    plan = declared.fields.get("schedulePlan")
    guard.org.reach_back(instant(plan.get("earliestAt")) if isinstance(plan, dict) else None)
    existing = guard.identical(declared, skip=lambda cid: cid in exclude)
    if existing and not duplicate_allowed(allow_duplicate, existing):
        raise DuplicateCampaign(_duplicate_message(existing), [c["id"] for c in existing])
    refusals, overlaps = guard.call_limit(
        declared, guard.org.server_now(), resource=resource, exclude=exclude
    )
    if refusals:
        raise Refused([(r.path, r.message) for r in refusals])
    return existing, overlaps


def create_campaign(
    client: CozmoxClient,
    declared: Declared,
    *,
    allow_duplicate: bool | str | None = False,
    lookup_interval: float = LOOKUP_INTERVAL,
    guard: Guard | None = None,
    resource: str | None = None,
    exclude: frozenset[str] = frozenset(),
    claims: Claims | None = None,
) -> Created:
    """Create the declared campaign once; see the module docstring. ``guard``: the run's
    (a guard of its own, with no rules, when None); ``resource`` names the create in the run;
    ``exclude``: campaigns not to judge it against (the one it replaces); ``claims``: the run's
    (campaigns its creates took; creates of one identity one at a time).

    Raises DuplicateCampaign or Refused (nothing sent, or the later copy deleted again),
    ApiError (the API refused it), TransportError (it could not be sent), OutcomeUnknown (it
    may exist, and could not be found).
    """
    guard = guard or Guard(client)
    claims = claims or Claims()
    with claims.one_at_a_time(declared.identity):
        guard.org.catch_up()
        existing, _ = screen(
            guard, declared, allow_duplicate=allow_duplicate, resource=resource, exclude=exclude
        )
        before = {str(c["id"]) for c in existing}
        created = client.create_campaign(
            declared.body,
            find=_finder(client, declared, before, claims),
            clock=guard.org.server_now,
            lookup_interval=lookup_interval,
        )
        if created.recovered_from is None:
            claims.claim(str(created.campaign["id"]))  # found ones were claimed by the finder
        if resource is not None:
            guard.created(resource, str(created.campaign["id"]))
        _undo_if_later(client, guard, declared, created.campaign, allow_duplicate, exclude, claims)
        return created


def _older(listed: ListedCampaign, campaign: dict[str, Any]) -> bool:
    """Whether ``listed`` was created before ``campaign`` (the order every create agrees on)."""
    mine, theirs = instant(campaign.get("createdAt")), instant(listed.createdAt)
    if mine is None or theirs is None:
        return False
    return (theirs, listed.id) < (mine, str(campaign["id"]))


def _undo_if_later(
    client: CozmoxClient,
    guard: Guard,
    declared: Declared,
    campaign: dict[str, Any],
    allow_duplicate: bool | str | None,
    exclude: frozenset[str],
    claims: Claims,
) -> None:
    """Delete ``campaign`` again (and raise) when, created at the same moment elsewhere, an
    older campaign makes it a duplicate or puts someone past the call limit."""
    own = str(campaign["id"])
    guard.org.catch_up()

    def not_older(cid: str) -> bool:
        listed = guard.org.get(cid)
        return cid == own or claims.claimed(cid) or listed is None or not _older(listed, campaign)

    twins = guard.identical(declared, skip=lambda cid: cid in exclude or not_older(cid))
    reasons: list[str] = []
    if twins and not duplicate_allowed(allow_duplicate, twins):
        first = twins[0]
        reasons.append(
            f"an identical campaign, {first.get('id')} (created {first.get('createdAt')}), was "
            "created at the same moment by another stack or person"
        )
    racing = {c.id for c in guard.org.campaigns() if c.id != own and not not_older(c.id)} - exclude
    if racing and guard.rules.call_limit is not None:
        refusals, _ = guard.call_limit(
            declared,
            guard.org.server_now(),
            exclude={c.id for c in guard.org.campaigns()} - racing,
            planned=False,
        )
        reasons += [r.message for r in refusals]
    if not reasons:
        return
    dialing = _withdraw(client, own)
    after = (
        "it had started dialing: calls it placed in that moment finish"
        if dialing
        else "it had not started dialing: nobody was called"
    )
    raise DuplicateCampaign(
        f"{'; '.join(reasons)}. This one, {own}, is the later of them, so it was deleted again "
        f"({after}). Run `pulumi up` again once the other campaign is settled, or change this "
        "campaign.",
        [own],
    )


def _withdraw(client: CozmoxClient, campaign_id: str) -> bool:
    """End (if dialing) and delete a campaign just created; whether it had started dialing."""
    status = client.get_status(campaign_id)
    if status == "in-progress":
        client.end_campaign(campaign_id)
    client.delete_campaign(campaign_id)
    return status != "scheduled"


def _finder(client: CozmoxClient, declared: Declared, before: set[str], claims: Claims) -> Find:
    """How the client looks up the campaign a POST of ``declared`` may have created: among
    those created since the instant it is given, the declared one that existed neither
    before (``before``: found by the guard) nor is claimed by another create; claimed here."""

    def find(since: datetime) -> dict[str, Any] | None:
        listed = client.list_campaigns(createdAtGe=since)

        def skip(cid: str) -> bool:
            return cid in before or claims.claimed(cid)

        heads = (c for c in listed if _same_head(c, declared))
        for campaign in identical_among(client, heads, declared, skip=skip):
            if claims.claim(str(campaign["id"])):
                return campaign
        return None

    return find
