"""Drive the real `pulumi` CLI against a local file backend, for end-to-end tests.

A new stack costs no CLI invocation: :meth:`Stack.init` writes the files `pulumi stack init`
and `pulumi config set` would write (the backend's stack file, ``Pulumi.<stack>.yaml`` with
the passphrase provider's ``encryptionsalt`` and ``secure:`` values), copied from a template
stack that the real CLI made once per process (:class:`StackTemplate`; one `config set
--secret` per distinct secret value). Every stack of the process shares the template's salt, so
the CLI decrypts their secrets as its own. Other backends (PostgreSQL) get the real commands.
``tests/e2e/test_stack_files.py`` holds such a stack to behave as one the CLI initialised.
"""

from __future__ import annotations

import atexit
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

import yaml

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


def cli_env(home: Path, backend: str) -> dict[str, str]:
    """The environment every CLI invocation of the tests runs with."""
    env = dict(os.environ)
    env.update(
        PATH=os.pathsep.join([str(TOOLS_BIN), str(VENV_BIN), env.get("PATH", "")]),
        PULUMI_BACKEND_URL=backend,
        PULUMI_CONFIG_PASSPHRASE=PASSPHRASE,
        PULUMI_SKIP_UPDATE_CHECK="true",
        PULUMI_HOME=str(home / "pulumi-home"),
        PULUMI_DIY_BACKEND_NO_LEGACY_WARNING="true",
        NO_COLOR="1",
    )
    env.pop("VIRTUAL_ENV", None)
    return env


class StackTemplate:
    """A stack the real CLI initialised in a file backend of its own, once per process: its
    files are the pattern of every test stack, its salt theirs, and `pulumi config set
    --secret` on it gives the ``secure:`` value of a secret (made once per value)."""

    PROJECT, STACK = "stack-template", "template"

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="cozmox-stack-template."))
        atexit.register(shutil.rmtree, self.folder, True)
        (self.folder / "Pulumi.yaml").write_text(f"name: {self.PROJECT}\nruntime: yaml\n")
        (self.folder / "backend").mkdir()
        self._run("stack", "init", self.STACK)
        self.salt = str(self._config_file()["encryptionsalt"])
        pulumi_dir = self.folder / "backend" / ".pulumi"
        self.meta = (pulumi_dir / "meta.yaml").read_text()
        self.checkpoint = (pulumi_dir / "stacks" / self.PROJECT / f"{self.STACK}.json").read_text()
        self._secure: dict[str, str] = {}

    def _run(self, *args: str) -> None:
        argv = [find_pulumi(), *args, "--non-interactive", "--cwd", str(self.folder)]
        if args[:2] != ("stack", "init"):
            argv += ["--stack", self.STACK]
        env = cli_env(self.folder, f"file://{self.folder / 'backend'}")
        proc = subprocess.run(argv, env=env, capture_output=True, text=True, check=False)
        if proc.returncode != 0:
            raise PulumiFailed(list(args), proc)

    def _config_file(self) -> dict[str, Any]:
        loaded: dict[str, Any] = yaml.safe_load(
            (self.folder / f"Pulumi.{self.STACK}.yaml").read_text()
        )
        return loaded

    def secure(self, value: str) -> str:
        """The ``secure:`` text of ``value`` under the template's salt (the CLI encrypts it)."""
        if value not in self._secure:
            self._run("config", "set", "--secret", "template:value", value)
            self._secure[value] = self._config_file()["config"]["template:value"]["secure"]
        return self._secure[value]

    def stack_file(self, project: str, stack: str) -> str:
        """The backend's file of a new stack ``stack`` of ``project``."""
        template = f"organization/{self.PROJECT}/{self.STACK}"
        assert template in self.checkpoint, self.checkpoint
        return self.checkpoint.replace(template, f"organization/{project}/{stack}")


_template: StackTemplate | None = None


def stack_template() -> StackTemplate:
    """This process's template (made on first use)."""
    global _template
    if _template is None:
        _template = StackTemplate()
    return _template


@dataclass
class Stack:
    """One stack of one program directory, in its own file backend."""

    workdir: Path
    home: Path
    name: str = "test"
    extra_env: dict[str, str] = field(default_factory=dict)

    def env(self) -> dict[str, str]:
        env = cli_env(self.home, f"file://{self.home / 'backend'}")
        env.update(self.extra_env)
        return env

    @property
    def backend(self) -> Path | None:
        """The folder of this stack's file backend; None for another kind of backend."""
        url = self.env()["PULUMI_BACKEND_URL"]
        return Path(url.removeprefix("file://")) if url.startswith("file://") else None

    @property
    def config_file(self) -> Path:
        return self.workdir / f"Pulumi.{self.name}.yaml"

    def project(self) -> str:
        """The project's name, from its Pulumi.yaml (which JSON also is)."""
        return str(yaml.safe_load((self.workdir / "Pulumi.yaml").read_text())["name"])

    def argv(self, *args: str) -> list[str]:
        argv = [find_pulumi(), *args, "--non-interactive", "--cwd", str(self.workdir)]
        if args and args[0] not in ("login", "version") and args[:2] != ("stack", "init"):
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
        """Create the stack with this config, as `pulumi stack init` and `pulumi config set`
        would (written from the template for a file backend: no CLI invocation)."""
        backend = self.backend
        if backend is None:
            self.run("stack", "init", self.name)
        else:
            template = stack_template()
            stacks = backend / ".pulumi" / "stacks" / self.project()
            stacks.mkdir(parents=True, exist_ok=True)
            (backend / ".pulumi" / "meta.yaml").write_text(template.meta)
            (stacks / f"{self.name}.json").write_text(
                template.stack_file(self.project(), self.name)
            )
            self._write_config({"encryptionsalt": template.salt, "config": {}})
        self.configure(config, secrets)

    def configure(
        self,
        config: dict[str, str] | None = None,
        secrets: dict[str, str] | None = None,
        remove: tuple[str, ...] = (),
    ) -> None:
        """Set (or remove) stack config values, as `pulumi config set [--secret]` (and `config
        rm`) would: in the stack's config file for a file backend, else by the CLI."""
        if self.backend is None:
            for key, value in (config or {}).items():
                self.run("config", "set", key, value)
            for key, value in (secrets or {}).items():
                self.run("config", "set", "--secret", key, value)
            for key in remove:
                self.run("config", "rm", key)
            return
        document: dict[str, Any] = yaml.safe_load(self.config_file.read_text())
        values: dict[str, Any] = document.get("config") or {}
        template = stack_template()
        for key, value in (config or {}).items():
            values[self._full_key(key)] = value
        for key, value in (secrets or {}).items():
            values[self._full_key(key)] = {"secure": template.secure(value)}
        for key in remove:
            values.pop(self._full_key(key), None)
        self._write_config({**document, "config": values})

    def _full_key(self, key: str) -> str:
        """A key as the config file holds it: one without a namespace is the project's."""
        return key if ":" in key else f"{self.project()}:{key}"

    def _write_config(self, document: dict[str, Any]) -> None:
        if not document.get("config"):
            document = {k: v for k, v in document.items() if k != "config"}
        self.config_file.write_text(yaml.safe_dump(document, sort_keys=False))

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
