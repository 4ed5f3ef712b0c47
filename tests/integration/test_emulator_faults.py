"""Fault injection and the request journal of the emulator (``/__emulator/faults|requests``)."""

from __future__ import annotations

import itertools
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
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


@pytest.fixture
def second_client(emulator) -> Iterator[httpx.Client]:
    """A second API client (its own connection), for a request in another thread."""
    with emulator.api() as client:
        yield client


def instant(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def add_fault(emulator, **rule: Any) -> None:
    response = emulator.control.post("faults", json=rule)
    assert response.status_code == 201, response.text


def total(api: httpx.Client) -> int:
    count: int = api.get("/campaign").json()["metadata"]["totalItems"]
    return count


def journal(emulator) -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = emulator.control.get("requests").json()
    return entries


def entry_for(emulator, method: str) -> dict[str, Any]:
    """The one journal entry of a ``method`` request. Filtered, not indexed: a request of an
    earlier test can still be in flight (``delay`` handles it after its client gave up)."""
    found = [e for e in journal(emulator) if e["method"] == method]
    assert len(found) == 1, found
    return found[0]


def eventually(probe: Callable[[], Any], seconds: float = 20.0) -> Any:
    """The first truthy value of ``probe()``, polled until ``seconds`` have passed."""
    deadline = time.monotonic() + seconds
    while True:
        value = probe()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(0.05)


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
    assert api.get("/campaign", params={"page": 2}, timeout=30).status_code == 200

    def delayed() -> list[dict[str, Any]]:
        found = [e for e in journal(emulator) if e.get("fault") == "delay"]
        return sorted(found, key=lambda e: e["arrived"]) if len(found) == 2 else []

    # Both are handled after their wait, the one whose client gave up included.
    entries = eventually(delayed)
    assert [(e["query"], e["status"]) for e in entries] == [("", 200), ("page=2", 200)]


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
    post = entry_for(emulator, "POST")
    assert (post["fault"], post["status"], post["committedStatus"]) == (
        "drop_after_commit",
        None,
        201,
    )
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
    # One after the other: each ended before the next arrived.
    assert all(e["arrived"] < e["ended"] for e in journal)
    assert all(a["ended"] < b["arrived"] for a, b in itertools.pairwise(journal))
    emulator.control.delete("requests").raise_for_status()
    assert emulator.control.get("requests").json() == []


def test_journal_orders_overlapping_requests(api, emulator, second_client):
    """``arrived`` and ``ended`` say which request ended before which arrived, with no clock:
    a request sent while another is held arrives after it and ends before it (the first is
    held until released, however long the second takes)."""
    add_fault(emulator, method="GET", path="/campaign", query="page=1", action="hold")
    held = threading.Thread(target=lambda: second_client.get("/campaign", params={"page": 1}))
    held.start()
    try:
        assert eventually(lambda: emulator.control.get("faults").json()[0]["held"] == 1)
        assert api.get("/campaign", params={"page": 2}).status_code == 200
    finally:
        emulator.control.post("faults/release").raise_for_status()
        held.join(30)
    by_query = {e["query"]: e for e in journal(emulator)}
    slow, fast = by_query["page=1"], by_query["page=2"]
    assert slow["arrived"] < fast["arrived"] < fast["ended"] < slow["ended"]


@pytest.mark.parametrize(
    ("rule", "reason"),
    [
        ({"action": "explode"}, "action must be one of"),
        ({"action": "status", "status": 200}, "status must be one of"),
        ({"action": "status", "times": 0}, "times must be a positive integer"),
        ({"action": "delay"}, "needs delaySeconds > 0"),
        ({"action": "status", "colour": "red"}, "unknown fault rule keys: colour"),
        ([{"action": "drop"}, {"action": "nope"}], "action must be one of"),
        ({"action": "answer"}, "an answer rule needs status"),
        ({"action": "answer", "status": 199}, "an answer rule needs status"),
        ({"action": "answer", "status": 600}, "an answer rule needs status"),
        ({"action": "answer", "status": "200"}, "an answer rule needs status"),
        ({"action": "answer", "status": True}, "an answer rule needs status"),
        ({"action": "answer", "status": 200, "body": {"id": "x"}}, "body must be a string"),
        ({"action": "answer", "status": 204, "body": "{}"}, "a 204 answer has no body"),
        ({"action": "answer", "status": 200, "contentType": "a\nb"}, "contentType must be"),
        ({"action": "answer", "status": 200, "commit": "yes"}, "commit must be true or false"),
        ({"action": "answer", "status": 429, "retryAfter": 1}, "not keys of the answer action"),
        ({"action": "drop", "delaySeconds": 1}, "not keys of the drop action: delaySeconds"),
        ({"action": "delay_after_commit"}, "needs delaySeconds > 0"),
        ({"action": "delay_after_commit", "delaySeconds": -1}, "delaySeconds must be"),
        ({"action": "ignore_page", "method": "POST"}, "GET /campaign only"),
        ({"action": "ignore_page", "path": "/campaign/*"}, "GET /campaign only"),
        ({"action": "hold", "count": 0}, "count must be a positive integer"),
        ({"action": "hold", "count": True}, "count must be a positive integer"),
        ({"action": "hold", "timeoutSeconds": 0}, "needs timeoutSeconds > 0"),
        ({"action": "delay", "delaySeconds": 1, "count": 2}, "not keys of the delay action"),
    ],
)
def test_invalid_fault_rules_are_refused(emulator, rule, reason):
    response = emulator.control.post("faults", json=rule)
    assert response.status_code == 400
    assert reason in response.json()["error"]
    assert emulator.control.get("faults").json() == []


def test_rules_are_listed_with_the_keys_of_their_action(emulator):
    add_fault(emulator, action="answer", status=201, body="{}", commit=True)
    add_fault(emulator, action="delay_after_commit", delaySeconds=2.5, times=3)
    add_fault(emulator, action="ignore_page", times=10)
    common = {"method": "*", "path": "*", "query": "*", "times": 1, "hits": 0}
    assert emulator.control.get("faults").json() == [
        {
            **common,
            "action": "answer",
            "status": 201,
            "body": "{}",
            "contentType": "application/json; charset=utf-8",
            "commit": True,
        },
        {**common, "action": "delay_after_commit", "delaySeconds": 2.5, "times": 3},
        {**common, "action": "ignore_page", "method": "GET", "path": "/campaign", "times": 10},
    ]


# -- answer ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "body", "content_type"),
    [
        (200, "", None),
        (200, "[]", None),
        (201, "{}", None),
        (201, '{"foo":1}', None),
        (200, "<html><body>Gateway</body></html>", "text/html"),
        (200, "null", ""),
        (202, "é", "text/plain; charset=utf-8"),
        (503, "Service Unavailable", "text/plain"),
    ],
)
def test_answer_without_commit_sends_exactly_that_and_stores_nothing(
    api, emulator, status, body, content_type
):
    rule: dict[str, Any] = {"status": status, "body": body}
    if content_type is not None:
        rule["contentType"] = content_type
    add_fault(emulator, method="POST", path="/campaign", action="answer", **rule)
    response = api.post("/campaign", json=CAMPAIGN)
    assert response.status_code == status
    assert response.content == body.encode("utf-8")
    expected_type = "application/json; charset=utf-8" if content_type is None else content_type
    assert response.headers.get("content-type", "") == expected_type
    assert total(api) == 0
    entry = entry_for(emulator, "POST")
    assert (entry["method"], entry["fault"], entry["status"]) == ("POST", "answer", status)
    assert "committedStatus" not in entry


def test_answer_204_has_no_body(api, emulator):
    add_fault(emulator, method="DELETE", path="/campaign/*", action="answer", status=204)
    response = api.delete("/campaign/anything")
    assert (response.status_code, response.content) == (204, b"")
    assert api.get("/campaign").status_code == 200  # the connection is still in a sane state


@pytest.mark.parametrize(
    ("status", "body"),
    [
        (201, "{}"),  # a 2xx without id
        (201, '{"name":"faults"}'),
        (200, "OK"),  # a 2xx that is not JSON
        (503, ""),  # a proxy's 503 after the upstream did the work
        (502, "<html>Bad Gateway</html>"),
    ],
)
def test_answer_with_commit_stores_the_campaign_and_replaces_the_answer(
    api, emulator, status, body
):
    add_fault(
        emulator,
        method="POST",
        path="/campaign",
        action="answer",
        status=status,
        body=body,
        commit=True,
    )
    response = api.post("/campaign", json=CAMPAIGN)
    assert (response.status_code, response.text) == (status, body)
    listed = api.get("/campaign").json()
    assert listed["metadata"]["totalItems"] == 1
    stored = listed["results"][0]
    assert {k: stored[k] for k in CAMPAIGN} == CAMPAIGN
    assert api.get(f"/campaign/{stored['id']}").json() == stored
    entry = entry_for(emulator, "POST")
    assert (entry["fault"], entry["status"], entry["committedStatus"]) == ("answer", status, 201)


def test_answer_with_commit_records_what_the_api_really_answered(api, emulator):
    add_fault(
        emulator,
        method="POST",
        path="/campaign",
        action="answer",
        status=201,
        body="{}",
        commit=True,
    )
    response = api.post("/campaign", json={**CAMPAIGN, "colour": "red"})  # the API refuses it
    assert response.status_code == 201
    assert total(api) == 0
    entry = entry_for(emulator, "POST")
    assert (entry["status"], entry["committedStatus"]) == (201, 400)


def test_answer_with_commit_on_a_patch_changes_the_campaign(api, emulator):
    cid = api.post("/campaign", json=CAMPAIGN).json()["id"]
    add_fault(
        emulator,
        method="PATCH",
        path="/campaign/*",
        action="answer",
        status=200,
        body="[]",
        commit=True,
    )
    response = api.patch(f"/campaign/{cid}", json={"name": "renamed"})
    assert (response.status_code, response.json()) == (200, [])
    assert api.get(f"/campaign/{cid}").json()["name"] == "renamed"
    assert entry_for(emulator, "PATCH")["committedStatus"] == 200


# -- delay_after_commit ----------------------------------------------------------------------


def test_delay_after_commit_holds_the_answer_of_a_stored_campaign(api, emulator):
    add_fault(
        emulator, method="POST", path="/campaign", action="delay_after_commit", delaySeconds=0.2
    )
    response = api.post("/campaign", json=CAMPAIGN)
    assert response.status_code == 201
    created = response.json()
    assert api.get(f"/campaign/{created['id']}").json()["name"] == "faults"
    entry = entry_for(emulator, "POST")
    assert (entry["fault"], entry["status"], entry["committedStatus"]) == (
        "delay_after_commit",
        201,
        201,
    )


def test_a_client_that_gives_up_during_the_hold_never_gets_the_answer(api, emulator):
    add_fault(
        emulator, method="POST", path="/campaign", action="delay_after_commit", delaySeconds=60
    )
    with pytest.raises(httpx.ReadTimeout):
        api.post("/campaign", json=CAMPAIGN, timeout=1.0)
    listed = api.get("/campaign").json()["results"]
    assert [c["name"] for c in listed] == ["faults"]
    # The server sees the client leave and gives up the hold: the request is over before the
    # hold's 60 s have passed by the emulator's own clock (the wait is bounded beyond them).
    assert eventually(lambda: [e for e in journal(emulator) if e["method"] == "POST"], 90)
    seen_at = instant(emulator.control.get("clock").json()["now"])
    entry = entry_for(emulator, "POST")
    assert (entry["status"], entry["committedStatus"]) == (None, 201)
    assert seen_at < instant(entry["time"]) + timedelta(seconds=60)


KILLED_CLIENT = """
import sys, httpx
httpx.post(sys.argv[1] + "/campaign", json={"name": "killed", "phoneNumberId": "pn-1",
    "assistantId": "asst-1", "customers": [{"number": "+14155550100"}],
    "schedulePlan": {"earliestAt": "2099-01-01T00:00:00Z"}},
    headers={"Authorization": "Bearer " + sys.argv[2]}, timeout=600)
print("answered")
"""


def test_a_client_killed_after_the_commit_leaves_a_stored_campaign(api, emulator):
    add_fault(
        emulator, method="POST", path="/campaign", action="delay_after_commit", delaySeconds=600
    )
    client = subprocess.Popen(
        [sys.executable, "-c", KILLED_CLIENT, emulator.base_url, emulator.api_key],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        stored = eventually(lambda: api.get("/campaign").json()["results"])
        assert [c["name"] for c in stored] == ["killed"]
        assert client.poll() is None  # committed, and the client is still waiting
    finally:
        client.kill()
        out, _ = client.communicate(timeout=30)
    assert out == ""  # it never got its answer
    assert eventually(lambda: [e for e in journal(emulator) if e["method"] == "POST"])
    entry = entry_for(emulator, "POST")
    assert (entry["fault"], entry["status"], entry["committedStatus"]) == (
        "delay_after_commit",
        None,
        201,
    )
    assert api.get(f"/campaign/{stored[0]['id']}").status_code == 200


# -- ignore_page -----------------------------------------------------------------------------


def test_ignore_page_serves_the_first_page_without_metadata(api, emulator):
    ids = [api.post("/campaign", json={**CAMPAIGN, "name": f"c{i}"}).json()["id"] for i in range(5)]
    first = api.get("/campaign", params={"limit": 2, "page": 1}).json()
    assert [c["id"] for c in first["results"]] == ids[::-1][:2]
    add_fault(emulator, action="ignore_page", times=2)
    for page in (3, 2):
        ignored = api.get("/campaign", params={"limit": 2, "page": page, "sortOrder": "DESC"})
        assert ignored.status_code == 200
        assert ignored.json() == {"results": first["results"]}  # page 1, and no metadata
        assert int(ignored.headers["content-length"]) == len(ignored.content)
    entries = [e for e in journal(emulator) if e.get("fault") == "ignore_page"]
    assert [e["query"] for e in entries] == [
        "limit=2&page=3&sortOrder=DESC",
        "limit=2&page=2&sortOrder=DESC",
    ]
    # Used up: paging is back.
    assert api.get("/campaign", params={"limit": 2, "page": 3}).json()["metadata"] == {
        "itemsPerPage": 2,
        "totalItems": 5,
        "currentPage": 3,
    }


def test_ignore_page_keeps_the_filters_and_passes_errors_through(api, emulator):
    api.post("/campaign", json={**CAMPAIGN, "name": "scheduled"})
    running = {k: v for k, v in CAMPAIGN.items() if k != "schedulePlan"}
    api.post("/campaign", json={**running, "name": "running"})
    add_fault(emulator, action="ignore_page", times=2)
    response = api.get("/campaign", params={"status": "in-progress", "page": 4})
    assert [c["name"] for c in response.json()["results"]] == ["running"]
    refused = api.get("/campaign", params={"limit": 5000, "page": 2})
    assert refused.status_code == 400
    assert refused.json()["message"] == ["limit must not be greater than 1000"]


def test_ignore_page_makes_a_pager_that_waits_for_a_short_page_loop(api, emulator):
    """The trap this fault sets: every page is full, so a pager that stops at the first short
    (or empty) page never stops; here it is cut off after 20 pages."""
    for i in range(3):
        api.post("/campaign", json={**CAMPAIGN, "name": f"c{i}"})
    add_fault(emulator, action="ignore_page", times=1000)
    pages = 0
    seen: list[str] = []
    while pages < 20:
        pages += 1
        results = api.get("/campaign", params={"limit": 3, "page": pages}).json()["results"]
        seen += [c["id"] for c in results]
        if len(results) < 3:
            break
    assert pages == 20
    assert len(seen) == 60 and len(set(seen)) == 3


def test_reset_clears_faults_and_journal(api, emulator):
    add_fault(emulator, action="status", status=500, times=10)
    assert api.get("/campaign").status_code == 500
    emulator.control.post("reset").raise_for_status()
    assert emulator.control.get("faults").json() == []
    assert emulator.control.get("requests").json() == []
    assert api.get("/campaign").status_code == 200


# -- query and hold --------------------------------------------------------------------------


def test_rules_match_a_glob_of_the_query(api, emulator):
    add_fault(emulator, method="GET", path="/campaign", query="updatedAtGe=*", status=503)
    since = {"updatedAtGe": "2099-01-01T00:00:00Z"}
    assert api.get("/campaign", params={"status": "ended", **since}).status_code == 200
    assert api.get("/campaign", params=since).status_code == 503
    assert [e.get("fault") for e in journal(emulator)] == [None, "status"]


def held(emulator) -> int:
    return sum(r.get("held", 0) for r in emulator.control.get("faults").json())


def in_threads(*requests: Callable[[], httpx.Response]) -> list[threading.Thread]:
    threads = [threading.Thread(target=request) for request in requests]
    for thread in threads:
        thread.start()
    return threads


def test_hold_with_a_count_releases_the_requests_together(api, emulator, second_client):
    """A barrier: the first request waits for the second; both are then in flight together."""
    add_fault(emulator, method="GET", path="/campaign", action="hold", count=2, times=2)
    [first] = in_threads(lambda: second_client.get("/campaign", params={"page": 1}))
    try:
        assert eventually(lambda: held(emulator) == 1)
        assert journal(emulator) == []  # held: not handled, not answered
        assert api.get("/campaign", params={"page": 2}).status_code == 200
    finally:
        first.join(30)
    by_query = {e["query"]: e for e in journal(emulator)}
    one, two = by_query["page=1"], by_query["page=2"]
    assert (one["hold"], two["hold"], one["status"], two["status"]) == ("count", "count", 200, 200)
    assert one["arrived"] < two["arrived"] < one["ended"]
    assert held(emulator) == 0


def test_hold_without_a_count_waits_for_the_release(api, emulator, second_client):
    add_fault(emulator, method="POST", path="/campaign", action="hold", timeoutSeconds=120)
    [post] = in_threads(lambda: second_client.post("/campaign", json=CAMPAIGN))
    try:
        assert eventually(lambda: held(emulator) == 1)
        assert total(api) == 0  # other requests go on; the held POST is not stored yet
    finally:
        released = emulator.control.post("faults/release").json()
        post.join(30)
    assert released == {"released": 1}
    entry = entry_for(emulator, "POST")
    assert (entry["fault"], entry["hold"], entry["status"]) == ("hold", "release", 201)
    assert total(api) == 1
    # Opened once: a later request the rule takes is not held.
    add_fault(emulator, method="GET", path="/campaign/*", action="hold", times=2)
    emulator.control.post("faults/release").raise_for_status()
    assert api.get("/campaign/none").status_code == 404
    assert [e["hold"] for e in journal(emulator) if e["path"] == "/campaign/none"] == ["open"]


def test_a_hold_that_is_never_completed_times_out_and_says_so(api, emulator):
    add_fault(emulator, method="GET", path="/campaign", action="hold", count=2,
              timeoutSeconds=0.2)  # fmt: skip
    assert api.get("/campaign").status_code == 200
    [entry] = journal(emulator)
    assert (entry["hold"], entry["status"]) == ("timeout", 200)


def test_clearing_the_rules_releases_what_they_hold(api, emulator, second_client):
    add_fault(emulator, method="GET", path="/campaign", action="hold")
    [get] = in_threads(lambda: second_client.get("/campaign"))
    try:
        assert eventually(lambda: held(emulator) == 1)
        emulator.control.post("reset").raise_for_status()
    finally:
        get.join(30)
    assert not get.is_alive()
    assert [e["hold"] for e in journal(emulator)] == ["release"]


def test_a_client_that_gave_up_does_not_count_towards_the_barrier(api, emulator, second_client):
    # One client's request, abandoned (and perhaps sent again), is not two requests in flight.
    add_fault(emulator, method="GET", path="/campaign", action="hold", count=2, times=2)
    with pytest.raises(httpx.ReadTimeout):
        api.get("/campaign", params={"page": 1}, timeout=0.5)
    assert eventually(lambda: held(emulator) == 0)  # its client left; it still waits
    [second] = in_threads(lambda: second_client.get("/campaign", params={"page": 2}))
    try:
        assert eventually(lambda: held(emulator) == 1)
        assert journal(emulator) == []  # two requests arrived, yet the barrier stays shut
    finally:
        assert emulator.control.post("faults/release").json() == {"released": 2}
        second.join(30)
    assert eventually(lambda: len(journal(emulator)) == 2)
    holds = {e["query"]: (e["hold"], e["status"]) for e in journal(emulator)}
    assert holds == {"page=1": ("release", 200), "page=2": ("release", 200)}
