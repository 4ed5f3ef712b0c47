"""The native plugin through the real CLI: the YAML and TypeScript examples, detailed diffs,
`pulumi import`, and `pulumi-cozmox export` taken over by `pulumi up` (issue 18).

Expected values follow from each scenario: the examples declare two campaigns (2 and 3
customers), an edit of one field is a PATCH of that field, a customers file with one more row
is a new campaign, an import or an export's adoption sends GETs only.
"""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Emulator
from tests.e2e.conftest import export, write_yaml_project
from tests.e2e.pulumi_cli import REPO, VENV_BIN, Stack

EXAMPLES = REPO / "examples"
NUMBER = re.compile(r"\+1415555\d{4}")


def methods(emulator: Emulator) -> list[str]:
    return sorted(e["method"] for e in emulator.control.get("requests").json())


def campaigns(emulator: Emulator) -> dict[str, dict[str, Any]]:
    with emulator.api() as api:
        listed = api.get("/campaign", params={"limit": 100}).json()["results"]
        return {c["id"]: api.get(f"/campaign/{c['id']}").json() for c in listed}


def example_stack(example: str, tmp_path: Path, emulator: Emulator) -> Stack:
    """A copy of ``examples/<example>`` whose plugin path is this repository's venv."""
    workdir = tmp_path / example
    shutil.copytree(EXAMPLES / example, workdir, ignore=shutil.ignore_patterns("node_modules"))
    project = (workdir / "Pulumi.yaml").read_text()
    assert "path: ../../.venv/bin" in project  # the example finds the plugin as README says
    (workdir / "Pulumi.yaml").write_text(project.replace("../../.venv/bin", str(VENV_BIN)))
    if (EXAMPLES / example / "node_modules").exists():
        (workdir / "node_modules").symlink_to(EXAMPLES / example / "node_modules")
    stack = Stack(workdir=workdir, home=tmp_path)
    stack.init(
        config={"cozmox:baseUrl": emulator.base_url}, secrets={"cozmox:apiKey": emulator.api_key}
    )
    return stack


def steps(preview: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Campaign steps of `pulumi preview --json`, by resource name."""
    return {
        s["urn"].rsplit("::", 1)[1]: s
        for s in preview.get("steps", [])
        if s["urn"].split("::")[2] == "cozmox:index:Campaign"
    }


def one_field_is_one_patch(stack: Stack, emulator: Emulator, spring_id: str) -> None:
    """One field: an update of that path, sent as one PATCH of the campaign."""
    program = workdir_file(stack)
    text = program.read_text()
    edited = text.replace('latestAt: "2030-03-04T20:00:00Z"', 'latestAt: "2030-03-04T21:00:00Z"')
    assert edited != text
    program.write_text(edited)
    preview = stack.preview_json("--diff")
    spring = steps(preview)["spring-checkup"]
    assert spring["op"] == "update"
    assert spring["detailedDiff"] == {
        "schedulePlan.latestAt": {"kind": "update", "inputDiff": True}
    }
    emulator.control.delete("requests").raise_for_status()
    stack.up()
    assert methods(emulator).count("PATCH") == 1 and "POST" not in methods(emulator)
    assert stack.outputs()["springCheckupId"] == spring_id
    stored = campaigns(emulator)
    assert stored[spring_id]["schedulePlan"]["latestAt"].startswith("2030-03-04T21:00:00")


def one_more_row_is_a_replacement(stack: Stack, emulator: Emulator, renewals_id: str) -> None:
    """One more row in the customers file: a new campaign (deleted first), the diff masked."""
    with (stack.workdir / "customers.csv").open("a") as handle:
        handle.write("+14155550124,Alan Turing,gold,2030-06-09\n")
    preview = stack.preview_json("--diff")
    renewal_step = steps(preview)["renewals"]
    assert renewal_step["op"] == "replace"
    assert renewal_step["detailedDiff"] == {
        "customersFile": {"kind": "update-replace", "inputDiff": True}
    }
    previewed = stack.run("preview", "--diff")
    said = previewed.stdout + previewed.stderr
    assert "cozmox: renewals: customers: 1 added, 0 removed, 0 changed, 3 unchanged" in said
    assert not NUMBER.search(previewed.stdout + previewed.stderr)
    stack.up()
    after = stack.outputs()
    assert after["renewalsCustomers"] == 4 and after["renewalsId"] != renewals_id
    assert set(campaigns(emulator)) == {after["springCheckupId"], after["renewalsId"]}


@pytest.mark.parametrize("example", ["yaml", "typescript"])
def test_example_up_noop_change_replace_destroy(
    example: str, tmp_path: Path, emulator: Emulator
) -> None:
    stack = example_stack(example, tmp_path, emulator)
    up = stack.up()
    outputs = stack.outputs()
    assert (outputs["springCheckupCustomers"], outputs["renewalsCustomers"]) == (2, 3)
    stored = campaigns(emulator)
    assert set(stored) == {outputs["springCheckupId"], outputs["renewalsId"]}
    renewals = stored[outputs["renewalsId"]]
    # The CSV's columns: the Customer fields, variableValues.<name> a template variable.
    assert renewals["customers"][0] == {
        "number": "+14155550121",
        "name": "Ada Lovelace",
        "assistantOverrides": {"variableValues": {"plan": "gold", "renewal_date": "2030-06-01"}},
    }
    # Report lines on their resource; no number in the output, in the clear nowhere in state.
    said = up.stdout + up.stderr
    assert "cozmox: renewals: calls 3 people" in said
    assert not NUMBER.search(said)
    exported = stack.run("stack", "export").stdout
    assert not NUMBER.search(exported)

    emulator.control.delete("requests").raise_for_status()
    stack.run("preview", "--expect-no-changes")
    assert methods(emulator) == []  # a no-op preview sends no request

    one_field_is_one_patch(stack, emulator, outputs["springCheckupId"])
    one_more_row_is_a_replacement(stack, emulator, outputs["renewalsId"])
    stack.destroy()
    assert campaigns(emulator) == {}


def workdir_file(stack: Stack) -> Path:
    for name in ("index.ts", "Pulumi.yaml"):
        path = stack.workdir / name
        if path.exists() and "latestAt" in path.read_text():
            return path
    raise AssertionError("no program file declares latestAt")


def yaml_stack(tmp_path: Path, emulator: Emulator, resources: dict[str, Any]) -> Stack:
    workdir = tmp_path / "project"
    write_yaml_project(workdir, resources)
    stack = Stack(workdir=workdir, home=tmp_path)
    stack.init(
        config={"cozmox:baseUrl": emulator.base_url}, secrets={"cozmox:apiKey": emulator.api_key}
    )
    return stack


DASHBOARD = {
    "name": "Made in the dashboard",
    "phoneNumberId": "pn-9",
    "assistantId": "asst-9",
    "schedulePlan": {"earliestAt": "2099-02-01T17:00:00Z", "latestAt": "2099-02-01T20:00:00Z"},
    "customers": [
        {"number": "+14155550191", "name": "Zed", "email": "zed@example.com"},
        {"number": "+14155550192", "assistantOverrides": {"variableValues": {"plan": "x"}}},
    ],
}


def test_import_takes_a_campaign_over_with_gets_and_code_without_personal_data(
    tmp_path: Path, emulator: Emulator
) -> None:
    with emulator.api() as api:
        made = api.post("/campaign", json=DASHBOARD).json()
    stack = yaml_stack(tmp_path, emulator, {})
    emulator.control.delete("requests").raise_for_status()
    code = tmp_path / "generated.yaml"
    imported = stack.run(
        "import", "cozmox:index:Campaign", "dashboard", made["id"], "--yes", "--out", str(code)
    )
    assert set(methods(emulator)) == {"GET"}
    # The customers went to a file of the project; neither the code nor the output holds one.
    generated = code.read_text()
    assert "customersFile: customers/dashboard.csv" in generated
    assert not NUMBER.search(generated) and "zed@example.com" not in generated
    assert not NUMBER.search(imported.stdout + imported.stderr)
    with (stack.workdir / "customers" / "dashboard.csv").open() as handle:
        rows = list(csv.DictReader(handle))
    assert [r["number"] for r in rows] == ["+14155550191", "+14155550192"]
    assert json.loads(rows[1]["assistantOverrides"]) == {"variableValues": {"plan": "x"}}
    # The state holds the campaign, its customers secret.
    recorded = stack.resource(":Campaign", "dashboard")
    assert recorded["id"] == made["id"]
    assert "ciphertext" in json.dumps(recorded["outputs"]["customersBlob"])

    # The generated code, added to the program, makes the next preview a no-op.
    document = json.loads((stack.workdir / "Pulumi.yaml").read_text())
    head = [f"{key}: {json.dumps(document[key])}" for key in ("name", "runtime", "plugins")]
    (stack.workdir / "Pulumi.yaml").write_text("\n".join(head) + "\n" + generated)
    emulator.control.delete("requests").raise_for_status()
    stack.run("preview", "--expect-no-changes")
    assert methods(emulator) == []  # a no-op preview sends no request
    assert campaigns(emulator)[made["id"]]["customers"] == DASHBOARD["customers"]


def test_importing_a_campaign_that_does_not_exist_is_a_clear_error(
    tmp_path: Path, emulator: Emulator
) -> None:
    stack = yaml_stack(tmp_path, emulator, {})
    failed = stack.run(
        "import", "cozmox:index:Campaign", "ghost", "c-does-not-exist", "--yes", check=False
    )
    assert failed.returncode != 0
    said = failed.stdout + failed.stderr
    assert "campaign c-does-not-exist does not exist in the org of this API key" in said
    assert "Traceback" not in said
    resources = stack.export()["deployment"].get("resources") or []
    assert not [r for r in resources if r["type"] == "cozmox:index:Campaign"]


def seed_org(emulator: Emulator) -> dict[str, str]:
    """Three scheduled campaigns (two of one name) and one ended: status by id."""
    made: dict[str, str] = {}
    with emulator.api() as api:
        for day, name in ((1, "Renewals"), (2, "Renewals"), (3, "Check-ups")):
            body = {
                **DASHBOARD,
                "name": name,
                "schedulePlan": {"earliestAt": f"2099-03-0{day}T17:00:00Z"},
                "customers": [{"number": f"+1415555{day:02d}{i:02d}"} for i in range(day + 1)],
            }
            made[api.post("/campaign", json=body).json()["id"]] = "scheduled"
        past = {"earliestAt": "2020-01-01T17:00:00Z"}
        ended = api.post(
            "/campaign", json={**DASHBOARD, "name": "Last spring", "schedulePlan": past}
        ).json()
        api.patch(f"/campaign/{ended['id']}", json={"status": "ended"}).raise_for_status()
        made[ended["id"]] = "ended"
    return made


@pytest.mark.parametrize("fmt", ["python", "yaml"])
def test_export_is_taken_over_by_up_with_no_post_and_no_patch(
    fmt: str, tmp_path: Path, emulator: Emulator
) -> None:
    made = seed_org(emulator)
    out = tmp_path / "exported"
    venv = os.path.relpath(REPO / ".venv", out)  # Pulumi.yaml holds no absolute path
    done = export(emulator, out, "--format", fmt, "--virtualenv", venv)
    assert done.returncode == 0, done.stderr
    # Counts only: 4 campaigns, 2 + 3 + 4 + 2 customers; the personal-data warning.
    assert "exported 4 campaigns (1 ended, 3 scheduled; 11 customers)" in done.stdout
    assert "personal data" in done.stderr
    assert not NUMBER.search(done.stdout + done.stderr)
    files = sorted(p.name for p in (out / "customers").iterdir())
    assert files == ["check-ups.csv", "last-spring.csv"] + sorted(
        f"renewals-{cid[:8]}.csv" for cid, _ in list(made.items())[:2]
    )
    # No .sops.yaml here: plain files, each kept out of git, and one line on encrypting them.
    ignored = (out / ".gitignore").read_text().splitlines()
    assert {f"customers/{name}" for name in files} <= set(ignored)
    assert "CI cannot read them: encrypt them with SOPS" in done.stderr
    program = (out / ("__main__.py" if fmt == "python" else "Pulumi.yaml")).read_text()
    assert not NUMBER.search(program)

    stack = Stack(workdir=out, home=tmp_path)
    stack.init(
        config={"cozmox:baseUrl": emulator.base_url}, secrets={"cozmox:apiKey": emulator.api_key}
    )
    emulator.control.delete("requests").raise_for_status()
    stack.up()
    assert set(methods(emulator)) == {"GET"}  # 0 POSTs, 0 PATCHes
    assert stack.outputs()["campaigns"] == 4
    exported = stack.export()["deployment"]["resources"]
    adopted = sorted(
        r["id"] for r in exported if r.get("custom") and not r["type"].startswith("pulumi:")
    )
    assert adopted == sorted(made)
    assert set(campaigns(emulator)) == set(made)
    stack.run("preview", "--expect-no-changes")


def test_export_of_named_campaigns_or_a_status_only(tmp_path: Path, emulator: Emulator) -> None:
    made = seed_org(emulator)
    first = next(iter(made))
    one = export(emulator, tmp_path / "one", "--id", first)
    assert "exported 1 campaign (1 scheduled; 2 customers)" in one.stdout, one.stderr
    ended = export(emulator, tmp_path / "ended", "--status", "ended", "--format", "yaml")
    assert "exported 1 campaign (1 ended; 2 customers)" in ended.stdout, ended.stderr
    assert "last-spring" in (tmp_path / "ended" / "Pulumi.yaml").read_text()
    again = export(emulator, tmp_path / "one")
    assert again.returncode == 1 and "exists" in again.stderr
