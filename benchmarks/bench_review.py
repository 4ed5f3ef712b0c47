"""What the preview lines cost at the largest campaign: the customers delta and calling hours.

10,000 customers with full assistantOverrides (``large_campaign``); the new list has its last
customer changed, one customer added and one removed, each list decoded from its own blob (no
shared objects, as in the provider). Printed side by side with decoding the old customers' blob,
which the delta by decoded customers needs; the provider's delta compares the customers' bytes
cut from both blobs instead and decodes neither list (the budget for the whole feature is 1 s).

    .venv/bin/python benchmarks/bench_review.py [--customers N] [--repeat R]
"""

from __future__ import annotations

import argparse
import copy
import statistics
import sys
import time
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from campaigns import customer_number, large_campaign  # noqa: E402

from pulumi_cozmox._json import gc_paused  # noqa: E402
from pulumi_cozmox.core.model import customers as _customers  # noqa: E402
from pulumi_cozmox.core.model.customers import (  # noqa: E402
    customer_segments,
    decode_customers,
    encode_customers,
)
from pulumi_cozmox.core.model.delta import customers_delta, segments_delta  # noqa: E402
from pulumi_cozmox.core.model.phone import _geographic_zones  # noqa: E402
from pulumi_cozmox.core.report.build import make_report  # noqa: E402
from pulumi_cozmox.core.report.text import to_lines  # noqa: E402
from pulumi_cozmox.core.rules.hours import calling_hours  # noqa: E402

PLAN = {"earliestAt": "2030-03-04T09:00:00Z", "latestAt": "2030-03-04T12:00:00Z"}
NOW = datetime(2030, 1, 1, tzinfo=timezone.utc)


def median_ms(fn: Callable[[], Any], repeat: int, before: Callable[[], Any] = lambda: None) -> str:
    """Median time of ``fn`` with the collector paused, as in the provider's hooks (with two
    decoded 10,000-customer lists alive, each collection would otherwise walk them all)."""
    times = []
    for _ in range(repeat):
        before()
        with gc_paused():
            start = time.perf_counter()
            fn()
            times.append(time.perf_counter() - start)
    return f"median {statistics.median(times) * 1000:8.1f} ms  (min {min(times) * 1000:.1f})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)

    old_list = large_campaign(args.customers)["customers"]
    new_list = copy.deepcopy(old_list[1:])  # the first one removed
    new_list[-1]["assistantOverrides"]["variableValues"] = {"changed": "yes"}
    added = copy.deepcopy(old_list[0])
    added["number"] = customer_number(args.customers)
    new_list.append(added)
    old_blob, new_blob = encode_customers(old_list), encode_customers(new_list)
    old, new = decode_customers(old_blob), decode_customers(new_blob)
    numbers = [c["number"] for c in new]

    delta = customers_delta(old, new)
    assert (len(delta.added), len(delta.removed), len(delta.changed)) == (1, 1, 1), delta
    print(f"customers: {args.customers:,} old, {len(new):,} new (1 added, 1 removed, 1 changed)")
    print(f"decode old customers (baseline)  {median_ms(lambda: decode_customers(old_blob), 3)}")
    delta_time = median_ms(lambda: customers_delta(old, new), args.repeat)
    print(f"customers_delta                  {delta_time}")
    floor = median_ms(lambda: old[1:-1] == new[:-2], args.repeat)  # the 9,998 kept alike
    print(f"list == list (the C floor)       {floor}")

    def by_segments() -> Any:
        # What the provider does: the old list is never decoded, both blobs are cut into
        # customers' bytes (decompressed cold, as in a new preview process).
        return segments_delta(customer_segments(old_blob) or [], customer_segments(new_blob) or [])

    assert by_segments() == delta
    cold_blobs = _customers._decompressed.cache_clear
    print(f"segments_delta, blobs cold       {median_ms(by_segments, args.repeat, cold_blobs)}")
    # In a preview the plan has compared both blobs' bytes already: they are decompressed.
    print(f"segments_delta, as in a preview  {median_ms(by_segments, args.repeat)}")

    def hours() -> Any:
        return calling_hours(numbers, PLAN, now=NOW)

    # A new preview is a new process: nothing remembered from a previous one.
    cold = _geographic_zones.cache_clear
    print(f"calling_hours                    {median_ms(hours, args.repeat, cold)}")
    result = hours()

    def report() -> list[str]:
        made = make_report(
            "bench",
            "replace",
            reasons=("customers",),
            old_outputs={"status": "in-progress"},
            delta=delta,
            customer_count=len(new),
            hours=result,
        )
        return to_lines(made)

    print(f"make_report + to_lines           {median_ms(report, args.repeat)}")
    for line in report():
        print("  " + line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
