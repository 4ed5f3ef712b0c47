"""validate_campaign / validate_update: every mistake, at its exact path, with a usable message."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import pulumi_cozmox
from pulumi_cozmox._schema import load_schema
from pulumi_cozmox.core.rules.validation import Problem, validate_campaign, validate_update
from tests.seed_paths import SEED_RULE_PATHS, SEED_SCHEMA_PATHS

DATA = Path(__file__).resolve().parent.parent / "data"


def load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA / name).read_text(encoding="utf-8"))
    return data


@pytest.fixture
def seed() -> dict[str, Any]:
    return load("seed-create-campaign.request.json")


@pytest.fixture
def full() -> dict[str, Any]:
    return load("campaign-full.json")


def paths(problems: list[Problem]) -> set[str]:
    return {p.path for p in problems}


def one(problems: list[Problem], path: str) -> Problem:
    found = [p for p in problems if p.path == path]
    assert len(found) == 1, problems
    return found[0]


# ---- the documentation example ---------------------------------------------------------------


def test_seed_is_rejected_exactly_at_its_placeholders_and_artifacts(seed):
    assert paths(validate_campaign(seed)) == SEED_SCHEMA_PATHS | SEED_RULE_PATHS


def test_seed_messages(seed):
    problems = validate_campaign(seed)
    ao = "customers[0].assistantOverrides."
    assert "must be a boolean" in one(problems, ao + "compliancePlan.hipaaEnabled").message
    assert "^[a-zA-Z0-9_-]{1,40}$" in one(problems, ao + "model.tools[0].name").message
    msg = one(problems, ao + "voice.chunkPlan.formatPlan.formattersEnabled").message
    assert msg == "must be an array, got a string"  # under customers: no value
    assert one(problems, "customers[0].extension").message == "must be a string, got null"


def test_seed_independent_oracle_agrees(seed):
    """python-jsonschema, another implementation, finds the same schema paths."""
    validator = jsonschema.Draft202012Validator(load_schema("CreateCampaignDTO"))
    found = set()
    for error in validator.iter_errors(seed):
        found.add(
            "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path)[1:]
        )
    assert found == SEED_SCHEMA_PATHS


def test_full_campaign_is_valid(full):
    assert validate_campaign(full) == []
    validator = jsonschema.Draft202012Validator(load_schema("CreateCampaignDTO"))
    assert list(validator.iter_errors(full)) == []


def test_full_campaign_is_the_seed_with_real_values(seed, full):
    assert set(full) == set(seed) - {"workflowId"}
    assert set(full["customers"][0]["assistantOverrides"]) == set(
        seed["customers"][0]["assistantOverrides"]
    )


def test_public_api_exports():
    assert pulumi_cozmox.validate_campaign is validate_campaign
    assert pulumi_cozmox.Problem is Problem
    assert {"validate_campaign", "Problem"} <= set(pulumi_cozmox.__all__)
    assert str(Problem("a.b", "bad")) == "a.b: bad"


# ---- messages ---------------------------------------------------------------------------------


def overrides(full: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = full["customers"][0]["assistantOverrides"]
    return result


AO = "customers[0].assistantOverrides"


def test_unknown_top_level_property_suggests_the_known_name(full):
    full["phoneNumberID"] = full.pop("phoneNumberId")
    problems = validate_campaign(full)
    assert str(one(problems, "phoneNumberID")) == (
        'phoneNumberID: unknown property "phoneNumberID"; did you mean "phoneNumberId"?'
    )
    # One mistake, one error: the key it was meant to be is not also reported missing.
    assert [p.path for p in problems] == ["phoneNumberID"]


def test_unknown_nested_property_is_named(full):
    overrides(full)["voice"]["voiceID"] = "andrew"
    problem = one(validate_campaign(full), f"{AO}.voice.voiceID")
    assert problem.message == 'unknown property "voiceID"; did you mean "voiceId"?'


def test_unknown_property_without_close_name_lists_known_ones(full):
    overrides(full)["voicemailDetection"]["zzz"] = 1
    problem = one(validate_campaign(full), f"{AO}.voicemailDetection.zzz")
    assert "beepMaxAwaitSeconds" in problem.message and "did you mean" not in problem.message


def test_discriminator_names_the_branch(full):
    # "cachingEnabled" is an AzureVoice property; on an openai voice "speed" has other bounds.
    voice = overrides(full)["voice"]
    voice["provider"] = "openai"
    voice["voiceId"] = "alloy"
    voice["speed"] = 9
    problems = validate_campaign(full)
    assert paths(problems) == {f"{AO}.voice.speed"}
    assert one(problems, f"{AO}.voice.speed").message == "must be <= 4"


def test_discriminator_branch_property_error_not_other_branch(full):
    transcriber = overrides(full)["transcriber"]
    transcriber["confidenceThreshold"] = "high"
    problems = validate_campaign(full)
    assert [str(p) for p in problems] == [
        f"{AO}.transcriber.confidenceThreshold: must be a number, got a string"
    ]


def test_unknown_discriminator_value_lists_allowed_ones(full):
    overrides(full)["voice"]["provider"] = "azurx"
    problem = one(validate_campaign(full), f"{AO}.voice.provider")
    assert problem.message.startswith("is not allowed; must be one of ")
    assert "azurx" not in problem.message
    for provider in ("azure", "cartesia", "11labs", "openai", "playht", "cozmox"):
        assert f'"{provider}"' in problem.message
    assert 'did you mean "azure"?' in problem.message


def test_missing_discriminator_lists_allowed_ones(full):
    del overrides(full)["model"]["provider"]
    problem = one(validate_campaign(full), f"{AO}.model.provider")
    assert problem.message.startswith("required property is missing; one of ")
    assert '"anthropic"' in problem.message and '"openai"' in problem.message


def test_wrong_enum_value_says_what_is_allowed(full):
    overrides(full)["firstMessageMode"] = "assistant-speaks-frist"
    problem = one(validate_campaign(full), f"{AO}.firstMessageMode")
    assert '"assistant-speaks-first"' in problem.message
    assert 'did you mean "assistant-speaks-first"?' in problem.message


def test_union_of_scalars_says_what_is_allowed(full):
    overrides(full)["backgroundSound"] = 5
    problem = one(validate_campaign(full), f"{AO}.backgroundSound")
    assert problem.message == 'must be one of "off", "office" or a uri string'


def test_union_picks_the_branch_of_the_right_shape(full):
    destination = overrides(full)["hooks"][0]["do"][0]["destination"]
    destination["message"] = {"type": "custom-message", "content": 7}
    problems = validate_campaign(full)
    path = f"{AO}.hooks[0].do[0].destination.message.content"
    assert str(one(problems, path)) == f"{path}: must be a string, got an integer"


def test_array_enum_applies_to_items(full):
    overrides(full)["clientMessages"] = ["transcript", "transcrpt"]
    problem = one(validate_campaign(full), f"{AO}.clientMessages[1]")
    assert 'did you mean "transcript"?' in problem.message


def test_format_date_time(full):
    full["schedulePlan"]["earliestAt"] = "tomorrow"
    problems = validate_campaign(full)
    assert paths(problems) == {"schedulePlan.earliestAt"}
    assert "date-time" in problems[0].message


def test_not_an_object():
    assert [str(p) for p in validate_campaign([])] == [  # type: ignore[arg-type]
        "(body): a campaign must be an object, got an array"
    ]


# ---- provider families: valid and invalid ------------------------------------------------------

FAMILIES: list[tuple[str, dict[str, Any], str, Any, str]] = [
    # (override key, valid value, property to break, bad value, expected message fragment)
    (
        "transcriber",
        {"provider": "deepgram", "model": "nova-3", "keywords": ["Zürich:2"]},
        "keywords",
        ["2fast"],
        "does not match the pattern",
    ),
    (
        "transcriber",
        {"provider": "gladia", "model": "fast"},
        "model",
        "slow",
        "is not allowed; must be one of",
    ),
    ("transcriber", {"provider": "openai", "model": "gpt-4o-transcribe"}, "model", 3, "must be"),
    ("model", {"provider": "openai", "model": "gpt-4o"}, "temperature", "hot", "must be a number"),
    (
        "model",
        {"provider": "groq", "model": "llama-3.3-70b-versatile"},
        "maxTokens",
        True,
        "must be a number, got a boolean",
    ),
    (
        "model",
        {"provider": "custom-llm", "model": "mine", "url": "https://llm.example.com"},
        "url",
        None,
        "must be a string, got null",
    ),
    ("voice", {"provider": "11labs", "voiceId": "burt"}, "stability", 5, "must be <= 1"),
    ("voice", {"provider": "cartesia", "voiceId": "abc"}, "voiceId", 1, "must be a string"),
    (
        "voice",
        {"provider": "playht", "voiceId": "jennifer"},
        "emotion",
        "grumpy",
        "is not allowed; must be one of",
    ),
    (
        "voicemailDetection",
        {"provider": "twilio", "voicemailDetectionTypes": ["human"]},
        "voicemailDetectionTypes",
        ["robot"],
        "is not allowed; must be one of",
    ),
]


def not_quoted(bad: Any, problems: list[Problem]) -> bool:
    """Whether no message quotes ``bad`` (a value under customers); null is its own type name."""
    if bad is None:
        return all("got null" in p.message for p in problems)
    shown = json.dumps(bad, ensure_ascii=False)
    return all(shown not in p.message and shown not in p.path for p in problems)


def _family_id(case: tuple[str, dict[str, Any], str, Any, str]) -> str:
    return f"{case[0]}-{case[1]['provider']}-{case[2]}"


@pytest.mark.parametrize("case", FAMILIES, ids=_family_id)
def test_provider_family_valid_and_invalid(full, case):
    key, value, prop, bad, fragment = case
    overrides(full)[key] = copy.deepcopy(value)
    assert validate_campaign(full) == []
    overrides(full)[key][prop] = bad
    problems = validate_campaign(full)
    assert problems, f"{key}.{prop}={bad!r} accepted"
    assert all(p.path.startswith(f"{AO}.{key}.{prop}") for p in problems), problems
    assert any(fragment in p.message for p in problems), problems
    assert not_quoted(bad, problems)


TOOLS: list[tuple[dict[str, Any], str, Any, str]] = [
    (
        {"type": "function", "function": {"name": "lookup_order"}},
        "function",
        {"name": "a b"},
        "does not match the pattern",
    ),
    ({"type": "endCall"}, "messages", "bye", "must be an array"),
    ({"type": "dtmf"}, "bogus", 1, 'unknown property "bogus"'),
    (
        {"type": "transferCall", "destinations": [{"type": "number", "number": "+14155550100"}]},
        "destinations",
        [{"type": "number"}],
        "required property is missing",
    ),
    (
        {"type": "apiRequest", "method": "GET", "url": "https://api.example.com/x"},
        "method",
        "FETCH",
        "is not allowed; must be one of",
    ),
]


@pytest.mark.parametrize("case", TOOLS, ids=lambda c: f"{c[0]['type']}-{c[1]}")
def test_tool_types_valid_and_invalid(full, case):
    tool, prop, bad, fragment = case
    overrides(full)["model"]["tools"] = [copy.deepcopy(tool)]
    assert validate_campaign(full) == []
    overrides(full)["model"]["tools"][0][prop] = bad
    problems = validate_campaign(full)
    assert problems and all(p.path.startswith(f"{AO}.model.tools[0].{prop}") for p in problems)
    assert any(fragment in p.message for p in problems), problems
    assert not_quoted(bad, problems)


def test_unknown_tool_type_lists_allowed(full):
    overrides(full)["model"]["tools"] = [{"type": "functon"}]
    problem = one(validate_campaign(full), f"{AO}.model.tools[0].type")
    assert '"apiRequest"' in problem.message and 'did you mean "function"?' in problem.message


HOOKS: list[tuple[dict[str, Any], str, Any, str]] = [
    (
        {"on": "call.ending", "do": [{"type": "function", "function": {"name": "bye"}}]},
        "do",
        [{"type": "say", "exact": {}}],
        "is not allowed; must be one of",
    ),
    (
        {"on": "customer.speech.interrupted", "do": [{"type": "say", "exact": {}}]},
        "do",
        [{"type": "say", "exact": {}, "loud": True}],
        'unknown property "loud"',
    ),
    (
        {"on": "assistant.speech.interrupted", "do": [{"type": "say", "exact": {}}]},
        "on",
        "assistant.speech.interupted",
        'did you mean "assistant.speech.interrupted"?',
    ),
]


@pytest.mark.parametrize("case", HOOKS, ids=lambda c: f"{c[0]['on']}-{c[1]}")
def test_hooks_valid_and_invalid(full, case):
    hook, prop, bad, fragment = case
    overrides(full)["hooks"] = [copy.deepcopy(hook)]
    assert validate_campaign(full) == []
    overrides(full)["hooks"][0][prop] = bad
    problems = validate_campaign(full)
    assert problems and all(p.path.startswith(f"{AO}.hooks[0].{prop}") for p in problems)
    assert any(fragment in p.message for p in problems), problems
    assert not_quoted(bad, problems)


def test_credentials_missing_schema_is_accepted(full):
    overrides(full)["credentials"] = [{"provider": "inworld", "anything": 1}]
    assert validate_campaign(full) == []


# ---- many customers: dedupe must not hide anything ---------------------------------------------


def many(full: dict[str, Any], n: int) -> dict[str, Any]:
    template = full["customers"][0]
    full["customers"] = []
    for i in range(n):
        customer = copy.deepcopy(template)
        customer["number"] = f"+1415555{i:04d}"
        full["customers"].append(customer)
    return full


def test_equal_overrides_still_checked_for_bool_int_confusion(full):
    campaign = many(full, 5)
    assert validate_campaign(campaign) == []
    campaign["customers"][2]["assistantOverrides"]["voice"]["cachingEnabled"] = 1  # == True
    campaign["customers"][3]["assistantOverrides"]["model"]["temperature"] = True  # == 1
    campaign["customers"][4]["assistantOverrides"]["monitorPlan"]["listenEnabled"] = 0
    assert [str(p) for p in validate_campaign(campaign)] == [
        "customers[2].assistantOverrides.voice.cachingEnabled: must be a boolean, got an integer",
        "customers[3].assistantOverrides.model.temperature: must be a number, got a boolean",
        "customers[4].assistantOverrides.monitorPlan.listenEnabled: must be a boolean, got an "
        "integer",
    ]


def test_equal_invalid_overrides_reported_for_each_customer(full):
    campaign = many(full, 3)
    for customer in campaign["customers"]:
        customer["assistantOverrides"]["voice"]["speed"] = 7
    assert [p.path for p in validate_campaign(campaign)] == [
        f"customers[{i}].assistantOverrides.voice.speed" for i in range(3)
    ]


def test_shared_override_object_and_sorted_numeric_paths(full):
    campaign = many(full, 12)
    shared = campaign["customers"][0]["assistantOverrides"]
    for customer in campaign["customers"]:
        customer["assistantOverrides"] = shared
    campaign["customers"][11]["name"] = 5
    campaign["customers"][2]["name"] = 5
    assert [p.path for p in validate_campaign(campaign)] == [
        "customers[2].name",
        "customers[11].name",
    ]


def test_customer_not_an_object(full):
    full["customers"].append("+14155550199")
    assert [str(p) for p in validate_campaign(full)] == [
        "customers[1]: must be an object, got a string"
    ]


def test_override_not_an_object(full):
    full["customers"][0]["assistantOverrides"] = []
    assert paths(validate_campaign(full)) == {AO}


# ---- update -------------------------------------------------------------------------------------


def test_update_valid():
    assert validate_update({"name": "Q3", "status": "ended"}) == []
    assert validate_update({}) == []


def test_update_invalid():
    problems = validate_update(
        {
            "status": "paused",
            "customers": [],
            "assistantId": "a",
            "workflowId": "w",
            "schedulePlan": {"earliestAt": "2030-01-02T00:00:00Z", "latestAt": "2030-01-01T00:00Z"},
        }
    )
    assert paths(problems) == {"status", "customers", "workflowId", "schedulePlan.latestAt"}
    assert '"ended"' in one(problems, "status").message
    assert 'unknown property "customers"' in one(problems, "customers").message


# ---- personal data: values under customers are never quoted ------------------------------------

PERSONAL = {
    "number": "+14155550142",
    "name": "Ada Lovelace of Ockham Park, Surrey, England",  # over maxLength 40
    "email": "ada.lovelace.countess@analytical-engine.example",  # over maxLength 40
}


@pytest.mark.parametrize(
    ("customer", "path"),
    [
        ({"number": 14155550142}, "customers[0].number"),  # a number, not a string
        ({"number": "+1 415 555 0142"}, "customers[0].number"),  # not E.164
        ({"number": "+14150000042"}, "customers[0].number"),  # no such US number
        ({"number": PERSONAL["number"], "name": PERSONAL["name"]}, "customers[0].name"),
        ({"number": PERSONAL["number"], "email": PERSONAL["email"]}, "customers[0].email"),
        ({"number": PERSONAL["number"], "email": ["ada@example.com"]}, "customers[0].email"),
        ({"number": PERSONAL["number"], "sipUri": {"user": "ada"}}, "customers[0].sipUri"),
    ],
)
def test_messages_under_customers_never_quote_the_value(full, customer, path):
    full["customers"] = [customer]
    problems = validate_campaign(full)
    assert [p.path for p in problems] == [path]
    text = str(problems[0])
    for value in customer.values():
        for form in (json.dumps(value), str(value)):
            assert form not in text
    for fragment in ("14155550142", "1 415 555", "0000042", "Lovelace", "ada"):
        assert fragment not in text


def test_duplicate_numbers_message_names_paths_only(full):
    full["customers"] = [{"number": PERSONAL["number"]}, {"number": PERSONAL["number"]}]
    assert [str(p) for p in validate_campaign(full)] == [
        "customers[1].number: is the same number as customers[0].number"
    ]


def test_customers_not_an_array_is_not_quoted(full):
    full["customers"] = PERSONAL["number"]
    [problem] = validate_campaign(full)
    assert str(problem) == "customers: must be an array, got a string"


def test_values_outside_customers_are_still_quoted(full):
    full["name"] = 5
    full["schedulePlan"]["earliestAt"] = "tomorrow"
    problems = validate_campaign(full)
    assert one(problems, "name").message == "must be a string, got an integer 5"
    assert one(problems, "schedulePlan.earliestAt").message.startswith('"tomorrow" is not a valid')
