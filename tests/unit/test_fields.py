"""The Campaign's fields are written once (core/resource/fields.py): the Python resource, the
plugin's package schema, the reference page and the messages all agree with that table."""

from __future__ import annotations

import json
from dataclasses import MISSING, fields
from pathlib import Path

import pytest

from pulumi_cozmox._args import CampaignArgs, CampaignKwargs, CampaignOutputs
from pulumi_cozmox._resource import Campaign
from pulumi_cozmox.core.plan.change import plan_change
from pulumi_cozmox.core.resource import names
from pulumi_cozmox.core.resource.fields import FIELDS, Effect

REPO = Path(__file__).resolve().parents[2]
SCHEMA = REPO / "provider" / "pulumi_cozmox" / "native" / "schema.json"
DOCS = REPO / "docs" / "campaign.md"
PYTHON_INPUTS = [
    f for f in FIELDS if f.is_input and "python" in f.doors and f.python != "customer_count"
]


def test_the_python_arguments_are_the_tables_inputs() -> None:
    args = {f.name: f for f in fields(CampaignArgs)}
    assert list(args) == [f.python for f in PYTHON_INPUTS if f.required] + [
        f.python for f in PYTHON_INPUTS if not f.required
    ]
    for field in PYTHON_INPUTS:
        assert (args[field.python].default is MISSING) == field.required, field.python
    assert set(CampaignKwargs.__annotations__) == set(args)


def test_the_python_outputs_are_every_python_field() -> None:
    annotated = {name for cls in Campaign.__mro__ for name in getattr(cls, "__annotations__", {})}
    expected = {f.python for f in FIELDS if "python" in f.doors}
    assert expected <= set(annotated)
    assert set(CampaignOutputs.__annotations__) == expected


def test_the_package_schema_is_the_tables() -> None:
    package = json.loads(SCHEMA.read_text(encoding="utf-8"))
    resource = package["resources"]["cozmox:index:Campaign"]
    native = [f for f in FIELDS if "native" in f.doors]
    inputs = {f.api for f in native if f.is_input and f.api != "customerCount"}
    outputs = {f.api for f in native if not f.is_input} | {"customerCount"}
    assert set(resource["inputProperties"]) == inputs
    assert outputs <= set(resource["properties"]) and not outputs & set(resource["inputProperties"])
    for field in native:
        spec = resource["properties"][field.api]
        assert spec["description"].startswith(names.render(field.description, "native")), field.api
        assert spec.get("secret", False) == field.secret, field.api
    assert set(resource["requiredInputs"]) == {f.api for f in native if f.required} - {"customers"}


def test_the_reference_page_lists_every_field_as_each_program_spells_it() -> None:
    text = DOCS.read_text(encoding="utf-8")
    for field in FIELDS:
        if "python" in field.doors:
            assert f"`{field.python}`" in text
        if "native" in field.doors:
            assert f"`{field.api}`" in text
        if field.is_input:
            assert field.change.value in text


@pytest.mark.parametrize("field", [f for f in FIELDS if f.change is Effect.PATCH_SCHEDULED])
def test_a_field_the_table_patches_while_scheduled_is_planned_so(field) -> None:
    olds: dict[str, object] = {"name": "n", "phone_number_id": "p", "schedule_plan": None}
    olds[field.python] = "old"
    news = {**olds, field.python: "new"}
    if field.python == "schedule_plan":
        olds[field.python] = {"earliestAt": "2099-01-01T09:00:00Z"}
        news[field.python] = {"earliestAt": "2099-01-02T09:00:00Z"}
    plan = plan_change(olds, news)
    assert plan.restricted == (field.python,) and field.api in plan.patch and not plan.replaces


def test_messages_spell_a_field_as_its_program_does() -> None:
    for field in FIELDS:
        token = names.field(field.api)
        assert names.render(token, "python") == field.python
        assert names.render(token, "native") == field.api
