"""Why the plugin keeps its own gRPC servicer rather than ``pulumi.provider.experimental``.

The experimental layer (SDK 3.171 and later) turns every property into a ``PropertyValue``
tree (``PropertyValue.unmarshal_map``) and back (``marshal_map``), and serves every call on
one asyncio loop. Measured here, side by side in one run, on the engine's value of a campaign
of BENCH_CUSTOMERS customers (default 10,000, full overrides: what Check, Diff and Create
receive for a YAML program that lists them, and what Read answers on import):

1. decoding the request's Struct: the plugin's (``native.values.plain``: protobuf's
   ``MessageToDict``, secrets unwrapped) against the layer's ``PropertyValue.unmarshal_map``
   (plus the walk back to plain values the core needs);
2. encoding outputs: ``native.values.to_struct`` against ``PropertyValue.marshal_map``;
3. serving: four 0.2 s blocking calls (an HTTP request each) on the plugin's thread pool,
   against four on one asyncio loop without ``asyncio.to_thread`` (how the layer runs a
   handler that does not hand its blocking I/O to a thread).

Run: .venv/bin/python benchmarks/bench_native_layer.py   (about a minute)
"""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from pulumi.provider.experimental.property_value import PropertyValue  # noqa: E402

from benchmarks.campaigns import large_campaign  # noqa: E402
from pulumi_cozmox._json import gc_paused  # noqa: E402
from pulumi_cozmox.native import values  # noqa: E402

CUSTOMERS = int(os.environ.get("BENCH_CUSTOMERS", "10000"))
REPEATS = 3
BLOCKING = 0.2


def median(action: Callable[[], Any]) -> float:
    times = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        with gc_paused():
            action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def to_python(value: PropertyValue) -> Any:
    """A PropertyValue tree as the plain values the core takes."""
    inner = value.value
    if isinstance(inner, dict):
        return {k: to_python(v) for k, v in inner.items()}
    if isinstance(inner, list):
        return [to_python(v) for v in inner]
    return inner


def serving() -> tuple[float, float]:
    """(thread pool, one event loop) wall time of four blocking calls."""
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(lambda _: time.sleep(BLOCKING), range(4)))
    threads = time.perf_counter() - started

    async def handler() -> None:
        time.sleep(BLOCKING)  # a blocking HTTP request, as the core makes them

    async def four() -> None:
        await asyncio.gather(*(handler() for _ in range(4)))

    started = time.perf_counter()
    asyncio.run(four())
    return threads, time.perf_counter() - started


def main() -> None:
    campaign = large_campaign(CUSTOMERS)
    given = {
        "name": campaign["name"],
        "phoneNumberId": "pn-1",
        "assistantId": "asst-1",
        "customers": values.secret(campaign["customers"]),
    }
    struct = values.to_struct(given)
    print(f"the engine's value of {CUSTOMERS:,} customers: {struct.ByteSize() / 1e6:.0f} MB")
    ours = median(lambda: values.plain(struct))
    layer = median(
        lambda: {k: to_python(v) for k, v in PropertyValue.unmarshal_map(struct).items()}
    )  # noqa: E501
    print(f"decode: plugin {ours:.2f} s, experimental layer {layer:.2f} s ({layer / ours:.1f}x)")
    plain = values.plain(struct)
    tree = PropertyValue.unmarshal_map(struct)
    out_ours = median(lambda: values.to_struct(plain))
    out_layer = median(lambda: PropertyValue.marshal_map(tree))
    print(
        f"encode: plugin {out_ours:.2f} s, experimental layer {out_layer:.2f} s "
        f"({out_layer / out_ours:.1f}x)"
    )
    threads, loop = serving()
    print(f"four blocking calls: thread pool {threads:.2f} s, one event loop {loop:.2f} s")


if __name__ == "__main__":
    main()
