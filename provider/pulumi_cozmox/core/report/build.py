"""Building the report of one campaign change from what the run knows.

:func:`make_report` turns the facts (the plan's changed fields, the old outputs, the customers
delta, the calling hours) into a :class:`~.record.CampaignReport`; :func:`create_report` and
:func:`change_report` gather them for a create (reported by check: the engine calls no diff for
a create) and for an update or a replacement (reported by diff). Deletes never reach the
provider at preview: ``pulumi-cozmox review`` reports them from the recorded outputs.

Customers come as :class:`~pulumi_cozmox.core.model.customers.CustomerList`: each form of a list
is computed once per run, whichever hook asks first.

Pure: no I/O, no pulumi import.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from typing import Any

from pulumi_cozmox.core.model.compare import instant
from pulumi_cozmox.core.model.customers import CustomerList
from pulumi_cozmox.core.model.delta import (
    CustomerKey,
    CustomersDelta,
    customers_delta,
    segments_delta,
)
from pulumi_cozmox.core.model.mask import MASK, mask_number
from pulumi_cozmox.core.plan.change import Plan
from pulumi_cozmox.core.report.record import (
    ACTIONS,
    AlsoCalled,
    CampaignReport,
    Counters,
    DeltaFacts,
    ZoneFacts,
)
from pulumi_cozmox.core.resource.fields import (
    LIVE_STATUSES,
    STATE_ONLY,
    by_python,
    count_of,
)
from pulumi_cozmox.core.rules.hours import CallingHours, ZoneHours, dialing_window

__all__ = [
    "MAX_SAMPLES",
    "MAX_ZONES",
    "RuleFacts",
    "adopt_report",
    "change_report",
    "counters_of",
    "create_report",
    "customers_delta_of",
    "make_report",
    "mask_key",
    "zone_facts",
]

#: Masked samples per kind (added, removed, changed) on the customers line.
MAX_SAMPLES = 3
#: Zones listed on the calls line; the rest are summed up as "+N more zones".
MAX_ZONES = 5
#: Field paths counted on the customers line.
MAX_FIELDS = 5


@dataclass(frozen=True)
class RuleFacts:
    """What the stack's rules found of a create: customers on the do-not-call list (None: no
    list), the call limit (None: none) and the other campaigns calling the same people."""

    do_not_call: int | None = None
    call_limit: str | None = None
    also_called: tuple[AlsoCalled, ...] = ()
    #: An ``adopt_id`` create: the campaign it takes over and the plan that makes it declared.
    adopting: tuple[dict[str, Any], Plan] | None = None
    #: Of a takeover: the customers it can still call, and their calling hours (None: nobody).
    still_calls: int = 0
    still_hours: CallingHours | None = None


def mask_key(key: CustomerKey) -> str:
    """A customer key of :mod:`pulumi_cozmox.core.model.delta`, masked: a number as
    ``+1 ••• ••• ••04``, a SIP URI as ``sip:•••``, a customer without either as
    ``customers[3]``."""
    kind, value = key[0], key[1]
    if kind == "number":
        return mask_number(str(value))
    if kind == "sipUri":
        return f"sip:{MASK * 3}"
    return f"customers[{value}]"


def counters_of(outputs: Mapping[str, Any]) -> Counters | None:
    """The counters in a campaign's outputs (snake_case ``calls_counter_*``); None when the
    outputs hold none (not known: not zero)."""
    if not any(count_of(outputs.get(f"calls_counter_{n}")) is not None for n in _COUNTERS):
        return None
    return Counters(
        scheduled=count_of(outputs.get("calls_counter_scheduled")) or 0,
        queued=count_of(outputs.get("calls_counter_queued")) or 0,
        in_progress=count_of(outputs.get("calls_counter_in_progress")) or 0,
        voicemail=count_of(outputs.get("calls_counter_ended_voicemail")) or 0,
        ended=count_of(outputs.get("calls_counter_ended")) or 0,
    )


_COUNTERS = ("scheduled", "queued", "in_progress", "ended_voicemail", "ended")


def customers_delta_of(old: CustomerList, new: CustomerList) -> CustomersDelta:
    """Old -> new customers; by bytes when both blobs cut into customers (no decoding of the
    old list, which costs a second at 10,000 customers), else by decoded customers."""
    old_segments = old.segments
    new_segments = new.segments if old_segments is not None else None
    if old_segments is not None and new_segments is not None:
        return segments_delta(old_segments, new_segments)
    return customers_delta(old.items, new.items)


def zone_facts(zone: ZoneHours, *, named: bool) -> ZoneFacts:
    return ZoneFacts(
        zone.zone,
        zone.customers,
        zone.before_hours,
        zone.after_hours,
        rule=zone.rule.label if named else "",
        off_days=zone.off_days,
        blackouts=tuple(d.isoformat() for d in zone.blackouts),
        region=zone.rule.region,
        hours=zone.rule.hours,
    )


def _minute(moment: datetime) -> datetime:
    return moment.astimezone(timezone.utc).replace(second=0, microsecond=0)


def _delta_facts(delta: CustomersDelta) -> DeltaFacts:
    fields: Counter[str] = Counter(p for paths in delta.changed_fields for p in paths)
    return DeltaFacts(
        added=len(delta.added),
        removed=len(delta.removed),
        changed=len(delta.changed),
        unchanged=delta.unchanged,
        added_samples=tuple(mask_key(k) for k in delta.added[:MAX_SAMPLES]),
        removed_samples=tuple(mask_key(k) for k in delta.removed[:MAX_SAMPLES]),
        changed_samples=tuple(mask_key(k) for k in delta.changed[:MAX_SAMPLES]),
        changed_paths=tuple(delta.changed_fields[:MAX_SAMPLES]),
        field_counts=tuple(fields.most_common(MAX_FIELDS)) if len(delta.changed) > 1 else (),
    )


def _window_facts(hours: CallingHours) -> dict[str, Any]:
    zones = sorted(hours.zones, key=lambda z: (not z.outside, -z.customers, z.zone))
    shown, rest = zones[:MAX_ZONES], zones[MAX_ZONES:]
    return {
        "window_start": _minute(hours.window.start),
        "window_end": _minute(hours.window.end) if hours.window.end is not None else None,
        "at_once": hours.window.at_once,
        "zones": tuple(zone_facts(z, named=hours.policy.source is not None) for z in shown),
        "more_zones": len(rest),
        "more_zones_outside": sum(1 for z in rest if z.outside),
        "unknown_zone_people": hours.unknown,
        "outside_people": hours.outside,
    }


def _calls(
    action: str, status: str | None, counters: Counters | None, count: int | None, kept: int | None
) -> tuple[int | None, int | None]:
    """(people the change calls, how many of them again)."""
    if action not in ("create", "replace"):
        return 0, 0
    dialed = CampaignReport("", status=status, counters=counters).dialed
    return count, (kept if action == "replace" and dialed else 0)


def make_report(
    resource: str,
    action: str,
    *,
    reasons: Sequence[str] = (),
    campaign_id: str | None = None,
    old_outputs: Mapping[str, Any] | None = None,
    delta: CustomersDelta | None = None,
    customer_count: int | None = None,
    hours: CallingHours | None = None,
) -> CampaignReport:
    """The report of one campaign change.

    ``reasons``: the changed inputs (the props' keys; reported by the API's names).
    ``old_outputs``: the recorded outputs (status, counters) of an existing campaign. ``delta``:
    old -> new customers (a replacement). ``customer_count``: customers of the new campaign
    (create, replace). ``hours``: the calling hours of the customers the change dials (or, for
    a schedule update, of the campaign's customers).
    """
    if action not in ACTIONS:
        raise ValueError(f"action must be one of {', '.join(ACTIONS)}, not {action!r}")
    outputs = old_outputs or {}
    status = outputs.get("status") if isinstance(outputs.get("status"), str) else None
    counters = counters_of(outputs) if status in LIVE_STATUSES else None
    if customer_count is None and hours is not None and action in ("create", "replace"):
        customer_count = hours.people
    kept = delta.kept if delta is not None else None
    people, again = _calls(action, status, counters, customer_count, kept)
    report = CampaignReport(
        resource=resource,
        action=action,
        reasons=tuple(_api_name(r) for r in reasons),
        campaign_id=campaign_id,
        status=status,
        counters=counters,
        delta=_delta_facts(delta) if delta is not None else None,
        people=people,
        again=again,
    )
    return report if hours is None else replace(report, **_window_facts(hours))


def _api_name(key: str) -> str:
    field = by_python(key)
    return field.api if field is not None else key


def create_report(
    resource: str,
    customers: CustomerList,
    hours: CallingHours | None,
    facts: RuleFacts | None = None,
) -> CampaignReport:
    """The report of a campaign the plan creates: it calls every customer."""
    report = make_report(resource, "create", customer_count=len(customers), hours=hours)
    if facts is None:
        return report
    return replace(
        report,
        do_not_call=facts.do_not_call,
        call_limit=facts.call_limit,
        also_called=facts.also_called,
    )


def adopt_report(report: CampaignReport, facts: RuleFacts) -> CampaignReport:
    """A takeover's report (``report``: its action and campaign): whom the campaign can still
    call and when, and what the rules found; taking it over stops nothing."""
    report = replace(
        report,
        people=facts.still_calls,
        again=0,
        do_not_call=facts.do_not_call,
        call_limit=facts.call_limit,
        also_called=facts.also_called,
    )
    if not facts.still_calls or facts.still_hours is None:
        return report
    return replace(report, **_window_facts(facts.still_hours))


@dataclass(frozen=True)
class Change:
    """What diff knows of a change to report: the plan, the campaign's status (read live, or as
    recorded), the customers of both sides (when known), the calling hours of the new window
    (a replacement, a moved window) and the clock."""

    campaign_id: str
    olds: Mapping[str, Any]
    news: Mapping[str, Any]
    plan: Plan
    status: str | None
    status_recorded: bool
    old_customers: CustomerList | None
    new_customers: CustomerList | None
    hours: CallingHours | None = None
    now: datetime | None = None


def change_report(resource: str, change: Change) -> CampaignReport:
    """The report of an update or a replacement of the campaign ``change.campaign_id``.

    A replacement calls every new customer: the delta tells how many of them the old campaign
    had (called again if it dialed). An update calls nobody; a new schedule is shown with the
    calling hours it gives the campaign's customers, and the window it had."""
    plan, news = change.plan, change.news
    replacing = bool(plan.replaces)
    delta = None
    try:
        if replacing and change.new_customers is not None and change.old_customers is not None:
            delta = customers_delta_of(change.old_customers, change.new_customers)
    except ValueError:
        pass  # a malformed blob: check reports it; the report goes without the facts
    recorded = {**change.olds, "status": change.status or change.olds.get("status")}
    report = make_report(
        resource,
        "replace" if replacing else "update",
        reasons=[k for k in plan.changed if k not in STATE_ONLY or not replacing],
        campaign_id=change.campaign_id,
        old_outputs=recorded,
        delta=delta,
        customer_count=count_of(news.get("customer_count")) if replacing else None,
        hours=change.hours,
    )
    report = replace(report, status_recorded=change.status_recorded and report.status is not None)
    return replace(report, **_before(change))


def _before(change: Change) -> dict[str, Any]:
    """The old window and name, when the change moves or renames the campaign."""
    facts: dict[str, Any] = {}
    if "name" in change.plan.changed and "name" not in change.plan.unknown:
        facts.update(old_name=change.olds.get("name"), name=change.news.get("name"))
    if "schedule_plan" in change.plan.changed and not change.plan.replaces:
        old = change.olds.get("schedule_plan")
        window = dialing_window(old if isinstance(old, Mapping) else None, now=_created(change))
        facts["old_window_start"] = _minute(window.start)
        facts["old_window_end"] = _minute(window.end) if window.end is not None else None
    return facts


def _created(change: Change) -> datetime:
    """When the campaign could start dialing at the earliest: its creation (an earliestAt
    before it, or none, meant at once)."""
    created = instant(change.olds.get("created_at"))
    return created or change.now or datetime.now(timezone.utc)
