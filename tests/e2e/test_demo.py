"""`make demo` does what the README says, and running it twice breaks nothing."""

from __future__ import annotations

import os
import socket
import subprocess
from pathlib import Path

from tests.e2e.pulumi_cli import REPO


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


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
            timeout=300,
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
        destroyed = demo("destroy")
        assert "emulator stopped" in destroyed
        assert not (tmp_path / "demo" / "emulator.pid").exists()
    finally:
        (REPO / "examples" / "quickstart" / f"Pulumi.{stack}.yaml").unlink(missing_ok=True)
        pid_file = tmp_path / "demo" / "emulator.pid"
        if pid_file.exists():
            subprocess.run(["kill", pid_file.read_text().strip()], check=False)
