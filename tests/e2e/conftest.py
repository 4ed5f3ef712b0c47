"""End-to-end fixtures: a copy of a Pulumi program in a temporary folder, its own file
backend, and the real `pulumi` CLI (missing CLI = failure, not skip)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from pulumi_cozmox.core.model.customers import decode_customers
from tests.conftest import Emulator
from tests.e2e.pulumi_cli import REPO, VENV_BIN, Stack, find_pulumi
from tests.e2e.release import Release, build_release

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
    write_python_project(workdir, project=project, venv=venv)


def write_python_project(
    workdir: Path,
    program: str | None = None,
    project: str = "cozmox-e2e",
    venv: Path = REPO / ".venv",
) -> None:
    """A Pulumi.yaml of a Python program that runs in ``venv``; ``program``: its __main__.py."""
    workdir.mkdir(parents=True, exist_ok=True)
    (workdir / "Pulumi.yaml").write_text(
        f"name: {project}\nruntime:\n  name: python\n  options:\n    virtualenv: {venv}\n"
    )
    if program is not None:
        (workdir / "__main__.py").write_text(program)


#: The two front doors of the Campaign resource: the dynamic provider (a Python program) and
#: the native plugin (a YAML program). A test that takes the ``door`` fixture and is
#: parametrized with ``both_doors`` runs through each.
DOORS = ("python", "yaml")
both_doors = pytest.mark.parametrize("door", DOORS)


def through(door: str) -> pytest.MarkDecorator:
    """Run a test through one door only: for a claim about the core or the engine, whose
    translation by each adapter another test proves through both."""
    assert door in DOORS
    return pytest.mark.parametrize("door", [door])


#: The Python program's keyword arguments -> the native resource's properties (written here,
#: not taken from the package: what a test expects is the scenario's, not the code's).
CAMEL = {
    "name": "name",
    "phone_number_id": "phoneNumberId",
    "assistant_id": "assistantId",
    "workflow_id": "workflowId",
    "schedule_plan": "schedulePlan",
    "customers": "customers",
    "customers_file": "customersFile",
    "allow_redial": "allowRedial",
    "allow_duplicate": "allowDuplicate",
    "allow_outside_calling_hours": "allowOutsideCallingHours",
    "adopt_id": "adoptId",
    "ended": "ended",
    "delete_record_on_remove": "deleteRecordOnRemove",
}


class CampaignStack(Stack):
    """A stack of tests/e2e/program; `declare()` rewrites the campaigns it declares."""

    door = "python"

    def declare(
        self, stubs: dict[str, dict[str, Any]] | None = None, **campaigns: dict[str, Any]
    ) -> None:
        spec = {"campaigns": campaigns, "stubs": stubs or {}}
        (self.workdir / "spec.json").write_text(json.dumps(spec))

    def opt_in(self, flag: str, value: str | bool) -> str:
        """How a message of this door spells setting ``flag`` (the Python name) to ``value``:
        ``allow_redial="c-1"`` in Python, ``allowRedial: "c-1"`` in YAML."""
        shown = json.dumps(value) if isinstance(value, str) else str(value)
        return f"{flag}={shown}"

    @property
    def provider_type(self) -> str:
        """The type of the default provider, whose inputs the engine records the config in."""
        return "pulumi:providers:pulumi-python"

    def program_path(self, path: str) -> str:
        """A field's path as messages of this door name it (``schedule_plan.latestAt``)."""
        return path

    def recorded_customers(self, part: dict[str, Any]) -> list[dict[str, Any]]:
        """The customers in revealed state ``inputs`` or ``outputs``: the compressed blob."""
        return decode_customers(json.loads(part["customers"]["plaintext"]))


class YamlCampaignStack(CampaignStack):
    """The same campaigns as a YAML program of the native plugin (``cozmox:index:Campaign``):
    each keyword argument as its property, ``aliases`` as the old names' URNs, the same
    outputs (``NAME.id``, ``NAME.name``, ``NAME.status``, ``NAME.customer_count``)."""

    door = "yaml"

    def declare(
        self, stubs: dict[str, dict[str, Any]] | None = None, **campaigns: dict[str, Any]
    ) -> None:
        if stubs:
            raise AssertionError("stubs are dynamic resources: a Python program's")
        resources: dict[str, Any] = {}
        outputs: dict[str, str] = {}
        for name, args in campaigns.items():
            args = dict(args)
            aliases = args.pop("aliases", [])
            after = args.pop("depends_on", [])
            resource: dict[str, Any] = {
                "type": "cozmox:index:Campaign",
                "properties": {CAMEL[k]: v for k, v in args.items() if v is not None},
            }
            options: dict[str, Any] = {}
            if aliases:
                prefix = f"urn:pulumi:{self.name}::cozmox-e2e::cozmox:index:Campaign::"
                options["aliases"] = [prefix + old for old in aliases]
            if after:
                options["dependsOn"] = [f"${{{name}}}" for name in after]
            if options:
                resource["options"] = options
            resources[name] = resource
            for output, prop in (
                ("id", "id"),
                ("name", "name"),
                ("status", "status"),
                ("customer_count", "customerCount"),
            ):
                outputs[f"{name}.{output}"] = f"${{{name}.{prop}}}"
        write_yaml_project(self.workdir, resources, outputs)

    def opt_in(self, flag: str, value: str | bool) -> str:
        shown = json.dumps(value)
        return f"{CAMEL[flag]}: {shown}"

    @property
    def provider_type(self) -> str:
        return "pulumi:providers:cozmox"

    def program_path(self, path: str) -> str:
        top, dot, rest = path.partition(".")
        return CAMEL.get(top, top) + dot + rest

    def recorded_customers(self, part: dict[str, Any]) -> list[dict[str, Any]]:
        """The native resource keeps the customers as the program gave them (a list)."""
        customers: list[dict[str, Any]] = json.loads(part["customers"]["plaintext"])
        return customers


def write_yaml_project(
    workdir: Path,
    resources: dict[str, Any],
    outputs: dict[str, str] | None = None,
    name: str = "cozmox-e2e",
) -> None:
    """A YAML project that finds the plugin in this repository's venv (no PATH warning)."""
    workdir.mkdir(parents=True, exist_ok=True)
    project = {
        "name": name,
        "runtime": "yaml",
        "plugins": {"providers": [{"name": "cozmox", "path": str(REPO / ".venv" / "bin")}]},
        "resources": resources,
        "outputs": outputs or {},
    }
    # JSON is YAML: no quoting rules to get wrong.
    (workdir / "Pulumi.yaml").write_text(json.dumps(project, indent=1))


@pytest.fixture(scope="session")
def release() -> Release:
    """This tree's release, as `make release` builds it (once: tests/e2e/release.py)."""
    return build_release()


@pytest.fixture
def door() -> str:
    """The front door a test's campaign stacks use (``both_doors`` runs it through each)."""
    return "python"


@pytest.fixture
def campaign_stack(tmp_path: Path, emulator: Emulator, door: str) -> Callable[..., CampaignStack]:
    """`make(name="test")` -> an initialised stack configured for the test's emulator."""
    find_pulumi()  # fail early and clearly when the CLI is missing

    def make(name: str = "test", key_in: str = "config") -> CampaignStack:
        """``key_in``: the API key as a secret stack config value, or in COZMOX_API_KEY."""
        workdir = tmp_path / f"program-{name}"
        stack: CampaignStack
        if door == "yaml":
            stack = YamlCampaignStack(workdir=workdir, home=tmp_path, name=name)
        else:
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


def export(emulator: Emulator, out: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`pulumi-cozmox export --out OUT [args]` of the emulator's org."""
    env = {
        **os.environ,
        "COZMOX_API_KEY": emulator.api_key,
        "COZMOX_BASE_URL": emulator.base_url,
    }
    return subprocess.run(
        [str(VENV_BIN / "pulumi-cozmox"), "export", "--out", str(out), *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
