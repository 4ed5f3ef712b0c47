"""Drift that looks like no change (issue 31, case 5), through the real CLI: a campaign's name
edited in the dashboard by one trailing space. The nightly check's review shows the org's name
and the program's so that the space shows, and says what kind of difference it is."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.conftest import Emulator
from tests.e2e.conftest import CampaignStack
from tests.e2e.pulumi_cli import run_review

NAME = "Winter survey (TX+FL)"


def test_a_trailing_space_added_in_the_dashboard_shows(
    campaign_stack: Callable[..., CampaignStack], emulator: Emulator, tmp_path: Path
) -> None:
    stack = campaign_stack()
    stack.declare(
        survey={
            "name": NAME,
            "phone_number_id": "pn-1",
            "assistant_id": "asst-1",
            "customers": [{"number": "+14155550131"}],
            "schedule_plan": {"earliestAt": "2099-01-01T17:00:00Z"},
        }
    )
    stack.up()
    with emulator.api() as api:
        campaign = stack.outputs()["survey.id"]
        api.patch(f"/campaign/{campaign}", json={"name": NAME + " "}).raise_for_status()
    preview = stack.run("preview", "--refresh", "--expect-no-changes", "--json", check=False)
    assert preview.returncode != 0  # drift
    rendered = run_review(
        preview.stdout, tmp_path, "--drift", "--preview-exit", str(preview.returncode)
    )
    assert rendered.returncode == 1
    text = rendered.stdout
    # Drift, not a failure: the exit status is the drift's.
    assert "**Cozmox drift: 1 campaign differs from the program.**" in text, text
    # The org's name (with its space) -> the program's.
    assert (
        "| name | &quot;Winter survey (TX+FL)␣&quot; → &quot;Winter survey (TX+FL)&quot; "
        "(differs in spaces only) |" in text
    ), text
