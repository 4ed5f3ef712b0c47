"""_client.py against the emulator: requests, answers checked, paging, retries, errors."""

from __future__ import annotations

import socket
import threading
from datetime import datetime, timezone
from typing import Any
from urllib.parse import parse_qs

import pytest
from pulumi.dynamic import ConfigureRequest
from pulumi.dynamic.config import Config

from pulumi_cozmox.client.api import CozmoxClient
from pulumi_cozmox.client.errors import (
    BadRequest,
    MalformedAnswer,
    NotFound,
    RateLimited,
    ServerError,
    TransportError,
    Unauthorized,
)
from pulumi_cozmox.client.settings import Settings
from pulumi_cozmox.core.model.customers import encode_customers
from pulumi_cozmox.provider import CampaignProvider
from tests.integration.helpers import add_fault, body, journal, json_bytes, make_client


def stored(emulator: Any, data: dict[str, Any]) -> str:
    with emulator.api() as api:
        response = api.post("/campaign", json=data)
        response.raise_for_status()
        return str(response.json()["id"])


# --- requests and answers -------------------------------------------------------------------


def test_get_update_end_delete(client: CozmoxClient, emulator: Any) -> None:
    cid = stored(emulator, body())
    assert client.get_campaign(cid)["customers"] == body()["customers"]
    assert client.get_status(cid) == "scheduled"
    assert client.update_campaign(cid, {"name": "Q3"})["name"] == "Q3"
    assert client.end_campaign(cid)["status"] == "ended"
    assert client.delete_campaign(cid) is True
    assert client.delete_campaign(cid) is False
    with pytest.raises(NotFound):
        client.get_status(cid)


def nothing_found(_since: datetime) -> None:
    return None


def test_create_campaign_answers_with_the_campaign_or_the_apis_error(
    client: CozmoxClient, emulator: Any
) -> None:
    created = client.create_campaign(json_bytes(body()), find=nothing_found)
    assert created.campaign["name"] == "Q2" and created.recovered_from is None
    with pytest.raises(BadRequest) as refused:
        client.create_campaign(b'{"name": "no customers"}', find=nothing_found)
    assert refused.value.messages
    assert [e["status"] for e in journal(emulator, "POST")] == [201, 400]


def emulator_now(emulator: Any) -> datetime:
    return datetime.fromisoformat(
        emulator.control.get("clock").json()["now"].replace("Z", "+00:00")
    )


def test_errors_carry_the_servers_time(client: CozmoxClient, emulator: Any) -> None:
    # The emulator's clock is moved a year on: its Date header follows it.
    emulator.control.post("clock", json={"advanceSeconds": 365 * 86400}).raise_for_status()
    before = emulator_now(emulator).replace(microsecond=0)  # a Date header has whole seconds
    with pytest.raises(NotFound) as gone:
        client.get_status("no-such-campaign")
    after = emulator_now(emulator)
    assert gone.value.date is not None
    assert before <= gone.value.date <= after


def test_wrong_key_is_unauthorized_and_not_shown(emulator: Any) -> None:
    key = "sk-wrong-0123456789"
    with make_client(emulator, api_key=key) as c, pytest.raises(Unauthorized) as info:
        c.get_campaign("x")
    assert key not in str(info.value) and key not in repr(info.value)


def test_the_key_is_verified_once_per_client_even_when_refused(emulator: Any) -> None:
    with make_client(emulator, api_key="sk-wrong-0123456789") as c:
        emulator.control.delete("requests")
        refusals: list[BaseException] = []
        start = threading.Barrier(4)

        def check() -> None:
            start.wait(10)
            try:
                c.verify()
            except Unauthorized as exc:
                refusals.append(exc)

        threads = [threading.Thread(target=check) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
        assert len(refusals) == 4  # every check is told, by one request
        assert [(e["method"], e["status"]) for e in emulator.control.get("requests").json()] == [
            ("GET", 401)
        ]
    with make_client(emulator) as good:
        good.verify()
        good.verify()
    assert len(emulator.control.get("requests").json()) == 2  # the right key: asked once


@pytest.mark.parametrize(
    ("answer", "missing"),
    [
        ("", "the answer is empty"),
        ("<html>ok</html>", "not JSON"),
        ("[]", "not a JSON object"),
        ('{"id": "c-1"}', "status"),
        ('{"status": "scheduled", "customers": []}', "id"),
    ],
)
def test_malformed_answers_name_what_is_missing(
    client: CozmoxClient, emulator: Any, answer: str, missing: str
) -> None:
    cid = stored(emulator, body())
    add_fault(emulator, method="GET", path=f"/campaign/{cid}", action="answer", status=200,
              body=answer, times=2)  # fmt: skip
    with pytest.raises(MalformedAnswer) as whole:
        client.get_campaign(cid)
    with pytest.raises(MalformedAnswer) as status_only:
        client.get_status(cid)
    for error in (whole.value, status_only.value):
        assert missing in str(error)
        assert f"/campaign/{cid}" in str(error)


def test_api_messages_are_scrubbed_of_personal_data(client: CozmoxClient, emulator: Any) -> None:
    text = (
        '{"statusCode":400,"error":"Bad Request","message":["customers.0.number +14155550123 '
        'is invalid","customers.1.email ada@example.com is taken","latestAt 2099-01-01 is ok"]}'
    )
    add_fault(emulator, method="GET", path="/campaign/x", action="answer", status=400, body=text)
    with pytest.raises(BadRequest) as info:
        client.get_campaign("x")
    shown = str(info.value)
    assert "+14155550123" not in shown and "ada@example.com" not in shown
    assert "customers.0.number" in shown and "2099-01-01" in shown


# --- paging -----------------------------------------------------------------------------------


def test_paging_follows_the_servers_page_size(client: CozmoxClient, emulator: Any) -> None:
    ids = {stored(emulator, body(f"c{i}", numbers=1)) for i in range(230)}
    emulator.control.delete("requests")
    listed = [c.id for c in client.list_campaigns()]
    assert sorted(listed) == sorted(ids)
    pages = journal(emulator, "GET")
    # The client asks for the contract's largest page (1000); the emulator serves 100 and
    # says so in metadata.itemsPerPage: three pages, not one.
    assert len(pages) == 3
    assert all("limit=1000" in e["query"] for e in pages)


def test_paging_ends_when_the_server_ignores_page(client: CozmoxClient, emulator: Any) -> None:
    ids = {stored(emulator, body(f"c{i}", numbers=1)) for i in range(120)}
    add_fault(emulator, method="GET", path="/campaign", action="ignore_page", times=50)
    listed = [c.id for c in client.list_campaigns()]
    # Every request gets page 1 again: the client stops at the first page with nothing new.
    assert len(listed) == len(set(listed)) == 100 and set(listed) <= ids
    assert len(journal(emulator, "GET")) == 2


# --- retries (the transport) ---------------------------------------------------------------------


def test_429_retry_after_is_honoured(client: CozmoxClient, emulator: Any, pauses: list) -> None:
    cid = stored(emulator, body())
    add_fault(emulator, method="GET", path="/campaign/*", status=429, retryAfter=3, times=2)
    assert client.get_campaign(cid)["id"] == cid
    # Never sooner than the API asked; jitter of up to 1 + 3/2 s added (parallel workers spread).
    assert len(pauses) == 2 and all(3.0 <= p <= 3.0 + 2.5 for p in pauses)
    assert [e["status"] for e in journal(emulator, "GET", f"/campaign/{cid}")] == [429, 429, 200]


class Clock:
    """A monotonic clock that moves when the client sleeps: a deadline is run out without
    waiting it out. ``pauses`` records each sleep."""

    def __init__(self) -> None:
        self.now = 0.0
        self.pauses: list[float] = []
        self._lock = threading.Lock()

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        with self._lock:
            self.pauses.append(seconds)
            self.now += seconds


def timed_client(
    emulator: Any, clock: Clock, *, deadline: float = 300.0, **options: Any
) -> CozmoxClient:
    settings = Settings(
        api_key=emulator.api_key, base_url=emulator.base_url, retry_deadline=deadline
    )
    return CozmoxClient(settings, sleep=clock.sleep, clock=clock, **options)


def test_429s_are_retried_until_a_deadline_not_a_count(emulator: Any) -> None:
    # 40 answers of 429 within the 300 s deadline (1 to 2.5 s each): far more than any count
    # of retries a client might cap them at (max_retries, for other failures, is 1 here).
    cid = stored(emulator, body())
    add_fault(emulator, method="GET", path="/campaign/*", status=429, retryAfter=1, times=40)
    clock = Clock()
    with timed_client(emulator, clock, max_retries=1) as c:
        assert c.get_status(cid) == "scheduled"
    statuses = [e["status"] for e in journal(emulator, "GET", f"/campaign/{cid}")]
    assert statuses == [429] * 40 + [200]
    assert len(clock.pauses) == 40 and all(1.0 <= p <= 2.5 for p in clock.pauses)


def test_429s_past_the_deadline_fail_naming_the_setting(emulator: Any) -> None:
    add_fault(emulator, method="GET", path="/campaign/x", status=429, retryAfter=2, times=100)
    clock, lines = Clock(), list[str]()
    client = timed_client(emulator, clock, deadline=20, notice=lines.append)
    with client, pytest.raises(RateLimited) as limited:
        client.get_campaign("x")
    # Retried while the deadline allowed, then given up: the last pause ends at the deadline
    # at the latest, and a Retry-After that would end past it is not waited for.
    assert 20 - 2 < sum(clock.pauses) <= 20
    assert len(journal(emulator, "GET", "/campaign/x")) == len(clock.pauses) + 1
    message = str(limited.value)
    assert f"still rate limited after {sum(clock.pauses):.0f} s of retries" in message
    assert "cozmox:retryDeadline (or COZMOX_RETRY_DEADLINE)" in message
    assert emulator.api_key not in message + "".join(lines)
    assert len(lines) == 1 and "cozmox:retryDeadline" in lines[0]


def test_429_without_retry_after_backs_off_exponentially(emulator: Any) -> None:
    cid = stored(emulator, body())
    add_fault(emulator, method="GET", path=f"/campaign/{cid}", action="answer", status=429,
              body='{"statusCode":429,"message":"slow down"}', times=6)  # fmt: skip
    clock = Clock()
    with timed_client(emulator, clock, max_retries=0) as c:
        assert c.get_status(cid) == "scheduled"
    assert len(clock.pauses) == 6
    assert all(0 <= p <= 0.5 * 2**k for k, p in enumerate(clock.pauses))


def test_parallel_requests_told_the_same_retry_after_come_back_apart(emulator: Any) -> None:
    cid = stored(emulator, body())
    add_fault(emulator, method="GET", path="/campaign/*", status=429, retryAfter=1, times=8)
    clock = Clock()
    start = threading.Barrier(8)
    with timed_client(emulator, clock) as c:

        def read() -> None:
            start.wait(10)
            c.get_status(cid)

        threads = [threading.Thread(target=read) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
    assert len(clock.pauses) == 8
    assert all(1.0 <= p <= 2.5 for p in clock.pauses)
    assert len({round(p, 3) for p in clock.pauses}) == 8  # each its own moment


def test_a_long_wait_is_told_once_per_episode_not_per_request(emulator: Any) -> None:
    cid = stored(emulator, body())
    clock, lines = Clock(), list[str]()
    with timed_client(emulator, clock, notice=lines.append) as c:
        add_fault(emulator, method="GET", path="/campaign/*", status=429, retryAfter=0, times=1)
        c.get_status(cid)  # one short pause (under 1 s): nothing said
        assert lines == []
        add_fault(emulator, method="GET", path="/campaign/*", status=429, retryAfter=2, times=4)
        c.get_status(cid)  # two pauses of 2-4 s: over the few seconds
        c.get_status(cid)  # the same episode: not said again
        assert len(lines) == 1
        clock.now += 3600  # an hour without a 429: a new episode
        add_fault(emulator, method="GET", path="/campaign/*", status=429, retryAfter=2, times=2)
        c.get_status(cid)
    assert len(lines) == 2
    for line in lines:
        assert line.startswith("cozmox: the Cozmox API is rate limiting requests (429 ")
        assert "retrying until" in line and "UTC, cozmox:retryDeadline)" in line
        assert emulator.api_key not in line


def test_unreasonable_retry_after_is_not_waited_for(
    client: CozmoxClient, emulator: Any, pauses: list
) -> None:
    add_fault(emulator, method="GET", path="/campaign/*", status=429, retryAfter=3600)
    with pytest.raises(RateLimited) as info:
        client.get_campaign("x")
    assert info.value.retry_after == 3600 and pauses == []


@pytest.mark.parametrize("status", [502, 503, 504])
def test_gateway_errors_on_reads_are_retried(
    client: CozmoxClient, emulator: Any, pauses: list, status: int
) -> None:
    cid = stored(emulator, body())
    add_fault(emulator, method="GET", path=f"/campaign/{cid}", status=status, times=2)
    assert client.get_status(cid) == "scheduled"
    assert len(pauses) == 2
    assert [e["status"] for e in journal(emulator, "GET", f"/campaign/{cid}")] == [
        status,
        status,
        200,
    ]


def test_500_on_a_read_is_not_retried(client: CozmoxClient, emulator: Any) -> None:
    add_fault(emulator, method="GET", path="/campaign/x", status=500)
    with pytest.raises(ServerError):
        client.get_campaign("x")
    assert len(journal(emulator, "GET", "/campaign/x")) == 1


def test_retries_are_bounded(emulator: Any, pauses: list) -> None:
    add_fault(emulator, method="GET", path="/campaign/x", status=503, times=10)
    with make_client(emulator, sleep=pauses.append, max_retries=2) as c, pytest.raises(ServerError):
        c.get_campaign("x")
    assert len(journal(emulator, "GET", "/campaign/x")) == 3 and len(pauses) == 2


@pytest.mark.parametrize("method", ["GET", "PATCH", "DELETE"])
def test_idempotent_requests_survive_drops(
    client: CozmoxClient, emulator: Any, pauses: list, method: str
) -> None:
    cid = stored(emulator, body())
    path = f"/campaign/{cid}"
    add_fault(emulator, method=method, path=path, action="drop_after_commit")
    add_fault(emulator, method=method, path=path, action="drop")
    if method == "GET":
        assert client.get_campaign(cid)["id"] == cid
    elif method == "PATCH":
        assert client.update_campaign(cid, {"name": "renamed"})["name"] == "renamed"
    else:
        assert client.delete_campaign(cid) is False  # the first DELETE committed
    assert len(journal(emulator, method, path)) == 3
    # A closed connection is first retried at once (a stale keep-alive connection never
    # reached the server); only the next retry waits.
    assert len(pauses) == 1


def test_a_closed_port_is_a_transport_error_after_retries(pauses: list) -> None:
    settings = Settings(api_key="k", base_url="http://127.0.0.1:9", request_timeout=2)
    client = CozmoxClient(settings, sleep=pauses.append, max_retries=2)
    with client, pytest.raises(TransportError) as info:
        client.get_status("x")
    assert "ConnectError" in str(info.value) and len(pauses) == 2


# --- the live status of a large campaign, counted --------------------------------------------


def requests_sent(emulator: Any) -> list[tuple[str, str, dict[str, list[str]]]]:
    """Every request the API received (any path), in arrival order, its query parsed."""
    entries = sorted(emulator.control.get("requests").json(), key=lambda e: e["arrived"])
    return [(e["method"], e["path"], parse_qs(e["query"])) for e in entries]


def counts(cid: str) -> list[tuple[str, str, dict[str, list[str]]]]:
    """The three counts of a campaign's status (one per status, nothing transferred)."""
    queries = [
        {"id": [cid], "status": [s], "limit": ["0"]} for s in ("scheduled", "in-progress", "ended")
    ]
    return sorted((("GET", "/campaign", q) for q in queries), key=str)


def test_large_campaign_status_is_counted_without_its_answer(
    client: CozmoxClient, emulator: Any
) -> None:
    emulator.clock(freeze=True)  # in progress for a minute, and still when its status is read
    cid = stored(emulator, body(schedulePlan={"earliestAt": "2099-01-01T17:00:00.000Z"}))
    start = (datetime(2099, 1, 1, 17, tzinfo=timezone.utc) - emulator_now(emulator)).total_seconds()
    for status, advance in (("scheduled", 0), ("in-progress", start + 1), ("ended", 3600)):
        emulator.control.post("clock", json={"advanceSeconds": advance}).raise_for_status()
        emulator.control.delete("requests").raise_for_status()
        assert client.get_status(cid, large=True) == status
        # Three counts, one per status, and nothing else: no GET /campaign/{id} at all.
        assert sorted(requests_sent(emulator), key=str) == counts(cid)
        assert client.get_status(cid) == status  # the plain GET agrees


@pytest.mark.parametrize(("customers", "counted"), [(999, False), (1000, True)])
def test_the_provider_counts_the_status_from_1000_customers(
    emulator: Any, monkeypatch: pytest.MonkeyPatch, customers: int, counted: bool
) -> None:
    """A replacement needs the live status: read for 999 customers, counted from 1,000 (the
    customer count recorded in state; the campaign itself may be smaller)."""
    monkeypatch.setenv("COZMOX_PREVIEW_REPORT", "off")
    cid = stored(emulator, body())
    provider = CampaignProvider()
    config = {"cozmox:apiKey": emulator.api_key, "cozmox:baseUrl": emulator.base_url}
    provider.configure(ConfigureRequest(Config(config, project_name="integration")))
    recorded = {
        "name": "Q2",
        "phone_number_id": "pn-1",
        "assistant_id": "as-1",
        "schedule_plan": {"earliestAt": "2099-01-01T09:00:00.000Z"},
        "customers": encode_customers(body()["customers"]),
    }
    olds = {**recorded, "status": "scheduled", "customer_count": customers}
    news = {**recorded, "customers": encode_customers(body()["customers"][:1])}
    emulator.control.delete("requests").raise_for_status()
    result = provider.diff(cid, olds, news)
    assert result.replaces == ["customers"]
    if counted:
        assert sorted(requests_sent(emulator), key=str) == counts(cid)
    else:
        assert requests_sent(emulator) == [("GET", f"/campaign/{cid}", {})]


def test_a_gone_large_campaign_is_not_found(client: CozmoxClient, emulator: Any) -> None:
    with pytest.raises(NotFound) as gone:
        client.get_status("no-such-campaign", large=True)
    assert gone.value.date is not None
    assert journal(emulator, "GET", "/campaign/no-such-campaign") == []


def test_a_server_that_ignores_the_filters_is_asked_plainly(
    client: CozmoxClient, emulator: Any
) -> None:
    cid = stored(emulator, body())
    # Every count says 1, whatever the status asked: the count cannot be trusted.
    page = '{"results": [], "metadata": {"itemsPerPage": 0, "totalItems": 1, "currentPage": 1}}'
    add_fault(emulator, method="GET", path="/campaign", action="answer", status=200,
              body=page, times=3)  # fmt: skip
    assert client.get_status(cid, large=True) == "scheduled"
    assert len(journal(emulator, "GET", f"/campaign/{cid}")) == 1


def test_a_connection_refused_names_where_how_often_and_what_to_check() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed again below: nothing listens there
    pauses: list[float] = []
    settings = Settings(api_key="sk-test", base_url=f"http://127.0.0.1:{port}")
    client = CozmoxClient(settings, sleep=pauses.append, max_retries=3)
    with client, pytest.raises(TransportError) as refused:
        client.get_campaign("c-1")
    message = str(refused.value)
    assert f"at http://127.0.0.1:{port} (4 attempts over" in message
    assert "check cozmox:baseUrl (or COZMOX_BASE_URL)" in message
    assert "local emulator" in message
    assert len(pauses) == 3  # the three retries' pauses, recorded instead of slept
    assert "sk-test" not in message
