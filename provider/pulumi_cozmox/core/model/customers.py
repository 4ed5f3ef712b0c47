"""A campaign's customers as one string: the form in which they cross the Pulumi engine.

The Pulumi Python SDK takes about 21 s to serialize 10,000 nested customer objects, and well
under a second for one string. So the resource passes the customers as a *blob*::

    "z2:" + base64(zlib.compress(lines_json(customers), level=3))

where ``lines_json`` is the canonical JSON of the list (``json.dumps(sort_keys=True,
separators=(",", ":"), ensure_ascii=False)`` as UTF-8) with a newline after each comma between
two customers. Compact JSON never holds a raw newline (one in a string is escaped), so the
newlines split the list into its customers without parsing it (:func:`customer_segments`: a
preview finds what changed between two lists of 10,000 customers by comparing bytes), and
removing them gives the canonical JSON back. Blobs of the first format, ``"z1:"`` (the
canonical JSON, no newlines), are still read.

Equal customer lists give equal canonical JSON, hence equal digests; with the same zlib they
also give the identical blob. Compare blobs as strings first and by :func:`customers_digest`
only when they differ (another zlib build may compress the same bytes differently, and a
``z1:`` blob differs from the ``z2:`` blob of the same customers), never by parsing.

Pure: no pulumi import, no I/O.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import zlib
from functools import cached_property, lru_cache
from typing import Any

import orjson
from pydantic import TypeAdapter

from pulumi_cozmox import _json as fastjson
from pulumi_cozmox.client.answers import CustomerKey
from pulumi_cozmox.core.model.phone import person_of

__all__ = [
    "BLOB_PREFIX",
    "CustomerList",
    "canonical_json",
    "customer_segments",
    "customers_digest",
    "customers_json",
    "decode_customers",
    "digest_of",
    "encode_customers",
    "is_blob",
    "json_digest",
    "lines_json",
    "same_customers",
]

#: The format marker of a blob: zlib-compressed canonical JSON, one customer a line, base64.
BLOB_PREFIX = "z2:"
#: The first format: the canonical JSON on one line (read, no longer written).
BLOB_PREFIX_V1 = "z1:"
#: Level 3: for 10,000 customers with full overrides (87 MB) 0.25 s and 0.66 MB, where level 6
#: takes 0.64 s for 0.76 MB; the program pays it at every preview.
ZLIB_LEVEL = 3
_SORT = orjson.OPT_SORT_KEYS


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


def json_digest(data: bytes) -> str:
    """The digest of customers JSON from a blob (either format: newlines do not count)."""
    return hashlib.sha256(data.replace(b"\n", b"")).hexdigest()


def encode_customers(customers: list[Any]) -> str:
    """Encode a customer list as a blob; deterministic for equal input."""
    if not isinstance(customers, list):
        raise TypeError(f"customers must be a list, not {type(customers).__name__}")
    compressed = zlib.compress(lines_json(customers), ZLIB_LEVEL)
    return BLOB_PREFIX + base64.b64encode(compressed).decode("ascii")


def lines_json(customers: list[Any]) -> bytes:
    """The canonical JSON of ``customers`` with a newline after each separating comma."""
    if not isinstance(customers, list):
        raise TypeError(f"customers must be a list, not {type(customers).__name__}")
    return b"[" + b",\n".join(orjson.dumps(c, option=_SORT) for c in customers) + b"]"


def is_blob(value: object) -> bool:
    """Whether ``value`` looks like a customers blob (a string with a format prefix)."""
    return isinstance(value, str) and value.startswith((BLOB_PREFIX, BLOB_PREFIX_V1))


def customer_segments(blob: str) -> list[bytes] | None:
    """Each customer's canonical JSON, in order, cut from the blob without parsing it; None
    for a first-format blob (one line). Raises ValueError for a malformed blob."""
    data = customers_json(blob)
    if not blob.startswith(BLOB_PREFIX):
        return None
    if data == b"[]":
        return []
    # Split the whole text, then trim the brackets off the first and last customer: slicing
    # off the brackets first would copy all 87 MB once more.
    parts = data.split(b",\n")
    parts[0] = parts[0][1:]
    parts[-1] = parts[-1][:-1]  # (the same part as the first for a single customer)
    return parts


def customers_json(blob: str) -> bytes:
    """The canonical JSON bytes inside a blob (not parsed: splice them into a request body).

    Raises ValueError when ``blob`` is not a blob this module wrote. The last two are kept:
    one preview decodes, digests and sends the same old and new blobs (87 MB each at 10,000
    customers with full overrides; 0.15 s to decompress).
    """
    if not isinstance(blob, str):
        raise ValueError(f"customers blob must be a string, not {type(blob).__name__}")
    return _decompressed(blob)


@lru_cache(maxsize=2)
def _decompressed(blob: str) -> bytes:
    if not is_blob(blob):
        # Never quoted: it may be customers' data given where the blob belongs.
        raise ValueError(
            f"customers blob must start with {BLOB_PREFIX!r} (got a string of {len(blob)} "
            "characters that does not); "
            "encode customers with pulumi_cozmox.core.model.customers.encode_customers"
        )
    try:
        compressed = base64.b64decode(blob[len(BLOB_PREFIX) :], validate=True)  # same length
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


def same_customers(a: str, b: str) -> bool:
    """Whether two blobs hold the same customers. Raises ValueError for a malformed blob.

    Equal strings first; then the JSON inside (blobs of one format: equal bytes, compared in
    C, no hashing); then the digests (blobs of two formats)."""
    if a == b:
        return True
    if a[: len(BLOB_PREFIX)] == b[: len(BLOB_PREFIX)]:
        return customers_json(a) == customers_json(b)
    return customers_digest(a) == customers_digest(b)


@lru_cache(maxsize=32)
def customers_digest(blob: str) -> str:
    """sha256 hex of the canonical JSON inside a blob: compare customers without parsing.

    Cached (blobs are immutable strings and diff asks about the same few ones repeatedly).
    Raises ValueError for a malformed blob.
    """
    return json_digest(customers_json(blob))


class CustomerList:
    """One customer list as it crosses the engine (a blob), each of its forms computed once,
    when first asked for: the canonical JSON, the digest, each customer's segment, the decoded
    customers, their keys (number, SIP URI) and the people they are (E.164 number or SIP URI).

    A run keeps the lists its hooks met (:class:`pulumi_cozmox.core.engine.run.Run`), so that
    check, diff and create decode a list of 10,000 customers once between them. Raises
    ValueError (from the first form asked for) when the blob is malformed. Never modify what
    it returns. Thread-safe: a form computed twice by two threads is the same value."""

    def __init__(self, blob: str) -> None:
        if not isinstance(blob, str):
            raise ValueError(f"customers blob must be a string, not {type(blob).__name__}")
        self.__dict__["blob"] = blob

    @classmethod
    def of(cls, customers: list[Any]) -> CustomerList:
        """The list a program gave (the plugin's wire form): nothing is encoded until asked
        for; the blob only when the state records it."""
        made = cls.__new__(cls)
        made.__dict__["items"] = customers
        return made

    def __repr__(self) -> str:
        return f"CustomerList(<{len(self)} customers>)"  # never the customers

    @cached_property
    def blob(self) -> str:
        """The dynamic provider's wire form (and the plugin's recorded one): the same string
        :func:`encode_customers` makes of the items."""
        return BLOB_PREFIX + base64.b64encode(zlib.compress(self.json, ZLIB_LEVEL)).decode("ascii")

    @property
    def key(self) -> str:
        """What a run remembers judgements of this list by: the blob when it came as one (no
        decoding), else the digest (no encoding)."""
        blob: str | None = self.__dict__.get("blob")
        return blob if blob is not None else self.digest

    def same(self, other: CustomerList) -> bool:
        """Whether ``other`` holds the same customers: equal blobs when both are at hand, else
        equal canonical JSON (never parsed)."""
        if other is self:
            return True
        if "blob" in self.__dict__ and "blob" in other.__dict__:
            return same_customers(self.blob, other.blob)
        return self.digest == other.digest

    @cached_property
    def json(self) -> bytes:
        """The canonical JSON (one customer a line but for a first-format blob)."""
        if "blob" not in self.__dict__:
            return lines_json(self.items)
        return customers_json(self.blob)

    @cached_property
    def digest(self) -> str:
        return json_digest(self.json)

    @cached_property
    def segments(self) -> list[bytes] | None:
        """Each customer's canonical JSON (None for a first-format blob)."""
        if "blob" not in self.__dict__:
            return [orjson.dumps(c, option=_SORT) for c in self.items]
        return customer_segments(self.blob)

    @cached_property
    def items(self) -> list[dict[str, Any]]:
        """The customers, decoded (the hook that needs them pauses the collector, and freezes
        what it keeps: :func:`pulumi_cozmox._json.gc_paused`)."""
        return decode_customers(self.blob)

    @cached_property
    def keys(self) -> tuple[tuple[str | None, str | None], ...]:
        """Each customer's (number, SIP URI), in order."""
        if "items" in self.__dict__:
            return tuple(_key(c) for c in self.items)
        return _keys_from_json(self.json)

    @cached_property
    def people(self) -> tuple[str | None, ...]:
        """Who each customer is, as calls count people (``person_of``), in order."""
        return tuple(
            person_of({"number": number} if number else {"sipUri": sip})
            for number, sip in self.keys
        )

    def __len__(self) -> int:
        return len(self.keys)


def _key(customer: dict[str, Any]) -> tuple[str | None, str | None]:
    number, sip = customer.get("number"), customer.get("sipUri")
    return (
        number if isinstance(number, str) else None,
        sip if isinstance(sip, str) else None,
    )


def _keys_from_json(data: bytes) -> tuple[tuple[str | None, str | None], ...]:
    """The customers' keys read without building the customers (pydantic, in Rust)."""
    return tuple((c.number, c.sipUri) for c in _KEY_LIST.validate_json(data))


_KEY_LIST = TypeAdapter(list[CustomerKey])
