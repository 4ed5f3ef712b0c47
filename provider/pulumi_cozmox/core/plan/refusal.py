"""Why preview refuses a change: the words a person reads before anyone is called again.

Each message names the resource and its campaign, what would happen, and the way out.
"""

from __future__ import annotations

from collections.abc import Sequence

from pulumi_cozmox.core.plan.change import Plan
from pulumi_cozmox.core.resource import names
from pulumi_cozmox.core.resource.fields import DELETED, INPUT_TO_API, LIVE_STATUSES
from pulumi_cozmox.core.rules.donotcall import DoNotCall

__all__ = ["adopt_mismatch", "allows", "do_not_call_refusal", "refusal", "vanished"]


def allows(flag: object, campaign_id: str | None) -> bool:
    """Whether an opt-in (``allow_redial``, ``allow_duplicate``) allows it for the campaign
    ``campaign_id``: ``True`` allows every time; an id allows that one campaign only, so once
    it has been replaced (the new campaign has a new id) the same line allows nothing."""
    return flag is True or (isinstance(flag, str) and flag == campaign_id)


def _calls(people: int | None, again: int | None) -> str:
    """``3 people, 2 of them again`` (the vocabulary of the report lines)."""
    if people is None:
        return "every customer, again"
    who = f"{people:,} " + ("person" if people == 1 else "people")
    if again is None:
        return f"{who}, some of them again"
    return f"{who}, {again:,} of them again"


def _state(status: str) -> str:
    if status == DELETED:
        return "was deleted outside Pulumi after it had dialed"
    return "has ended" if status == "ended" else f"is {status}"


def _opt_in(campaign_id: str | None) -> str:
    """The exact line that allows one re-dial of ``campaign_id``."""
    return names.setting("allowRedial", campaign_id if campaign_id else True)


def _fields(keys: Sequence[str]) -> str:
    """``customers, schedule_plan``: the inputs (props' keys) as field tokens."""
    return ", ".join(names.field(INPUT_TO_API.get(k, k)) for k in keys)


def refusal(
    p: Plan,
    status: str | None,
    allow_redial: bool,
    who: str,
    *,
    campaign_id: str | None = None,
    again: int | None = None,
) -> str | None:
    """The message with which preview must refuse ``p`` for a campaign in ``status``, or None.

    Refused: (a) a replacement of a campaign that has dialed (in progress, ended, or deleted
    outside Pulumi after dialing), unless ``allow_redial``: the new campaign would call its
    customers again; (b) a restricted PATCH field while the campaign is in progress or has
    ended: the API would reject it. ``who`` names the resource and campaign; ``campaign_id``
    goes into the exact line that allows it (``allow_redial="<id>"``); ``again``: how many of
    the people the replacement calls the campaign had (None: not known).
    """
    if status not in LIVE_STATUSES:
        return None
    if p.replaces and not allow_redial:
        fields = _fields(p.replaces)
        return (
            f"{who}: changing {fields} requires replacing the campaign, which "
            f"{_state(status)}: the replacement would call {_calls(p.customer_count, again)}. "
            f"To allow calling them again this once, set {_opt_in(campaign_id)} on the "
            "resource; or revert the change."
        )
    if p.restricted:
        fields = _fields(p.restricted)
        api = ", ".join(INPUT_TO_API[k] for k in p.restricted)
        if allow_redial:
            hint = (
                f"{names.setting('allowRedial', True)} is set, so the provider should replace "
                "it instead."
            )
        else:
            hint = (
                "To replace the campaign with one that has the new value instead (calling "
                f"{_calls(p.customer_count, p.customer_count)}), set {_opt_in(campaign_id)}; or "
                "revert the change."
            )
        return (
            f"{who}: cannot change {fields} of a campaign that {_state(status)}: the Cozmox "
            f"API allows changing {api} only while the campaign is scheduled. {hint}"
        )
    return None


def vanished(
    who: str, count: int | None, campaign_id: str | None = None, again: int | None = None
) -> str:
    """Refusal to re-create a campaign that dialed and was deleted outside Pulumi."""
    return (
        f"{who} was deleted outside Pulumi after it had dialed. Re-creating it would call "
        f"{_calls(count, again)}, so it is not re-created. Set {_opt_in(campaign_id)} on the "
        "resource to re-create it, or remove the resource from the program to stop managing "
        "it (nothing is sent: the campaign is already gone)."
    )


def do_not_call_refusal(
    who: str, status: str | None, positions: Sequence[int], listed: DoNotCall
) -> str:
    """Refusal of any plan while a campaign that can still call holds listed people."""
    shown = ", ".join(f"customers[{i}]" for i in positions[:5])
    if len(positions) > 5:
        shown += f" and {len(positions) - 5} more"
    count = "1 customer" if len(positions) == 1 else f"{len(positions)} customers"
    state = f"is {status}" if status else "may still call (its status could not be read)"
    if status == "in-progress":
        way_out = (
            f"End the campaign now: set {names.setting('ended', True)} on the resource (one "
            "PATCH: calls in progress finish, no other is placed), or delete the resource. "
            "Removing them would replace a campaign that is dialing"
        )
    else:
        way_out = (
            "Remove them from the program (the campaign is then replaced before it dials), "
            f"or stop the campaign: set {names.setting('ended', True)} on the resource (or "
            "delete the resource)"
        )
    return (
        f"{who} {state} and holds {shown}: {count} on the do-not-call list "
        f"(cozmox:doNotCall {listed.path}), listed since the campaign was created. {way_out}."
    )


def adopt_mismatch(who: str, adopt_id: str) -> str:
    """Refusal of an ``adopt_id`` that names another campaign than the one managed."""
    field = names.field("adoptId")
    return (
        f"{who}: {field}={adopt_id!r} names another campaign, but {field} is used only "
        "when the resource is first created, and this resource already manages its own. "
        f"Remove {field} (or set it to the managed campaign's id). To manage that other "
        f"campaign, declare a new resource with {field} instead."
    )
