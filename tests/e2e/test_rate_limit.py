"""`pulumi up` through a rate-limited API: the emulator's token bucket refuses most requests
for a while; every request waits it out (Retry-After plus jitter, until the retry deadline),
every campaign is created exactly once, and the person running Pulumi is told once.

The full-size claim (300 campaigns, --parallel 16, 5 requests a second) is
benchmarks/bench_rate_limit.py; this is one small run of it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.conftest import Emulator
from tests.e2e.conftest import CampaignStack
from tests.e2e.pulumi_cli import wait_for

CAMPAIGNS = 12
#: Rate-limited refusals after which the limit is lifted: 16 refusals among at most 8 requests
#: in flight (--parallel 8) means one request at least was refused twice, waiting 2 x 2 s at
#: least (Retry-After 2 at 0.5 a second): long enough to be told.
REFUSALS = 16
NOTICE = "cozmox: the Cozmox API is rate limiting requests (429 Too Many Requests); waiting "


def declared() -> dict[str, dict[str, Any]]:
    return {
        f"c{i:02d}": {
            "name": f"Limited {i}",
            "phone_number_id": "pn-1",
            "assistant_id": "asst-1",
            "customers": [{"number": f"+1628555{i * 3 + j:04d}"} for j in range(3)],
            "schedule_plan": {"earliestAt": "2099-01-01T17:00:00Z"},
        }
        for i in range(CAMPAIGNS)
    }


def journal(emulator: Emulator) -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = emulator.control.get("requests").json()
    return entries


def refused(emulator: Emulator) -> int:
    return sum(1 for e in journal(emulator) if e.get("rateLimited"))


def test_up_through_a_rate_limited_api_creates_each_campaign_once(
    campaign_stack: Callable[..., CampaignStack], emulator: Emulator
) -> None:
    stack = campaign_stack()
    campaigns = declared()
    stack.declare(**campaigns)
    limit = {"perSecond": 0.5, "burst": 1}
    emulator.control.post("rate-limit", json=limit).raise_for_status()
    up = stack.start("up", "--yes", "--skip-preview", "--parallel", "8")
    try:
        wait_for(lambda: refused(emulator) >= REFUSALS, f"{REFUSALS} rate-limited requests")
        emulator.control.delete("rate-limit").raise_for_status()
        assert up.wait(timeout=300) == 0, up.output()
    finally:
        if up.process.poll() is None:
            up.kill()
    output = up.output()
    entries = journal(emulator)
    # The API refused requests (some more after the count was reached, in flight then).
    assert sum(1 for e in entries if e.get("rateLimited")) >= REFUSALS
    assert all(e["status"] == 429 for e in entries if e.get("rateLimited"))
    # Every campaign exactly once: one POST answered 201 each, and the org holds each once.
    posts = [e for e in entries if e["method"] == "POST" and not e.get("rateLimited")]
    assert [e["status"] for e in posts] == [201] * CAMPAIGNS
    with emulator.api() as api:
        stored = api.get("/campaign", params={"limit": 100}).json()["results"]
    assert sorted(c["name"] for c in stored) == sorted(a["name"] for a in campaigns.values())
    outputs = stack.outputs()
    assert sorted(outputs[f"{name}.id"] for name in campaigns) == sorted(c["id"] for c in stored)
    # Told once (one episode), with the deadline and the setting that moves it. (The CLI
    # shows a line as it comes and again in the Diagnostics summary: counted there.)
    diagnostics = output.partition("Diagnostics:")[2].partition("Outputs:")[0]
    assert diagnostics.count(NOTICE) == 1, output
    assert "UTC, cozmox:retryDeadline)" in output
    assert emulator.api_key not in output
