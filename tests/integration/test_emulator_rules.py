"""The emulator's cross-field rules, written from the contract (emulator/rules.py), over real
HTTP; and the provider's rules (core/rules/crossfield.py) judged against them: two independent
readings of one contract must agree on which campaigns the API refuses, and where."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from pulumi_cozmox.core.rules.crossfield import check_rules
from tests.conftest import Emulator

EARLY, LATE = "2031-01-01T09:00:00Z", "2031-01-01T17:00:00Z"


def campaign(*numbers: str, **fields: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "name": "rules",
        "phoneNumberId": "pn-1",
        "assistantId": "asst-1",
        "customers": [{"number": n} for n in numbers or ("+14155550100",)],
    }
    body.update(fields)
    return {k: v for k, v in body.items() if v is not None}


@pytest.fixture
def api(emulator: Emulator) -> Iterator[httpx.Client]:
    with emulator.api() as client:
        yield client


def refusals(api: httpx.Client, body: dict[str, Any]) -> list[str]:
    """The API's messages for ``body`` ([] when it is created)."""
    response = api.post("/campaign", json=body)
    if response.status_code == 201:
        return []
    assert response.status_code == 400, response.text
    answer = response.json()
    assert (answer["statusCode"], answer["error"]) == (400, "Bad Request")
    messages: list[str] = answer["message"]
    return messages


def paths(messages: list[str]) -> list[str]:
    return sorted(m.split(": ", 1)[0] for m in messages)


E164_CASES = [
    ("+14155550100", None),  # US
    ("+442079460958", None),  # GB
    ("+33612345678", None),  # FR mobile
    ("+390612345678", None),  # IT: a leading zero that belongs to the number
    ("415-555-0100", "E.164"),
    ("+1 415 555 0100", "E.164"),
    ("+14150000000", "valid phone number"),  # E.164-shaped, no US number
    ("+114155550100", "valid phone number"),  # a trunk 1: libphonenumber would repair it
    ("+4402079460958", "valid phone number"),  # a trunk 0 after +44
    ("+999123456789", "valid phone number"),  # no such country code
]


@pytest.mark.parametrize(("number", "why"), E164_CASES)
def test_numbers_must_be_valid_e164_as_written(
    api: httpx.Client, number: str, why: str | None
) -> None:
    messages = refusals(api, campaign(number))
    if why is None:
        assert messages == []
    else:
        assert len(messages) == 1 and messages[0].startswith("customers[0].number: ")
        assert why in messages[0] and number not in messages[0]  # never the value


@pytest.mark.parametrize(("number", "ok"), [("ABC123", True), ("+0123", True), ("415-555", False)])
def test_without_the_e164_check_letters_and_digits(
    api: httpx.Client, number: str, ok: bool
) -> None:
    body = campaign()
    body["customers"] = [{"number": number, "numberE164CheckEnabled": False}]
    assert (refusals(api, body) == []) is ok


def test_a_repeated_number_is_refused_at_the_second_naming_the_first(api: httpx.Client) -> None:
    messages = refusals(api, campaign("+14155550100", "+14155550101", "+14155550100"))
    assert messages == ["customers[2].number: is the same number as customers[0].number"]


def test_at_most_10000_customers(api: httpx.Client) -> None:
    body = campaign()
    body["customers"] = [
        {"number": f"N{i:05d}", "numberE164CheckEnabled": False} for i in range(10_001)
    ]
    assert refusals(api, body) == ["customers: must contain no more than 10000 customers"]
    body["customers"].pop()
    assert refusals(api, body) == []


@pytest.mark.parametrize(
    ("fields", "path"),
    [
        ({"workflowId": "wf-1"}, "workflowId"),  # both
        ({"assistantId": None}, "assistantId"),  # neither
        ({"schedulePlan": {"earliestAt": LATE, "latestAt": EARLY}}, "schedulePlan.latestAt"),
        ({"schedulePlan": {"earliestAt": EARLY, "latestAt": EARLY}}, "schedulePlan.latestAt"),
        # The same instant in another offset is no later.
        (
            {"schedulePlan": {"earliestAt": EARLY, "latestAt": "2031-01-01T10:00:00+01:00"}},
            "schedulePlan.latestAt",
        ),
    ],
)
def test_one_agent_and_a_window_that_ends_after_it_starts(
    api: httpx.Client, fields: dict[str, Any], path: str
) -> None:
    assert paths(refusals(api, campaign(**fields))) == [path]
    assert refusals(api, campaign(schedulePlan={"earliestAt": EARLY, "latestAt": LATE})) == []


#: Campaigns on both sides of each rule: the provider's rules and the emulator's must agree.
AGREEMENT = [
    campaign(),
    campaign(workflowId="wf-1"),
    campaign(assistantId=None),
    campaign(assistantId=None, workflowId="wf-1"),
    campaign(schedulePlan={"earliestAt": LATE, "latestAt": EARLY}),
    campaign(schedulePlan={"earliestAt": EARLY, "latestAt": LATE}),
    campaign(schedulePlan={"earliestAt": "2031-01-01T10:00:00+01:00", "latestAt": EARLY}),
    campaign("+14155550100", "+14155550100", "+14155550101", "+14155550101"),
    *(campaign(number) for number, _ in E164_CASES),
    campaign("+819012345678", "+61412345678", "+5511912345678", "+919812345678"),
    campaign("+4930901820", "+49301234", "+8613800138000", "+86138001380001"),
]


@pytest.mark.parametrize("body", AGREEMENT, ids=range(len(AGREEMENT)))
def test_the_providers_rules_agree_with_the_emulators(api: httpx.Client, body: dict) -> None:
    provider = sorted(p.path for p in check_rules(body))
    assert provider == paths(refusals(api, body))


def test_messages_never_quote_a_customer(api: httpx.Client) -> None:
    body = campaign("+14150000000", "+14150000000", "+1 415")
    for message in refusals(api, body):
        assert not re.search(r"\+1 ?415", message), message
