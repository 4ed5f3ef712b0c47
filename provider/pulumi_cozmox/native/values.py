"""The engine's values for the plugin (protobuf Structs, camelCase, secret wrappers, the unknown
sentinel) as the core's canonical inputs and back: done once per call, at the boundary.

- Top-level keys are the API's camelCase (``phoneNumberId``) and the opt-ins' (``allowRedial``);
  the core's are snake_case. Nested values are the API's own JSON, untouched.
- Secrets arrive wrapped (``{SIG_KEY: SIG, "value": ...}``, the plugin accepts secrets): they
  are unwrapped; outputs that are personal data (the customers) are wrapped again on the way
  out, in outputs and in the inputs a read returns (so an imported campaign's stay secret).
- The engine's unknown (``04da6b54-...``) becomes
:data:`~pulumi_cozmox.core.engine.outcome.UNKNOWN`.
- The customers: ``customers`` (a list) or ``customersFile`` (a CSV or JSON file beside the
  program, :mod:`pulumi_cozmox.native.customers_file`) become the core's one blob. The state
  keeps that blob as the output ``customersBlob`` (compressed: 10,000 customers are not 90 MB
  of state), the program's inputs as given.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from google.protobuf import json_format, struct_pb2

from pulumi_cozmox._json import gc_paused
from pulumi_cozmox.core.engine.outcome import UNKNOWN, Unknown
from pulumi_cozmox.core.model.customers import decode_customers, encode_customers, is_blob
from pulumi_cozmox.core.model.customers_file import (
    SOURCE_KEY,
    CustomersFile,
    open_customers_file,
)
from pulumi_cozmox.core.resource.fields import OUTPUT_TO_API, PROPERTY_NAMES

__all__ = [
    "CAMEL",
    "SNAKE",
    "UNKNOWN_SENTINEL",
    "canonical",
    "engine_outputs",
    "imported_inputs",
    "plain",
    "recorded",
    "secret",
    "to_struct",
]

UNKNOWN_SENTINEL = "04da6b54-80e4-46f7-96ec-b56ff0331ba9"
SECRET_SIG_KEY = "4dabf18193072939515e22adb298388d"
SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270"

#: The core's snake_case keys -> the resource's camelCase properties.
CAMEL: dict[str, str] = PROPERTY_NAMES
SNAKE = {camel: snake for snake, camel in CAMEL.items()}
#: Where the state keeps the customers (a secret): the core's blob.
BLOB = "customersBlob"
CUSTOMERS_FILE = "customersFile"


def secret(value: Any) -> dict[str, Any]:
    return {SECRET_SIG_KEY: SECRET_SIG, "value": value}


def _value(value: struct_pb2.Value) -> Any:
    kind = value.WhichOneof("kind")
    if kind == "struct_value":
        return _fields(value.struct_value)
    if kind == "list_value":
        return [_value(item) for item in value.list_value.values]
    if kind == "string_value":
        text = value.string_value
        return UNKNOWN if text == UNKNOWN_SENTINEL else text
    if kind == "number_value":
        number = value.number_value
        return int(number) if number.is_integer() else number  # JSON has one number type
    if kind == "bool_value":
        return value.bool_value
    return None


def _fields(struct: struct_pb2.Struct) -> Any:
    fields = struct.fields
    sig = fields.get(SECRET_SIG_KEY)
    if sig is not None and sig.string_value == SECRET_SIG:
        inner = fields.get("value")
        return _value(inner) if inner is not None else None
    return {key: _value(item) for key, item in fields.items()}


def plain(struct: struct_pb2.Struct) -> dict[str, Any]:
    """A Struct as JSON-like values in one walk: secrets unwrapped, unknowns as the core's,
    whole numbers as ints (3.0 is 3)."""
    data: dict[str, Any] = _fields(struct)
    return data


def canonical(
    inputs: Mapping[str, Any],
    resource: str,
    project_dir: Path,
    recorded_outputs: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The program's inputs (as :func:`plain` gives them) as the core's canonical inputs.
    ``recorded_outputs``: the
    resource's recorded outputs, whose blob stands for a customers file that has not changed
    since (same digest). Raises CustomersFileError (a ValueError) when the customers file
    cannot be read (the message names the file and the line)."""
    props: dict[str, Any] = {"resource_name": resource}
    for camel, value in inputs.items():
        snake = SNAKE.get(camel)
        if snake is not None:
            props[snake] = value
    customers = inputs.get("customers")
    shown = inputs.get(CUSTOMERS_FILE)
    if isinstance(customers, Unknown) or isinstance(shown, Unknown):
        props["customers"] = props["customer_count"] = UNKNOWN
    elif isinstance(shown, str) and customers is None:
        file = open_customers_file(project_dir / shown, shown)  # CustomersFileError names it
        digest, blob, count = _file_blob(file, recorded_outputs or {})
        props["customers"], props["customer_count"], props[FILE_DIGEST_KEY] = blob, count, digest
        props[SOURCE_KEY] = file  # check names its customers by line (read again only then)
    elif isinstance(customers, list):
        with gc_paused():
            props["customers"] = encode_customers(customers)
        props["customer_count"] = len(customers)
    return props


#: Where the state keeps the digest of the customers file the blob was read from (a secret: a
#: small file's digest would tell its numbers), and the props key that carries it.
FILE_DIGEST = "customersFileDigest"
FILE_DIGEST_KEY = "customers_file_digest"
#: Blobs and counts of customers files read by this process, by the file's digest.
_FILE_BLOBS: dict[str, tuple[str, int]] = {}
_FILE_BLOBS_LOCK = threading.Lock()


def _bound(file_digest: str, blob: str) -> str:
    """The digest the state records: the file's, bound to the blob read from it. A refresh
    that finds other customers live replaces the blob, never this digest: that blob then no
    longer matches, so it can never stand for the file (the drift stays visible)."""
    return f"{file_digest}:{hashlib.sha256(blob.encode()).hexdigest()}"


def _file_blob(file: CustomersFile, recorded: Mapping[str, Any]) -> tuple[str, str, int]:
    """(recorded digest, blob, count) of a customers file. Parsing 10,000 customers with
    overrides takes seconds, hashing the file a tenth of one: an unchanged file (the digest
    the state records with its blob, or one this process read) is not parsed again. The
    digest is of the customers' plain text: a file SOPS encrypted again is unchanged."""
    digest = file.digest
    blob, count = recorded.get(BLOB), recorded.get("customerCount")
    if isinstance(blob, str) and isinstance(count, int | float):
        kept = recorded.get(FILE_DIGEST)
        if kept == _bound(digest, blob):
            return kept, blob, int(count)
    with _FILE_BLOBS_LOCK:
        found = _FILE_BLOBS.get(digest)
    if found is None:
        with gc_paused():
            customers = file.customers()
            found = encode_customers(customers), len(customers)
        with _FILE_BLOBS_LOCK:
            if len(_FILE_BLOBS) >= 8:
                _FILE_BLOBS.pop(next(iter(_FILE_BLOBS)))
            _FILE_BLOBS[digest] = found
    return _bound(digest, found[0]), *found


def recorded(outputs: Mapping[str, Any], resource: str) -> dict[str, Any]:
    """Recorded outputs (the state, as :func:`plain` gives them) as the core's: the customers
    are the blob."""
    props: dict[str, Any] = {"resource_name": resource}
    for camel, value in outputs.items():
        snake = SNAKE.get(camel)
        if snake is not None and snake != "customers":
            props[snake] = value
    if isinstance(outputs.get(BLOB), str):
        props["customers"] = outputs[BLOB]
    elif isinstance(outputs.get("customers"), list):
        props["customers"] = encode_customers(outputs["customers"])
    if "deleted_outside_pulumi" in outputs:
        props["deleted_outside_pulumi"] = outputs["deleted_outside_pulumi"]
    if isinstance(outputs.get(FILE_DIGEST), str):
        props[FILE_DIGEST_KEY] = outputs[FILE_DIGEST]
    return props


def engine_outputs(props: Mapping[str, Any], inputs: Mapping[str, Any]) -> dict[str, Any]:
    """The core's outputs as the resource's: the program's inputs as given, the server's
    fields, the customers blob as a secret; nothing personal in the clear."""
    out: dict[str, Any] = {k: v for k, v in inputs.items() if k != "customers"}
    if "customers" in inputs:
        out["customers"] = secret(inputs["customers"])
    for snake, camel in CAMEL.items():
        if snake in props and snake not in ("customers",) and camel not in inputs:
            value = props[snake]
            out[camel] = UNKNOWN_SENTINEL if isinstance(value, Unknown) else value
    for snake, camel in OUTPUT_TO_API.items():
        value = props.get(snake)
        out[camel] = UNKNOWN_SENTINEL if isinstance(value, Unknown) else value
    blob = props.get("customers")
    if is_blob(blob):
        out[BLOB] = secret(blob)
    if isinstance(props.get(FILE_DIGEST_KEY), str) and CUSTOMERS_FILE in inputs:
        out[FILE_DIGEST] = secret(props[FILE_DIGEST_KEY])
    if "deleted_outside_pulumi" in props:
        out["deleted_outside_pulumi"] = props["deleted_outside_pulumi"]
    return out


def imported_inputs(props: Mapping[str, Any]) -> dict[str, Any]:
    """The inputs a campaign read by id (import) means, in the program's terms: the customers
    as a list, a secret."""
    out: dict[str, Any] = {}
    for snake, value in props.items():
        camel = CAMEL.get(snake)
        if camel is None or snake in OUTPUT_TO_API or snake == "customer_count" or value is None:
            continue
        if snake == "customers":
            out[camel] = secret(decode_customers(value)) if is_blob(value) else value
        elif value is not False:
            out[camel] = value
    return out


def to_struct(values: Mapping[str, Any]) -> struct_pb2.Struct:
    struct = struct_pb2.Struct()
    json_format.ParseDict({k: v for k, v in values.items() if v is not None}, struct)
    return struct
