"""diff.py: what a change takes (patch, replace, state only) and when preview refuses it."""

from __future__ import annotations

import json
from typing import Any

import pytest

from pulumi_cozmox.core.model.body import to_api_body
from pulumi_cozmox.core.model.campaign import Declared
from pulumi_cozmox.core.model.customers import (
    CustomerList,
    customers_digest,
    decode_customers,
    encode_customers,
)
from pulumi_cozmox.core.plan.change import Plan, escalate
from pulumi_cozmox.core.plan.change import plan_change as plan
from pulumi_cozmox.core.plan.refresh import outputs_from_api, project_inputs
from pulumi_cozmox.core.plan.refusal import refusal
from pulumi_cozmox.core.resource import names
from pulumi_cozmox.core.resource.fields import INPUT_KEYS, INPUT_TO_API, OUTPUT_TO_API

CUSTOMERS: list[dict[str, Any]] = [
    {"number": "+14155550100", "name": "Ann", "assistantOverrides": {"variableValues": {"x": 1}}},
    {"number": "+14155550101"},
]
SCHEDULE = {"earliestAt": "2030-01-01T09:00:00Z", "latestAt": "2030-01-01T17:00:00Z"}
WHO = 'campaign c-1 (resource "q2")'


def inputs(**overrides: Any) -> dict[str, Any]:
    props: dict[str, Any] = {
        "name": "Q2",
        "phone_number_id": "pn-1",
        "assistant_id": "as-1",
        "workflow_id": None,
        "schedule_plan": SCHEDULE,
        "customers": encode_customers(CUSTOMERS),
        "customer_count": len(CUSTOMERS),
        "allow_redial": False,
        "adopt_id": None,
    }
    props.update(overrides)
    return props


def outputs(**overrides: Any) -> dict[str, Any]:
    """Recorded outputs: the inputs plus server fields and the pickled provider."""
    return {
        **inputs(**overrides),
        "status": "scheduled",
        "ended_reason": None,
        "org_id": "org-1",
        "created_at": "2029-12-01T00:00:00.000Z",
        "updated_at": "2029-12-01T00:00:00.000Z",
        "calls": {},
        "calls_counter_scheduled": 2,
        "calls_counter_queued": 0,
        "calls_counter_in_progress": 0,
        "calls_counter_ended_voicemail": 0,
        "calls_counter_ended": 0,
        "__provider": "gASV...",
    }


def api_campaign(**overrides: Any) -> dict[str, Any]:
    """What GET /campaign/{id} returns for inputs(), with server defaults applied."""
    campaign: dict[str, Any] = {
        "id": "c-1",
        "orgId": "org-1",
        "status": "scheduled",
        "name": "Q2",
        "phoneNumberId": "pn-1",
        "assistantId": "as-1",
        "schedulePlan": {
            "earliestAt": "2030-01-01T09:00:00.000Z",
            "latestAt": "2030-01-01T17:00:00.000Z",
        },
        "customers": [
            {**CUSTOMERS[0], "numberE164CheckEnabled": True},
            {**CUSTOMERS[1], "numberE164CheckEnabled": True},
        ],
        "createdAt": "2029-12-01T00:00:00.000Z",
        "updatedAt": "2029-12-01T00:00:00.000Z",
        "calls": {},
        "callsCounterScheduled": 2,
        "callsCounterQueued": 0,
        "callsCounterInProgress": 0,
        "callsCounterEndedVoicemail": 0,
        "callsCounterEnded": 0,
    }
    campaign.update(overrides)
    return campaign


# --- plan -----------------------------------------------------------------------------------


def test_no_change() -> None:
    p = plan(outputs(), inputs())
    assert p == Plan(customer_count=2)
    assert not p.has_changes and not p.needs_replace and not p.needs_patch


def test_server_fields_and_provider_never_differ() -> None:
    olds = outputs()
    olds.update(status="ended", calls_counter_ended=2, updated_at="2031-01-01", org_id="o")
    olds["__provider"] = "something else entirely"
    assert plan(olds, inputs()).changed == ()


def test_absent_and_none_are_equal() -> None:
    news = inputs()
    del news["workflow_id"], news["adopt_id"]
    assert plan(outputs(), news).changed == ()


def test_name_is_a_patch_in_any_status() -> None:
    p = plan(outputs(), inputs(name="Q3"))
    assert p.changed == ("name",)
    assert p.replaces == ()
    assert p.patch == {"name": "Q3"}
    assert p.restricted == ()
    for status in ("scheduled", "in-progress", "ended"):
        assert refusal(p, status, allow_redial=False, who=WHO) is None


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("phone_number_id", "pn-2"),
        ("assistant_id", "as-2"),
        ("schedule_plan", {"earliestAt": "2030-02-01T09:00:00Z"}),
    ],
)
def test_restricted_fields_are_patches(key: str, value: Any) -> None:
    p = plan(outputs(), inputs(**{key: value}))
    assert p.changed == (key,)
    assert p.replaces == ()
    assert p.patch == {INPUT_TO_API[key]: value}
    assert p.restricted == (key,)
    assert refusal(p, "scheduled", allow_redial=False, who=WHO) is None


def test_workflow_id_added_is_a_patch() -> None:
    olds = outputs(assistant_id=None, workflow_id="wf-1")
    p = plan(olds, inputs(assistant_id=None, workflow_id="wf-2"))
    assert p.patch == {"workflowId": "wf-2"}
    assert p.restricted == ("workflow_id",)


@pytest.mark.parametrize("key", ["phone_number_id", "assistant_id", "schedule_plan"])
def test_removing_a_patchable_field_replaces(key: str) -> None:
    # UpdateCampaignDTO has no nullable field: PATCH cannot clear one.
    p = plan(outputs(), inputs(**{key: None}))
    assert p.changed == (key,)
    assert p.replaces == (key,)
    assert p.patch == {}


def test_switching_assistant_to_workflow_replaces() -> None:
    p = plan(outputs(), inputs(assistant_id=None, workflow_id="wf-1"))
    assert p.changed == ("assistant_id", "workflow_id")
    assert p.replaces == ("assistant_id",)
    assert p.patch == {}


def test_customers_change_replaces() -> None:
    news = inputs(customers=encode_customers(CUSTOMERS[:1]), customer_count=1)
    p = plan(outputs(), news)
    assert p.changed == ("customers", "customer_count")
    assert p.replaces == ("customers",)
    assert p.patch == {}
    assert p.customer_count == 1


def test_customers_compare_by_digest_when_blobs_differ(monkeypatch: pytest.MonkeyPatch) -> None:
    import base64
    import zlib

    from pulumi_cozmox.core.model import customers as customers_module

    # The same customers compressed by another zlib: another string, the same digest.
    data = customers_module.canonical_json(CUSTOMERS)
    other = "z1:" + base64.b64encode(zlib.compress(data, 9)).decode()
    assert other != inputs()["customers"]

    def no_parsing(*args: object) -> None:
        raise AssertionError("plan must not parse customers")

    monkeypatch.setattr(customers_module.fastjson, "loads", no_parsing)
    assert plan(outputs(), inputs(customers=other)).changed == ()


def test_state_only_changes_touch_no_api() -> None:
    p = plan(outputs(), inputs(allow_redial=True, customer_count=3))
    assert p.changed == ("customer_count", "allow_redial")
    assert p.replaces == () and p.patch == {} and p.restricted == ()
    assert p.has_changes and not p.needs_patch and not p.needs_replace


def test_allow_redial_none_equals_false() -> None:
    assert plan(outputs(allow_redial=None), inputs(allow_redial=False)).changed == ()


def test_adopt_id_and_resource_name_are_never_compared() -> None:
    # adopt_id matters only when the resource is first created; a rename with an alias
    # changes nothing in the API.
    news = inputs(adopt_id="c-9", resource_name="renamed")
    assert plan(outputs(adopt_id="c-1", resource_name="q2"), news).changed == ()


def test_same_schedule_in_another_format_is_no_change() -> None:
    same = {"earliestAt": "2030-01-01T10:00:00+01:00", "latestAt": "2030-01-01T17:00:00.000Z"}
    assert plan(outputs(), inputs(schedule_plan=same)).changed == ()
    later = {**same, "latestAt": "2030-01-01T17:00:01Z"}
    assert plan(outputs(), inputs(schedule_plan=later)).changed == ("schedule_plan",)
    fewer = {"earliestAt": SCHEDULE["earliestAt"]}
    assert plan(outputs(), inputs(schedule_plan=fewer)).changed == ("schedule_plan",)


def test_unknown_values_count_as_changed_but_are_never_judged() -> None:
    unknown = object()
    news = inputs(assistant_id=unknown, customers=unknown, name="Q3")
    p = plan(outputs(), news, frozenset({"assistant_id", "customers"}))
    assert set(p.changed) == {"name", "assistant_id", "customers"}
    assert p.unknown == ("assistant_id", "customers")
    assert p.replaces == ("customers",)
    known = p.known
    assert known.replaces == () and known.restricted == () and known.unknown == ()
    assert known.changed == ("name",)
    # What preview judges carries nothing to refuse, even for a campaign that has dialed.
    assert refusal(known, "ended", allow_redial=False, who=WHO) is None
    assert refusal(p, "ended", allow_redial=False, who=WHO) is not None


def test_unknown_restricted_field_is_left_to_up() -> None:
    olds = outputs(assistant_id=None, workflow_id="wf-1")
    news = inputs(assistant_id=None, workflow_id=object())
    p = plan(olds, news, frozenset({"workflow_id"}))
    assert p.unknown == ("workflow_id",) and p.restricted == ("workflow_id",)
    assert refusal(p.known, "in-progress", allow_redial=False, who=WHO) is None


def test_changed_lists_every_input_in_order() -> None:
    news = inputs(name="n", phone_number_id="p", allow_redial=True)
    assert plan(outputs(), news).changed == ("name", "phone_number_id", "allow_redial")
    assert set(INPUT_KEYS) >= set(INPUT_TO_API)


def python(message: str | None) -> str | None:
    """A message as a Python program's author reads it (field names rendered)."""
    return None if message is None else names.render(message, "python")


# --- refusal --------------------------------------------------------------------------------

REPLACE = plan(outputs(), inputs(customers=encode_customers(CUSTOMERS * 2), customer_count=4))
RESTRICT = plan(outputs(), inputs(phone_number_id="pn-2"))


@pytest.mark.parametrize("status", ["in-progress", "ended"])
def test_replacing_a_live_campaign_is_refused(status: str) -> None:
    message = python(refusal(REPLACE, status, allow_redial=False, who=WHO))
    assert message is not None
    assert status in message
    # Without the customers delta, how many of the people were called before is not known.
    assert "would call 4 people, some of them again" in message
    assert "allow_redial=True" in message
    assert "customers" in message
    assert message.startswith(WHO)


def test_replacing_a_campaign_deleted_after_dialing_is_refused() -> None:
    message = refusal(REPLACE, "deleted", allow_redial=False, who=WHO)
    assert message is not None and "deleted outside Pulumi" in message
    assert refusal(REPLACE, "deleted", allow_redial=True, who=WHO) is None


def test_replacing_a_scheduled_campaign_is_allowed() -> None:
    assert refusal(REPLACE, "scheduled", allow_redial=False, who=WHO) is None


@pytest.mark.parametrize("status", ["in-progress", "ended"])
def test_allow_redial_opts_in_to_replacement(status: str) -> None:
    assert refusal(REPLACE, status, allow_redial=True, who=WHO) is None


@pytest.mark.parametrize("status", ["in-progress", "ended"])
def test_restricted_patch_on_a_live_campaign_is_refused(status: str) -> None:
    message = python(refusal(RESTRICT, status, allow_redial=False, who=WHO))
    assert message is not None
    assert "phone_number_id" in message and "phoneNumberId" in message
    assert (
        "campaign that has ended" if status == "ended" else "campaign that is in-progress"
    ) in message
    assert "only while the campaign is scheduled" in message
    assert "allow_redial=True" in message


def test_restricted_patch_with_allow_redial_escalates_to_replace() -> None:
    escalated = escalate(RESTRICT, "in-progress", allow_redial=True)
    assert escalated.replaces == ("phone_number_id",)
    assert escalated.patch == {} and escalated.restricted == ()
    assert refusal(escalated, "in-progress", allow_redial=True, who=WHO) is None
    # Not escalated: refused even with allow_redial (the API would reject the PATCH).
    assert refusal(RESTRICT, "in-progress", allow_redial=True, who=WHO) is not None


def test_escalate_leaves_other_plans_alone() -> None:
    assert escalate(RESTRICT, "scheduled", allow_redial=True) is RESTRICT
    assert escalate(RESTRICT, "ended", allow_redial=False) is RESTRICT
    name_only = plan(outputs(), inputs(name="x"))
    assert escalate(name_only, "ended", allow_redial=True) is name_only


def test_refusal_without_known_count() -> None:
    news = inputs(customers=encode_customers([]))
    del news["customer_count"]
    message = refusal(plan(outputs(), news), "ended", allow_redial=False, who=WHO)
    assert message is not None and "every customer" in message


# --- request bodies -------------------------------------------------------------------------


def test_to_api_body_uses_api_keys_and_drops_none() -> None:
    assert to_api_body(inputs()) == {
        "name": "Q2",
        "phoneNumberId": "pn-1",
        "assistantId": "as-1",
        "schedulePlan": SCHEDULE,
    }


def create_body(props: dict[str, Any]) -> bytes:
    """The POST /campaign body a create sends for ``props`` (the declared campaign's)."""
    return Declared.from_props(props, CustomerList(props["customers"])).body


def test_the_create_body_splices_the_customers() -> None:
    body = create_body(inputs(name="Zoë's"))
    assert json.loads(body) == {**to_api_body(inputs(name="Zoë's")), "customers": CUSTOMERS}
    assert "Zoë".encode() in body


def test_the_create_body_with_customers_only() -> None:
    props = {"customers": encode_customers(CUSTOMERS)}
    assert json.loads(create_body(props)) == {"customers": CUSTOMERS}


def test_the_create_body_rejects_a_malformed_blob() -> None:
    with pytest.raises(ValueError, match="customers blob"):
        create_body(inputs(customers="not a blob"))


# --- refresh --------------------------------------------------------------------------------


def test_outputs_from_api() -> None:
    outs = outputs_from_api(api_campaign(status="in-progress", callsCounterQueued=1))
    assert set(outs) == set(OUTPUT_TO_API)
    assert outs["status"] == "in-progress"
    assert outs["calls_counter_queued"] == 1
    assert outs["ended_reason"] is None
    assert outs["org_id"] == "org-1"


def test_unchanged_campaign_projects_to_declared_inputs() -> None:
    declared = inputs()
    projected = project_inputs(api_campaign(), declared)
    assert projected == declared
    assert projected["customers"] is declared["customers"]  # the identical blob
    assert plan({**projected, **outputs_from_api(api_campaign())}, declared).changed == ()


def test_projection_keeps_only_declared_keys() -> None:
    declared = inputs()
    del declared["workflow_id"], declared["adopt_id"]
    projected = project_inputs(api_campaign(workflowId="wf-9"), declared)
    assert set(projected) == set(declared)


def test_out_of_band_name_change_shows_as_drift() -> None:
    declared = inputs()
    projected = project_inputs(api_campaign(name="Renamed in the UI"), declared)
    assert projected["name"] == "Renamed in the UI"
    p = plan(projected, declared)
    assert p.changed == ("name",)
    assert p.patch == {"name": "Q2"}


def test_out_of_band_schedule_change_shows_as_drift() -> None:
    new_plan = {"earliestAt": "2030-03-01T09:00:00.000Z"}
    projected = project_inputs(api_campaign(schedulePlan=new_plan), inputs())
    assert projected["schedule_plan"] == new_plan


def test_added_workflow_shows_when_declared_none() -> None:
    projected = project_inputs(api_campaign(workflowId="wf-9"), inputs())
    assert projected["workflow_id"] == "wf-9"


def test_different_server_customers_show_as_drift() -> None:
    server = api_campaign(customers=[{"number": "+14155550999"}])
    projected = project_inputs(server, inputs())
    assert decode_customers(projected["customers"]) == [{"number": "+14155550999"}]
    assert projected["customer_count"] == 1
    assert plan(projected, inputs()).replaces == ("customers",)


def test_exact_server_customers_keep_the_blob_without_decoding() -> None:
    declared = inputs()
    projected = project_inputs(api_campaign(customers=CUSTOMERS), declared)
    assert projected["customers"] is declared["customers"]
    assert customers_digest(projected["customers"]) == customers_digest(declared["customers"])


def test_customers_missing_from_response_keep_declared() -> None:
    server = api_campaign()
    del server["customers"]
    assert project_inputs(server, inputs())["customers"] == inputs()["customers"]
