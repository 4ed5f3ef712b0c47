"""What a campaign to create is judged on, against the org and the rest of the run.

:class:`Guard` holds the run's :class:`~pulumi_cozmox.core.engine.org.OrgView` (one bounded read
of the org), the rules configured for the stack (:class:`~pulumi_cozmox.core.rules.config.Rules`)
and the creates this run plans, and answers, for a
:class:`~pulumi_cozmox.core.model.campaign.Declared` campaign:

- :meth:`Guard.identical`: the campaigns that would call the same people from the same number
  at the same time (the duplicate guard; see :mod:`pulumi_cozmox.core.engine.create`);
- :meth:`Guard.do_not_call`: the customers on the do-not-call list;
- :meth:`Guard.call_limit`: the customers another campaign (of the org, or another resource
  this run creates) also calls within the limit's period, past the limit.

Refusals name customers by path (``customers[3]``) and other campaigns by id and, when the run
has met them, by resource name; never a number. The same judgement serves preview (check) and
``up`` (create, after the view caught up with what changed).

Pure of Pulumi: no pulumi import.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pulumi_cozmox.client.answers import ListedCampaign
from pulumi_cozmox.client.api import CozmoxClient
from pulumi_cozmox.client.errors import NotFound
from pulumi_cozmox.core.engine.org import DEFAULT_LOOKBACK, OrgView, listed_span
from pulumi_cozmox.core.model.campaign import Declared
from pulumi_cozmox.core.model.compare import field_schema, same_value
from pulumi_cozmox.core.model.customers import canonical_json, json_digest
from pulumi_cozmox.core.model.paths import customer_paths
from pulumi_cozmox.core.model.phone import time_zones
from pulumi_cozmox.core.report.text import span_text
from pulumi_cozmox.core.rules.calendar import CallLimit, Span, over_limit
from pulumi_cozmox.core.rules.config import Rules

__all__ = ["Booking", "Guard", "Objection", "Overlap", "identical_among"]


@dataclass(frozen=True)
class Overlap:
    """People another campaign also calls within the call limit's period (a report fact)."""

    other: str
    """How messages name the other campaign: ``campaign ID (resource "x")``."""
    start: datetime
    end: datetime | None
    people: int
    ref: str = ""
    """The other campaign's id (``resource:NAME`` for a create of this run)."""


@dataclass(frozen=True)
class Objection:
    """Why a rule objects to a create: ``path`` in the API's terms (``customers[3]``, ``""``).
    (The exception that refuses a change is :class:`~.outcome.Refusal`, a name of its own.)"""

    path: str
    message: str
    #: The customers concerned (positions in the declared list).
    positions: tuple[int, ...] = ()
    #: The other campaigns that put them past the call limit.
    others: tuple[Overlap, ...] = ()


@dataclass(frozen=True)
class Booking:
    """A campaign this run plans to create: who it calls, and when."""

    resource: str
    start: datetime
    end: datetime | None
    people: frozenset[str]
    campaign_id: str | None = None


@dataclass(frozen=True)
class _Other:
    """Another campaign that calls someone the declared one calls."""

    name: str
    start: datetime
    end: datetime | None


class Guard:
    """See the module docstring. One per run (provider process); thread-safe."""

    def __init__(
        self,
        client: CozmoxClient,
        rules: Rules | None = None,
        *,
        names: dict[str, str] | None = None,
    ) -> None:
        """``names``: campaign id -> resource name of the stack's campaigns met so far (shared
        with the caller, which learns them before any request is needed)."""
        self.client = client
        self.rules = rules or Rules()
        limit = self.rules.call_limit
        self.org = OrgView(client, lookback=limit.period if limit else DEFAULT_LOOKBACK)
        self._lock = threading.Lock()
        self._planned: dict[str, Booking] = {}
        self._names = names if names is not None else {}

    # -- what the run knows ------------------------------------------------------------------

    def who(self, campaign_id: str) -> str:
        with self._lock:
            resource = self._names.get(campaign_id)
        if resource is None:
            return f"campaign {campaign_id}"
        return f'campaign {campaign_id} (resource "{resource}")'

    def plan(self, resource: str, declared: Declared, now: datetime) -> None:
        """Record that this run creates ``declared`` as ``resource`` (counted for the others)."""
        start, end = declared.window(now)
        people = frozenset(p for p in declared.people if p is not None)
        with self._lock:
            self._planned[resource] = Booking(resource, start, end, people)

    def created(self, resource: str, campaign_id: str) -> None:
        """The planned create of ``resource`` is campaign ``campaign_id`` now (in the org)."""
        with self._lock:
            booking = self._planned.get(resource)
            if booking is not None:
                self._planned[resource] = Booking(
                    booking.resource, booking.start, booking.end, booking.people, campaign_id
                )
            self._names[campaign_id] = resource

    # -- the rules ---------------------------------------------------------------------------

    def identical(
        self, declared: Declared, *, skip: Callable[[str], bool] = lambda _id: False
    ) -> list[dict[str, Any]]:
        """The org's campaigns identical to ``declared`` (names aside), whole, oldest first:
        same phone number, assistant or workflow, schedule and customers (every field, as
        :func:`pulumi_cozmox.core.model.compare.differences` compares them)."""
        listed = self.org.with_head(declared.head)
        return identical_among(self.client, listed, declared, skip=skip, gone=self.org.forget)

    def do_not_call(self, declared: Declared) -> list[Objection]:
        """The customers on the do-not-call list: one refusal, naming their paths."""
        listed = self.rules.do_not_call
        if listed is None:
            return []
        positions = listed.listed_in(declared.people)
        if not positions:
            return []
        people = "customer is" if len(positions) == 1 else "customers are"
        return [
            Objection(
                f"customers[{positions[0]}]",
                f"{customer_paths(positions)}: {len(positions)} {people} on the do-not-call list "
                f"(cozmox:doNotCall {listed.path}); remove them from the campaign: nobody on "
                "the list is called, and there is no opt-out",
            )
        ]

    def _others(
        self, declared: Declared, resource: str | None, exclude: Iterable[str], planned: bool
    ) -> tuple[dict[str, list[Span[str]]], dict[str, _Other]]:
        """For each person the declared campaign calls, the spans of the other campaigns that
        call them too (the org's, and the other creates of this run not in the org yet), and
        those campaigns by key."""
        excluded = set(exclude)
        with self._lock:
            bookings = [b for b in self._planned.values() if planned and b.resource != resource]
        bookings = [
            b for b in bookings if b.campaign_id is None or self.org.get(b.campaign_id) is None
        ]
        others: dict[str, _Other] = {}
        spans: dict[str, list[Span[str]]] = {}
        for person in dict.fromkeys(p for p in declared.people if p is not None):
            found: list[Span[str]] = []
            for listed in self.org.calling(person):
                span = listed_span(listed)
                if listed.id in excluded or span is None:
                    continue
                others.setdefault(listed.id, _Other(self.who(listed.id), *span))
                found.append(Span(span[0], span[1], listed.id))
            for booking in bookings:
                if person not in booking.people or booking.campaign_id in excluded:
                    continue
                key = f"resource:{booking.resource}"
                name = f'resource "{booking.resource}" (created in this run)'
                others.setdefault(key, _Other(name, booking.start, booking.end))
                found.append(Span(booking.start, booking.end, key))
            if found:
                spans[person] = found
        return spans, others

    def call_limit(
        self,
        declared: Declared,
        now: datetime,
        *,
        resource: str | None = None,
        exclude: Iterable[str] = (),
        planned: bool = True,
        window: tuple[datetime, datetime | None] | None = None,
    ) -> tuple[list[Objection], list[Overlap]]:
        """Refusals for the customers called past the limit, and the overlaps within it
        (people another campaign also calls within the period). ``planned``: count the other
        creates of this run too (not when judging a race with other processes). ``window``:
        when the declared campaign calls (default: as if created at ``now``)."""
        limit = self.rules.call_limit
        if limit is None:
            return [], []
        spans, others = self._others(declared, resource, exclude, planned)
        if not spans:
            return [], []
        start, end = window or declared.window(now)
        new: Span[str] = Span(start, end, "")
        within = CallLimit(1, limit.amount, limit.unit)
        over: dict[tuple[str, ...], list[int]] = {}
        met: dict[str, set[str]] = {}
        for position, person in enumerate(declared.people):
            if person is None or person not in spans:
                continue
            zones = time_zones(person) if person.startswith("+") else ()
            for span in over_limit(within, new, spans[person], zones):
                met.setdefault(span.ref, set()).add(person)
            worst = over_limit(limit, new, spans[person], zones)
            if worst:
                over.setdefault(tuple(s.ref for s in worst), []).append(position)
        refusals = []
        for refs, positions in over.items():
            named = "; ".join(
                f"{others[r].name}, {span_text(others[r].start, others[r].end)}" for r in refs
            )
            count = "1 other campaign" if len(refs) == 1 else f"{len(refs)} other campaigns"
            refusals.append(
                Objection(
                    f"customers[{positions[0]}]",
                    f"{customer_paths(positions)}: also called by {count} within "
                    f"{limit.amount}{limit.unit} of this one ({named}), past the call limit "
                    f"{limit} (cozmox:callLimit); move this campaign's window further from "
                    "theirs, or remove these customers",
                    tuple(positions),
                    tuple(
                        Overlap(others[r].name, others[r].start, others[r].end, len(positions), r)
                        for r in refs
                    ),
                )
            )
        overlaps = [
            Overlap(others[r].name, others[r].start, others[r].end, len(p), r)
            for r, p in met.items()
        ]
        return refusals, sorted(overlaps, key=lambda o: o.start)


def identical_among(
    client: CozmoxClient,
    listed: Iterable[ListedCampaign],
    declared: Declared,
    *,
    skip: Callable[[str], bool],
    gone: Callable[[str], None] = lambda _id: None,
) -> list[dict[str, Any]]:
    """The campaigns among ``listed`` (whose heads the caller matched) that call the declared
    customers, every field compared, read whole and oldest first; the one copy of this walk,
    for the guard (the org's view) and the lost-answer lookup (the latest creates). ``gone``
    hears of a campaign deleted since it was listed."""
    found: list[dict[str, Any]] = []
    for campaign in listed:
        if skip(campaign.id):
            continue
        try:
            full = client.get_campaign(campaign.id)
        except NotFound:
            gone(campaign.id)  # deleted since it was listed
            continue
        if same_customers(full.get("customers"), declared):
            found.append(full)
    return sorted(found, key=lambda c: str(c.get("createdAt")))


def same_customers(server: object, declared: Declared) -> bool:
    """Whether the server's customers are the declared ones (every field, defaults aside)."""
    if not isinstance(server, list):
        return False
    try:
        if json_digest(canonical_json(server)) == declared.customers_digest:
            return True
    except TypeError:
        return False
    return same_value(server, declared.customers(), field_schema("customers"))
