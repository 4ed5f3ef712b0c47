"""_compare.py: every field of the contract's Campaign and CreateCustomerDTO is compared, and
only the defaults the contract documents are taken for server defaults.

The fields are walked in the OpenAPI document itself (not in the code's schema): a field the
contract adds is then either compared or listed here as server-managed, never silently skipped.
Each is checked through the three users of the comparison: refresh (``project_inputs``: is it
drift?), the duplicate guard and the lost-answer lookup (``same_customers``: is that campaign
the declared one?) and ``adopt_id`` (``customer_paths``: which paths differ?).
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from pulumi_cozmox.core.engine.guard import same_customers
from pulumi_cozmox.core.model.campaign import Declared
from pulumi_cozmox.core.model.compare import customer_paths, differences, field_schema
from pulumi_cozmox.core.model.customers import CustomerList, encode_customers
from pulumi_cozmox.core.plan.refresh import project_inputs
from pulumi_cozmox.core.resource.fields import INPUT_TO_API

OPENAPI = Path(__file__).resolve().parents[2] / "schema" / "cozmox-campaign.openapi.json"
SCHEMAS: dict[str, Any] = json.loads(OPENAPI.read_text(encoding="utf-8"))["components"]["schemas"]
#: Server-managed fields of a Campaign, as the API's README lists them (outputs, never drift).
SERVER_MANAGED = {
    "id",
    "orgId",
    "createdAt",
    "updatedAt",
    "calls",
    "callsCounterScheduled",
    "callsCounterQueued",
    "callsCounterInProgress",
    "callsCounterEndedVoicemail",
    "callsCounterEnded",
    "status",
    "endedReason",
}
CUSTOMER = {"number": "+14155550101", "name": "Ada"}
DECLARED = {
    "name": "Spring",
    "phone_number_id": "pn-1",
    "assistant_id": "asst-1",
    "workflow_id": None,
    "schedule_plan": {"earliestAt": "2099-01-01T17:00:00Z"},
}


def declared_of(props: dict[str, Any]) -> Declared:
    """The campaign the provider declares for ``props``."""
    return Declared.from_props(props, CustomerList(props["customers"]))


def _resolve(schema: dict[str, Any]) -> dict[str, Any]:
    """A property schema with its $ref / allOf [$ref] followed (in the OpenAPI document)."""
    for part in [schema, *schema.get("allOf", [])]:
        ref = part.get("$ref")
        if ref:
            return SCHEMAS[ref.rsplit("/", 1)[1]]
    return schema


def other_value(schema: dict[str, Any], current: Any = None) -> Any:
    """A value of the property's type that is neither ``current`` nor its documented default."""
    target = _resolve(schema)
    kind = target.get("type")
    if "enum" in target and isinstance(target["enum"], list) and kind != "array":
        return next(v for v in target["enum"] if v not in (current, target.get("default")))
    if kind == "boolean":
        return not (current if current is not None else target.get("default", False))
    if kind in ("number", "integer"):
        return 7 if current != 7 and target.get("default") != 7 else 8
    text = "set in the dashboard" if current != "set in the dashboard" else "changed again"
    if kind == "array":
        return [text] if current != [text] else [text, text]
    if kind == "object" or "properties" in target:
        return {"drift": text} if current != {"drift": text} else {"drift": "changed again"}
    return text


def props_of(customers: list[dict[str, Any]], **overrides: Any) -> dict[str, Any]:
    return {**DECLARED, "customers": encode_customers(customers), **overrides}


def api_campaign(props: dict[str, Any], customers: list[dict[str, Any]]) -> dict[str, Any]:
    campaign: dict[str, Any] = {
        "id": "c-1",
        "orgId": "org-1",
        "status": "scheduled",
        "createdAt": "2098-12-01T00:00:00.000Z",
        "updatedAt": "2098-12-01T00:00:00.000Z",
        "calls": {},
        "customers": customers,
    }
    for key, api in INPUT_TO_API.items():
        if key != "customers" and props.get(key) is not None:
            campaign[api] = copy.deepcopy(props[key])
    return campaign


def test_every_campaign_field_is_an_input_or_server_managed() -> None:
    fields = set(SCHEMAS["Campaign"]["properties"])
    assert fields == set(INPUT_TO_API.values()) | SERVER_MANAGED


@pytest.mark.parametrize(
    "field", sorted(set(INPUT_TO_API.values()) - {"customers"}), ids=lambda f: f
)
def test_a_campaign_field_set_or_changed_in_the_dashboard_is_drift(field: str) -> None:
    declared = props_of([CUSTOMER])
    server = api_campaign(declared, [CUSTOMER])
    key = next(k for k, api in INPUT_TO_API.items() if api == field)
    server[field] = other_value(SCHEMAS["Campaign"]["properties"][field], server.get(field))
    inputs = project_inputs(server, declared)
    assert inputs[key] == server[field]  # refresh records what the server holds
    unchanged = project_inputs(api_campaign(declared, [CUSTOMER]), declared)
    assert unchanged[key] == declared[key]  # and nothing when nobody changed it


@pytest.mark.parametrize("field", sorted(SCHEMAS["SchedulePlan"]["properties"]))
def test_a_schedule_plan_key_added_in_the_dashboard_is_drift(field: str) -> None:
    declared = props_of([CUSTOMER], schedule_plan={})
    server = api_campaign(declared, [CUSTOMER])
    server["schedulePlan"] = {field: "2099-01-02T03:00:00Z"}
    assert project_inputs(server, declared)["schedule_plan"] == server["schedulePlan"]


@pytest.mark.parametrize("field", sorted(SCHEMAS["CreateCustomerDTO"]["properties"]))
def test_every_customer_field_the_program_does_not_declare_is_compared(field: str) -> None:
    schema = SCHEMAS["CreateCustomerDTO"]["properties"][field]
    declared_customer = {k: v for k, v in CUSTOMER.items() if k != field}
    if field == "number":
        declared_customer = {"sipUri": "sip:ada@example.com"}
    server_customer = {**declared_customer, field: other_value(schema, CUSTOMER.get(field))}
    declared = props_of([{"number": "+14155550100"}, declared_customer])
    server_customers = [{"number": "+14155550100"}, server_customer]
    server = api_campaign(declared, server_customers)
    # Refresh: drift.
    assert project_inputs(server, declared)["customers"] != declared["customers"]
    # The guard and the lookup: not the declared campaign.
    assert not same_customers(server_customers, declared_of(declared))
    # adopt_id: the path named, never the value.
    paths = customer_paths(server_customers, [{"number": "+14155550100"}, declared_customer])
    assert paths == [f"customers[1].{field}"]
    assert str(server_customer[field]) not in paths[0]


@pytest.mark.parametrize("field", sorted(SCHEMAS["CreateCustomerDTO"]["properties"]))
def test_a_customer_field_changed_is_compared(field: str) -> None:
    schema = SCHEMAS["CreateCustomerDTO"]["properties"][field]
    before = {"number": "+14155550101", field: other_value(schema)}
    if field == "number":
        before = {"number": "+14155550101"}
    after = {**before, field: other_value(schema, before[field])}
    found = list(differences([after], [before], field_schema("customers")))
    assert [path[:2] for path in found] == [(0, field)]


def _documented_defaults() -> list[tuple[str, str, Any]]:
    """(schema, property, default) for every default the contract documents under a customer."""
    found = []
    for name, schema in SCHEMAS.items():
        for prop, sub in (schema.get("properties") or {}).items():
            if isinstance(sub, dict) and "default" in sub:
                found.append((name, prop, sub["default"]))
    return found


def test_a_documented_default_the_server_adds_is_no_drift() -> None:
    defaults = {(n, p): d for n, p, d in _documented_defaults()}
    assert defaults[("CreateCustomerDTO", "numberE164CheckEnabled")] is True
    declared = props_of([CUSTOMER])
    with_default = [{**CUSTOMER, "numberE164CheckEnabled": True}]
    assert (
        project_inputs(api_campaign(declared, with_default), declared)["customers"]
        == (declared["customers"])
    )
    assert same_customers(with_default, declared_of(declared))
    # The same key with another value is drift.
    other = [{**CUSTOMER, "numberE164CheckEnabled": False}]
    assert (
        project_inputs(api_campaign(declared, other), declared)["customers"]
        != (declared["customers"])
    )


def test_a_default_inside_a_union_applies_to_its_own_branch_only() -> None:
    # cachingEnabled: true is ElevenLabsVoice's documented default; a discriminated union
    # picks the branch by provider. variableValues has no defaults at all.
    voice = {"provider": "11labs", "voiceId": "v-1"}
    declared = [{**CUSTOMER, "assistantOverrides": {"voice": voice}}]
    node = field_schema("customers")
    served = [{**CUSTOMER, "assistantOverrides": {"voice": {**voice, "cachingEnabled": True}}}]
    assert list(differences(served, declared, node)) == []
    flipped = [{**CUSTOMER, "assistantOverrides": {"voice": {**voice, "cachingEnabled": False}}}]
    assert list(differences(flipped, declared, node)) == [
        (0, "assistantOverrides", "voice", "cachingEnabled")
    ]
    added = [{**CUSTOMER, "assistantOverrides": {"voice": voice, "variableValues": {"a": "1"}}}]
    assert list(differences(added, declared, node)) == [(0, "assistantOverrides", "variableValues")]


def test_instants_compare_as_instants() -> None:
    node = field_schema("schedulePlan")
    assert not list(
        differences(
            {"earliestAt": "2099-01-01T18:00:00.000+01:00"},
            {"earliestAt": "2099-01-01T17:00:00Z"},
            node,
        )
    )
    assert list(
        differences(
            {"earliestAt": "2099-01-01T17:00:01Z"}, {"earliestAt": "2099-01-01T17:00:00Z"}, node
        )
    ) == [("earliestAt",)]
