"""Emulator throughput: accepting a 10,000-customer campaign, and GET requests per second.

Run: ``.venv/bin/python benchmarks/bench_emulator.py [--customers N] [--requests N]``.
Starts its own ``cozmox-emulator`` (in-memory database) on a free loopback port.

Figures, each beside its baseline measured in the same run:

- ``POST /campaign`` of a valid campaign with ``large_campaign()`` customers (~75 MB), wall
  time seen by the client (upload, parse, schema and rules, store, 201 with the full body);
  baselines: ``json.loads`` of the same bytes in this process (the floor of any JSON API), and
  ``GET`` of the stored campaign (moving the same bytes back, no validation).
- ``GET /campaign/{id}`` of a one-customer campaign from 8 concurrent clients (a bounded
  number of requests each, keep-alive); baseline: ``GET /__emulator/health`` the same way
  (uvicorn + Starlette with no auth, storage or rendering).
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from campaigns import full_campaign, large_campaign  # noqa: E402

API_KEY = "sk-cozmox-local"
LISTENING = "Cozmox emulator listening on "
CLIENTS = 8


def start_emulator() -> tuple[subprocess.Popen[str], str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "pulumi_cozmox.emulator", "--port", "0", "--db", ":memory:"],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    lines: queue.Queue[str] = queue.Queue()

    def pump() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            lines.put(line)

    threading.Thread(target=pump, daemon=True).start()
    while True:
        line = lines.get(timeout=60)
        if line.startswith(LISTENING):
            return process, line[len(LISTENING) :].strip()


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def requests_per_second(base_url: str, path: str, per_client: int) -> float:
    headers = {"Authorization": f"Bearer {API_KEY}"}
    barrier = threading.Barrier(CLIENTS + 1)
    errors: list[str] = []

    def client() -> None:
        with httpx.Client(base_url=base_url, headers=headers, timeout=60) as c:
            c.get(path)  # open the connection before the clock starts
            barrier.wait()
            for _ in range(per_client):
                response = c.get(path)
                if response.status_code != 200:
                    errors.append(f"{path}: {response.status_code}")

    threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
    for t in threads:
        t.start()
    barrier.wait()
    start = time.perf_counter()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - start
    if errors:
        raise SystemExit(f"benchmark requests failed: {errors[:3]}")
    return CLIENTS * per_client / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=250, help="GETs per client")
    args = parser.parse_args()

    raw = json.dumps(large_campaign(args.customers), separators=(",", ":")).encode()
    process, base_url = start_emulator()
    try:
        with httpx.Client(
            base_url=base_url, headers={"Authorization": f"Bearer {API_KEY}"}, timeout=600
        ) as api:
            created: dict[str, str] = {}

            def create() -> None:
                response = api.post(
                    "/campaign", content=raw, headers={"content-type": "application/json"}
                )
                if response.status_code != 201:
                    raise SystemExit(f"create failed: {response.status_code} {response.text[:500]}")
                created["id"] = response.json()["id"]

            create_s = timed(create)
            loads_s = timed(lambda: json.loads(raw))
            get_big_s = timed(lambda: api.get(f"/campaign/{created['id']}").raise_for_status())
            small = api.post("/campaign", json=full_campaign()).json()["id"]

        print(f"emulator benchmark ({base_url}, {os.cpu_count()} CPUs)")
        print(f"  campaign of {args.customers:,} customers: {len(raw) / 1e6:.1f} MB of JSON")
        print(
            f"  POST /campaign (accept, 201)   {create_s:7.2f} s"
            f"   | baseline json.loads {loads_s:5.2f} s, GET of it {get_big_s:5.2f} s"
        )
        api_rps = requests_per_second(base_url, f"/campaign/{small}", args.requests)
        health_rps = requests_per_second(base_url, "/__emulator/health", args.requests)
        print(
            f"  GET /campaign/{{id}}, {CLIENTS} clients   {api_rps:7.0f} req/s"
            f" | baseline GET /__emulator/health {health_rps:6.0f} req/s"
            f" ({CLIENTS} x {args.requests} requests each)"
        )
    finally:
        process.terminate()
        process.wait(timeout=30)


if __name__ == "__main__":
    main()
