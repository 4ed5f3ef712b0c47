"""`pulumi up --parallel 16` of 300 campaigns (3 customers each) through the real CLI against the
emulator rate-limited to 5 requests a second per API key (`cozmox-emulator --rate-limit 5/s`,
burst 5): every campaign must exist exactly once, and the run's wall time is set against its
floor, the requests it needed (the journal's requests the limiter let through) at 5 a second.

Also, as a second baseline, the same `up` with no limit (the engine's and provider's own time).

Asserted, not only printed: one POST answered 201 per campaign and no POST answered otherwise
(a 429 aside), the org holds each declared campaign once and nothing else, the stack's outputs
name those campaigns, and the person was told about the rate limit (once per episode).

Run: .venv/bin/python benchmarks/bench_rate_limit.py   (about 6 minutes)
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.bench_provider import make_stack  # noqa: E402
from tests.conftest import Emulator, start_emulator  # noqa: E402
from tests.e2e.pulumi_cli import Stack  # noqa: E402

CAMPAIGNS = 300
PARALLEL = 16
RATE = 5.0
JOURNAL_SIZE = 10_000  # the emulator keeps the last 10,000 requests
NOTICE = "cozmox: the Cozmox API is rate limiting requests (429"


def declared() -> dict[str, dict[str, Any]]:
    return {
        f"c{i:03d}": {
            "name": f"Rate {i}",
            "phone_number_id": "pn-1",
            "assistant_id": "asst-1",
            "customers": [{"number": f"+1628555{i * 3 + j:04d}"} for j in range(3)],
            "schedule_plan": {"earliestAt": f"2099-01-{1 + i % 28:02d}T17:00:00Z"},
        }
        for i in range(CAMPAIGNS)
    }


def org(emulator: Emulator) -> list[dict[str, Any]]:
    """Every campaign of the org (100 a page; asked with no limit in force)."""
    found: list[dict[str, Any]] = []
    with emulator.api() as api:
        for page in range(1, 100):
            results = api.get("/campaign", params={"limit": 100, "page": page}).json()["results"]
            found += results
            if len(results) < 100:
                return found
    raise AssertionError("the org did not fit in 100 pages")


def timed_up(stack: Stack) -> tuple[float, str]:
    started = time.perf_counter()
    proc = stack.run("up", "--yes", "--skip-preview", "--parallel", str(PARALLEL), timeout=3600)
    return time.perf_counter() - started, proc.stdout + proc.stderr


def check_exactly_once(
    emulator: Emulator, stack: Stack, journal: list[dict[str, Any]], campaigns: dict[str, Any]
) -> None:
    posts = [e for e in journal if e["method"] == "POST" and not e.get("rateLimited")]
    assert sorted({e["status"] for e in posts}) == [201], {e["status"] for e in posts}
    assert len(posts) == CAMPAIGNS, len(posts)
    stored = org(emulator)
    assert sorted(c["name"] for c in stored) == sorted(a["name"] for a in campaigns.values())
    outputs = stack.outputs()
    assert sorted(outputs[f"{name}.id"] for name in campaigns) == sorted(c["id"] for c in stored)


def main() -> None:
    root = Path(tempfile.mkdtemp(prefix="bench-rate-limit-"))
    emulator = start_emulator("--rate-limit", f"{RATE:g}/s", "--rate-burst", f"{RATE:g}")
    try:
        stack = make_stack(root, emulator, "ratelimit")
        campaigns = declared()
        (stack.workdir / "spec.json").write_text(json.dumps({"campaigns": campaigns}))
        emulator.control.delete("requests").raise_for_status()
        limited_s, output = timed_up(stack)
        journal = emulator.control.get("requests").json()
        assert len(journal) < JOURNAL_SIZE, "the journal overflowed: counts would be short"
        emulator.control.delete("rate-limit").raise_for_status()  # verify and clean up freely
        check_exactly_once(emulator, stack, journal, campaigns)
        # The CLI shows a line as it comes and again in its Diagnostics summary: counted there.
        notices = output.partition("Diagnostics:")[2].partition("Outputs:")[0].count(NOTICE)
        assert notices >= 1, output[-3000:]
        refused = [e for e in journal if e.get("rateLimited")]
        needed = len(journal) - len(refused)
        floor = needed / RATE
        stack.run("destroy", "--yes", "--skip-preview", timeout=3600)

        emulator.control.delete("requests").raise_for_status()
        free_s, _ = timed_up(stack)
        free_requests = len(emulator.control.get("requests").json())
        check_exactly_once(emulator, stack, emulator.control.get("requests").json(), campaigns)
        stack.run("destroy", "--yes", "--skip-preview", timeout=3600)

        print(f"pulumi up --parallel {PARALLEL} of {CAMPAIGNS} campaigns (3 customers each):")
        print(f"  {'run':44s} {'wall':>8s} {'requests':>9s} {'429s':>6s}")
        print(f"  {'no rate limit (baseline)':44s} {free_s:7.1f}s {free_requests:9d} {0:6d}")
        print(
            f"  {f'limited to {RATE:g}/s per key (burst {RATE:g})':44s} {limited_s:7.1f}s "
            f"{needed:9d} {len(refused):6d}"
        )
        print(
            f"  floor: {needed} requests / {RATE:g} per second = {floor:.1f} s; "
            f"wall / floor = {limited_s / floor:.2f}x; rate-limit notices: {notices}"
        )
        print(
            f"  every campaign exactly once: {CAMPAIGNS} POSTs answered 201, org holds {CAMPAIGNS}"
        )
    finally:
        emulator.stop()


if __name__ == "__main__":
    main()
