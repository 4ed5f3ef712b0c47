"""A stack of BENCH_STACK_CAMPAIGNS campaigns (default 300; 3 customers each) against the
engine's floor, before and after this round, through the real CLI (issues 22 and 30).

The floor is the same stack of do-nothing dynamic resources (one dynamic provider process,
no request): what the engine and the SDK cost. Each step is timed for the floor, for the
round's baseline (main at its start, :data:`benchmarks.before.BEFORE`, installed apart and put
first on PYTHONPATH) and for this tree: `pulumi up` (every create), a no-op `pulumi preview`,
`pulumi refresh`, `pulumi destroy`, the stacks in turn at each step (preview and refresh:
medians of BENCH_STACK_REPEATS, default 3). Each stack has an emulator of its own. Ratios are
against the floor; the goal is x1.2 or less at each step. The emulator's journal gives the
requests of each step. Beside the goal, a floor whose resources each hold a campaign's worth
of data (20 values) shows what the engine and the SDK spend on the data itself.
BENCH_PROFILE=DIR profiles this tree's hooks (benchmarks/before.py).

Run: .venv/bin/python benchmarks/bench_stack.py   (about 15 minutes)
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.before import BEFORE, after_env, install_before, verdict  # noqa: E402
from tests.conftest import Emulator, start_emulator  # noqa: E402
from tests.e2e.conftest import write_program  # noqa: E402
from tests.e2e.pulumi_cli import Stack  # noqa: E402

CAMPAIGNS = int(os.environ.get("BENCH_STACK_CAMPAIGNS", "300"))
STEPS = ("up", "preview", "refresh", "destroy")
#: Each step within this factor of the floor's (issue 30).
GOAL = 1.2
VERSIONS = (f"before ({BEFORE})", "after")
#: Preview and refresh (no change) are timed this many times in turn; medians.
REPEATS = int(os.environ.get("BENCH_STACK_REPEATS", "3"))


def campaigns(count: int) -> dict[str, Any]:
    return {
        f"c{i:03d}": {
            "name": f"Campaign {i}",
            "phone_number_id": "pn-1",
            "assistant_id": "asst-1",
            "schedule_plan": {"earliestAt": "2099-01-01T17:00:00Z"},
            # Each its own people: the same people at the same time would be a duplicate.
            "customers": [{"number": f"+1415{2_000_000 + 3 * i + k:07d}"} for k in range(3)],
        }
        for i in range(count)
    }


#: The floor with data: each do-nothing resource holds about what a campaign's state holds (20
#: values, one a 300-character blob), so that what the engine and the SDK spend on the data
#: itself shows apart from what the provider spends. Shown beside the goal, not instead of it.
DATA_FLOOR = "floor+data"


def campaign_like(i: int) -> dict[str, Any]:
    values: dict[str, Any] = {f"field_{k:02d}": f"value {k} of resource {i:03d}" for k in range(19)}
    return {**values, "blob": "x" * 300}


def make_stack(root: Path, label: str, emulator: Emulator, spec: dict[str, Any]) -> Stack:
    workdir = root / label
    write_program(workdir, project=f"bench-{label}")
    (workdir / "spec.json").write_text(json.dumps(spec))
    stack = Stack(workdir=workdir, home=root / f"home-{label}", name="bench")
    stack.extra_env.update(COZMOX_API_KEY=emulator.api_key, COZMOX_BASE_URL=emulator.base_url)
    stack.init()
    return stack


def timed(action: Callable[[], Any]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def action(stack: Stack, step: str) -> Callable[[], Any]:
    return {
        "up": stack.up,
        "preview": lambda: stack.run("preview"),
        "refresh": lambda: stack.run("refresh", "--yes", "--skip-preview"),
        "destroy": stack.destroy,
    }[step]


def steps(stacks: dict[str, tuple[Stack, Emulator]]) -> dict[str, dict[str, tuple[float, int]]]:
    """Each step's wall time and the requests it sent, per stack. The stacks take each step in
    turn (floor, before, after: what drifts on a busy machine drifts for all); preview and
    refresh, which change nothing, REPEATS times (medians)."""
    found: dict[str, dict[str, tuple[float, int]]] = {label: {} for label in stacks}
    for step in STEPS:
        times: dict[str, list[float]] = {label: [] for label in stacks}
        for _ in range(REPEATS if step in ("preview", "refresh") else 1):
            for label, (stack, emulator) in stacks.items():
                emulator.control.delete("requests")
                times[label].append(timed(action(stack, step)))
                requests = len(emulator.control.get("requests").json())
                found[label][step] = (statistics.median(times[label]), requests)
    return found


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="bench-stack-") as tmp:
        root = Path(tmp)
        stubs = {f"s{i:03d}": {"value": f"v{i}"} for i in range(CAMPAIGNS)}
        data_stubs = {f"s{i:03d}": {"value": campaign_like(i)} for i in range(CAMPAIGNS)}
        stacks: dict[str, tuple[Stack, Emulator]] = {}
        try:
            for label, spec, env in (
                ("floor", {"campaigns": {}, "stubs": stubs}, {}),
                (DATA_FLOOR, {"campaigns": {}, "stubs": data_stubs}, {}),
                (VERSIONS[0], {"campaigns": campaigns(CAMPAIGNS)}, install_before(root)),
                (VERSIONS[1], {"campaigns": campaigns(CAMPAIGNS)}, after_env()),
            ):
                emulator = start_emulator("--db", ":memory:")
                folder = label.split(" ")[0].replace("+", "-")
                stacks[label] = (make_stack(root, folder, emulator, spec), emulator)
                stacks[label][0].extra_env.update(env)
            results = steps(stacks)
        finally:
            for _stack, emulator in stacks.values():
                emulator.stop()
        report(results)


def report(results: dict[str, dict[str, tuple[float, int]]]) -> None:
    print(f"A stack of {CAMPAIGNS} campaigns (3 customers each) against {CAMPAIGNS} do-nothing")
    print("dynamic resources (the floor); wall time, x the floor, requests sent:")
    floor = results["floor"]
    for step in STEPS:
        cells = [f"{step:8s} floor {floor[step][0]:6.1f} s"]
        for label in VERSIONS:
            seconds, requests = results[label][step]
            ratio = seconds / floor[step][0]
            cells.append(f"{label} {seconds:6.1f} s x{ratio:.2f} ({requests} requests)")
        print("  " + " | ".join(cells))
    print(f"The floor with a campaign's worth of data in each resource ({DATA_FLOOR}):")
    for step in STEPS:
        seconds = results[DATA_FLOOR][step][0]
        after = results[VERSIONS[1]][step][0]
        print(
            f"  {step:8s} {seconds:6.1f} s x{seconds / floor[step][0]:.2f} the floor; "
            f"after x{after / seconds:.2f} of it"
        )
    print(f"Goal (issue 30): each of up, refresh, destroy within x{GOAL} of the floor:")
    for step in ("up", "refresh", "destroy"):
        before, after = (results[label][step][0] / floor[step][0] for label in VERSIONS)
        print(f"  {step:8s} before x{before:.2f} -> after x{after:.2f}: {verdict(after <= GOAL)}")


if __name__ == "__main__":
    main()
