"""The campaign as one typed value (:class:`Campaign`), and what a create sends (:class:`Declared`).

:class:`Campaign` is the resource's campaign as the core reads it: one typed attribute per field
of the table (generated: :mod:`.campaign_fields`), the customers as a :class:`CustomerList`,
whatever a preview does not know yet as :data:`UNKNOWN`. Each door parses its wire form once
(:meth:`Campaign.from_props`: the dynamic provider's snake_case props, the customers as the
blob; :meth:`Campaign.from_native`: the plugin's camelCase properties, the customers as the
list the program gave) and renders it back once (:meth:`Campaign.to_props`,
:meth:`Campaign.to_native`).

:class:`Declared` stays beside it: it is the POST body of a create (every value known, the API's
keys, the customers' JSON spliced in as bytes), a view of a campaign that only a create and the
guard need, with caches of its own; :meth:`Campaign.declared` makes it.

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
from dataclasses import dataclass, field, fields
from datetime import datetime, timezone
from functools import cached_property
from typing import Any

from pulumi_cozmox.client.answers import ListedCampaign
from pulumi_cozmox.core.model.body import splice_body, to_api_body
from pulumi_cozmox.core.model.campaign_fields import CampaignFields
from pulumi_cozmox.core.model.compare import instant
from pulumi_cozmox.core.model.customers import CustomerList
from pulumi_cozmox.core.model.unknown import UNKNOWN, is_unknown
from pulumi_cozmox.core.resource.fields import FIELDS

__all__ = ["UNKNOWN", "Campaign", "Declared", "HeadKey", "head_key", "listed_head"]


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


#: Props beyond the field table, each an attribute of :class:`Campaign` of the same name: the
#: resource's name in messages, the mark refresh leaves for a campaign deleted outside Pulumi,
#: the digest and the source of a customers file (the plugin's).
EXTRAS = (
    "resource_name",
    "deleted_outside_pulumi",
    "customers_file_digest",
    "customers_source",
)
#: The fields of the dynamic provider's props (``customers_file`` is the plugin's alone).
_PROPS = tuple(f.python for f in FIELDS if "python" in f.doors or f.python == "customer_count")
#: The fields of the plugin's properties, by the API's names; the customers (a list, or a file)
#: are the door's to resolve.
_NATIVE = {f.api: f.python for f in FIELDS if "native" in f.doors and f.type != "customers"}
_NATIVE.pop("customersFile")


@dataclass(frozen=True, kw_only=True)
class Campaign(CampaignFields):
    """The resource's campaign, typed (see the module docstring). A value in the dynamic
    provider's props spelling: ``Campaign.from_props(p).to_props() == p``."""

    resource_name: str | None = None
    deleted_outside_pulumi: Any = None
    customers_file_digest: str | None = None
    #: The customers file the list was read from (check names its customers by line).
    customers_source: Any = None
    #: The attributes the wire form gave (None given is not None left out).
    given: frozenset[str] = frozenset()
    #: Props the core does not read (the SDK's own), rendered back as they came.
    other: Mapping[str, Any] = field(default_factory=dict)
    # What the core asks of every campaign, found once when it is parsed (attributes: reading
    # them calls nothing).
    #: The fields a preview does not know yet (wholly or in part).
    unknown: frozenset[str] = field(init=False, repr=False, compare=False)
    #: The customers, when given as a list (not unknown, not malformed).
    customer_list: CustomerList | None = field(init=False, repr=False, compare=False)
    #: The schedule plan, when it is an object.
    schedule: Mapping[str, Any] | None = field(init=False, repr=False, compare=False)

    def __repr__(self) -> str:
        """The resource and which fields were given, never their values: the customers and the
        calls are personal data, and a repr ends up in logs and tracebacks."""
        return f"Campaign({self.resource_name!r}, given={sorted(self.given)})"

    def __post_init__(self) -> None:
        unknown = frozenset(k for k in self.given if is_unknown(getattr(self, k)))
        listed = self.customers if isinstance(self.customers, CustomerList) else None
        plan = self.schedule_plan if isinstance(self.schedule_plan, Mapping) else None
        for name, value in (("unknown", unknown), ("customer_list", listed), ("schedule", plan)):
            object.__setattr__(self, name, value)  # frozen: set once, here

    @classmethod
    def from_props(
        cls, props: Mapping[str, Any], known: Mapping[str, CustomerList] | None = None
    ) -> Campaign:
        """From the dynamic provider's props; ``known``: lists already made of blobs (a run
        keeps them). A customers value that is no blob stays as given: check says what it is."""
        values = {k: v for k, v in props.items() if k in _ATTRIBUTES}
        blob = values.get("customers")
        if isinstance(blob, str):
            found = known.get(blob) if known else None
            values["customers"] = found if found is not None else CustomerList(blob)
        other = {k: v for k, v in props.items() if k not in values}
        return cls(**values, given=frozenset(values), other=other)

    def to_props(self) -> dict[str, Any]:
        """The dynamic provider's props: the customers as the blob."""
        props = {k: getattr(self, k) for k in self.given}
        if isinstance(self.customers, CustomerList):
            props["customers"] = self.customers.blob
        return {**props, **self.other}

    @classmethod
    def from_native(
        cls, properties: Mapping[str, Any], resource: str | None, **resolved: Any
    ) -> Campaign:
        """From the plugin's properties (the API's names); ``resolved``: what the door made of
        the customers (``customers``, ``customer_count``, a file's ``customers_file_digest``
        and ``customers_source``) and any mark of the state (``deleted_outside_pulumi``)."""
        values = {_NATIVE[k]: v for k, v in properties.items() if k in _NATIVE}
        values.update(resolved)
        if resource is not None:
            values["resource_name"] = resource
        return cls(**values, given=frozenset(values))

    def to_native(self) -> dict[str, Any]:
        """The plugin's properties (the API's names) of every field given but the customers,
        whose wire form (the program's list or file, the recorded blob) is the door's."""
        return {_API[k]: getattr(self, k) for k in self.given if k in _API and k != "customers"}

    @classmethod
    def of(cls, values: Mapping[str, Any]) -> Campaign:
        """From attributes by name (each given)."""
        return cls(**values, given=frozenset(values))

    def merged(self, over: Campaign) -> Campaign:
        """This campaign with what ``over`` gives in its place (``{**self, **over}``)."""
        values = {k: getattr(self, k) for k in self.given}
        values.update({k: getattr(over, k) for k in over.given})
        return Campaign(**values, given=frozenset(values), other={**self.other, **over.other})

    def known(self, name: str) -> bool:
        return name in self.given and name not in self.unknown

    def listed(self) -> CustomerList:
        """The customers; ValueError, saying what they are, when they are no list (left out,
        unknown, not a blob)."""
        if isinstance(self.customers, CustomerList):
            return self.customers
        return CustomerList(self.customers)  # type: ignore[arg-type]  # raises, or a bad blob

    def opt_in(self, name: str) -> bool | str | None:
        """An opt-in (``allow_redial``, ``allow_duplicate``) as the rules read it: true, false,
        a campaign's id, or None (an unknown or ill-typed value allows nothing)."""
        value = getattr(self, name)
        return value if isinstance(value, bool | str) else None

    def declared(self, customers: CustomerList | None = None) -> Declared:
        """What a create sends (every value known), with ``customers`` (default: its own).
        Raises ValueError for a malformed list."""
        customers = customers or self.customer_list
        assert customers is not None, "a create declares its customers"
        props = {k: getattr(self, k) for k in self.given if k != "customers"}
        return Declared.from_props(props, customers)


_ATTRIBUTES = frozenset({*_PROPS, *EXTRAS})
_API = {f.python: f.api for f in FIELDS}
assert {f.name for f in fields(Campaign)} >= _ATTRIBUTES
