"""Parsing large JSON documents (a 10,000-customer campaign is ~90 MB) quickly.

Building millions of small objects makes CPython's cyclic garbage collector run again and
again over them, for nothing: parsed JSON holds no cycles. With the collector paused, orjson
parses 87 MB of customers in 0.9 s instead of 3.2 s (stdlib json: 3.8 s).

:func:`gc_paused` is the one place that pauses the collector: around each hook of the
provider (the plugin's gRPC handlers, the dynamic provider's methods: the outermost place, so
once per hook), each request of the emulator, and :func:`loads`.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import orjson

__all__ = ["gc_paused", "loads"]

_lock = threading.Lock()
_pauses = 0  # pauses in progress, across threads: the collector is process-wide
_resume = False  # whether the collector was on when the first of them paused it


@contextmanager
def gc_paused(*, freeze: bool = False) -> Iterator[None]:
    """No cyclic garbage collection inside the block; nestable, in one thread or several.

    The collector is process-wide, so pauses are counted: the first one records whether the
    collector was on and turns it off, the last one to end turns it back on only if it was
    on before (a program that disabled it keeps it disabled). A pause is for work that builds
    many objects without reference cycles (parsing, validating, storing JSON): reference
    counting frees them all the same.

    ``freeze``: what the block built and kept is moved out of the collector's reach as it
    ends (``gc.freeze``). A provider hook keeps decoded customers in its run's caches (10,000
    of them: ~400 MB of small objects); resumed, the collector would walk them all in each of
    its next generations. Reference counting still frees them.
    """
    global _pauses, _resume
    with _lock:
        if _pauses == 0:
            _resume = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        with _lock:
            _pauses -= 1
            if _pauses == 0 and _resume:
                gc.enable()


def loads(data: bytes | str) -> Any:
    """``orjson.loads`` with the garbage collector paused; raises ``orjson.JSONDecodeError``
    (a ``ValueError``) for invalid JSON."""
    with gc_paused():
        return orjson.loads(data)
