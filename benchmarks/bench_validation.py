"""Validation of the largest campaign: validate_campaign vs python-jsonschema, same run.

10,000 customers, each with the full assistantOverrides of tests/data/campaign-full.json
(distinct E.164 numbers; ~75 MB of compact JSON). Prints the median of validate_campaign, the
python-jsonschema time on the same schema (one full run, or a slice scaled linearly with
``--slice N``), the ratio, peak memory, and the share of the numbers' validity check
(libphonenumber's metadata) with, side by side, the same check through libphonenumber's own
``parse`` + ``is_valid_number``.

    .venv/bin/python benchmarks/bench_validation.py [--customers N] [--repeat R] [--slice N]
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import jsonschema  # noqa: E402
import jsonschema_rs  # noqa: E402
import phonenumbers  # noqa: E402
from campaigns import large_campaign  # noqa: E402

from pulumi_cozmox._schema import load_schema  # noqa: E402
from pulumi_cozmox.core.model.phone import is_valid  # noqa: E402
from pulumi_cozmox.core.rules.validation import validate_campaign  # noqa: E402


def timed(fn: Any, *args: Any) -> tuple[float, Any]:
    start = time.perf_counter()
    result = fn(*args)
    return time.perf_counter() - start, result


def validation_times(campaign: dict[str, Any], repeat: int) -> list[float]:
    """``repeat`` timings of validate_campaign, each after a collection; it must pass."""
    validate_campaign({"name": "warm-up"})  # build validators once, outside the timing
    times = []
    for _ in range(repeat):
        gc.collect()
        elapsed, problems = timed(validate_campaign, campaign)
        assert problems == [], problems[:3]
        times.append(elapsed)
    return times


def number_times(numbers: list[str], repeat: int) -> tuple[list[float], list[float]]:
    """Timings of the numbers' validity check: ours (``repeat``), libphonenumber's own (3)."""
    ours = [timed(lambda: [is_valid(n) for n in numbers])[0] for _ in range(repeat)]
    library = [
        timed(lambda: [phonenumbers.is_valid_number(phonenumbers.parse(n)) for n in numbers])[0]
        for _ in range(3)
    ]
    return ours, library


def peak_traced(campaign: dict[str, Any]) -> int:
    """The bytes validate_campaign allocates at its peak (tracemalloc)."""
    tracemalloc.start()
    validate_campaign(campaign)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def python_jsonschema_time(
    schema: dict[str, Any], campaign: dict[str, Any], customers: int, slice_: int
) -> tuple[float, str]:
    """python-jsonschema's time on the whole campaign (measured, or scaled from a slice of
    ``slice_`` customers), and how it was had."""
    py = jsonschema.Draft202012Validator(schema)
    if slice_:
        part = {**campaign, "customers": campaign["customers"][:slice_]}
        py_part, errors = timed(lambda: list(py.iter_errors(part)))
        py_time = py_part * customers / slice_
        how = f"{slice_:,}-customer slice x {customers / slice_:g}"
    else:
        py_time, errors = timed(lambda: list(py.iter_errors(campaign)))
        how = "full run"
    assert errors == [], errors[:3]
    return py_time, how


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--slice", type=int, default=0, help="python-jsonschema on N customers")
    args = parser.parse_args(argv)

    campaign = large_campaign(args.customers)
    size_mb = len(json.dumps(campaign, separators=(",", ":"))) / 1e6
    print(f"campaign: {args.customers:,} customers, {size_mb:.1f} MB compact JSON")

    times = validation_times(campaign, args.repeat)
    median = statistics.median(times)
    numbers = [c["number"] for c in campaign["customers"]]
    ours, library = number_times(numbers, args.repeat)
    peak = peak_traced(campaign)

    schema = load_schema("CreateCampaignDTO")
    rs = jsonschema_rs.validator_for(schema, validate_formats=True)
    rs_time, rs_ok = timed(rs.is_valid, campaign)
    assert rs_ok
    py_time, how = python_jsonschema_time(schema, campaign, args.customers, args.slice)

    maxrss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"validate_campaign      median {median * 1000:8.1f} ms  (of {args.repeat}, "
        f"min {min(times) * 1000:.1f}, max {max(times) * 1000:.1f})"
    )
    print(
        f"  of which numbers valid  median {statistics.median(ours) * 1000:8.1f} ms  "
        f"({len(numbers):,} numbers; parse + is_valid_number: "
        f"{statistics.median(library) * 1000:.1f} ms)"
    )
    print(f"jsonschema_rs is_valid once   {rs_time * 1000:8.1f} ms  (whole body, no dedupe)")
    print(f"python-jsonschema      once   {py_time * 1000:8.1f} ms  ({how})")
    print(f"ratio python-jsonschema / validate_campaign: {py_time / median:,.0f}x")
    print(
        f"peak memory: validate_campaign {peak / 1e6:.1f} MB traced (tracemalloc); "
        f"process max RSS {maxrss_mb:,.0f} MB"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
