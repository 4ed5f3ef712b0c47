"""The Campaign's fields: which inputs the API knows, which it can PATCH, which are outputs.

Props are dicts with snake_case top-level keys, as the resource passes them. Pure: no I/O.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "API_TO_INPUT",
    "count_of",
    "DELETED",
    "ENDED",
    "UNCOMPARED",
    "INPUT_KEYS",
    "INPUT_TO_API",
    "LIVE_STATUSES",
    "NATIVE_TYPE",
    "OUTPUT_TO_API",
    "PATCHABLE",
    "PROPERTY_NAMES",
    "RESTRICTED",
    "STATE_ONLY",
]

#: Input props the API knows, snake_case -> the API's camelCase key.
INPUT_TO_API: dict[str, str] = {
    "name": "name",
    "phone_number_id": "phoneNumberId",
    "assistant_id": "assistantId",
    "workflow_id": "workflowId",
    "schedule_plan": "schedulePlan",
    "customers": "customers",
}

#: The API's camelCase key -> the input prop.
API_TO_INPUT: dict[str, str] = {api: key for key, api in INPUT_TO_API.items()}

#: Input props the provider alone uses: a change only rewrites state.
STATE_ONLY: tuple[str, ...] = (
    "customer_count",
    "allow_redial",
    "allow_duplicate",
    "allow_outside_calling_hours",
)

#: ``ended=True`` stops a campaign (PATCH ``{"status": "ended"}``); back to False would need a
#: new campaign (a re-dial).
ENDED = "ended"

#: Every compared input prop, in the order plans list them.
INPUT_KEYS: tuple[str, ...] = (*INPUT_TO_API, ENDED, *STATE_ONLY)

#: Props never compared: ``adopt_id`` is used only when the resource is created;
#: ``resource_name`` names the resource in messages (a rename with an alias changes nothing
#: in the API).
UNCOMPARED: tuple[str, ...] = ("adopt_id", "resource_name")

#: Inputs PATCH (UpdateCampaignDTO) can change.
PATCHABLE: tuple[str, ...] = (
    "name",
    "phone_number_id",
    "assistant_id",
    "workflow_id",
    "schedule_plan",
)

#: Patchable inputs the API changes only while the campaign is ``scheduled``.
RESTRICTED: tuple[str, ...] = tuple(k for k in PATCHABLE if k != "name")

#: The status the provider records for a campaign that had dialed and was then deleted
#: outside Pulumi (the API has no such status): re-creating it would call everyone again.
DELETED = "deleted"

#: Statuses in which calls have been placed: a replacement would place them again.
LIVE_STATUSES: tuple[str, ...] = ("in-progress", "ended", DELETED)

#: Server-managed outputs, snake_case -> the API's key. Never compared by :func:`plan`.
OUTPUT_TO_API: dict[str, str] = {
    "status": "status",
    "ended_reason": "endedReason",
    "org_id": "orgId",
    "created_at": "createdAt",
    "updated_at": "updatedAt",
    "calls": "calls",
    "calls_counter_scheduled": "callsCounterScheduled",
    "calls_counter_queued": "callsCounterQueued",
    "calls_counter_in_progress": "callsCounterInProgress",
    "calls_counter_ended_voicemail": "callsCounterEndedVoicemail",
    "calls_counter_ended": "callsCounterEnded",
}


#: The native plugin's resource type (the dynamic provider's is the SDK's).
NATIVE_TYPE = "cozmox:index:Campaign"

#: The props' snake_case keys -> the native resource's properties: the API's camelCase for
#: the API's fields, the same style for the provider's own.
PROPERTY_NAMES: dict[str, str] = {
    **INPUT_TO_API,
    **OUTPUT_TO_API,
    "allow_redial": "allowRedial",
    "allow_duplicate": "allowDuplicate",
    "allow_outside_calling_hours": "allowOutsideCallingHours",
    "adopt_id": "adoptId",
    ENDED: ENDED,
    "customer_count": "customerCount",
}


def count_of(value: Any) -> int | None:
    """A whole number from props (numbers cross the engine as floats: 3.0 is 3), else None."""
    whole = isinstance(value, int | float) and not isinstance(value, bool)
    return int(value) if whole and float(value).is_integer() else None
