"""The native plugin against the dynamic provider, side by side, through the real CLI (issue 18).

1. A stack of BENCH_NATIVE_CAMPAIGNS campaigns (default 300; 3 customers each): `pulumi up`
   (every create), a no-op `pulumi preview`, a `pulumi refresh`, as a Python program (the
   dynamic provider) and as a YAML program (the plugin).
2. A campaign of BENCH_CUSTOMERS customers (default 10,000, full overrides: ~75 MB of JSON)
   beside a 1-customer one: `pulumi up`, a no-op preview, a preview that changes one customer
   (a replacement, with its report lines), the state's size. Python passes `customers=`; YAML
   names a customers file (`customersFile`, a CSV with the overrides as JSON cells).

BENCH_NATIVE_PARTS=many or =large runs one part. Goal: the plugin at least as fast as the
dynamic provider in each. Previews: median of BENCH_NATIVE_REPEATS (default 3). Each door
has its own emulator, so neither sees the other's campaigns.

Run: .venv/bin/python benchmarks/bench_native.py   (about 15 minutes)
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.bench_provider import api_args, median_of, state_bytes, timed  # noqa: E402
from benchmarks.campaigns import large_campaign  # noqa: E402
from pulumi_cozmox.core.model.customers_text import customers_csv  # noqa: E402
from tests.conftest import Emulator, start_emulator  # noqa: E402
from tests.e2e.conftest import CAMEL, write_program, write_yaml_project  # noqa: E402
from tests.e2e.pulumi_cli import Stack  # noqa: E402

CAMPAIGNS = int(os.environ.get("BENCH_NATIVE_CAMPAIGNS", "300"))
CUSTOMERS = int(os.environ.get("BENCH_CUSTOMERS", "10000"))
REPEATS = int(os.environ.get("BENCH_NATIVE_REPEATS", "3"))
#: Which parts to run: "many" (the stack of campaigns), "large" (the large campaign).
PARTS = os.environ.get("BENCH_NATIVE_PARTS", "many,large").split(",")
DOORS = ("python", "yaml")


def stack_for(door: str, root: Path, emulator: Emulator, label: str) -> Stack:
    workdir = root / f"{label}-{door}"
    if door == "python":
        write_program(workdir, project="cozmox-e2e")
    else:
        write_yaml_project(workdir, {})
    stack = Stack(workdir=workdir, home=root / f"home-{label}-{door}", name="bench")
    stack.extra_env.update(COZMOX_API_KEY=emulator.api_key, COZMOX_BASE_URL=emulator.base_url)
    stack.init()
    return stack


def declare(stack: Stack, door: str, campaigns: dict[str, dict[str, Any]]) -> None:
    """``campaigns``: Python keyword arguments; ``customers_file`` names a file (YAML only)."""
    if door == "python":
        import json

        (stack.workdir / "spec.json").write_text(json.dumps({"campaigns": campaigns}))
        return
    resources = {
        name: {
            "type": "cozmox:index:Campaign",
            "properties": {CAMEL[k]: v for k, v in args.items() if v is not None},
        }
        for name, args in campaigns.items()
    }
    write_yaml_project(stack.workdir, resources)


def many(count: int) -> dict[str, dict[str, Any]]:
    return {
        f"c{i:03d}": {
            "name": f"Campaign {i}",
            "phone_number_id": "pn-1",
            "assistant_id": "asst-1",
            "schedule_plan": {"earliestAt": f"2099-01-{1 + i % 28:02d}T17:00:00Z"},
            "customers": [{"number": f"+1415{3_000_000 + 3 * i + j:07d}"} for j in range(3)],
        }
        for i in range(count)
    }


def row(label: str, times: dict[str, float]) -> None:
    python, yaml = times["python"], times["yaml"]
    print(f"  {label:44s} {python:8.2f} s {yaml:8.2f} s   {yaml / python:5.2f}x")


def stack_of_many(root: Path, start: Callable[[], Emulator]) -> None:
    print(f"{CAMPAIGNS} campaigns, 3 customers each        Python (dynamic)  YAML (plugin)")
    results: dict[str, dict[str, float]] = {}
    for door in DOORS:
        emulator = start()
        stack = stack_for(door, root, emulator, "many")
        declare(stack, door, many(CAMPAIGNS))
        results.setdefault("pulumi up (creates all)", {})[door] = timed(stack.up)
        results.setdefault("no-op pulumi preview", {})[door] = median_of(
            partial(stack.run, "preview", "--expect-no-changes"), REPEATS
        )
        results.setdefault("pulumi refresh", {})[door] = median_of(
            partial(stack.run, "refresh", "--yes", "--skip-preview"), REPEATS
        )
        emulator.stop()
    for label, times in results.items():
        row(label, times)


def large_customers(root: Path, start: Callable[[], Emulator]) -> None:
    big = api_args(large_campaign(CUSTOMERS))
    small = api_args(large_campaign(1))
    small["schedule_plan"] = {"earliestAt": "2099-01-02T17:00:00Z"}
    changed = [*big["customers"][:-1], {**big["customers"][-1], "name": "Changed"}]
    print(f"\n{CUSTOMERS:,} customers (full overrides) + 1   Python (dynamic)  YAML (plugin)")
    results: dict[str, dict[str, float]] = {}
    sizes: dict[str, int] = {}
    for door in DOORS:
        emulator = start()
        stack = stack_for(door, root, emulator, "large")

        def program(customers: list[dict[str, Any]], s: Stack = stack, d: str = door) -> None:
            if d == "python":
                declare(s, d, {"big": {**big, "customers": customers}, "small": small})
                return
            (s.workdir / "big.csv").write_text(customers_csv(customers), encoding="utf-8")
            args = {k: v for k, v in big.items() if k != "customers"}
            declare(s, d, {"big": {**args, "customers_file": "big.csv"}, "small": small})

        program(big["customers"])
        results.setdefault("pulumi up (creates both)", {})[door] = timed(stack.up)
        sizes[door] = state_bytes(stack)
        results.setdefault("no-op pulumi preview", {})[door] = median_of(
            partial(stack.run, "preview", "--expect-no-changes"), REPEATS
        )
        program(changed)
        results.setdefault("preview, one customer changed (replace)", {})[door] = median_of(
            partial(stack.run, "preview"), REPEATS
        )
        emulator.stop()
    for label, times in results.items():
        row(label, times)
    print(f"  {'state size':44s} {sizes['python'] / 1e6:6.2f} MB {sizes['yaml'] / 1e6:6.2f} MB")


def main() -> None:
    started: list[Emulator] = []

    def start() -> Emulator:
        emulator = start_emulator("--db", ":memory:")
        started.append(emulator)
        return emulator

    try:
        with tempfile.TemporaryDirectory(prefix="bench-native-") as tmp:
            if "many" in PARTS:
                stack_of_many(Path(tmp), start)
            if "large" in PARTS:
                large_customers(Path(tmp), start)
    finally:
        for emulator in started:
            emulator.stop()


if __name__ == "__main__":
    main()
