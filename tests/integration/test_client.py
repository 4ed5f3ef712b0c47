"""client.py against the emulator: CRUD, paging, and every fault the emulator can inject."""

from __future__ import annotations

import time
from typing import Any

import pytest

from pulumi_cozmox._body import create_body_bytes
from pulumi_cozmox._client import CozmoxClient
from pulumi_cozmox._customers import encode_customers
from pulumi_cozmox._errors import BadRequest, NotFound, ServerError, Unauthorized


def body(name: str = "Q2", numbers: int = 2) -> dict[str, Any]:
    return {
        "name": name,
        "phoneNumberId": "pn-1",
        "assistantId": "as-1",
        "schedulePlan": {"earliestAt": "2099-01-01T09:00:00.000Z"},
        "customers": [{"number": f"+1415555{i:04d}"} for i in range(numbers)],
    }


@pytest.fixture
def pauses() -> list[float]:
    return []


@pytest.fixture
def client(emulator: Any, pauses: list[float]) -> Any:
    """A client whose pauses are recorded, not slept."""
    with CozmoxClient(emulator.base_url, emulator.api_key, timeout=5.0, sleep=pauses.append) as c:
        yield c


def add_fault(emulator: Any, **rule: Any) -> None:
    response = emulator.control.post("faults", json=rule)
    assert response.status_code == 201, response.text


def journal(emulator: Any, method: str, path: str = "/campaign") -> list[dict[str, Any]]:
    # (The journal records a request when it ends; sort by arrival time.)
    entries = sorted(emulator.control.get("requests").json(), key=lambda e: e["time"])
    return [e for e in entries if e["method"] == method and e["path"] == path]


def all_campaigns(emulator: Any) -> list[dict[str, Any]]:
    with CozmoxClient(emulator.base_url, emulator.api_key) as c:
        return list(c.list_campaigns())


# --- CRUD -----------------------------------------------------------------------------------


def test_crud(client: CozmoxClient) -> None:
    created = client.create_campaign(body())
    cid = created["id"]
    assert created["status"] == "scheduled"
    assert client.get_campaign(cid)["name"] == "Q2"
    assert client.update_campaign(cid, {"name": "Q3"})["name"] == "Q3"
    assert client.get_campaign(cid)["name"] == "Q3"
    assert client.end_campaign(cid)["status"] == "ended"
    assert client.delete_campaign(cid) is not None
    with pytest.raises(NotFound):
        client.get_campaign(cid)
    assert client.delete_campaign(cid) is None


def test_create_from_spliced_bytes(client: CozmoxClient) -> None:
    props = {
        "name": "bytes",
        "phone_number_id": "pn-1",
        "assistant_id": "as-1",
        "customers": encode_customers(body()["customers"]),
    }
    created = client.create_campaign(create_body_bytes(props))
    assert created["customers"] == body()["customers"]
    assert created["name"] == "bytes"


def test_bad_request_has_the_api_messages(client: CozmoxClient) -> None:
    with pytest.raises(BadRequest) as info:
        client.create_campaign({**body(), "colour": "blue"})
    assert info.value.messages
    assert any("colour" in m for m in info.value.messages)
    assert str(info.value).startswith("POST /campaign failed: 400 Bad Request: ")


def test_wrong_key_is_unauthorized_and_not_shown(emulator: Any) -> None:
    key = "sk-wrong-key-4242"
    with CozmoxClient(emulator.base_url, key) as c, pytest.raises(Unauthorized) as info:
        c.get_campaign("anything")
    assert key not in str(info.value)


def test_paging_through_more_than_100(client: CozmoxClient, emulator: Any) -> None:
    ids = {client.create_campaign(body(f"c{i}", numbers=1))["id"] for i in range(230)}
    emulator.control.delete("requests")
    listed = [c["id"] for c in client.list_campaigns()]
    assert len(listed) == 230
    assert set(listed) == ids
    pages = journal(emulator, "GET")
    assert len(pages) == 3
    assert all("limit=100" in e["query"] for e in pages)


# --- faults ---------------------------------------------------------------------------------


def test_429_retry_after_is_honoured(client: CozmoxClient, emulator: Any, pauses: list) -> None:
    cid = client.create_campaign(body())["id"]
    add_fault(emulator, method="GET", path="/campaign/*", status=429, retryAfter=3, times=2)
    assert client.get_campaign(cid)["id"] == cid
    assert pauses == [3.0, 3.0]
    assert [e["status"] for e in journal(emulator, "GET", f"/campaign/{cid}")] == [429, 429, 200]


@pytest.mark.parametrize("status", [429, 502, 503, 504])
def test_post_refused_by_a_gateway_is_retried_once_created(
    client: CozmoxClient, emulator: Any, status: int
) -> None:
    add_fault(emulator, method="POST", path="/campaign", status=status, retryAfter=1, times=2)
    created = client.create_campaign(body())
    assert [c["id"] for c in all_campaigns(emulator)] == [created["id"]]
    assert [e["status"] for e in journal(emulator, "POST")] == [status, status, 201]


def test_500_is_not_retried(client: CozmoxClient, emulator: Any) -> None:
    add_fault(emulator, method="POST", path="/campaign", status=500)
    with pytest.raises(ServerError):
        client.create_campaign(body())
    assert len(journal(emulator, "POST")) == 1
    assert all_campaigns(emulator) == []


def test_drop_before_processing_post(client: CozmoxClient, emulator: Any) -> None:
    add_fault(emulator, method="POST", path="/campaign", action="drop")
    created = client.create_campaign(body())
    assert [c["id"] for c in all_campaigns(emulator)] == [created["id"]]
    posts = journal(emulator, "POST")
    assert [e["status"] for e in posts] == [None, 201]


def test_commit_then_drop_post_adopts_without_a_second_post(
    client: CozmoxClient, emulator: Any
) -> None:
    add_fault(emulator, method="POST", path="/campaign", action="drop_after_commit")
    created = client.create_campaign(body())
    assert [c["id"] for c in all_campaigns(emulator)] == [created["id"]]
    assert len(journal(emulator, "POST")) == 1


def test_commit_then_drop_tells_identical_earlier_campaigns_apart(
    client: CozmoxClient, emulator: Any
) -> None:
    first = client.create_campaign(body("same", numbers=3))
    other_order = body("same", numbers=3)
    other_order["customers"].reverse()
    second = client.create_campaign(other_order)
    add_fault(emulator, method="POST", path="/campaign", action="drop_after_commit")
    created = client.create_campaign(body("same", numbers=3))
    # The lookup window includes `first` (same name and numbers, seconds ago): the newest
    # match is the one this request created.
    assert created["id"] not in (first["id"], second["id"])
    assert len(all_campaigns(emulator)) == 3


@pytest.mark.parametrize("method", ["GET", "PATCH", "DELETE"])
def test_idempotent_requests_survive_drops(
    client: CozmoxClient, emulator: Any, method: str
) -> None:
    cid = client.create_campaign(body())["id"]
    add_fault(emulator, method=method, path=f"/campaign/{cid}", action="drop_after_commit")
    add_fault(emulator, method=method, path=f"/campaign/{cid}", action="drop")
    if method == "GET":
        assert client.get_campaign(cid)["id"] == cid
    elif method == "PATCH":
        assert client.update_campaign(cid, {"name": "renamed"})["name"] == "renamed"
    else:
        client.delete_campaign(cid)  # the first DELETE committed: the last one finds it gone
        assert all_campaigns(emulator) == []
    assert len(journal(emulator, method, f"/campaign/{cid}")) == 3


def test_post_slower_than_the_timeout_leaves_one_campaign(emulator: Any) -> None:
    # The server answers 1.5 s after the request; the client gives up waiting at 1 s and then
    # looks the campaign up for its grace period (2 x timeout) before it may post again.
    add_fault(emulator, method="POST", path="/campaign", action="delay", delaySeconds=1.5)
    with CozmoxClient(
        emulator.base_url, emulator.api_key, timeout=1.0, lookup_interval=0.25, sleep=time.sleep
    ) as c:
        created = c.create_campaign(body())
    assert [x["id"] for x in all_campaigns(emulator)] == [created["id"]]
    # Never a blind second POST: the request after the timed-out one is a lookup.
    # (The journal records a request when it ends; sort by arrival time.)
    entries = sorted(emulator.control.get("requests").json(), key=lambda e: e["time"])
    first_post = next(i for i, e in enumerate(entries) if e["method"] == "POST")
    assert entries[first_post].get("fault") == "delay"
    after = [e for e in entries[first_post + 1 :] if e["path"] == "/campaign"]
    assert (after[0]["method"], after[0]["query"].count("createdAtGe=")) == ("GET", 1)
