"""The Campaign's field table -> the Python resource's arguments and the fields reference page.

:data:`pulumi_cozmox.core.resource.fields.FIELDS` is the one place the Campaign's fields are
written; this generates from it:

- ``provider/pulumi_cozmox/_args.py``: ``CampaignArgs`` (a dataclass), ``CampaignKwargs`` (the
  same as keyword arguments, a TypedDict) and ``CampaignOutputs`` (the output attributes' types),
  each field documented with the table's description;
- ``provider/pulumi_cozmox/core/model/campaign_fields.py``: ``CampaignFields``, the typed
  attributes of the core's one campaign value (``pulumi_cozmox.core.model.campaign.Campaign``),
  one per field of the table, inputs and outputs, named by the fields' ``python`` names;
- ``docs/campaign.md``: the fields, as each program spells them, what changing each does.
"""

from __future__ import annotations

import textwrap

from pulumi_cozmox.core.resource import names
from pulumi_cozmox.core.resource.fields import FIELDS, Effect, Field

__all__ = ["campaign_fields", "docs_page", "python_args"]

#: The Python type of each field type, as an input and as an output.
_INPUT_TYPES = {
    "string": "pulumi.Input[str]",
    "object": "pulumi.Input[SchedulePlan]",
    "customers": "pulumi.Input[Sequence[Customer]]",
    "boolean": "bool",
    "boolean|string": "bool | str",
    "integer": "int",
}
_OUTPUT_TYPES = {
    "string": "str",
    "object": "Mapping[str, Any]",
    "customers": "str",
    "boolean": "bool",
    "boolean|string": "bool | str",
    "integer": "int",
}
#: Fields the Python resource sets itself, not taken as arguments: the customer count is
#: computed from the customers.
_COMPUTED = ("customer_count",)


def _python_inputs() -> list[Field]:
    return [f for f in FIELDS if f.is_input and "python" in f.doors and f.python not in _COMPUTED]


def _input_type(field: Field) -> str:
    kind = _INPUT_TYPES[field.type]
    if field.change in (Effect.STATE, Effect.END):
        return kind  # known at preview: a refusal depends on it
    return kind if field.required else f"{kind} | None"


def _default(field: Field) -> str:
    if field.required:
        return ""
    return " = False" if field.type.startswith("boolean") else " = None"


def _doc(text: str, indent: str) -> list[str]:
    wrapped = textwrap.wrap(names.render(text, "python"), width=96 - len(indent) - 4)
    return [f"{indent}#: {line}" for line in wrapped]


def python_args() -> str:
    """The text of ``_args.py``."""
    inputs = _python_inputs()
    ordered = [f for f in inputs if f.required] + [f for f in inputs if not f.required]
    lines = [
        '"""The Campaign resource\'s arguments and outputs: generated from the field table',
        "(``pulumi_cozmox.core.resource.fields.FIELDS``) by ``make schema``; do not edit.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "from collections.abc import Mapping, Sequence",
        "from dataclasses import dataclass",
        "from typing import TYPE_CHECKING, Any, TypedDict",
        "",
        "import pulumi",
        "",
        "from pulumi_cozmox._keywords import checked_keywords",
        "",
        "if TYPE_CHECKING:  # the generated types module is big: only type checkers read it here",
        "    from pulumi_cozmox.types import Customer, SchedulePlan",
        "",
        '__all__ = ["CampaignArgs", "CampaignKwargs", "CampaignOutputs"]',
        "",
        "",
        "@checked_keywords  # a typo is one line (did you mean ...?), not a TypeError",
        "@dataclass(kw_only=True)",
        "class CampaignArgs:",
        '    """The arguments of a Campaign; nested objects use the API\'s own JSON keys."""',
        "",
    ]
    for field in ordered:
        lines += _doc(field.description, "    ")
        lines.append(f"    {field.python}: {_input_type(field)}{_default(field)}")
    lines += [
        "",
        "",
        "class CampaignKwargs(TypedDict, total=False):",
        '    """``Campaign(name, **kwargs)``: the arguments as keywords."""',
        "",
    ]
    for field in ordered:
        lines += _doc(field.description, "    ")
        lines.append(f"    {field.python}: {_input_type(field)}")
    lines += [
        "",
        "",
        "class CampaignOutputs:",
        '    """The output attributes of a Campaign (its inputs, and what the API sets)."""',
        "",
    ]
    for field in FIELDS:
        if "python" not in field.doors:
            continue
        optional = "" if field.required or field.change is Effect.OUTPUT else " | None"
        kind = _OUTPUT_TYPES[field.type]
        lines += _doc(field.description, "    ")
        lines.append(f"    {field.python}: pulumi.Output[{kind}{optional}]")
    return "\n".join(lines) + "\n"


#: The type of each field type in the core's value (what a valid value is: the parsers keep
#: what a program gave, so that check can name an ill-typed one by its path).
_VALUE_TYPES = {
    "string": "str",
    "object": "Mapping[str, Any]",
    "customers": "CustomerList",
    "boolean": "bool",
    "boolean|string": "bool | str",
    "integer": "int",
}


def campaign_fields() -> str:
    """The text of ``core/model/campaign_fields.py``: one typed attribute per field."""
    lines = [
        '"""The typed attributes of the core\'s campaign value: generated from the field table',
        "(``pulumi_cozmox.core.resource.fields.FIELDS``) by ``make schema``; do not edit.",
        "",
        "Each attribute is a field's ``python`` name; its value is None when the program left it",
        "out, :data:`~pulumi_cozmox.core.model.unknown.UNKNOWN` while a preview does not know it.",
        "Parsing and rendering are :class:`pulumi_cozmox.core.model.campaign.Campaign`'s.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "from collections.abc import Mapping",
        "from dataclasses import dataclass",
        "from typing import Any",
        "",
        "from pulumi_cozmox.core.model.customers import CustomerList",
        "from pulumi_cozmox.core.model.unknown import Unknown",
        "",
        '__all__ = ["CampaignFields"]',
        "",
        "",
        "@dataclass(frozen=True, kw_only=True)",
        "class CampaignFields:",
        '    """One attribute per field of the Campaign resource (inputs, then outputs)."""',
        "",
    ]
    for field in FIELDS:
        lines += _doc(field.description, "    ")
        lines.append(f"    {field.python}: {_VALUE_TYPES[field.type]} | Unknown | None = None")
    return "\n".join(lines) + "\n"


def _native(text: str) -> str:
    """A description with its field tokens as the API names them (``workflowId``)."""
    return names.render(text, "native")


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def docs_page() -> str:
    """The text of ``docs/campaign.md``."""
    lines = [
        "# The Campaign resource: its fields",
        "",
        "<!-- Generated from the field table (provider/pulumi_cozmox/core/resource/fields.py) by",
        "`make schema`; do not edit. -->",
        "",
        "Python programs (`pulumi_cozmox.Campaign`) spell a field in snake_case; YAML and",
        "TypeScript programs (`cozmox:index:Campaign`, the native plugin) in camelCase, the API's",
        "own name. Nested objects (`schedulePlan`, each customer) are the API's JSON in every",
        "program.",
        "",
        "## Inputs",
        "",
        "| Python | YAML, TypeScript | type | changing it | what it is |",
        "| --- | --- | --- | --- | --- |",
    ]
    for f in FIELDS:
        if not f.is_input:
            continue
        python = f"`{f.python}`" if "python" in f.doors else "(`read_customers(path)`)"
        if f.python == "customer_count":
            python += " (computed)"
        native = f"`{f.api}`" if "native" in f.doors else "-"
        required = ", required" if f.required else ""
        lines.append(
            f"| {python} | {native} | {f.type}{required}{', secret' if f.secret else ''} | "
            f"{_cell(f.change.value)} | {_cell(_native(f.description))} |"
        )
    lines += ["", "## Outputs (set by the API)", "", "| Python | YAML, TypeScript | what it is |"]
    lines.append("| --- | --- | --- |")
    for f in FIELDS:
        if f.change is Effect.OUTPUT:
            lines.append(f"| `{f.python}` | `{f.api}` | {_cell(_native(f.description))} |")
    return "\n".join(lines) + "\n"
