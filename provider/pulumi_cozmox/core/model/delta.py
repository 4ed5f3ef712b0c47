"""Which customers a change adds, removes or changes: the delta between two customer lists.

Customers (CreateCustomerDTO dicts) are matched by a key:

- ``("number", number)`` when the customer has a ``number`` (a non-empty string): the API dials
  numbers, so the same number is the same person;
- else ``("sipUri", uri)`` when it has a ``sipUri``;
- else ``("position", i)``: its index in the list (a customer inserted before it shifts it, so
  it then counts as changed or added).

A key given twice in one list (the rules refuse that, but old state may hold anything) is told
apart by its occurrence: the second ``+1...`` is ``("number", "+1...", 1)``. Keys hold personal
data: mask them (:func:`pulumi_cozmox.core.model.mask.mask_number`) before they are shown.

A customer is *changed* when its key is in both lists and its fields differ. Fields are compared
with ``dict ==`` (in C: 10,000 customers with full ``assistantOverrides`` in tens of
milliseconds, no field walked in Python). ``==`` holds ``1 == 1.0 == True``: a change from
``true`` to ``1`` alone counts as unchanged (the blobs still differ, so the campaign is still
replaced). Pure: no I/O, no pulumi import.
"""

from __future__ import annotations

import operator
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import compress, repeat
from typing import Any

import orjson

from pulumi_cozmox.core.model.paths import format_path

__all__ = [
    "CustomerKey",
    "CustomersDelta",
    "customer_keys",
    "customers_delta",
    "field_paths",
    "segments_delta",
]

#: ``(kind, value)`` or ``(kind, value, occurrence)``; kind is "number", "sipUri" or "position".
CustomerKey = tuple[Any, ...]


@dataclass(frozen=True)
class CustomersDelta:
    """How a new customer list differs from an old one; keys in the order of their list."""

    added: tuple[CustomerKey, ...] = ()
    """Keys only in the new list (people the new campaign calls who were not in the old one)."""
    removed: tuple[CustomerKey, ...] = ()
    """Keys only in the old list."""
    changed: tuple[CustomerKey, ...] = ()
    """Keys in both lists whose customers differ in another field (name, overrides, ...)."""
    unchanged: int = 0
    """How many keys are in both lists with equal customers."""
    changed_fields: tuple[tuple[str, ...], ...] = ()
    """For each of :attr:`changed`, the paths of its fields that differ (``name``,
    ``assistantOverrides.variableValues.slot``): keys only, never a value."""

    @property
    def kept(self) -> int:
        """Customers in both lists (changed or not): the people both campaigns call."""
        return len(self.changed) + self.unchanged

    @property
    def has_changes(self) -> bool:
        return bool(self.added or self.removed or self.changed)


def customer_keys(customers: Sequence[Any]) -> dict[CustomerKey, Any]:
    """``{key: customer}`` in list order (see the module docstring for the keys)."""
    # The usual list (every customer a dict with its own number) keyed mostly in C: a
    # fifth of the time of the loop below, which handles everything else.
    try:
        numbers = [c["number"] for c in customers]
    except (KeyError, TypeError):
        numbers = []
    if len(numbers) == len(customers) and set(map(type, numbers)) <= {str} and "" not in numbers:
        keyed: dict[CustomerKey, Any] = dict(
            zip(zip(repeat("number"), numbers), customers, strict=False)
        )
        if len(keyed) == len(customers):
            return keyed
    return _keyed(enumerate(customers))


def _keyed(positioned: Iterable[tuple[int, Any]]) -> dict[CustomerKey, Any]:
    keyed: dict[CustomerKey, Any] = {}
    for position, customer in positioned:
        key: CustomerKey
        if isinstance(customer, Mapping):
            number = customer.get("number")
            sip = customer.get("sipUri")
            if isinstance(number, str) and number:
                key = ("number", number)
            elif isinstance(sip, str) and sip:
                key = ("sipUri", sip)
            else:
                key = ("position", position)
        else:
            key = ("position", position)
        if key in keyed:
            occurrence = 1
            while (*key, occurrence) in keyed:
                occurrence += 1
            key = (*key, occurrence)
        keyed[key] = customer
    return keyed


def segments_delta(old: Sequence[bytes], new: Sequence[bytes]) -> CustomersDelta:
    """The delta between two lists given as each customer's canonical JSON, in order
    (:func:`pulumi_cozmox.core.model.customers.customer_segments`).

    Equal bytes are the same customer, unchanged: they are matched in C, without parsing. Only
    the customers left over are parsed, and keyed as :func:`customers_delta` keys them (by
    number, SIP URI, or their position in their list). At 10,000 customers with full
    overrides and a few changed, this takes a small part of decoding one of the lists.
    """
    # Most of two lists is usually the same run of customers: the common head and tail are
    # matched by position (memcmp in C, nothing hashed); only the middle is counted.
    limit = min(len(old), len(new))
    head = 0
    while head < limit and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < limit - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    old_middle, new_middle = old[head : len(old) - tail], new[head : len(new) - tail]
    common = Counter(old_middle) & Counter(new_middle)
    unchanged = head + tail + sum(common.values())

    def leftovers(middle: Sequence[bytes]) -> list[tuple[int, Any]]:
        matched = Counter(common)
        rest: list[tuple[int, Any]] = []
        for position, segment in enumerate(middle, start=head):
            if matched[segment] > 0:
                matched[segment] -= 1
            else:
                rest.append((position, orjson.loads(segment)))
        return rest

    before = _keyed(leftovers(old_middle))
    after = _keyed(leftovers(new_middle))
    changed = tuple(k for k in after if k in before)
    return CustomersDelta(
        added=tuple(k for k in after if k not in before),
        removed=tuple(k for k in before if k not in after),
        changed=changed,
        unchanged=unchanged,
        changed_fields=tuple(field_paths(before[k], after[k]) for k in changed),
    )


def customers_delta(old: Sequence[Any], new: Sequence[Any]) -> CustomersDelta:
    """The delta from the ``old`` customer list to the ``new`` one."""
    before = customer_keys(old)
    after = customer_keys(new)
    added = tuple(k for k in after if k not in before)
    removed = tuple(k for k in before if k not in after)
    kept = [k for k in after if k in before]
    # The comparisons run in C (map + operator.eq), no Python frame per customer.
    equal = list(map(operator.eq, map(before.__getitem__, kept), map(after.__getitem__, kept)))
    changed = tuple(compress(kept, map(operator.not_, equal)))
    return CustomersDelta(
        added=added,
        removed=removed,
        changed=changed,
        unchanged=sum(equal),
        changed_fields=tuple(field_paths(before[k], after[k]) for k in changed),
    )


def field_paths(old: Any, new: Any) -> tuple[str, ...]:
    """The paths at which two customers differ (``name``, ``assistantOverrides.voice``), in the
    new customer's order; a list that differs is one path. Keys only, never a value."""
    return tuple(dict.fromkeys(format_path(p) for p in _differing(old, new, ())))


def _differing(old: Any, new: Any, path: tuple[str | int, ...]) -> Iterable[tuple[str | int, ...]]:
    if old == new and type(old) is type(new):
        return
    if isinstance(old, Mapping) and isinstance(new, Mapping):
        for key in [*new, *(k for k in old if k not in new)]:
            yield from _differing(old.get(key), new.get(key), (*path, key))
    else:
        yield path
