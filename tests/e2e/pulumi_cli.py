"""Drive the real `pulumi` CLI against a local file backend, for end-to-end tests."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

REPO = Path(__file__).resolve().parents[2]
TOOLS_BIN = REPO / ".tools" / "bin"
VENV_BIN = REPO / ".venv" / "bin"
PASSPHRASE = "e2e-passphrase"


def run_review(preview_json: str, folder: Path, *flags: str) -> subprocess.CompletedProcess[str]:
    """`pulumi-cozmox review [flags]` of a `pulumi preview --json` output (kept in ``folder``)."""
    source = folder / "preview.json"
    source.write_text(preview_json)
    return subprocess.run(
        [str(VENV_BIN / "pulumi-cozmox"), "review", *flags, str(source)],
        capture_output=True,
        text=True,
        check=False,
    )


class PulumiFailed(AssertionError):
    """A pulumi command exited non-zero; carries its output for the assertion message."""

    def __init__(self, args: list[str], proc: subprocess.CompletedProcess[str]) -> None:
        self.stdout = proc.stdout
        self.stderr = proc.stderr
        super().__init__(
            f"pulumi {' '.join(args)} exited {proc.returncode}\n"
            f"--- stdout ---\n{proc.stdout[-6000:]}\n--- stderr ---\n{proc.stderr[-6000:]}"
        )


def find_pulumi() -> str:
    """The CLI that `make setup` provides (tools folder first, then PATH); fails if none."""
    candidate = TOOLS_BIN / "pulumi"
    if candidate.exists():
        return str(candidate)
    found = shutil.which("pulumi")
    if found is None:
        raise AssertionError(
            "pulumi CLI not found: run `make setup` (it builds it into .tools/bin)"
        )
    return found


@dataclass
class Stack:
    """One stack of one program directory, in its own file backend."""

    workdir: Path
    home: Path
    name: str = "test"
    extra_env: dict[str, str] = field(default_factory=dict)

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env.update(
            PATH=os.pathsep.join([str(TOOLS_BIN), str(VENV_BIN), env.get("PATH", "")]),
            PULUMI_BACKEND_URL=f"file://{self.home / 'backend'}",
            PULUMI_CONFIG_PASSPHRASE=PASSPHRASE,
            PULUMI_SKIP_UPDATE_CHECK="true",
            PULUMI_HOME=str(self.home / "pulumi-home"),
            PULUMI_DIY_BACKEND_NO_LEGACY_WARNING="true",
            NO_COLOR="1",
        )
        env.pop("VIRTUAL_ENV", None)
        env.update(self.extra_env)
        return env

    def argv(self, *args: str) -> list[str]:
        argv = [find_pulumi(), *args, "--non-interactive", "--cwd", str(self.workdir)]
        if args and args[0] not in ("login", "version"):
            argv += ["--stack", self.name]
        return argv

    def start(self, *args: str) -> Background:
        """Run ``pulumi ARGS`` in the background, in a session of its own (see kill())."""
        output: IO[str] = tempfile.TemporaryFile(mode="w+", encoding="utf-8")  # noqa: SIM115
        process = subprocess.Popen(
            self.argv(*args),
            env=self.env(),
            stdout=output,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )
        return Background(process, output)

    def run(
        self, *args: str, check: bool = True, timeout: float = 600
    ) -> subprocess.CompletedProcess[str]:
        argv = self.argv(*args)
        proc = subprocess.run(
            argv, env=self.env(), capture_output=True, text=True, timeout=timeout, check=False
        )
        if check and proc.returncode != 0:
            raise PulumiFailed(list(args), proc)
        return proc

    def init(
        self, config: dict[str, str] | None = None, secrets: dict[str, str] | None = None
    ) -> None:
        (self.home / "backend").mkdir(parents=True, exist_ok=True)
        argv = [
            find_pulumi(),
            "stack",
            "init",
            self.name,
            "--non-interactive",
            "--cwd",
            str(self.workdir),
        ]
        proc = subprocess.run(argv, env=self.env(), capture_output=True, text=True, check=False)
        if proc.returncode != 0:
            raise PulumiFailed(["stack", "init", self.name], proc)
        for key, value in (config or {}).items():
            self.run("config", "set", key, value)
        for key, value in (secrets or {}).items():
            self.run("config", "set", "--secret", key, value)

    def up(self, *extra: str) -> subprocess.CompletedProcess[str]:
        return self.run("up", "--yes", "--skip-preview", *extra)

    def preview_json(self, *extra: str, check: bool = True) -> dict[str, Any]:
        proc = self.run("preview", "--json", *extra, check=check)
        return json.loads(proc.stdout) if proc.stdout.strip().startswith("{") else {}

    def outputs(self, show_secrets: bool = False) -> dict[str, Any]:
        args = ["stack", "output", "--json"] + (["--show-secrets"] if show_secrets else [])
        return json.loads(self.run(*args).stdout)

    def export(self, show_secrets: bool = False) -> dict[str, Any]:
        args = ["stack", "export"] + (["--show-secrets"] if show_secrets else [])
        return json.loads(self.run(*args).stdout)

    def resource(self, type_suffix: str, name: str, show_secrets: bool = False) -> dict[str, Any]:
        """The recorded state (``inputs``, ``outputs``, ``id``) of one resource."""
        for res in self.export(show_secrets)["deployment"].get("resources", []):
            if res["type"].endswith(type_suffix) and res["urn"].endswith(f"::{name}"):
                return dict(res)
        raise AssertionError(f"no resource {name} of type *{type_suffix} in the state")

    def destroy(self) -> None:
        self.run("destroy", "--yes", "--skip-preview")


@dataclass
class Background:
    """A pulumi command running in a session of its own."""

    process: subprocess.Popen[str]
    _output: IO[str]

    def kill(self) -> None:
        """SIGKILL every process of the command's session, as a cancelled CI job does.

        The CLI starts its plugins (language host, dynamic provider) in process groups of
        their own, so killing the CLI or its group would leave them running; they stay in
        the CLI's session.
        """
        session = os.getsid(self.process.pid)
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                if os.getsid(int(entry.name)) == session:
                    os.kill(int(entry.name), signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                continue
        self.process.wait(timeout=30)

    def output(self) -> str:
        self._output.flush()
        self._output.seek(0)
        return self._output.read()

    def wait(self, timeout: float = 600) -> int:
        return self.process.wait(timeout=timeout)


def wait_for(condition: Callable[[], bool], what: str, timeout: float = 120) -> None:
    """Poll ``condition`` until it holds; fail naming ``what`` after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.2)
