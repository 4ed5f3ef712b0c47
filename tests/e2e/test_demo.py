"""`make demo` does what the README says, running it twice breaks nothing, and every command
it prints for the reader runs as printed (issue 23: its refresh once needed a terminal)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
from pathlib import Path

from tests.e2e.pulumi_cli import REPO

#: When a command is taken for hung (a bound, not a timing: on a busy machine the demo's
#: emulator and `pulumi up` take minutes).
HANG = 1200


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def printed_commands(output: str) -> list[str]:
    """The commands the demo prints for the reader: the indented lines after "Look further"."""
    tail = output[output.index("Look further") :]
    return [line.strip() for line in tail.splitlines() if line.startswith("  ")]


def run_as_printed(commands: list[str], env: dict[str, str], folder: Path) -> list[str]:
    """Each command after the first (the export line) run as a reader would: in a new shell
    with no terminal and no input, after the export line, from another folder; their outputs."""
    export, *rest = commands
    assert export.startswith("export "), commands
    outputs = []
    for command in rest:
        proc = subprocess.run(
            ["bash", "-c", f"{export}\n{command}"],
            cwd=folder,
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=HANG,
        )
        assert proc.returncode == 0, f"{command}\n{proc.stdout}\n{proc.stderr}"
        outputs.append(proc.stdout)
    return outputs


def test_demo_twice_then_destroy(tmp_path: Path) -> None:
    stack = f"e2e-{os.getpid()}"
    env = {
        **os.environ,
        "COZMOX_DEMO_DIR": str(tmp_path / "demo"),
        "COZMOX_DEMO_PORT": str(free_port()),
        "COZMOX_DEMO_STACK": stack,
    }

    def demo(action: str) -> str:
        proc = subprocess.run(
            ["scripts/demo.sh", action],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            timeout=HANG,
        )
        assert proc.returncode == 0, proc.stdout + proc.stderr
        return proc.stdout

    try:
        first = demo("up")
        assert "+ 2 created" in first
        assert "customer_count       3" in first
        # The stack's config stays under the demo folder, not beside the example users copy.
        assert (tmp_path / "demo" / f"Pulumi.{stack}.yaml").is_file()
        assert not (REPO / "examples" / "quickstart" / f"Pulumi.{stack}.yaml").exists()
        second = demo("up")
        assert "emulator already running" in second
        assert "2 unchanged" in second
        # The reader's shell: none of the demo's settings, only what the export line sets.
        reader = {k: v for k, v in env.items() if k in ("HOME", "PULUMI_HOME") or "DEMO" in k}
        reader |= {"PATH": "/usr/local/bin:/usr/bin:/bin", "PULUMI_SKIP_UPDATE_CHECK": "true"}
        commands = printed_commands(second)
        assert len(commands) == 7 and commands[-1].endswith("demo-destroy"), commands
        preview, refresh, campaigns, journal, clock, destroyed = run_as_printed(
            commands, reader, tmp_path
        )
        assert "2 unchanged" in preview
        assert "Refreshing" in refresh
        assert len(json.loads(campaigns)["results"]) == 1  # the quickstart's campaign
        assert any(e["path"] == "/campaign" for e in json.loads(journal))
        assert "now" in json.loads(clock)
        assert "emulator stopped" in destroyed
        assert not (tmp_path / "demo" / "emulator.pid").exists()
    finally:
        (REPO / "examples" / "quickstart" / f"Pulumi.{stack}.yaml").unlink(missing_ok=True)
        pid_file = tmp_path / "demo" / "emulator.pid"
        if pid_file.exists():
            subprocess.run(["kill", pid_file.read_text().strip()], check=False)
