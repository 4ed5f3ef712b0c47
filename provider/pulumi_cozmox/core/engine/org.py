"""The org as a create must see it: one bounded read per run, then only what changed.

Every rule that judges a campaign to create against the others (the duplicate guard, the call
limit, the lost-answer lookup's "did it exist before?") reads the org through one
:class:`OrgView`, shared by the whole run (one per provider process, which is one per
``pulumi`` command):

- **The first read** lists the campaigns that can still call (``status=scheduled``,
  ``status=in-progress``) and those that ended within the lookback (``status=ended&
  updatedAtGe=...``): the longest period a rule needs (the call limit's, and at least
  :data:`DEFAULT_LOOKBACK`). Campaigns that ended before that are not read: they cannot call
  anyone again, and their calls are older than any period a rule counts. A campaign identical
  to one to create has the same ``earliestAt``, and dials no earlier: it cannot have ended
  before it. So :meth:`OrgView.reach_back` reads further back only for a create whose window
  opened before the lookback, back to its ``earliestAt``, and for a create without a
  ``schedulePlan`` (its twin may have run at any time): the whole history.
- **Before each POST**, :meth:`OrgView.catch_up` lists only what changed since the last read
  (``updatedAtGe``, by the server's clock: the ``Date`` of the last answer, less a margin), so a
  campaign another stack or a person created meanwhile is still seen.

A campaign deleted since it was read stays in the view: a rule that would refuse because of it
looks it up first (a GET), and :meth:`OrgView.forget` drops it.

Pure of Pulumi: no pulumi import.
"""

from __future__ import annotations

import threading
import time
from datetime import datetime, timedelta, timezone
from typing import Any

from pulumi_cozmox.client.answers import ListedCampaign
from pulumi_cozmox.client.api import CozmoxClient
from pulumi_cozmox.core.model.campaign import HeadKey, listed_head
from pulumi_cozmox.core.model.compare import instant
from pulumi_cozmox.core.model.phone import person_of

__all__ = ["DEFAULT_LOOKBACK", "OrgView", "listed_span"]

#: Ended campaigns are read this far back at least (a killed `pulumi up` re-run days later
#: still finds the campaign it had created, even if that has dialed and ended since).
DEFAULT_LOOKBACK = timedelta(days=7)
#: How far before the last read a catch-up starts: the ``Date`` header counts whole seconds,
#: and a write may be stamped a moment before it is visible.
CATCH_UP_MARGIN = timedelta(seconds=5)
#: Ended by a user before it dialed: it called nobody.
NEVER_DIALED = "campaign.scheduled.ended-by-user"


def listed_span(campaign: ListedCampaign) -> tuple[datetime, datetime | None] | None:
    """When a listed campaign calls (or called) its customers; None when it never will."""
    if campaign.endedReason == NEVER_DIALED:
        return None
    created = instant(campaign.createdAt)
    plan = campaign.schedulePlan or {}
    earliest, latest = instant(plan.get("earliestAt")), instant(plan.get("latestAt"))
    starts = [t for t in (created, earliest) if t is not None]
    if not starts:
        return None
    start = max(starts)
    end = latest
    if campaign.status == "ended":
        stopped = instant(campaign.updatedAt)
        if stopped is not None:
            end = stopped if end is None else min(end, stopped)
    return start.astimezone(timezone.utc), end.astimezone(timezone.utc) if end else None


class OrgView:
    """The org's campaigns that rules judge a create against (see the module docstring).
    Thread-safe: the engine creates several resources at once."""

    def __init__(self, client: CozmoxClient, *, lookback: timedelta = DEFAULT_LOOKBACK) -> None:
        self._client = client
        self._lookback = max(lookback, DEFAULT_LOOKBACK)
        self._lock = threading.RLock()  # the view's contents
        self._loading = threading.Lock()  # one first read (and reach back) at a time
        # Shared catch-ups: callers take a ticket; a read covers the tickets taken before it.
        self._turns = threading.Condition()
        self._asked = self._served = 0
        self._reading = False
        self._campaigns: dict[str, ListedCampaign] = {}
        self._loaded = False
        self._as_of = datetime.now(timezone.utc)
        self._read_at = time.monotonic()
        self._history_from: datetime | None = self._as_of
        # Kept up to date as campaigns are read (a catch-up brings a few; rebuilding the
        # index at each of a 300-create `up`'s 600 catch-ups cost seconds), by id and by head.
        self._head_of: dict[str, HeadKey] = {}
        self._by_head: dict[HeadKey, list[str]] = {}
        self._by_person: dict[str, list[str]] | None = None

    # -- reading ---------------------------------------------------------------------------

    def _read(self, **filters: Any) -> datetime | None:
        """List ``filters`` into the view; the server's time of the first page. The request is
        made without the view's lock (creates in parallel catch up in parallel); only the
        merge holds it."""
        dates: list[datetime] = []
        found = list(self._client.list_campaigns(dates=dates, **filters))
        heads = [(campaign, listed_head(campaign)) for campaign in found]
        with self._lock:
            for campaign, head in heads:
                self._campaigns[campaign.id] = campaign
                self._index(campaign.id, head)
            self._by_person = None
        return dates[0] if dates else None

    def load(self) -> None:
        """The first read (once per view; other threads wait for it)."""
        with self._loading:
            if self._loaded:
                return
            as_of = self._read(status="scheduled") or datetime.now(timezone.utc)
            self._read(status="in-progress")
            history_from = as_of - self._lookback
            self._read(status="ended", updatedAtGe=history_from)
            with self._lock:
                self._history_from = history_from
                self._as_of, self._read_at = as_of, time.monotonic()
                self._loaded = True

    def catch_up(self) -> None:
        """Read what changed since the last read (the first read if there was none).

        Creates running at the same moment share their catch-ups: a caller is served by the
        first read that *starts* after it called (so it sees everything committed before it
        asked), and one read serves every caller that was waiting when it started. A read
        that fails serves nobody: the next waiter reads again."""
        if not self._loaded:
            self.load()
            return
        with self._turns:
            self._asked += 1
            ticket = self._asked
            while self._served < ticket:
                if not self._reading:
                    self._reading, covers = True, self._asked
                    break
                self._turns.wait()
            else:
                return  # a read that started after this call has finished
        served = False
        try:
            self._catch_up_once()
            served = True
        finally:
            with self._turns:
                self._reading = False
                if served:
                    self._served = max(self._served, covers)
                self._turns.notify_all()

    def _catch_up_once(self) -> None:
        with self._lock:
            since = self._as_of - CATCH_UP_MARGIN
        as_of = self._read(updatedAtGe=since)
        with self._lock:
            # The same Date again re-anchors too: a server whose clock stands still (a frozen
            # emulator) is not judged to have moved on by the time this machine counted.
            if as_of is not None and as_of >= self._as_of:
                self._as_of, self._read_at = as_of, time.monotonic()

    def reach_back(self, since: datetime | None) -> None:
        """Make sure campaigns that ended since ``since`` (None: ever) are in the view."""
        self.load()
        with self._loading:
            history_from = self._history_from
            if history_from is None or (since is not None and since >= history_from):
                return
            bound = {"updatedAtGe": since} if since is not None else {}
            self._read(status="ended", updatedAtLt=history_from, **bound)
            with self._lock:
                self._history_from = since

    # -- what it holds ---------------------------------------------------------------------

    @property
    def as_of(self) -> datetime:
        """The server's time of the last read."""
        return self._as_of

    def server_now(self) -> datetime:
        """The server's time now, as the last read's ``Date`` and the time since tell it."""
        with self._lock:
            return self._as_of + timedelta(seconds=time.monotonic() - self._read_at)

    def campaigns(self) -> list[ListedCampaign]:
        self.load()
        with self._lock:
            return list(self._campaigns.values())

    def get(self, campaign_id: str) -> ListedCampaign | None:
        with self._lock:
            return self._campaigns.get(campaign_id)

    def forget(self, campaign_id: str) -> None:
        """A campaign found gone (404)."""
        with self._lock:
            if self._campaigns.pop(campaign_id, None) is not None:
                self._index(campaign_id, None)
                self._by_person = None

    def _index(self, campaign_id: str, head: HeadKey | None) -> None:
        """File ``campaign_id`` under ``head`` (None: under none). Under the view's lock."""
        old = self._head_of.pop(campaign_id, None)
        if old is not None:
            self._by_head[old].remove(campaign_id)
        if head is not None:
            self._head_of[campaign_id] = head
            self._by_head.setdefault(head, []).append(campaign_id)

    def with_head(self, key: HeadKey) -> list[ListedCampaign]:
        """The campaigns whose :func:`head_key` is ``key``."""
        self.load()
        with self._lock:
            return [self._campaigns[i] for i in self._by_head.get(key, ())]

    def calling(self, person: str) -> list[ListedCampaign]:
        """The campaigns whose customers include ``person`` (see ``person_of``)."""
        self.load()
        with self._lock:
            if self._by_person is None:
                self._by_person = {}
                for campaign in self._campaigns.values():
                    for customer in campaign.customers:
                        who = person_of(customer.model_dump(exclude_none=True))
                        if who is not None:
                            self._by_person.setdefault(who, []).append(campaign.id)
            return [self._campaigns[i] for i in dict.fromkeys(self._by_person.get(person, ()))]
