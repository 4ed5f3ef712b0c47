"""``adopt_id``: taking over an existing campaign instead of creating one (GET, then a PATCH of
what differs; never a POST). Judged at preview by check, carried out by create, which judges
what it can still call once more just before its PATCH (:mod:`.takeover`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from pulumi_cozmox.client.errors import CozmoxError, NotFound
from pulumi_cozmox.core.engine.outcome import Refusal, who
from pulumi_cozmox.core.engine.takeover import judge_takeover, takeover_of
from pulumi_cozmox.core.model.campaign import Campaign
from pulumi_cozmox.core.model.compare import customer_paths
from pulumi_cozmox.core.plan.change import Plan, plan_change
from pulumi_cozmox.core.plan.refresh import project_inputs
from pulumi_cozmox.core.resource import names

if TYPE_CHECKING:
    from pulumi_cozmox.core.engine.run import Run

__all__ = ["adopt", "adoptable"]


def adoptable(run: Run, campaign_id: str, news: Campaign) -> tuple[dict[str, Any], Plan]:
    """The campaign ``adopt_id`` names and the plan that makes it the declared one (GET only);
    CozmoxError when it does not exist or differs in what cannot be changed."""
    named = who(news, campaign_id)
    adopt_id = names.field("adoptId")
    try:
        campaign = run.client().get_campaign(campaign_id)
    except NotFound:
        raise CozmoxError(
            f"{named}: {adopt_id}={campaign_id!r}: there is no such campaign in the "
            f"org of this API key; check the id, or remove {adopt_id} to create a new campaign"
        ) from None
    server = campaign.get("customers")
    declared = news.listed().items
    paths = customer_paths(server if isinstance(server, list) else [], declared)
    if paths:
        raise CozmoxError(
            f"{named}: {adopt_id}: the campaign's customers differ from the declared ones at "
            f"{', '.join(paths)}, and the API cannot change customers; declare the "
            f"campaign's own customers exactly, or drop {adopt_id} to create a new campaign"
        )
    props = news.to_props()  # the plan reads props still
    current = project_inputs(campaign, props)
    plan = plan_change({**props, **current}, props)
    if plan.replaces:
        raise CozmoxError(
            f"{named}: {adopt_id}: {', '.join(plan.replaces)} differ from the existing "
            "campaign and cannot be changed in place"
        )
    return campaign, plan


def adopt(run: Run, campaign_id: str, news: Campaign) -> dict[str, Any]:
    """Take over an existing campaign: GET it, then PATCH what the program sets otherwise."""
    try:
        campaign, plan = adoptable(run, campaign_id, news)
    except CozmoxError as exc:
        raise Refusal(str(exc)) from None
    _judge(run, campaign, plan, news)
    if plan.patch:
        campaign = run.client().update_campaign(campaign_id, plan.patch)
    if news.ended is True and campaign.get("status") != "ended":
        campaign = run.client().end_campaign(campaign_id)
    return campaign


def _judge(run: Run, campaign: Mapping[str, Any], plan: Plan, news: Campaign) -> None:
    """Every rule on what the campaign can still call, judged again just before the PATCH
    (check judged it at preview; the campaign and the org may have moved since)."""
    taken = takeover_of(campaign, plan, news, run.now())
    try:
        judged = judge_takeover(run, taken, news, news.listed(), up=True)
    except CozmoxError as exc:
        raise Refusal(f"{who(news, taken.id)}: the takeover cannot be judged: {exc}") from None
    if judged.problems:
        named = who(news, taken.id)
        said = "; ".join(p.message.removeprefix(f"{named}: ") for p in judged.problems)
        raise Refusal(f"{named}: {said}")
