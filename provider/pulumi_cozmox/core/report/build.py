"""What preview shows a reviewer of one campaign change: the report, from the provider's props.

The provider prints :func:`pulumi_cozmox.core.report.record.to_lines` of these reports to standard
error;
the CLI shows them under the stack's diagnostics (and ``pulumi preview --json`` carries them,
which ``pulumi-cozmox review`` reads). A create is reported by check (the engine calls no diff
for a create), an update or a replacement by diff. Deletes never reach the provider at preview:
``pulumi-cozmox review`` reports them from the preview's recorded outputs.

Customers are decoded once per blob (a small cache): check decodes the new ones to validate
them, and diff finds them there for the customers delta and the calling hours.

Pure of Pulumi: no pulumi import.
"""

from __future__ import annotations

import gc
import threading
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from typing import Any

from pulumi_cozmox.core.model.customers import customer_segments, decode_customers
from pulumi_cozmox.core.model.delta import CustomersDelta, customers_delta, segments_delta
from pulumi_cozmox.core.plan.change import Plan
from pulumi_cozmox.core.report.record import AlsoCalled, CampaignReport, make_report
from pulumi_cozmox.core.resource.fields import STATE_ONLY, count_of
from pulumi_cozmox.core.rules.hours import CallingHours, calling_hours
from pulumi_cozmox.core.rules.policy import DEFAULT_POLICY, CallingPolicy

__all__ = [
    "RuleFacts",
    "change_report",
    "create_report",
    "customers_of",
    "hours_of",
    "kept",
    "resource_of",
]


@dataclass(frozen=True)
class RuleFacts:
    """What the stack's rules found of a create: customers on the do-not-call list (None: no
    list), the call limit (None: none) and the other campaigns calling the same people."""

    do_not_call: int | None = None
    call_limit: str | None = None
    also_called: tuple[AlsoCalled, ...] = ()
    #: An ``adopt_id`` create: the campaign it takes over and the plan that makes it declared.
    adopting: tuple[dict[str, Any], Plan] | None = None


#: Decoded customer lists kept: the old and the new one of the campaign being judged.
CACHED_LISTS = 2

_lock = threading.Lock()
_decoded: OrderedDict[str, list[dict[str, Any]]] = OrderedDict()


def customers_of(blob: Any) -> list[dict[str, Any]]:
    """The customers in ``blob``, decoded at most once while it is among the last used.
    Raises ValueError for a malformed blob. Callers must not modify the list."""
    if not isinstance(blob, str):
        return decode_customers(blob)  # raises the ValueError that says what it got
    with _lock:
        found = _decoded.get(blob)
        if found is not None:
            _decoded.move_to_end(blob)
            return found
    customers = decode_customers(blob)
    # Kept for the next hook, these ~400 MB of small objects (no cycles) would make every
    # later collection walk them all again: they go to the collector's permanent generation
    # (reference counting still frees them).
    gc.freeze()
    with _lock:
        _decoded[blob] = customers
        while len(_decoded) > CACHED_LISTS:
            _decoded.popitem(last=False)
    return customers


def resource_of(props: Mapping[str, Any]) -> str:
    """The resource name the props carry (older states have none)."""
    name = props.get("resource_name")
    return name if isinstance(name, str) else "campaign"


def hours_of(
    customers: list[dict[str, Any]],
    schedule_plan: Any,
    now: datetime | None = None,
    policy: CallingPolicy = DEFAULT_POLICY,
) -> CallingHours:
    """When and where the customers would be called, judged against local calling hours (the
    calling policy's rule for each customer's region)."""
    plan = schedule_plan if isinstance(schedule_plan, Mapping) else None
    numbers = [c.get("number") for c in customers]
    return calling_hours(numbers, plan, now=now or datetime.now(timezone.utc), policy=policy)


def create_report(
    news: Mapping[str, Any],
    customers: list[dict[str, Any]],
    hours: CallingHours | None,
    facts: RuleFacts | None = None,
) -> CampaignReport:
    """The report of a campaign the plan creates: it calls every customer."""
    report = make_report(resource_of(news), "create", customer_count=len(customers), hours=hours)
    if facts is None:
        return report
    return replace(
        report,
        do_not_call=facts.do_not_call,
        call_limit=facts.call_limit,
        also_called=facts.also_called,
    )


def _known_blob(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _delta(old_blob: str, new_blob: Any, new: list[dict[str, Any]]) -> CustomersDelta:
    """Old -> new customers; by bytes when both blobs cut into customers (no decoding of the
    old list, which costs a second at 10,000 customers), else by decoded customers."""
    old_segments = customer_segments(old_blob)
    new_segments = customer_segments(new_blob) if old_segments is not None else None
    if old_segments is not None and new_segments is not None:
        return segments_delta(old_segments, new_segments)
    return customers_delta(customers_of(old_blob), new)


def kept(old_blob: Any, new_blob: Any) -> int | None:
    """How many customers of ``old_blob`` ``new_blob`` keeps (None when either is unreadable)."""
    if not isinstance(old_blob, str) or not isinstance(new_blob, str):
        return None
    try:
        return _delta(old_blob, new_blob, customers_of(new_blob)).kept
    except ValueError:
        return None


def change_report(
    campaign_id: str,
    olds: Mapping[str, Any],
    news: Mapping[str, Any],
    plan: Plan,
    status: str | None,
    *,
    status_recorded: bool = False,
    policy: CallingPolicy = DEFAULT_POLICY,
    now: datetime | None = None,
) -> CampaignReport:
    """The report of an update or a replacement of the campaign ``campaign_id``.

    ``olds``: its recorded outputs; ``status``: its live status when diff read it
    (``status_recorded``: it is the recorded one, not read just now). A
    replacement calls every new customer: the delta tells how many of them the old campaign
    had (called again if it dialed). An update calls nobody; a new schedule is shown with the
    calling hours it gives the campaign's customers.
    """
    replacing = bool(plan.replaces)
    new_blob = _known_blob(news.get("customers"))
    old_blob = _known_blob(olds.get("customers"))
    delta = hours = None
    customers: list[dict[str, Any]] | None = None
    try:
        if new_blob is not None and (replacing or "schedule_plan" in plan.changed):
            customers = customers_of(new_blob)
        if replacing and customers is not None and old_blob is not None:
            delta = _delta(old_blob, new_blob, customers)
    except ValueError:
        pass  # a malformed blob: check reports it; the report goes without the facts
    if customers is not None and "schedule_plan" not in plan.unknown:
        hours = hours_of(customers, news.get("schedule_plan"), now, policy=policy)
    recorded = {**olds, "status": status or olds.get("status")}
    reasons = [k for k in plan.changed if k not in STATE_ONLY or not replacing]
    report = make_report(
        resource_of(news),
        "replace" if replacing else "update",
        reasons=reasons,
        campaign_id=campaign_id,
        old_outputs=recorded,
        delta=delta,
        customer_count=count_of(news.get("customer_count")) if replacing else None,
        hours=hours,
    )
    return replace(report, status_recorded=status_recorded and report.status is not None)
