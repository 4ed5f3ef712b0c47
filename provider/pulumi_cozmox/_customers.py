"""A campaign's customers as one string: the form in which they cross the Pulumi engine.

The Pulumi Python SDK takes about 21 s to serialize 10,000 nested customer objects, and well
under a second for one string. So the resource passes the customers as a *blob*::

    "z1:" + base64(zlib.compress(canonical_json(customers), level=6))

where ``canonical_json`` is ``json.dumps(sort_keys=True, separators=(",", ":"),
ensure_ascii=False)`` encoded as UTF-8. Equal customer lists give equal canonical JSON, hence
equal digests; with the same zlib they also give the identical blob. Compare blobs as strings
first and by :func:`customers_digest` only when they differ (another zlib build may compress
the same bytes differently), never by parsing.

Pure: no pulumi import, no I/O.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import zlib
from functools import lru_cache
from typing import Any

import orjson

from pulumi_cozmox import _json as fastjson

__all__ = [
    "BLOB_PREFIX",
    "canonical_json",
    "customers_digest",
    "customers_json",
    "decode_customers",
    "digest_of",
    "encode_customers",
    "is_blob",
]

#: The format marker of a blob: zlib-compressed canonical JSON in base64, version 1.
BLOB_PREFIX = "z1:"
ZLIB_LEVEL = 6


def canonical_json(customers: list[Any]) -> bytes:
    """The canonical JSON (UTF-8 bytes) of a customer list: sorted keys, no spaces."""
    if not isinstance(customers, list):
        raise TypeError(f"customers must be a list, not {type(customers).__name__}")
    # orjson: the same bytes as json.dumps(sort_keys=True, separators=(",", ":"),
    # ensure_ascii=False) here, in 0.4 s instead of 2.7 s for 10,000 full customers (87 MB),
    # paid by the program at every preview. Its JSONEncodeError is a TypeError.
    return orjson.dumps(customers, option=orjson.OPT_SORT_KEYS)


def digest_of(customers: list[Any]) -> str:
    """The digest a blob of ``customers`` would have (sha256 hex of the canonical JSON)."""
    return hashlib.sha256(canonical_json(customers)).hexdigest()


def encode_customers(customers: list[Any]) -> str:
    """Encode a customer list as a blob; deterministic for equal input."""
    compressed = zlib.compress(canonical_json(customers), ZLIB_LEVEL)
    return BLOB_PREFIX + base64.b64encode(compressed).decode("ascii")


def is_blob(value: object) -> bool:
    """Whether ``value`` looks like a customers blob (a string with the format prefix)."""
    return isinstance(value, str) and value.startswith(BLOB_PREFIX)


def customers_json(blob: str) -> bytes:
    """The canonical JSON bytes inside a blob (not parsed: splice them into a request body).

    Raises ValueError when ``blob`` is not a blob this module wrote.
    """
    if not isinstance(blob, str):
        raise ValueError(f"customers blob must be a string, not {type(blob).__name__}")
    if not blob.startswith(BLOB_PREFIX):
        shown = blob[:12] + ("..." if len(blob) > 12 else "")
        raise ValueError(
            f"customers blob must start with {BLOB_PREFIX!r} (got {shown!r}); "
            "encode customers with pulumi_cozmox._customers.encode_customers"
        )
    try:
        compressed = base64.b64decode(blob[len(BLOB_PREFIX) :], validate=True)
    except (binascii.Error, ValueError) as exc:
        raise ValueError(f"customers blob is not valid base64: {exc}") from None
    try:
        return zlib.decompress(compressed)
    except zlib.error as exc:
        raise ValueError(f"customers blob is not valid zlib data: {exc}") from None


def decode_customers(blob: str) -> list[dict[str, Any]]:
    """The customer list inside a blob. Raises ValueError for a malformed blob."""
    data = customers_json(blob)
    try:
        customers = fastjson.loads(data)
    except ValueError as exc:
        raise ValueError(f"customers blob does not hold valid JSON: {exc}") from None
    if not isinstance(customers, list) or not all(isinstance(c, dict) for c in customers):
        raise ValueError("customers blob must hold a JSON list of objects")
    return customers


@lru_cache(maxsize=32)
def customers_digest(blob: str) -> str:
    """sha256 hex of the canonical JSON inside a blob: compare customers without parsing.

    Cached (blobs are immutable strings and diff asks about the same few ones repeatedly).
    Raises ValueError for a malformed blob.
    """
    return hashlib.sha256(customers_json(blob)).hexdigest()
