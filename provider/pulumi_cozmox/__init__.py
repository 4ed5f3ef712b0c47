"""Cozmox outbound call campaigns for Pulumi: the Python resource (a dynamic provider) and the
native plugin ``pulumi-resource-cozmox``.

The public API is this module's ``__all__``: what a Pulumi program uses. The rest is internal:
the modules whose name starts with ``_``, and the subpackages ``core`` (the Campaign logic),
``client`` (the API client), ``apps`` (the command line), ``native`` (the plugin) and
``emulator`` (the local API, an extra). ``pulumi_cozmox.provider`` keeps its name and place:
its path is recorded in every stack's state (the SDK pickles the provider by reference).
``pulumi_cozmox.types`` (generated) holds the typed dicts of every nested argument; the ones
programs use most are exported here too. Names load on first use, so the emulator and the
command line do not pay for importing the Pulumi SDK.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from pulumi_cozmox._version import __version__

if TYPE_CHECKING:
    from pulumi_cozmox._files import CustomersFileError, read_customers
    from pulumi_cozmox._resource import Campaign, CampaignArgs
    from pulumi_cozmox.client.errors import (
        ApiError,
        BadRequest,
        ConfigurationError,
        Conflict,
        CozmoxError,
        NotFound,
        OutcomeUnknown,
        RateLimited,
        ServerError,
        TransportError,
        Unauthorized,
    )
    from pulumi_cozmox.core.model.customers import decode_customers
    from pulumi_cozmox.core.rules.validation import Problem, validate_campaign, validate_update
    from pulumi_cozmox.types import AssistantOverrides, Customer, SchedulePlan

_HOME: dict[str, str] = {
    "Campaign": "_resource",
    "CampaignArgs": "_resource",
    "AssistantOverrides": "types",
    "Customer": "types",
    "SchedulePlan": "types",
    "decode_customers": "core.model.customers",
    "read_customers": "_files",
    "CustomersFileError": "_files",
    "Problem": "core.rules.validation",
    "validate_campaign": "core.rules.validation",
    "validate_update": "core.rules.validation",
    **dict.fromkeys(
        (
            "ApiError",
            "BadRequest",
            "ConfigurationError",
            "Conflict",
            "CozmoxError",
            "NotFound",
            "OutcomeUnknown",
            "RateLimited",
            "ServerError",
            "TransportError",
            "Unauthorized",
        ),
        "client.errors",
    ),
}

__all__ = [
    "ApiError",
    "AssistantOverrides",
    "BadRequest",
    "Campaign",
    "CampaignArgs",
    "ConfigurationError",
    "Conflict",
    "CozmoxError",
    "Customer",
    "CustomersFileError",
    "NotFound",
    "OutcomeUnknown",
    "Problem",
    "RateLimited",
    "SchedulePlan",
    "ServerError",
    "TransportError",
    "Unauthorized",
    "__version__",
    "decode_customers",
    "read_customers",
    "validate_campaign",
    "validate_update",
]


def __getattr__(name: str) -> Any:
    if name in _HOME:
        return getattr(importlib.import_module(f"pulumi_cozmox.{_HOME[name]}"), name)
    raise AttributeError(f"module 'pulumi_cozmox' has no attribute {name!r}")
