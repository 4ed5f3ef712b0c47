"""The baseline of this round's speed goals (issue 30): main as the round started, installed
apart (as benchmarks install the last release: ``pip install --target``, first on PYTHONPATH),
so one run times it beside this tree. And the profiler the benchmarks can wrap the hooks in.
"""

from __future__ import annotations

import os
from pathlib import Path

from tests.e2e.test_upgrade import install_release

#: Main when issue 30's round started.
BEFORE = "4a30928"
#: BENCH_PROFILE=DIR: this tree's provider processes write cProfile stats of each hook there
#: (benchmarks/profiling/sitecustomize.py; read them with benchmarks/profile_top.py DIR).
PROFILE_DIR = os.environ.get("BENCH_PROFILE", "")
PROFILING = Path(__file__).resolve().parent / "profiling"


def install_before(root: Path) -> dict[str, str]:
    """The baseline installed under ``root``: the environment that selects it."""
    target = root / "before"
    target.mkdir(parents=True, exist_ok=True)
    install_release(BEFORE, target / "site")
    return {"PYTHONPATH": str(target / "site")}


def after_env() -> dict[str, str]:
    """The environment that selects this tree (profiled when BENCH_PROFILE is set)."""
    if not PROFILE_DIR:
        return {}
    Path(PROFILE_DIR).mkdir(parents=True, exist_ok=True)
    return {"PYTHONPATH": str(PROFILING), "COZMOX_PROFILE_DIR": PROFILE_DIR}


def verdict(met: bool) -> str:
    return "met" if met else "NOT met"
