"""The first hour (issue 17): messages and reviews that say exactly what happened, each checked
against the scenario a newcomer meets."""

from __future__ import annotations

import copy
import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from pulumi_cozmox.apps.review import review, without_traceback
from pulumi_cozmox.core.model.customers import encode_customers
from pulumi_cozmox.core.report.record import CampaignReport, Counters, from_record, to_record
from pulumi_cozmox.core.report.text import to_lines
from pulumi_cozmox.provider import CampaignProvider

DATA = Path(__file__).resolve().parent.parent / "data"
NOW = datetime(2026, 11, 27, 10, 0, tzinfo=timezone.utc)
CUSTOMERS = [{"number": "+14155550101"}, {"number": "+14155550102"}]


def props(**overrides: Any) -> dict[str, Any]:
    return {
        "name": "Unit",
        "phone_number_id": "pn-1",
        "assistant_id": "asst-1",
        "workflow_id": None,
        "schedule_plan": {"earliestAt": "2099-01-01T17:00:00Z"},
        "customers": encode_customers(CUSTOMERS),
        "customer_count": 2,
        **overrides,
    }


# 1. Names as the program wrote them ----------------------------------------------------------


def test_top_level_names_are_the_programs_nested_ones_the_apis() -> None:
    both = CampaignProvider().check({}, props(workflow_id="wf-1")).failures
    assert [(f.property, f.reason) for f in both] == [
        ("workflow_id", "assistant_id and workflow_id cannot both be set: give one of them")
    ]
    late = {"earliestAt": "2099-01-02T17:00:00Z", "latestAt": "2099-01-01T17:00:00Z"}
    [failure] = CampaignProvider().check({}, props(schedule_plan=late)).failures
    assert failure.property == "schedule_plan.latestAt"
    assert failure.reason.startswith("must be after schedule_plan.earliestAt")
    assert "schedulePlan" not in failure.reason
    # A nested key keeps the API's name (it is the program's own dict key).
    odd = encode_customers(
        [{"number": "+14155550101", "assistantOverrides": {"voicemailDetection": 1}}]
    )
    [nested] = CampaignProvider().check({}, props(customers=odd)).failures
    assert nested.property.startswith("customers[0].assistantOverrides.voicemailDetection")


# 2. One mistake, one error -------------------------------------------------------------------


def test_a_typo_in_the_schedule_is_one_error() -> None:
    typo = {"earliestAT": "2030-03-04T09:00:00Z"}  # 01:00 in San Francisco, had it been read
    failures = CampaignProvider().check({}, props(schedule_plan=typo)).failures
    assert [(f.property, f.reason) for f in failures] == [
        ("schedule_plan.earliestAT", 'unknown property "earliestAT"; did you mean "earliestAt"?')
    ]
    # Spelt right, the same window is refused for its hours: that rule was left out, not lost.
    right = CampaignProvider().check(
        {}, props(schedule_plan={"earliestAt": "2030-03-04T09:00:00Z"})
    )
    assert "schedule_plan" in [f.property for f in right.failures]


# 4. Counts agree -----------------------------------------------------------------------------


def test_the_redial_refusal_counts_as_the_report_does(capsys: pytest.CaptureFixture[str]) -> None:
    # The campaign ended with customers 01 and 02; the new list keeps 01 and adds 03.
    olds = {**props(), "status": "ended", "resource_name": "series"}
    new_customers = [{"number": "+14155550101"}, {"number": "+14155550103"}]
    news = props(
        customers=encode_customers(new_customers), customer_count=2, resource_name="series"
    )
    with pytest.raises(Exception) as refused:
        CampaignProvider().diff("c-1", olds, news)
    assert "the replacement would call 2 people, 1 of them again" in str(refused.value)
    lines = capsys.readouterr().err
    assert "cozmox: series: calls 2 people (1 again)" in lines


# 6. An ended campaign's counters read as history ---------------------------------------------


def test_an_ended_campaigns_counters_say_how_many_ended() -> None:
    ended = CampaignReport(
        "done",
        "delete",
        campaign_id="c-1",
        status="ended",
        counters=Counters(scheduled=50, ended=50, voicemail=5),
        people=0,
        again=0,
    )
    lines = to_lines(ended)
    assert (
        "cozmox: done: status ended; calls so far: 50 of 50 calls ended (5 to voicemail)" in lines
    )
    assert from_record(to_record(ended)) == ended
    cut = CampaignReport("cut", "update", status="ended", counters=Counters(20, 0, 2, 0, 18))
    assert (
        "status ended; calls so far: 18 of 20 calls ended, 2 in progress finish" in to_lines(cut)[1]
    )
    assert from_record(to_record(cut)) == cut
    dialing = CampaignReport(
        "busy", "update", status="in-progress", counters=Counters(3, 0, 1, 0, 2)
    )
    assert "3 scheduled, 0 queued, 1 in progress, 0 voicemail, 2 ended" in to_lines(dialing)[1]


# 8. A failed preview's review quotes the error, not the traceback ------------------------------

TRACEBACK = (
    "error: Exception calling application: Traceback (most recent call last):\n"
    '  File "/venv/lib/python3.11/site-packages/pulumi/dynamic/__main__.py", line 210, in Diff\n'
    '    result = provider.diff(olds["__provider"], olds, news)\n'
    '  File "/venv/lib/python3.11/site-packages/pulumi_cozmox/provider.py", line 512, in diff\n'
    "    self._refuse(reason)\n"
    'Exception: campaign c-1 (resource "swap"): changing customers requires replacing the '
    "campaign, which has ended\n"
)


def test_a_failed_previews_review_quotes_only_the_error() -> None:
    assert without_traceback(TRACEBACK) == (
        'error: Exception calling application: campaign c-1 (resource "swap"): changing '
        "customers requires replacing the campaign, which has ended"
    )
    document = {"steps": [], "diagnostics": [{"message": TRACEBACK, "severity": "error"}]}
    result = review(document, now=NOW)
    assert result.exit_code == 1
    assert "changing customers requires replacing the campaign" in result.markdown
    assert "Traceback" not in result.markdown and "File " not in result.markdown


# 9. Large changes stay readable --------------------------------------------------------------


def test_many_alike_campaigns_are_one_group_in_natural_order() -> None:
    fixture = json.loads((DATA / "preview-review.json").read_text(encoding="utf-8"))
    base = next(s for s in fixture["steps"] if s["urn"].endswith("::new-name"))
    steps = []
    for i in range(300):
        step = copy.deepcopy(base)
        step["urn"] = base["urn"].replace("::new-name", f"::c{i}")
        steps.append(step)
    # Each create judged by the provider: its record.
    records = "\n".join(
        f'cozmox-report: {{"version":1,"resource":"c{i}","action":"create"}}' for i in range(300)
    )
    document = {"steps": steps, "diagnostics": [{"message": records, "severity": "info#err"}]}
    markdown = review(document, now=NOW).markdown
    assert "**Cozmox: 300 campaigns (300 created); calls 600 people, 0 of them again.**" in markdown
    assert markdown.count("<details>") == 1
    assert "<b>300 created</b>: 2 people each, 2030-03-04 17:00-23:00 UTC" in markdown
    names = markdown.split("| campaigns | ", 1)[1].split(" |", 1)[0].split(", ")
    assert names[:4] == ["c0", "c1", "c2", "c3"] and names[10] == "c10" and len(names) == 300
    # Every warning kept: a group's warning names its members.
    opened = copy.deepcopy(document)
    for step in opened["steps"]:
        step["newState"]["inputs"]["schedule_plan"] = None
    warned = review(opened, now=NOW).markdown
    assert (
        "<code>c0</code>, <code>c1</code>, <code>c2</code>, <code>c3</code>, <code>c4</code>"
        " and 295 more: the window is already open" in warned
    )
