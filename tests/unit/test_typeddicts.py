"""The TypedDict generator (``scripts/cozmox_codegen/typeddicts.py``), rule by rule on small
schemas: what each schema construct becomes, and that the output is valid, formatted Python."""

from __future__ import annotations

import ast
import subprocess
import sys
import typing
from pathlib import Path
from typing import Any

import pytest

from cozmox_codegen import typeddicts

REPO = Path(__file__).resolve().parents[2]


def obj(props: dict[str, Any], required: list[str] | None = None, **extra: Any) -> dict[str, Any]:
    return {"type": "object", "properties": props, "required": required or [], **extra}


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/$defs/{name}"}


def generate(**defs: Any) -> str:
    return typeddicts.generate({"$defs": defs}, source="test.schema.json", roots=("Root",))


def fields(text: str, cls: str) -> dict[str, tuple[str, str | None]]:
    """``key -> (annotation, docstring)`` of class ``cls`` in the generated module."""
    tree = ast.parse(text)
    node = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == cls)
    out: dict[str, tuple[str, str | None]] = {}
    body = node.body
    for i, stmt in enumerate(body):
        if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
            after = body[i + 1] if i + 1 < len(body) else None
            doc = None
            if isinstance(after, ast.Expr) and isinstance(after.value, ast.Constant):
                doc = str(after.value.value)
            out[stmt.target.id] = (ast.unparse(stmt.annotation), doc)
    return out


def load(text: str) -> dict[str, Any]:
    namespace: dict[str, Any] = {}
    exec(compile(text, "generated.py", "exec"), namespace)
    return namespace


def test_object_fields_required_optional_and_docstrings():
    root = obj(
        {
            "number": {"type": "string", "description": "The number to call."},
            "count": {"type": "integer"},
            "ratio": {"type": "number", "description": "A ratio."},
            "on": {"type": "boolean"},
            "old": {"type": "string", "deprecated": True, "description": "Use number."},
        },
        required=["number"],
    )
    text = generate(Root=root)
    assert fields(text, "Root") == {
        "number": ("Required[str]", "The number to call."),
        "count": ("int", None),
        "ratio": ("float", "A ratio."),
        "on": ("bool", None),
        "old": ("str", "Deprecated. Use number."),
    }
    assert "class Root(TypedDict, total=False):" in text
    assert ast.get_docstring(ast.parse(text).body[-1]) == "The API's ``Root``."  # type: ignore[arg-type]


def test_discriminated_union_becomes_literal_tagged_typed_dicts():
    def branch(value: str, extra: str) -> dict[str, Any]:
        return obj(
            {"provider": {"type": "string", "enum": [value]}, extra: {"type": "string"}},
            required=["provider", extra],
        )

    union = {
        "type": "object",
        "description": "The voice.",
        "x-discriminator": {
            "propertyName": "provider",
            "mapping": {"11labs": "#/$defs/ElevenVoice", "azure": "#/$defs/AzureVoice"},
        },
    }
    text = generate(
        Root=obj({"voice": union}),
        ElevenVoice=branch("11labs", "voiceId"),
        AzureVoice=branch("azure", "voiceName"),
    )
    assert fields(text, "Root") == {"voice": ("ElevenVoice | AzureVoice", "The voice.")}
    assert fields(text, "ElevenVoice")["provider"][0] == "Required[Literal['11labs']]"
    assert fields(text, "AzureVoice")["voiceName"][0] == "Required[str]"
    # The branch's docstring says which value selects it and where it is used.
    eleven = next(n for n in ast.parse(text).body if getattr(n, "name", "") == "ElevenVoice")
    doc = ast.get_docstring(eleven)  # type: ignore[arg-type]
    assert doc is not None
    assert doc.startswith('The API\'s ``ElevenVoice`` (``"provider": "11labs"``).')
    assert "Used in ``Root.voice``: The voice." in doc


@pytest.mark.parametrize(
    ("schema", "annotation"),
    [
        (
            {"anyOf": [{"type": "string", "enum": ["a", "b"]}, {"type": "string"}]},
            "Literal['a', 'b'] | str",
        ),
        (
            {"anyOf": [{"type": "boolean"}, {"type": "string", "enum": ["x"]}]},
            "bool | Literal['x']",
        ),
        ({"type": ["string", "null"]}, "str | None"),
        ({"type": "string", "enum": ["a", None]}, "Literal['a', None]"),
        ({"type": "string", "enum": []}, "str"),
        ({"type": "object", "description": "Yours."}, "Mapping[str, Any]"),
        ({"type": "object", "additionalProperties": {"type": "string"}}, "Mapping[str, str]"),
        ({"type": "array", "items": {"type": "string", "enum": ["a"]}}, "Sequence[Literal['a']]"),
        ({"type": "array"}, "Sequence[Any]"),
        ({"allOf": [ref("Leaf")], "description": "d"}, "Leaf"),
        ({"allOf": [ref("Leaf"), ref("Leaf")]}, "Leaf"),
        ({"allOf": [{"enum": ["fast", "slow"]}]}, "Literal['fast', 'slow']"),
        ({"description": "Anything."}, "Any"),
        (ref("Gone"), "Mapping[str, Any]"),
    ],
)
def test_schema_construct_to_annotation(schema, annotation):
    gone = {"title": "Gone", "x-cozmox-unknown": True}
    text = generate(Root=obj({"f": schema}), Leaf=obj({"a": {"type": "string"}}), Gone=gone)
    assert fields(text, "Root")["f"][0] == annotation


def test_only_reachable_schemas_and_roots_first():
    text = generate(
        Root=obj({"b": ref("Beta"), "a": ref("Alpha")}),
        Alpha=obj({"x": {"type": "string"}}),
        Beta=obj({"y": ref("Alpha")}),
        Unused=obj({"z": {"type": "string"}}),
    )
    classes = [n.name for n in ast.parse(text).body if isinstance(n, ast.ClassDef)]
    assert classes == ["Root", "Alpha", "Beta"]
    assert load(text)["__all__"] == ["Alpha", "Beta", "Root"]


def test_renamed_root():
    text = typeddicts.generate(
        {"$defs": {"CreateCustomerDTO": obj({"number": {"type": "string"}})}},
        source="s",
        roots=("CreateCustomerDTO",),
    )
    assert "class Customer(TypedDict, total=False):" in text
    assert "The API's ``CreateCustomerDTO``." in text


def test_keyword_property_goes_in_a_functional_base():
    root = obj(
        {"async": {"type": "boolean", "description": "Run async."}, "name": {"type": "string"}},
        required=["name"],
    )
    text = generate(Root=root)
    assert '_RootKeywords = TypedDict("_RootKeywords", {"async": "bool"}, total=False)' in text
    assert "# async: Run async." in text
    assert "class Root(_RootKeywords, total=False):" in text
    namespace = load(text)
    assert typing.is_typeddict(namespace["Root"])
    assert set(namespace["Root"].__annotations__) == {"async", "name"}


@pytest.mark.parametrize(
    ("defs", "error"),
    [
        ({"Root": obj({"inline": obj({"a": {"type": "string"}})})}, "inline object"),
        (
            {"Root": obj({"f": {"allOf": [ref("A"), ref("B")]}}), "A": obj({}), "B": obj({})},
            "allOf",
        ),
        ({"Root": obj({"f": ref("Nowhere")})}, "absent from"),
        ({"Root": obj({"f": {"type": "string", "enum": [1.5]}})}, "Literal"),
        ({"Root": obj({}), "Any": obj({})}, "no Python class"),
        ({"Root": obj({"str": {"type": "string"}})}, "named like a type"),
        ({"Root": obj({"Leaf": ref("Leaf")}), "Leaf": obj({})}, "named like a type"),
        ({"Root": {"type": "string"}}, "not an object schema"),
    ],
)
def test_constructs_without_a_faithful_type_are_refused(defs, error):
    with pytest.raises(typeddicts.TypedDictGenError, match=error):
        typeddicts.generate({"$defs": defs}, source="s", roots=("Root",))


def test_docstring_text_survives_escaping():
    text = 'Matches `/^\\+?[0-9]+$/`, says """hi""" and ends with a "quote"'
    generated = generate(Root=obj({"f": {"type": "string", "description": text}}))
    assert fields(generated, "Root")["f"][1] == text


def test_long_text_and_types_are_laid_out_as_ruff_formats_them():
    long_enum = [f"value-number-{i}" for i in range(12)]
    words = " ".join(["word"] * 30)
    branches = [f"BranchWithAQuiteLongSchemaName{i}" for i in range(6)]
    root = obj(
        {
            "choice": {"anyOf": [{"type": "string", "enum": long_enum}, {"type": "string"}]},
            "many": {"type": "array", "items": {"anyOf": [ref(b) for b in branches]}},
            "tagged": {"type": "string", "enum": long_enum},
            "short": {"anyOf": [{"type": "string", "enum": ["a", "b"]}, {"type": "number"}]},
            "doc": {"type": "string", "description": f"{words}\n\n- {words}\n```\n{words}\n```"},
        },
        required=["tagged", "many"],
        description=words,
    )
    text = generate(Root=root, **{b: obj({"a": {"type": "string"}}) for b in branches})
    ruff = Path(sys.executable).parent / "ruff"
    config = str(REPO / "pyproject.toml")
    formatted = subprocess.run(
        [str(ruff), "format", "--config", config, "--stdin-filename", "generated.py", "-"],
        input=text,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert formatted == text
    # Prose is wrapped to the line length; code in a fence is kept as written.
    assert [line for line in text.splitlines() if len(line) > 100] == [f"    {words}"]
    assert typing.is_typeddict(load(text)["Root"])


def test_generation_is_deterministic():
    defs = {
        "Root": obj({"a": ref("A"), "b": {"type": "string"}}),
        "A": obj({"c": {"type": "number"}}),
    }
    assert generate(**defs) == generate(**dict(reversed(defs.items())))
