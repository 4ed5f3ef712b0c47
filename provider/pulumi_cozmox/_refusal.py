"""Why preview refuses a change: the words a person reads before anyone is called again."""

from __future__ import annotations

from pulumi_cozmox._fields import INPUT_TO_API, LIVE_STATUSES
from pulumi_cozmox._plan import Plan

__all__ = ["refusal"]


def _calls(count: int | None) -> str:
    if count is None:
        return "every customer"
    return f"{count} customer" + ("" if count == 1 else "s")


def refusal(p: Plan, status: str | None, allow_redial: bool) -> str | None:
    """The message with which preview must refuse ``p`` for a campaign in ``status``, or None.

    Refused: (a) a replacement of a campaign that is in progress or has ended, unless
    ``allow_redial``: the new campaign would call its customers again; (b) a restricted PATCH
    field while the campaign is in progress or has ended: the API would reject it.
    """
    if status not in LIVE_STATUSES:
        return None
    if p.replaces and not allow_redial:
        fields = ", ".join(p.replaces)
        return (
            f"changing {fields} requires replacing the campaign, which is {status}: the "
            f"replacement would call {_calls(p.customer_count)} again. Set allow_redial=True "
            "on the resource to allow calling them again, or revert the change."
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
            f"cannot change {fields} of a campaign that is {status}: the Cozmox API allows "
            f"changing {api} only while the campaign is scheduled. {hint}"
        )
    return None
