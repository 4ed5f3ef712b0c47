"""The session's guard against running old code: the tests import the package installed in
.venv, so a session stops when that copy is not the one in provider/ and schema/."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, SOURCES, installed_package, stale_install


@pytest.fixture
def copy(tmp_path: Path) -> tuple[Path, dict[str, Path]]:
    """A source tree and its install, as `make setup` lays them out (schema/ -> schemas/)."""
    sources = {"": tmp_path / "provider" / "pulumi_cozmox", "schemas": tmp_path / "schema"}
    for source in sources.values():
        (source / "sub").mkdir(parents=True)
        (source / "__init__.py").write_text("")
        (source / "sub" / "m.py").write_text("x = 1\n")
        (source / "data.json").write_text("{}")
    installed = tmp_path / "site" / "pulumi_cozmox"
    shutil.copytree(sources[""], installed)
    shutil.copytree(sources["schemas"], installed / "schemas")
    (installed / "sub" / "__pycache__").mkdir()
    (installed / "sub" / "__pycache__" / "m.cpython-311.pyc").write_bytes(b"\0")
    (sources[""] / "notes.txt~").write_text("an editor's backup: never installed")
    return installed, sources


def test_an_identical_install_passes(copy: tuple[Path, dict[str, Path]]) -> None:
    assert stale_install(*copy) is None


def test_an_edit_a_new_file_or_a_removed_one_is_named(
    copy: tuple[Path, dict[str, Path]],
) -> None:
    installed, sources = copy
    (sources[""] / "sub" / "m.py").write_text("x = 2\n")
    assert (
        stale_install(installed, sources)
        == "pulumi_cozmox/sub/m.py differs from its installed copy"
    )
    shutil.copy(sources[""] / "sub" / "m.py", installed / "sub" / "m.py")
    (sources["schemas"] / "new.json").write_text("[]")
    assert stale_install(installed, sources) == "schema/new.json is not installed"
    (sources["schemas"] / "new.json").unlink()
    (sources[""] / "data.json").unlink()
    assert stale_install(installed, sources) == "pulumi_cozmox/data.json is installed only"


def test_no_install_is_stale() -> None:
    assert stale_install(None) == "pulumi_cozmox is not installed"


def test_this_session_runs_the_installed_copy_of_the_sources() -> None:
    installed = installed_package()
    assert installed is not None and REPO / "provider" not in installed.parents
    assert stale_install(installed, SOURCES) is None


def test_a_stale_install_stops_the_session_saying_what_to_do(tmp_path: Path) -> None:
    # A copy of the tests run against an install made from other sources: the session stops
    # before the first test.
    (tmp_path / "tests").mkdir()
    shutil.copy(REPO / "tests" / "conftest.py", tmp_path / "tests" / "conftest.py")
    (tmp_path / "tests" / "__init__.py").write_text("")
    (tmp_path / "tests" / "test_never.py").write_text("def test_never():\n    assert False\n")
    (tmp_path / "provider" / "pulumi_cozmox").mkdir(parents=True)
    (tmp_path / "provider" / "pulumi_cozmox" / "__init__.py").write_text("edited = True\n")
    (tmp_path / "schema").mkdir()
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 3, done.stdout + done.stderr
    assert "run make setup" in done.stdout + done.stderr
    assert "test_never" not in done.stdout
