"""Calling rules as code and a reviewed stop (issue 15), through the real CLI: a calling policy
with regional rules over customers in several states and countries, `ended=True` on a dialing
campaign (the emulator's counters show the calls it cut), a destroy that ends first, and the
warning after a create the API trimmed."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

from tests.conftest import Emulator
from tests.e2e.conftest import CampaignStack, both_doors, through
from tests.e2e.pulumi_cli import run_review

FLORIDA, NEW_YORK, CALIFORNIA = "+13055550100", "+12125550100", "+14155550100"
LONDON, TORONTO = "+442079460958", "+14165550100"
POLICY = """
hours = "08:00-21:00"
blackout_dates = ["2099-12-25"]

[regions.US-FL]
hours = "08:00-20:00"

[regions.GB]
hours = "09:00-20:00"
days = "Mon-Sat"
"""


def campaign(numbers: list[str], start: str, end: str, **options: Any) -> dict[str, Any]:
    return {
        "name": "Regional reminders",
        "phone_number_id": "pn-1",
        "assistant_id": "asst-1",
        "customers": [{"number": n} for n in numbers],
        "schedule_plan": {"earliestAt": start, "latestAt": end},
        **options,
    }


def lines(result: subprocess.CompletedProcess[str]) -> list[str]:
    text = result.stdout + result.stderr
    return sorted({ln.strip() for ln in text.splitlines() if ln.strip().startswith("cozmox:")})


def journal(emulator: Emulator) -> list[tuple[str, str]]:
    return [(e["method"], e["path"]) for e in emulator.control.get("requests").json()]


def statuses_listed(emulator: Emulator) -> list[str | None]:
    """The status each request asked the API for (a listing's; None for anything else), in
    the order they arrived."""
    entries = sorted(emulator.control.get("requests").json(), key=lambda e: e["arrived"])
    listed = [dict(parse_qsl(e["query"])).get("status") for e in entries]
    return [s if e["path"] == "/campaign" else None for s, e in zip(listed, entries, strict=True)]


def review(preview: str, tmp_path: Path) -> str:
    done = run_review(preview, tmp_path)
    assert done.returncode == 0, done.stderr
    return done.stdout


# The policy's rules are the core's: one door (each door reads cozmox:callingPolicy in
# test_a_bad_policy_file_is_named_with_its_key, and prints report lines in test_ended_true_
# stops_a_dialing_campaign_with_one_patch).
@through("python")
def test_a_policy_judges_each_customer_by_its_region(
    campaign_stack: Callable[..., CampaignStack], emulator: Emulator, tmp_path: Path
) -> None:
    stack = campaign_stack()
    (stack.workdir / "calling.toml").write_text(POLICY)
    stack.configure({"cozmox:callingPolicy": "calling.toml"})
    everyone = [FLORIDA, NEW_YORK, CALIFORNIA, LONDON, TORONTO]
    # Wednesday 2099-01-07 20:15-20:30 UTC: 15:15 in Miami and New York, 12:15 in San Francisco,
    # 20:15 in London (past GB's 20:00).
    stack.declare(regional=campaign(everyone, "2099-01-07T20:15:00Z", "2099-01-07T20:30:00Z"))
    refused = stack.run("preview", check=False)
    said = refused.stdout + refused.stderr
    assert refused.returncode != 0
    assert "outside the calling policy (calling.toml) in their region" in said
    assert "Europe/London (1; GB 09:00-20:00 Mon-Sat: after 20:00)" in said
    assert (
        "would call 1 customer outside the calling policy (calling.toml) in their region "
        "(customers[3])" in said
    )
    assert all(n not in said and n[2:] not in said for n in everyone)

    # 19:30 UTC: 14:30 on the US east coast, 11:30 in San Francisco, 19:30 in London: allowed,
    # and the lines name the rule applied in each zone.
    stack.declare(regional=campaign(everyone, "2099-01-07T19:30:00Z", "2099-01-07T19:45:00Z"))
    preview = stack.run("preview")
    [calls] = [ln for ln in lines(preview) if ln.startswith("cozmox: regional: calls")]
    assert "America/New_York 14:30-14:45 (1 person, US-FL 08:00-20:00)" in calls
    assert "America/New_York 14:30-14:45 (1 person, 08:00-21:00)" in calls
    assert "Europe/London 19:30-19:45 (1 person, GB 09:00-20:00 Mon-Sat)" in calls
    assert "America/Toronto 14:30-14:45 (1 person, 08:00-21:00)" in calls
    markdown = review(stack.run("preview", "--json").stdout, tmp_path)
    # Each zone's row names the region whose rule applies there (issue 23): New York is two
    # rows, one per rule, told apart by their regions.
    assert "| Europe/London (GB) | 19:30-19:45 (1 person, GB 09:00-20:00 Mon-Sat) |" in markdown
    assert "| America/New_York (US-FL) | 14:30-14:45 (1 person, US-FL 08:00-20:00) |" in markdown
    assert "| America/New_York (default rule) | 14:30-14:45 (1 person, 08:00-21:00) |" in markdown

    # Sunday in London: refused by day; 2099-12-25 anywhere: refused by date.
    emulator.control.delete("requests").raise_for_status()
    stack.declare(regional=campaign([LONDON], "2099-01-04T10:00:00Z", "2099-01-04T11:00:00Z"))
    sunday = stack.run("preview", check=False)
    assert sunday.returncode != 0 and "GB 09:00-20:00 Mon-Sat: on Sun" in sunday.stdout
    stack.declare(regional=campaign([CALIFORNIA], "2099-12-25T18:00:00Z", "2099-12-25T19:00:00Z"))
    christmas = stack.run("preview", check=False)
    assert christmas.returncode != 0
    assert "08:00-21:00: on 2099-12-25 (blackout date)" in christmas.stdout
    assert "outside the calling policy (calling.toml) in their region (customers[0])" in (
        christmas.stdout
    )
    # Refused before anything is sent: each preview's one read of the org and one of each
    # object the campaign names (its assistant, its phone number), nothing else.
    written = [e for e in emulator.control.get("requests").json() if e["method"] != "GET"]
    assert written == []
    assert statuses_listed(emulator) == ["scheduled", "in-progress", "ended", None, None] * 2
    paths = [e["path"] for e in emulator.control.get("requests").json()]
    named = [p for p in paths if p != "/campaign"]
    assert named == ["/assistant/asst-1", "/phone-number/pn-1"] * 2


@both_doors
def test_a_bad_policy_file_is_named_with_its_key(
    campaign_stack: Callable[..., CampaignStack], emulator: Emulator
) -> None:
    stack = campaign_stack()
    (stack.workdir / "calling.toml").write_text('[regions.US-XX]\nhours = "08:00-20:00"\n')
    stack.configure({"cozmox:callingPolicy": "calling.toml"})
    stack.declare(regional=campaign([FLORIDA], "2099-01-07T19:30:00Z", "2099-01-07T19:45:00Z"))
    refused = stack.run("preview", check=False)
    assert refused.returncode != 0
    assert "cozmox:callingPolicy file calling.toml: regions.US-XX: not a region" in refused.stdout


def dial_for(emulator: Emulator, start: str, seconds: float) -> None:
    """Stop the emulator's clock ``seconds`` after ``start``: the counters two commands read
    are the same however long the machine takes between them."""
    begin = datetime.fromisoformat(start.replace("Z", "+00:00"))
    emulator.clock(freeze=True, set=(begin + timedelta(seconds=seconds)).isoformat())


@both_doors
def test_ended_true_stops_a_dialing_campaign_with_one_patch(
    campaign_stack: Callable[..., CampaignStack], emulator: Emulator, tmp_path: Path
) -> None:
    start = "2099-01-07T17:00:00Z"
    numbers = [f"+1415555{i:04d}" for i in range(25)]
    stack = campaign_stack()
    # ended=True on a campaign that does not exist yet would create a campaign that dials.
    stack.declare(stop=campaign(numbers, start, "2099-01-07T20:00:00Z", ended=True))
    refused = stack.run("preview", check=False)
    assert refused.returncode != 0 and "does not exist yet: creating it would dial" in (
        refused.stdout + refused.stderr
    )
    stack.declare(stop=campaign(numbers, start, "2099-01-07T20:00:00Z"))
    stack.up()
    cid = stack.outputs()["stop.id"]
    # 90 s into the window, 10 calls a minute of 60 s each: 10 ended, 10 in progress, 5 waiting.
    dial_for(emulator, start, 90)
    stack.declare(stop=campaign(numbers, start, "2099-01-07T20:00:00Z", ended=True))
    preview = stack.run("preview")
    assert "cozmox: stop: ends it: 5 calls not placed, 10 in progress finish" in lines(preview)
    markdown = review(stack.run("preview", "--json").stdout, tmp_path)
    assert "**5 calls are not placed**, 10 in progress finish" in markdown
    emulator.control.delete("requests").raise_for_status()
    stack.up()
    patches = [e for e in emulator.control.get("requests").json() if e["method"] == "PATCH"]
    assert [p["path"] for p in patches] == [f"/campaign/{cid}"]
    assert {m for m, _ in journal(emulator)} == {"GET", "PATCH"}
    assert stack.outputs()["stop.status"] == "ended"
    with emulator.api() as api:
        stored = api.get(f"/campaign/{cid}").json()
    assert (
        stored["status"] == "ended"
        and stored["endedReason"] == "campaign.in-progress.ended-by-user"
    )
    # The 5 calls never placed are gone from the counters; the 10 in progress finish.
    assert stored["callsCounterScheduled"] == 20
    emulator.control.delete("requests").raise_for_status()
    assert stack.preview_json()["changeSummary"] == {"same": 2}
    assert journal(emulator) == []
    # ended back to False cannot restart it: a re-dial, refused as any re-dial.
    stack.declare(stop=campaign(numbers, start, "2099-01-07T20:00:00Z"))
    again = stack.run("preview", check=False)
    said = again.stdout + again.stderr
    assert again.returncode != 0
    assert "changing ended requires replacing the campaign, which has ended" in said
    assert stack.opt_in("allow_redial", cid) in said


# ended is translated and PATCHed through each door in test_ended_true_stops_a_dialing_
# campaign_with_one_patch: here, what a stop before dialing does, through one.
@through("yaml")
def test_ended_true_stops_a_scheduled_campaign_before_it_dials(
    campaign_stack: Callable[..., CampaignStack], emulator: Emulator
) -> None:
    numbers = [f"+1415557{i:04d}" for i in range(4)]
    window = ("2099-01-08T17:00:00Z", "2099-01-08T20:00:00Z")
    stack = campaign_stack()
    stack.declare(later=campaign(numbers, *window))
    stack.up()
    cid = stack.outputs()["later.id"]
    stack.declare(later=campaign(numbers, *window, ended=True))
    # Nothing has dialed yet: all 4 calls are not placed, none is in progress.
    assert "cozmox: later: ends it: 4 calls not placed, 0 in progress finish" in lines(
        stack.run("preview")
    )
    emulator.control.delete("requests").raise_for_status()
    stack.up()
    assert [p for m, p in journal(emulator) if m != "GET"] == [f"/campaign/{cid}"]
    assert [m for m, _ in journal(emulator)].count("PATCH") == 1
    assert stack.outputs()["later.status"] == "ended"
    with emulator.api() as api:
        stored = api.get(f"/campaign/{cid}").json()
    assert stored["status"] == "ended"
    assert stored["endedReason"] == "campaign.scheduled.ended-by-user"
    assert stored["callsCounterScheduled"] == 0  # its scheduled calls were deleted
    emulator.control.delete("requests").raise_for_status()
    assert stack.preview_json()["changeSummary"] == {"same": 2}
    assert journal(emulator) == []


@both_doors
def test_removing_a_dialing_campaign_ends_it_with_one_patch_and_keeps_it(
    campaign_stack: Callable[..., CampaignStack], emulator: Emulator, tmp_path: Path
) -> None:
    start = "2099-01-07T17:00:00Z"
    numbers = [f"+1415556{i:04d}" for i in range(25)]
    stack = campaign_stack()
    stack.declare(gone=campaign(numbers, start, "2099-01-07T20:00:00Z"))
    stack.up()
    cid = stack.outputs()["gone.id"]
    dial_for(emulator, start, 90)
    stack.run("refresh", "--yes", "--skip-preview")  # the state now records it in progress
    stack.declare()
    markdown = review(stack.run("preview", "--json").stdout, tmp_path)
    assert "<code>gone</code>: the campaign is **in-progress**" in markdown
    assert "it is ended, so **5 calls are not placed** and 10 in progress finish" in markdown
    assert "**forgotten** by Pulumi; **its record stays in the API**" in markdown
    assert "as of " in markdown
    emulator.control.delete("requests").raise_for_status()
    applied = stack.up()
    said = applied.stdout + applied.stderr
    assert "was in progress: ended (5 calls not placed, 10 in progress finish), then kept" in said
    # One GET (its live status), one PATCH ending it, no DELETE: its record stays in the API.
    assert sorted(journal(emulator)) == [("GET", f"/campaign/{cid}"), ("PATCH", f"/campaign/{cid}")]
    with emulator.api() as api:
        assert api.get(f"/campaign/{cid}").json()["status"] == "ended"


@both_doors
def test_a_create_the_api_trimmed_is_warned_about(
    campaign_stack: Callable[..., CampaignStack], emulator: Emulator
) -> None:
    stack = campaign_stack()
    customers = [
        {"number": "+14155550101"},
        {"number": "ext42", "numberE164CheckEnabled": False},  # the emulator cannot dial it
        {"sipUri": "sip:ada@example.com"},
    ]
    args = campaign([], "2099-01-07T17:00:00Z", "2099-01-07T20:00:00Z")
    stack.declare(trimmed={**args, "customers": customers})
    applied = stack.up()
    said = applied.stdout + applied.stderr
    cid = stack.outputs()["trimmed.id"]
    assert f'warning: campaign {cid} (resource "trimmed"): the API scheduled 2 calls for 3' in said
    assert "skipped 1 without an error" in said
    with emulator.api() as api:
        assert api.get(f"/campaign/{cid}").json()["callsCounterScheduled"] == 2
    assert json.dumps(customers[1]) not in said
