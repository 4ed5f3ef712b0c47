"""Refresh's reads served by listings: one ``GET /campaign`` for the campaigns created around
the same time, instead of one ``GET /campaign/{id}`` each.

A refresh reads every campaign of the stack, and a stack's campaigns are mostly created by one
`pulumi up`, within minutes of each other. So the first read of a campaign lists the org's
campaigns created within :data:`WINDOW` of it (``createdAtGe``/``createdAtLe``, whole: a list
page holds what a GET answers, customers included), and the reads of the others created in
that window are served from that listing. A listing proves what a GET proves, at the moment
it was taken (a moment of the same refresh):

- a campaign it holds is the campaign as the API held it then: drift is seen;
- a campaign it should hold and does not (created within the window, yet absent) is read by
  a GET, which answers its 404 (deleted) or the campaign;
- each listed campaign serves one read: a second read of it in the same run asks again (a
  later listing that holds it again does not put it back).

What a listing may not cost: a listing that fails (a malformed page, a timeout, 429s past the
deadline) is not retried by each read of its window: they are read by their own GETs, as
before listings; a campaign of :data:`KEEP_CUSTOMERS` customers or more is not kept (its own GET
reads it when asked: a `--target` refresh does not hold other stacks' large lists); a listed
campaign created outside the window (a server that ignores the filter) ends the listing.

A campaign whose creation time the state does not record (an import, a read by id) is read by
a GET. Thread-safe: the engine reads several resources at once; a read waits for a listing
under way rather than taking another.

Pure of Pulumi: no pulumi import.
"""

from __future__ import annotations

import threading
from datetime import datetime, timedelta
from typing import Any

from pulumi_cozmox.client.api import CozmoxClient
from pulumi_cozmox.client.errors import CozmoxError, Unauthorized
from pulumi_cozmox.core.model.compare import instant

__all__ = ["KEEP_CUSTOMERS", "WINDOW", "Listings"]

#: A listing holds the campaigns created this long before or after the one asked for.
WINDOW = timedelta(minutes=15)
#: Listed campaigns of this many customers or more are not kept (their own GET reads them).
KEEP_CUSTOMERS = 1000


class Listings:
    """The listings taken by one run's reads (see the module docstring)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._windows: list[tuple[datetime, datetime]] = []
        self._listed: dict[str, dict[str, Any]] = {}
        self._served: set[str] = set()

    def campaign(
        self, client: CozmoxClient, campaign_id: str, created_at: Any
    ) -> dict[str, Any] | None:
        """The campaign ``campaign_id`` (created at ``created_at``, as recorded) as a listing
        of this run holds it, taken now if no listing covers that time; None when no listing
        can answer (read it with a GET)."""
        created = instant(created_at)
        if created is None:
            return None
        with self._lock:  # held while listing: a read waits for the listing of its window
            if not any(start <= created <= end for start, end in self._windows):
                start, end = created - WINDOW, created + WINDOW
                self._windows.append((start, end))  # listed once, whether or not it succeeds
                try:
                    self._list(client, start, end)
                except Unauthorized:
                    raise
                except CozmoxError:
                    pass  # each read of the window asks by its own GET, as before listings
            campaign = self._listed.pop(campaign_id, None)
            if campaign is not None:
                self._served.add(campaign_id)
            return campaign

    def _list(self, client: CozmoxClient, start: datetime, end: datetime) -> None:
        for campaign in client.list_whole_campaigns(createdAtGe=start, createdAtLe=end):
            moment = instant(campaign.get("createdAt"))
            if moment is None or not start <= moment <= end:
                return  # the server ignored the filter: what it lists is not this window
            small = len(campaign.get("customers") or ()) < KEEP_CUSTOMERS
            if small and campaign["id"] not in self._served:
                self._listed[campaign["id"]] = campaign
