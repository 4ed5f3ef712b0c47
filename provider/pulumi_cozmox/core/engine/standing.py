"""A campaign that can still call, judged against today's rules at every preview.

Rules change after a campaign was scheduled: a number joins the do-not-call list, a blackout
date or shorter hours enter the calling policy, another stack (or the dashboard) schedules a
campaign that calls the same person within the call limit. Diff runs for every resource of the
stack at every preview (the no-op one included), and there a campaign that is scheduled or in
progress (and is not being ended with ``ended=True``, nor replaced: its replacement is judged
as a create) is judged again:

- **do-not-call list**: a customer listed since the campaign was created fails the preview;
- **calling policy**: a window the policy no longer allows (hours, days, blackout dates,
  regions) fails the preview, naming the rule, the date and the customers' paths, unless the
  resource sets ``allow_outside_calling_hours``. Only the part of the window still to come
  counts (an open-ended window is judged by its start, as when it was created);
- **call limit**: a person that another campaign puts past the limit is named as a warning, in
  the campaign's report (which fails ``pulumi-cozmox review --drift``).

The ways out are the same for each refusal: move the window, remove the customers (the campaign
is then replaced before it dials), or stop it with ``ended=True``. A refusal is confirmed with
the live status first (one GET): a campaign that has ended calls nobody.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import TYPE_CHECKING

from pulumi_cozmox.client.errors import ConfigurationError, CozmoxError, NotFound
from pulumi_cozmox.core.engine.outcome import Refusal, Sink, resource_of, who
from pulumi_cozmox.core.model.campaign import Campaign
from pulumi_cozmox.core.model.compare import instant
from pulumi_cozmox.core.model.customers import CustomerList
from pulumi_cozmox.core.model.paths import customer_paths
from pulumi_cozmox.core.plan.change import Plan
from pulumi_cozmox.core.plan.refusal import do_not_call_refusal
from pulumi_cozmox.core.report.build import zone_facts
from pulumi_cozmox.core.report.record import AlsoCalled, CampaignReport
from pulumi_cozmox.core.report.text import people_text, span_text, why_text
from pulumi_cozmox.core.resource import names
from pulumi_cozmox.core.rules.config import Rules
from pulumi_cozmox.core.rules.hours import CallingHours, Window, calling_hours_in

if TYPE_CHECKING:
    from pulumi_cozmox.core.engine.run import Run

__all__ = ["judge_standing", "standing_window"]

#: Statuses in which a campaign may still place calls (None: not known).
CAN_CALL = (None, "scheduled", "in-progress")


@dataclass(frozen=True)
class Standing:
    """The campaign judged: who it is, whom it calls, when."""

    id: str
    props: Campaign
    customers: CustomerList
    window: Window


def judge_standing(
    run: Run,
    id_: str,
    olds: Campaign,
    news: Campaign,
    plan: Plan,
    sink: Sink,
) -> None:
    """Raise Refusal when a campaign that can still call breaks today's rules; report the
    call-limit warnings (see the module docstring)."""
    customers = news.customer_list
    if news.ended is True or olds.status not in CAN_CALL:
        return  # ended=True is the way out the refusals offer: it stops the calls
    if plan.known.replaces or customers is None or "customers" in plan.unknown:
        return  # replaced before it dials (judged as a create), or not known yet
    try:
        rules = run.rules()
        customers.keys  # noqa: B018 (a malformed blob: check says so)
    except (ConfigurationError, ValueError):
        return
    window = standing_window(olds, news, run.now())
    if window is None:
        return  # its window has closed: it calls nobody any more
    campaign = Standing(id_, news, customers, window)
    _judge_do_not_call(run, campaign, rules)
    if "schedule_plan" not in plan.changed and news.allow_outside_calling_hours is not True:
        _judge_policy(run, campaign, rules)
    _warn_call_limit(run, campaign, rules, sink)


def standing_window(olds: Campaign, news: Campaign, now: datetime) -> Window | None:
    """The part of the campaign's window still to come: from its start (``earliestAt``, or its
    creation when that was later) or now, whichever is later, to ``latestAt``; an open-ended
    window keeps its start. None when ``latestAt`` is past."""
    plan = news.schedule or {}
    created = instant(olds.created_at) or now
    earliest, latest = instant(plan.get("earliestAt")), instant(plan.get("latestAt"))
    start = max(t for t in (created, earliest) if t is not None).astimezone(timezone.utc)
    end = latest.astimezone(timezone.utc) if latest is not None else None
    if end is not None and end <= now:
        return None
    if end is not None and start < now:
        start = now
    return Window(start=start, end=end)


def _live_status(run: Run, id_: str) -> tuple[bool, str | None]:
    """(whether the campaign may still call, its status): one GET; gone calls nobody."""
    try:
        status: str | None = run.client().get_status(id_)
    except NotFound:
        return False, None  # gone: refresh will say so
    except CozmoxError:
        status = None  # cannot tell: assume it can still call
    return status in CAN_CALL, status


def _judge_do_not_call(run: Run, campaign: Standing, rules: Rules) -> None:
    listed = rules.do_not_call
    if listed is None:
        return
    positions = listed.listed_in(campaign.customers.people)
    if not positions:
        return
    can_call, status = _live_status(run, campaign.id)
    if can_call:
        named = who(campaign.props, campaign.id)
        raise Refusal(do_not_call_refusal(named, status, positions, listed))


def _judge_policy(run: Run, campaign: Standing, rules: Rules) -> None:
    policy = rules.calling_policy
    if policy.source is None:
        return  # the built-in hours never change: the window was judged by them when created
    numbers = [number for number, _sip in campaign.customers.keys]
    hours = calling_hours_in(numbers, campaign.window, policy=policy)
    if not hours.outside:
        return
    can_call, status = _live_status(run, campaign.id)
    if can_call:
        raise Refusal(_policy_refusal(campaign, hours, status, policy.source))


def _policy_refusal(
    campaign: Standing, hours: CallingHours, status: str | None, source: str
) -> str:
    zones = [z for z in hours.zones if z.outside]
    rules = "; ".join(
        f"{z.rule.label} in {z.zone}: {why_text(zone_facts(z, named=True))}" for z in zones[:5]
    )
    state = f"is {status}" if status else "may still call (its status could not be read)"
    positions = hours.outside_positions
    ended = names.setting("ended", True)
    return (
        f"{who(campaign.props, campaign.id)} {state} and its window "
        f"({span_text(hours.window.start, hours.window.end)}) now calls "
        f"{people_text(hours.outside)} outside the calling policy ({source}), which changed "
        f"since the campaign was scheduled: {rules}; customers {customer_paths(positions)}. "
        "Move the window, remove them from the program (the campaign is then replaced before it "
        f"dials), or stop the campaign: set {ended} on the resource; or set "
        f"{names.setting('allowOutsideCallingHours', True)} to call them anyway."
    )


def _warn_call_limit(run: Run, campaign: Standing, rules: Rules, sink: Sink) -> None:
    limit = rules.call_limit
    if limit is None:
        return
    try:
        guard = run.guard()
        guard.org.load()
        declared = campaign.props.declared(campaign.customers)
        refusals, _ = guard.call_limit(
            declared,
            run.now(),
            exclude={campaign.id},
            planned=False,
            window=(campaign.window.start, campaign.window.end),
        )
    except (ConfigurationError, CozmoxError, ValueError):
        return  # the key, the org or the list cannot be read: check and diff say so
    over = tuple(
        AlsoCalled(o.other, len(r.positions), span_text(o.start, o.end), o.start, o.end)
        for r in refusals
        for o in r.others
    )
    if over:
        name = resource_of(campaign.props)
        report = CampaignReport(
            name, campaign_id=campaign.id, call_limit=str(limit), over_limit=over
        )
        sink.report(report)
