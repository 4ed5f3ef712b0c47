"""The campaign as one typed value (core/model/campaign.py): generated from the field table,
parsed once from each door's wire form and rendered back identical, unknowns kept."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

from cozmox_codegen import resource as codegen
from pulumi_cozmox.core.engine.run import Run
from pulumi_cozmox.core.model.campaign import Campaign
from pulumi_cozmox.core.model.campaign_fields import CampaignFields
from pulumi_cozmox.core.model.customers import CustomerList, decode_customers, encode_customers
from pulumi_cozmox.core.model.unknown import UNKNOWN
from pulumi_cozmox.core.resource.fields import FIELDS, Effect, Field
from pulumi_cozmox.native import values

PEOPLE = [{"number": "+14155550100", "name": "Ada"}, {"sipUri": "sip:bo@example.com"}]
SCHEDULE = {"earliestAt": "2099-01-01T09:00:00Z", "latestAt": "2099-01-01T17:00:00Z"}
GENERATED = Path(__file__).resolve().parents[2] / "provider/pulumi_cozmox/core/model"


def dynamic_props(**changed: Any) -> dict[str, Any]:
    """Props as the dynamic provider's SDK hands them to a hook (the customers a blob)."""
    props = {
        "resource_name": "q2",
        "name": "Q2",
        "phone_number_id": "pn-1",
        "assistant_id": "asst-1",
        "workflow_id": None,
        "schedule_plan": SCHEDULE,
        "customers": encode_customers(PEOPLE),
        "customer_count": 2,
        "allow_redial": "c-9",
        "allow_duplicate": False,
        "ended": False,
        "status": "scheduled",
        "__provider": "pickled provider",
    }
    return {**props, **changed}


def native_properties(**changed: Any) -> dict[str, Any]:
    """The plugin's properties of a YAML program (the API's names; the customers a list)."""
    given = {
        "name": "Q2",
        "phoneNumberId": "pn-1",
        "assistantId": "asst-1",
        "schedulePlan": SCHEDULE,
        "customers": PEOPLE,
        "allowOutsideCallingHours": True,
        "adoptId": "c-7",
    }
    return {**given, **changed}


def test_the_dynamic_props_parse_into_typed_attributes_and_render_back_identical() -> None:
    props = dynamic_props()
    campaign = Campaign.from_props(props)
    assert campaign.name == "Q2" and campaign.phone_number_id == "pn-1"
    assert campaign.allow_redial == "c-9" and campaign.allow_duplicate is False
    assert campaign.schedule == SCHEDULE and campaign.status == "scheduled"
    assert campaign.resource_name == "q2" and campaign.workflow_id is None
    assert isinstance(campaign.customers, CustomerList)
    assert campaign.customers.items == PEOPLE
    assert campaign.adopt_id is None and "adopt_id" not in campaign.given
    assert campaign.to_props() == props  # the SDK's own key and the blob kept as they came


def test_the_plugin_properties_parse_by_the_apis_names_and_render_back() -> None:
    campaign = values.canonical(native_properties(), "q2", Run({}, project_dir=Path(".")))
    assert campaign.phone_number_id == "pn-1" and campaign.assistant_id == "asst-1"
    assert campaign.allow_outside_calling_hours is True and campaign.adopt_id == "c-7"
    assert campaign.resource_name == "q2" and campaign.customer_count == 2
    assert campaign.customer_list is not None and campaign.customer_list.items == PEOPLE
    given = native_properties()
    del given["customers"]
    assert campaign.to_native() == {**given, "customerCount": 2}


def test_a_list_the_plugin_is_given_is_never_encoded_for_check() -> None:
    # The blob is the dynamic door's wire form: the plugin's check reads the list as given.
    campaign = values.canonical(native_properties(), "q2", Run({}, project_dir=Path(".")))
    customers = campaign.customer_list
    assert customers is not None
    assert customers.keys == (("+14155550100", None), (None, "sip:bo@example.com"))
    assert "blob" not in customers.__dict__
    # The state records the blob: the very string the dynamic door sends for these customers.
    assert customers.blob == encode_customers(PEOPLE)
    assert decode_customers(campaign.to_props()["customers"]) == PEOPLE


def test_a_list_and_its_blob_hold_the_same_customers() -> None:
    given, sent = CustomerList.of(list(PEOPLE)), CustomerList(encode_customers(PEOPLE))
    assert given.same(sent) and sent.same(given)
    assert given.json == sent.json and given.digest == sent.digest
    assert not given.same(CustomerList.of(PEOPLE[:1]))


def test_unknowns_survive_a_round_trip_through_each_door() -> None:
    plan = {"earliestAt": UNKNOWN}
    props = dynamic_props(name=UNKNOWN, schedule_plan=plan, customers=UNKNOWN)
    campaign = Campaign.from_props(props)
    assert campaign.unknown == {"name", "schedule_plan", "customers"}
    assert campaign.name is UNKNOWN and campaign.to_props() == props
    assert not campaign.known("name") and campaign.known("phone_number_id")
    native = values.canonical(
        native_properties(customers=UNKNOWN, name=UNKNOWN), "q2", Run({}, project_dir=Path("."))
    )
    assert native.unknown == {"customers", "customer_count", "name"}
    outputs = values.engine_outputs(native, native_properties(customers=UNKNOWN, name=UNKNOWN))
    assert outputs["customerCount"] == values.UNKNOWN_SENTINEL


def test_an_ill_typed_value_is_kept_for_check_to_name() -> None:
    campaign = Campaign.from_props(dynamic_props(customers=["not", "a", "blob"], allow_redial=3))
    assert campaign.customers == ["not", "a", "blob"] and campaign.customer_list is None
    assert campaign.allow_redial == 3


def test_merging_is_what_the_right_hand_side_gives() -> None:
    old = Campaign.from_props(dynamic_props())
    new = Campaign.of({"name": "Q3", "ended": True})
    merged = old.merged(new)
    assert merged.name == "Q3" and merged.ended is True and merged.phone_number_id == "pn-1"
    assert merged.to_props() == {**dynamic_props(), "name": "Q3", "ended": True}


def test_the_value_has_an_attribute_for_every_field_of_the_table() -> None:
    attributes = {f.name: f for f in dataclasses.fields(CampaignFields)}
    assert list(attributes) == [f.python for f in FIELDS]
    assert "customers_file" in attributes and "calls_counter_ended" in attributes
    assert "CustomerList" in str(attributes["customers"].type)
    assert "bool | str" in str(attributes["allow_redial"].type)


def test_a_field_added_to_the_table_appears_in_the_generated_value(monkeypatch) -> None:
    committed = (GENERATED / "campaign_fields.py").read_text(encoding="utf-8")
    assert codegen.campaign_fields() == committed  # the file is the table's (make schema)
    added = Field("callerIdName", "caller_id_name", "string", Effect.PATCH, "Who calls.")
    monkeypatch.setattr(codegen, "FIELDS", (*FIELDS, added))
    text = codegen.campaign_fields()
    assert "    caller_id_name: str | Unknown | None = None" in text
    assert "    #: Who calls." in text
    namespace: dict[str, Any] = {}
    exec(compile(text, "campaign_fields.py", "exec"), namespace)  # it is valid Python
    made = namespace["CampaignFields"](caller_id_name="Ada's line")
    assert made.caller_id_name == "Ada's line"


@pytest.mark.parametrize("door", ["python", "native"])
def test_every_field_of_a_door_round_trips_by_its_name(door: str) -> None:
    fields = [f for f in FIELDS if door in f.doors and f.type != "customers"]
    if door == "native":
        fields = [f for f in fields if f.api != "customersFile"]
        given = {f.api: f"value of {f.api}" for f in fields}
        campaign = Campaign.from_native(given, None)
        assert campaign.to_native() == given
    else:
        given = {f.python: f"value of {f.python}" for f in fields}
        campaign = Campaign.from_props(given)
        assert campaign.to_props() == given
    for f in fields:
        assert getattr(campaign, f.python) == f"value of {f.name(door)}"


def test_a_campaigns_repr_names_its_fields_never_the_people_it_calls() -> None:
    calls = {"call-1": {"customer": PEOPLE[0]}}
    for campaign in (
        Campaign.from_props(dynamic_props(calls=calls)),
        Campaign.from_props(dynamic_props(customers=PEOPLE, calls=calls)),  # a list, unparsed
    ):
        shown = repr(campaign)
        assert "q2" in shown and "customers" in shown  # what it is, which fields it has
        for person in ("+14155550100", "Ada", "sip:bo@example.com", encode_customers(PEOPLE)):
            assert person not in shown
