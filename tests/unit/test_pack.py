"""The policy pack's judgement (pulumi_cozmox.pack), without pulumi_policy: a campaign read
from what a policy is shown, of either door, and judged by the provider's rule code with the
pack's own rules. The pack through the real CLI: tests/e2e/test_policy_pack.py."""

from __future__ import annotations

import base64
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import dill
import pytest

from pulumi_cozmox.client.answers import ListedCampaign
from pulumi_cozmox.core.model.customers import encode_customers
from pulumi_cozmox.core.rules.calendar import parse_call_limit
from pulumi_cozmox.core.rules.policy import DEFAULT_POLICY
from pulumi_cozmox.pack import judge
from pulumi_cozmox.pack.campaigns import campaign_of, is_ours
from pulumi_cozmox.pack.limit import call_limit, changed
from pulumi_cozmox.pack.settings import PackConfigError, pack_rules
from pulumi_cozmox.provider import CampaignProvider

ADA, GRACE, ALAN = "+14155550101", "+14155550102", "+14155550103"  # San Francisco
NOW = datetime(2026, 12, 7, tzinfo=timezone.utc)
# 2099-01-05 (a Monday): 11:00 UTC is 03:00 in San Francisco, 18:00 UTC is 10:00.
NIGHT = {"earliestAt": "2099-01-05T11:00:00Z", "latestAt": "2099-01-05T11:30:00Z"}
DAY = {"earliestAt": "2099-01-05T18:00:00Z", "latestAt": "2099-01-05T19:00:00Z"}
DYNAMIC = "pulumi-python:dynamic/cozmox:Campaign"
NATIVE = "cozmox:index:Campaign"


def ours() -> str:
    """``__provider`` as the SDK records it: the provider object pickled with dill, base64."""
    return base64.b64encode(dill.dumps(CampaignProvider())).decode()


def python_props(numbers: list[str], plan: dict[str, str], **more: Any) -> dict[str, Any]:
    customers = encode_customers([{"number": n} for n in numbers])
    return {
        "__provider": ours(),
        "name": "Check-ups",
        "phone_number_id": "pn-1",
        "customers": customers,
        "schedule_plan": plan,
        **more,
    }


def native_props(numbers: list[str], plan: dict[str, str], **more: Any) -> dict[str, Any]:
    return {"customers": [{"number": n} for n in numbers], "schedulePlan": plan, **more}


def test_a_dynamic_resource_is_a_campaign_only_with_this_packages_provider() -> None:
    class Other:
        pass

    other = base64.b64encode(dill.dumps(Other())).decode()
    assert is_ours(DYNAMIC, {"__provider": ours()})
    assert is_ours("pulumi-python:dynamic:Resource", {"__provider": ours()})
    assert not is_ours("pulumi-python:dynamic:Resource", {"__provider": other})
    assert not is_ours(DYNAMIC, {"__provider": "not base64!"})
    assert is_ours(DYNAMIC, {})  # its own type (SDK 3.272 shows policies no __provider)
    assert not is_ours("pulumi-python:dynamic:Resource", {})
    assert is_ours(NATIVE, {})
    assert not is_ours("aws:s3/bucket:Bucket", {"__provider": ours()})


@pytest.mark.parametrize(
    ("kind", "props", "field"),
    [
        (DYNAMIC, python_props([ADA, GRACE], NIGHT), "schedule_plan"),
        (NATIVE, native_props([ADA, GRACE], NIGHT), "schedulePlan"),
    ],
)
def test_a_window_at_3_am_local_is_refused_in_each_doors_words(
    kind: str, props: dict[str, Any], field: str
) -> None:
    campaign = campaign_of(kind, "night", props, Path("."))
    assert campaign is not None
    [said] = judge.calling_hours(campaign, DEFAULT_POLICY, NOW)
    assert said.startswith(f'resource "night": {field}: the {field} window would call 2 ')
    assert "(customers[0], customers[1]), in America/Los_Angeles" in said
    assert ADA not in said and GRACE not in said


def test_the_resources_opt_out_is_overruled_unless_the_pack_honours_it() -> None:
    props = python_props([ADA], NIGHT, allow_outside_calling_hours=True)
    campaign = campaign_of(DYNAMIC, "night", props, Path("."))
    assert campaign is not None
    [said] = judge.calling_hours(campaign, DEFAULT_POLICY, NOW)
    assert "does not honour allow_outside_calling_hours=True, which the resource sets" in said
    assert "to call them anyway" not in said  # the way out the pack does not allow
    assert judge.calling_hours(campaign, DEFAULT_POLICY, NOW, honour_opt_out=True) == []
    assert judge.standing_opt_ins(campaign) == [
        'resource "night": sets allow_outside_calling_hours: a standing opt-in out of the '
        "calling rules"
    ]
    day = campaign_of(DYNAMIC, "day", python_props([ADA], DAY), Path("."))
    assert day is not None and judge.calling_hours(day, DEFAULT_POLICY, NOW) == []
    assert judge.standing_opt_ins(day) == []


def test_a_customers_file_is_read_and_its_customers_named_by_line(tmp_path: Path) -> None:
    (tmp_path / "listed.txt").write_text(f"# asked not to be called\n{GRACE}\n")
    (tmp_path / "customers.csv").write_text(f"number,name\n{ADA},Ada\n{GRACE},Grace\n")
    props = {"customersFile": "customers.csv", "schedulePlan": DAY}
    campaign = campaign_of(NATIVE, "spring", props, tmp_path)
    assert campaign is not None
    listed = pack_rules({"doNotCall": "listed.txt"}, tmp_path).do_not_call
    assert listed is not None
    [said] = judge.do_not_call(campaign, listed)
    assert said.startswith('resource "spring": customers.csv line 3: 1 customer is on the ')
    assert "on the do-not-call list (listed.txt, the policy pack's doNotCall)" in said
    assert GRACE not in said and "Grace" not in said


def test_a_file_the_pack_cannot_read_is_named_by_the_packs_key(tmp_path: Path) -> None:
    (tmp_path / "calling.toml").write_text('hours = "08:00-25:00"\n')
    with pytest.raises(PackConfigError, match="the pack's callingPolicy file calling.toml: hours"):
        pack_rules({"callingPolicy": "calling.toml"}, tmp_path)
    with pytest.raises(PackConfigError, match="the pack's callLimit must be N/PERIOD"):
        pack_rules({"callLimit": "often"}, tmp_path)


def listed(
    campaign_id: str,
    numbers: list[str],
    plan: dict[str, str],
    created: str,
    name: str = "Check-ups",
) -> Any:
    return ListedCampaign.model_validate(
        {
            "id": campaign_id,
            "name": name,
            "phoneNumberId": "pn-1",
            "status": "scheduled",
            "createdAt": created,
            "updatedAt": created,
            "schedulePlan": plan,
            "customers": [{"number": n} for n in numbers],
        }
    )


def test_the_call_limit_counts_the_stacks_campaigns_once_and_the_orgs() -> None:
    limit = parse_call_limit("1/24h")
    created = "2026-12-01T10:00:00.000Z"
    # Monday exists (the org lists it, found by createdAt); Tuesday is new, 21 hours after it.
    monday = campaign_of(
        DYNAMIC, "monday", python_props([ADA, GRACE], DAY, created_at=created), Path(".")
    )
    tuesday_plan = {"earliestAt": "2099-01-06T16:00:00Z", "latestAt": "2099-01-06T17:00:00Z"}
    tuesday = campaign_of(DYNAMIC, "tuesday", python_props([ALAN, ADA], tuesday_plan), Path("."))
    assert monday is not None and tuesday is not None
    org = [listed("c-monday", [ADA, GRACE], DAY, created)]
    [said] = call_limit([monday, tuesday], limit, org, NOW)
    assert said.startswith('resource "tuesday": customers[1]: also called by 1 other campaign')
    assert 'resource "monday" of this stack, 2099-01-05 18:00-19:00 UTC' in said
    assert "c-monday" not in said  # the stack's own campaign, counted once
    assert "past the call limit 1/24h (the policy pack's callLimit)" in said
    assert ADA not in said
    # Another stack's campaign calling Alan the same day: Tuesday calls him past the limit too.
    other = listed("c-other", [ALAN], tuesday_plan, "2026-12-02T10:00:00.000Z", "Other team's")
    found = call_limit([monday, tuesday], limit, [*org, other], NOW)
    assert any(s.startswith('resource "tuesday": customers[0]: ') and "c-other" in s for s in found)
    # Monday, unchanged, is counted, not judged; moved two days on, Tuesday is within the limit.
    later = {"earliestAt": "2099-01-08T16:00:00Z", "latestAt": "2099-01-08T17:00:00Z"}
    moved = campaign_of(DYNAMIC, "tuesday", python_props([ALAN, ADA], later), Path("."))
    assert moved is not None and call_limit([monday, moved], limit, org, NOW) == []
    # A preview that changes no campaign (every one shows its outputs) reads no org.
    assert changed([monday, moved]) and not changed([monday])


def test_a_campaign_a_change_replaces_or_moves_is_not_counted_against_its_record() -> None:
    """At preview a policy sees no outputs of a campaign being updated or replaced: its record
    is the one scheduled campaign with its name, phone number, and schedule or customers."""
    limit = parse_call_limit("1/24h")
    org = [listed("c-monday", [ADA, GRACE], DAY, "2026-12-01T10:00:00.000Z")]
    # Replaced (a customer added): the same window, which its record's own would clash with.
    replaced = campaign_of(DYNAMIC, "monday", python_props([ADA, GRACE, ALAN], DAY), Path("."))
    assert replaced is not None and call_limit([replaced], limit, org, NOW) == []
    # Moved an hour later, the same customers.
    later = {"earliestAt": "2099-01-05T19:00:00Z", "latestAt": "2099-01-05T20:00:00Z"}
    moved = campaign_of(DYNAMIC, "monday", python_props([ADA, GRACE], later), Path("."))
    assert moved is not None and call_limit([moved], limit, org, NOW) == []
    # Renamed as well as replaced: the record is not known to be its, and counts.
    renamed = campaign_of(
        DYNAMIC, "monday", python_props([ADA, GRACE, ALAN], DAY, name="Renamed"), Path(".")
    )
    assert renamed is not None
    [said] = call_limit([renamed], limit, org, NOW)
    assert said.startswith('resource "monday": customers[0], customers[1]: also called by 1 ')
    assert "(campaign c-monday, 2099-01-05 18:00-19:00 UTC)" in said
