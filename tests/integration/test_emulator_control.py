"""The test controls under ``/__emulator/`` over real HTTP: what each accepts, and that a refused
request changes nothing (keys, history import, fault lists, clock)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

BODY = {"name": "old", "phoneNumberId": "pn-1", "assistantId": "asst-1", "customers": []}


def campaigns(api: httpx.Client) -> list[dict[str, Any]]:
    listed: list[dict[str, Any]] = api.get("/campaign").json()["results"]
    return listed


def test_health_and_config(emulator):
    assert emulator.control.get("health").json() == {"ok": True}
    assert set(emulator.control.get("config").json()) == {
        "callSeconds",
        "concurrency",
        "voicemailEvery",
    }


def test_an_added_key_reaches_its_own_org(emulator):
    added = emulator.control.post("keys", json={"key": "sk-ctl", "orgId": "org-ctl"})
    assert (added.status_code, added.json()) == (201, {"key": "sk-ctl", "orgId": "org-ctl"})
    with emulator.api("sk-ctl") as other, emulator.api() as mine:
        assert other.post("/campaign", json=BODY).status_code == 201
        assert campaigns(mine) == []
        assert [c["orgId"] for c in campaigns(other)] == ["org-ctl"]


@pytest.mark.parametrize(
    "body",
    [b"{not json", b"[]", b'{"key": "sk-x"}', b'{"key": "", "orgId": "o"}', b'{"key": 1}'],
)
def test_a_malformed_key_is_refused_and_not_added(emulator, body):
    refused = emulator.control.post("keys", content=body)
    assert refused.status_code == 400
    assert refused.json()["error"] in (
        "body must be JSON",
        'body must be {"key": TOKEN, "orgId": ORG}',
    )
    with emulator.api("sk-x") as client:
        assert client.get("/campaign").status_code == 401


def test_imported_history_is_stored_as_created_then(emulator):
    history = [{"createdAt": "2020-01-02T03:04:05Z", "body": BODY}]
    imported = emulator.control.post("import", json={"campaigns": history})
    assert imported.status_code == 201
    (made,) = imported.json()["ids"]
    with emulator.api() as api:
        (listed,) = campaigns(api)
    assert listed["id"] == made
    assert listed["createdAt"].startswith("2020-01-02T03:04:05")
    assert listed["orgId"] == "local-org"  # the default key's org


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"{not json", "body must be JSON"),
        (b"[]", "body must be {"),
        (b'{"campaigns": {}}', "body must be {"),
        (b'{"campaigns": [], "orgId": ""}', "body must be {"),
        (b'{"campaigns": [{"createdAt": "2020-01-02T03:04:05Z", "body": {}}, {}]}', "each"),
        (b'{"campaigns": [{"createdAt": "yesterday", "body": {}}]}', "each campaign needs"),
        (b'{"campaigns": [{"createdAt": "2020-01-02T03:04:05Z", "body": []}]}', "each campaign"),
    ],
)
def test_a_malformed_history_is_refused_whole(emulator, body, reason):
    refused = emulator.control.post("import", content=body)
    assert refused.status_code == 400
    assert refused.json()["error"].startswith(reason)
    with emulator.api() as api:
        assert campaigns(api) == []


def test_a_list_of_fault_rules_with_one_invalid_adds_none(emulator):
    rules = [{"action": "drop"}, {"action": "status", "status": 299}]
    refused = emulator.control.post("faults", json=rules)
    assert refused.status_code == 400
    assert emulator.control.get("faults").json() == []
    added = emulator.control.post("faults", json=rules[:1] * 2)
    assert added.status_code == 201 and len(added.json()) == 2


@pytest.mark.parametrize("body", [b"{not json", b"[5]", b'{"advanceSeconds": true}'])
def test_the_clock_refuses_what_is_not_a_forward_move(emulator, body):
    refused = emulator.control.post("clock", content=body)
    assert refused.status_code == 400
    assert emulator.control.get("clock").json()["offsetSeconds"] == 0
