"""Why preview refuses a change: the words a person reads before anyone is called again.

Each message names the resource and its campaign, what would happen, and the way out.
"""

from __future__ import annotations

from pulumi_cozmox._fields import DELETED, INPUT_TO_API, LIVE_STATUSES
from pulumi_cozmox._plan import Plan

__all__ = ["adopt_mismatch", "refusal", "vanished"]


def _calls(count: int | None) -> str:
    if count is None:
        return "every customer"
    return f"{count} customer" + ("" if count == 1 else "s")


def _state(status: str) -> str:
    if status == DELETED:
        return "was deleted outside Pulumi after it had dialed"
    return "has ended" if status == "ended" else f"is {status}"


def refusal(p: Plan, status: str | None, allow_redial: bool, who: str) -> str | None:
    """The message with which preview must refuse ``p`` for a campaign in ``status``, or None.

    Refused: (a) a replacement of a campaign that has dialed (in progress, ended, or deleted
    outside Pulumi after dialing), unless ``allow_redial``: the new campaign would call its
    customers again; (b) a restricted PATCH field while the campaign is in progress or has
    ended: the API would reject it. ``who`` names the resource and campaign.
    """
    if status not in LIVE_STATUSES:
        return None
    if p.replaces and not allow_redial:
        fields = ", ".join(p.replaces)
        return (
            f"{who}: changing {fields} requires replacing the campaign, which "
            f"{_state(status)}: the replacement would call {_calls(p.customer_count)} again. "
            "Set allow_redial=True on the resource to allow calling them again, or revert "
            "the change."
        )
    if p.restricted:
        fields = ", ".join(p.restricted)
        api = ", ".join(INPUT_TO_API[k] for k in p.restricted)
        if allow_redial:
            hint = "allow_redial=True is set, so the provider should replace it instead."
        else:
            hint = (
                "To replace the campaign with one that has the new value instead (calling "
                f"{_calls(p.customer_count)} again), set allow_redial=True; or revert the "
                "change."
            )
        return (
            f"{who}: cannot change {fields} of a campaign that {_state(status)}: the Cozmox "
            f"API allows changing {api} only while the campaign is scheduled. {hint}"
        )
    return None


def vanished(who: str, count: int | None) -> str:
    """Refusal to re-create a campaign that dialed and was deleted outside Pulumi."""
    return (
        f"{who} was deleted outside Pulumi after it had dialed. Re-creating it would call "
        f"{_calls(count)} again, so it is not re-created. Set allow_redial=True on the "
        "resource to re-create it, or remove the resource from the program to stop managing "
        "it (nothing is sent: the campaign is already gone)."
    )


def adopt_mismatch(who: str, adopt_id: str) -> str:
    """Refusal of an ``adopt_id`` that names another campaign than the one managed."""
    return (
        f"{who}: adopt_id={adopt_id!r} names another campaign, but adopt_id is used only "
        "when the resource is first created, and this resource already manages its own. "
        "Remove adopt_id (or set it to the managed campaign's id). To manage that other "
        "campaign, declare a new resource with adopt_id instead."
    )
