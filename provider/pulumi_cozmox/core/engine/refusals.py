"""Words of the engine's refusals that need what the run knows (the org, recorded state)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from typing import TYPE_CHECKING

from pulumi_cozmox.core.engine.guard import Guard
from pulumi_cozmox.core.engine.outcome import Failure, resource_of, who
from pulumi_cozmox.core.model.campaign import Campaign
from pulumi_cozmox.core.model.compare import instant
from pulumi_cozmox.core.plan.refusal import allows, vanished
from pulumi_cozmox.core.report.build import customers_delta_of
from pulumi_cozmox.core.report.record import CampaignReport
from pulumi_cozmox.core.resource import names
from pulumi_cozmox.core.resource.fields import DELETED, count_of

if TYPE_CHECKING:
    pass

__all__ = ["KEY_REFUSED", "VANISHED", "history_lost", "same_moment", "vanished_failure"]

#: A check failure when the API refuses the key.
KEY_REFUSED = (
    "the Cozmox API refused the API key (401 Unauthorized): check cozmox:apiKey (or "
    "COZMOX_API_KEY), and that cozmox:baseUrl is the API the key belongs to"
)
#: Marks the inputs refresh returns for a campaign deleted outside Pulumi after it dialed
#: (the value is its id): check refuses to re-create it unless allow_redial.
VANISHED = "deleted_outside_pulumi"
#: Campaigns created this close to a duplicate found may be the same interrupted run's.
SAME_MOMENT = 120.0
#: A duplicate created longer ago than this is no interrupted run's (no hint).
RECENT = timedelta(days=1)


def vanished_failure(olds: Campaign | None, news: Campaign) -> list[Failure]:
    """The refusal to re-create a campaign that dialed and was deleted outside Pulumi (refresh
    left its id in the inputs), unless ``allow_redial`` names it."""
    gone = olds.deleted_outside_pulumi if olds is not None else None
    if olds is None or not isinstance(gone, str) or allows(news.allow_redial, gone):
        return []
    count = count_of(news.customer_count)
    message = vanished(who(news, gone), count, gone, again=_kept(olds, news))
    return [Failure("allowRedial", message)]


def history_lost(olds: Campaign | None, news: Campaign) -> CampaignReport | None:
    """The report of a campaign that dialed and was deleted outside Pulumi (refresh left its id
    in the inputs): its record of who was called, and when, is gone from the API, and the
    call limit no longer counts its calls (the review names it: history lost)."""
    gone = olds.deleted_outside_pulumi if olds is not None else None
    if not isinstance(gone, str):
        return None
    return CampaignReport(resource_of(news), campaign_id=gone, status=DELETED)


def _kept(olds: Campaign, news: Campaign) -> int | None:
    """How many of the recorded customers the new list keeps (None when either is unknown)."""
    old, new = olds.customer_list, news.customer_list
    if old is None or new is None:
        return None
    try:
        return customers_delta_of(old, new).kept
    except ValueError:
        return None


def same_moment(guard: Guard, duplicates: list[str], known: Mapping[str, str]) -> str:
    """A hint naming the other campaigns created around the first duplicate that no resource
    of this run holds: an interrupted `pulumi up` creates several at once, and the engine stops
    at the first refusal, so the next ones would be found one preview at a time."""
    first = guard.org.get(duplicates[0]) if duplicates else None
    created = instant(first.createdAt) if first else None
    if created is None or guard.org.server_now() - created > RECENT:
        return ""  # not an interrupted run's: that is re-run soon
    near = [
        c
        for c in guard.org.campaigns()
        if c.id not in duplicates
        and c.id not in known
        and (at := instant(c.createdAt)) is not None
        and abs((at - created).total_seconds()) <= SAME_MOMENT
    ]
    if not near:
        return ""
    listed = ", ".join(
        f"{c.id} (earliestAt {(c.schedulePlan or {}).get('earliestAt', 'none')})"
        for c in sorted(near, key=lambda c: str(c.createdAt))[:5]
    )
    more = f" and {len(near) - 5} more" if len(near) > 5 else ""
    return (
        f" Created within {SAME_MOMENT:.0f} s of it, and held by no resource of this stack "
        f"that preview has reached: {listed}{more}. If the same interrupted `pulumi up` "
        f"created them, they are other resources' own: give each its {names.field('adoptId')} "
        "too."
    )
