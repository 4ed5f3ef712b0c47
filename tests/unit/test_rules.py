"""The cross-field rules (shared with the emulator)."""

from __future__ import annotations

from typing import Any

import phonenumbers
import pytest
from phonenumbers.timezone import time_zones_for_number

from benchmarks.campaigns import customer_number
from pulumi_cozmox.core.model.phone import is_valid, time_zones
from pulumi_cozmox.core.rules.crossfield import (
    MAX_CUSTOMERS,
    Problem,
    check_rules,
    check_update_rules,
    format_path,
)


def body(**overrides: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "name": "c",
        "phoneNumberId": "pn",
        "assistantId": "a",
        "customers": [{"number": "+14155550100"}],
    }
    base.update(overrides)
    return {k: v for k, v in base.items() if v is not None}


def test_valid_body_has_no_problems():
    assert check_rules(body()) == []
    assert check_rules(body(assistantId=None, workflowId="w")) == []


def test_assistant_and_workflow_not_both():
    assert [p.in_api_terms() for p in check_rules(body(workflowId="w"))] == [
        Problem("workflowId", "assistantId and workflowId cannot both be set: give one of them")
    ]


def test_assistant_or_workflow_required():
    assert [p.path for p in check_rules(body(assistantId=None))] == ["assistantId"]


@pytest.mark.parametrize(
    ("earliest", "latest", "ok"),
    [
        ("2030-01-01T10:00:00Z", "2030-01-01T11:00:00Z", True),
        ("2030-01-01T10:00:00Z", "2030-01-01T10:00:00Z", False),
        ("2030-01-01T10:00:00Z", "2030-01-01T09:00:00Z", False),
        ("2030-01-01T10:00:00+02:00", "2030-01-01T09:30:00Z", True),
        ("2030-01-01T10:00:00Z", None, True),
        ("not a date", "2030-01-01T09:00:00Z", True),  # the schema reports the format
    ],
)
def test_schedule_latest_after_earliest(earliest, latest, ok):
    plan = {"earliestAt": earliest} | ({"latestAt": latest} if latest else {})
    problems = check_rules(body(schedulePlan=plan))
    assert (problems == []) is ok
    if not ok:
        assert problems[0].path == "schedulePlan.latestAt"
        assert earliest in problems[0].message


def test_at_most_10000_customers():
    customers = [{"number": customer_number(i)} for i in range(MAX_CUSTOMERS + 1)]
    problems = check_rules(body(customers=customers))
    assert [p.path for p in problems] == ["customers"]
    assert "at most 10,000" in problems[0].message
    assert check_rules(body(customers=customers[:MAX_CUSTOMERS])) == []


@pytest.mark.parametrize(
    ("number", "check", "ok"),
    [
        ("+14155550100", None, True),
        ("+14155550100", True, True),
        ("+447911123456", None, True),  # a UK mobile
        ("+390612345678", None, True),  # Rome: the national number keeps its leading 0
        ("14155550100", None, False),
        ("+0123", None, False),
        ("+1234567890123456", None, False),
        ("<string>", True, False),
        # E.164-shaped, but no such number: US area code 000, exchange 000, 555-5555.
        ("+10000000000", None, False),
        ("+14150000000", None, False),
        ("+15555555555", None, False),
        ("+999123456", None, False),  # 999: no country has that code
        ("+114155550100", None, False),  # a trunk prefix 1 after the country code 1
        ("+001234567890", False, True),
        ("+14150000000", False, True),  # the escape: dialed as written
        ("abc", False, True),
        ("12 34", False, False),
    ],
)
def test_e164_and_valid_unless_disabled(number, check, ok):
    customer: dict[str, Any] = {"number": number}
    if check is not None:
        customer["numberE164CheckEnabled"] = check
    problems = check_rules(body(customers=[customer]))
    assert (problems == []) is ok
    if not ok:
        assert [p.path for p in problems] == ["customers[0].number"]
        assert number not in problems[0].message


def test_invalid_number_message_names_the_escape_not_the_number():
    [problem] = check_rules(body(customers=[{"number": "+14150000000"}]))
    assert "not a valid phone number" in problem.message
    assert "numberE164CheckEnabled: false" in problem.message
    assert "0000000" not in str(problem)


@pytest.mark.parametrize(
    ("number", "says", "hint"),
    [
        # Typos: the message says where; turning the E.164 check off would not help.
        ("+1415555O101", "character 9 is a letter, not a digit (an O typed for a 0", False),
        ("+1415555OlO1", "characters 9, 10, 11 are letters, not digits", False),
        ("+1 415 555 0101", "characters 3, 7, 11 are spaces, dashes, dots or parentheses", False),
        ("(415) 555-0101", "characters 1, 5, 6, ... are spaces, dashes", False),
        ("+1-4155550101", "character 3 is a space, dash, dot or parenthesis", False),
        ("+1415#5550101", "character 6 is not a digit", False),
        ("+1415#555*0101", "characters 6, 10 are not digits", False),
        ("+1415555010", "too few digits for its country code (+1)", False),
        ("+141555501011", "too many digits for its country code (+1)", False),
        ("+99912345678", "no country has its country code", False),
        ("", "is empty", False),
        # Digits meant, maybe, as they are written: the way to dial them as written fits.
        ("14155550101", "the leading + is missing", True),
        ("4155550101", "the + and the country code are missing", True),
        ("12345", "the + and the country code are missing", True),
        ("+1234567890123456", "16 digits, where E.164 allows 15", True),
        ("+0123", "a country code never starts with 0", True),
        ("+14150000000", "do not fit its country's numbering plan", True),
    ],
)
def test_a_number_message_says_what_is_wrong_and_suggests_only_what_fits(
    number: str, says: str, hint: bool
) -> None:
    [problem] = check_rules(body(customers=[{"number": number}]))
    assert says in problem.message
    assert ("set numberE164CheckEnabled: false" in problem.message) is hint
    assert not number or number[-6:] not in problem.message  # never the number


def test_with_the_check_off_a_number_names_the_character_that_is_no_letter_or_digit() -> None:
    [problem] = check_rules(body(customers=[{"number": "ab c", "numberE164CheckEnabled": False}]))
    assert problem.message.endswith("character 3 is neither a letter nor a digit")


@pytest.mark.parametrize(
    "number",
    [
        "+14155550100",
        "+14150000000",
        "+447911123456",
        "+390612345678",
        "+33612345678",
        "+8613800138000",
        "+61412345678",
        "+18005550100",
        "+4930123456",
        "+79123456789",
    ],
)
def test_validity_and_zones_agree_with_phonenumbers_parse(number):
    """The fast split at the country code gives libphonenumber's own answers."""
    parsed = phonenumbers.parse(number, None)
    assert is_valid(number) is phonenumbers.is_valid_number(parsed)
    zones = time_zones_for_number(parsed)
    assert time_zones(number) == tuple(z for z in zones if z != "Etc/Unknown")


def test_duplicate_number_reported_at_second_naming_first():
    customers = [{"number": "+14155550100"}, {"number": "+14155550101"}, {"number": "+14155550100"}]
    assert check_rules(body(customers=customers)) == [
        Problem("customers[2].number", "is the same number as customers[0].number")
    ]


def test_malformed_bodies_do_not_raise():
    assert check_rules([]) == []  # type: ignore[arg-type]
    assert check_rules(body(customers="x", schedulePlan=3)) == []
    assert check_rules(body(customers=[None, 3, {"number": 5}])) == []


def test_update_rules():
    assert check_update_rules({"name": "x"}) == []
    assert [p.path for p in check_update_rules({"assistantId": "a", "workflowId": "w"})] == [
        "workflowId"
    ]


def test_format_path():
    assert format_path(["customers", 3, "assistantOverrides", "voice", "provider"]) == (
        "customers[3].assistantOverrides.voice.provider"
    )
    assert format_path(["variableValues", "first-name"]) == 'variableValues["first-name"]'
    assert format_path([]) == ""
    assert str(Problem("", "x")) == "(body): x"
