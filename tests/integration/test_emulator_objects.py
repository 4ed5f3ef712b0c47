"""The emulator's reads of what a campaign names (assistants, phone numbers, workflows), each
object in an org, seeded by ``POST /__emulator/objects`` or ``--objects FILE`` and forgotten by a
reset; answers hold what the contract (``schema/cozmox-references.openapi.json``) requires."""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Emulator
from tests.integration.helpers import body

SEED = {
    "orgId": "clinic-org",
    "assistants": [{"id": "asst-clinic", "name": "Clinic reminders"}],
    "phoneNumbers": [{"id": "pn-clinic", "number": "+16175550999", "name": "Clinic desk"}],
    "workflows": [{"id": "wf-clinic", "name": "Clinic intake"}],
}
CLINIC_KEY = "sk-clinic"


@lru_cache(maxsize=1)
def contract() -> dict[str, Any]:
    text = resources.files("pulumi_cozmox.schemas").joinpath("cozmox-references.openapi.json")
    return dict(json.loads(text.read_text("utf-8")))


def required(schema: str) -> set[str]:
    return set(contract()["components"]["schemas"][schema]["required"])


@pytest.fixture
def clinic(emulator: Emulator) -> Emulator:
    """The test's emulator with the clinic's org seeded, and a key of that org."""
    emulator.control.post("keys", json={"key": CLINIC_KEY, "orgId": "clinic-org"})
    answer = emulator.control.post("objects", json=SEED)
    assert answer.status_code == 201, answer.text
    assert answer.json() == {
        "orgId": "clinic-org",
        "assistants": ["asst-clinic"],
        "phoneNumbers": ["pn-clinic"],
        "workflows": ["wf-clinic"],
    }
    return emulator


def test_each_object_is_read_with_what_the_contract_requires(clinic: Emulator) -> None:
    with clinic.api(CLINIC_KEY) as http:
        assistant = http.get("/assistant/asst-clinic")
        number = http.get("/phone-number/pn-clinic")
        workflow = http.get("/workflow/wf-clinic")
    assert [a.status_code for a in (assistant, number, workflow)] == [200, 200, 200]
    assert assistant.json()["name"] == "Clinic reminders"
    assert required("Assistant") <= set(assistant.json())
    assert number.json()["number"] == "+16175550999"
    assert number.json()["name"] == "Clinic desk"
    # The phone number answer is the contract's branch its provider names.
    assert number.json()["provider"] == "cozmox"
    assert required("CozmoxPhoneNumber") <= set(number.json())
    assert required("Workflow") <= set(workflow.json())
    assert {a.json()["orgId"] for a in (assistant, number, workflow)} == {"clinic-org"}


def test_an_object_of_another_org_is_not_found_and_a_missing_route_says_otherwise(
    clinic: Emulator,
) -> None:
    with clinic.api() as http:  # the default key: org local-org
        other_org = http.get("/assistant/asst-clinic")
        typo = http.get("/assistant/asst-typo")
        no_route = http.get("/assistants/asst-clinic")
        no_key = http.get("/assistant/asst-1", headers={"Authorization": ""})
    assert (other_org.status_code, other_org.json()["message"]) == (404, "Assistant not found")
    assert typo.json() == {
        "statusCode": 404,
        "error": "Not Found",
        "message": "Assistant not found",
    }
    assert no_route.status_code == 404
    assert no_route.json()["message"] == "Cannot GET /assistants/asst-clinic"
    assert no_key.status_code == 401


def test_lists_hold_the_orgs_objects_newest_first(clinic: Emulator) -> None:
    more = {"orgId": "clinic-org", "phoneNumbers": [{"id": "pn-night", "number": "+16175550998"}]}
    assert clinic.control.post("objects", json=more).status_code == 201
    with clinic.api(CLINIC_KEY) as http:
        numbers = http.get("/phone-number").json()
        one = http.get("/phone-number", params={"limit": 1}).json()
        workflows = http.get("/workflow").json()
        bad = http.get("/workflow", params={"limit": 1})
    assert [n["id"] for n in numbers] == ["pn-night", "pn-clinic"]
    assert [n["id"] for n in one] == ["pn-night"]
    assert [w["id"] for w in workflows] == ["wf-clinic"]
    # The contract's workflow list takes no parameter.
    assert bad.status_code == 400
    assert bad.json()["message"] == ["property limit should not exist"]


def test_a_reset_forgets_them_and_a_campaign_may_name_any_id(clinic: Emulator) -> None:
    clinic.control.post("reset").raise_for_status()
    clinic.control.post("keys", json={"key": CLINIC_KEY, "orgId": "clinic-org"})
    with clinic.api(CLINIC_KEY) as http:
        assert http.get("/assistant/asst-clinic").status_code == 404
        assert http.get("/assistant").json() == []
        # Nothing in the contract says the API refuses an id its org does not have.
        created = http.post("/campaign", json=body(assistantId="asst-nowhere"))
    assert created.status_code == 201, created.text


GOOD = [{"id": "asst-new", "name": "New"}]


@pytest.mark.parametrize(
    ("seed", "message"),
    [
        ({"assistants": [*GOOD, {"name": "no id"}]}, "assistants[1].id must be a non-empty string"),
        ({"assistants": GOOD, "phoneNumbers": [{"id": "pn-x", "number": 5}]}, "phoneNumbers[0]."),
        ({"assistants": GOOD, "assistant": []}, "property assistant should not exist"),
        ({"assistants": GOOD, "orgId": ""}, "orgId must be a non-empty string"),
        ([GOOD], "a seed is"),
    ],
)
def test_a_seed_that_is_not_one_stores_nothing(emulator: Emulator, seed: Any, message: str) -> None:
    answer = emulator.control.post("objects", json=seed)
    assert answer.status_code == 400
    assert message in answer.json()["error"]
    with emulator.api() as http:
        assert http.get("/assistant/asst-new").status_code == 404


def test_objects_given_at_start_are_served(
    start_emulator_process: Callable[..., Emulator], tmp_path: Path
) -> None:
    path = tmp_path / "objects.json"
    path.write_text(json.dumps({"assistants": [{"id": "asst-start", "name": "At start"}]}))
    emu = start_emulator_process("--objects", str(path))
    with emu.api() as http:
        assert http.get("/assistant/asst-start").json()["name"] == "At start"
        # Only what the file gives (the tests' own seed is not added when --objects is given).
        assert http.get("/assistant/asst-1").status_code == 404
        emu.control.post("reset").raise_for_status()
        assert http.get("/assistant/asst-start").status_code == 404
