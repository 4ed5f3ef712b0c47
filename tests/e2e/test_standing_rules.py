"""Rules changed after a campaign was scheduled, through the real CLI (issue 23): every preview
judges the campaigns that can still call against today's rules, the no-op one included; a
moved window is judged against the call limit. Expected outcomes follow from each scenario;
requests are counted in the emulator's journal."""

from __future__ import annotations

import json
from collections.abc import Callable

from tests.conftest import Emulator
from tests.e2e.conftest import CampaignStack, both_doors
from tests.e2e.pulumi_cli import run_review
from tests.e2e.test_org_rules import ADA, GRACE, assert_no_number, campaign, ids, journal


@both_doors
def test_a_blackout_added_after_scheduling_fails_every_preview_until_a_way_out(
    campaign_stack: Callable[..., CampaignStack], emulator: Emulator
) -> None:
    stack = campaign_stack()
    policy = stack.workdir / "policy.toml"
    policy.write_text('hours = "08:00-21:00"\n')
    stack.run("config", "set", "cozmox:callingPolicy", "policy.toml")
    stack.declare(spring=campaign("2099-01-14T17:00", [ADA, GRACE]))
    stack.up()
    spring = ids(stack)["spring"]
    # The team adds a blackout on the day the campaign dials; the program does not change.
    policy.write_text('hours = "08:00-21:00"\nblackout_dates = ["2099-01-14"]\n')
    emulator.control.delete("requests").raise_for_status()
    refused = stack.run("preview", check=False)
    said = refused.stdout + refused.stderr
    assert refused.returncode != 0
    assert f"campaign {spring}" in said and "2099-01-14 (blackout date)" in said
    assert "customers[0], customers[1]" in said and stack.opt_in("ended", True) in said
    assert_no_number(said, ADA, GRACE)
    assert [f"{e['method']} {e['path']}" for e in journal(emulator)] == [f"GET /campaign/{spring}"]
    # The way out the refusal gives: end it (one PATCH at up).
    stack.declare(spring=campaign("2099-01-14T17:00", [ADA, GRACE], ended=True))
    assert stack.preview_json()["changeSummary"] == {"same": 1, "update": 1}


def test_a_moved_window_past_the_call_limit_and_a_later_campaign_elsewhere(
    campaign_stack: Callable[..., CampaignStack], emulator: Emulator, tmp_path
) -> None:
    stack = campaign_stack()
    stack.run("config", "set", "cozmox:callLimit", "1/24h")
    stack.declare(
        monday=campaign("2099-01-05T17:00", [ADA]),
        week=campaign("2099-01-12T17:00", [ADA]),
    )
    stack.up()
    monday = ids(stack)["monday"]
    # A week apart is fine; moved to an hour after Monday's window, Ada is called twice.
    stack.declare(
        monday=campaign("2099-01-05T17:00", [ADA]),
        week=campaign("2099-01-05T21:00", [ADA]),
    )
    emulator.control.delete("requests").raise_for_status()
    refused = stack.run("preview", check=False)
    said = refused.stdout + refused.stderr
    assert refused.returncode != 0 and "moving its window" in said
    assert f"campaign {monday}" in said and "past the call limit 1/24h" in said
    assert {e["method"] for e in journal(emulator)} == {"GET"} and journal(emulator)
    refused_up = stack.run("up", "--yes", "--skip-preview", check=False)
    assert refused_up.returncode != 0
    assert not [e for e in journal(emulator) if e["method"] in ("PATCH", "POST")]

    # The dashboard schedules Grace-and-Ada an hour after Monday: this stack's campaign was
    # first; every preview names the later one as a warning, and the drift check fails.
    stack.declare(
        monday=campaign("2099-01-05T17:00", [ADA]),
        week=campaign("2099-01-12T17:00", [ADA]),
    )
    with emulator.api() as api:
        later = api.post(
            "/campaign",
            json={
                "name": "Dashboard",
                "phoneNumberId": "pn-1",
                "assistantId": "asst-1",
                "schedulePlan": {"earliestAt": "2099-01-05T21:00:00Z"},
                "customers": [{"number": ADA}, {"number": GRACE}],
            },
        ).json()
    previewed = stack.run("preview", "--json", "--refresh", "--expect-no-changes", check=False)
    document = json.loads(previewed.stdout)
    warned = [d["message"] for d in document["diagnostics"] if "past the limit" in d["message"]]
    assert warned and f"campaign {later['id']}" in warned[0] and "created later" in warned[0]
    reviewed = run_review(previewed.stdout, tmp_path, "--drift")
    assert reviewed.returncode == 1
    assert "past the call limit 1/24h" in reviewed.stdout and later["id"] in reviewed.stdout
    assert_no_number(reviewed.stdout + previewed.stdout, ADA, GRACE)
