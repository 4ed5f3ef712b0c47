"""The engine's values for the plugin, as the core's canonical inputs and back, once per call.

Top-level keys are the resource's camelCase properties (the field table's ``api`` names); the
core's props are snake_case. Secrets arrive wrapped (the plugin accepts secrets) and are
unwrapped; the customers go out wrapped again. The engine's unknown becomes the core's
``UNKNOWN``. The customers are ``customers`` (a list) or ``customersFile`` (a file, plain or
SOPS-encrypted): either becomes the core's one blob, which the state keeps as the secret output
``customersBlob`` beside the program's inputs as given.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from google.protobuf import json_format, struct_pb2
from pulumi.runtime.proto import provider_pb2

from pulumi_cozmox.core.engine.customers_io import file_blob, open_customers_file
from pulumi_cozmox.core.engine.outcome import UNKNOWN, Unknown
from pulumi_cozmox.core.engine.refusals import VANISHED
from pulumi_cozmox.core.model.customers import decode_customers, encode_customers, is_blob
from pulumi_cozmox.core.model.customers_file import SOURCE_KEY
from pulumi_cozmox.core.resource.fields import CUSTOMERS_FILE, OUTPUT_TO_API, PROPERTY_NAMES

if TYPE_CHECKING:
    from pulumi_cozmox.core.engine.run import Run

UNKNOWN_SENTINEL = "04da6b54-80e4-46f7-96ec-b56ff0331ba9"
SECRET_SIG_KEY = "4dabf18193072939515e22adb298388d"
SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270"
CAMEL: dict[str, str] = PROPERTY_NAMES
SNAKE = {camel: snake for snake, camel in CAMEL.items()}
#: The state's customers (the core's blob), and the digest of the file they were read from.
BLOB, FILE_DIGEST, FILE_DIGEST_KEY = "customersBlob", "customersFileDigest", "customers_file_digest"
#: What the core computes or keeps apart from the program's inputs.
_NOT_INPUTS = {*OUTPUT_TO_API, "customer_count"}


def secret(value: Any) -> dict[str, Any]:
    return {SECRET_SIG_KEY: SECRET_SIG, "value": value}


def _value(value: struct_pb2.Value) -> Any:
    kind = value.WhichOneof("kind")
    if kind == "struct_value":
        return _fields(value.struct_value)
    if kind == "list_value":
        return [_value(item) for item in value.list_value.values]
    if kind == "string_value":
        return UNKNOWN if value.string_value == UNKNOWN_SENTINEL else value.string_value
    if kind == "number_value":
        number = value.number_value
        return int(number) if number.is_integer() else number  # JSON has one number type
    return value.bool_value if kind == "bool_value" else None


def _fields(struct: struct_pb2.Struct) -> Any:
    sig = struct.fields.get(SECRET_SIG_KEY)
    if sig is not None and sig.string_value == SECRET_SIG:
        inner = struct.fields.get("value")
        return _value(inner) if inner is not None else None
    return {key: _value(item) for key, item in struct.fields.items()}


def plain(struct: struct_pb2.Struct) -> dict[str, Any]:
    """A Struct as JSON-like values in one walk: secrets unwrapped, unknowns as the core's,
    whole numbers as ints (3.0 is 3)."""
    data: dict[str, Any] = _fields(struct)
    return data


def to_struct(values: Mapping[str, Any]) -> struct_pb2.Struct:
    struct = struct_pb2.Struct()
    json_format.ParseDict({k: v for k, v in values.items() if v is not None}, struct)
    return struct


def canonical(
    inputs: Mapping[str, Any],
    resource: str,
    run: Run,
    recorded_outputs: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The program's inputs (as :func:`plain` gives them) as the core's canonical inputs
    (a customers file read from ``run``'s project, parsed once per run).
    ``recorded_outputs``: the state's, whose blob stands for a customers file unchanged since.
    Raises CustomersFileError naming the file when it cannot be read."""
    props: dict[str, Any] = {"resource_name": resource}
    props.update({SNAKE[k]: v for k, v in inputs.items() if k in SNAKE})
    customers, shown = inputs.get("customers"), inputs.get(CUSTOMERS_FILE)
    if isinstance(customers, Unknown) or isinstance(shown, Unknown):
        props["customers"] = props["customer_count"] = UNKNOWN
    elif isinstance(shown, str) and customers is None:
        state = recorded_outputs or {}
        kept = (state.get(FILE_DIGEST), state.get(BLOB), state.get("customerCount"))
        file = open_customers_file(run.project_dir / shown, shown)  # CustomersFileError names it
        digest, blob, count = file_blob(file, kept, run.file_blobs)
        props.update(customers=blob, customer_count=count, **{FILE_DIGEST_KEY: digest})
        props[SOURCE_KEY] = file  # check names its customers by line (found only then)
    elif isinstance(customers, list):
        props["customers"] = encode_customers(customers)  # in a hook: the collector paused
        props["customer_count"] = len(customers)
    return props


def recorded(outputs: Mapping[str, Any], old_inputs: Mapping[str, Any], resource: str) -> dict:
    """The recorded campaign as the core's props: its outputs (the customers are the blob),
    and the mark refresh left in its inputs for a campaign deleted outside Pulumi."""
    props: dict[str, Any] = {"resource_name": resource}
    props.update({SNAKE[k]: v for k, v in outputs.items() if k in SNAKE and k != "customers"})
    if isinstance(outputs.get(BLOB), str):
        props["customers"] = outputs[BLOB]
    elif isinstance(outputs.get("customers"), list):
        props["customers"] = encode_customers(outputs["customers"])
    for source, key, prop in (
        (outputs, FILE_DIGEST, FILE_DIGEST_KEY),
        (old_inputs, VANISHED, VANISHED),
    ):
        if key in source:
            props[prop] = source[key]
    return props


def engine_outputs(props: Mapping[str, Any], inputs: Mapping[str, Any]) -> dict[str, Any]:
    """The core's outputs as the resource's: the program's inputs as given, the server's
    fields, the customers blob as a secret; nothing personal in the clear."""
    out: dict[str, Any] = {k: v for k, v in inputs.items() if k != "customers"}
    if "customers" in inputs:
        out["customers"] = secret(inputs["customers"])
    for snake, camel in CAMEL.items():
        if (
            snake in props
            and snake != "customers"
            and (camel not in inputs or snake in OUTPUT_TO_API)
        ):
            value = props[snake]
            out[camel] = UNKNOWN_SENTINEL if isinstance(value, Unknown) else value
    if is_blob(props.get("customers")):
        out[BLOB] = secret(props["customers"])
    if isinstance(props.get(FILE_DIGEST_KEY), str) and CUSTOMERS_FILE in inputs:
        out[FILE_DIGEST] = secret(props[FILE_DIGEST_KEY])
    if VANISHED in props:
        out[VANISHED] = props[VANISHED]
    return out


def program_inputs(
    read: Mapping[str, Any], old_inputs: Mapping[str, Any], old_blob: Any
) -> dict[str, Any]:
    """Refreshed inputs in the program's form: what did not change stays as the program wrote
    it (the customers as a list or a file); what changed is the API's value, a secret when it
    is the customers."""
    inputs: dict[str, Any] = {VANISHED: read[VANISHED]} if VANISHED in read else {}
    for snake, value in read.items():
        camel = CAMEL.get(snake)
        if snake == "customers" and value == old_blob:
            inputs.update(
                {k: old_inputs[k] for k in ("customers", CUSTOMERS_FILE) if k in old_inputs}
            )
        elif snake == "customers" and is_blob(value):
            inputs["customers"] = decode_customers(value)
        elif (
            camel
            and snake not in (*_NOT_INPUTS, "customers")
            and value is not None
            and (camel in old_inputs or value is not False)  # not a flag the program never set
        ):
            inputs[camel] = value
    if isinstance(inputs.get("customers"), list):
        inputs["customers"] = secret(inputs["customers"])
    return inputs


def detailed_diff(
    paths: Mapping[str, str], old_inputs: Mapping[str, Any], given: Mapping[str, Any]
) -> dict[str, provider_pb2.PropertyDiff]:
    """Each changed path (the API's, with ``update`` or ``replace``) as the engine's detailed
    diff: added or deleted when the top-level property is new or gone, else updated; each
    ``*_REPLACE`` when the change needs a new campaign. A customers file stands for its
    customers."""
    kinds = provider_pb2.PropertyDiff
    detailed = {}
    for path, kind in paths.items():
        top = path.split(".", 1)[0].split("[", 1)[0]
        if top == "customerCount":
            continue  # the customers' count: an output here, not an input
        added, gone = top not in old_inputs and top in given, top in old_inputs and top not in given
        name = "ADD" if added else "DELETE" if gone else "UPDATE"
        value = getattr(kinds, f"{name}_REPLACE" if kind == "replace" else name)
        detailed[path] = kinds(kind=value, inputDiff=True)
    if "customers" in detailed and CUSTOMERS_FILE in {**given, **old_inputs}:
        detailed[CUSTOMERS_FILE] = detailed.pop("customers")
    return detailed
