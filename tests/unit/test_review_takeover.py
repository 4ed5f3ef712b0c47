"""`pulumi-cozmox review` of a takeover (issue 28, case 1; issue 31, case 4): the plan's create
takes over a campaign, and the comment says whom it still calls and when (from the provider's
record), or that it calls nobody (taken over and ended). Facts from the scenario: a scheduled
campaign of 3 San Francisco customers, 2099-01-14 17:00-20:00 UTC (09:00-12:00 there)."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any

from pulumi_cozmox.apps.review import review
from pulumi_cozmox.core.report.record import CampaignReport, ZoneFacts, to_record

NOW = datetime(2026, 11, 27, 10, 0, tzinfo=timezone.utc)
URN = "urn:pulumi:dev::reminders::pulumi-python:dynamic/cozmox:Campaign::main"
SCHEDULE = {"earliestAt": "2099-01-14T17:00:00Z", "latestAt": "2099-01-14T20:00:00Z"}


def takeover(record: CampaignReport) -> dict[str, Any]:
    """A preview whose one step creates ``main`` with adopt_id, and the provider's record."""
    inputs = {
        "adopt_id": "c-1",
        "name": "Renamed",
        "phone_number_id": "pn-1",
        "assistant_id": "asst-1",
        "customer_count": 3,
        "customers": "[secret]",
        "schedule_plan": SCHEDULE,
    }
    step = {"op": "create", "urn": URN, "newState": {"urn": URN, "inputs": inputs}}
    diagnostic = {"message": to_record(record) + "\n", "severity": "info#err"}
    return {"steps": [step], "diagnostics": [diagnostic], "changeSummary": {"create": 1}}


def test_a_scheduled_takeover_says_whom_it_still_calls_and_when() -> None:
    record = CampaignReport(
        "main",
        "adopt",
        reasons=("name",),
        campaign_id="c-1",
        status="scheduled",
        people=3,
        again=0,
        window_start=datetime(2099, 1, 14, 17, tzinfo=timezone.utc),
        window_end=datetime(2099, 1, 14, 20, tzinfo=timezone.utc),
        zones=(ZoneFacts("America/Los_Angeles", 3),),
    )
    text = review(takeover(record), now=NOW).markdown
    assert "**Cozmox: 1 campaign (1 adopted); calls 3 people, 0 of them again.**" in text
    assert "<b>main</b>: adopt c-1 (name) · calls 3 people, 0 again" in text
    assert "2099-01-14 17:00-20:00 UTC" in text
    assert "09:00-12:00" in text  # San Francisco's local window
    assert "calls nobody" not in text


def test_a_takeover_that_ends_the_campaign_calls_nobody() -> None:
    record = CampaignReport("main", "adopt", campaign_id="c-1", status="scheduled", people=0)
    text = review(takeover(record), now=NOW).markdown
    assert "**Cozmox: 1 campaign (1 adopted); calls nobody.**" in text
    assert "<b>main</b>: adopt c-1 · calls nobody" in text
    # No window: the plan's schedule is not shown as one it dials in.
    assert "2099-01-14 17:00" not in text, json.dumps(text)
