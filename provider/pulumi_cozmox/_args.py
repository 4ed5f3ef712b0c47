"""The Campaign resource's arguments and outputs: generated from the field table
(``pulumi_cozmox.core.resource.fields.FIELDS``) by ``make schema``; do not edit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypedDict

import pulumi

from pulumi_cozmox._keywords import checked_keywords

if TYPE_CHECKING:  # the generated types module is big: only type checkers read it here
    from pulumi_cozmox.types import Customer, SchedulePlan

__all__ = ["CampaignArgs", "CampaignKwargs", "CampaignOutputs"]


@checked_keywords  # a typo is one line (did you mean ...?), not a TypeError
@dataclass(kw_only=True)
class CampaignArgs:
    """The arguments of a Campaign; nested objects use the API's own JSON keys."""

    #: The campaign's name.
    name: pulumi.Input[str]
    #: The phone number the calls are placed from.
    phone_number_id: pulumi.Input[str]
    #: The people to call (the API's `CreateCustomerDTO` each: `number` or `sipUri`, `name`,
    #: `email`, `assistantOverrides`, ...). A secret: personal data.
    customers: pulumi.Input[Sequence[Customer]]
    #: The assistant that makes the calls (or workflow_id, not both).
    assistant_id: pulumi.Input[str] | None = None
    #: The workflow that makes the calls (or assistant_id, not both).
    workflow_id: pulumi.Input[str] | None = None
    #: When the campaign may call: `earliestAt` (dialing starts then, or at once when it is
    #: past or absent) and `latestAt` (no call after it), ISO 8601 instants.
    schedule_plan: pulumi.Input[SchedulePlan] | None = None
    #: Allows the one change that re-creates this campaign after it has dialed (its customers
    #: are called again): the campaign's id, as a refusal names it; true allows every such
    #: change.
    allow_redial: bool | str = False
    #: Allows creating a campaign identical to an existing one (same customers, schedule, phone
    #: number, assistant or workflow): that campaign's id; true allows any. They are called
    #: twice.
    allow_duplicate: bool | str = False
    #: Allows a window that calls people outside calling hours (08:00-21:00 their local time,
    #: or the calling policy's rule for their region).
    allow_outside_calling_hours: bool = False
    #: Deletes the campaign's record in the API when the resource is removed (from the program,
    #: by `pulumi destroy` or by a replacement), even after it has dialed. By default a
    #: campaign that has dialed is ended if it still dials and kept in the API (its calls stay
    #: in the org's history, which the call limit counts), only forgotten by Pulumi; one that
    #: never dialed is deleted. Takes effect once an `up` has recorded it.
    delete_record_on_remove: bool = False
    #: Takes over this existing campaign when the resource is created (a GET, and a PATCH of
    #: what differs), instead of creating one.
    adopt_id: pulumi.Input[str] | None = None
    #: Stops the campaign (one PATCH): calls not yet placed never are, calls in progress
    #: finish. Refused on a campaign that does not exist yet.
    ended: bool = False


class CampaignKwargs(TypedDict, total=False):
    """``Campaign(name, **kwargs)``: the arguments as keywords."""

    #: The campaign's name.
    name: pulumi.Input[str]
    #: The phone number the calls are placed from.
    phone_number_id: pulumi.Input[str]
    #: The people to call (the API's `CreateCustomerDTO` each: `number` or `sipUri`, `name`,
    #: `email`, `assistantOverrides`, ...). A secret: personal data.
    customers: pulumi.Input[Sequence[Customer]]
    #: The assistant that makes the calls (or workflow_id, not both).
    assistant_id: pulumi.Input[str] | None
    #: The workflow that makes the calls (or assistant_id, not both).
    workflow_id: pulumi.Input[str] | None
    #: When the campaign may call: `earliestAt` (dialing starts then, or at once when it is
    #: past or absent) and `latestAt` (no call after it), ISO 8601 instants.
    schedule_plan: pulumi.Input[SchedulePlan] | None
    #: Allows the one change that re-creates this campaign after it has dialed (its customers
    #: are called again): the campaign's id, as a refusal names it; true allows every such
    #: change.
    allow_redial: bool | str
    #: Allows creating a campaign identical to an existing one (same customers, schedule, phone
    #: number, assistant or workflow): that campaign's id; true allows any. They are called
    #: twice.
    allow_duplicate: bool | str
    #: Allows a window that calls people outside calling hours (08:00-21:00 their local time,
    #: or the calling policy's rule for their region).
    allow_outside_calling_hours: bool
    #: Deletes the campaign's record in the API when the resource is removed (from the program,
    #: by `pulumi destroy` or by a replacement), even after it has dialed. By default a
    #: campaign that has dialed is ended if it still dials and kept in the API (its calls stay
    #: in the org's history, which the call limit counts), only forgotten by Pulumi; one that
    #: never dialed is deleted. Takes effect once an `up` has recorded it.
    delete_record_on_remove: bool
    #: Takes over this existing campaign when the resource is created (a GET, and a PATCH of
    #: what differs), instead of creating one.
    adopt_id: pulumi.Input[str] | None
    #: Stops the campaign (one PATCH): calls not yet placed never are, calls in progress
    #: finish. Refused on a campaign that does not exist yet.
    ended: bool


class CampaignOutputs:
    """The output attributes of a Campaign (its inputs, and what the API sets)."""

    #: The campaign's name.
    name: pulumi.Output[str]
    #: The phone number the calls are placed from.
    phone_number_id: pulumi.Output[str]
    #: The assistant that makes the calls (or workflow_id, not both).
    assistant_id: pulumi.Output[str | None]
    #: The workflow that makes the calls (or assistant_id, not both).
    workflow_id: pulumi.Output[str | None]
    #: When the campaign may call: `earliestAt` (dialing starts then, or at once when it is
    #: past or absent) and `latestAt` (no call after it), ISO 8601 instants.
    schedule_plan: pulumi.Output[Mapping[str, Any] | None]
    #: The people to call (the API's `CreateCustomerDTO` each: `number` or `sipUri`, `name`,
    #: `email`, `assistantOverrides`, ...). A secret: personal data.
    customers: pulumi.Output[str]
    #: How many customers the campaign calls (known at preview).
    customer_count: pulumi.Output[int | None]
    #: Allows the one change that re-creates this campaign after it has dialed (its customers
    #: are called again): the campaign's id, as a refusal names it; true allows every such
    #: change.
    allow_redial: pulumi.Output[bool | str | None]
    #: Allows creating a campaign identical to an existing one (same customers, schedule, phone
    #: number, assistant or workflow): that campaign's id; true allows any. They are called
    #: twice.
    allow_duplicate: pulumi.Output[bool | str | None]
    #: Allows a window that calls people outside calling hours (08:00-21:00 their local time,
    #: or the calling policy's rule for their region).
    allow_outside_calling_hours: pulumi.Output[bool | None]
    #: Deletes the campaign's record in the API when the resource is removed (from the program,
    #: by `pulumi destroy` or by a replacement), even after it has dialed. By default a
    #: campaign that has dialed is ended if it still dials and kept in the API (its calls stay
    #: in the org's history, which the call limit counts), only forgotten by Pulumi; one that
    #: never dialed is deleted. Takes effect once an `up` has recorded it.
    delete_record_on_remove: pulumi.Output[bool | None]
    #: Takes over this existing campaign when the resource is created (a GET, and a PATCH of
    #: what differs), instead of creating one.
    adopt_id: pulumi.Output[str | None]
    #: Stops the campaign (one PATCH): calls not yet placed never are, calls in progress
    #: finish. Refused on a campaign that does not exist yet.
    ended: pulumi.Output[bool | None]
    #: scheduled, in-progress or ended.
    status: pulumi.Output[str]
    #: Why the campaign ended.
    ended_reason: pulumi.Output[str]
    #: The org the campaign belongs to.
    org_id: pulumi.Output[str]
    #: When the campaign was created.
    created_at: pulumi.Output[str]
    #: When it was last changed.
    updated_at: pulumi.Output[str]
    #: The calls placed so far, by call id.
    calls: pulumi.Output[Mapping[str, Any]]
    #: Calls scheduled.
    calls_counter_scheduled: pulumi.Output[int]
    #: Calls queued.
    calls_counter_queued: pulumi.Output[int]
    #: Calls in progress.
    calls_counter_in_progress: pulumi.Output[int]
    #: Calls that ended in a voicemail.
    calls_counter_ended_voicemail: pulumi.Output[int]
    #: Calls that ended.
    calls_counter_ended: pulumi.Output[int]
