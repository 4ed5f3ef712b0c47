"""Profile the provider's hooks (both doors) with cProfile, for benchmarks only.

Put this folder first on PYTHONPATH and set COZMOX_PROFILE_DIR: every process that imports
the dynamic provider (``pulumi_cozmox.provider``) or the plugin's servicer
(``pulumi_cozmox.native.server``) has each hook method wrapped in a cProfile of its own
(per call: the engine calls hooks on several threads), and writes the stats merged so far to
``COZMOX_PROFILE_DIR/<pid>.prof`` after each hook (the engine kills provider processes, so
nothing is left for an exit handler). Read them with ``python benchmarks/profile_top.py DIR``.
"""

from __future__ import annotations

import cProfile
import functools
import importlib.abc
import importlib.machinery
import os
import pstats
import sys
import threading
import time
from pathlib import Path
from typing import Any

_DIR = os.environ.get("COZMOX_PROFILE_DIR")
#: The classes whose hooks are profiled, by module.
_TARGETS = {
    "pulumi_cozmox.provider": (
        "CampaignProvider",
        ("check", "diff", "create", "read", "update", "delete"),
    ),
    "pulumi_cozmox.native.server": (
        "CampaignServicer",
        ("Check", "Diff", "Create", "Read", "Update", "Delete"),
    ),
}
_lock = threading.Lock()
_stats: pstats.Stats | None = None
_written = 0.0
_pending: threading.Timer | None = None


def _write() -> None:
    global _written, _pending
    with _lock:
        if _stats is not None:
            _stats.dump_stats(str(Path(_DIR or ".") / f"{os.getpid()}.prof"))
        _written, _pending = time.monotonic(), None


def _record(profile: cProfile.Profile) -> None:
    global _stats, _pending
    with _lock:
        if _stats is None:
            _stats = pstats.Stats(profile)
        else:
            _stats.add(profile)
        # Not after every one of 300 reads: once a second at most, the last one included.
        if _pending is None:
            delay = max(0.0, 1.0 - (time.monotonic() - _written))
            _pending = threading.Timer(delay, _write)
            _pending.daemon = True
            _pending.start()


def _profiled(method: Any) -> Any:
    @functools.wraps(method)
    def call(*args: Any, **kwargs: Any) -> Any:
        profile = cProfile.Profile()
        profile.enable()
        try:
            return method(*args, **kwargs)
        finally:
            profile.disable()
            _record(profile)

    return call


class _Patcher(importlib.abc.MetaPathFinder):
    """Wraps the hooks of a target module's class once the module has run."""

    def find_spec(self, name: str, path: Any, target: Any = None) -> Any:
        if name not in _TARGETS:
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is None or spec.loader is None:
            return spec
        loader = spec.loader
        original = loader.exec_module

        def exec_module(module: Any) -> None:
            original(module)
            cls_name, hooks = _TARGETS[name]
            cls = getattr(module, cls_name)
            for hook in hooks:
                setattr(cls, hook, _profiled(getattr(cls, hook)))

        loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


if _DIR:
    Path(_DIR).mkdir(parents=True, exist_ok=True)
    sys.meta_path.insert(0, _Patcher())
