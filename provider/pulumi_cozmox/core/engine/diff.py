"""diff: update or replace; refuse (by raising :class:`Refusal`) what would call people against
the rules, again, or fail at ``up``.

No request unless the change depends on the campaign's live status (a replacement, a field the
API changes only while scheduled, ending it): then one GET, since the recorded status may be
stale (a scheduled campaign starts dialing on its own), and every count the report and a
refusal give comes from that one reading. Changes that rest on values not known yet are never
refused here: at ``up`` they are known, and judged then.

A campaign that can still call is judged against today's rules at every preview, the no-op one
included (:mod:`.standing`). An update that moves the window is judged against the call limit
(:mod:`.window`); check judges its calling hours. A refresh runs diff right after read to record
drift: that diff refuses nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from pulumi_cozmox.client.answers import CampaignCounters
from pulumi_cozmox.client.errors import CozmoxError, NotFound, Unauthorized
from pulumi_cozmox.core.engine.one_record import OneRecord
from pulumi_cozmox.core.engine.outcome import Diff, Refusal, Sink, resource_of, who
from pulumi_cozmox.core.engine.refusals import KEY_REFUSED
from pulumi_cozmox.core.engine.standing import judge_standing
from pulumi_cozmox.core.engine.window import judge_moved_window
from pulumi_cozmox.core.model.campaign import Campaign
from pulumi_cozmox.core.model.compare import differences, field_schema, instant
from pulumi_cozmox.core.model.customers import CustomerList
from pulumi_cozmox.core.plan.change import Plan, escalate, plan_change
from pulumi_cozmox.core.plan.refusal import adopt_mismatch, allows, refusal
from pulumi_cozmox.core.report.build import Change, change_report
from pulumi_cozmox.core.report.record import CampaignReport, Stop
from pulumi_cozmox.core.resource.fields import DELETED, LIVE_STATUSES, by_python, count_of
from pulumi_cozmox.core.rules.hours import CallingHours

if TYPE_CHECKING:
    from pulumi_cozmox.core.engine.run import Run

__all__ = ["LARGE_CAMPAIGN", "diff", "may_have_dialed"]

#: From this many customers, the live status is counted rather than read: the campaign's
#: answer (every customer) would take seconds to send and read.
LARGE_CAMPAIGN = 1000


@dataclass(frozen=True)
class Live:
    """The campaign's status (and counters) as diff judges it: read just now, or recorded."""

    status: str | None
    counters: CampaignCounters | None = None
    read: bool = False
    stops: Stop | None = None


def diff(run: Run, id_: str, olds: Campaign, news: Campaign, sink: Sink) -> Diff:
    """See the module docstring."""
    name = resource_of(news)
    if run.handoff.take_refreshed(name):
        return _diff(run, id_, olds, news, sink, refreshing=True)
    one = OneRecord(sink, name)  # the campaign's one record, check's findings in it
    try:
        return _diff(run, id_, olds, news, one, refreshing=False)
    finally:
        one.close(run, olds, news)  # said whatever diff decided, a refusal included


def _diff(
    run: Run,
    id_: str,
    olds: Campaign,
    news: Campaign,
    sink: Sink,
    *,
    refreshing: bool,
) -> Diff:
    named, name = who(news, id_), resource_of(news)
    run.handoff.met(id_, name)
    allow_redial = allows(news.allow_redial, id_)
    adopt_id = news.adopt_id
    if isinstance(adopt_id, str) and adopt_id not in (id_, olds.adopt_id):
        # Newly set to another campaign (an adopted campaign's replacement keeps the old
        # adopt_id: that is no change).
        raise Refusal(adopt_mismatch(named, adopt_id))
    if olds.status == DELETED:
        # Deleted outside Pulumi after it dialed: re-created only on request (check refuses it
        # otherwise, from the mark refresh left in the inputs). Never refused here: `pulumi
        # refresh` runs diff too, and must record what it found.
        return Diff(changes=True, replaces=("status",)) if allow_redial else Diff(changes=False)
    plan = plan_change(olds.to_props(), news.to_props(), news.unknown)  # the plan reads props
    if not refreshing:
        judge_standing(run, id_, olds, news, plan, sink)
    if not plan.has_changes:
        return Diff(changes=False)
    live = _live(run, id_, olds, plan, refreshing)
    plan = escalate(plan, live.status, allow_redial)
    report = None
    if not refreshing and (run.reporting or _redials(plan, live)):
        # The report counts who a replacement calls again: a refusal says the same.
        report = _report(run, id_, olds, news, plan, live)
        if run.reporting:
            sink.report(report)
    if not refreshing:
        _refuse(run, named, id_, plan, live, allow_redial, report)
        judge_moved_window(run, id_, olds, news, plan)
        verify_or_refuse(run, named)  # a write is planned: the settings and key must hold
    if plan.replaces:
        run.handoff.replacing(name, id_)
    return Diff(
        changes=True,
        replaces=tuple(plan.replaces),
        changed=tuple(plan.changed),
        paths=_changed_paths(olds, news, plan),
    )


def _live(run: Run, id_: str, olds: Campaign, plan: Plan, refreshing: bool) -> Live:
    """The status to judge ``plan`` by: read live (one GET) when the plan depends on it."""
    recorded = olds.status if isinstance(olds.status, str) else None
    known = plan.known
    if "status" in known.patch and not refreshing:
        # Ending it: what that cuts short, from the same reading as the status.
        try:
            counters = run.client().get_counters(id_)
        except CozmoxError:
            return Live(recorded)  # gone (refresh says so) or unreadable: no facts of it
        stops = Stop(counters.not_placed, counters.callsCounterInProgress)
        return Live(counters.status, counters, read=True, stops=stops)
    if not (known.replaces or known.restricted):
        return Live(recorded)
    if recorded in LIVE_STATUSES:
        return Live(recorded)  # status only moves forward: it has dialed already
    try:
        if (count_of(olds.customer_count) or 0) >= LARGE_CAMPAIGN:
            return Live(run.client().get_status(id_, large=True), read=True)
        counters = run.client().get_counters(id_)
        return Live(counters.status, counters, read=True)
    except NotFound as gone:
        # Gone: if its window had opened it may have dialed, and a replacement would call
        # everyone again; otherwise it is safe to create anew.
        return Live(DELETED if may_have_dialed(olds, gone) else None, read=True)


def may_have_dialed(recorded: Campaign, gone: NotFound) -> bool:
    """Whether the recorded campaign, now ``gone``, may have placed calls: it was seen dialing,
    or its window had opened by the server's clock (a scheduled campaign starts on its own at
    ``earliestAt``, or at once)."""
    if recorded.status in LIVE_STATUSES:
        return True
    plan = recorded.schedule_plan
    start = instant(plan.get("earliestAt")) if isinstance(plan, dict) else None
    if isinstance(plan, dict) and start is None:
        return True  # unreadable: assume the worst
    return start is None or start <= (gone.date or datetime.now(timezone.utc))


def _redials(plan: Plan, live: Live) -> bool:
    return bool(plan.known.replaces) and live.status in LIVE_STATUSES


def _with_counters(olds: Mapping[str, Any], live: Live) -> dict[str, Any]:
    """The recorded outputs, with the status and counters of the live reading when there was
    one: every count of one report comes from one reading."""
    recorded = {**olds, "status": live.status or olds.get("status")}
    c = live.counters
    if c is not None:
        recorded.update(
            calls_counter_scheduled=c.callsCounterScheduled,
            calls_counter_queued=c.callsCounterQueued,
            calls_counter_in_progress=c.callsCounterInProgress,
            calls_counter_ended_voicemail=c.callsCounterEndedVoicemail,
            calls_counter_ended=c.callsCounterEnded,
        )
    return recorded


def _report(
    run: Run, id_: str, olds: Campaign, news: Campaign, plan: Plan, live: Live
) -> CampaignReport:
    old_customers, new_customers = olds.customer_list, news.customer_list
    change = Change(
        campaign_id=id_,
        olds=_with_counters(olds.to_props(), live),
        news=news.to_props(),
        plan=plan,
        status=live.status,
        status_recorded=not live.read,
        old_customers=old_customers,
        new_customers=new_customers,
        hours=_hours(run, news, plan, new_customers),
        now=run.now(),
    )
    report = change_report(resource_of(news), change)
    return replace(report, stops=live.stops) if live.stops is not None else report


def _refuse(
    run: Run,
    named: str,
    id_: str,
    plan: Plan,
    live: Live,
    allow_redial: bool,
    report: CampaignReport | None,
) -> None:
    """Refuse a replacement that would call people again, or a PATCH the API would reject."""
    status = live.status
    if report is not None and status == "ended" and plan.known.replaces and not report.dialed:
        status = None  # it ended before it dialed: creating it anew is a first call
    again = report.again if report is not None else None
    reason = refusal(plan.known, status, allow_redial, named, campaign_id=id_, again=again)
    if reason is not None:
        raise Refusal(reason)


def _hours(
    run: Run, news: Campaign, plan: Plan, customers: CustomerList | None
) -> CallingHours | None:
    """The calling hours a replacement or a moved window gives the campaign's customers."""
    moved = "schedule_plan" in plan.changed and "schedule_plan" not in plan.unknown
    if customers is None or not (plan.replaces or moved):
        return None
    try:
        return run.hours(customers, news.schedule_plan, run.policy())
    except ValueError:
        return None  # a malformed blob: check reports it; the report goes without the facts


def verify_or_refuse(run: Run, named: str) -> None:
    """Before a write is planned: the settings hold and the API accepts the key (one request
    per run, none when an earlier request of the run succeeded)."""
    try:
        run.client().verify()
    except Unauthorized:
        raise Refusal(f"{named}: {KEY_REFUSED}") from None
    except CozmoxError as exc:
        raise Refusal(f"{named}: the change cannot be applied: {exc}") from None


def _changed_paths(olds: Campaign, news: Campaign, plan: Plan) -> dict[str, str]:
    """The paths that change, in the API's terms, with whether they replace."""
    paths: dict[str, str] = {}
    for key in plan.changed:
        field = by_python(key)
        api = field.api if field is not None else key
        kind = "replace" if key in plan.replaces else "update"
        old, new = getattr(olds, key, None), getattr(news, key, None)
        if key != "customers" and isinstance(old, dict) and isinstance(new, dict):
            # Nested fields by their own paths (values never shown here, only the paths).
            for found in differences(new, old, field_schema(api)) or ():
                paths[".".join([api, *map(str, found)])] = kind
            if any(p.startswith(api + ".") for p in paths):
                continue
        paths[api] = kind
    return paths
