"""client.py with a fake transport: only faults the emulator cannot produce, plus the wire
details (headers, paging parameters) best checked request by request."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from pulumi_cozmox import __version__
from pulumi_cozmox._client import CozmoxClient, campaign_summary, matches_summary
from pulumi_cozmox._errors import (
    ApiError,
    BadRequest,
    ConfigurationError,
    CozmoxError,
    NotFound,
    OutcomeUnknown,
    RateLimited,
    ServerError,
    TransportError,
    Unauthorized,
)

KEY = "sk-test-SECRET-0123456789"
BASE = "https://api.cozmox.test"
BODY = {
    "name": "Q2",
    "phoneNumberId": "pn-1",
    "assistantId": "as-1",
    "customers": [{"number": "+14155550100"}, {"number": "+14155550101"}],
}
CAMPAIGN = {**BODY, "id": "c-1", "status": "scheduled", "createdAt": "2030-01-01T00:00:00.000Z"}

Handler = Callable[[httpx.Request], httpx.Response]


class Recorder:
    """A fake API: answers from a script and records requests and pauses."""

    def __init__(self, *answers: httpx.Response | Exception | Handler) -> None:
        self.answers = list(answers)
        self.requests: list[httpx.Request] = []
        self.sleeps: list[float] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        answer = self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]
        if isinstance(answer, Exception):
            raise type(answer)(str(answer), request=request)  # type: ignore[call-arg]
        if callable(answer):
            return answer(request)
        return answer

    def client(self, **kwargs: Any) -> CozmoxClient:
        kwargs.setdefault("sleep", self.sleeps.append)
        return CozmoxClient(BASE, KEY, transport=httpx.MockTransport(self), **kwargs)

    def methods(self) -> list[str]:
        return [f"{r.method} {r.url.path}" for r in self.requests]


def ok(body: Any, status: int = 200) -> httpx.Response:
    return httpx.Response(status, json=body)


def error(status: int, message: Any = "nope", **headers: str) -> httpx.Response:
    body = {"statusCode": status, "error": "Error", "message": message}
    return httpx.Response(status, json=body, headers=headers)


def page(results: list[dict[str, Any]], total: int | None = None) -> httpx.Response:
    meta = {"itemsPerPage": 100, "totalItems": len(results) if total is None else total}
    return ok({"results": results, "metadata": {**meta, "currentPage": 1}})


# --- configuration and headers --------------------------------------------------------------


@pytest.mark.parametrize("key", ["", "   "])
def test_missing_key_is_a_configuration_error(key: str) -> None:
    with pytest.raises(ConfigurationError, match="COZMOX_API_KEY"):
        CozmoxClient(BASE, key)


def test_bad_base_url_is_a_configuration_error() -> None:
    with pytest.raises(ConfigurationError, match="http"):
        CozmoxClient("api.cozmox.test", KEY)


def test_headers_and_repr() -> None:
    fake = Recorder(ok(CAMPAIGN))
    with fake.client() as client:
        client.get_campaign("c-1")
        assert KEY not in repr(client)
        assert "***" in repr(client)
    request = fake.requests[0]
    assert request.headers["Authorization"] == f"Bearer {KEY}"
    assert request.headers["User-Agent"] == f"pulumi-cozmox/{__version__}"
    assert str(request.url) == f"{BASE}/campaign/c-1"


def test_base_url_with_a_path_prefix() -> None:
    fake = Recorder(ok(CAMPAIGN))
    client = CozmoxClient(BASE + "/v1/", KEY, transport=httpx.MockTransport(fake))
    client.get_campaign("c/1")
    assert fake.requests[0].url.raw_path == b"/v1/campaign/c%2F1"


def test_bytes_body_is_sent_as_is() -> None:
    raw = b'{"name":"Q2","customers":[{"number":"+14155550100"}]}'
    fake = Recorder(ok(CAMPAIGN, 201))
    assert fake.client().create_campaign(raw) == CAMPAIGN
    assert fake.requests[0].content == raw
    assert fake.requests[0].headers["Content-Type"] == "application/json"


def test_update_end_and_delete() -> None:
    fake = Recorder(ok(CAMPAIGN))
    client = fake.client()
    client.update_campaign("c-1", {"name": "Q3"})
    client.end_campaign("c-1")
    client.delete_campaign("c-1")
    assert fake.methods() == ["PATCH /campaign/c-1", "PATCH /campaign/c-1", "DELETE /campaign/c-1"]
    assert json.loads(fake.requests[0].content) == {"name": "Q3"}
    assert json.loads(fake.requests[1].content) == {"status": "ended"}


# --- error mapping --------------------------------------------------------------------------


def test_bad_request_carries_the_api_messages() -> None:
    messages = ["customers.0.number must be a valid phone number", "name must be a string"]
    fake = Recorder(error(400, messages))
    with pytest.raises(BadRequest) as info:
        fake.client().create_campaign(BODY)
    assert info.value.messages == messages
    assert str(info.value) == (
        "POST /campaign failed: 400 Bad Request: "
        "customers.0.number must be a valid phone number; name must be a string"
    )
    assert len(fake.requests) == 1


@pytest.mark.parametrize(
    ("status", "cls"), [(401, Unauthorized), (404, NotFound), (500, ServerError), (403, ApiError)]
)
def test_status_maps_to_an_error_and_is_not_retried(status: int, cls: type[ApiError]) -> None:
    fake = Recorder(error(status))
    with pytest.raises(cls) as info:
        fake.client().get_campaign("c-1")
    assert info.value.status == status
    assert len(fake.requests) == 1


def test_non_json_error_body() -> None:
    fake = Recorder(httpx.Response(500, text="<html>upstream broke</html>"))
    with pytest.raises(ServerError, match="upstream broke"):
        fake.client().get_campaign("c-1")


def test_delete_of_a_gone_campaign_is_none() -> None:
    assert Recorder(error(404)).client().delete_campaign("c-1") is None


# --- the key never leaks --------------------------------------------------------------------


def test_key_is_absent_from_every_error() -> None:
    answers: list[httpx.Response | Exception] = [
        error(401, f"invalid key {KEY}"),
        error(400, [f"header Bearer {KEY} rejected"]),
        httpx.Response(500, text=f"Authorization: Bearer {KEY}"),
        error(503, KEY),
        httpx.ConnectError(f"refused for {KEY}"),
        httpx.ReadTimeout("timed out"),
    ]
    seen: list[CozmoxError] = []
    for answer in answers:
        client = Recorder(answer).client(max_retries=1)
        calls: list[Callable[[], object]] = [
            lambda c=client: c.get_campaign("c-1"),  # type: ignore[misc]
            lambda c=client: list(c.list_campaigns()),  # type: ignore[misc]
            lambda c=client: c.create_campaign(BODY),  # type: ignore[misc]
        ]
        for call in calls:
            with pytest.raises(CozmoxError) as info:
                call()
            seen.append(info.value)
    assert len(seen) == 3 * len(answers)
    for err in seen:
        for text in (str(err), repr(err), str(err.args)):
            assert KEY not in text
        assert err.__cause__ is None  # the httpx request (with its headers) is not kept


def test_outcome_unknown_has_no_key() -> None:
    fake = Recorder(httpx.ReadTimeout("timed out"))
    with pytest.raises(OutcomeUnknown) as info:
        fake.client(max_retries=0)._request("POST", "/other", content=b"{}")
    assert KEY not in str(info.value) and "outcome unknown" in str(info.value)


# --- retries --------------------------------------------------------------------------------


def test_503s_then_success() -> None:
    fake = Recorder(error(503), error(503), error(502), error(504), ok(CAMPAIGN))
    assert fake.client(backoff_base=0.5).get_campaign("c-1") == CAMPAIGN
    assert len(fake.requests) == 5
    assert len(fake.sleeps) == 4
    for attempt, pause in enumerate(fake.sleeps):
        assert 0 <= pause <= 0.5 * 2**attempt  # full jitter under the exponential ceiling


def test_retries_are_bounded() -> None:
    fake = Recorder(error(503))
    with pytest.raises(ServerError) as info:
        fake.client(max_retries=3).get_campaign("c-1")
    assert info.value.status == 503
    assert len(fake.requests) == 4


def test_retry_after_is_honoured() -> None:
    fake = Recorder(error(429, "slow down", **{"Retry-After": "7"}), ok(CAMPAIGN))
    assert fake.client().get_campaign("c-1") == CAMPAIGN
    assert fake.sleeps == [7.0]


def test_rate_limited_after_retries_carries_retry_after() -> None:
    fake = Recorder(error(429, "slow down", **{"Retry-After": "2"}))
    with pytest.raises(RateLimited) as info:
        fake.client(max_retries=2).get_campaign("c-1")
    assert info.value.retry_after == 2.0
    assert fake.sleeps == [2.0, 2.0]


def test_unreasonable_retry_after_is_not_waited_for() -> None:
    fake = Recorder(error(429, "slow down", **{"Retry-After": "86400"}))
    with pytest.raises(RateLimited):
        fake.client().get_campaign("c-1")
    assert fake.sleeps == [] and len(fake.requests) == 1


@pytest.mark.parametrize(
    "exc", [httpx.ReadTimeout("t"), httpx.ReadError("r"), httpx.RemoteProtocolError("p")]
)
@pytest.mark.parametrize("method", ["get", "patch", "delete"])
def test_idempotent_requests_retry_after_a_lost_answer(exc: Exception, method: str) -> None:
    fake = Recorder(exc, ok(CAMPAIGN))
    client = fake.client()
    call = {
        "get": lambda: client.get_campaign("c-1"),
        "patch": lambda: client.update_campaign("c-1", {"name": "x"}),
        "delete": lambda: client.delete_campaign("c-1"),
    }[method]
    assert call() == CAMPAIGN
    assert len(fake.requests) == 2


def test_transport_error_after_retries() -> None:
    fake = Recorder(httpx.ConnectError("refused"))
    with pytest.raises(TransportError, match="GET /campaign/c-1 failed: ConnectError: refused"):
        fake.client(max_retries=2).get_campaign("c-1")
    assert len(fake.requests) == 3


# --- POST: retried only when surely not processed -------------------------------------------


@pytest.mark.parametrize(
    "answer", [httpx.ConnectError("refused"), httpx.ConnectTimeout("t"), error(503), error(429)]
)
def test_post_is_retried_when_not_processed(answer: httpx.Response | Exception) -> None:
    fake = Recorder(answer, ok(CAMPAIGN, 201))
    assert fake.client().create_campaign(BODY) == CAMPAIGN
    assert fake.methods() == ["POST /campaign", "POST /campaign"]


def test_post_500_looks_for_the_campaign_and_is_not_retried() -> None:
    fake = Recorder(error(500), page([]))
    with pytest.raises(ServerError):
        fake.client(lookup_grace=0).create_campaign(BODY)
    assert fake.methods() == ["POST /campaign", "GET /campaign"]


@pytest.mark.parametrize("status", [500, 502, 504])
def test_post_fault_after_commit_adopts_the_campaign(status: int) -> None:
    fake = Recorder(error(status), page([CAMPAIGN]))
    assert fake.client(lookup_grace=0).create_campaign(BODY) == CAMPAIGN
    assert fake.methods() == ["POST /campaign", "GET /campaign"]


def test_post_502_not_committed_is_retried_after_the_lookup() -> None:
    fake = Recorder(error(502), page([]), ok(CAMPAIGN, 201))
    assert fake.client(lookup_grace=0).create_campaign(BODY) == CAMPAIGN
    assert fake.methods() == ["POST /campaign", "GET /campaign", "POST /campaign"]


@pytest.mark.parametrize(
    "exc",
    [
        httpx.ReadTimeout("timed out"),
        httpx.RemoteProtocolError("Server disconnected without sending a response."),
        httpx.ReadError("reset"),
        httpx.WriteError("broken pipe"),
    ],
)
def test_post_with_a_lost_answer_adopts_the_created_campaign(exc: Exception) -> None:
    other = {**CAMPAIGN, "id": "c-0", "name": "someone else's"}
    fake = Recorder(exc, page([other, CAMPAIGN]))
    assert fake.client().create_campaign(BODY) == CAMPAIGN
    assert fake.methods() == ["POST /campaign", "GET /campaign"]
    params = fake.requests[1].url.params
    assert params["limit"] == "100" and params["page"] == "1"
    assert params["createdAtGe"].endswith("Z")


def test_post_lookup_keeps_looking_over_the_grace_period() -> None:
    # Not there at first (a slow server commits later): found on the third look.
    fake = Recorder(httpx.ReadTimeout("t"), page([]), page([]), page([CAMPAIGN]))
    client = fake.client(timeout=4.0, lookup_interval=1.0)
    assert client.create_campaign(BODY) == CAMPAIGN
    assert fake.methods() == ["POST /campaign"] + ["GET /campaign"] * 3
    assert fake.sleeps == [1.0, 1.0]


def test_post_sent_again_only_after_the_grace_period() -> None:
    fake = Recorder(httpx.ReadTimeout("t"), *[page([])] * 9, ok(CAMPAIGN, 201))
    client = fake.client(timeout=4.0, lookup_interval=1.0)
    assert client.lookup_grace >= client.timeout
    assert client.create_campaign(BODY) == CAMPAIGN
    methods = fake.methods()
    assert methods[0] == "POST /campaign" and methods[-1] == "POST /campaign"
    assert methods[1:-1] == ["GET /campaign"] * 9
    assert sum(fake.sleeps) == pytest.approx(client.lookup_grace)


def test_post_lookup_failure_is_outcome_unknown_not_a_second_post() -> None:
    fake = Recorder(httpx.ReadTimeout("t"), error(500, "db down"))
    with pytest.raises(OutcomeUnknown, match="looking up whether the campaign was created"):
        fake.client().create_campaign(BODY)
    assert fake.methods().count("POST /campaign") == 1


def test_lookup_matches_numbers_in_order() -> None:
    swapped = {**CAMPAIGN, "customers": list(reversed(BODY["customers"]))}  # type: ignore[call-overload]
    summary = campaign_summary(BODY)
    assert matches_summary(CAMPAIGN, summary)
    assert not matches_summary(swapped, summary)
    assert not matches_summary({**CAMPAIGN, "assistantId": "as-2"}, summary)
    assert not matches_summary({**CAMPAIGN, "workflowId": "wf"}, summary)
    assert campaign_summary(json.dumps(BODY).encode()) == summary


# --- paging ---------------------------------------------------------------------------------


def test_list_reads_every_page() -> None:
    items = [{"id": f"c-{i}"} for i in range(250)]

    def answer(request: httpx.Request) -> httpx.Response:
        n = int(request.url.params["page"])
        limit = int(request.url.params["limit"])
        return page(items[(n - 1) * limit : n * limit], total=len(items))

    fake = Recorder(answer)
    got = list(fake.client().list_campaigns(status="ended"))
    assert [c["id"] for c in got] == [c["id"] for c in items]
    assert [r.url.params["page"] for r in fake.requests] == ["1", "2", "3"]
    assert all(r.url.params["status"] == "ended" for r in fake.requests)


def test_list_stops_at_total_items_on_a_full_page() -> None:
    fake = Recorder(page([{"id": f"c-{i}"} for i in range(100)], total=100))
    assert len(list(fake.client().list_campaigns())) == 100
    assert len(fake.requests) == 1
