"""Every install command of the README and docs resolves as written (issue 29).

`pip install "pulumi-cozmox... @ git+https://github.com/cozmox/pulumi-cozmox@vX.Y.Z"` runs as
printed in a new venv, with git's ``insteadOf`` sending that URL to the release's repository
(this tree, committed and tagged by the release script): the tag must exist there, so every
command must name this release. The releases before it are commits of this repository's
history, tagged in a clone by the commands docs/install.md gives (from CHANGELOG.md).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from tests.e2e.pulumi_cli import REPO
from tests.e2e.release import Release

CLONE_URL = "https://github.com/cozmox/pulumi-cozmox"
PIP_GIT = re.compile(
    r"""pip install "(pulumi-cozmox(?:\[\w+\])? @ git\+https://github\.com/cozmox/"""
    r"""pulumi-cozmox@(v[\w.]+))\""""
)
PAGES = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]


def git_installs() -> dict[str, str]:
    """Each distinct pip command's requirement -> its tag, over the README and docs."""
    found: dict[str, str] = {}
    for page in PAGES:
        for requirement, tag in PIP_GIT.findall(page.read_text()):
            found[requirement] = tag
    return found


def test_every_pip_install_from_git_resolves_as_written(release: Release, tmp_path: Path) -> None:
    installs = git_installs()
    assert {r.split(" @ ")[0] for r in installs} == {"pulumi-cozmox", "pulumi-cozmox[sops]"}
    assert set(installs.values()) == {"v0.3.0"}
    gitconfig = tmp_path / "gitconfig"
    gitconfig.write_text(f'[url "file://{release.repo}"]\n\tinsteadOf = {CLONE_URL}\n')
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    env = {
        **os.environ,
        "PATH": f"{venv / 'bin'}{os.pathsep}{os.environ['PATH']}",
        "GIT_CONFIG_GLOBAL": str(gitconfig),
    }
    head = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=release.repo, capture_output=True, text=True, check=True
    ).stdout.strip()
    for requirement in sorted(installs):
        command = f'pip install -q --disable-pip-version-check "{requirement}"'
        done = subprocess.run(
            ["bash", "-c", command], env=env, capture_output=True, text=True, check=False
        )
        assert done.returncode == 0, f"{command}\n{done.stderr[-4000:]}"
        shown = subprocess.run(
            [
                str(venv / "bin" / "python"),
                "-c",
                "from importlib.metadata import distribution\nd = distribution('pulumi-cozmox')\n"
                "print(d.version, d.read_text('direct_url.json'))",
            ],
            cwd=tmp_path,  # not a source tree, whose metadata (egg-info) -c would find first
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        version, direct = shown.split(" ", 1)
        assert version == "0.3.0"
        assert json.loads(direct)["vcs_info"] == {
            "vcs": "git",
            "requested_revision": "v0.3.0",
            "commit_id": head,
        }
    assert (venv / "bin" / "sops").exists()  # the [sops] extra's binary


def test_each_release_is_the_commit_the_changelog_names(tmp_path: Path) -> None:
    """docs/install.md's `git tag` commands, run in a clone, tag commits whose package has the
    tag's version; they are CHANGELOG.md's commits."""
    changelog = dict(
        re.findall(
            r"^## (\d+\.\d+\.\d+)\n\nCommit `([0-9a-f]{7,40})`",
            (REPO / "CHANGELOG.md").read_text(),
            re.M,
        )
    )
    assert set(changelog) == {"0.1.0", "0.2.0"}
    install = (REPO / "docs" / "install.md").read_text()
    [block] = [b for b in re.findall(r"^```sh\n(.*?)^```$", install, re.S | re.M) if "git tag" in b]
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--no-tags", str(REPO), str(clone)], check=True)
    subprocess.run(["bash", "-euc", block], cwd=clone, check=True)
    for version, commit in changelog.items():
        tagged = subprocess.run(
            ["git", "rev-parse", f"v{version}^{{commit}}"],
            cwd=clone,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        assert tagged.startswith(commit)
        pyproject = subprocess.run(
            ["git", "show", f"v{version}:pyproject.toml"],
            cwd=clone,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert f'\nversion = "{version}"\n' in pyproject
