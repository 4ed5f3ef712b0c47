"""docs/typescript.md, run as written in a folder outside this repository (issue 24).

Its ```sh blocks, in order, in one shell, with ``/path/to/pulumi-cozmox`` read as this
repository: `make dist`, a project with the SDK tarball in ``vendor/``, `pulumi plugin install`
of the release's plugin (this tree's release, from a local server standing in for the release
host through PULUMI_PLUGIN_DOWNLOAD_URL_OVERRIDES), `npm install` of the tarball, the program,
`pulumi preview` and `pulumi up` against the emulator; the plugin never on PATH. Then its
```sh ci block in a fresh copy of the project's committed files and an empty plugin folder, as
a CI runner would: the preview installs the plugin the SDK names, the stack has no change.

The doc declares two campaigns (2 customers inline, 3 in a CSV file): `up` POSTs two, the
preview before it none. npm and pip use their caches first (``npm_config_prefer_offline``).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import yaml

from tests.conftest import Emulator
from tests.e2e.pulumi_cli import REPO, TOOLS_BIN, VENV_BIN, Stack
from tests.e2e.release import Release, serve
from tests.e2e.test_release import DOWNLOAD_URL, PATH_WARNING, installed

DOC = REPO / "docs" / "typescript.md"
CLONE = "/path/to/pulumi-cozmox"
NUMBER = re.compile(r"\+1415555\d{4}")
#: The package's version, which names the wheel and the tarball.
VERSION = json.loads((REPO / "provider" / "pulumi_cozmox" / "native" / "schema.json").read_text())[
    "version"
]
#: What the doc says a project commits (its CI section).
COMMITTED = (
    "Pulumi.yaml",
    "index.ts",
    "tsconfig.json",
    "package.json",
    "package-lock.json",
    "vendor",
    "customers.csv",
)


def blocks(info: str) -> str:
    """The doc's fenced blocks whose info string is exactly ``info``, joined."""
    found = re.findall(rf"^```{info}\n(.*?)^```$", DOC.read_text(), flags=re.S | re.M)
    assert found, f"no ```{info} block in {DOC.name}"
    return "\n".join(found).replace(CLONE, str(REPO))


def run_steps(script: str, cwd: Path, env: dict[str, str]) -> str:
    proc = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", script],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    said = proc.stdout + proc.stderr
    assert proc.returncode == 0, f"the doc's steps failed ({proc.returncode}):\n{said[-8000:]}"
    return said


def absolute_paths(value: Any) -> list[str]:
    """Every string in a parsed YAML document that is an absolute path."""
    if isinstance(value, dict):
        return [p for v in value.values() for p in absolute_paths(v)]
    if isinstance(value, list):
        return [p for v in value for p in absolute_paths(v)]
    return [value] if isinstance(value, str) and os.path.isabs(value) else []


def outside_env(stack: Stack, emulator: Emulator) -> dict[str, str]:
    """The CLI and its language hosts, but not this repository's venv (`make test` puts it on
    PATH): the plugin must be the release's, installed by the doc's steps."""
    env = stack.env()
    search = [
        p for p in os.environ["PATH"].split(os.pathsep) if p and Path(p).resolve() != VENV_BIN
    ]
    env["PATH"] = os.pathsep.join([str(TOOLS_BIN), *search])
    assert shutil.which("pulumi-resource-cozmox", path=env["PATH"]) is None
    env.update(
        COZMOX_API_KEY=emulator.api_key,
        COZMOX_BASE_URL=emulator.base_url,
        npm_config_prefer_offline="true",
        npm_config_audit="false",
        npm_config_fund="false",
    )
    return env


def runner_copy(stack: Stack, runner: Path) -> None:
    """A runner's checkout: a fresh copy of the committed files."""
    runner.mkdir()
    for name in COMMITTED:
        source = stack.workdir / name
        copy = shutil.copytree if source.is_dir() else shutil.copy
        copy(source, runner / name)


def assert_made_as_the_doc_says(
    stack: Stack, emulator: Emulator, said: str, posts: list[dict[str, Any]]
) -> None:
    """The doc's steps made both campaigns with the plugin it installs, customers secret, the
    SDK's tarball pinned by its hash."""
    project = stack.workdir
    assert [e["path"] for e in posts] == ["/campaign", "/campaign"]
    outputs = stack.outputs()
    assert (outputs["checkupCustomers"], outputs["renewalsCustomers"]) == (2, 3)
    with emulator.api() as api:
        listed = api.get("/campaign", params={"limit": 100}).json()["results"]
    assert {c["id"] for c in listed} == {outputs["checkupId"], outputs["renewalsId"]}
    # The SDK keeps the customers secret: ciphertext in state, no number anywhere.
    checkup = stack.resource("cozmox:index:Campaign", "spring-checkup")
    assert set(checkup["inputs"]["customers"]) >= {"ciphertext"}
    assert not NUMBER.search(json.dumps(stack.export()))
    assert not NUMBER.search(said)
    # The tarball is pinned by its hash, and found by a relative path.
    lock = json.loads((project / "package-lock.json").read_text())
    sdk = lock["packages"]["node_modules/@cozmox/pulumi"]
    assert sdk["resolved"] == f"file:vendor/cozmox-pulumi-{VERSION}.tgz"
    assert sdk["integrity"].startswith("sha512-")


def test_typescript_steps_outside_the_repository(
    tmp_path: Path, emulator: Emulator, release: Release
) -> None:
    outside = tmp_path / "projects"
    outside.mkdir()
    assert not outside.resolve().is_relative_to(REPO)
    stack = Stack(workdir=outside / "spring-checkup", home=tmp_path, name="dev")
    env = outside_env(stack, emulator)
    (tmp_path / "backend").mkdir()
    runner = tmp_path / "runner"
    with serve(release.dist) as url:
        env["PULUMI_PLUGIN_DOWNLOAD_URL_OVERRIDES"] = f"^{DOWNLOAD_URL}={url}"
        said = run_steps(blocks("sh"), outside, env)
        assert installed(env) == [("cozmox", VERSION)]
        posts = [e for e in emulator.control.get("requests").json() if e["method"] == "POST"]
        # A runner: an empty plugin folder (the preview installs the plugin the SDK names).
        runner_env = {**env, "PULUMI_HOME": str(tmp_path / "runner-home")}
        runner_copy(stack, runner)
        emulator.control.delete("requests").raise_for_status()
        ci_said = run_steps(blocks("sh ci"), runner, runner_env)
    assert installed(runner_env) == [("cozmox", VERSION)]
    # The stack and its two campaigns, nothing else in the summary: no change.
    assert re.search(r"Resources:\n\s+3 unchanged\n", ci_said), ci_said[-3000:]
    # A no-op preview of scheduled campaigns, no rule configured: judged from the state alone.
    assert emulator.control.get("requests").json() == []
    assert PATH_WARNING not in said + ci_said
    assert_made_as_the_doc_says(stack, emulator, said, posts)
    for folder in (stack.workdir, runner):
        for path in folder.glob("Pulumi*.yaml"):
            assert absolute_paths(yaml.safe_load(path.read_text())) == [], path
            assert str(tmp_path) not in path.read_text(), path
