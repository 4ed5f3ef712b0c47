"""What the hooks take and give: canonical inputs in, failures, diffs, reads and refusals out.

The campaign crosses the hooks as one typed value,
:class:`~pulumi_cozmox.core.model.campaign.Campaign`: attributes named by the props'
snake_case keys (``name``, ``phone_number_id``, ``schedule_plan``, ``customers``,
``allow_redial``, ..., ``resource_name``), the customers a
:class:`~pulumi_cozmox.core.model.customers.CustomerList`, every value not known yet (at
preview) :data:`UNKNOWN`. Each adapter parses the engine's values into it once (the run's hooks
also take the dynamic provider's props, and parse them there).

What a hook has to tell the person running Pulumi goes to the :class:`Sink` the adapter passes:
reports as data (the adapter prints their lines and their record), notices as text with field
tokens (:mod:`pulumi_cozmox.core.resource.names`) that the adapter renders in its program's
language. Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from pulumi_cozmox.core.model.campaign import Campaign
from pulumi_cozmox.core.model.unknown import UNKNOWN, Unknown, is_unknown
from pulumi_cozmox.core.report.record import CampaignReport

__all__ = [
    "UNKNOWN",
    "Diff",
    "Failure",
    "Missing",
    "Read",
    "Refusal",
    "Sink",
    "Unknown",
    "is_unknown",
    "resource_of",
    "who",
]


class Refusal(Exception):
    """The change must not happen: the message names the resource, what would happen and the
    way out (with field tokens)."""


class Missing(Refusal):
    """The campaign a program names by id does not exist (an import)."""


@dataclass(frozen=True)
class Failure:
    """A check failure: ``path`` in the API's terms (``schedulePlan.latestAt``; "" for the
    whole campaign), ``reason`` for the person who wrote the program (with field tokens)."""

    path: str
    reason: str


@dataclass(frozen=True)
class Diff:
    """What moving a campaign to the new inputs takes."""

    changes: bool
    replaces: tuple[str, ...] = ()
    """Inputs (snake_case) whose change needs a new campaign (deleted first, always)."""
    changed: tuple[str, ...] = ()
    """Every changed input (snake_case)."""
    paths: Mapping[str, str] = field(default_factory=dict)
    """Changed paths in the API's terms (``schedulePlan.latestAt``, ``customers``) -> ``update``
    or ``replace``: what a detailed diff shows (customers never below their own path)."""


@dataclass(frozen=True)
class Read:
    """A campaign read back (refresh, import): its id, outputs and the inputs they mean."""

    id: str
    outputs: dict[str, Any]
    inputs: dict[str, Any]


class Sink(Protocol):
    """Where a hook's words for the person running Pulumi go (the adapter shows them)."""

    def report(self, report: CampaignReport) -> None:
        """A campaign's report: its lines and its record."""

    def notice(self, text: str) -> None:
        """One line (``warning: ...`` for a warning), with field tokens."""


def resource_of(props: Campaign | Mapping[str, Any]) -> str:
    """The resource name the campaign carries (older states have none)."""
    name = props.resource_name if isinstance(props, Campaign) else props.get("resource_name")
    return name if isinstance(name, str) else "campaign"


def who(props: Campaign | Mapping[str, Any], campaign_id: str | None = None) -> str:
    """How messages name a campaign: its resource, and its id when it has one."""
    name = props.resource_name if isinstance(props, Campaign) else props.get("resource_name")
    resource = f'resource "{name}"' if isinstance(name, str) else "this resource"
    return f"campaign {campaign_id} ({resource})" if campaign_id else resource
