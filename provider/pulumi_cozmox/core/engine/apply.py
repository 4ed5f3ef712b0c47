"""create, read, update, delete: what ``up``, ``refresh`` and ``destroy`` send to the API.

What a create or an update names is checked (:mod:`.references`: read once per run, so
nothing is sent when check read it). A create is sent once (:mod:`.create`: the guard, the
claims, a lost answer looked up) or, with ``adopt_id``, takes over an existing campaign
(:mod:`.adopt`). An update that moves the window is judged against the call limit once more
just before its PATCH. A delete ends a campaign that is dialing first, so that no call is cut
off mid-way, and keeps the record of one that dialed unless the recorded state opts in
(:mod:`pulumi_cozmox.core.plan.removal`). A refresh keeps a campaign that vanished after it may
have dialed, marked, so that re-creating it is refused like any re-dial; its reads share
listings (:mod:`.listing`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from pulumi_cozmox.client.errors import DuplicateCampaign, NotFound, Refused, Unauthorized
from pulumi_cozmox.core.engine.adopt import adopt
from pulumi_cozmox.core.engine.create import Created, create_campaign
from pulumi_cozmox.core.engine.diff import may_have_dialed
from pulumi_cozmox.core.engine.outcome import Read, Refusal, Sink, resource_of, who
from pulumi_cozmox.core.engine.references import sets_names
from pulumi_cozmox.core.engine.refusals import KEY_REFUSED, VANISHED
from pulumi_cozmox.core.engine.window import judge_moved_window
from pulumi_cozmox.core.model.campaign import Campaign, Declared
from pulumi_cozmox.core.plan.change import plan_change
from pulumi_cozmox.core.plan.refresh import outputs_from_api, project_inputs
from pulumi_cozmox.core.plan.removal import FORGET, OPT_IN, OPT_IN_API, has_dialed, removal
from pulumi_cozmox.core.resource import names
from pulumi_cozmox.core.resource.fields import DELETED, INPUT_KEYS, UNCOMPARED, count_of

if TYPE_CHECKING:
    from pulumi_cozmox.core.engine.run import Run

__all__ = ["create", "delete", "kept", "read", "update"]


def kept(campaign_id: str) -> str:
    """How a removal that keeps a dialed campaign ends its notice."""
    return (
        "kept in the API, its record of who was called and when (the call limit counts its "
        f"calls), and forgotten by Pulumi. To delete such a record, set "
        f"{names.setting(OPT_IN_API, True)} and run `pulumi up` before removing the resource, "
        f"or delete it in the API (DELETE /campaign/{campaign_id})"
    )


def create(run: Run, news: Campaign, sink: Sink) -> tuple[str, dict[str, Any]]:
    """The campaign's id and outputs (props: the state's form), created (or taken over with
    ``adopt_id``)."""
    replaced = run.handoff.replaced(resource_of(news))
    _refuse_unnamed(run, news, sink)
    if news.adopt_id and replaced is None:
        # adopt_id is used only when the resource is first created, not by a replacement.
        campaign = adopt(run, str(news.adopt_id), news)
    else:
        campaign = _create(run, news, replaced, sink)
    return str(campaign["id"]), {**news.to_props(), **outputs_from_api(campaign)}


def _refuse_unnamed(run: Run, news: Campaign, sink: Sink) -> None:
    """Refuse a campaign naming an object its org does not have (read once per run: nothing
    is sent when check read it already)."""
    judged = run.references.judge(run, news, sink)
    if judged.failures:
        reasons = (f"{names.field(f.path)}: {f.reason}" for f in judged.failures)
        raise Refusal(f"{who(news)}: " + "; ".join(reasons))


def _create(run: Run, news: Campaign, replaced: str | None, sink: Sink) -> dict[str, Any]:
    declared = news.declared(news.listed())
    try:
        created = create_campaign(
            run.client(),
            declared,
            allow_duplicate=news.opt_in("allow_duplicate"),
            guard=run.guard(),
            resource=resource_of(news),
            exclude=frozenset({replaced} if replaced else ()),
            claims=run.claims,
        )
    except (DuplicateCampaign, Refused) as exc:
        raise Refusal(f"{who(news)}: {exc}") from None
    _say_how_it_went(news, declared, created, sink)
    return created.campaign


def _say_how_it_went(news: Campaign, declared: Declared, created: Created, sink: Sink) -> None:
    """Warnings: an answer that was lost (the campaign was found), customers the API skipped."""
    named = who(news, created.campaign["id"])
    if created.recovered_from is not None:
        sink.notice(
            f"warning: {named}: the answer to POST /campaign was lost "
            f"({created.recovered_from}); the campaign it created was found in the API and "
            "taken over: no second campaign was created."
        )
    callable_ = sum(1 for person in declared.people if person is not None)
    scheduled = count_of(created.campaign.get("callsCounterScheduled"))
    if scheduled is not None and scheduled < callable_:
        sink.notice(
            f"warning: {named}: the API scheduled {scheduled:,} calls for {callable_:,} "
            f"customers that have a number or SIP URI: it skipped {callable_ - scheduled:,} "
            "without an error (a number it cannot dial). Check the customers in the dashboard."
        )


def read(run: Run, id_: str, props: Mapping[str, Any], *, importing: bool = False) -> Read | None:
    """Refresh. A campaign gone from the API is forgotten, unless it may have dialed: then the
    stack keeps it with status "deleted", so that re-creating it (calling everyone again) is
    refused like any re-dial instead of happening silently.

    ``importing``: the campaign is read by id alone (``props`` declares every input as None):
    its inputs are all the API's, and a campaign not found is None."""
    declared = {k: props.get(k) for k in (*INPUT_KEYS, *UNCOMPARED) if k in props}
    run.handoff.refreshed(resource_of(props))
    try:
        campaign = _fetch(run, id_, props, importing)
    except NotFound as gone:
        if not importing and may_have_dialed(Campaign.from_props(props), gone):
            outs = {**props, "status": DELETED}
            return Read(id_, outs, {**declared, VANISHED: id_})
        return None
    except Unauthorized:
        raise Refusal(f"{who(props, id_)}: {KEY_REFUSED}") from None
    inputs = project_inputs(campaign, declared)
    outs = {**props, **inputs, **outputs_from_api(campaign)}
    return Read(id_, outs, inputs)


def _fetch(run: Run, id_: str, props: Mapping[str, Any], importing: bool) -> dict[str, Any]:
    """The campaign as the API holds it: from a listing this run took (:mod:`.listing`: one
    request for the campaigns created around the same time), else its own GET."""
    client = run.client()
    listed = None if importing else run.listings.campaign(client, id_, props.get("created_at"))
    return listed if listed is not None else client.get_campaign(id_)


def update(run: Run, id_: str, olds: Campaign, news: Campaign, sink: Sink) -> dict[str, Any]:
    """One PATCH of what changed (none for a change of state only); the outputs as props."""
    old, new = olds.to_props(), news.to_props()
    plan = plan_change(old, new)
    outs = {**old, **new}
    if sets_names(olds, news, creating=False):
        _refuse_unnamed(run, news, sink)
    if plan.needs_patch:
        judge_moved_window(run, id_, olds, news, plan, catch_up=True)
        campaign = run.client().update_campaign(id_, plan.patch)
        outs.update(outputs_from_api(campaign))
    return outs


def delete(run: Run, id_: str, props: Mapping[str, Any], sink: Sink) -> None:
    """Remove the resource (see :mod:`pulumi_cozmox.core.plan.removal`): end a campaign that
    is dialing (so no call is cut off mid-way), then delete it only if it never dialed or the
    recorded state opts in; otherwise its record stays in the API and Pulumi forgets it."""
    client = run.client()
    named = f"cozmox: {who(props, id_)}"
    try:
        counters = client.get_counters(id_)
        ended = ""
        if counters.status == "in-progress":
            client.end_campaign(id_)
            ended = (
                f"was in progress: ended ({counters.not_placed:,} calls not placed, "
                f"{counters.callsCounterInProgress:,} in progress finish), then "
            )
        placed = counters.callsCounterEnded + counters.callsCounterInProgress
        if removal(counters.status, placed, props.get(OPT_IN)) == FORGET:
            sink.notice(f"{named} {ended or 'has dialed: '}{kept(id_)}")
            return
        client.delete_campaign(id_)
        if has_dialed(counters.status, placed):
            opted = names.field(OPT_IN_API)
            sink.notice(f"{named} {ended or 'had dialed: '}deleted with its record ({opted})")
    except NotFound:
        pass
