"""The requirement an exported project installs pulumi-cozmox with: a pinned direct reference,
never a bare name (which any public index could answer: dependency confusion)."""

from __future__ import annotations

import json
from importlib import metadata
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest

from pulumi_cozmox import __version__
from pulumi_cozmox._pin import (
    RequirementError,
    check_requirements,
    default_requirement,
    pinned_requirement,
)
from pulumi_cozmox.apps.cli import main

GIT = "git+https://github.com/acme/pulumi-cozmox"


def test_the_version_is_one_everywhere() -> None:
    """Kept in _version.py: the distribution's metadata (pyproject reads it), the package's
    face, the API client's user agent, the plugin's schema."""
    from pulumi_cozmox._version import __version__ as kept
    from pulumi_cozmox.client.api import USER_AGENT

    assert kept == __version__ == metadata.version("pulumi-cozmox") == "0.3.0"
    assert USER_AGENT == "pulumi-cozmox/0.3.0"
    schema = json.loads((files("pulumi_cozmox.native") / "schema.json").read_text())
    assert schema["version"] == "0.3.0"


@pytest.mark.parametrize(
    ("spec", "line"),
    [
        (f"pulumi-cozmox @ {GIT}@v0.2.0", f"pulumi-cozmox @ {GIT}@v0.2.0"),
        (f"Pulumi_Cozmox@{GIT}@3f2a9c1", f"pulumi-cozmox @ {GIT}@3f2a9c1"),
        (
            "pulumi-cozmox @ https://x.org/pulumi_cozmox-0.2.0-py3-none-any.whl#sha256=ab12",
            "pulumi-cozmox @ https://x.org/pulumi_cozmox-0.2.0-py3-none-any.whl#sha256=ab12",
        ),
        (
            "pulumi-cozmox @ git+file:///srv/pkg@v0.2.0",
            "pulumi-cozmox @ git+file:///srv/pkg@v0.2.0",
        ),
    ],
)
def test_pinned_direct_references_are_written_as_given(spec: str, line: str) -> None:
    assert pinned_requirement(spec) == line


def test_the_sops_extra_is_added_when_files_are_encrypted() -> None:
    assert pinned_requirement(f"pulumi-cozmox @ {GIT}@v0.2.0", sops=True) == (
        f"pulumi-cozmox[sops] @ {GIT}@v0.2.0"
    )
    assert pinned_requirement(f"pulumi-cozmox[emulator] @ {GIT}@v0.2.0", sops=True) == (
        f"pulumi-cozmox[emulator,sops] @ {GIT}@v0.2.0"
    )


@pytest.mark.parametrize(
    ("spec", "why"),
    [
        ("pulumi-cozmox", "names no source"),
        ("pulumi-cozmox==0.2.0", "names no source"),
        (f"pulumi-cozmox @ {GIT}", "is not pinned"),
        (f"pulumi-cozmox @ {GIT}@", "is not pinned"),
        ("pulumi-cozmox @ https://x.org/pulumi_cozmox-0.2.0-py3-none-any.whl", "is not pinned"),
        (f"pulumi-cozmos @ {GIT}@v0.2.0", "is not pulumi-cozmox"),
        ("@@@", "is not a requirement"),
    ],
)
def test_bare_names_and_unpinned_urls_are_refused(spec: str, why: str) -> None:
    with pytest.raises(RequirementError, match=why):
        pinned_requirement(spec)


def test_the_default_is_the_pinned_reference_this_version_was_installed_from() -> None:
    tag = {
        "url": "file:///srv/pkg",
        "vcs_info": {"vcs": "git", "requested_revision": "v0.3.0", "commit_id": "3f2a" * 10},
    }
    assert default_requirement(tag) == "pulumi-cozmox @ git+file:///srv/pkg@v0.3.0"
    # A branch moves: the commit it was installed at is the pin.
    branch = {**tag, "vcs_info": {**tag["vcs_info"], "requested_revision": "main"}}  # type: ignore[dict-item]
    assert default_requirement(branch) == f"pulumi-cozmox @ git+file:///srv/pkg@{'3f2a' * 10}"
    wheel = {"url": "https://x.org/p.whl", "archive_info": {"hashes": {"sha256": "ab12"}}}
    assert default_requirement(wheel) == "pulumi-cozmox @ https://x.org/p.whl#sha256=ab12"


def test_a_local_install_defaults_to_the_release_tag_of_its_version() -> None:
    """A checkout installed with `pip install .` (or a local wheel) is no reference another
    machine can use: the default is the repository's tag of this version."""
    local = {"url": "file:///work/pulumi-cozmox", "dir_info": {}}
    assert default_requirement(local) == (
        "pulumi-cozmox @ git+https://github.com/cozmox/pulumi-cozmox@v0.3.0"
    )
    local_wheel = {"url": "file:///tmp/p.whl", "archive_info": {"hashes": {"sha256": "ab"}}}
    assert default_requirement(local_wheel).endswith("@v0.3.0")


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--virtualenv", "/home/me/venv"], "give a path relative to the project"),
        (["--requirement", "pulumi-cozmox"], "a bare name is installed from whatever index"),
    ],
)
def test_export_refuses_what_would_tie_the_project_to_a_machine_or_an_index(
    args: list[str], said: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    """Refused before any request (the API URL here answers nothing) and before any write."""
    monkeypatch.setenv("COZMOX_API_KEY", "sk-unused")
    monkeypatch.setenv("COZMOX_BASE_URL", "http://127.0.0.1:9")
    out = tmp_path / "project"
    assert main(["export", "--out", str(out), *args]) == 1
    assert said in capsys.readouterr().err
    assert not out.exists()


def test_an_imported_projects_requirements_are_written_pinned_or_checked(tmp_path: Path) -> None:
    """`pulumi import` (the plugin) leaves what CI installs pinned, or says what to change."""
    said = check_requirements(tmp_path, sops=True)
    text = (tmp_path / "requirements.txt").read_text()
    assert said == f"cozmox: requirements.txt written: {text.splitlines()[-1]}"
    assert text.splitlines()[-1].startswith("pulumi-cozmox[sops] @ git+")
    assert check_requirements(tmp_path, sops=True) is None  # pinned: left alone
    (tmp_path / "requirements.txt").write_text("--find-links ../dist\npulumi-cozmox>=0.1\n")
    warned = check_requirements(tmp_path, sops=False)
    assert warned is not None and "without a pinned reference" in warned
    (tmp_path / "requirements.txt").write_text("pulumi>=3.216\n")
    warned = check_requirements(tmp_path, sops=False)
    assert warned is not None and "does not install pulumi-cozmox" in warned


@pytest.mark.parametrize("example", ["quickstart", "overrides", "csv"])
def test_the_examples_install_the_package_from_a_pinned_reference(example: str) -> None:
    folder = Path(__file__).resolve().parents[2] / "examples" / example
    assert check_requirements(folder, sops=False) is None
