"""What an org's history costs `pulumi up` (issue 13): 20 creates (3 customers each) through the
real CLI into an empty org, an org of 2,000 and one of 20,000 ended campaigns (years of
history), each with 200 scheduled campaigns ahead (50 customers each); the three timed in turn,
median of BENCH_ORG_REPEATS (default 3). Also the requests and bytes the API sent per create
(the emulator's journal: every answer's body size).

Goal: at most 1.2x the empty org's time at both sizes. The run's one read of the org lists the
campaigns that can still call and those that ended lately, not the history; before and after
each POST it reads only what changed since.

Run: .venv/bin/python benchmarks/bench_org.py   (about 5 minutes)
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.bench_provider import make_stack  # noqa: E402
from tests.conftest import Emulator, start_emulator  # noqa: E402

#: Label -> (ended campaigns, scheduled campaigns); the first is the baseline.
ORGS = {
    "empty org": (0, 0),
    "2,000 ended + 200 scheduled": (2_000, 200),
    "20,000 ended + 200 scheduled": (20_000, 200),
}
CREATES = 20
REPEATS = int(os.environ.get("BENCH_ORG_REPEATS", "3"))
IMPORT_BATCH = 2_000


def server_now(emulator: Emulator) -> datetime:
    text = emulator.control.get("clock").json()["now"]
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def fill(emulator: Emulator, ended: int, scheduled: int) -> None:
    """``ended`` campaigns spread over the last years (each ended long ago), then the
    scheduled ones: the org of a team that runs campaigns every day."""
    now = server_now(emulator)
    items: list[dict[str, Any]] = []
    for i in range(ended):
        created = now - timedelta(days=5 * 365) + timedelta(minutes=120 * i % (4 * 365 * 1440))
        items.append({"createdAt": created.isoformat(), "body": body(f"past {i}", i, 50)})
    for i in range(scheduled):
        data = body(f"ahead {i}", ended + i, 50)
        data["schedulePlan"] = {"earliestAt": f"2099-06-{1 + i % 28:02d}T17:00:00Z"}
        items.append({"createdAt": (now - timedelta(days=3)).isoformat(), "body": data})
    for start in range(0, len(items), IMPORT_BATCH):
        batch = {"campaigns": items[start : start + IMPORT_BATCH]}
        emulator.control.post("import", json=batch, timeout=600).raise_for_status()


def body(name: str, seed: int, customers: int) -> dict[str, Any]:
    return {
        "name": name,
        "phoneNumberId": f"pn-{seed % 7}",
        "assistantId": "asst-1",
        "customers": [{"number": f"+1415{(seed * 50 + j) % 9_000_000 + 1_000_000:07d}"}
                      for j in range(customers)],
    }  # fmt: skip


def creates() -> dict[str, Any]:
    return {
        f"new{i}": {
            "name": f"New {i}",
            "phone_number_id": "pn-new",
            "assistant_id": "asst-1",
            "customers": [{"number": f"+1628555{i:02d}{j:02d}"} for j in range(3)],
            "schedule_plan": {"earliestAt": f"2099-01-{1 + i % 28:02d}T17:00:00Z"},
        }
        for i in range(CREATES)
    }


def main() -> None:
    root = Path(tempfile.mkdtemp(prefix="bench-org-"))
    emulators: dict[str, Emulator] = {}
    try:
        for n, (label, (ended, scheduled)) in enumerate(ORGS.items()):
            emulators[label] = start_emulator("--db", str(root / f"org-{n}.sqlite3"))
            started = time.perf_counter()
            fill(emulators[label], ended, scheduled)
            print(f"  {label}: filled in {time.perf_counter() - started:.1f} s")
        stacks = {label: make_stack(root, emulators[label], f"org{n}") for n, label in
                  enumerate(ORGS)}  # fmt: skip
        for stack in stacks.values():
            (stack.workdir / "spec.json").write_text(json.dumps({"campaigns": creates()}))
        seconds: dict[str, list[float]] = {label: [] for label in ORGS}
        sent: dict[str, tuple[int, int]] = {}
        first_read: dict[str, tuple[int, int]] = {}
        for _ in range(REPEATS):
            for size in ORGS:  # in turn, so a slower moment of the machine hits every org
                emulator, stack = emulators[size], stacks[size]
                emulator.control.delete("requests").raise_for_status()
                started = time.perf_counter()
                stack.run("up", "--yes", "--skip-preview")
                seconds[size].append(time.perf_counter() - started)
                journal = emulator.control.get("requests").json()
                sent[size] = (len(journal), sum(e.get("bytes", 0) for e in journal))
                read = [e for e in journal if "status=" in e["query"]]  # the run's one read
                first_read[size] = (len(read), sum(e.get("bytes", 0) for e in read))
                stack.run("destroy", "--yes", "--skip-preview")
        base = statistics.median(seconds["empty org"])
        print(f"pulumi up of {CREATES} creates (3 customers each), median of {REPEATS}, in turn:")
        print(
            f"  {'org':40s} {'up':>8s} {'ratio':>7s} {'requests/create':>16s} {'bytes/create':>13s}"
        )
        for label in ORGS:
            median = statistics.median(seconds[label])
            requests, size_bytes = sent[label]
            reads, read_bytes = first_read[label]
            print(
                f"  {label:30s} {median:7.2f}s {median / base:6.2f}x "
                f"{requests / CREATES:16.1f} {size_bytes / CREATES:13,.0f} "
                f"{reads:4d} requests {read_bytes:9,} B"
            )
    finally:
        for emulator in emulators.values():
            emulator.stop()


if __name__ == "__main__":
    main()
