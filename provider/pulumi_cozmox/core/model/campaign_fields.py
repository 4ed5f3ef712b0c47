"""The typed attributes of the core's campaign value: generated from the field table
(``pulumi_cozmox.core.resource.fields.FIELDS``) by ``make schema``; do not edit.

Each attribute is a field's ``python`` name; its value is None when the program left it
out, :data:`~pulumi_cozmox.core.model.unknown.UNKNOWN` while a preview does not know it.
Parsing and rendering are :class:`pulumi_cozmox.core.model.campaign.Campaign`'s.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pulumi_cozmox.core.model.customers import CustomerList
from pulumi_cozmox.core.model.unknown import Unknown

__all__ = ["CampaignFields"]


@dataclass(frozen=True, kw_only=True)
class CampaignFields:
    """One attribute per field of the Campaign resource (inputs, then outputs)."""

    #: The campaign's name.
    name: str | Unknown | None = None
    #: The phone number the calls are placed from.
    phone_number_id: str | Unknown | None = None
    #: The assistant that makes the calls (or workflow_id, not both).
    assistant_id: str | Unknown | None = None
    #: The workflow that makes the calls (or assistant_id, not both).
    workflow_id: str | Unknown | None = None
    #: When the campaign may call: `earliestAt` (dialing starts then, or at once when it is
    #: past or absent) and `latestAt` (no call after it), ISO 8601 instants.
    schedule_plan: Mapping[str, Any] | Unknown | None = None
    #: The people to call (the API's `CreateCustomerDTO` each: `number` or `sipUri`, `name`,
    #: `email`, `assistantOverrides`, ...). A secret: personal data.
    customers: CustomerList | Unknown | None = None
    #: A file of the customers instead of customers: a CSV (one customer a row) or a JSON list,
    #: plain or encrypted with SOPS, relative to the project. Its contents count: a changed
    #: list is a new campaign.
    customers_file: str | Unknown | None = None
    #: How many customers the campaign calls (known at preview).
    customer_count: int | Unknown | None = None
    #: Allows the one change that re-creates this campaign after it has dialed (its customers
    #: are called again): the campaign's id, as a refusal names it; true allows every such
    #: change.
    allow_redial: bool | str | Unknown | None = None
    #: Allows creating a campaign identical to an existing one (same customers, schedule, phone
    #: number, assistant or workflow): that campaign's id; true allows any. They are called
    #: twice.
    allow_duplicate: bool | str | Unknown | None = None
    #: Allows a window that calls people outside calling hours (08:00-21:00 their local time,
    #: or the calling policy's rule for their region).
    allow_outside_calling_hours: bool | Unknown | None = None
    #: Deletes the campaign's record in the API when the resource is removed (from the program,
    #: by `pulumi destroy` or by a replacement), even after it has dialed. By default a
    #: campaign that has dialed is ended if it still dials and kept in the API (its calls stay
    #: in the org's history, which the call limit counts), only forgotten by Pulumi; one that
    #: never dialed is deleted. Takes effect once an `up` has recorded it.
    delete_record_on_remove: bool | Unknown | None = None
    #: Takes over this existing campaign when the resource is created (a GET, and a PATCH of
    #: what differs), instead of creating one.
    adopt_id: str | Unknown | None = None
    #: Stops the campaign (one PATCH): calls not yet placed never are, calls in progress
    #: finish. Refused on a campaign that does not exist yet.
    ended: bool | Unknown | None = None
    #: scheduled, in-progress or ended.
    status: str | Unknown | None = None
    #: Why the campaign ended.
    ended_reason: str | Unknown | None = None
    #: The org the campaign belongs to.
    org_id: str | Unknown | None = None
    #: When the campaign was created.
    created_at: str | Unknown | None = None
    #: When it was last changed.
    updated_at: str | Unknown | None = None
    #: The calls placed so far, by call id.
    calls: Mapping[str, Any] | Unknown | None = None
    #: Calls scheduled.
    calls_counter_scheduled: int | Unknown | None = None
    #: Calls queued.
    calls_counter_queued: int | Unknown | None = None
    #: Calls in progress.
    calls_counter_in_progress: int | Unknown | None = None
    #: Calls that ended in a voicemail.
    calls_counter_ended_voicemail: int | Unknown | None = None
    #: Calls that ended.
    calls_counter_ended: int | Unknown | None = None
