"""A changed 10,000-customer preview against the 1-customer no-op preview, through each door,
before and after this round (issue 30's goal: within +2.5 s, each door against its own).

For each door (a Python program: the dynamic provider; a YAML program: the native plugin, its
customers in a customers file) and each version (the round's baseline, main at its start,
installed apart and first on PYTHONPATH: :mod:`benchmarks.before`; and this tree): a stack of
one 1-customer campaign and a stack of one BENCH_CUSTOMERS-customer campaign (default 10,000,
full overrides, ~75 MB of JSON) are created, the large one's last customer is renamed (a
replacement, with its report lines), and the two previews are timed in turn (medians of
BENCH_PREVIEW_REPEATS, default 5: what drifts on a busy machine drifts for both). Each stack
has an emulator of its own. BENCH_PROFILE=DIR profiles this tree's hooks (benchmarks/before.py).

Run: .venv/bin/python benchmarks/bench_preview.py   (about 10 minutes)
"""

from __future__ import annotations

import os
import sys
import tempfile
from functools import partial
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.before import BEFORE, after_env, install_before, verdict  # noqa: E402
from benchmarks.bench_native import declare, stack_for  # noqa: E402
from benchmarks.bench_provider import api_args, timed, with_last_renamed  # noqa: E402
from benchmarks.campaigns import large_campaign  # noqa: E402
from pulumi_cozmox.core.model.customers_text import customers_csv  # noqa: E402
from tests.conftest import start_emulator  # noqa: E402
from tests.e2e.pulumi_cli import Stack  # noqa: E402

CUSTOMERS = int(os.environ.get("BENCH_CUSTOMERS", "10000"))
REPEATS = int(os.environ.get("BENCH_PREVIEW_REPEATS", "5"))
DOORS = ("python", "yaml")
VERSIONS = (f"before ({BEFORE})", "after")
#: The changed large preview within this many seconds of the 1-customer no-op one.
GOAL = 2.5


def declare_one(stack: Stack, door: str, args: dict[str, Any]) -> None:
    """``args`` (Python keyword arguments) as the stack's one campaign; through the YAML door
    the customers go in a customers file, as a YAML program names a large list."""
    if door == "python":
        declare(stack, door, {"main": args})
        return
    (stack.workdir / "customers.csv").write_text(customers_csv(args["customers"]), encoding="utf-8")
    rest = {k: v for k, v in args.items() if k != "customers"}
    declare(stack, door, {"main": {**rest, "customers_file": "customers.csv"}})


def medians(small: Stack, large: Stack) -> tuple[float, float]:
    """The 1-customer no-op preview and the large changed one, timed in turn."""
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(REPEATS):
        times[0].append(timed(partial(small.run, "preview", "--expect-no-changes")))
        times[1].append(timed(partial(large.run, "preview")))
    return sorted(times[0])[REPEATS // 2], sorted(times[1])[REPEATS // 2]


def measure(root: Path, door: str, label: str, env: dict[str, str]) -> tuple[float, float]:
    big, one = api_args(large_campaign(CUSTOMERS)), api_args(large_campaign(1))
    stacks = []
    emulators = [start_emulator("--db", ":memory:") for _ in range(2)]
    try:
        for emulator, (size, args) in zip(emulators, (("1", one), ("large", big)), strict=True):
            stack = stack_for(door, root, emulator, f"{label.split(' ')[0]}-{size}")
            stack.extra_env.update(env)
            declare_one(stack, door, args)
            stack.up()
            stacks.append(stack)
        declare_one(stacks[1], door, {**big, "customers": with_last_renamed(big["customers"])})
        return medians(stacks[0], stacks[1])
    finally:
        for emulator in emulators:
            emulator.stop()


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="bench-preview-") as tmp:
        root = Path(tmp)
        envs = {VERSIONS[0]: install_before(root), VERSIONS[1]: after_env()}
        found = {
            (door, label): measure(root, door, label, env)
            for door in DOORS
            for label, env in envs.items()
        }
    print(
        f"Changed {CUSTOMERS:,}-customer preview (one customer renamed: a replacement) against "
        f"the 1-customer no-op preview, timed in turn (medians of {REPEATS}):"
    )
    for door in DOORS:
        over = {}
        for label in VERSIONS:
            one, large = found[(door, label)]
            over[label] = large - one
            print(f"  {door:6s} {label:18s} 1-customer no-op {one:5.2f} s, changed {large:5.2f} s")
        before, after = over[VERSIONS[0]], over[VERSIONS[1]]
        print(
            f"  {door:6s} goal within +{GOAL} s: before {before:+.2f} s -> after {after:+.2f} s: "
            f"{verdict(after <= GOAL)}"
        )


if __name__ == "__main__":
    main()
