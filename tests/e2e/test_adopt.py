"""Taking over a campaign that already exists, by id (`adopt_id`): no POST, what differs is
PATCHed, and from then on it is managed like any other."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import Emulator
from tests.e2e.conftest import CampaignStack, both_doors, export, through
from tests.e2e.pulumi_cli import PulumiFailed, Stack, run_review

CUSTOMERS = [{"number": "+14155550101", "name": "Ada"}, {"number": "+14155550102"}]


EXISTING = {
    "name": "Made in the dashboard",
    "phoneNumberId": "pn-1",
    "assistantId": "asst-1",
    "customers": CUSTOMERS,
    "schedulePlan": {"earliestAt": "2099-01-01T17:00:00Z"},
}


def existing_campaign(emulator: Emulator) -> dict[str, Any]:
    body = EXISTING
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
    # Issue 28, case 1: it read "calls nobody"; taking it over stops nothing: it still calls
    # its 2 customers (none called yet) from 09:00 in San Francisco.
    assert (
        "cozmox: main: calls 2 people it has not called yet from 2099-01-01 17:00 UTC, no end; "
        "America/Los_Angeles from 09:00 (2 people)" in said
    )
    assert "calls nobody" not in said
    assert "cozmox: main: create" not in said
    reviewed = run_review(stack.run("preview", "--json").stdout, tmp_path)
    assert reviewed.returncode == 0, reviewed.stderr
    markdown = reviewed.stdout
    assert "**Cozmox: 1 campaign (1 adopted); calls 2 people, 0 of them again.**" in markdown
    assert f"<b>main</b>: adopt {existing['id']} (name) · calls 2 people, 0 again" in markdown
    assert "calls nobody" not in markdown
    # Taken over and ended: nobody.
    stack.declare(main=declared(existing["id"], ended=True))
    ended = stack.run("preview")
    assert "cozmox: main: calls nobody" in ended.stdout + ended.stderr


#: 11:00-14:00 UTC: 03:00-06:00 in San Francisco, where both customers' numbers ring.
NIGHT = {"earliestAt": "2099-01-01T11:00:00Z", "latestAt": "2099-01-01T14:00:00Z"}


#: What a takeover reads of the objects its campaign names (issue 28's references).
NAMED_READS = [("GET", "/assistant/asst-1"), ("GET", "/phone-number/pn-1")]


def journal(emulator: Emulator) -> list[tuple[str, str]]:
    return [(e["method"], e["path"]) for e in emulator.control.get("requests").json()]


@both_doors
def test_a_takeover_moved_into_the_night_is_refused_and_never_patched(
    campaign_stack: Callable[..., CampaignStack], emulator: Emulator
) -> None:
    # Issue 28, case 1: the window moved to 03:00-06:00 local passed preview and was PATCHed.
    existing = existing_campaign(emulator)
    stack = campaign_stack()
    stack.declare(main=declared(existing["id"], schedule_plan=NIGHT))
    emulator.control.delete("requests").raise_for_status()
    preview = stack.run("preview", check=False)
    said = preview.stdout + preview.stderr
    assert preview.returncode != 0
    assert "would call 2 customers outside 08:00-21:00 their local time" in said
    assert "taking it over does not stop it: the campaign still dials as it is" in said
    assert f"move its {stack.program_path('schedule_plan')} (while it is scheduled)" in said
    assert f"end it with {stack.opt_in('ended', True)}" in said
    assert stack.opt_in("allow_outside_calling_hours", True) in said
    assert CUSTOMERS[0]["number"] not in said
    up = stack.run("up", "--yes", "--skip-preview", check=False)
    assert up.returncode != 0
    assert "the campaign still dials as it is" in up.stdout + up.stderr
    # One read of the campaign and of each object it names at preview, the same at up; never a
    # PATCH (nor a POST).
    looks = [("GET", f"/campaign/{existing['id']}"), *NAMED_READS]
    assert journal(emulator) == looks * 2
    with emulator.api() as api:
        kept = api.get(f"/campaign/{existing['id']}").json()
    assert kept["schedulePlan"] == {"earliestAt": "2099-01-01T17:00:00Z"}


# The policy's rules are the core's: one door (the refusal's words per door above).
@through("python")
def test_a_blackout_date_refuses_a_takeover_as_it_is(
    campaign_stack: Callable[..., CampaignStack], emulator: Emulator
) -> None:
    # Issue 28, case 1: a blackout date of the policy passed a takeover (a warning, exit 0).
    existing = existing_campaign(emulator)
    stack = campaign_stack()
    (stack.workdir / "calling.toml").write_text(
        'hours = "08:00-21:00"\nblackout_dates = ["2099-01-01"]\n'
    )
    stack.configure({"cozmox:callingPolicy": "calling.toml"})
    stack.declare(main=declared(existing["id"]))
    emulator.control.delete("requests").raise_for_status()
    preview = stack.run("preview", check=False)
    said = preview.stdout + preview.stderr
    assert preview.returncode != 0
    assert "on 2099-01-01 (blackout date)" in said and "calling.toml" in said
    assert "the campaign still dials as it is" in said
    up = stack.run("up", "--yes", "--skip-preview", check=False)
    assert up.returncode != 0
    # The campaign and what it names read at preview and at up; no PATCH.
    assert [m for m, _ in journal(emulator)] == ["GET"] * 6


@both_doors
def test_a_window_already_past_is_refused_at_preview_with_nothing_sent(
    campaign_stack: Callable[..., CampaignStack], emulator: Emulator
) -> None:
    # Issue 28, case 2: a new campaign whose window ended in 2020 passed preview, and up
    # created a campaign that ended at once.
    stack = campaign_stack()
    past = {"earliestAt": "2020-03-02T17:00:00Z", "latestAt": "2020-03-02T20:00:00Z"}
    body = {k: v for k, v in declared("").items() if k != "adopt_id"}
    stack.declare(main={**body, "schedule_plan": past})
    emulator.control.delete("requests").raise_for_status()
    preview = stack.run("preview", check=False)
    said = preview.stdout + preview.stderr
    assert preview.returncode != 0
    latest = stack.program_path("schedule_plan.latestAt")
    assert f"{latest} (2020-03-02T20:00:00Z) is at or before the API's clock (" in said
    assert "the window has passed" in said
    assert journal(emulator) == []


def test_an_exported_night_campaign_is_refused_until_the_program_ends_it(
    tmp_path: Path, emulator: Emulator
) -> None:
    # `pulumi-cozmox export` writes adopt_id: its program's takeover is judged as any.
    with emulator.api() as api:
        body = {**EXISTING, "schedulePlan": NIGHT}
        made = api.post("/campaign", json=body).json()
    out = tmp_path / "exported"
    done = export(emulator, out, "--format", "yaml")
    assert done.returncode == 0, done.stderr
    stack = Stack(workdir=out, home=tmp_path)
    stack.init(
        config={"cozmox:baseUrl": emulator.base_url}, secrets={"cozmox:apiKey": emulator.api_key}
    )
    emulator.control.delete("requests").raise_for_status()
    refused = stack.run("preview", check=False)
    said = refused.stdout + refused.stderr
    assert refused.returncode != 0
    assert "would call 2 customers outside 08:00-21:00 their local time" in said
    assert "the campaign still dials as it is" in said and "ended: true" in said
    assert journal(emulator) == [("GET", f"/campaign/{made['id']}"), *NAMED_READS]
    # The way out it names: take it over and end it (one PATCH, status ended).
    program = yaml.safe_load((out / "Pulumi.yaml").read_text())
    (resource,) = program["resources"].values()
    resource["properties"]["ended"] = True
    (out / "Pulumi.yaml").write_text(yaml.safe_dump(program))
    stack.up()
    assert [m for m, _ in journal(emulator)].count("PATCH") == 1
    with emulator.api() as api:
        assert api.get(f"/campaign/{made['id']}").json()["status"] == "ended"
