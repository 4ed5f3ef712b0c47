"""The campaign a resource declares, as one typed value: what is sent, and what recognises it.

:class:`Declared` is built once from a resource's inputs (:meth:`Declared.from_props`) and
carries every form of its customers a create needs, each computed once: the canonical JSON
(spliced into the POST body as bytes), its digest, the customers' keys (number or SIP URI, in
order) and the people it calls (E.164 numbers or SIP URIs), the parsed list only when a full
comparison needs it.

Pure: no pulumi import, no I/O.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import cached_property, lru_cache
from typing import Any

from pydantic import TypeAdapter

from pulumi_cozmox._json import loads
from pulumi_cozmox.client.answers import CustomerKey, ListedCampaign
from pulumi_cozmox.core.model.body import splice_body, to_api_body
from pulumi_cozmox.core.model.compare import instant
from pulumi_cozmox.core.model.customers import customers_json, json_digest
from pulumi_cozmox.core.model.phone import person_of

__all__ = ["Declared", "HeadKey", "head_key", "listed_head", "people_in"]

_KEYS = TypeAdapter(list[CustomerKey])


def _keys(data: bytes) -> tuple[tuple[str | None, str | None], ...]:
    """The customers' (number, SIP URI) pairs, read without building the customers."""
    return tuple((c.number, c.sipUri) for c in _KEYS.validate_json(data))


def _people(keys: tuple[tuple[str | None, str | None], ...]) -> tuple[str | None, ...]:
    return tuple(
        person_of({"number": number} if number else {"sipUri": sip}) for number, sip in keys
    )


#: What recognises a campaign cheaply: phone number, assistant, workflow, schedule (as UTC
#: instants) and the customers' numbers or SIP URIs in order.
HeadKey = tuple[Any, ...]


def _utc(value: Any) -> Any:
    moment = instant(value)
    return value if moment is None else moment.astimezone(timezone.utc).isoformat()


def head_key(
    fields: Mapping[str, Any], customers: Iterable[tuple[str | None, str | None]]
) -> HeadKey:
    """The :data:`HeadKey` of a campaign given its fields (API keys) and customer keys."""
    plan = fields.get("schedulePlan")
    schedule = (
        tuple(sorted((k, _utc(v)) for k, v in plan.items())) if isinstance(plan, Mapping) else plan
    )
    ids = tuple(fields.get(k) for k in ("phoneNumberId", "assistantId", "workflowId"))
    return (ids, repr(schedule), tuple(customers))


def listed_head(campaign: ListedCampaign) -> HeadKey:
    fields = {
        "phoneNumberId": campaign.phoneNumberId,
        "assistantId": campaign.assistantId,
        "workflowId": campaign.workflowId,
        "schedulePlan": campaign.schedulePlan,
    }
    return head_key(fields, ((c.number, c.sipUri) for c in campaign.customers))


@lru_cache(maxsize=4)
def people_in(blob: str) -> tuple[str | None, ...]:
    """Who each customer in a blob is (``person_of``), in order; ValueError when malformed."""
    return _people(_keys(customers_json(blob)))


@dataclass(frozen=True)
class Declared:
    """The campaign a resource declares: the POST body, and what recognises it in the API."""

    body: bytes
    #: The body's fields (API keys) but the customers.
    fields: dict[str, Any]
    #: The customers' canonical JSON (see :mod:`pulumi_cozmox.core.model.customers`).
    customers_json: bytes
    customers_digest: str = field(init=False)
    customer_keys: tuple[tuple[str | None, str | None], ...] = field(init=False)

    def __post_init__(self) -> None:
        keys = _keys(self.customers_json)
        object.__setattr__(self, "customers_digest", json_digest(self.customers_json))
        object.__setattr__(self, "customer_keys", keys)

    @classmethod
    def from_props(cls, props: Mapping[str, Any]) -> Declared:
        """From a resource's inputs (snake_case, the customers blob); every value known.
        Raises ValueError for a malformed blob."""
        fields = to_api_body(dict(props))
        customers = customers_json(props["customers"])
        return cls(body=splice_body(fields, customers), fields=fields, customers_json=customers)

    def customers(self) -> list[Any]:
        """The declared customers, parsed (only when a candidate needs a full comparison)."""
        parsed: list[Any] = loads(self.customers_json)
        return parsed

    @cached_property
    def people(self) -> tuple[str | None, ...]:
        """Who each customer is, as calls count people (``person_of``), in order."""
        return _people(self.customer_keys)

    @cached_property
    def head(self) -> HeadKey:
        """What recognises this campaign cheaply among listed ones (see ``head_key``)."""
        return head_key(self.fields, self.customer_keys)

    @property
    def identity(self) -> str:
        """Who is called, from where, when: equal for campaigns the guard calls identical."""
        return hashlib.sha256(repr((self.head, self.customers_digest)).encode()).hexdigest()

    def window(self, now: datetime) -> tuple[datetime, datetime | None]:
        """When a campaign created at ``now`` would dial: ``earliestAt`` (or ``now`` if past
        or absent) to ``latestAt`` (None: no end)."""
        plan = self.fields.get("schedulePlan")
        plan = plan if isinstance(plan, Mapping) else {}
        earliest, latest = instant(plan.get("earliestAt")), instant(plan.get("latestAt"))
        start = earliest if earliest is not None and earliest > now else now
        return start.astimezone(timezone.utc), latest.astimezone(timezone.utc) if latest else None
