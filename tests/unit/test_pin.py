"""The requirement an exported project installs pulumi-cozmox with: a pinned direct reference,
never a bare name (which any public index could answer: dependency confusion)."""

from __future__ import annotations

from importlib import metadata

import pytest

from pulumi_cozmox import __version__
from pulumi_cozmox.apps.pin import RequirementError, default_requirement, pinned_requirement

GIT = "git+https://github.com/acme/pulumi-cozmox"


def test_the_version_is_one_everywhere() -> None:
    assert __version__ == metadata.version("pulumi-cozmox") == "0.2.0"


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
        "vcs_info": {"vcs": "git", "requested_revision": "v0.2.0", "commit_id": "3f2a" * 10},
    }
    assert default_requirement(tag) == "pulumi-cozmox @ git+file:///srv/pkg@v0.2.0"
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
        "pulumi-cozmox @ git+https://github.com/cozmox/pulumi-cozmox@v0.2.0"
    )
    local_wheel = {"url": "file:///tmp/p.whl", "archive_info": {"hashes": {"sha256": "ab"}}}
    assert default_requirement(local_wheel).endswith("@v0.2.0")
