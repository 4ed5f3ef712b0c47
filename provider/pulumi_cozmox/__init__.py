"""Pulumi dynamic provider for Cozmox outbound call campaigns.

The public API is this module's ``__all__``. Names load on first use, so the emulator and the
command line do not pay for importing the Pulumi SDK.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from pulumi_cozmox.client import CozmoxClient
    from pulumi_cozmox.errors import ApiError, ConfigurationError, CozmoxError, NotFound
    from pulumi_cozmox.provider import CampaignProvider
    from pulumi_cozmox.resource import Campaign, CampaignArgs, Customer, SchedulePlan
    from pulumi_cozmox.validation import Problem, validate_campaign

_HOME: dict[str, str] = {
    "Campaign": "resource",
    "CampaignArgs": "resource",
    "Customer": "resource",
    "SchedulePlan": "resource",
    "CampaignProvider": "provider",
    "CozmoxClient": "client",
    "CozmoxError": "errors",
    "ApiError": "errors",
    "ConfigurationError": "errors",
    "NotFound": "errors",
    "Problem": "validation",
    "validate_campaign": "validation",
}

__all__ = [
    "ApiError",
    "Campaign",
    "CampaignArgs",
    "CampaignProvider",
    "ConfigurationError",
    "CozmoxClient",
    "CozmoxError",
    "Customer",
    "NotFound",
    "Problem",
    "SchedulePlan",
    "__version__",
    "validate_campaign",
]


def __getattr__(name: str) -> Any:
    if name in _HOME:
        return getattr(importlib.import_module(f"pulumi_cozmox.{_HOME[name]}"), name)
    raise AttributeError(f"module 'pulumi_cozmox' has no attribute {name!r}")
