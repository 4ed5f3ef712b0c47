"""Property tests: any JSON-like input to validation and to the provider's check.

For any input (nested dicts, lists, strings, numbers, booleans, null; wrong types at every
level; huge strings; odd keys), validate_campaign / validate_update and CampaignProvider.check
never raise, report only problems at well-formed paths, never quote a customer's number, email
or name, and check sends no request.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pulumi.dynamic import CheckFailure

from pulumi_cozmox.core.model.customers import encode_customers
from pulumi_cozmox.core.rules.crossfield import format_path
from pulumi_cozmox.core.rules.validation import Problem, validate_campaign, validate_update
from pulumi_cozmox.provider import CampaignProvider

# Bounded: the whole module runs in well under 30 s on a loaded 2-core machine.
SETTINGS = settings(
    max_examples=120,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# ---- strategies ---------------------------------------------------------------------------------

ODD_KEYS = st.sampled_from(
    ["", " ", ".", "a.b", "[0]", '"', "\\", "a b", "é", "☎", "$ref", "__proto__", "0", "-1"]
)
KNOWN_KEYS = st.sampled_from(
    [
        "name",
        "phoneNumberId",
        "assistantId",
        "workflowId",
        "schedulePlan",
        "customers",
        "earliestAt",
        "latestAt",
        "number",
        "email",
        "sipUri",
        "numberE164CheckEnabled",
        "assistantOverrides",
        "voice",
        "provider",
        "model",
        "transcriber",
        "variableValues",
        "status",
    ]
)
KEYS = st.one_of(st.text(max_size=12), ODD_KEYS, KNOWN_KEYS)
HUGE = st.builds(
    lambda ch, n: ch * n, st.sampled_from(["x", "9", "é", "\u200b"]), st.integers(10_000, 300_000)
)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=30),
    st.sampled_from(["2030-03-04T09:00:00Z", "azure", "openai", "+14155550100", "<string>"]),
    HUGE,
)
JSON = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=5),
    max_leaves=25,
)

# Personal values carry a marker so that a leak cannot be a coincidence of short strings.
NUMBERS = st.one_of(
    st.from_regex(r"\+1415555[0-9]{4}", fullmatch=True),  # valid
    st.from_regex(r"\+1415[01][0-9]{6}", fullmatch=True),  # E.164-shaped, not valid
    st.from_regex(r"4155550[0-9]{3}", fullmatch=True),  # no +
    st.from_regex(r"\+44 7911 [0-9]{6}", fullmatch=True),  # spaces
)
EMAILS = st.from_regex(r"pii\.[a-z]{3,8}@mail-[a-z]{3,6}\.example", fullmatch=True)
NAMES = st.from_regex(r"Piiname [A-Z][a-z]{2,10}( [A-Z][a-z]{2,40})?", fullmatch=True)


@st.composite
def customers(draw: st.DrawFn) -> list[Any]:
    out: list[Any] = []
    for _ in range(draw(st.integers(0, 4))):
        if draw(st.integers(0, 9)) == 0:
            out.append(draw(JSON))  # not a customer at all
            continue
        customer: dict[str, Any] = {}
        if draw(st.booleans()):
            customer["number"] = draw(NUMBERS | JSON)
        if draw(st.booleans()):
            customer["email"] = draw(EMAILS)
        if draw(st.booleans()):
            customer["name"] = draw(NAMES)
        if draw(st.booleans()):
            customer["numberE164CheckEnabled"] = draw(st.booleans() | JSON)
        if draw(st.booleans()):
            customer["assistantOverrides"] = draw(JSON)
        customer.update(draw(st.dictionaries(KEYS, JSON, max_size=2)))
        out.append(customer)
    return out


@st.composite
def campaigns(draw: st.DrawFn) -> dict[str, Any]:
    body: dict[str, Any] = {}
    for key in ("name", "phoneNumberId", "assistantId", "workflowId"):
        if draw(st.booleans()):
            body[key] = draw(st.text(max_size=20) | JSON)
    if draw(st.booleans()):
        plan = {"earliestAt": "2030-03-04T09:00:00Z", "latestAt": "2030-03-04T12:00:00Z"}
        body["schedulePlan"] = draw(st.just(plan) | JSON)
    if draw(st.integers(0, 4)):
        body["customers"] = draw(customers())
    elif draw(st.booleans()):
        body["customers"] = draw(JSON)
    body.update(draw(st.dictionaries(KEYS, JSON, max_size=2)))
    return body


def personal_values(body: Any) -> list[str]:
    found: list[str] = []
    people = body.get("customers") if isinstance(body, dict) else None
    for customer in people if isinstance(people, list) else []:
        if isinstance(customer, dict):
            for key in ("number", "email", "name"):
                value = customer.get(key)
                if isinstance(value, str) and len(value) >= 6:
                    found.append(value)
    return found


# ---- paths --------------------------------------------------------------------------------------

_TOKEN = re.compile(
    r"(?P<dot>\.)?(?P<name>[A-Za-z_$][A-Za-z0-9_$]*)|\[(?P<index>\d+)\]"
    r'|\[(?P<quoted>"(?:[^"\\]|\\.)*")\]'
)


def parse_path(path: str) -> list[str | int]:
    """The parts of a path in format_path's form; raises AssertionError if it is not one."""
    parts: list[str | int] = []
    position = 0
    while position < len(path):
        match = _TOKEN.match(path, position)
        assert match is not None, f"bad path {path!r} at {position}"
        if match["name"] is not None:
            assert bool(match["dot"]) == bool(parts), f"bad path {path!r}"
            parts.append(match["name"])
        elif match["index"] is not None:
            parts.append(int(match["index"]))
        else:
            parts.append(json.loads(match["quoted"]))
        position = match.end()
    return parts


def test_parse_path_accepts_format_path_output_only():
    for parts in (["customers", 3, "assistantOverrides", "voice"], ["a b", 0, "é"], []):
        assert parse_path(format_path(parts)) == parts
    for bad in (".a", "a..b", "a[x]", "a[", '["unterminated]'):
        with pytest.raises(AssertionError):
            parse_path(bad)


def assert_well_formed(problems: list[Problem], body: Any) -> None:
    secrets = personal_values(body)
    for problem in problems:
        assert isinstance(problem, Problem)
        assert isinstance(problem.path, str) and isinstance(problem.message, str)
        assert format_path(parse_path(problem.path)) == problem.path
        for secret in secrets:
            assert secret not in problem.message and secret not in problem.path, problem


# ---- validation ---------------------------------------------------------------------------------


@SETTINGS
@given(st.one_of(campaigns(), JSON))
def test_validate_campaign_any_input(body):
    assert_well_formed(validate_campaign(body), body)


@SETTINGS
@given(st.one_of(campaigns(), JSON))
def test_validate_update_any_input(body):
    assert_well_formed(validate_update(body), body)


# ---- the provider's check -----------------------------------------------------------------------

PROP_KEYS = (
    "name",
    "phone_number_id",
    "assistant_id",
    "workflow_id",
    "schedule_plan",
    "customers",
    "customer_count",
    "allow_redial",
    "adopt_id",
)


def _encodable(customers: Any) -> bool:
    """Whether a program could pass these customers (JSON that orjson writes: integers of
    at most 64 bits; a program with larger ones fails before the provider sees anything)."""
    try:
        encode_customers(customers)
    except TypeError:
        return False
    return True


BLOBS = st.one_of(
    customers().filter(_encodable).map(encode_customers),
    st.text(max_size=40),
    st.builds(lambda s: "z1:" + s, st.text(max_size=40)),
    HUGE,
)


@st.composite
def props(draw: st.DrawFn) -> dict[str, Any]:
    news: dict[str, Any] = {}
    for key in PROP_KEYS:
        if not draw(st.booleans()):
            continue
        if key == "customers":
            news[key] = draw(BLOBS | JSON)
        else:
            news[key] = draw(JSON)
    return news


@SETTINGS
@given(props())
def test_check_any_props_fails_only_with_paths_and_sends_nothing(news):
    provider = CampaignProvider()  # no configure(), no key: a request would raise
    result = provider.check({}, news)
    assert result.inputs is news
    for failure in result.failures:
        assert isinstance(failure, CheckFailure)
        assert isinstance(failure.property, str) and isinstance(failure.reason, str)
        assert format_path(parse_path(failure.property)) == failure.property
    assert provider._run()._client is None  # no client was ever built


@pytest.fixture(autouse=True)
def _no_api_key(monkeypatch):
    monkeypatch.delenv("COZMOX_API_KEY", raising=False)
    monkeypatch.delenv("COZMOX_BASE_URL", raising=False)
