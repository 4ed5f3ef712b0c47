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
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import cached_property
from typing import Any

from pulumi_cozmox.client.answers import ListedCampaign
from pulumi_cozmox.core.model.body import splice_body, to_api_body
from pulumi_cozmox.core.model.compare import instant
from pulumi_cozmox.core.model.customers import CustomerList

__all__ = ["Declared", "HeadKey", "head_key", "listed_head"]


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


@dataclass(frozen=True)
class Declared:
    """The campaign a resource declares: the POST body, and what recognises it in the API."""

    #: The body's fields (API keys) but the customers.
    fields: dict[str, Any]
    #: The declared customers (each form of them computed once).
    customer_list: CustomerList

    @classmethod
    def from_props(cls, props: Mapping[str, Any], customers: CustomerList) -> Declared:
        """From a resource's inputs (snake_case; every value known) and its customers.
        Raises ValueError for a malformed customer list."""
        customers.json  # noqa: B018 (raises ValueError now for a malformed blob)
        return cls(fields=to_api_body(dict(props)), customer_list=customers)

    @cached_property
    def body(self) -> bytes:
        """The POST /campaign body, the customers' JSON spliced in (never parsed)."""
        return splice_body(self.fields, self.customer_list.json)

    @property
    def customers_digest(self) -> str:
        return self.customer_list.digest

    @property
    def customer_keys(self) -> tuple[tuple[str | None, str | None], ...]:
        return self.customer_list.keys

    def customers(self) -> list[Any]:
        """The declared customers, decoded (only when a candidate needs a full comparison)."""
        return self.customer_list.items

    @property
    def people(self) -> tuple[str | None, ...]:
        """Who each customer is, as calls count people (``person_of``), in order."""
        return self.customer_list.people

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
