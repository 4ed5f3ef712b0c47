"""_create.py with a fake transport: only the sequences the emulator cannot produce."""

from __future__ import annotations

import json

import httpx
import pytest

from pulumi_cozmox._client import CozmoxClient
from pulumi_cozmox._create import create_campaign
from pulumi_cozmox._errors import OutcomeUnknown
from pulumi_cozmox._settings import Settings
from tests.integration.helpers import body, declared

EMPTY_PAGE = {"results": [], "metadata": {"itemsPerPage": 100, "totalItems": 0, "currentPage": 1}}


def test_a_lookup_that_fails_is_outcome_unknown_never_a_second_post() -> None:
    # The guard's read of the org succeeds (scheduled, in progress, ended lately), the POST's
    # answer is lost, then the lookup's listing fails: whether the campaign exists cannot be
    # known, so nothing is sent again.
    seen: list[str] = []
    listings = iter(
        [*(httpx.Response(200, json=EMPTY_PAGE) for _ in range(3)), httpx.Response(401)]
    )

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.method)
        if request.method == "POST":
            raise httpx.RemoteProtocolError("Server disconnected", request=request)
        return next(listings)

    settings = Settings(api_key="k", base_url="https://api.test")
    client = CozmoxClient(settings, transport=httpx.MockTransport(handler), sleep=lambda _s: None)
    with pytest.raises(OutcomeUnknown) as unknown:
        create_campaign(client, declared(body()))
    assert seen == ["GET", "GET", "GET", "POST", "GET"]
    assert "401" in str(unknown.value)


def test_declared_identity_ignores_the_name_and_the_instant_format() -> None:
    a = declared(body("A", schedulePlan={"earliestAt": "2099-01-01T09:00:00Z"}))
    b = declared(body("B", schedulePlan={"earliestAt": "2099-01-01T10:00:00+01:00"}))
    c = declared(body("A", schedulePlan={"earliestAt": "2099-01-01T09:00:01Z"}))
    assert a.identity == b.identity != c.identity
    assert a.customer_keys == (("+14155550000", None), ("+14155550001", None))
    assert json.loads(a.body)["customers"] == body()["customers"]
