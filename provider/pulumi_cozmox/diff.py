"""Planning a campaign change: what differs, what PATCH can do, what needs a replacement.

Pure: no pulumi import, no I/O, no import of client or validation.

Props are dicts with snake_case top-level keys, as the resource passes them:

- inputs: ``name``, ``phone_number_id``, ``assistant_id``, ``workflow_id``, ``schedule_plan``
  (the API's JSON form ``{"earliestAt": ..., "latestAt": ...}`` or None), ``customers`` (a
  blob from :mod:`pulumi_cozmox.customers`), ``customer_count``, ``allow_redial``,
  ``adopt_id``;
- server outputs (olds only, never compared): :data:`OUTPUT_TO_API`; ``__provider`` and any
  other key are ignored.

How each input changes a campaign:

==================================  ===========================================================
``name``                            PATCH, in any status
``phone_number_id`` ``assistant_id``  PATCH while ``scheduled`` only (:attr:`Plan.restricted`)
``workflow_id`` ``schedule_plan``
removing one of those four          replace (UpdateCampaignDTO has no null: a field cannot be
                                    cleared by PATCH)
``customers``                       replace (PATCH cannot change customers)
``adopt_id`` set or changed         replace (the resource becomes another campaign)
``adopt_id`` removed                state only (the adopted campaign stays managed as it is)
``allow_redial`` ``customer_count``  state only (no API call)
==================================  ===========================================================
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from pulumi_cozmox.customers import (
    customers_digest,
    customers_json,
    decode_customers,
    digest_of,
    encode_customers,
)

__all__ = [
    "INPUT_KEYS",
    "INPUT_TO_API",
    "LIVE_STATUSES",
    "OUTPUT_TO_API",
    "PATCHABLE",
    "RESTRICTED",
    "STATE_ONLY",
    "Plan",
    "create_body_bytes",
    "escalate",
    "outputs_from_api",
    "plan",
    "project_inputs",
    "refusal",
    "to_api_body",
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

#: Input props the provider alone uses: a change only rewrites state.
STATE_ONLY: tuple[str, ...] = ("customer_count", "allow_redial")

#: Every input prop, in the order plans list them.
INPUT_KEYS: tuple[str, ...] = (*INPUT_TO_API, *STATE_ONLY, "adopt_id")

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

#: Statuses in which calls have been placed: a replacement would place them again.
LIVE_STATUSES: tuple[str, ...] = ("in-progress", "ended")

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


@dataclass(frozen=True)
class Plan:
    """What moving a campaign from ``olds`` to ``news`` takes. Keys are snake_case inputs."""

    #: Inputs whose value differs (state-only ones included), in :data:`INPUT_KEYS` order.
    changed: tuple[str, ...] = ()
    #: Changed inputs that PATCH cannot apply: the campaign must be replaced.
    replaces: tuple[str, ...] = ()
    #: The PATCH body (API keys) for the changed patchable inputs; empty when replacing.
    patch: dict[str, Any] = field(default_factory=dict)
    #: Inputs in ``patch`` that the API accepts only while the campaign is ``scheduled``.
    restricted: tuple[str, ...] = ()
    #: How many customers the campaign created by a replacement would call (None: unknown).
    customer_count: int | None = None

    @property
    def has_changes(self) -> bool:
        """Whether anything differs (the engine must run update or replace)."""
        return bool(self.changed)

    @property
    def needs_replace(self) -> bool:
        """Whether the campaign must be deleted and created again."""
        return bool(self.replaces)

    @property
    def needs_patch(self) -> bool:
        """Whether an update must call PATCH (otherwise it only rewrites state)."""
        return bool(self.patch)


def _customers_equal(old: Any, new: Any) -> bool:
    if old == new:
        return True
    if isinstance(old, str) and isinstance(new, str):
        try:
            return customers_digest(old) == customers_digest(new)
        except ValueError:
            return False
    return False


def _equal(key: str, old: Any, new: Any) -> bool:
    if key == "customers":
        return _customers_equal(old, new)
    if key == "allow_redial":
        return bool(old) == bool(new)
    return bool(old == new)


def plan(olds: dict[str, Any], news: dict[str, Any]) -> Plan:
    """Compare recorded outputs ``olds`` with desired inputs ``news``.

    Only :data:`INPUT_KEYS` are compared: server outputs and ``__provider`` never differ.
    A key that is absent counts as None. Customers compare by blob string, then by digest.
    """
    changed = tuple(k for k in INPUT_KEYS if not _equal(k, olds.get(k), news.get(k)))
    replaces: list[str] = []
    for key in changed:
        new = news.get(key)
        if key == "customers" or (key == "adopt_id" and new is not None):
            replaces.append(key)
        elif key in PATCHABLE and new is None:
            replaces.append(key)  # UpdateCampaignDTO cannot clear a field
    patch: dict[str, Any] = {}
    restricted: tuple[str, ...] = ()
    if not replaces:
        patchable = [k for k in changed if k in PATCHABLE]
        patch = {INPUT_TO_API[k]: news[k] for k in patchable}
        restricted = tuple(k for k in patchable if k in RESTRICTED)
    # Numbers cross the engine as floats (protobuf): 3.0 means 3 customers.
    raw_count = news.get("customer_count")
    count = (
        int(raw_count)
        if isinstance(raw_count, int | float)
        and not isinstance(raw_count, bool)
        and float(raw_count).is_integer()
        else None
    )
    return Plan(
        changed=changed,
        replaces=tuple(replaces),
        patch=patch,
        restricted=restricted,
        customer_count=count,
    )


def escalate(p: Plan, status: str | None, allow_redial: bool) -> Plan:
    """The plan to carry out once the campaign's live ``status`` is known.

    With ``allow_redial`` and a campaign that is in progress or has ended, restricted PATCH
    fields (which the API would reject) become a replacement instead. Otherwise ``p`` as is.
    """
    if not (allow_redial and status in LIVE_STATUSES and p.restricted):
        return p
    return replace(p, replaces=p.restricted, patch={}, restricted=())


def _calls(count: int | None) -> str:
    if count is None:
        return "every customer"
    return f"{count} customer" + ("" if count == 1 else "s")


def refusal(p: Plan, status: str | None, allow_redial: bool) -> str | None:
    """The message with which preview must refuse ``p`` for a campaign in ``status``, or None.

    Refused: (a) a replacement of a campaign that is in progress or has ended, unless
    ``allow_redial``: the new campaign would call its customers again; (b) a restricted PATCH
    field while the campaign is in progress or has ended: the API would reject it.
    """
    if status not in LIVE_STATUSES:
        return None
    if p.replaces and not allow_redial:
        fields = ", ".join(p.replaces)
        return (
            f"changing {fields} requires replacing the campaign, which is {status}: the "
            f"replacement would call {_calls(p.customer_count)} again. Set allow_redial=True "
            "on the resource to allow calling them again, or revert the change."
        )
    if p.restricted:
        fields = ", ".join(p.restricted)
        api = ", ".join(INPUT_TO_API[k] for k in p.restricted)
        if allow_redial:
            hint = "allow_redial=True is set, so the provider should replace it instead."
        else:
            hint = (
                "To replace the campaign with one that has the new value instead (calling "
                f"{_calls(p.customer_count)} again), set allow_redial=True; or revert the "
                "change."
            )
        return (
            f"cannot change {fields} of a campaign that is {status}: the Cozmox API allows "
            f"changing {api} only while the campaign is scheduled. {hint}"
        )
    return None


def to_api_body(props: dict[str, Any]) -> dict[str, Any]:
    """The POST body (API keys) for ``props``, without customers; None values left out."""
    return {
        api: props[key]
        for key, api in INPUT_TO_API.items()
        if key != "customers" and props.get(key) is not None
    }


def create_body_bytes(props: dict[str, Any]) -> bytes:
    """The POST /campaign JSON body with the customers' canonical JSON spliced in as bytes.

    The customers are decompressed but never parsed. Raises ValueError for a malformed blob.
    """
    head = json.dumps(to_api_body(props), separators=(",", ":"), ensure_ascii=False)
    customers = customers_json(props["customers"])
    body = head.encode("utf-8")
    sep = b"," if len(body) > 2 else b""
    return body[:-1] + sep + b'"customers":' + customers + b"}"


def _instant(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def _same(server: Any, declared: Any) -> bool:
    """Whether the server's value is the declared one, allowing for server-applied defaults
    (keys the program did not set) and date-time reformatting."""
    if isinstance(declared, dict) and isinstance(server, dict):
        return all(k in server and _same(server[k], v) for k, v in declared.items())
    if isinstance(declared, list) and isinstance(server, list):
        return len(declared) == len(server) and all(
            _same(s, d) for s, d in zip(server, declared, strict=True)
        )
    if server == declared:
        return True
    a, b = _instant(server), _instant(declared)
    return a is not None and b is not None and a.tzinfo is not None and a == b


def _project_customers(server: list[Any], declared_blob: Any) -> str:
    if isinstance(declared_blob, str):
        try:
            if digest_of(server) == customers_digest(declared_blob):
                return declared_blob
            if _same(server, decode_customers(declared_blob)):
                return declared_blob
        except ValueError:
            pass
    return encode_customers(server)


def project_inputs(api_campaign: dict[str, Any], declared: dict[str, Any]) -> dict[str, Any]:
    """The inputs an API campaign corresponds to, for refresh to compare with ``declared``.

    Keeps only the keys ``declared`` has. A value equal to the declared one up to
    server-applied defaults or date-time formatting keeps the declared form, so an unchanged
    campaign gives ``declared`` back (customers: the identical blob) and shows no drift;
    a real out-of-band change shows the server's value. State-only inputs are kept as
    declared.
    """
    result: dict[str, Any] = {}
    for key, value in declared.items():
        if key not in INPUT_KEYS:
            continue
        if key in STATE_ONLY or key == "adopt_id":
            result[key] = value
            if key == "customer_count" and isinstance(api_campaign.get("customers"), list):
                result[key] = len(api_campaign["customers"])
            continue
        server = api_campaign.get(INPUT_TO_API[key])
        if key == "customers":
            # A campaign always has customers; if a response left them out, keep the declared.
            result[key] = _project_customers(server, value) if isinstance(server, list) else value
        elif _same(server, value):
            result[key] = value
        else:
            result[key] = server
    return result


def outputs_from_api(api_campaign: dict[str, Any]) -> dict[str, Any]:
    """The server-managed outputs (snake_case) of an API campaign; None where absent."""
    return {key: api_campaign.get(api) for key, api in OUTPUT_TO_API.items()}
