"""A failed preview is never a clean comment (issue 31, cases 1 and 2).

Built on tests/data/preview-review.json (see tests/unit/test_review.py for its scenario):
whatever failed, the comment says the preview failed, quotes the errors (masked), keeps what
the preview did judge, and `review` exits 1. The end-to-end proofs with the real CLI are in
tests/e2e/test_review_failed.py.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from pulumi_cozmox.apps.cli import main
from pulumi_cozmox.apps.review import review

DATA = Path(__file__).resolve().parent.parent / "data"
NOW = datetime(2026, 11, 27, 10, 0, tzinfo=timezone.utc)
YAML_ERROR = "Error: Property schedulePlna does not exist on 'cozmox:index:Campaign'"


@pytest.fixture
def preview() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA / "preview-review.json").read_text("utf-8"))
    return data


def test_a_language_hosts_error_on_its_stderr_fails_the_review(preview):
    # The YAML host's errors reach diagnostics as info#err lines, beside a plan that looks
    # whole (changeSummary has its creates): the JSON's only sign of the failure.
    preview["diagnostics"].append(
        {
            "message": f"{YAML_ERROR}\n  on Pulumi.yaml line 9\n\n",
            "severity": "info#err",
        }
    )
    result = review(preview, now=NOW)
    assert result.exit_code == 1
    text = result.markdown
    assert "**Cozmox: the preview failed.**" in text
    assert f"> {YAML_ERROR}\n>   on Pulumi.yaml line 9" in text
    assert "no campaign changes" not in text
    # What the preview judged stays: the plans and every warning.
    assert "**Judged before it stopped (not the whole plan): 6 campaigns" in text
    assert "<code>swap</code>: the campaign is **in-progress**" in text
    assert "<details><summary><b>fresh</b>: create" in text


def test_a_providers_refusal_is_quoted_once(preview):
    # The dynamic provider writes a refusal's words on stderr before raising it.
    words = 'resource "swap": customers[0]: 1 customer is on the do-not-call list'
    preview["diagnostics"] += [
        {"message": f"error: {words}\n", "severity": "info#err"},
        {"message": f"error: Exception: {words}\n", "severity": "error"},
    ]
    text = review(preview, now=NOW).markdown
    assert text.count("1 customer is on the do-not-call list") == 1


def test_a_failure_only_the_exit_status_shows_fails_the_review(preview):
    assert review(preview, now=NOW, preview_exit=0).exit_code == 0
    result = review(preview, now=NOW, preview_exit=255)
    assert result.exit_code == 1
    assert "`pulumi preview` exited 255, and its JSON output names no error" in result.markdown


def test_drift_explains_its_own_exit_status(preview):
    preview["diagnostics"].append(
        {
            "message": "error: no changes were expected but changes were proposed\n",
            "severity": "error",
        }
    )
    drift = review(preview, now=NOW, drift=True, preview_exit=255).markdown
    assert "preview failed" not in drift and "**Cozmox drift: 6 campaigns differ" in drift


def test_the_command_passes_the_preview_exit_on(tmp_path, capsys):
    quiet = tmp_path / "quiet.json"
    quiet.write_text(json.dumps({"steps": [], "diagnostics": []}))
    assert main(["review", str(quiet), "--preview-exit", "0", "--cwd", str(tmp_path)]) == 0
    assert "no campaign changes" in capsys.readouterr().out
    assert main(["review", str(quiet), "--preview-exit", "1", "--cwd", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "the preview failed" in out and "no campaign changes" not in out


def test_drift_changes_explain_the_exit_status_without_any_error(preview):
    # CLI 3.274.1 exits 7 on --expect-no-changes with changes, and its JSON names no error.
    drift = review(preview, now=NOW, drift=True, preview_exit=7)
    assert drift.exit_code == 1 and "**Cozmox drift: 6 campaigns differ" in drift.markdown
    quiet = {"steps": [{"op": "same", "urn": "urn:pulumi:dev::p::pulumi:pulumi:Stack::p-dev"}]}
    failed = review(quiet, now=NOW, drift=True, preview_exit=7).markdown
    assert "**Cozmox: the drift check's preview failed.**" in failed
