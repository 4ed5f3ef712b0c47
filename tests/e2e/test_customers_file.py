"""A mistake in a customers file, through the real CLI and both doors (issue 23, item 7): the
preview names the file, the line and the column, never the cell, and suggests only what fits
(a letter O typed for a zero is a letter, not a reason to turn the E.164 check off). A Python
stack recorded before the customers carried their lines previews no change."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import Emulator
from tests.e2e.conftest import write_python_project, write_yaml_project
from tests.e2e.pulumi_cli import Stack

GOOD = "number,name\n+14155550181,Ada\n+14155550182,Grace\n"
#: Line 3, the second customer: a letter O where the 0 of 5550182 belongs.
TYPO = GOOD.replace("+14155550182", "+141555501O2")
FIELDS = {
    "name": "Spring check-ups",
    "phoneNumberId": "pn-file-1",
    "assistantId": "asst-file-1",
    "schedulePlan": {"earliestAt": "2099-04-01T17:00:00Z"},
}
PYTHON = """import pulumi
from pulumi_cozmox import Campaign, read_customers

campaign = Campaign(
    "spring",
    name={name!r},
    phone_number_id={phoneNumberId!r},
    assistant_id={assistantId!r},
    schedule_plan={schedulePlan!r},
    customers={customers},
)
"""


def write_program(
    project: Path, door: str, customers: str = 'read_customers("customers.csv")'
) -> None:
    if door == "python":
        program = PYTHON.format(customers=customers, **FIELDS)
        write_python_project(project, program, project="file-e2e")
        return
    spring = {
        "type": "cozmox:index:Campaign",
        "properties": {**FIELDS, "customersFile": "customers.csv"},
    }
    write_yaml_project(project, {"spring": spring}, name="file-e2e")


@pytest.mark.parametrize("door", ["python", "yaml"])
def test_a_typo_in_a_customers_file_is_named_by_file_line_and_column(
    door: str, tmp_path: Path, emulator: Emulator
) -> None:
    project = tmp_path / "project"
    project.mkdir()
    (project / "customers.csv").write_text(GOOD)
    # Python: first as a stack recorded before customers carried their lines (a plain list).
    write_program(project, door, customers='list(read_customers("customers.csv"))')
    stack = Stack(workdir=project, home=tmp_path)
    stack.init(config={"cozmox:baseUrl": emulator.base_url})
    stack.extra_env["COZMOX_API_KEY"] = emulator.api_key
    stack.up()
    if door == "python":
        recorded = stack.resource("Campaign", "spring")["inputs"]
        assert recorded.get("customers_source") is None
        write_program(project, door)
        # The lines now travel beside the customers: state only, no change.
        stack.run("preview", "--expect-no-changes")

    (project / "customers.csv").write_text(TYPO)
    emulator.control.delete("requests")
    failed = stack.run("preview", check=False)
    assert emulator.control.get("requests").json() == []  # a mistake is judged against nothing
    said = failed.stdout + failed.stderr
    assert failed.returncode != 0, said
    assert "customers.csv line 3, column number: is not an E.164 number" in said, said
    assert "character 11 is a letter, not a digit" in said
    assert "numberE164CheckEnabled" not in said  # no way around a typo
    assert "customers[1]" not in said
    assert "55501O2" not in said and "Grace" not in said
    assert "Traceback" not in said
