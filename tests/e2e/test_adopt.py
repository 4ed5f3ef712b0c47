"""Taking over a campaign that already exists, by id (`adopt_id`): no POST, what differs is
PATCHed, and from then on it is managed like any other."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Emulator
from tests.e2e.conftest import CampaignStack, both_doors, through
from tests.e2e.pulumi_cli import PulumiFailed, run_review

CUSTOMERS = [{"number": "+14155550101", "name": "Ada"}, {"number": "+14155550102"}]


def existing_campaign(emulator: Emulator) -> dict[str, Any]:
    body = {
        "name": "Made in the dashboard",
        "phoneNumberId": "pn-1",
        "assistantId": "asst-1",
        "customers": CUSTOMERS,
        "schedulePlan": {"earliestAt": "2099-01-01T17:00:00Z"},
    }
    with emulator.api() as api:
        response = api.post("/campaign", json=body)
        response.raise_for_status()
        return dict(response.json())


def declared(campaign_id: str, **overrides: Any) -> dict[str, Any]:
    return {
        "name": "Managed by Pulumi",
        "phone_number_id": "pn-1",
        "assistant_id": "asst-1",
        "customers": CUSTOMERS,
        "schedule_plan": {"earliestAt": "2099-01-01T17:00:00Z"},
        "adopt_id": campaign_id,
        **overrides,
    }


@both_doors
def test_adopt_patches_what_differs_and_never_posts(
    campaign_stack: Callable[..., CampaignStack], emulator: Emulator
) -> None:
    existing = existing_campaign(emulator)
    stack = campaign_stack()
    stack.declare(main=declared(existing["id"]))
    emulator.control.delete("requests").raise_for_status()
    stack.up()
    requests = [(e["method"], e["path"]) for e in emulator.control.get("requests").json()]
    # check reads it and what it names (what preview shows, up does), create reads it again
    # and patches it (what it names is not read again in the same run).
    assert requests == [
        ("GET", f"/campaign/{existing['id']}"),
        ("GET", "/assistant/asst-1"),
        ("GET", "/phone-number/pn-1"),
        ("GET", f"/campaign/{existing['id']}"),
        ("PATCH", f"/campaign/{existing['id']}"),
    ]
    assert stack.outputs()["main.id"] == existing["id"]
    with emulator.api() as api:
        assert api.get(f"/campaign/{existing['id']}").json()["name"] == "Managed by Pulumi"
    assert stack.preview_json()["changeSummary"] == {"same": 2}

    stack.destroy()
    with emulator.api() as api:
        assert api.get(f"/campaign/{existing['id']}").status_code == 404


# The refusal is the core's: one door (each door's adoptId above).
@through("yaml")
def test_adopt_with_other_customers_is_refused_and_creates_nothing(
    campaign_stack: Callable[..., CampaignStack], emulator: Emulator
) -> None:
    existing = existing_campaign(emulator)
    stack = campaign_stack()
    stack.declare(main=declared(existing["id"], customers=[{"number": "+14155550199"}]))
    with pytest.raises(PulumiFailed) as failed:
        stack.up()
    assert "customers differ" in failed.value.stdout + failed.value.stderr
    with emulator.api() as api:
        listed = api.get("/campaign").json()["results"]
    assert [c["id"] for c in listed] == [existing["id"]]
    assert listed[0]["name"] == "Made in the dashboard"


# The report lines and the review are the core's: one door (each door prints report lines in
# test_calling_rules.py::test_ended_true_stops_a_dialing_campaign_with_one_patch).
@through("python")
def test_an_adoption_reads_as_one_in_preview_and_review(
    campaign_stack: Callable[..., CampaignStack], emulator: Emulator, tmp_path: Path
) -> None:
    existing = existing_campaign(emulator)
    stack = campaign_stack()
    stack.declare(main=declared(existing["id"]))
    preview = stack.run("preview")
    said = preview.stdout + preview.stderr
    assert f"cozmox: main: adopt (name changed); campaign {existing['id']}" in said
    assert "cozmox: main: calls nobody" in said
    assert "cozmox: main: create" not in said
    reviewed = run_review(stack.run("preview", "--json").stdout, tmp_path)
    assert reviewed.returncode == 0, reviewed.stderr
    markdown = reviewed.stdout
    assert "**Cozmox: 1 campaign (1 adopted); calls nobody.**" in markdown
    assert f"<b>main</b>: adopt {existing['id']} (name) · calls nobody" in markdown
