"""Integration fixtures: a client of the test's emulator."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from pulumi_cozmox.core.engine.run import Run
from tests.integration.helpers import make_client


@pytest.fixture
def pauses() -> list[float]:
    return []


@pytest.fixture
def client(emulator: Any, pauses: list[float]) -> Any:
    """A client whose pauses are recorded, not slept (lookups then repeat at once)."""
    with make_client(emulator, sleep=pauses.append) as c:
        yield c


@pytest.fixture
def run_for(emulator: Any, tmp_path: Path) -> Callable[..., Run]:
    """Runs on the test's emulator, as the provider makes one per stack config: each call a new
    run (a new preview or `up`); keywords are further ``cozmox:`` settings."""

    def make(**config: str) -> Run:
        full = {"cozmox:apiKey": emulator.api_key, "cozmox:baseUrl": emulator.base_url}
        full.update({f"cozmox:{k}": v for k, v in config.items()})
        return Run(full, environ={}, project_dir=tmp_path)

    return make
