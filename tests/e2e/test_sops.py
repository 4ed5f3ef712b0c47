"""A customers file encrypted with SOPS, through the real CLI and both doors (issue 24): read
with the key SOPS finds; without a usable key (or without the file) every command that reads it
fails naming the file and what to do, one line, no traceback, no number; encrypting the same
customers again (a rotated data key, a new recipient) is no change, while a changed customer
is; `pulumi import` writes the customers encrypted where .sops.yaml asks."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Emulator
from tests.e2e.conftest import write_python_project, write_yaml_project
from tests.e2e.pulumi_cli import REPO, Stack
from tests.sopskit import KEY_VARIABLES, AgeKey, new_age_key, sops, sops_config, sops_env

CUSTOMERS = (
    "number,name,email,variableValues.plan\n"
    "+14155550171,Ada,ada@example.com,gold\n"
    "+14155550172,Grace,,silver\n"
    "+14155550173,,,\n"
)
SEVEN = ["5550171", "5550172", "5550173"]
FIELDS = {
    "name": "Spring check-ups",
    "phoneNumberId": "pn-sops-1",
    "assistantId": "asst-sops-1",
    "schedulePlan": {"earliestAt": "2099-04-01T17:00:00Z"},
}
PYTHON_PROGRAM = f"""import pulumi
from pulumi_cozmox import Campaign, read_customers

campaign = Campaign(
    "spring",
    name={FIELDS["name"]!r},
    phone_number_id={FIELDS["phoneNumberId"]!r},
    assistant_id={FIELDS["assistantId"]!r},
    schedule_plan={FIELDS["schedulePlan"]!r},
    customers=read_customers("customers.csv"),
)
pulumi.export("id", campaign.id)
"""


class SopsStack(Stack):
    """A stack whose commands offer SOPS exactly ``key`` (None: no key at all)."""

    key: AgeKey | None = None

    def env(self) -> dict[str, str]:
        env = {k: v for k, v in super().env().items() if k not in KEY_VARIABLES}
        env["HOME"] = str(self.home / "home")  # no default key file (~/.config/sops/age)
        if self.key is not None:
            env["SOPS_AGE_KEY_FILE"] = str(self.key.file)
        return env


def write_project(folder: Path, door: str) -> None:
    folder.mkdir(parents=True)
    if door == "python":
        write_python_project(folder, PYTHON_PROGRAM, project="sops-e2e")
        return
    spring = {
        "type": "cozmox:index:Campaign",
        "properties": {**FIELDS, "customersFile": "customers.csv"},
    }
    write_yaml_project(folder, {"spring": spring}, {"id": "${spring.id}"}, name="sops-e2e")


def encrypt_in_place(folder: Path, text: str, key: AgeKey, home: Path) -> None:
    """``customers.csv`` written and encrypted as a user does: `sops encrypt -i` under the
    project's .sops.yaml."""
    (folder / "customers.csv").write_text(text)
    sops("encrypt", "-i", "customers.csv", env=sops_env(home, key), cwd=folder)


def said(run: Any) -> str:
    return str(run.stdout) + str(run.stderr)


def assert_clean_refusal(run: Any, shown: str = "customers.csv") -> None:
    """Failed, naming the file and how to give the key; no traceback, no number."""
    text = said(run)
    assert run.returncode != 0, text
    assert f"{shown}: encrypted with SOPS (age), and no key here decrypts it" in text, text
    assert "SOPS_AGE_KEY_FILE=" in text
    assert "Traceback" not in text and "internal error" not in text
    assert not [n for n in SEVEN if n in text]


@pytest.mark.parametrize("door", ["python", "yaml"])
def test_an_encrypted_customers_file_needs_its_key_and_re_encrypting_it_is_no_change(
    door: str, tmp_path: Path, emulator: Emulator
) -> None:
    team = new_age_key(tmp_path / "keys", "team")
    newcomer = new_age_key(tmp_path / "keys", "newcomer")
    home = tmp_path / "home"
    project = tmp_path / "project"
    write_project(project, door)
    sops_config(project, [(r"customers\.csv$", [team.recipient])])
    encrypt_in_place(project, CUSTOMERS, team, home)
    before = (project / "customers.csv").read_bytes()
    assert not [n for n in SEVEN if n.encode() in before]

    stack = SopsStack(workdir=project, home=tmp_path)
    stack.init(config={"cozmox:baseUrl": emulator.base_url})
    stack.extra_env["COZMOX_API_KEY"] = emulator.api_key
    # A first preview on a machine without the key.
    assert_clean_refusal(stack.run("preview", check=False))

    stack.key = team
    stack.up()
    with emulator.api() as api:
        (created,) = api.get("/campaign").json()["results"]
        stored = api.get(f"/campaign/{created['id']}").json()["customers"]
    assert [c["number"] for c in stored] == ["+14155550171", "+14155550172", "+14155550173"]
    assert stored[0]["assistantOverrides"] == {"variableValues": {"plan": "gold"}}

    # Encrypted again, the same customers: a rotated data key, then a new recipient. The
    # newcomer's key alone reads it, and the program is unchanged.
    env = sops_env(home, team)
    sops("rotate", "-i", "customers.csv", env=env, cwd=project)
    sops_config(project, [(r"customers\.csv$", [team.recipient, newcomer.recipient])])
    sops("updatekeys", "-y", "customers.csv", env=env, cwd=project)
    assert (project / "customers.csv").read_bytes() != before
    stack.key = newcomer
    stack.run("preview", "--expect-no-changes")

    # Without a usable key, every command that reads the file stops the same way.
    stack.key = None
    assert_clean_refusal(stack.run("preview", "--refresh", check=False))
    assert_clean_refusal(stack.run("up", "--yes", check=False))
    refreshed = stack.run("refresh", "--yes", check=False)
    if door == "yaml":
        assert_clean_refusal(refreshed)  # the plugin's refresh diff reads the file
    else:
        assert refreshed.returncode == 0, said(refreshed)  # refresh runs no program

    # A file missing (not committed, say) under --refresh: the same one line, not "internal
    # error in Diff (ValueError)" as the plugin's refresh said before.
    stack.key = team
    (project / "customers.csv").rename(project / "elsewhere.csv")
    missing = stack.run("preview", "--refresh", check=False)
    assert missing.returncode != 0 and "customers.csv: no such file" in said(missing)
    assert "Traceback" not in said(missing) and "internal error" not in said(missing)

    # A changed customer, encrypted: now there is a change (a replacement).
    encrypt_in_place(project, CUSTOMERS.replace("Grace,", "Grace Hopper,"), team, home)
    plan = stack.preview_json()
    assert plan["changeSummary"].get("replace") == 1, plan["changeSummary"]
    assert not [n for n in SEVEN if n in json.dumps(plan)]


def test_pulumi_import_writes_the_customers_encrypted_where_a_rule_applies(
    tmp_path: Path, emulator: Emulator
) -> None:
    """`pulumi import` of a dashboard campaign into a project whose .sops.yaml covers
    customers/: the file it writes is encrypted (no plain text on disk), the import needs the
    key to read it back, the generated code names it, and the next preview is a no-op."""
    team = new_age_key(tmp_path / "keys", "team")
    body = {**FIELDS, "customers": [{"number": "+14155550171", "name": "Ada"}]}
    with emulator.api() as api:
        made = api.post("/campaign", json=body).json()
    project = tmp_path / "project"
    head = {
        "name": "sops-e2e",
        "runtime": "yaml",
        "plugins": {"providers": [{"name": "cozmox", "path": str(REPO / ".venv" / "bin")}]},
    }
    project.mkdir()
    (project / "Pulumi.yaml").write_text(json.dumps(head))
    sops_config(project, [(r"^customers/", [team.recipient])])
    stack = SopsStack(workdir=project, home=tmp_path)
    stack.init(config={"cozmox:baseUrl": emulator.base_url})
    stack.extra_env["COZMOX_API_KEY"] = emulator.api_key
    code = tmp_path / "generated.yaml"
    command = ("import", "cozmox:index:Campaign", "dashboard", made["id"], "--yes")
    # Without the key: the file is written encrypted (SOPS needs only the recipient), but the
    # import, which reads back what it finds there, stops naming the file and the key.
    refused = stack.run(*command, "--out", str(code), check=False)
    assert_clean_refusal(refused, "customers/dashboard.csv")
    assert "5550171" not in said(refused)
    written = (project / "customers" / "dashboard.csv").read_bytes()
    assert b'"sops"' in written and b"5550171" not in written
    # With it: the file there holds these customers, and the generated code names it.
    stack.key = team
    imported = stack.run(*command, "--out", str(code))
    assert "5550171" not in said(imported)
    assert "customersFile: customers/dashboard.csv" in code.read_text()
    assert "5550171" not in code.read_text()
    assert sorted(p.name for p in (project / "customers").iterdir()) == ["dashboard.csv"]
    requirements = (project / "requirements.txt").read_text().splitlines()
    assert requirements[-1].startswith("pulumi-cozmox[sops] @ git+")  # what CI installs, pinned

    program = "\n".join(f"{k}: {json.dumps(v)}" for k, v in head.items())
    (project / "Pulumi.yaml").write_text(program + "\n" + code.read_text())
    stack.run("preview", "--expect-no-changes")
