"""Every example runs as documented: `pulumi up` against the emulator, then destroy."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import Emulator
from tests.e2e.conftest import write_program
from tests.e2e.pulumi_cli import REPO, Stack

PROJECTS = sorted(p.name for p in (REPO / "examples").iterdir() if (p / "Pulumi.yaml").exists())
EXPECTED_CUSTOMERS = {"quickstart": 3, "overrides": 3, "csv": 3}
#: The native plugin's examples: tests/e2e/test_native.py runs them.
NATIVE = {"yaml", "typescript"}
EXAMPLES = sorted(EXPECTED_CUSTOMERS)


def test_every_example_is_covered() -> None:
    assert sorted([*EXPECTED_CUSTOMERS, *NATIVE]) == PROJECTS


@pytest.mark.parametrize("example", EXAMPLES)
def test_example_up_and_destroy(example: str, tmp_path: Path, emulator: Emulator) -> None:
    workdir = tmp_path / example
    write_program(workdir, REPO / "examples" / example, project=f"cozmox-{example}")
    stack = Stack(workdir=workdir, home=tmp_path)
    stack.init(
        config={"cozmox:baseUrl": emulator.base_url}, secrets={"cozmox:apiKey": emulator.api_key}
    )
    stack.up()
    outputs = stack.outputs()
    assert outputs["customer_count"] == EXPECTED_CUSTOMERS[example]
    with emulator.api() as api:
        stored = api.get(f"/campaign/{outputs['campaign_id']}").json()
    assert len(stored["customers"]) == EXPECTED_CUSTOMERS[example]
    if example == "csv":
        assert stored["customers"][0] == {
            "number": "+14155550121",
            "name": "Ada Lovelace",
            "assistantOverrides": {
                "variableValues": {"plan": "gold", "renewal_date": "2030-06-01"}
            },
        }
        assert "name" not in stored["customers"][2]
    if example == "overrides":
        overrides = stored["customers"][0]["assistantOverrides"]
        assert overrides["metadata"] == {"CRM-Contact-Id": "crm-0111"}
        assert overrides["variableValues"]["patientName"] == "Maria"
    stack.destroy()
