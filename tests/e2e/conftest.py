"""End-to-end fixtures: a copy of a Pulumi program in a temporary folder, its own file
backend, and the real `pulumi` CLI (missing CLI = failure, not skip)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Emulator
from tests.e2e.pulumi_cli import REPO, Stack, find_pulumi

PROGRAM = Path(__file__).parent / "program"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test here drives the real CLI: mark them `e2e` (`pytest -m "not e2e"` skips them)."""
    for item in items:
        if item.path.is_relative_to(Path(__file__).parent):
            item.add_marker(pytest.mark.e2e)


def write_program(
    workdir: Path,
    source: Path = PROGRAM,
    project: str = "cozmox-e2e",
    venv: Path = REPO / ".venv",
) -> None:
    """Copy a program next to a Pulumi.yaml that uses ``venv`` (default this repository's)."""
    workdir.mkdir(parents=True, exist_ok=True)
    for item in source.iterdir():
        if item.is_file() and item.name != "Pulumi.yaml":
            shutil.copy(item, workdir / item.name)
    (workdir / "Pulumi.yaml").write_text(
        f"name: {project}\nruntime:\n  name: python\n  options:\n    virtualenv: {venv}\n"
    )


class CampaignStack(Stack):
    """A stack of tests/e2e/program; `declare()` rewrites the campaigns it declares."""

    def declare(
        self, stubs: dict[str, dict[str, Any]] | None = None, **campaigns: dict[str, Any]
    ) -> None:
        spec = {"campaigns": campaigns, "stubs": stubs or {}}
        (self.workdir / "spec.json").write_text(json.dumps(spec))


@pytest.fixture
def campaign_stack(tmp_path: Path, emulator: Emulator) -> Callable[..., CampaignStack]:
    """`make(name="test")` -> an initialised stack configured for the test's emulator."""
    find_pulumi()  # fail early and clearly when the CLI is missing

    def make(name: str = "test", key_in: str = "config") -> CampaignStack:
        """``key_in``: the API key as a secret stack config value, or in COZMOX_API_KEY."""
        workdir = tmp_path / f"program-{name}"
        write_program(workdir)
        stack = CampaignStack(workdir=workdir, home=tmp_path, name=name)
        if key_in == "env":
            stack.extra_env["COZMOX_API_KEY"] = emulator.api_key
        stack.declare()
        stack.init(
            config={"cozmox:baseUrl": emulator.base_url},
            secrets={"cozmox:apiKey": emulator.api_key} if key_in == "config" else {},
        )
        return stack

    return make
