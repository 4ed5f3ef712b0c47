"""An update that moves a campaign's window is judged as a create is: against the call limit.

Moving a window changes when its customers are called, so it can put a person past the call
limit as surely as a new campaign can (a campaign created a week after another, then moved to
an hour after it). Diff judges the move at preview and at ``up``; the update judges it again
just before its PATCH, once the org's view has caught up with what changed meanwhile.
(Check judges the moved window's calling hours; the do-not-call list is judged at every
preview, moved or not.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pulumi_cozmox.client.errors import ConfigurationError
from pulumi_cozmox.core.engine.outcome import Refusal, resource_of, who
from pulumi_cozmox.core.model.campaign import Campaign
from pulumi_cozmox.core.plan.change import Plan

if TYPE_CHECKING:
    from pulumi_cozmox.core.engine.run import Run

__all__ = ["judge_moved_window"]


def judge_moved_window(
    run: Run,
    id_: str,
    olds: Campaign,
    news: Campaign,
    plan: Plan,
    *,
    catch_up: bool = False,
) -> None:
    """Raise Refusal when the plan moves the window of campaign ``id_`` so that a customer is
    called past the call limit. ``catch_up``: read what changed in the org first (``up``)."""
    known = plan.known
    customers = news.customer_list
    if "schedulePlan" not in known.patch or customers is None:
        return
    try:
        guard = run.guard()
    except ConfigurationError:
        return  # check says what is wrong with the rules
    if guard.rules.call_limit is None:
        return
    if catch_up:
        guard.org.catch_up()
    guard.org.load()
    declared = news.declared(customers)
    refusals, _ = guard.call_limit(
        declared, guard.org.server_now(), resource=resource_of(news), exclude={id_}
    )
    if refusals:
        moved = "; ".join(r.message for r in refusals)
        raise Refusal(f"{who(news, id_)}: moving its window: {moved}")
