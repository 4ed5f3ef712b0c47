"""Drift and opt-ins (issue 14), through the real CLI: a dashboard edit that adds a field is drift
(refresh shows it, preview plans the restoring PATCH or the refusal the status calls for, up
restores it); adopt_id refuses a campaign whose customers differ in any field; an opt-in named
by campaign id allows exactly that campaign's re-dial; customers must be callable; the nightly
drift check fails on drift and its review says so."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from tests.conftest import Emulator
from tests.e2e.conftest import CampaignStack, both_doors, through
from tests.e2e.pulumi_cli import run_review

NUMBERS = ["+14155550101", "+14155550102"]
START = "2099-01-05T17:00:00Z"


def args(**overrides: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "name": "Reminders",
        "phone_number_id": "pn-1",
        "assistant_id": "asst-1",
        "customers": [{"number": n} for n in NUMBERS],
        "schedule_plan": {"earliestAt": START},
    }
    return {**base, **overrides}


def journal(emulator: Emulator) -> list[tuple[str, str]]:
    return [(e["method"], e["path"]) for e in emulator.control.get("requests").json()]


def stored(emulator: Emulator, campaign_id: str) -> dict[str, Any]:
    with emulator.api() as api:
        response = api.get(f"/campaign/{campaign_id}")
        response.raise_for_status()
        return dict(response.json())


def patch(emulator: Emulator, campaign_id: str, body: dict[str, Any]) -> None:
    """An edit in the dashboard."""
    with emulator.api() as api:
        api.patch(f"/campaign/{campaign_id}", json=body).raise_for_status()


def dial(emulator: Emulator) -> None:
    """Stop the emulator's clock a second past the window's start: the campaign dials (its
    counters stay put until the test moves the clock)."""
    start = datetime.fromisoformat(START.replace("Z", "+00:00"))
    emulator.clock(freeze=True, set=(start + timedelta(seconds=1)).isoformat())


# Drift is the core's comparison: one door. Each door's refresh resets the inputs that the next
# diff compares (the translation) in test_drift_on_a_dialing_campaign_is_refused_as_its_status_
# calls_for; each door's PATCH in test_calling_rules.py::test_ended_true_stops_a_dialing_
# campaign_with_one_patch.
@through("python")
def test_a_field_added_in_the_dashboard_is_drift_and_up_restores_it(
    campaign_stack: Callable[..., CampaignStack], emulator: Emulator
) -> None:
    stack = campaign_stack()
    stack.declare(reminders=args())
    stack.up()
    cid = stack.outputs()["reminders.id"]
    # 03:00Z is 22:00 in New York: someone lengthened the window past calling hours.
    patch(
        emulator, cid, {"schedulePlan": {"earliestAt": START, "latestAt": "2099-01-06T03:00:00Z"}}
    )
    refresh = stack.run("refresh", "--yes", "--diff")
    assert "latestAt" in refresh.stdout and "1 updated" in refresh.stdout
    assert stack.preview_json()["changeSummary"] == {"same": 1, "update": 1}
    emulator.control.delete("requests").raise_for_status()
    stack.up()
    # schedulePlan may change only while scheduled: its live status first, then the PATCH.
    assert journal(emulator) == [("GET", f"/campaign/{cid}"), ("PATCH", f"/campaign/{cid}")]
    assert stored(emulator, cid)["schedulePlan"] == {"earliestAt": START}
    assert stack.preview_json()["changeSummary"] == {"same": 2}


@both_doors
def test_drift_on_a_dialing_campaign_is_refused_as_its_status_calls_for(
    campaign_stack: Callable[..., CampaignStack], emulator: Emulator
) -> None:
    stack = campaign_stack()
    stack.declare(reminders=args())
    stack.up()
    cid = stack.outputs()["reminders.id"]
    patch(
        emulator, cid, {"schedulePlan": {"earliestAt": START, "latestAt": "2099-01-06T03:00:00Z"}}
    )
    dial(emulator)
    stack.run("refresh", "--yes", "--skip-preview")
    refused = stack.run("preview", check=False)
    said = refused.stdout + refused.stderr
    assert refused.returncode != 0
    field = stack.program_path("schedule_plan")
    assert f"cannot change {field} of a campaign that is in-progress" in said
    assert stack.opt_in("allow_redial", cid) in said


# The comparison of customers is the core's: one door (adoptId is translated in test_adopt.py,
# through both).
@through("yaml")
def test_adopt_refuses_a_campaign_whose_customers_differ_in_any_field(
    campaign_stack: Callable[..., CampaignStack], emulator: Emulator
) -> None:
    with emulator.api() as api:
        made = api.post(
            "/campaign",
            json={
                "name": "Made in the dashboard",
                "phoneNumberId": "pn-1",
                "assistantId": "asst-1",
                "schedulePlan": {"earliestAt": START},
                "customers": [
                    {"number": NUMBERS[0]},
                    {"number": NUMBERS[1], "email": "grace@example.com"},
                ],
            },
        ).json()
    stack = campaign_stack()
    stack.declare(reminders=args(adopt_id=made["id"]))
    emulator.control.delete("requests").raise_for_status()
    refused = stack.run("preview", check=False)
    said = refused.stdout + refused.stderr
    assert refused.returncode != 0
    assert "customers differ from the declared ones at customers[1].email" in said
    assert "grace@example.com" not in said
    # The campaign it would take over, and what it names (a takeover reads each once).
    assert journal(emulator) == [
        ("GET", f"/campaign/{made['id']}"),
        ("GET", "/assistant/asst-1"),
        ("GET", "/phone-number/pn-1"),
    ]
    up = stack.run("up", "--yes", "--skip-preview", check=False)
    assert up.returncode != 0
    assert {m for m, _ in journal(emulator)} == {"GET"}  # neither PATCH nor POST
    # Declared exactly, it is taken over with GETs only and a PATCH of the name.
    customers = [{"number": NUMBERS[0]}, {"number": NUMBERS[1], "email": "grace@example.com"}]
    stack.declare(reminders=args(adopt_id=made["id"], customers=customers))
    stack.up()
    assert stack.outputs()["reminders.id"] == made["id"]
    assert stack.preview_json()["changeSummary"] == {"same": 2}


@both_doors
def test_an_opt_in_by_id_allows_that_one_redial_only(
    campaign_stack: Callable[..., CampaignStack], emulator: Emulator
) -> None:
    stack = campaign_stack()
    stack.declare(reminders=args())
    stack.up()
    first = stack.outputs()["reminders.id"]
    dial(emulator)
    fewer = [{"number": NUMBERS[0]}]
    stack.declare(reminders=args(customers=fewer))
    refused = stack.run("preview", check=False)
    assert refused.returncode != 0
    said = refused.stdout + refused.stderr
    assert f"set {stack.opt_in('allow_redial', first)} on the resource" in said
    # The exact line the refusal gives: replaced (the old one ended and kept, a new one created).
    stack.declare(reminders=args(customers=fewer, allow_redial=first))
    stack.up()
    second = stack.outputs()["reminders.id"]
    assert second != first
    # The same line allows nothing more: the next re-dialing change is refused again (the
    # new campaign's window is open: it dials at once).
    dial(emulator)
    stack.declare(reminders=args(customers=[{"number": NUMBERS[1]}], allow_redial=first))
    again = stack.run("preview", check=False)
    said = again.stdout + again.stderr
    assert again.returncode != 0 and f"set {stack.opt_in('allow_redial', second)}" in said
    # True keeps working, and every preview in which it stands says so.
    stack.declare(reminders=args(customers=[{"number": NUMBERS[1]}], allow_redial=True))
    previewed = stack.preview_json()
    standing = [d["message"] for d in previewed["diagnostics"] if "standing opt-in" in d["message"]]
    assert len(standing) == 1  # one line for the resource, in a preview of two checks
    opt_in = stack.opt_in("allow_redial", True)
    assert f"cozmox: reminders: standing opt-in ({opt_in}:" in standing[0]
    # The review lists it among the standing opt-ins, by resource.
    reviewed = run_review(json.dumps(previewed), stack.workdir)
    assert reviewed.returncode == 0, reviewed.stderr
    [listed] = [ln for ln in reviewed.stdout.splitlines() if ln.startswith("**Standing opt-ins**")]
    assert f"<code>reminders</code>: {stack.opt_in('allow_redial', True)}." in listed
    assert f"({stack.opt_in('allow_redial', '<campaign id>')})." in listed


# A rule of the core: one door (each door's check failures name paths in test_safety.py::
# test_bad_input_fails_preview_with_its_path_and_sends_nothing).
@through("yaml")
def test_customers_must_be_callable(
    campaign_stack: Callable[..., CampaignStack], emulator: Emulator
) -> None:
    stack = campaign_stack()
    stack.declare(reminders=args(customers=[{"number": NUMBERS[0]}, {"name": "Grace"}]))
    refused = stack.run("preview", check=False)
    said = refused.stdout + refused.stderr
    assert refused.returncode != 0
    assert "customers[1]" in said and "has neither number nor sipUri" in said
    stack.declare(reminders=args(customers=[]))
    refused = stack.run("preview", check=False)
    assert "needs at least one customer" in refused.stdout + refused.stderr
    assert emulator.control.get("requests").json() == []


# --- the nightly drift check (examples/github-actions/drift.yml) -------------------------------


def review(preview: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    return run_review(preview, tmp_path, "--drift")


# What the review makes of a drift: one door (the YAML door's drift check in test_the_drift_
# check_catches_a_person_who_opted_out_before_the_campaign_dials).
@through("python")
def test_the_drift_check_fails_on_drift_and_its_review_says_what_drifted(
    campaign_stack: Callable[..., CampaignStack], emulator: Emulator, tmp_path: Path
) -> None:
    stack = campaign_stack()
    stack.declare(
        reminders=args(), other=args(schedule_plan={"earliestAt": "2099-02-05T17:00:00Z"})
    )
    stack.up()
    # What the workflow runs, every night, per stack.
    command = ("preview", "--refresh", "--expect-no-changes", "--json")
    clean = stack.run(*command)
    assert json.loads(clean.stdout)["changeSummary"] == {"same": 3}
    cid = stack.outputs()["reminders.id"]
    patch(emulator, cid, {"name": "Renamed in the dashboard"})
    drifted = stack.run(*command, check=False)
    assert drifted.returncode != 0
    rendered = review(drifted.stdout, tmp_path)
    assert rendered.returncode == 1  # drift: the job fails, and posts the review as an issue
    text = rendered.stdout
    assert "<!-- cozmox-drift -->" in text.splitlines()[0]
    assert "**Cozmox drift: 1 campaign differs from the program.**" in text
    assert "<b>reminders</b>: update (name)" in text
    assert "as of" in text  # its status comes from the recorded state


@both_doors
def test_the_drift_check_catches_a_person_who_opted_out_before_the_campaign_dials(
    campaign_stack: Callable[..., CampaignStack], emulator: Emulator, tmp_path: Path
) -> None:
    # Monday: the second customer asks not to be called; the campaign dials on Friday. Nothing
    # in the program changed, yet the nightly check must fail, and its issue must say why.
    stack = campaign_stack()
    listed = stack.workdir / "do-not-call.txt"
    listed.write_text("# opted out\n")
    stack.configure({"cozmox:doNotCall": "do-not-call.txt"})
    stack.declare(reminders=args())
    stack.up()
    command = ("preview", "--refresh", "--expect-no-changes", "--json")
    assert json.loads(stack.run(*command).stdout)["changeSummary"] == {"same": 2}
    listed.write_text(f"# opted out\n{NUMBERS[1]}\n")
    emulator.control.delete("requests").raise_for_status()
    caught = stack.run(*command, check=False)
    assert caught.returncode != 0
    # The way out, as this door spells it.
    said = caught.stdout + caught.stderr
    assert f"or stop the campaign: set {stack.opt_in('ended', True)} on the resource" in said
    rendered = review(caught.stdout, tmp_path)
    assert rendered.returncode == 1  # the job fails and posts the review as an issue
    text = rendered.stdout
    assert "<!-- cozmox-drift -->" in text.splitlines()[0]
    assert "customers[1]" in text and "on the do-not-call list" in text
    assert "Traceback" not in text
    assert NUMBERS[1] not in text and NUMBERS[1][2:] not in text
    # It read (the refresh, the live status) and wrote nothing.
    assert {method for method, _ in journal(emulator)} == {"GET"}
