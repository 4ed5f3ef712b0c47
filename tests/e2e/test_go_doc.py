"""docs/go.md, run as written in a folder outside this repository (issue 29).

Its ```sh blocks, in order, in one shell, against the release of this tree (built once a
session): `go get github.com/cozmox/pulumi-cozmox/sdk/go@v0.3.0` with GOPRIVATE reaches the
release's git repository (tagged `sdk/go/v0.3.0`) through git's `insteadOf`, standing in for
GitHub; `pulumi plugin install ... --server github://...` reaches a local server serving the
release's files through PULUMI_PLUGIN_DOWNLOAD_URL_OVERRIDES, standing in for GitHub's release
host. The module is dropped from Go's module cache first, so it is fetched anew from git.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

from tests.conftest import Emulator
from tests.e2e.pulumi_cli import PASSPHRASE, REPO, Stack
from tests.e2e.release import Release, serve
from tests.e2e.test_release import DOWNLOAD_URL, PATH_WARNING, installed, new_user

DOC = REPO / "docs" / "go.md"
CLONE_URL = "https://github.com/cozmox/pulumi-cozmox"
NUMBER = re.compile(r"\+1415555\d{4}")
#: The Pulumi Go SDK the generated module declares: the lowest it compiles with.
LOWEST_GO_SDK = "v3.274.0"


def doc_steps() -> str:
    found = re.findall(r"^```sh\n(.*?)^```$", DOC.read_text(), flags=re.S | re.M)
    assert len(found) == 4, found
    return "\n".join(found)


def forget_the_module() -> None:
    """Drop this module's copies from the machine's Go module cache (Go keeps a version for
    good), so `go get` fetches the release just built; the rest of the module cache, and the
    build cache (keyed by those modules' paths), stay warm."""
    found = subprocess.run(["go", "env", "GOMODCACHE"], capture_output=True, text=True, check=True)
    cache = Path(found.stdout.strip())
    for path in (
        cache / "github.com" / "cozmox",
        cache / "cache" / "download" / "github.com" / "cozmox",
    ):
        if path.exists():
            for folder in [path, *(p for p in path.rglob("*") if p.is_dir())]:
                folder.chmod(0o755)  # the module cache is read-only
            shutil.rmtree(path)


def test_the_go_doc_runs_as_written(release: Release, tmp_path: Path, emulator: Emulator) -> None:
    forget_the_module()
    gitconfig = tmp_path / "gitconfig"
    gitconfig.write_text(f'[url "file://{release.repo}"]\n\tinsteadOf = {CLONE_URL}\n')
    outside = tmp_path / "projects"
    outside.mkdir()
    (tmp_path / "backend").mkdir()
    env = {
        **os.environ,
        **new_user(tmp_path / "pulumi-home"),
        "GIT_CONFIG_GLOBAL": str(gitconfig),
        "COZMOX_API_KEY": emulator.api_key,
        "COZMOX_BASE_URL": emulator.base_url,
        "PULUMI_BACKEND_URL": f"file://{tmp_path / 'backend'}",
        "PULUMI_CONFIG_PASSPHRASE": PASSPHRASE,
        "PULUMI_SKIP_UPDATE_CHECK": "true",
        "NO_COLOR": "1",
    }
    with serve(release.dist) as url:
        env["PULUMI_PLUGIN_DOWNLOAD_URL_OVERRIDES"] = f"^{DOWNLOAD_URL}={url}"
        proc = subprocess.run(
            ["bash", "-euo", "pipefail", "-c", doc_steps()],
            cwd=outside,
            env=env,
            capture_output=True,
            text=True,
            timeout=900,
            check=False,
        )
    said = proc.stdout + proc.stderr
    assert proc.returncode == 0, said[-8000:]

    assert "cozmox: spring-checkup: calls 2 people" in said
    assert PATH_WARNING not in said
    assert not NUMBER.search(said)
    assert installed(env) == [("cozmox", "0.3.0")]
    posts = [e for e in emulator.control.get("requests").json() if e["method"] == "POST"]
    assert [e["path"] for e in posts] == ["/campaign"]
    project = outside / "spring-checkup"
    stack = Stack(workdir=project, home=tmp_path, name="dev")
    assert stack.outputs()["checkupCustomers"] == 2

    # Built against the module of the tag, with exactly the Pulumi SDK it declares.
    def module(path: str) -> str:
        listed = subprocess.run(
            ["go", "list", "-m", "-f", "{{.Version}}", path],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        return listed.stdout.strip()

    assert module("github.com/cozmox/pulumi-cozmox/sdk/go") == "v0.3.0"
    assert module("github.com/pulumi/pulumi/sdk/v3") == LOWEST_GO_SDK
    declared = (REPO / "sdk" / "go" / "go.mod").read_text()
    assert f"require github.com/pulumi/pulumi/sdk/v3 {LOWEST_GO_SDK}\n" in declared
