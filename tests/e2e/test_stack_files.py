"""A stack whose files the tests write (Stack.init, no CLI invocation) is, to the real CLI, a
stack that `pulumi stack init` and `pulumi config set` made: listed, its config and secrets
read back the same, its state written and encrypted with its own salt, the program's provider
given its config."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from tests.conftest import Emulator
from tests.e2e.conftest import CampaignStack, write_program
from tests.e2e.pulumi_cli import Stack, stack_template

CONFIG = {"cozmox:callLimit": "1/24h", "cozmox:requestTimeout": "2", "retries": "true"}


def shown(stack: Stack) -> dict[str, object]:
    return dict(json.loads(stack.run("config", "--json", "--show-secrets").stdout))


def edited_by_the_cli_and_applied(written: CampaignStack, emulator: Emulator) -> None:
    """The CLI edits the written file as its own; the program's provider reads it all."""
    written.run("config", "set", "cozmox:callLimit", "2/7d")
    written.configure(remove=("cozmox-e2e:retries",))
    assert "cozmox-e2e:retries" not in shown(written)
    assert shown(written)["cozmox:callLimit"] == {"value": "2/7d", "secret": False}
    customers = [{"number": "+14155550101", "email": "ada@example.com"}]
    written.declare(
        main={
            "name": "Written stack",
            "phone_number_id": "pn-1",
            "assistant_id": "asst-1",
            "customers": customers,
            "schedule_plan": {"earliestAt": "2099-01-01T17:00:00Z"},
        }
    )
    written.up()
    [campaign] = emulator.api().get("/campaign").json()["results"]
    assert written.outputs()["main.id"] == campaign["id"]  # the key reached the provider
    state = written.export()["deployment"]
    assert state["secrets_providers"] == {
        "type": "passphrase",
        "state": {"salt": stack_template().salt},
    }
    recorded = written.resource(":Campaign", "main")
    assert "ciphertext" in recorded["inputs"]["customers"]
    revealed = written.resource(":Campaign", "main", show_secrets=True)
    assert written.recorded_customers(revealed["inputs"]) == customers
    assert written.preview_json()["changeSummary"] == {"same": 2}


def test_a_written_stack_is_what_the_cli_makes(tmp_path: Path, emulator: Emulator) -> None:
    workdir = tmp_path / "program"
    write_program(workdir)
    secrets = {"cozmox:apiKey": emulator.api_key}
    config = {**CONFIG, "cozmox:baseUrl": emulator.base_url}
    written = CampaignStack(workdir=workdir, home=tmp_path, name="written")
    written.init(config=config, secrets=secrets)
    # The same, by the CLI's own commands, in the same backend.
    made = CampaignStack(workdir=workdir, home=tmp_path, name="made")
    made.run("stack", "init", "made")
    for key, value in config.items():
        made.run("config", "set", key, value)
    made.run("config", "set", "--secret", "cozmox:apiKey", emulator.api_key)

    # The backend's files: the same shape, each naming its own stack.
    stacks = tmp_path / "backend" / ".pulumi" / "stacks" / "cozmox-e2e"
    backend = {n: json.loads((stacks / f"{n}.json").read_text()) for n in ("written", "made")}
    for name, stack_file in backend.items():
        assert stack_file["checkpoint"]["stack"] == f"organization/cozmox-e2e/{name}"
        assert stack_file["checkpoint"]["latest"]["secrets_providers"]["type"] == "passphrase"
    assert backend["written"].keys() == backend["made"].keys()
    listed = json.loads(made.run("stack", "ls", "--json").stdout)
    assert sorted(s["name"] for s in listed) == ["made", "written"]
    assert shown(written) == shown(made)
    assert shown(written)["cozmox:apiKey"] == {"value": emulator.api_key, "secret": True}
    assert shown(written)["cozmox-e2e:retries"] == {"value": "true", "secret": False}
    files = [yaml.safe_load(s.config_file.read_text()) for s in (written, made)]
    assert [sorted(f) for f in files] == [["config", "encryptionsalt"]] * 2
    assert files[0]["encryptionsalt"] == stack_template().salt != files[1]["encryptionsalt"]
    # The key is never in the clear in the file; the CLI decrypts what the template made.
    assert emulator.api_key not in written.config_file.read_text()
    assert written.run("config", "get", "cozmox:apiKey").stdout.strip() == emulator.api_key

    edited_by_the_cli_and_applied(written, emulator)
