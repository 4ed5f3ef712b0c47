"""Stacks created by the earlier releases keep working: the dynamic provider's class path is
recorded in every resource's state (the SDK pickles it by reference), and the props the last
release recorded must read as no change.

Each earlier release is a commit of this repository (CHANGELOG.md names them). Its package
is installed on its own (no dependencies: they are this venv's) into a folder that
``PYTHONPATH`` puts first, so one
`pulumi up` runs it; the next preview runs this tree's package, as an upgraded venv would.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import Emulator
from tests.e2e.conftest import CampaignStack
from tests.e2e.pulumi_cli import REPO

#: The earlier releases of pulumi-cozmox and their commits (this repository's history, as
#: CHANGELOG.md gives them).
RELEASES = {"0.1.0": "8e1fc6d", "0.2.0": "10b4832"}
#: The release benchmarks/bench_provider.py and bench_stack.py measure beside this tree.
LAST_RELEASE = RELEASES["0.1.0"]

CUSTOMERS = [
    {"number": "+14155550101", "name": "Ada", "assistantOverrides": {"variableValues": {"a": 1}}},
    {"number": "+14155550102"},
]


def install_release(commit: str, target: Path) -> None:
    """The package of ``commit`` (sources from git, never the work tree) into ``target``."""
    source = target.parent / "release-src"
    source.mkdir()
    archive = subprocess.run(
        ["git", "-C", str(REPO), "archive", "--format=tar", commit],
        capture_output=True,
        check=False,
    )
    assert archive.returncode == 0, (
        f"git archive {commit} failed ({archive.stderr.decode().strip()}): the test needs the "
        "repository's history (a full clone)"
    )
    subprocess.run(["tar", "-x", "-C", str(source)], input=archive.stdout, check=True)
    pip = [sys.executable, "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    subprocess.run([*pip, "--no-deps", "--target", str(target), str(source)], check=True)


@pytest.fixture(params=sorted(RELEASES))
def last_release(tmp_path: Path, request: pytest.FixtureRequest) -> Path:
    target = tmp_path / "release"
    install_release(RELEASES[request.param], target)
    version = subprocess.run(
        [sys.executable, "-c", "import pulumi_cozmox; print(pulumi_cozmox.__version__)"],
        env={"PYTHONPATH": str(target)},
        capture_output=True,
        text=True,
        check=True,
    )
    assert version.stdout.strip() == request.param
    return target


def test_a_stack_of_the_last_release_previews_with_no_change_and_no_request(
    campaign_stack, emulator: Emulator, last_release: Path
) -> None:
    stack: CampaignStack = campaign_stack()
    stack.declare(
        spring={
            "name": "Spring",
            "phone_number_id": "pn-1",
            "assistant_id": "asst-1",
            "customers": CUSTOMERS,
            "schedule_plan": {"earliestAt": "2099-03-04T17:00:00Z"},
            "allow_outside_calling_hours": True,
        },
        autumn={
            "name": "Autumn",
            "phone_number_id": "pn-1",
            "workflow_id": "wf-1",
            "customers": CUSTOMERS[:1],
            "schedule_plan": {"earliestAt": "2099-09-04T17:00:00Z"},
            "allow_redial": True,
        },
    )
    stack.extra_env["PYTHONPATH"] = str(last_release)
    stack.up()
    recorded = stack.resource(":Campaign", "spring")
    assert recorded["outputs"]["status"] == "scheduled"

    del stack.extra_env["PYTHONPATH"]  # this tree's package from here on
    # A refresh reads through the provider pickled in the old state: its class path must resolve.
    before = stack.resource(":Campaign", "spring", show_secrets=True)["outputs"]
    emulator.control.delete("requests")
    stack.run("refresh", "--yes", "--skip-preview")
    reads = emulator.control.get("requests").json()
    assert reads and {r["method"] for r in reads} == {"GET"}
    assert stack.resource(":Campaign", "spring", show_secrets=True)["outputs"] == before

    emulator.control.delete("requests")
    preview = stack.preview_json()
    assert preview["changeSummary"] == {"same": 3}
    assert emulator.control.get("requests").json() == []
    stack.up()
    assert emulator.control.get("requests").json() == []
    assert stack.preview_json()["changeSummary"] == {"same": 3}
