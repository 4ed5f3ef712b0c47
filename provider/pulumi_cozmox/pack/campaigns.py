"""A Campaign as a policy sees it, from either door, as one value the pack's rules judge.

A policy is shown every resource of a stack: the pack picks the campaigns, of both doors:

- the native plugin's ``cozmox:index:Campaign``: camelCase properties; the customers as a list
  (``customers``), a file (``customersFile``, relative to the project: read here, SOPS
  included, with the provider's reader), or in a stack's outputs the blob (``customersBlob``);
- the dynamic provider's ``pulumi-python:dynamic/cozmox:Campaign`` (the type the Campaign class
  gives itself), and a ``pulumi-python:dynamic:Resource`` (a program of an SDK that gave
  dynamic resources no type of their own) whose pickled provider (``__provider``) names this
  package's: snake_case properties, the customers as the blob. The pickle is looked into as
  bytes, never loaded: a policy must not run code a stack's state carries.

Values a preview does not know yet arrive as the core's ``UNKNOWN``: a campaign whose customers
or schedule are unknown is not judged on them (``up`` runs the policies again with them known).
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pulumi_cozmox._json import gc_paused
from pulumi_cozmox.core.engine.customers_io import open_customers_file
from pulumi_cozmox.core.engine.outcome import is_unknown
from pulumi_cozmox.core.model.campaign import Campaign
from pulumi_cozmox.core.model.customers import CustomerList, encode_customers
from pulumi_cozmox.core.model.customers_file import (
    SOURCE_KEY,
    CustomersFileError,
    CustomersSource,
    source_of,
)
from pulumi_cozmox.core.resource.fields import NATIVE_TYPE, Field, by_api

__all__ = ["DYNAMIC_TYPES", "PackCampaign", "campaign_of", "is_ours"]

#: The dynamic provider's resource types: the Campaign's own, and every dynamic resource's of
#: SDKs that gave them no type of their own.
DYNAMIC_TYPES = ("pulumi-python:dynamic/cozmox:Campaign", "pulumi-python:dynamic:Resource")
#: The module a pickled provider of this package names (its class pickles by reference).
PROVIDER_MODULE = b"pulumi_cozmox.provider"
#: The opt-ins a campaign can leave standing, by their API names.
OPT_INS: tuple[Field, ...] = tuple(
    f
    for f in map(by_api, ("allowOutsideCallingHours", "allowRedial", "allowDuplicate"))
    if f is not None
)


@dataclass(frozen=True)
class PackCampaign:
    """One campaign of a stack, as the pack's rules need it."""

    resource: str
    """The resource's name (messages name it)."""
    door: str
    """``python`` (the dynamic provider) or ``native``: how messages spell fields."""
    schedule_plan: Any
    customers: CustomerList | None
    """None when not known yet, or not given."""
    source: CustomersSource | None = None
    """Where the customers are in their file, for messages (None: named by path)."""
    ended: bool = False
    opt_ins: tuple[str, ...] = ()
    """The standing opt-ins it sets (API names), each true or an id."""
    created_at: str | None = None
    """An existing campaign's ``createdAt`` (a stack's outputs), else None."""
    name: Any = None
    """The campaign's name, and the phone number it calls from (its record's, when a preview
    does not show its outputs)."""
    phone_number_id: Any = None
    schedule_known: bool = True
    problem: str | None = None
    """Why its customers cannot be read (a customers file), else None."""

    def opted(self, api: str) -> bool:
        return api in self.opt_ins


def is_ours(resource_type: str, props: Mapping[str, Any]) -> bool:
    """Whether a resource is a Campaign of this package, of either door. The dynamic
    Campaign's own type names it (SDK 3.272 shows policies no ``__provider``); a resource of
    the generic dynamic type is ours when its pickled provider names this package's module."""
    if resource_type == NATIVE_TYPE:
        return True
    if resource_type not in DYNAMIC_TYPES:
        return False
    pickled = props.get("__provider")
    if pickled is None:
        return resource_type == DYNAMIC_TYPES[0]
    if not isinstance(pickled, str):
        return False
    try:
        return PROVIDER_MODULE in base64.b64decode(pickled, validate=True)
    except (binascii.Error, ValueError):
        return False


def campaign_of(
    resource_type: str, name: str, props: Mapping[str, Any], project_dir: Path
) -> PackCampaign | None:
    """The campaign a resource declares (None when it is no Campaign of this package).
    ``project_dir``: where a ``customersFile`` is relative to (the stack's project)."""
    if not is_ours(resource_type, props):
        return None
    door = "native" if resource_type == NATIVE_TYPE else "python"
    # The fields by the door's names, as the core's value parses them (the customers apart).
    value = Campaign.from_native(props, name) if door == "native" else Campaign.from_props(props)
    customers, source, problem = _customers(door, props, project_dir)
    opt_ins = tuple(
        field.api
        for field in OPT_INS
        if (flag := getattr(value, field.python)) is True
        or (isinstance(flag, str) and not is_unknown(flag))
    )
    schedule = value.schedule_plan
    created = value.created_at
    return PackCampaign(
        resource=name,
        door=door,
        schedule_plan=None if is_unknown(schedule) else schedule,
        customers=customers,
        source=source,
        ended=value.ended is True,
        opt_ins=opt_ins,
        created_at=created if isinstance(created, str) else None,
        name=value.name,
        phone_number_id=value.phone_number_id,
        schedule_known=not is_unknown(schedule),
        problem=problem,
    )


def _customers(
    door: str, props: Mapping[str, Any], project_dir: Path
) -> tuple[CustomerList | None, CustomersSource | None, str | None]:
    """(the customers, where they are in a file, why they cannot be read)."""
    given = props.get("customers")
    if is_unknown(given):
        return None, None, None
    if door == "python":
        if not isinstance(given, str):
            return None, None, None
        customers = CustomerList(given)
        count = _count(customers)
        return customers, source_of(props.get(SOURCE_KEY), count), None
    if isinstance(given, list):
        return CustomerList(encode_customers(given)), None, None
    blob = props.get("customersBlob")
    if isinstance(blob, str):
        return CustomerList(blob), None, None
    shown = props.get("customersFile")
    if not isinstance(shown, str):
        return None, None, None
    try:
        file = open_customers_file(project_dir / shown, shown)  # SOPS decrypted in memory
        with gc_paused():  # the pack's one pause: 10,000 customers, ~400 MB of small objects
            listed = file.located()
    except CustomersFileError as exc:
        return None, None, str(exc)
    return CustomerList(encode_customers(list(listed))), listed.source, None


def _count(customers: CustomerList) -> int | None:
    try:
        return len(customers)
    except ValueError:
        return None
