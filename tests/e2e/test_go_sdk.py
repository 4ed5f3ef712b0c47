"""A Go program through the generated Go SDK (sdk/go) and the Go language host (issue 24).

tests/e2e/go_program declares one campaign of one customer inline: preview POSTs nothing and
says whom it calls; `up` POSTs it once, its outputs are the campaign's; the customers are a
secret in state (the SDK marks them, as the schema says); destroy deletes it. The Go host is
built by `make setup` (scripts/pulumi-sdk-tools.sh); `go mod tidy` reads the module cache (or
the Go module proxy), the first build of the program takes about a minute and a half.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

from tests.conftest import Emulator
from tests.e2e.pulumi_cli import REPO, Stack

PROGRAM = Path(__file__).parent / "go_program"
NUMBER = re.compile(r"\+1415555\d{4}")


def go_program(workdir: Path) -> None:
    """A copy of the program whose go.mod finds the SDK in this repository."""
    shutil.copytree(PROGRAM, workdir)
    gomod = workdir / "go.mod"
    text = gomod.read_text()
    assert "=> ../../../sdk/go" in text
    gomod.write_text(text.replace("=> ../../../sdk/go", f"=> {REPO / 'sdk' / 'go'}"))
    env = {**os.environ, "GOFLAGS": "-mod=mod"}
    tidy = subprocess.run(
        ["go", "mod", "tidy"], cwd=workdir, env=env, capture_output=True, text=True, check=False
    )
    assert tidy.returncode == 0, tidy.stderr


def test_go_program_preview_up_destroy(tmp_path: Path, emulator: Emulator) -> None:
    workdir = tmp_path / "go"
    go_program(workdir)
    stack = Stack(workdir=workdir, home=tmp_path)
    stack.init(
        config={"cozmox:baseUrl": emulator.base_url}, secrets={"cozmox:apiKey": emulator.api_key}
    )

    preview = stack.run("preview", "--diff", timeout=900)
    said = preview.stdout + preview.stderr
    assert "cozmox: go-checkup: calls 1 person" in said
    assert "cozmox:index:Campaign" in said
    # A create's preview reads the org (what can still call, what ended lately), writes nothing.
    sent = emulator.control.get("requests").json()
    assert {e["method"] for e in sent} == {"GET"}
    assert [e["path"] for e in sent if "status=scheduled" in e["query"]] == ["/campaign"]

    stack.up()
    journal = emulator.control.get("requests").json()
    assert [e["path"] for e in journal if e["method"] == "POST"] == ["/campaign"]
    outputs = stack.outputs()
    assert outputs["customerCount"] == 1
    with emulator.api() as api:
        stored = api.get(f"/campaign/{outputs['campaignId']}").json()
    assert stored["name"] == "Go check-up reminders"
    assert stored["customers"] == [{"number": "+14155550131", "name": "Ada"}]
    recorded = stack.resource("cozmox:index:Campaign", "go-checkup")
    assert "ciphertext" in recorded["inputs"]["customers"]
    assert "ciphertext" in recorded["outputs"]["customers"]
    assert not NUMBER.search(json.dumps(stack.export()))

    stack.destroy()
    with emulator.api() as api:
        assert api.get(f"/campaign/{outputs['campaignId']}").status_code == 404
