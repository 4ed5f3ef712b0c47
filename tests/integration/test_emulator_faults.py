"""Fault injection and the request journal of the emulator (``/__emulator/faults|requests``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

CAMPAIGN: dict[str, Any] = {
    "name": "faults",
    "phoneNumberId": "pn-1",
    "assistantId": "asst-1",
    "customers": [{"number": "+14155550100"}],
    "schedulePlan": {"earliestAt": "2099-01-01T00:00:00Z"},
}


@pytest.fixture
def api(emulator) -> Iterator[httpx.Client]:
    with emulator.api() as client:
        yield client


def add_fault(emulator, **rule: Any) -> None:
    response = emulator.control.post("faults", json=rule)
    assert response.status_code == 201, response.text


def total(api: httpx.Client) -> int:
    count: int = api.get("/campaign").json()["metadata"]["totalItems"]
    return count


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_status_fault_answers_without_touching_the_api(api, emulator, status):
    add_fault(emulator, method="POST", path="/campaign", action="status", status=status)
    response = api.post("/campaign", json=CAMPAIGN)
    assert response.status_code == status
    assert response.json()["statusCode"] == status
    assert total(api) == 0
    assert api.post("/campaign", json=CAMPAIGN).status_code == 201  # used up (times=1)
    assert total(api) == 1


def test_429_carries_retry_after(api, emulator):
    add_fault(emulator, path="/campaign", action="status", status=429, retryAfter=3)
    response = api.get("/campaign")
    assert response.status_code == 429
    assert response.headers["retry-after"] == "3"
    assert response.json()["error"] == "Too Many Requests"


def test_rule_applies_times_times_then_stops(api, emulator):
    add_fault(emulator, method="GET", path="/campaign", action="status", status=503, times=2)
    assert [api.get("/campaign").status_code for _ in range(3)] == [503, 503, 200]
    rules = emulator.control.get("faults").json()
    assert rules[0]["times"] == 0 and rules[0]["hits"] == 2


def test_rules_match_method_and_glob_path(api, emulator):
    created = api.post("/campaign", json=CAMPAIGN).json()
    add_fault(emulator, method="GET", path="/campaign/*", action="status", status=500, times=5)
    assert api.get("/campaign").status_code == 200  # the list is not /campaign/*
    assert api.patch(f"/campaign/{created['id']}", json={"name": "x"}).status_code == 200
    assert api.get(f"/campaign/{created['id']}").status_code == 500
    emulator.control.delete("faults").raise_for_status()
    assert emulator.control.get("faults").json() == []
    assert api.get(f"/campaign/{created['id']}").status_code == 200


def test_delay_holds_the_answer(api, emulator):
    add_fault(emulator, method="GET", path="/campaign", action="delay", delaySeconds=3)
    with pytest.raises(httpx.ReadTimeout):
        api.get("/campaign", timeout=0.5)
    add_fault(emulator, method="GET", path="/campaign", action="delay", delaySeconds=0.2)
    assert api.get("/campaign", timeout=30).status_code == 200


def test_drop_closes_the_connection_before_the_request_is_handled(api, emulator):
    add_fault(emulator, method="POST", path="/campaign", action="drop")
    with pytest.raises(httpx.RemoteProtocolError):
        api.post("/campaign", json=CAMPAIGN)
    assert total(api) == 0


def test_drop_after_commit_loses_the_answer_but_keeps_the_write(api, emulator):
    add_fault(emulator, method="POST", path="/campaign", action="drop_after_commit")
    with pytest.raises(httpx.RemoteProtocolError):
        api.post("/campaign", json=CAMPAIGN)
    listed = api.get("/campaign").json()["results"]
    assert [c["name"] for c in listed] == ["faults"]
    cid = listed[0]["id"]
    add_fault(emulator, method="PATCH", path=f"/campaign/{cid}", action="drop_after_commit")
    with pytest.raises(httpx.RemoteProtocolError):
        api.patch(f"/campaign/{cid}", json={"name": "renamed"})
    assert api.get(f"/campaign/{cid}").json()["name"] == "renamed"
    add_fault(emulator, method="DELETE", path="/campaign/*", action="drop_after_commit")
    with pytest.raises(httpx.RemoteProtocolError):
        api.delete(f"/campaign/{cid}")
    assert api.get(f"/campaign/{cid}").status_code == 404


def test_journal_records_api_requests_in_order(api, emulator):
    emulator.control.delete("requests").raise_for_status()
    created = api.post("/campaign", json=CAMPAIGN).json()
    api.get(f"/campaign/{created['id']}")
    add_fault(emulator, method="GET", path="/campaign", action="status", status=503)
    api.get("/campaign", params={"page": 1})
    add_fault(emulator, method="DELETE", path="/campaign/*", action="drop")
    with pytest.raises(httpx.RemoteProtocolError):
        api.delete(f"/campaign/{created['id']}")
    with httpx.Client(base_url=emulator.base_url) as anonymous:
        anonymous.get("/campaign")
    journal = emulator.control.get("requests").json()
    assert [(e["method"], e["path"], e["status"]) for e in journal] == [
        ("POST", "/campaign", 201),
        ("GET", f"/campaign/{created['id']}", 200),
        ("GET", "/campaign", 503),
        ("DELETE", f"/campaign/{created['id']}", None),
        ("GET", "/campaign", 401),
    ]
    assert journal[2]["fault"] == "status" and journal[2]["query"] == "page=1"
    assert journal[3]["fault"] == "drop"
    assert all(e["time"].endswith("Z") for e in journal)
    assert [e["time"] for e in journal] == sorted(e["time"] for e in journal)
    emulator.control.delete("requests").raise_for_status()
    assert emulator.control.get("requests").json() == []


@pytest.mark.parametrize(
    "rule",
    [
        {"action": "explode"},
        {"action": "status", "status": 200},
        {"action": "status", "times": 0},
        {"action": "delay"},
        {"action": "status", "colour": "red"},
        [{"action": "drop"}, {"action": "nope"}],
    ],
)
def test_invalid_fault_rules_are_refused(emulator, rule):
    response = emulator.control.post("faults", json=rule)
    assert response.status_code == 400
    assert response.json()["error"]
    assert emulator.control.get("faults").json() == []


def test_reset_clears_faults_and_journal(api, emulator):
    add_fault(emulator, action="status", status=500, times=10)
    assert api.get("/campaign").status_code == 500
    emulator.control.post("reset").raise_for_status()
    assert emulator.control.get("faults").json() == []
    assert emulator.control.get("requests").json() == []
    assert api.get("/campaign").status_code == 200
