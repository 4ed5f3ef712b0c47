"""The lowest `pulumi` SDK that pyproject.toml declares still works: a fresh venv with exactly
that SDK and this package runs up, a no-op preview, refresh and destroy with the real CLI.

The bound is 3.216.0: `ReadResult(..., inputs=...)` (how refresh resets inputs) is new in it;
with 3.215.0 this test fails at refresh (`ReadResult.__init__() got an unexpected keyword
argument 'inputs'`). `configure(ConfigureRequest)` needs >= 3.139. The venv is installed by
pip from PyPI (or its cache), from a copy of the package sources so the work tree gets no
build/ or egg-info.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import Emulator
from tests.e2e.conftest import CampaignStack, write_program
from tests.e2e.pulumi_cli import REPO, find_pulumi

pytestmark = pytest.mark.e2e

CUSTOMERS = [{"number": "+14155550101", "name": "Ada"}, {"number": "+14155550102"}]


def lowest_declared_sdk() -> str:
    """The `pulumi>=X` bound of pyproject.toml's dependencies (tomllib is not in Python 3.10)."""
    [bound] = re.findall(r'^\s*"pulumi>=([0-9.]+)"', (REPO / "pyproject.toml").read_text(), re.M)
    return str(bound)


def make_venv(path: Path, sdk: str) -> None:
    """A venv with `pulumi==sdk` and this package (a regular install, as users get it)."""
    src = path.parent / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / name, src)
    for folder in ("provider", "schema"):
        shutil.copytree(REPO / folder, src / folder, ignore=shutil.ignore_patterns("__pycache__"))
    subprocess.run([sys.executable, "-m", "venv", str(path)], check=True)
    python = str(path / "bin" / "python")
    pip = [python, "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    subprocess.run([*pip, f"pulumi=={sdk}", str(src)], check=True, timeout=600)


def test_lowest_declared_sdk(tmp_path: Path, emulator: Emulator) -> None:
    find_pulumi()
    sdk = lowest_declared_sdk()
    venv = tmp_path / "venv"
    make_venv(venv, sdk)
    version = "import importlib.metadata as m; print(m.version('pulumi'))"
    installed = subprocess.run(
        [str(venv / "bin" / "python"), "-c", version], capture_output=True, text=True, check=True
    )
    assert installed.stdout.strip() == sdk

    workdir = tmp_path / "program"
    write_program(workdir, venv=venv)
    assert f"virtualenv: {venv}\n" in (workdir / "Pulumi.yaml").read_text()
    stack = CampaignStack(workdir=workdir, home=tmp_path)
    stack.declare(
        low={
            "name": "Lowest SDK",
            "phone_number_id": "pn-1",
            "assistant_id": "asst-1",
            "customers": CUSTOMERS,
            "schedule_plan": {"earliestAt": "2099-01-01T17:00:00Z"},
        }
    )
    stack.init(
        config={"cozmox:baseUrl": emulator.base_url},
        secrets={"cozmox:apiKey": emulator.api_key},
    )

    stack.up()
    outputs = stack.outputs()
    assert outputs["low.status"] == "scheduled"
    assert outputs["low.customer_count"] == 2
    with emulator.api() as api:
        assert api.get(f"/campaign/{outputs['low.id']}").json()["name"] == "Lowest SDK"

    assert stack.preview_json()["changeSummary"] == {"same": 2}

    # read() returns ReadResult(..., inputs=...), the reason for the bound.
    stack.run("refresh", "--yes", "--skip-preview")
    assert stack.preview_json()["changeSummary"] == {"same": 2}

    stack.destroy()
    with emulator.api() as api:
        assert api.get(f"/campaign/{outputs['low.id']}").status_code == 404
