"""The derived JSON Schemas: up to date, valid against their metaschema, and each repair rule."""

from __future__ import annotations

import copy
import importlib.util
import json
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import jsonschema_rs
import pytest

from cozmox_codegen import schema as schemagen
from cozmox_codegen.__main__ import main as codegen_main
from pulumi_cozmox._schema import SCHEMA_NAMES, load_schema

#: The committed files in the source tree (the installed package holds copies of them).
SOURCE_SCHEMA_DIR = Path(__file__).resolve().parents[2] / "schema"


@pytest.fixture(scope="module")
def openapi() -> dict[str, Any]:
    path = SOURCE_SCHEMA_DIR / schemagen.OPENAPI_FILE
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def generated(openapi) -> tuple[dict[str, dict[str, Any]], schemagen.Report]:
    return schemagen.generate(openapi)


def test_installed_schemas_are_the_committed_ones():
    for name in SCHEMA_NAMES:
        committed = json.loads((SOURCE_SCHEMA_DIR / f"{name}.schema.json").read_text())
        assert load_schema(name) == committed, f"{name}: run make setup"


def test_committed_schemas_are_up_to_date(generated):
    schemas, _ = generated
    assert set(schemas) == set(SCHEMA_NAMES)
    for name, schema in schemas.items():
        committed = (SOURCE_SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8")
        assert committed == schemagen.dumps(schema), f"{name}: run make schema"


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_schema_passes_its_metaschema(name):
    schema = load_schema(name)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    # Without format assertions: Python's re cannot compile the ECMA-262 \p{L} (see schemagen).
    meta = jsonschema.Draft202012Validator(jsonschema.Draft202012Validator.META_SCHEMA)
    assert list(meta.iter_errors(schema)) == []
    assert jsonschema_rs.meta.is_valid(schema)


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_no_openapi_leftovers(name):
    schema = load_schema(name)
    assert "#/components/schemas/" not in json.dumps(schema)
    todo = list(schema["$defs"].values())
    while todo:
        node = todo.pop()
        assert not {"oneOf", "nullable", "discriminator", "example"} & set(node), node
        assert node.get("type") in (None, *schemagen.JSON_TYPES) or isinstance(node["type"], list)
        todo.extend(schemagen.iter_subschemas(node))


# ---- the report against an independent count of the document's quirks ----------------------
# A plain walk of the raw OpenAPI document (no generator code): every schema node once. Keys of
# ``properties`` are names, not keywords (``AssistantHookFilter`` has a property named "oneOf"),
# and example/default/enum values are data.

_DATA_KEYWORDS = ("example", "examples", "default", "enum", "const")
_NAME_MAPS = ("properties", "patternProperties")
_JSON_TYPES = {"string", "number", "integer", "boolean", "object", "array", "null"}
_PY_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "number": (int, float),
    "integer": (int,),
    "boolean": (bool,),
    "object": (dict,),
    "array": (list,),
    "null": (type(None),),
}


def raw_schema_nodes(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, list):
        for item in node:
            yield from raw_schema_nodes(item)
    elif isinstance(node, dict):
        yield node
        for key, value in node.items():
            if key in _DATA_KEYWORDS:
                continue
            if key in _NAME_MAPS and isinstance(value, dict):
                for sub in value.values():
                    yield from raw_schema_nodes(sub)
            else:
                yield from raw_schema_nodes(value)


def _string_values(node: dict[str, Any]) -> bool:
    values = [*node.get("enum", []), *(node[k] for k in ("example", "default") if k in node)]
    return bool(values) and all(isinstance(v, str) for v in values)


def _meant_types(node: dict[str, Any]) -> list[str]:
    """The JSON types a node means once its quirks are read the way the API README says."""
    declared = node.get("type")
    types = declared if isinstance(declared, list) else [] if declared is None else [declared]
    meant = []
    for t in types:
        if t == "object" and "properties" not in node and _string_values(node):
            t = "string"  # {"type": "object", "enum": ["fixed", ...]}: a string enum
        if t not in _JSON_TYPES:
            t = "string"  # {"type": "enum", "enum": ["off", "office"]}
        meant.append(t)
    return [*meant, "null"] if node.get("nullable") is True else meant


def _example_fits(node: dict[str, Any]) -> bool:
    example, types = node["example"], _meant_types(node)
    fits = not types or any(
        isinstance(example, _PY_TYPES[t])
        and not (isinstance(example, bool) and t in ("number", "integer"))
        for t in types
    )
    enum = node.get("enum")
    if fits and node.get("type") != "array" and isinstance(enum, list):
        fits = not isinstance(example, str | int | float | bool) or example in enum
    return fits


def independent_counts(openapi: dict[str, Any]) -> Counter[str]:
    components = openapi["components"]["schemas"]
    nodes = [n for schema in components.values() for n in raw_schema_nodes(schema)]
    prefix = "#/components/schemas/"
    refs = [n["$ref"] for n in nodes if str(n.get("$ref", "")).startswith(prefix)]
    js_regex = re.compile(r"/.*/[a-z]*", re.DOTALL)
    return Counter(
        {
            schemagen.R_ONEOF: sum("oneOf" in n for n in nodes),
            schemagen.R_ARRAY_ENUM: sum(n.get("type") == "array" and "enum" in n for n in nodes),
            schemagen.R_OBJECT_STRING: sum(
                n.get("type") == "object" and "properties" not in n and _string_values(n)
                for n in nodes
            ),
            schemagen.R_INVALID_TYPE: sum(
                isinstance(n.get("type"), str) and n["type"] not in _JSON_TYPES for n in nodes
            ),
            schemagen.R_JS_REGEX: sum(
                isinstance(n.get("pattern"), str) and bool(js_regex.fullmatch(n["pattern"]))
                for n in nodes
            ),
            schemagen.R_MISSING_REF: sum(r[len(prefix) :] not in components for r in refs),
            schemagen.R_NULLABLE: sum("nullable" in n for n in nodes),
            schemagen.R_EXAMPLE: sum("example" in n and not _example_fits(n) for n in nodes),
            schemagen.R_CLOSED: sum(
                n.get("type") == "object" and "properties" in n and "additionalProperties" not in n
                for n in nodes
            ),
            schemagen.R_REFS: len(refs),
        }
    )


#: The counts the API's README (../shared/api/README.md, "Facts about this document") states.
README_COUNTS = {
    schemagen.R_ONEOF: 106,
    schemagen.R_ARRAY_ENUM: 7,
    schemagen.R_OBJECT_STRING: 4,  # "type that contradicts its enum"
    schemagen.R_INVALID_TYPE: 1,
    schemagen.R_JS_REGEX: 5,
    schemagen.R_MISSING_REF: 1,
    schemagen.R_NULLABLE: 1,
}
README_COMPONENT_SCHEMAS = 229


def test_the_document_is_the_one_the_readme_describes(openapi):
    assert len(openapi["components"]["schemas"]) == README_COMPONENT_SCHEMAS


def test_independent_counts_agree_with_the_readme(openapi):
    counts = independent_counts(openapi)
    assert {rule: counts[rule] for rule in README_COUNTS} == README_COUNTS
    assert counts[schemagen.R_EXAMPLE] > 1  # the README says "several"


def test_report_counts_every_quirk_of_the_document(openapi, generated):
    _, report = generated
    expected = independent_counts(openapi)
    assert {rule: report.counts[rule] for rule in schemagen.RULES} == {
        rule: expected[rule] for rule in schemagen.RULES
    }
    assert any("CreateInworldCredentialDTO" in note for note in report.notes)


def test_codegen_command_check_and_report(openapi, capsys):
    assert codegen_main(["--check"]) == 0
    out = capsys.readouterr().out.splitlines()
    counts = independent_counts(openapi)
    for rule in schemagen.RULES:
        assert f"{rule}: {counts[rule]}" in out


def test_codegen_command_writes_files(tmp_path, capsys):
    types = tmp_path / "types.py"
    paths = ["--schema-dir", str(tmp_path), "--types", str(types)]
    paths += ["--package-schema", str(tmp_path / "schema.json")]
    paths += ["--resource-args", str(tmp_path / "_args.py")]
    paths += ["--fields-doc", str(tmp_path / "campaign.md")]
    paths += ["--campaign-fields", str(tmp_path / "campaign_fields.py")]
    assert codegen_main(paths) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [
            *(f"{n}.schema.json" for n in SCHEMA_NAMES),
            "types.py",
            "schema.json",
            "_args.py",
            "campaign.md",
            "campaign_fields.py",
        ]
    )
    assert codegen_main([*paths, "--check"]) == 0
    (tmp_path / "Campaign.schema.json").write_text("{}", encoding="utf-8")
    assert codegen_main([*paths, "--check"]) == 1
    assert codegen_main(paths) == 0
    types.write_text(types.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    assert codegen_main([*paths, "--check"]) == 1
    assert codegen_main(paths) == 0
    value = tmp_path / "campaign_fields.py"
    value.write_text(value.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    assert codegen_main([*paths, "--check"]) == 1


def test_the_generator_is_not_shipped():
    # The generator lives in scripts/cozmox_codegen: the installed package holds what it wrote.
    package = Path(importlib.util.find_spec("pulumi_cozmox").origin).parent
    shipped = {p.relative_to(package).as_posix() for p in package.rglob("*.py")}
    assert "types.py" in shipped and "_args.py" in shipped
    assert "core/model/campaign_fields.py" in shipped
    assert not [name for name in shipped if "codegen" in name or "schemagen" in name]


# ---- each rule on a small document ---------------------------------------------------------


def doc(**components: Any) -> dict[str, Any]:
    return {"openapi": "3.0.0", "components": {"schemas": components}}


def gen(root: str, **components: Any) -> tuple[dict[str, Any], schemagen.Report]:
    schemas, report = schemagen.generate(doc(**components), roots=(root,))
    return schemas[root], report


def valid(schema: dict[str, Any], instance: Any) -> bool:
    return jsonschema_rs.validator_for(schema, validate_formats=True).is_valid(instance)


def obj(props: dict[str, Any], required: list[str] | None = None) -> dict[str, Any]:
    return {"type": "object", "properties": props, "required": required or []}


def test_rule_one_of_discriminated_becomes_if_then():
    a = obj({"provider": {"type": "string", "enum": ["a"]}, "x": {"type": "string"}}, ["provider"])
    b = obj({"provider": {"type": "string", "enum": ["b"]}, "y": {"type": "number"}}, ["provider"])
    root = obj(
        {
            "u": {
                "oneOf": [
                    {"$ref": "#/components/schemas/A", "title": "A"},
                    {"$ref": "#/components/schemas/B"},
                ]
            }
        }
    )
    schema, report = gen("Root", Root=root, A=a, B=b)
    assert report.counts[schemagen.R_ONEOF] == 1
    union = schema["$defs"]["Root"]["properties"]["u"]
    assert union["properties"] == {"provider": {"enum": ["a", "b"]}}
    assert union["x-discriminator"]["propertyName"] == "provider"
    assert len(union["allOf"]) == 2 and "then" in union["allOf"][0]
    assert valid(schema, {"u": {"provider": "a", "x": "s"}})
    assert valid(schema, {"u": {"provider": "b", "y": 1}})
    assert not valid(schema, {"u": {"provider": "a", "y": 1}})  # y belongs to branch b
    assert not valid(schema, {"u": {"provider": "c"}})
    assert not valid(schema, {"u": {"x": "s"}})


def test_rule_one_of_overlapping_values_tie_broken_by_name():
    plans = {
        name: obj({"provider": {"type": "string", "enum": ["cozmox", "livekit"]}}, ["provider"])
        for name in ("CozmoxPlan", "LivekitPlan")
    }
    plans["LivekitPlan"]["properties"]["wait"] = {"type": "number"}
    root = obj({"p": {"oneOf": [{"$ref": f"#/components/schemas/{n}"} for n in plans]}})
    schema, _ = gen("Root", Root=root, **plans)
    union = schema["$defs"]["Root"]["properties"]["p"]
    assert union["x-discriminator"]["mapping"] == {
        "cozmox": "#/$defs/CozmoxPlan",
        "livekit": "#/$defs/LivekitPlan",
    }
    assert valid(schema, {"p": {"provider": "livekit", "wait": 1}})
    assert not valid(schema, {"p": {"provider": "cozmox", "wait": 1}})


def test_rule_one_of_overlapping_scalars_becomes_any_of():
    root = obj(
        {"v": {"oneOf": [{"type": "string", "enum": ["andrew"]}, {"type": "string"}]}},
    )
    schema, report = gen("Root", Root=root)
    assert report.counts[schemagen.R_ONEOF] == 1
    assert "anyOf" in schema["$defs"]["Root"]["properties"]["v"]
    assert valid(schema, {"v": "andrew"})  # matches both branches: oneOf would reject it


def test_rule_one_of_single_branch_becomes_all_of():
    root = obj({"k": {"oneOf": [{"$ref": "#/components/schemas/K"}]}})
    schema, _ = gen("Root", Root=root, K=obj({"n": {"type": "string"}}))
    assert schema["$defs"]["Root"]["properties"]["k"]["allOf"] == [{"$ref": "#/$defs/K"}]
    assert not valid(schema, {"k": {"n": 1}})


def test_rule_enum_on_array_moves_to_items():
    root = obj({"m": {"type": "array", "enum": ["a", "b"], "items": {"type": "string"}}})
    schema, report = gen("Root", Root=root)
    assert report.counts[schemagen.R_ARRAY_ENUM] == 1
    assert valid(schema, {"m": ["a", "b"]})
    assert not valid(schema, {"m": ["c"]})


def test_rule_enum_on_array_without_items():
    root = obj({"m": {"type": "array", "enum": ["a"]}})
    schema, _ = gen("Root", Root=root)
    assert schema["$defs"]["Root"]["properties"]["m"]["items"] == {"enum": ["a"]}


@pytest.mark.parametrize(
    "prop",
    [
        {"type": "object", "enum": ["fixed", "exponential"], "example": "fixed"},
        {"type": "object", "default": "refer", "enum": ["refer", "bye"]},
        {"type": "object", "example": "en"},
    ],
)
def test_rule_object_type_with_string_values(prop):
    schema, report = gen("Root", Root=obj({"t": prop}))
    assert report.counts[schemagen.R_OBJECT_STRING] == 1
    assert schema["$defs"]["Root"]["properties"]["t"]["type"] == "string"
    assert not valid(schema, {"t": {}})


def test_rule_object_type_with_object_example_is_kept():
    _, report = gen("Root", Root=obj({"t": {"type": "object", "example": {"a": 1}}}))
    assert report.counts[schemagen.R_OBJECT_STRING] == 0


def test_rule_invalid_type_inferred_from_enum():
    schema, report = gen("Root", Root=obj({"s": {"type": "enum", "enum": ["off", "office"]}}))
    assert report.counts[schemagen.R_INVALID_TYPE] == 1
    assert schema["$defs"]["Root"]["properties"]["s"]["type"] == "string"
    assert valid(schema, {"s": "office"})
    assert not valid(schema, {"s": "loud"})


@pytest.mark.parametrize(
    ("literal", "pattern"),
    [
        ("/^[a-zA-Z0-9_-]{1,40}$/", "^[a-zA-Z0-9_-]{1,40}$"),
        (r"/^\p{L}[\p{L}\d]*(?::[+-]?\d+)?$/u", r"^\p{L}[\p{L}\d]*(?::[+-]?\d+)?$"),
        ("^plain$", "^plain$"),
    ],
)
def test_js_regex_to_pattern(literal, pattern):
    assert schemagen.js_regex_to_pattern(literal) == pattern


def test_js_regex_with_meaningful_flags_is_an_error():
    with pytest.raises(schemagen.SchemaGenError):
        schemagen.js_regex_to_pattern("/^a$/i")


def test_rule_js_regex_literal_matches_what_was_meant():
    root = obj(
        {
            "name": {"type": "string", "pattern": "/^[a-zA-Z0-9_-]{1,40}$/"},
            "kw": {"type": "string", "pattern": r"/^\p{L}[\p{L}\d]*(?::[+-]?\d+)?$/u"},
        }
    )
    schema, report = gen("Root", Root=root)
    assert report.counts[schemagen.R_JS_REGEX] == 2
    assert valid(schema, {"name": "lookup_order", "kw": "Cozmox:2"})
    assert valid(schema, {"kw": "Zürich"})
    assert not valid(schema, {"name": "a b"})
    assert not valid(schema, {"kw": "2fast"})


def test_rule_missing_ref_is_accepted_and_said():
    root = obj({"c": {"$ref": "#/components/schemas/Gone"}})
    schema, report = gen("Root", Root=root)
    assert report.counts[schemagen.R_MISSING_REF] == 1
    assert schema["$defs"]["Gone"]["x-cozmox-unknown"] is True
    assert "absent" in schema["$defs"]["Gone"]["description"]
    assert any("Gone" in n for n in report.notes)
    assert valid(schema, {"c": {"anything": [1, 2]}})


def test_rule_nullable():
    schema, report = gen("Root", Root=obj({"c": {"type": "string", "nullable": True}}))
    assert report.counts[schemagen.R_NULLABLE] == 1
    assert valid(schema, {"c": None})
    assert valid(schema, {"c": "x"})
    assert not valid(schema, {"c": 1})


def test_rule_example_of_wrong_type_dropped():
    root = obj(
        {
            "h": {"type": "boolean", "example": {"hipaaEnabled": False}},
            "e": {"type": "string", "example": None},
            "n": {"type": "string", "example": "Q2"},
        }
    )
    schema, report = gen("Root", Root=root)
    assert report.counts[schemagen.R_EXAMPLE] == 2
    props = schema["$defs"]["Root"]["properties"]
    assert "example" not in props["h"] and "examples" not in props["h"]
    assert "examples" not in props["e"]
    assert props["n"]["examples"] == ["Q2"]


def test_rule_closed_objects_and_all_of_wrappers():
    inner = obj({"a": {"type": "string"}})
    root = obj({"plan": {"description": "d", "allOf": [{"$ref": "#/components/schemas/I"}]}})
    schema, report = gen("Root", Root=root, I=inner)
    assert report.counts[schemagen.R_CLOSED] == 2
    assert valid(schema, {"plan": {"a": "x"}})  # the allOf wrapper does not reject valid input
    assert not valid(schema, {"plan": {"a": "x", "b": 1}})
    assert not valid(schema, {"other": 1})


def test_rule_closed_object_with_applicator_uses_unevaluated():
    root = {
        "type": "object",
        "properties": {"a": {"type": "string"}},
        "allOf": [{"properties": {"b": {"type": "number"}}}],
    }
    schema, _ = gen("Root", Root=root)
    assert schema["$defs"]["Root"]["unevaluatedProperties"] is False
    assert valid(schema, {"a": "x", "b": 1})
    assert not valid(schema, {"a": "x", "c": 1})


def test_rule_refs_rewritten_and_only_reachable_defs_kept():
    root = obj({"a": {"$ref": "#/components/schemas/A"}})
    schema, report = gen("Root", Root=root, A=obj({}), Unused=obj({}))
    assert report.counts[schemagen.R_REFS] == 1
    assert set(schema["$defs"]) == {"Root", "A"}
    assert schema["$ref"] == "#/$defs/Root"


def test_generation_does_not_mutate_its_input(openapi):
    before = copy.deepcopy(openapi)
    schemagen.generate(openapi)
    assert openapi == before


def test_customer_overrides_refer_to_the_assistant_overrides_definition():
    # validation.py validates customers[*].assistantOverrides against this definition apart.
    customer = load_schema("CreateCampaignDTO")["$defs"]["CreateCustomerDTO"]
    overrides = customer["properties"]["assistantOverrides"]
    assert overrides["allOf"] == [{"$ref": "#/$defs/AssistantOverrides"}]
    assert set(overrides) <= {"allOf", "description"}
