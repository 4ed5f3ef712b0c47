"""The emulator's rate limiter over real HTTP: a token bucket per API key, 429 with a
Retry-After computed from it, set at start or under /__emulator/rate-limit, in the journal.

Rates here are slow (a token every 100 s): a bucket emptied in a test does not refill before
the test ends, whatever the machine's speed.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from tests.conftest import Emulator

SLOW = {"perSecond": 0.01, "burst": 3}  # 3 at once, then one every 100 s


def limit(emulator: Emulator, **spec: Any) -> None:
    response = emulator.control.post("rate-limit", json=spec)
    assert response.status_code == 200, response.text
    assert response.json() == {"perSecond": spec["perSecond"], "burst": spec["burst"]}


def statuses(api: httpx.Client, times: int) -> list[int]:
    return [api.get("/campaign", params={"limit": 0}).status_code for _ in range(times)]


def test_past_the_burst_a_key_gets_429_with_retry_after_from_its_bucket(
    emulator: Emulator,
) -> None:
    limit(emulator, **SLOW)
    with emulator.api() as api:
        assert statuses(api, 3) == [200, 200, 200]
        refused = api.get("/campaign")
    assert refused.status_code == 429
    # The next token is due in 100 s less the moments since the bucket was emptied.
    assert refused.headers["Retry-After"] in ("99", "100")
    body = refused.json()
    assert (body["statusCode"], body["error"]) == (429, "Too Many Requests")
    assert "retry after" in body["message"]
    journal = emulator.control.get("requests").json()
    assert [(e["status"], e.get("rateLimited", False)) for e in journal] == [
        *[(200, False)] * 3,
        (429, True),
    ]


def test_each_key_has_its_own_bucket(emulator: Emulator) -> None:
    emulator.control.post("keys", json={"key": "sk-other", "orgId": "other-org"})
    limit(emulator, **SLOW)
    with emulator.api() as api, emulator.api("sk-other") as other:
        assert statuses(api, 4) == [200, 200, 200, 429]
        assert statuses(other, 4) == [200, 200, 200, 429]
        with emulator.api("sk-unknown") as stranger:  # no bucket helps a wrong key
            assert statuses(stranger, 4) == [401] * 4


def test_a_refused_post_stores_nothing(
    emulator: Emulator,
) -> None:
    limit(emulator, perSecond=0.01, burst=1)
    body = {
        "name": "limited",
        "phoneNumberId": "pn-1",
        "assistantId": "asst-1",
        "customers": [{"number": "+14155550100"}] * 1,
    }
    with emulator.api() as api:
        assert api.get("/campaign", params={"limit": 0}).status_code == 200
        assert api.post("/campaign", json=body).status_code == 429
        emulator.control.delete("rate-limit").raise_for_status()
        assert api.get("/campaign").json()["results"] == []
        assert api.post("/campaign", json=body).status_code == 201


def test_delete_and_reset_remove_a_limit_set_at_run_time(emulator: Emulator) -> None:
    assert emulator.control.get("rate-limit").json() is None
    limit(emulator, **SLOW)
    assert emulator.control.get("rate-limit").json() == SLOW
    with emulator.api() as api:
        assert statuses(api, 4)[-1] == 429
        assert emulator.control.delete("rate-limit").json() is None
        assert statuses(api, 10) == [200] * 10
        limit(emulator, **SLOW)
        assert statuses(api, 4)[-1] == 429
        emulator.control.post("reset").raise_for_status()
        assert emulator.control.get("rate-limit").json() is None
        assert statuses(api, 10) == [200] * 10


@pytest.mark.parametrize(
    "body", [{"perSecond": 0}, {"perSecond": 5, "burst": 0}, {"rate": 5}, "5/s", "not json"]
)
def test_a_bad_limit_is_refused_and_changes_nothing(emulator: Emulator, body: Any) -> None:
    limit(emulator, **SLOW)
    sent = emulator.control.post("rate-limit", content=body if body == "not json" else None,
                                 json=None if body == "not json" else body)  # fmt: skip
    assert sent.status_code == 400 and sent.json()["error"]
    assert emulator.control.get("rate-limit").json() == SLOW


def test_the_command_line_sets_a_limit_that_outlives_a_reset(
    start_emulator_process: Callable[..., Emulator],
) -> None:
    emu = start_emulator_process("--rate-limit", "0.01/s", "--rate-burst", "2")
    assert emu.control.get("rate-limit").json() == {"perSecond": 0.01, "burst": 2}
    with emu.api() as api:
        assert statuses(api, 3) == [200, 200, 429]
        emu.control.post("reset").raise_for_status()  # the start-up limit, buckets full again
        assert statuses(api, 3) == [200, 200, 429]


@pytest.mark.parametrize(
    ("args", "why"),
    [
        (["--rate-limit", "fast"], "N/s with N > 0"),
        (["--rate-limit", "5/s", "--rate-burst", "0"], "burst must be a positive integer"),
        (["--rate-burst", "5"], "--rate-burst needs --rate-limit"),
    ],
)
def test_a_bad_rate_on_the_command_line_is_a_usage_error(args: list[str], why: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pulumi_cozmox.emulator", "--port", "0", *args],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2 and why in result.stderr
