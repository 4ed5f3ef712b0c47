"""The pack's resource rules: one campaign judged on its own, by the provider's rule code.

- :func:`calling_hours`: the window in each customer's local time, by the pack's calling policy
  (:mod:`pulumi_cozmox.core.rules.hours`). The resource's ``allow_outside_calling_hours`` is
  in force only when the pack's config says so (``honourOptOut``): by default the pack judges
  the window as if it were not set, which is the point of a pack a stack cannot switch off.
- :func:`do_not_call`: customers on the pack's list (:mod:`pulumi_cozmox.core.rules.donotcall`);
  there is no opt-out.
- :func:`standing_opt_ins`: the opt-ins a campaign leaves set, for a reviewer to see.

A campaign that is ended calls nobody and is not judged. Messages name the resource, the
fields as its program spells them, and the customers by path (or by file and line); never a
number, a name or an email.
"""

from __future__ import annotations

from datetime import datetime

from pulumi_cozmox.core.model.customers_file import located
from pulumi_cozmox.core.model.paths import customer_paths
from pulumi_cozmox.core.resource import names
from pulumi_cozmox.core.rules.donotcall import DoNotCall
from pulumi_cozmox.core.rules.hours import (
    ALLOW,
    calling_hours_in,
    calling_hours_problems,
    dialing_window,
)
from pulumi_cozmox.core.rules.policy import CallingPolicy
from pulumi_cozmox.pack.campaigns import PackCampaign

__all__ = ["calling_hours", "do_not_call", "message", "standing_opt_ins"]

#: The way out the provider's message offers, which the pack does not honour by default.
OPT_OUT_HINTS = (
    f", or set {ALLOW} on the resource to call them anyway",
    f", or set {ALLOW} on the resource",
)


def _overruled(text: str, opted: bool) -> str:
    """The provider's message without the opt-out it offers, saying the pack overrules it."""
    for hint in OPT_OUT_HINTS:
        text = text.replace(hint, "")
    which = ", which the resource sets" if opted else ""
    return f"{text} (this policy pack does not honour {ALLOW}{which})"


def message(campaign: PackCampaign, path: str, text: str) -> str:
    """``resource "NAME": PATH: TEXT`` with the fields spelled as the campaign's program spells
    them, and its customers named by file and line when they came from a file."""
    if campaign.source is not None:
        ((path, text),) = located([(path, text)], campaign.source)
    door = campaign.door
    where = f"{names.path(path, door)}: " if path else ""
    return f'resource "{campaign.resource}": {where}{names.render(text, door)}'


def _unreadable(campaign: PackCampaign) -> list[str]:
    if campaign.problem is None:
        return []
    return [message(campaign, "", f"the customers cannot be judged: {campaign.problem}")]


def calling_hours(
    campaign: PackCampaign, policy: CallingPolicy, now: datetime, *, honour_opt_out: bool = False
) -> list[str]:
    """Why the campaign's window calls people outside the calling policy (empty: it does not,
    or it cannot be judged yet)."""
    if campaign.ended:
        return []
    if campaign.customers is None or not campaign.schedule_known:
        return _unreadable(campaign)
    plan = campaign.schedule_plan if isinstance(campaign.schedule_plan, dict) else None
    numbers = [number for number, _sip in campaign.customers.keys]
    hours = calling_hours_in(numbers, dialing_window(plan, now=now), policy=policy)
    opted = campaign.opted("allowOutsideCallingHours")
    problems = calling_hours_problems(hours, allowed=opted and honour_opt_out)
    if honour_opt_out:
        return [message(campaign, p.path, p.message) for p in problems]
    return [message(campaign, p.path, _overruled(p.message, opted)) for p in problems]


def do_not_call(campaign: PackCampaign, listed: DoNotCall) -> list[str]:
    """The customers on the do-not-call list: one message naming their paths."""
    if campaign.ended:
        return []
    if campaign.customers is None:
        return _unreadable(campaign)
    positions = listed.listed_in(campaign.customers.people)
    if not positions:
        return []
    people = "customer is" if len(positions) == 1 else "customers are"
    text = (
        f"{customer_paths(positions)}: {len(positions)} {people} on the do-not-call list "
        f"({listed.path}, the policy pack's doNotCall); remove them from the campaign: nobody "
        "on the list is called, and there is no opt-out"
    )
    return [message(campaign, "", text)]  # the text names the customers


def standing_opt_ins(campaign: PackCampaign) -> list[str]:
    """The opt-ins the campaign leaves set: one message, for a reviewer to weigh them."""
    if campaign.ended or not campaign.opt_ins:
        return []
    shown = ", ".join(names.field(api) for api in campaign.opt_ins)
    return [message(campaign, "", f"sets {shown}: a standing opt-in out of the calling rules")]
