"""The customers delta: by number, else SIP URI, else position."""

from __future__ import annotations

import pytest

from pulumi_cozmox.core.model import delta as delta_module
from pulumi_cozmox.core.model.customers import customer_segments, encode_customers
from pulumi_cozmox.core.model.delta import (
    CustomersDelta,
    customer_keys,
    customers_delta,
    segments_delta,
)

ADA = {"number": "+14155550101", "name": "Ada"}
GRACE = {"number": "+14155550102", "name": "Grace"}
ALAN = {"number": "+14155550103", "name": "Alan"}
KATHERINE = {"number": "+14155550104", "name": "Katherine"}


def test_added_removed_changed_unchanged():
    old = [ADA, GRACE, ALAN]
    new = [ADA, {**GRACE, "name": "Grace H."}, KATHERINE]
    delta = customers_delta(old, new)
    assert delta == CustomersDelta(
        added=(("number", "+14155550104"),),
        removed=(("number", "+14155550103"),),
        changed=(("number", "+14155550102"),),
        unchanged=1,
        changed_fields=(("name",),),  # Grace's name, her one field that changed
    )
    assert delta.kept == 2 and delta.has_changes


def test_order_alone_is_no_change():
    delta = customers_delta([ADA, GRACE], [GRACE, ADA])
    assert delta == CustomersDelta(unchanged=2) and not delta.has_changes


def test_nested_override_change_counts_as_changed():
    old = [{**ADA, "assistantOverrides": {"variableValues": {"slot": "9:00"}}}]
    new = [{**ADA, "assistantOverrides": {"variableValues": {"slot": "9:30"}}}]
    assert customers_delta(old, new).changed == (("number", "+14155550101"),)


def test_sip_customers_by_uri_others_by_position():
    sip = {"sipUri": "sip:ada@example.com"}
    anonymous = {"name": "no number"}
    keys = list(customer_keys([ADA, sip, anonymous]))
    assert keys == [("number", "+14155550101"), ("sipUri", "sip:ada@example.com"), ("position", 2)]
    delta = customers_delta([sip, anonymous], [anonymous, sip])
    # The SIP customer is found by its URI; the one without number or URI moved position.
    assert delta.unchanged == 1
    assert delta.added == (("position", 0),) and delta.removed == (("position", 1),)


def test_a_number_given_twice_is_told_apart_by_occurrence():
    keys = list(customer_keys([ADA, {**ADA, "name": "Ada again"}]))
    assert keys == [("number", "+14155550101"), ("number", "+14155550101", 1)]
    delta = customers_delta([ADA], [ADA, ADA])
    assert delta.added == (("number", "+14155550101", 1),) and delta.unchanged == 1


def test_empty_and_malformed_lists():
    assert customers_delta([], []) == CustomersDelta()
    assert customers_delta([], [ADA]).added == (("number", "+14155550101"),)
    assert customers_delta([None, 3], [None]).removed == (("position", 1),)


def segments(customers: list) -> list[bytes]:
    found = customer_segments(encode_customers(customers))
    assert found is not None
    return found


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ([ADA, GRACE, ALAN], [ADA, {**GRACE, "name": "Grace H."}, KATHERINE]),
        ([ADA, GRACE], [GRACE, ADA]),
        ([], [ADA]),
        ([ADA, GRACE, ALAN, KATHERINE], []),
        (
            [{**ADA, "assistantOverrides": {"variableValues": {"slot": "9:00"}}}, GRACE],
            [{**ADA, "assistantOverrides": {"variableValues": {"slot": "9:30"}}}, GRACE],
        ),
    ],
)
def test_segments_delta_is_the_delta_of_the_decoded_lists(old: list, new: list) -> None:
    # By bytes (no decoding of unchanged customers), the same answer as by decoded customers.
    assert segments_delta(segments(old), segments(new)) == customers_delta(old, new)


def test_segments_delta_parses_only_the_customers_that_differ(monkeypatch) -> None:
    old = [{**c, "assistantOverrides": {"firstMessage": "x" * 50}} for c in (ADA, GRACE, ALAN)]
    new = [old[0], old[1], KATHERINE]
    parsed: list[bytes] = []
    real = delta_module.orjson.loads

    def counting(data: bytes) -> object:
        parsed.append(data)
        return real(data)

    monkeypatch.setattr(delta_module.orjson, "loads", counting)
    delta = segments_delta(segments(old), segments(new))
    assert delta.unchanged == 2 and delta.removed == (("number", "+14155550103"),)
    assert len(parsed) == 2  # ALAN (removed) and KATHERINE (added): nothing else
