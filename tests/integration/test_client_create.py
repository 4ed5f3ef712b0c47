"""CozmoxClient.create_campaign against the emulator: one POST, its outcome settled by the
client (when to look the campaign up, for how long, when to send again); recognising the
campaign is the caller's ``find``. The duplicate guard above it: tests/integration/test_create.py.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

import pytest

from pulumi_cozmox.client.api import CozmoxClient
from pulumi_cozmox.client.errors import (
    NotFound,
    OutcomeUnknown,
    ServerError,
    TransportError,
)
from pulumi_cozmox.client.post import LOOKUP_MARGIN, SHORT_GRACE
from pulumi_cozmox.client.settings import Settings
from tests.integration.helpers import add_fault, body, campaigns, journal, json_bytes

#: The API's time before the POST, as the caller's clock says (fixed: the lookups' ``since``).
BEFORE = datetime(2031, 5, 6, 7, 8, 9, tzinfo=timezone.utc)


class Finder:
    """A caller's ``find``: the stored campaign named ``name`` created since ``since``, if
    any; records each ``since`` it was asked with."""

    def __init__(self, emulator: Any, name: str = "Q2") -> None:
        self.emulator = emulator
        self.name = name
        self.asked: list[datetime] = []

    def __call__(self, since: datetime) -> dict[str, Any] | None:
        self.asked.append(since)
        found = [c for c in campaigns(self.emulator) if c["name"] == self.name]
        return found[0] if found else None


def create(client: CozmoxClient, find: Any) -> Any:
    return client.create_campaign(json_bytes(body()), find=find, clock=lambda: BEFORE)


def test_a_2xx_campaign_is_the_answer_without_a_lookup(client: CozmoxClient, emulator: Any) -> None:
    find = Finder(emulator)
    created = create(client, find)
    assert created.recovered_from is None
    assert [c["id"] for c in campaigns(emulator)] == [created.campaign["id"]]
    assert find.asked == []


def test_a_lost_answer_is_looked_up_from_before_the_request(
    client: CozmoxClient, emulator: Any
) -> None:
    add_fault(emulator, method="POST", path="/campaign", action="drop_after_commit")
    find = Finder(emulator)
    created = create(client, find)
    assert created.recovered_from is not None and "RemoteProtocolError" in created.recovered_from
    assert created.campaign["id"] == campaigns(emulator)[0]["id"]
    assert find.asked == [BEFORE - timedelta(seconds=LOOKUP_MARGIN)]
    assert len(journal(emulator, "POST")) == 1


def test_nothing_found_after_a_drop_is_sent_again_after_the_short_grace(
    client: CozmoxClient, emulator: Any, pauses: list[float]
) -> None:
    add_fault(emulator, method="POST", path="/campaign", action="drop")
    find = Finder(emulator)
    created = create(client, find)
    assert created.recovered_from is None
    assert [e["status"] for e in journal(emulator, "POST")] == [None, 201]
    # Looked for over SHORT_GRACE (one look a second, the first at once), then one backoff.
    assert len(find.asked) == SHORT_GRACE + 1
    assert sum(pauses[:-1]) == SHORT_GRACE and len(pauses) == SHORT_GRACE + 1


@pytest.mark.parametrize(("status", "grace"), [(502, 10.0), (503, SHORT_GRACE), (504, 10.0)])
def test_a_gateway_error_waits_out_its_grace_then_sends_again(
    client: CozmoxClient, emulator: Any, pauses: list[float], status: int, grace: float
) -> None:
    # 502/504: the server behind the gateway may still be working (2 x the 5 s timeout).
    add_fault(emulator, method="POST", path="/campaign", status=status)
    find = Finder(emulator)
    create(client, find)
    assert [e["status"] for e in journal(emulator, "POST")] == [status, 201]
    assert sum(pauses[:-1]) == grace and len(find.asked) == grace + 1


def test_a_500_is_looked_up_then_raised_never_sent_again(
    client: CozmoxClient, emulator: Any
) -> None:
    add_fault(emulator, method="POST", path="/campaign", status=500)
    find = Finder(emulator)
    with pytest.raises(ServerError):
        create(client, find)
    assert len(find.asked) == SHORT_GRACE + 1
    assert len(journal(emulator, "POST")) == 1 and campaigns(emulator) == []


def test_a_malformed_2xx_not_found_is_outcome_unknown_never_sent_again(
    client: CozmoxClient, emulator: Any
) -> None:
    add_fault(emulator, method="POST", path="/campaign", action="answer", status=201,
              body='{"ok": true}')  # fmt: skip
    find = Finder(emulator)
    with pytest.raises(OutcomeUnknown) as unknown:
        create(client, find)
    assert "adopt_id" in str(unknown.value) and len(find.asked) == SHORT_GRACE + 1
    assert len(journal(emulator, "POST")) == 1


def test_a_lookup_that_fails_is_outcome_unknown(client: CozmoxClient, emulator: Any) -> None:
    add_fault(emulator, method="POST", path="/campaign", action="drop")

    def broken(_since: datetime) -> None:
        raise NotFound(404, "gone", "GET", "/campaign/c-1")

    with pytest.raises(OutcomeUnknown) as unknown:
        create(client, broken)
    assert "looking up whether the campaign was created failed" in str(unknown.value)
    assert len(journal(emulator, "POST")) == 1


def test_resends_are_bounded(emulator: Any, pauses: list[float]) -> None:
    add_fault(emulator, method="POST", path="/campaign", status=503, times=10)
    settings = Settings(api_key=emulator.api_key, base_url=emulator.base_url)
    client = CozmoxClient(settings, sleep=pauses.append, max_retries=2)
    with client, pytest.raises(ServerError):
        create(client, Finder(emulator))
    assert [e["status"] for e in journal(emulator, "POST")] == [503] * 3


def test_never_sent_is_a_transport_error_without_a_lookup(pauses: list[float]) -> None:
    settings = Settings(api_key="sk-test", base_url="http://127.0.0.1:9")
    asked: list[datetime] = []

    def find(since: datetime) -> None:
        asked.append(since)

    client = CozmoxClient(settings, sleep=pauses.append, max_retries=1)
    with client, pytest.raises(TransportError) as refused:
        create(client, find)
    assert "ConnectError" in str(refused.value) and "check cozmox:baseUrl" in str(refused.value)
    assert asked == []
