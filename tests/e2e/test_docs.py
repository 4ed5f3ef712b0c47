"""docs/team-workflow.md runs as written: its blocks marked ```sh tested, in order, in a new
repository against the emulator (issue 24). The two others need GitHub (the pinned
`pip install` from it, `gh secret set`); tests/e2e/test_team_workflow.py runs what the
workflows do."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from pulumi_cozmox.core.engine.customers_io import open_customers_file
from pulumi_cozmox.core.model.sops import envelope
from tests.conftest import Emulator
from tests.e2e.pulumi_cli import REPO, TOOLS_BIN, VENV_BIN
from tests.sopskit import KEY_VARIABLES

DOC = REPO / "docs" / "team-workflow.md"
SEVEN = ["5550181", "5550182", "5550183"]
#: The editor `sops edit` opens in the test: it adds a customer row to the file it is given.
EDITOR = '#!/bin/sh\nprintf "%s\\n" "+14155550184,Added by sops edit" >> "$1"\n'


def runnable_blocks(text: str) -> list[str]:
    return re.findall(r"^```sh tested\n(.*?)^```$", text, flags=re.MULTILINE | re.DOTALL)


def shell(tmp_path: Path, emulator: Emulator) -> tuple[Path, dict[str, str]]:
    """A new repository (cloned from a bare origin) and the environment of the reader's shell:
    this repository's pulumi-cozmox and CLI, a HOME of its own, the emulator's org, a DIY
    backend, an editor for `sops edit`."""
    with emulator.api() as api:
        api.post(
            "/campaign",
            json={
                "name": "Spring check-ups",
                "phoneNumberId": "pn-doc-1",
                "assistantId": "asst-doc-1",
                "schedulePlan": {"earliestAt": "2099-04-01T17:00:00Z"},
                "customers": [{"number": f"+1415{n}", "name": "P"} for n in SEVEN],
            },
        ).raise_for_status()
    repo, origin = tmp_path / "repo", tmp_path / "origin.git"
    for folder in ("home", "state"):
        (tmp_path / folder).mkdir()
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(origin)], check=True)
    subprocess.run(["git", "clone", "-q", str(origin), str(repo)], capture_output=True, check=True)
    editor = tmp_path / "editor.sh"
    editor.write_text(EDITOR)
    editor.chmod(0o755)
    env = {
        "PATH": os.pathsep.join([str(VENV_BIN), str(TOOLS_BIN), "/usr/bin", "/bin"]),
        "HOME": str(tmp_path / "home"),
        "EDITOR": str(editor),
        "PULUMI_COZMOX": str(REPO),
        "COZMOX_API_KEY": emulator.api_key,
        "COZMOX_BASE_URL": emulator.base_url,
        "PULUMI_BACKEND_URL": f"file://{tmp_path / 'state'}",
        "PULUMI_CONFIG_PASSPHRASE": "doc-passphrase",
        "PULUMI_SKIP_UPDATE_CHECK": "true",
    }
    for role in ("AUTHOR", "COMMITTER"):
        env |= {f"GIT_{role}_NAME": "Doc", f"GIT_{role}_EMAIL": "doc@example.com"}
    return repo, env


def test_the_team_workflow_doc_runs_as_written(
    tmp_path: Path, emulator: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo, env = shell(tmp_path, emulator)
    monkeypatch.setenv("HOME", env["HOME"])  # this process reads the files with the doc's key
    for name in KEY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    customers = repo / "campaigns" / "customers" / "spring-check-ups.csv"
    blocks = runnable_blocks(DOC.read_text())
    assert len(blocks) == 9, blocks
    printed: list[str] = []
    digests: list[str] = []
    for block in blocks:
        if "pulumi preview" in block:  # the venv `pulumi install` would make: this repository's
            (repo / "campaigns" / "venv").symlink_to(REPO / ".venv")
        done = subprocess.run(
            ["bash", "-e", "-c", block],
            cwd=repo,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        printed.append(done.stdout + done.stderr)
        assert done.returncode == 0, f"{block}\n---\n{done.stdout}{done.stderr}"
        if customers.exists():
            digests.append(open_customers_file(customers).digest)

    export, check, stack = printed[2], printed[3], printed[4]
    assert "1 customers files encrypted with SOPS" in export
    assert check == ""  # grep -L: no customers file in plain text
    assert envelope(customers.read_bytes()) is not None
    assert "adopt" in stack  # the preview takes the campaign over: nothing created
    pushed = subprocess.run(
        ["git", "cat-file", "--batch-all-objects", "--batch"],
        cwd=tmp_path / "origin.git",
        capture_output=True,
        check=True,
    ).stdout
    assert b"spring-check-ups.csv" in pushed and not [n for n in SEVEN if n.encode() in pushed]
    # sops edit added a customer; rotate and updatekeys changed the bytes, not the customers.
    listed = open_customers_file(customers).customers()
    assert [c["name"] for c in listed] == ["P", "P", "P", "Added by sops edit"]
    exported, edited, reencrypted = digests[4], digests[5], digests[6]  # after blocks 6, 7, 8
    assert edited != exported and reencrypted == edited
    assert not [n for n in SEVEN if n in "\n".join(printed)]
