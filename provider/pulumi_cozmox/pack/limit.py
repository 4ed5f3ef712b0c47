"""The pack's stack rule: the call limit across the stack's campaigns and the org's.

The org's campaigns are read once per preview with the API key the provider would take from
the environment (``COZMOX_API_KEY``, ``COZMOX_BASE_URL``): the campaigns that can still call and
those that ended within the limit's period (:class:`~pulumi_cozmox.core.engine.org.OrgView`,
the provider's one bounded read). A policy is not told resources' ids, so a stack's campaign is
found in that list (its *record*, counted once, with the window the stack now declares):

- by its ``createdAt``, when the preview shows its outputs (a campaign the change leaves as
  it is);
- else (a create, an update, a replacement: the preview shows the new inputs only) as the one
  scheduled campaign no other resource claimed with its name and phone number and either its
  schedule or its customers: the record the change moves or replaces, which will not call as
  listed. A change of name, or of both schedule and customers, at once leaves the old record
  counted (the pack errs towards refusing).

Judged, as the provider judges them: the campaigns a change creates (or replaces) and those
whose window it moves; a campaign left as it is counts for the others. A person is counted as
the provider counts them (:func:`~pulumi_cozmox.core.rules.calendar.over_limit`, in each of
their time zones). Messages name customers by path and the other campaigns by resource name or
id, never a number.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from pulumi_cozmox.client.answers import ListedCampaign
from pulumi_cozmox.client.api import CozmoxClient
from pulumi_cozmox.client.errors import ConfigurationError
from pulumi_cozmox.client.settings import resolve_settings
from pulumi_cozmox.core.engine.org import OrgView, listed_span
from pulumi_cozmox.core.model.compare import instant, same_instants
from pulumi_cozmox.core.model.paths import customer_paths
from pulumi_cozmox.core.model.phone import person_of, time_zones
from pulumi_cozmox.core.report.text import span_text
from pulumi_cozmox.core.rules.calendar import CallLimit, Span, over_limit
from pulumi_cozmox.core.rules.hours import dialing_window
from pulumi_cozmox.pack.campaigns import PackCampaign
from pulumi_cozmox.pack.judge import message

__all__ = ["call_limit", "changed", "org_campaigns"]


@dataclass(frozen=True)
class _Caller:
    """A campaign that calls people: the stack's or the org's."""

    key: str
    name: str
    """How messages name it."""
    start: datetime
    end: datetime | None
    people: frozenset[str]


def changed(campaigns: Sequence[PackCampaign]) -> bool:
    """Whether a change creates, updates or replaces one of the campaigns: a preview shows a
    policy the outputs (``createdAt``) of only those it leaves as they are. Without one there
    is nothing to judge, and the org is not read."""
    return any(c.created_at is None and not c.ended for c in campaigns)


def org_campaigns(environ: Mapping[str, str], limit: CallLimit) -> list[ListedCampaign]:
    """The org's campaigns the limit counts, read with the environment's key. Raises
    ConfigurationError (no key, a bad URL) or CozmoxError (the API's answer), whose messages
    never hold the key."""
    if not environ.get("COZMOX_API_KEY"):
        raise ConfigurationError(
            "COZMOX_API_KEY is not set where `pulumi preview` runs: the pack reads the org with "
            "it (never with a stack's cozmox:apiKey)"
        )
    with CozmoxClient(resolve_settings({}, environ)) as client:
        return OrgView(client, lookback=limit.period).campaigns()


def _records(
    campaigns: Sequence[PackCampaign], org: Sequence[ListedCampaign]
) -> dict[str, tuple[ListedCampaign | None, bool]]:
    """Each stack campaign's record in the org, and whether it was found by its outputs (the
    campaign as it is) rather than by :func:`_record` (one the change updates or replaces)."""
    by_created: dict[datetime, list[ListedCampaign]] = {}
    for listed in org:
        created = instant(listed.createdAt)
        if created is not None:
            by_created.setdefault(created, []).append(listed)
    records: dict[str, tuple[ListedCampaign | None, bool]] = {}
    for campaign in campaigns:
        created = instant(campaign.created_at)
        found = by_created.get(created, []) if created is not None else []
        if len(found) == 1:
            records[campaign.resource] = (found[0], True)
    claimed = {r.id for r, _ in records.values() if r is not None}
    for campaign in campaigns:
        if campaign.resource not in records:
            record = _record(campaign, org, claimed)
            records[campaign.resource] = (record, False)
            claimed.update([record.id] if record is not None else [])
    return records


def _stack_callers(
    campaigns: Sequence[PackCampaign], org: Sequence[ListedCampaign], now: datetime
) -> tuple[list[tuple[PackCampaign, _Caller]], list[_Caller], set[str]]:
    """(the stack's campaigns to judge with their callers, every stack caller, the org's
    campaigns that are the stack's records)."""
    records = _records(campaigns, org)
    claimed = {r.id for r, _ in records.values() if r is not None}
    judged: list[tuple[PackCampaign, _Caller]] = []
    callers: list[_Caller] = []
    for campaign in campaigns:
        if campaign.customers is None or not campaign.schedule_known:
            continue  # not known yet: judged at `up`, when it is
        record, as_is = records[campaign.resource]
        plan = campaign.schedule_plan if isinstance(campaign.schedule_plan, dict) else None
        if record is not None and as_is and same_instants(plan, record.schedulePlan):
            span, moved = listed_span(record), False
        elif campaign.ended:
            continue  # ended, and not as its record says: it calls nobody anew
        else:
            window = dialing_window(plan, now=now)
            span, moved = (None if window.closed else (window.start, window.end)), True
        if span is None:
            continue
        people = frozenset(p for p in campaign.customers.people if p is not None)
        name = f'resource "{campaign.resource}" of this stack'
        caller = _Caller(f"resource:{campaign.resource}", name, span[0], span[1], people)
        callers.append(caller)
        if moved:
            judged.append((campaign, caller))
    return judged, callers, claimed


def _record(
    campaign: PackCampaign, org: Sequence[ListedCampaign], claimed: set[str]
) -> ListedCampaign | None:
    """The record a create, update or replacement of ``campaign`` changes: the one scheduled
    campaign nobody claimed with its name and phone number, and its schedule or customers."""
    if campaign.customers is None or not campaign.schedule_known:
        return None
    keys = campaign.customers.keys
    plan = campaign.schedule_plan if isinstance(campaign.schedule_plan, dict) else None
    found = [
        listed
        for listed in org
        if listed.id not in claimed
        and listed.status == "scheduled"
        and listed.name == campaign.name
        and listed.phoneNumberId == campaign.phone_number_id
        and (
            same_instants(plan, listed.schedulePlan)
            or tuple((c.number, c.sipUri) for c in listed.customers) == keys
        )
    ]
    return found[0] if len(found) == 1 else None


def _org_callers(org: Sequence[ListedCampaign], claimed: set[str]) -> list[_Caller]:
    callers = []
    for listed in org:
        span = listed_span(listed)
        if listed.id in claimed or span is None:
            continue
        people = (person_of(c.model_dump(exclude_none=True)) for c in listed.customers)
        people_set = frozenset(p for p in people if p is not None)
        callers.append(_Caller(listed.id, f"campaign {listed.id}", *span, people_set))
    return callers


def call_limit(
    campaigns: Sequence[PackCampaign],
    limit: CallLimit,
    org: Sequence[ListedCampaign],
    now: datetime,
) -> list[str]:
    """Why the stack's new or moved campaigns call someone past ``limit``, counting the
    stack's other campaigns and the org's (``org``: as :func:`org_campaigns` read them)."""
    judged, stack, claimed = _stack_callers(campaigns, org, now)
    callers = stack + _org_callers(org, claimed)
    calling: dict[str, list[_Caller]] = {}
    for caller in callers:
        for who in caller.people:
            calling.setdefault(who, []).append(caller)
    by_key = {c.key: c for c in callers}
    found = []
    for campaign, mine in judged:
        over = _past_limit(campaign, mine, calling, limit)
        found += [
            _refusal(campaign, limit, [by_key[r] for r in refs], p) for refs, p in over.items()
        ]
    return found


def _past_limit(
    campaign: PackCampaign, mine: _Caller, calling: dict[str, list[_Caller]], limit: CallLimit
) -> dict[tuple[str, ...], list[int]]:
    """The positions of the customers ``campaign`` calls past ``limit``, by the other
    campaigns that put them there."""
    assert campaign.customers is not None
    new: Span[str] = Span(mine.start, mine.end, mine.key)
    over: dict[tuple[str, ...], list[int]] = {}
    for position, person in enumerate(campaign.customers.people):
        if person is None:
            continue
        others = [Span(c.start, c.end, c.key) for c in calling.get(person, []) if c is not mine]
        if not others:
            continue
        zones = time_zones(person) if person.startswith("+") else ()
        worst = over_limit(limit, new, others, zones)
        if worst:
            over.setdefault(tuple(s.ref for s in worst), []).append(position)
    return over


def _refusal(
    campaign: PackCampaign, limit: CallLimit, others: list[_Caller], positions: list[int]
) -> str:
    named = "; ".join(f"{o.name}, {span_text(o.start, o.end)}" for o in others)
    count = "1 other campaign" if len(others) == 1 else f"{len(others)} other campaigns"
    text = (
        f"{customer_paths(positions)}: also called by {count} within {limit.amount}{limit.unit} "
        f"of this one ({named}), past the call limit {limit} (the policy pack's callLimit); "
        "move this campaign's window further from theirs, or remove these customers"
    )
    return message(campaign, "", text)  # the text names the customers
