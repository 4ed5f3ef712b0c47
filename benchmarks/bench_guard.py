"""What the duplicate guard costs a create (issue 8): requests and time per create in an org
with 1,000 campaigns, side by side with a plain POST (no guard), in the same run.

The guard lists every campaign of the org (the API has no filter on customers), reads only
the fields that recognise a campaign from each page, and GETs a campaign in full only when
its phone number, assistant, schedule and numbers all match. So its cost grows with the
number of campaigns in the org and with their size (a listing carries every customer).

Run: .venv/bin/python benchmarks/bench_guard.py   (about a minute)
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from pulumi_cozmox._create import create_campaign  # noqa: E402
from tests.conftest import Emulator, start_emulator  # noqa: E402
from tests.integration.helpers import body, declared, json_bytes, make_client  # noqa: E402

ORG_CAMPAIGNS = int(os.environ.get("BENCH_ORG_CAMPAIGNS", "1000"))
CREATES = 15


def fill_org(emulator: Emulator, campaigns: int, customers: int) -> None:
    with emulator.api() as api:
        for i in range(campaigns):
            data = body(f"existing {i}", numbers=customers, phoneNumberId=f"pn-{i % 7}")
            api.post("/campaign", json=data).raise_for_status()


def measure(emulator: Emulator, guarded: bool) -> tuple[float, float]:
    """Median seconds and requests per create; each created campaign is deleted again."""
    seconds: list[float] = []
    requests: list[int] = []
    with make_client(emulator) as client, emulator.api() as api:
        for i in range(CREATES):
            data = body(f"new {i}", numbers=3, phoneNumberId="pn-new")
            emulator.control.delete("requests").raise_for_status()
            start = time.perf_counter()
            if guarded:
                campaign: dict[str, Any] = create_campaign(client, declared(data)).campaign
            else:
                response = client.post_campaign(json_bytes(data))
                campaign = client.campaign_from(response)
            seconds.append(time.perf_counter() - start)
            requests.append(len(emulator.control.get("requests").json()))
            api.delete(f"/campaign/{campaign['id']}").raise_for_status()
    return statistics.median(seconds), statistics.median(requests)


def main() -> None:
    print(f"Duplicate guard: cost per create, median of {CREATES} creates (3 customers each)")
    print(f"  {'org':34s} {'no guard':>18s} {'guard':>22s}")
    for campaigns, customers in ((0, 3), (ORG_CAMPAIGNS, 3), (ORG_CAMPAIGNS, 50)):
        emulator = start_emulator("--db", ":memory:")
        try:
            fill_org(emulator, campaigns, customers)
            plain_s, plain_n = measure(emulator, guarded=False)
            guard_s, guard_n = measure(emulator, guarded=True)
        finally:
            emulator.stop()
        label = f"{campaigns} campaigns of {customers} customers"
        print(
            f"  {label:34s} {plain_n:3.0f} req {plain_s * 1000:8.1f} ms"
            f"   {guard_n:3.0f} req {guard_s * 1000:8.1f} ms"
        )


if __name__ == "__main__":
    main()
