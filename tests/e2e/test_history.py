"""History is kept (issue 28): removing a campaign through the real CLI, each door.

Removing a resource whose campaign has dialed ends it if it still dials and forgets it in
Pulumi, while its record stays in the API (what the call limit counts and an audit asks for);
a campaign that never dialed is deleted; ``delete_record_on_remove`` applied by an earlier `up`
deletes a dialed one too. The review says *forget* or *delete* from the recorded state (the
engine never asks the provider about a delete at preview). Requests are counted in the
emulator's journal; dates are fixed, in 2099, reached by moving the emulator's clock.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Emulator
from tests.e2e.conftest import CampaignStack, both_doors, through
from tests.e2e.pulumi_cli import PulumiFailed, run_review

ADA, GRACE, ALAN = "+14155550101", "+14155550102", "+14155550103"
MONDAY = "2099-01-05T17:00:00Z"


def campaign(numbers: list[str], start: str = MONDAY, **options: Any) -> dict[str, Any]:
    end = start.replace("T17:", "T20:")
    return {
        "name": "History reminders",
        "phone_number_id": "pn-1",
        "assistant_id": "asst-1",
        "customers": [{"number": n} for n in numbers],
        "schedule_plan": {"earliestAt": start, "latestAt": end},
        **options,
    }


def journal(emulator: Emulator) -> list[str]:
    return sorted(f"{e['method']} {e['path']}" for e in emulator.control.get("requests").json())


def clear(emulator: Emulator) -> None:
    emulator.control.delete("requests").raise_for_status()


def review(preview: str, tmp_path: Path, *options: str) -> tuple[int, str]:
    done = run_review(preview, tmp_path, *options)
    return done.returncode, done.stdout


@both_doors
def test_removing_keeps_what_dialed_and_deletes_what_did_not_or_what_opted_in(
    campaign_stack: Callable[..., CampaignStack], emulator: Emulator, tmp_path: Path
) -> None:
    stack = campaign_stack()
    stack.declare(
        dialed=campaign([ADA]),
        erased=campaign([GRACE]),
        waiting=campaign([ALAN], "2099-02-05T17:00:00Z"),
    )
    stack.up()
    ids = {name: stack.outputs()[f"{name}.id"] for name in ("dialed", "erased", "waiting")}

    # The opt-in, applied by an up: recorded in state, no write.
    stack.declare(
        dialed=campaign([ADA]),
        erased=campaign([GRACE], delete_record_on_remove=True),
        waiting=campaign([ALAN], "2099-02-05T17:00:00Z"),
    )
    clear(emulator)
    stack.up()
    assert journal(emulator) == ["GET /campaign"]  # the key checked before a change: no write
    key = "deleteRecordOnRemove" if stack.door == "yaml" else "delete_record_on_remove"
    assert stack.resource(":Campaign", "erased")["outputs"][key] is True

    # Monday's two campaigns dial and end (one call each, 60 s); February's never dialed.
    emulator.move_clock_to(MONDAY, 3600)
    assert emulator.stored(ids["dialed"])["status"] == "ended"  # type: ignore[index]

    # All three removed from the program. The review says what each removal does, from the
    # recorded state (refreshed: the emulator's clock is in 2099, the review's is not).
    stack.run("refresh", "--yes", "--skip-preview")
    stack.declare()
    code, markdown = review(stack.run("preview", "--json").stdout, tmp_path)
    assert code == 0
    assert "<b>dialed</b>: forget" in markdown
    assert "<b>erased</b>: delete" in markdown and "<b>waiting</b>: delete" in markdown
    assert "**Cozmox: 3 campaigns (2 deleted, 1 forgotten); calls nobody.**" in markdown
    clear(emulator)
    applied = stack.up()
    said = applied.stdout + applied.stderr
    # One GET each (the live status), one DELETE for the opted-in and the never-dialed ones;
    # nothing for the campaign that dialed: no DELETE, no PATCH (it had ended).
    assert journal(emulator) == sorted(
        [
            *(f"GET /campaign/{cid}" for cid in ids.values()),
            f"DELETE /campaign/{ids['erased']}",
            f"DELETE /campaign/{ids['waiting']}",
        ]
    )
    kept = emulator.stored(ids["dialed"])
    assert kept is not None and kept["status"] == "ended" and kept["callsCounterEnded"] == 1
    assert emulator.stored(ids["erased"]) is None and emulator.stored(ids["waiting"]) is None
    assert f'campaign {ids["dialed"]} (resource "dialed") has dialed: kept in the API' in said
    assert stack.opt_in("delete_record_on_remove", True) in said  # the way to delete it
    left = stack.export()["deployment"].get("resources") or []
    assert [r for r in left if r["type"].endswith(":Campaign")] == []  # forgotten by Pulumi


@through("python")  # the rule is the core's (tests/integration/test_removal.py); the CLI's view
def test_a_campaign_called_two_days_after_a_removed_one_is_refused_at_preview(
    campaign_stack: Callable[..., CampaignStack], emulator: Emulator
) -> None:
    stack = campaign_stack()
    stack.configure({"cozmox:callLimit": "1/7d"})
    stack.declare(monday=campaign([ADA]))
    stack.up()
    monday = stack.outputs()["monday.id"]
    emulator.move_clock_to(MONDAY, 3600)
    stack.declare()
    stack.up()
    assert emulator.stored(monday) is not None  # kept
    stack.declare(wednesday=campaign([GRACE, ADA], "2099-01-07T17:00:00Z"))
    clear(emulator)
    with pytest.raises(PulumiFailed) as refused:
        stack.preview_json()
    said = refused.value.stdout + refused.value.stderr
    assert "customers[1]" in said and f"campaign {monday}" in said
    assert "past the call limit 1/7d" in said
    assert ADA not in said and ADA[2:] not in said
    # The run's one read of the org (scheduled, in progress, ended within the lookback), which
    # holds the removed campaign, and of what the campaign names; nothing written.
    named = ["GET /assistant/asst-1", "GET /phone-number/pn-1"]
    assert journal(emulator) == sorted(["GET /campaign"] * 3 + named)


@both_doors
def test_the_drift_check_names_a_dialed_campaign_deleted_in_the_dashboard_as_history_lost(
    campaign_stack: Callable[..., CampaignStack], emulator: Emulator, tmp_path: Path
) -> None:
    stack = campaign_stack()
    stack.declare(dialed=campaign([ADA]), waiting=campaign([ALAN], "2099-02-05T17:00:00Z"))
    stack.up()
    cid = stack.outputs()["dialed.id"]
    emulator.move_clock_to(MONDAY, 3600)
    with emulator.api() as api:  # someone deletes it in the dashboard
        api.delete(f"/campaign/{cid}").raise_for_status()
    # The nightly drift check (docs/drift.md): it fails, and its review says what was lost.
    drifted = stack.run("preview", "--refresh", "--expect-no-changes", "--json", check=False)
    assert drifted.returncode != 0
    code, text = review(drifted.stdout, tmp_path, "--drift")
    assert code == 1
    assert text.splitlines()[0] == "<!-- cozmox-drift -->"
    assert (
        f"**History lost:** <code>dialed</code>: campaign {cid} had dialed and was deleted "
        "outside Pulumi"
    ) in text
    assert "the call limit no longer counts its calls" in text
    assert "waiting" not in text.split("**History lost:**", 1)[1].split("\n", 1)[0]
    assert ADA not in text and ADA[2:] not in text


@both_doors
def test_destroying_a_dialing_campaign_sends_one_patch_and_no_delete(
    campaign_stack: Callable[..., CampaignStack], emulator: Emulator
) -> None:
    stack = campaign_stack()
    # 100 calls on the emulator's 10 lines of 60 s: dialing for 10 minutes from Monday 17:00,
    # however long the commands below take.
    numbers = [f"+1415556{i:04d}" for i in range(100)]
    stack.declare(busy=campaign(numbers))
    stack.up()
    cid = stack.outputs()["busy.id"]
    emulator.move_clock_to(MONDAY, 90)
    clear(emulator)
    destroyed = stack.run("destroy", "--yes", "--skip-preview")
    assert journal(emulator) == [f"GET /campaign/{cid}", f"PATCH /campaign/{cid}"]
    kept = emulator.stored(cid)
    assert kept is not None and kept["status"] == "ended"
    said = destroyed.stdout + destroyed.stderr
    assert f'campaign {cid} (resource "busy") was in progress: ended (' in said
    assert "kept in the API" in said
