"""customers.py: the blob in which customers cross the Pulumi engine."""

from __future__ import annotations

import base64
import hashlib
import json
import zlib
from typing import Any

import pytest

from pulumi_cozmox.core.model.customers import (
    BLOB_PREFIX,
    canonical_json,
    customer_segments,
    customers_digest,
    customers_json,
    decode_customers,
    digest_of,
    encode_customers,
    is_blob,
    same_customers,
)

CUSTOMERS: list[dict[str, Any]] = [
    {
        "number": "+14155550100",
        "name": "Zoë",
        "assistantOverrides": {"variableValues": {"b": 2, "a": 1}},
    },
    {"number": "+14155550101", "email": "a@example.com", "numberE164CheckEnabled": True},
]


def many(n: int) -> list[dict]:
    overrides = {
        "firstMessage": "Hello, this is a reminder about your appointment.",
        "voice": {"provider": "11labs", "voiceId": "burt", "stability": 0.5},
        "model": {"provider": "openai", "model": "gpt-4o", "temperature": 0.3},
        "variableValues": {"clinic": "Downtown", "doctor": "Dr. Smith"},
    }
    return [
        {"number": f"+1415{i:07d}", "name": f"Customer {i}", "assistantOverrides": overrides}
        for i in range(n)
    ]


def test_round_trip() -> None:
    blob = encode_customers(CUSTOMERS)
    assert blob.startswith(BLOB_PREFIX)
    assert is_blob(blob)
    assert decode_customers(blob) == CUSTOMERS


def test_empty_list_round_trips() -> None:
    assert decode_customers(encode_customers([])) == []


def test_deterministic_regardless_of_key_order() -> None:
    reordered = [{k: c[k] for k in reversed(list(c))} for c in CUSTOMERS]
    reordered[0]["assistantOverrides"] = {"variableValues": {"a": 1, "b": 2}}
    assert encode_customers(CUSTOMERS) == encode_customers(reordered)
    assert customers_digest(encode_customers(CUSTOMERS)) == digest_of(reordered)


def test_different_customers_differ() -> None:
    other = [dict(CUSTOMERS[0], number="+14155550199"), CUSTOMERS[1]]
    assert encode_customers(other) != encode_customers(CUSTOMERS)
    assert customers_digest(encode_customers(other)) != customers_digest(
        encode_customers(CUSTOMERS)
    )


def test_order_of_customers_matters() -> None:
    assert digest_of(CUSTOMERS) != digest_of(list(reversed(CUSTOMERS)))


def test_customers_json_is_the_canonical_json_a_customer_a_line() -> None:
    data = customers_json(encode_customers(CUSTOMERS))
    expected = json.dumps(CUSTOMERS, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    # One customer a line: the newlines are all there is beyond the canonical JSON.
    assert data.count(b"\n") == len(CUSTOMERS) - 1
    assert data.replace(b"\n", b"") == expected.encode("utf-8") == canonical_json(CUSTOMERS)
    assert json.loads(data) == CUSTOMERS  # still JSON: spliced into the POST body as is
    assert "Zoë".encode() in data  # not \u-escaped


def test_segments_are_each_customers_json_even_with_newlines_in_values() -> None:
    tricky = [
        {"number": "+14155550100", "name": "Line\nbreak ,\n and }]", "assistantOverrides": {}},
        {"number": "+14155550101", "assistantOverrides": {"variableValues": {"a": "[\n,"}}},
        {"number": "+14155550102"},
    ]
    segments = customer_segments(encode_customers(tricky))
    assert segments is not None
    assert [json.loads(s) for s in segments] == tricky
    assert segments == [canonical_json([c])[1:-1] for c in tricky]
    assert customer_segments(encode_customers([])) == []


def test_first_format_blobs_are_still_read() -> None:
    # "z1:": the canonical JSON on one line, as states written by 0.1.0 hold it.
    old = "z1:" + base64.b64encode(zlib.compress(canonical_json(CUSTOMERS), 6)).decode()
    assert decode_customers(old) == CUSTOMERS
    assert customers_digest(old) == customers_digest(encode_customers(CUSTOMERS))
    assert customer_segments(old) is None  # not cut into customers: decoded instead


def test_digest_is_sha256_of_canonical_json() -> None:
    blob = encode_customers(CUSTOMERS)
    assert customers_digest(blob) == hashlib.sha256(canonical_json(CUSTOMERS)).hexdigest()


def test_digest_does_not_depend_on_compression() -> None:
    # Another zlib build (or level) gives another blob for the same customers: same digest.
    data = customers_json(encode_customers(CUSTOMERS))
    other = BLOB_PREFIX + base64.b64encode(zlib.compress(data, 1)).decode()
    assert other != encode_customers(CUSTOMERS)
    assert customers_digest(other) == customers_digest(encode_customers(CUSTOMERS))


def test_large_list_compresses_well() -> None:
    customers = many(10_000)
    raw = canonical_json(customers)
    blob = encode_customers(customers)
    assert len(blob) * 5 < len(raw), (len(blob), len(raw))
    assert decode_customers(blob) == customers


@pytest.mark.parametrize(
    ("blob", "fragment"),
    [
        ("", "must start with 'z2:'"),
        ('[{"number": "+14155550100"}]', "must start with 'z2:'"),
        ("z1:not base64!!", "not valid base64"),
        ("z1:" + base64.b64encode(b"plain, not zlib").decode(), "not valid zlib"),
        ("z1:" + base64.b64encode(zlib.compress(b"{nope")).decode(), "not hold valid JSON"),
        ("z1:" + base64.b64encode(zlib.compress(b'{"a":1}')).decode(), "list of objects"),
        ("z1:" + base64.b64encode(zlib.compress(b"[1,2]")).decode(), "list of objects"),
    ],
)
def test_malformed_blob_is_a_clear_value_error(blob: str, fragment: str) -> None:
    with pytest.raises(ValueError, match="customers blob") as info:
        decode_customers(blob)
    assert fragment in str(info.value)
    assert "+14155550100" not in str(info.value)  # a value given where the blob belongs


def test_non_string_blob_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="must be a string"):
        customers_json(CUSTOMERS)  # type: ignore[arg-type]
    assert not is_blob(CUSTOMERS)


def test_canonical_json_requires_a_list() -> None:
    with pytest.raises(TypeError):
        canonical_json({"number": "+1"})  # type: ignore[arg-type]


def test_same_customers_in_either_format_and_any_compression() -> None:
    blob = encode_customers(CUSTOMERS)
    data = customers_json(blob)
    recompressed = BLOB_PREFIX + base64.b64encode(zlib.compress(data, 1)).decode()
    first_format = "z1:" + base64.b64encode(zlib.compress(canonical_json(CUSTOMERS))).decode()
    assert recompressed != blob and same_customers(blob, recompressed)
    assert same_customers(blob, first_format) and same_customers(first_format, blob)
    other = encode_customers([*CUSTOMERS[:-1], {**CUSTOMERS[-1], "name": "Other"}])
    assert not same_customers(blob, other)
