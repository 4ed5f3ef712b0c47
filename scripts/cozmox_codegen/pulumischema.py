"""JSON Schema -> the Pulumi package schema of the native plugin (``cozmox:index:Campaign``).

Reads the same generated ``CreateCampaignDTO`` JSON Schema as the TypedDicts, so the plugin's
types, the Python types and the validation come from one source. The API's camelCase names
and descriptions are kept (descriptions become the docs editors and generated SDKs show);
``customers`` is secret, a list of untyped items (see :func:`_customers`): the types are those
the other inputs reach (``SchedulePlan``).

How schema constructs map (anything else is a :class:`PulumiSchemaError`, never a guess):

- object with ``properties`` -> an object type ``cozmox:index:<Name>``;
- ``allOf`` of one schema (the OpenAPI way to describe a ``$ref``) -> that schema; a type list
  with ``null`` -> the type (every property is optional in Pulumi);
- ``enum`` -> its scalar type, the allowed values listed in the description;
- object without properties (user-owned maps) -> a map of its values (``pulumi.json#/Any``
  when they are unconstrained).

Unions (``anyOf``, discriminated ``oneOf``) have no faithful Pulumi type a language host checks
the way the API does: the inputs that hold them are the customers' (untyped items).
"""

from __future__ import annotations

import json
from typing import Any

from cozmox_codegen.typeddicts import DEFS_PREFIX, RENAMES, _first_sentence, referrers
from pulumi_cozmox.core.resource import names
from pulumi_cozmox.core.resource.fields import FIELDS, Effect, Field, by_api

PACKAGE = "cozmox"
TYPE_PREFIX = f"{PACKAGE}:index:"
ANY = {"$ref": "pulumi.json#/Any"}
_SCALARS = {"string", "number", "integer", "boolean"}

#: The plugin's own state, beside the fields (:mod:`pulumi_cozmox.native.values`).
PLUGIN_STATE: dict[str, dict[str, Any]] = {
    "customersFileDigest": {
        "type": "string",
        "secret": True,
        "description": "The SHA-256 of the customers file the blob was read from: an "
        "unchanged file is not read again.",
    },
    "customersBlob": {
        "type": "string",
        "secret": True,
        "description": "The customers as sent (compressed canonical JSON): what the "
        "provider compares a new customer list with.",
    },
}
#: Fields the plugin computes: outputs of the native resource.
COMPUTED = ("customerCount",)
_FIELD_TYPES: dict[str, dict[str, Any]] = {
    "string": {"type": "string"},
    "integer": {"type": "integer"},
    "boolean": {"type": "boolean"},
    "boolean|string": {"oneOf": [{"type": "boolean"}, {"type": "string"}]},
    "object": {"type": "object", "additionalProperties": dict(ANY)},
}


def _field_spec(field: Field) -> dict[str, Any]:
    spec = dict(_FIELD_TYPES[field.type])
    spec["description"] = names.render(field.description, "native")
    if field.secret:
        spec["secret"] = True
    return spec


def _provider_fields() -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]]]:
    """(the native resource's own inputs, its outputs), from the field table."""
    inputs: dict[str, dict[str, Any]] = {}
    outputs: dict[str, dict[str, Any]] = {}
    for field in FIELDS:
        if "native" not in field.doors or field.sent:
            continue
        computed = field.change is Effect.OUTPUT or field.api in COMPUTED
        (outputs if computed else inputs)[field.api] = _field_spec(field)
    return inputs, {**outputs, **PLUGIN_STATE}


class PulumiSchemaError(Exception):
    """The schema holds a construct this generator has no faithful Pulumi type for."""


def _type_name(api_name: str) -> str:
    return RENAMES.get(api_name, api_name)


class Generator:
    """Turns the ``$defs`` of one JSON Schema into Pulumi object types."""

    def __init__(self, schema: dict[str, Any]) -> None:
        self.defs: dict[str, Any] = schema["$defs"]
        self.wanted: list[str] = []
        self.referrers = referrers(self.defs, quote="`")

    def is_type(self, api_name: str) -> bool:
        node = self.defs[api_name]
        return node.get("type") == "object" and "properties" in node

    def ref(self, api_name: str, where: str) -> dict[str, Any]:
        if api_name not in self.defs:
            raise PulumiSchemaError(f"{where}: $ref to {api_name}, absent from $defs")
        if self.defs[api_name].get("x-cozmox-unknown"):
            return dict(ANY)
        if not self.is_type(api_name):
            return self.spec(self.defs[api_name], api_name)
        if api_name not in self.wanted:
            self.wanted.append(api_name)
        return {"$ref": f"#/types/{TYPE_PREFIX}{_type_name(api_name)}"}

    def spec(self, node: dict[str, Any], where: str) -> dict[str, Any]:
        """The Pulumi type spec of the schema ``node`` (found at ``where``, for errors)."""
        ref = node.get("$ref")
        if isinstance(ref, str):
            if not ref.startswith(DEFS_PREFIX):
                raise PulumiSchemaError(f"{where}: $ref {ref!r}")
            return self.ref(ref[len(DEFS_PREFIX) :], where)
        if "allOf" in node:
            parts = _one_of([self.spec(b, f"{where}&{i}") for i, b in enumerate(node["allOf"])])
            if "oneOf" in parts:
                raise PulumiSchemaError(f"{where}: allOf of different types")
            return parts
        type_ = node.get("type")
        if isinstance(type_, list):
            kinds = [t for t in type_ if t != "null"]
            return _one_of([self.spec({**node, "type": t}, where) for t in kinds])
        if type_ is None and "enum" in node:
            type_ = _enum_type(node["enum"], where)
        if type_ in _SCALARS:
            return {"type": type_}
        if type_ == "array":
            items = node.get("items")
            inner = self.spec(items, f"{where}[]") if isinstance(items, dict) else dict(ANY)
            return {"type": "array", "items": inner}
        if type_ == "object":
            if "properties" in node:
                raise PulumiSchemaError(f"{where}: an inline object schema has no type name")
            extra = node.get("additionalProperties")
            if isinstance(extra, dict) and extra:
                return {"type": "object", "additionalProperties": self.spec(extra, f"{where}{{}}")}
            return dict(ANY)
        if type_ is None and not set(node) - {"description", "title", "examples", "default"}:
            return dict(ANY)
        raise PulumiSchemaError(f"{where}: no Pulumi type for {sorted(node)}")

    def properties(self, node: dict[str, Any], where: str) -> dict[str, dict[str, Any]]:
        props: dict[str, dict[str, Any]] = {}
        for key, prop in node["properties"].items():
            if not isinstance(prop, dict):
                raise PulumiSchemaError(f"{where}.{key}: not a schema")
            spec = self.spec(prop, f"{where}.{key}")
            text = _description(prop)
            if text:
                spec["description"] = text
            if prop.get("deprecated") is True:
                spec["deprecationMessage"] = "Deprecated by the API."
            props[key] = spec
        return props

    def object_type(self, api_name: str) -> dict[str, Any]:
        node = self.defs[api_name]
        doc = "\n\n".join(
            t
            for t in (
                f"The API's `{api_name}`.",
                node.get("description"),
                self.referrers.get(api_name),
            )
            if isinstance(t, str)
        )
        spec: dict[str, Any] = {
            "type": "object",
            "description": doc,
            "properties": self.properties(node, api_name),
        }
        required = [k for k in node.get("required", []) if k in node["properties"]]
        if required:
            spec["required"] = required
        return spec

    def types(self) -> dict[str, dict[str, Any]]:
        built: dict[str, dict[str, Any]] = {}
        while len(built) < len(self.wanted):
            for api_name in [n for n in self.wanted if n not in built]:
                built[api_name] = self.object_type(api_name)
        return {f"{TYPE_PREFIX}{_type_name(n)}": built[n] for n in sorted(built, key=_type_name)}


def _one_of(branches: list[dict[str, Any]]) -> dict[str, Any]:
    unique: list[dict[str, Any]] = []
    for branch in branches:
        if branch not in unique:
            unique.append(branch)
    return unique[0] if len(unique) == 1 else {"oneOf": unique}


def _enum_type(values: list[Any], where: str) -> str:
    kinds = {type(v) for v in values if v is not None}
    if kinds == {str}:
        return "string"
    if kinds == {bool}:
        return "boolean"
    if kinds <= {int, float}:
        return "integer" if kinds == {int} else "number"
    raise PulumiSchemaError(f"{where}: enum of mixed types")


def _description(prop: dict[str, Any]) -> str | None:
    text = prop.get("description") if isinstance(prop.get("description"), str) else None
    enum = prop.get("enum") or (prop.get("items") or {}).get("enum")
    if isinstance(enum, list) and enum:
        allowed = "Allowed: " + ", ".join(f"`{json.dumps(v)}`" for v in enum) + "."
        text = f"{text}\n\n{allowed}" if text else allowed
    return text


def _customers(customer: dict[str, Any]) -> dict[str, Any]:
    """``customers``: a secret list whose items the plugin validates, not the language host.

    A YAML host type-checks what a schema types, and its error quotes the program's lines: a
    customer's number among them. Untyped items leave every customer problem to the plugin's
    check, which names the path (``customers[3].number``), never the value. The fields are
    listed in the description."""
    lines = [
        f"- `{key}`: {_first_sentence(prop['description'])}"
        for key, prop in customer["properties"].items()
        if isinstance(prop.get("description"), str)
    ]
    field = by_api("customers")
    text = names.render(field.description, "native") if field else "The customers."
    return {
        "type": "array",
        "items": dict(ANY),
        "secret": True,
        "description": f"{text} Or give `customersFile`.\n\n"
        "Each customer (the API's `CreateCustomerDTO`):\n" + "\n".join(lines),
    }


#: Where releases live: the CLI downloads the plugin
#: (``pulumi-resource-cozmox-v<version>-<os>-<arch>.tar.gz``, made by ``make release``) from
#: this repository's GitHub releases when a program needs it and it is not installed;
#: ``PULUMI_PLUGIN_DOWNLOAD_URL_OVERRIDES`` (or ``pulumi plugin install --server``) points
#: elsewhere (docs/install.md).
PLUGIN_DOWNLOAD_URL = "github://api.github.com/cozmox/pulumi-cozmox"
#: The Go SDK's module: ``sdk/go`` of this repository, tagged ``sdk/go/v<version>`` (a
#: sub-module's tag) by ``make release``.
GO_MODULE = "github.com/cozmox/pulumi-cozmox/sdk/go"


#: How the generated SDKs are packaged (scripts/pulumi-sdk.sh writes them into sdk/). With
#: ``meta.supportPack`` an SDK's version is the schema's (the package's), not a placeholder a
#: publishing job fills in, and the Go SDK is a module of its own (a go.mod). @pulumi/pulumi:
#: the generator's own minimum. Go: the module in this repository (GOPRIVATE keeps it off the
#: public proxy: docs/go.md).
LANGUAGES: dict[str, dict[str, Any]] = {
    "nodejs": {
        "packageName": "@cozmox/pulumi",
        "packageDescription": "The Cozmox Campaign resource (plugin pulumi-resource-cozmox).",
        "typescriptVersion": "^5",
    },
    "go": {"importBasePath": f"{GO_MODULE}/cozmox"},
    "python": {"packageName": "pulumi_cozmox_native"},
}


#: The provider's configuration: stack config keys (``cozmox:apiKey``) and provider inputs.
CONFIG: dict[str, dict[str, Any]] = {
    "apiKey": {
        "type": "string",
        "secret": True,
        "description": "The Cozmox API key (or COZMOX_API_KEY).",
    },
    "baseUrl": {
        "type": "string",
        "description": "The Cozmox API's base URL (or COZMOX_BASE_URL).",
    },
    "requestTimeout": {
        "type": "number",
        "description": "Seconds a request may take (or COZMOX_REQUEST_TIMEOUT).",
    },
    "retryDeadline": {
        "type": "number",
        "description": "Seconds a request answered 429 (rate limited) is retried, 300 by "
        "default (or COZMOX_RETRY_DEADLINE).",
    },
    "callLimit": {
        "type": "string",
        "description": "How often one person may be called across the org's campaigns, "
        "as N/PERIOD (1/24h: once a day; 2/7d: twice a week).",
    },
    "doNotCall": {
        "type": "string",
        "description": "A file of numbers never to call (one a line, or a CSV column).",
    },
    "callingPolicy": {
        "type": "string",
        "description": "A TOML file of calling hours by region.",
    },
}


def generate(schema: dict[str, Any], *, version: str) -> dict[str, Any]:
    """The package schema of ``cozmox`` from the ``CreateCampaignDTO`` JSON Schema."""
    gen = Generator(schema)
    campaign = gen.defs["CreateCampaignDTO"]
    inputs = _campaign_inputs(gen)
    provider_inputs, outputs = _provider_fields()
    inputs.update(provider_inputs)
    required = [k for k in campaign.get("required", []) if k != "customers"]
    return {
        "name": PACKAGE,
        "displayName": "Cozmox",
        "version": version,
        "description": "Cozmox outbound call campaigns: who is called, when, by which assistant.",
        "keywords": ["pulumi", "cozmox", "voice", "campaigns"],
        "license": "Apache-2.0",
        "pluginDownloadURL": PLUGIN_DOWNLOAD_URL,
        "config": {"variables": CONFIG},
        "provider": {
            "description": "The Cozmox provider: the API and the rules that protect the people "
            "called.",
            "inputProperties": CONFIG,
        },
        "resources": {
            f"{TYPE_PREFIX}Campaign": {
                "description": campaign.get("description")
                or "An outbound call campaign: the assistant calls each customer once, within "
                "its schedule.",
                "inputProperties": inputs,
                "requiredInputs": required,
                "properties": {**inputs, **outputs},
                "required": [*required, "status", "customerCount"],
            }
        },
        "language": LANGUAGES,
        "meta": {"supportPack": True},
    } | {"types": gen.types()}


def _campaign_inputs(gen: Generator) -> dict[str, dict[str, Any]]:
    """The Campaign's inputs that are the API's (``CreateCampaignDTO``'s properties)."""
    campaign = gen.defs["CreateCampaignDTO"]
    fields = {k: v for k, v in campaign["properties"].items() if k != "customers"}
    inputs = gen.properties({"properties": fields}, "CreateCampaignDTO")
    for key, spec in inputs.items():
        field = by_api(key)
        if field is not None:  # the table's words: what changing it does is ours to say
            spec["description"] = names.render(field.description, "native")
    inputs["customers"] = _customers(gen.defs["CreateCustomerDTO"])
    return inputs


def dumps(package: dict[str, Any]) -> str:
    return json.dumps(package, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
