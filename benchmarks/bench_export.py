"""An org written out as code and taken over (issue 18), through the real CLI.

An org of BENCH_EXPORT_CAMPAIGNS campaigns (default 300: 20 customers each, one in ten ended)
is exported by `pulumi-cozmox export`, as a Python and as a YAML project. Each project is
then applied: `pulumi up` must take every campaign over with 0 POSTs and 0 PATCHes, and the
next preview must be a no-op. Printed: the export's time and files, the up's time and
requests, the no-op preview's time.

Run: .venv/bin/python benchmarks/bench_export.py   (about 5 minutes)
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections import Counter
from functools import partial
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.bench_provider import timed  # noqa: E402
from tests.conftest import Emulator, start_emulator  # noqa: E402
from tests.e2e.conftest import export  # noqa: E402
from tests.e2e.pulumi_cli import Stack  # noqa: E402

CAMPAIGNS = int(os.environ.get("BENCH_EXPORT_CAMPAIGNS", "300"))
CUSTOMERS = 20


def seed(emulator: Emulator) -> None:
    with emulator.api() as api:
        for i in range(CAMPAIGNS):
            body = {
                "name": f"Renewals {i}",
                "phoneNumberId": "pn-1",
                "assistantId": "asst-1",
                "schedulePlan": {"earliestAt": f"2099-02-{1 + i % 28:02d}T17:00:00Z"},
                "customers": [
                    {"number": f"+1415{4_000_000 + CUSTOMERS * i + j:07d}", "name": f"P{j}"}
                    for j in range(CUSTOMERS)
                ],
            }
            made = api.post("/campaign", json=body)
            made.raise_for_status()
            if i % 10 == 0:
                ended = api.patch(f"/campaign/{made.json()['id']}", json={"status": "ended"})
                ended.raise_for_status()


def exported(emulator: Emulator, out: Path, fmt: str) -> None:
    venv = os.path.relpath(REPO / ".venv", out)  # Pulumi.yaml holds no absolute path
    done = export(emulator, out, "--format", fmt, "--virtualenv", venv)
    assert done.returncode == 0, done.stderr


def main() -> None:
    emulator = start_emulator("--db", ":memory:")
    try:
        seed(emulator)
        print(f"{CAMPAIGNS} campaigns of {CUSTOMERS} customers ({CAMPAIGNS // 10} ended)")
        print(f"  {'':10s} {'export':>8s} {'files':>6s} {'up':>8s} {'POST':>5s} {'PATCH':>5s} "
              f"{'GET':>5s} {'no-op preview':>14s}")  # fmt: skip
        with tempfile.TemporaryDirectory(prefix="bench-export-") as tmp:
            for fmt in ("python", "yaml"):
                out = Path(tmp) / fmt
                took = timed(partial(exported, emulator, out, fmt))
                files = len(list((out / "customers").iterdir()))
                stack = Stack(workdir=out, home=Path(tmp) / f"home-{fmt}", name="bench")
                stack.init(
                    config={"cozmox:baseUrl": emulator.base_url},
                    secrets={"cozmox:apiKey": emulator.api_key},
                )
                emulator.control.delete("requests").raise_for_status()
                up = timed(stack.up)
                sent = Counter(e["method"] for e in emulator.control.get("requests").json())
                preview = timed(partial(stack.run, "preview", "--expect-no-changes"))
                print(
                    f"  {fmt:10s} {took:6.2f} s {files:6d} {up:6.2f} s {sent['POST']:5d} "
                    f"{sent['PATCH']:5d} {sent['GET']:5d} {preview:12.2f} s"
                )
    finally:
        emulator.stop()


if __name__ == "__main__":
    main()
