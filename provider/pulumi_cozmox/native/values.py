"""The engine's values for the plugin, as the core's value and back, once per call.

Top-level keys are the resource's camelCase properties (the field table's ``api`` names), which
the core's value (:class:`~pulumi_cozmox.core.model.campaign.Campaign`) parses and renders.
Secrets arrive wrapped (the plugin accepts secrets) and are unwrapped; the customers go out
wrapped again. The engine's unknown becomes the core's ``UNKNOWN``. The customers are
``customers`` (a list) or ``customersFile`` (a file, plain or SOPS-encrypted): either becomes
the core's customer list (a list given stays the list: no blob is made for check), which the
state keeps as the blob, the secret output ``customersBlob``, beside the program's inputs as
given."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from google.protobuf import json_format, struct_pb2
from pulumi.runtime.proto import provider_pb2

from pulumi_cozmox.core.engine.customers_io import file_blob, open_customers_file
from pulumi_cozmox.core.engine.refusals import VANISHED
from pulumi_cozmox.core.model.campaign import Campaign
from pulumi_cozmox.core.model.customers import CustomerList, decode_customers, is_blob
from pulumi_cozmox.core.model.unknown import UNKNOWN, Unknown
from pulumi_cozmox.core.resource.fields import (
    CUSTOMERS_FILE,
    OUTPUT_TO_API,
    Effect,
    by_api,
    by_python,
)

if TYPE_CHECKING:
    from pulumi_cozmox.core.engine.run import Run

UNKNOWN_SENTINEL = "04da6b54-80e4-46f7-96ec-b56ff0331ba9"
SECRET_SIG_KEY = "4dabf18193072939515e22adb298388d"
SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270"
#: The state's customers (the core's blob), and the digest of the file they were read from.
BLOB, FILE_DIGEST = "customersBlob", "customersFileDigest"
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
) -> Campaign:
    """The program's inputs (as :func:`plain` gives them) as the core's value, parsed once: a
    list of customers stays the list (no blob made: check needs none); a customers file is read
    from ``run``'s project, parsed once per run. ``recorded_outputs``: the state's, whose blob
    stands for a customers file unchanged since. Raises CustomersFileError naming the file when
    it cannot be read."""
    customers, shown = inputs.get("customers"), inputs.get(CUSTOMERS_FILE)
    resolved: dict[str, Any] = {}
    if isinstance(customers, Unknown) or isinstance(shown, Unknown):
        resolved = {"customers": UNKNOWN, "customer_count": UNKNOWN}
    elif isinstance(shown, str) and customers is None:
        state = recorded_outputs or {}
        kept = (state.get(FILE_DIGEST), state.get(BLOB), state.get("customerCount"))
        file = open_customers_file(run.project_dir / shown, shown)  # CustomersFileError names it
        digest, blob, count = file_blob(file, kept, run.file_blobs)
        resolved = {"customers": run.customers(blob), "customer_count": count}
        # check names its customers by line (found only then)
        resolved.update(customers_file_digest=digest, customers_source=file)
    elif isinstance(customers, list):
        resolved = {"customers": CustomerList.of(customers), "customer_count": len(customers)}
    elif customers is not None:
        resolved = {"customers": customers}  # no list: check says what it is
    return Campaign.from_native(inputs, resource, **resolved)


def recorded(
    outputs: Mapping[str, Any],
    old_inputs: Mapping[str, Any],
    resource: str,
    lists: Callable[[str], CustomerList] = CustomerList,
) -> Campaign:
    """The recorded campaign as the core's value: its outputs (the customers are the blob),
    and the mark refresh left in its inputs for a campaign deleted outside Pulumi."""
    resolved: dict[str, Any] = {}
    if isinstance(outputs.get(BLOB), str):
        resolved["customers"] = lists(outputs[BLOB])
    elif isinstance(outputs.get("customers"), list):
        resolved["customers"] = CustomerList.of(outputs["customers"])
    if FILE_DIGEST in outputs:
        resolved["customers_file_digest"] = outputs[FILE_DIGEST]
    if VANISHED in old_inputs:
        resolved[VANISHED] = old_inputs[VANISHED]
    return Campaign.from_native(outputs, resource, **resolved)


def engine_outputs(campaign: Campaign, inputs: Mapping[str, Any]) -> dict[str, Any]:
    """The core's outputs as the resource's: the program's inputs as given, the server's
    fields, the customers blob as a secret; nothing personal in the clear."""
    out: dict[str, Any] = {k: v for k, v in inputs.items() if k != "customers"}
    if "customers" in inputs:
        out["customers"] = secret(inputs["customers"])
    for name, value in campaign.to_native().items():
        field = by_api(name)
        if field is not None and (name not in inputs or field.change is Effect.OUTPUT):
            out[name] = UNKNOWN_SENTINEL if isinstance(value, Unknown) else value
    if campaign.customer_list is not None:
        out[BLOB] = secret(campaign.customer_list.blob)
    if isinstance(campaign.customers_file_digest, str) and CUSTOMERS_FILE in inputs:
        out[FILE_DIGEST] = secret(campaign.customers_file_digest)
    if campaign.deleted_outside_pulumi is not None:
        out[VANISHED] = campaign.deleted_outside_pulumi
    return out


def program_inputs(
    read: Mapping[str, Any], old_inputs: Mapping[str, Any], old_blob: Any
) -> dict[str, Any]:
    """Refreshed inputs in the program's form: what did not change stays as the program wrote
    it (the customers as a list or a file); what changed is the API's value, a secret when it
    is the customers."""
    inputs: dict[str, Any] = {VANISHED: read[VANISHED]} if VANISHED in read else {}
    for snake, value in read.items():
        field = by_python(snake)
        camel = field.api if field is not None and "native" in field.doors else None
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
