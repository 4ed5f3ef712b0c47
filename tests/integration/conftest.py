"""Integration fixtures: a client of the test's emulator."""

from __future__ import annotations

from typing import Any

import pytest

from tests.integration.helpers import make_client


@pytest.fixture
def pauses() -> list[float]:
    return []


@pytest.fixture
def client(emulator: Any, pauses: list[float]) -> Any:
    """A client whose pauses are recorded, not slept (lookups then repeat at once)."""
    with make_client(emulator, sleep=pauses.append) as c:
        yield c
