"""_create.py without the network: the declared campaign's identity."""

from __future__ import annotations

import json

from tests.integration.helpers import body, declared


def test_declared_identity_ignores_the_name_and_the_instant_format() -> None:
    a = declared(body("A", schedulePlan={"earliestAt": "2099-01-01T09:00:00Z"}))
    b = declared(body("B", schedulePlan={"earliestAt": "2099-01-01T10:00:00+01:00"}))
    c = declared(body("A", schedulePlan={"earliestAt": "2099-01-01T09:00:01Z"}))
    assert a.identity == b.identity != c.identity
    assert a.customer_keys == (("+14155550000", None), ("+14155550001", None))
    assert json.loads(a.body)["customers"] == body()["customers"]
