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
- each listed campaign serves one read: a second read of it in the same run asks again.

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
from pulumi_cozmox.core.model.compare import instant

__all__ = ["WINDOW", "Listings"]

#: A listing holds the campaigns created this long before or after the one asked for.
WINDOW = timedelta(minutes=15)


class Listings:
    """The listings taken by one run's reads (see the module docstring)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._windows: list[tuple[datetime, datetime]] = []
        self._listed: dict[str, dict[str, Any]] = {}

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
                for campaign in client.list_whole_campaigns(createdAtGe=start, createdAtLe=end):
                    self._listed[campaign["id"]] = campaign
                self._windows.append((start, end))
            return self._listed.pop(campaign_id, None)
