"""The Campaign resource's fields, written once: everything else is derived from :data:`FIELDS`.

Each :class:`Field` says how a program names it (``api``: the API's key, which is also the
property of YAML and TypeScript programs; ``python``: the Python argument and the key of the
dynamic provider's props), its type, what changing it does to a campaign (:class:`Effect`),
whether it is a secret or an output, and what it means. Derived from this table:

- the plan (what a change takes: :mod:`pulumi_cozmox.core.plan.change`) and the POST body;
- the Python resource's arguments and outputs (``pulumi_cozmox._resource``; a test holds them
  to this table), the native plugin's package schema (``make schema``), the field tables of
  ``docs/campaign.md``;
- the names in messages: the core writes field tokens (:mod:`.names`) that each door renders in
  its program's language.

Pure: no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any

__all__ = [
    "CUSTOMERS_FILE",
    "DELETED",
    "ENDED",
    "FIELDS",
    "INPUT_KEYS",
    "INPUT_TO_API",
    "LIVE_STATUSES",
    "NATIVE_TYPE",
    "OUTPUT_TO_API",
    "PATCHABLE",
    "RESTRICTED",
    "STATE_ONLY",
    "UNCOMPARED",
    "Effect",
    "Field",
    "by_api",
    "by_python",
    "python_name",
    "count_of",
]


class Effect(str, Enum):
    """What changing a field's value does to the campaign."""

    PATCH = "one PATCH, in any status"
    PATCH_SCHEDULED = "one PATCH while the campaign is scheduled; refused once it has dialed"
    REPLACE = (
        "a new campaign: the old one is removed first (deleted; ended and kept in the API once it "
        "has dialed); its customers are called anew"
    )
    END = "true ends the campaign (one PATCH); back to false would need a new campaign"
    STATE = "recorded only: no request"
    CREATE_ONLY = "used when the resource is created; never compared"
    OUTPUT = "set by the API (an output)"


#: Which programs a field belongs to.
BOTH = ("python", "native")


@dataclass(frozen=True)
class Field:
    """One field of the Campaign resource."""

    api: str
    """The API's key; also the property's name in YAML and TypeScript programs."""
    python: str
    """The Python argument (and output attribute); the key in the dynamic provider's props."""
    type: str
    """``string``, ``integer``, ``boolean``, ``object``, ``boolean|string``, ``customers``."""
    change: Effect
    description: str
    """What it is, for the person writing the program (with field tokens: see :mod:`.names`)."""
    secret: bool = False
    required: bool = False
    sent: bool = False
    """Part of the campaign the API is sent (``CreateCampaignDTO``)."""
    doors: tuple[str, ...] = BOTH
    """The programs that declare it: ``python`` (the dynamic provider), ``native``."""

    @property
    def is_input(self) -> bool:
        return self.change is not Effect.OUTPUT

    def name(self, door: str) -> str:
        """How a program of ``door`` spells it (``schedule_plan`` or ``schedulePlan``)."""
        return self.python if door == "python" else self.api


_SCHEDULE = (
    "When the campaign may call: `earliestAt` (dialing starts then, or at once when it is "
    "past or absent) and `latestAt` (no call after it), ISO 8601 instants."
)
_CUSTOMERS = (
    "The people to call (the API's `CreateCustomerDTO` each: `number` or `sipUri`, `name`, "
    "`email`, `assistantOverrides`, ...). A secret: personal data."
)

FIELDS: tuple[Field, ...] = (
    Field("name", "name", "string", Effect.PATCH, "The campaign's name.", required=True, sent=True),
    Field(
        "phoneNumberId",
        "phone_number_id",
        "string",
        Effect.PATCH_SCHEDULED,
        "The phone number the calls are placed from.",
        required=True,
        sent=True,
    ),
    Field(
        "assistantId",
        "assistant_id",
        "string",
        Effect.PATCH_SCHEDULED,
        "The assistant that makes the calls (or ⟦field:workflowId⟧, not both).",
        sent=True,
    ),
    Field(
        "workflowId",
        "workflow_id",
        "string",
        Effect.PATCH_SCHEDULED,
        "The workflow that makes the calls (or ⟦field:assistantId⟧, not both).",
        sent=True,
    ),
    Field("schedulePlan", "schedule_plan", "object", Effect.PATCH_SCHEDULED, _SCHEDULE, sent=True),
    Field(
        "customers",
        "customers",
        "customers",
        Effect.REPLACE,
        _CUSTOMERS,
        secret=True,
        required=True,
        sent=True,
    ),
    Field(
        "customersFile",
        "customers_file",
        "string",
        Effect.REPLACE,
        "A file of the customers instead of ⟦field:customers⟧: a CSV (one customer a row) or a "
        "JSON list, plain or encrypted with SOPS, relative to the project. Its contents count: "
        "a changed list is a new campaign.",
        doors=("native",),
    ),
    Field(
        "customerCount",
        "customer_count",
        "integer",
        Effect.STATE,
        "How many customers the campaign calls (known at preview).",
    ),
    Field(
        "allowRedial",
        "allow_redial",
        "boolean|string",
        Effect.STATE,
        "Allows the one change that re-creates this campaign after it has dialed (its "
        "customers are called again): the campaign's id, as a refusal names it; true allows "
        "every such change.",
    ),
    Field(
        "allowDuplicate",
        "allow_duplicate",
        "boolean|string",
        Effect.STATE,
        "Allows creating a campaign identical to an existing one (same customers, schedule, "
        "phone number, assistant or workflow): that campaign's id; true allows any. They are "
        "called twice.",
    ),
    Field(
        "allowOutsideCallingHours",
        "allow_outside_calling_hours",
        "boolean",
        Effect.STATE,
        "Allows a window that calls people outside calling hours (08:00-21:00 their local "
        "time, or the calling policy's rule for their region).",
    ),
    Field(
        "deleteRecordOnRemove",
        "delete_record_on_remove",
        "boolean",
        Effect.STATE,
        "Deletes the campaign's record in the API when the resource is removed (from the "
        "program, by `pulumi destroy` or by a replacement), even after it has dialed. By "
        "default a campaign that has dialed is ended if it still dials and kept in the API (its "
        "calls stay in the org's history, which the call limit counts), only forgotten by "
        "Pulumi; one that never dialed is deleted. Takes effect once an `up` has recorded it.",
    ),
    Field(
        "adoptId",
        "adopt_id",
        "string",
        Effect.CREATE_ONLY,
        "Takes over this existing campaign when the resource is created (a GET, and a PATCH of "
        "what differs), instead of creating one.",
    ),
    Field(
        "ended",
        "ended",
        "boolean",
        Effect.END,
        "Stops the campaign (one PATCH): calls not yet placed never are, calls in progress "
        "finish. Refused on a campaign that does not exist yet.",
    ),
    Field("status", "status", "string", Effect.OUTPUT, "scheduled, in-progress or ended."),
    Field("endedReason", "ended_reason", "string", Effect.OUTPUT, "Why the campaign ended."),
    Field("orgId", "org_id", "string", Effect.OUTPUT, "The org the campaign belongs to."),
    Field("createdAt", "created_at", "string", Effect.OUTPUT, "When the campaign was created."),
    Field("updatedAt", "updated_at", "string", Effect.OUTPUT, "When it was last changed."),
    Field("calls", "calls", "object", Effect.OUTPUT, "The calls placed so far, by call id."),
    Field(
        "callsCounterScheduled",
        "calls_counter_scheduled",
        "integer",
        Effect.OUTPUT,
        "Calls scheduled.",
    ),
    Field("callsCounterQueued", "calls_counter_queued", "integer", Effect.OUTPUT, "Calls queued."),
    Field(
        "callsCounterInProgress",
        "calls_counter_in_progress",
        "integer",
        Effect.OUTPUT,
        "Calls in progress.",
    ),
    Field(
        "callsCounterEndedVoicemail",
        "calls_counter_ended_voicemail",
        "integer",
        Effect.OUTPUT,
        "Calls that ended in a voicemail.",
    ),
    Field(
        "callsCounterEnded", "calls_counter_ended", "integer", Effect.OUTPUT, "Calls that ended."
    ),
)

_BY_API = {f.api: f for f in FIELDS}
_BY_PYTHON = {f.python: f for f in FIELDS}


def by_api(name: str) -> Field | None:
    return _BY_API.get(name)


def by_python(name: str) -> Field | None:
    return _BY_PYTHON.get(name)


def python_name(api: str) -> str:
    """A property of the plugin's resource as the dynamic provider's props spell it; itself
    when no field of both doors has that name (``customersFile``, the state's ``customersBlob``)."""
    field = _BY_API.get(api)
    return field.python if field is not None and "python" in field.doors else api


#: Input props the API knows, snake_case -> the API's camelCase key (the POST body's fields).
INPUT_TO_API: dict[str, str] = {f.python: f.api for f in FIELDS if f.sent}
#: Input props the provider alone uses: a change only rewrites state.
STATE_ONLY: tuple[str, ...] = tuple(
    f.python for f in FIELDS if f.change is Effect.STATE and "python" in f.doors
)
#: ``ended=True`` stops a campaign; back to False would need a new campaign (a re-dial).
ENDED = "ended"
#: Every compared input prop, in the order plans list them.
INPUT_KEYS: tuple[str, ...] = (*INPUT_TO_API, ENDED, *STATE_ONLY)
#: Props never compared: ``adopt_id`` is used only when the resource is created;
#: ``resource_name`` names the resource in messages (a rename with an alias changes nothing).
UNCOMPARED: tuple[str, ...] = (
    *(f.python for f in FIELDS if f.change is Effect.CREATE_ONLY),
    "resource_name",
)
#: Inputs PATCH (UpdateCampaignDTO) can change.
PATCHABLE: tuple[str, ...] = tuple(
    f.python for f in FIELDS if f.change in (Effect.PATCH, Effect.PATCH_SCHEDULED)
)
#: Patchable inputs the API changes only while the campaign is ``scheduled``.
RESTRICTED: tuple[str, ...] = tuple(f.python for f in FIELDS if f.change is Effect.PATCH_SCHEDULED)
#: Server-managed outputs, snake_case -> the API's key. Never compared.
OUTPUT_TO_API: dict[str, str] = {f.python: f.api for f in FIELDS if f.change is Effect.OUTPUT}
#: The native resource's property of a customers file.
CUSTOMERS_FILE = "customersFile"

#: The status the provider records for a campaign that had dialed and was then deleted
#: outside Pulumi (the API has no such status): re-creating it would call everyone again.
DELETED = "deleted"
#: Statuses in which calls have been placed: a replacement would place them again.
LIVE_STATUSES: tuple[str, ...] = ("in-progress", "ended", DELETED)
#: The native plugin's resource type (the dynamic provider's is the SDK's).
NATIVE_TYPE = "cozmox:index:Campaign"


def count_of(value: Any) -> int | None:
    """A whole number from props (numbers cross the engine as floats: 3.0 is 3), else None."""
    whole = isinstance(value, int | float) and not isinstance(value, bool)
    return int(value) if whole and float(value).is_integer() else None
