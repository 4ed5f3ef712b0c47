"""The provider's hooks that must not touch the network: check, a no-change diff, pickling,
and the error for a missing key."""

from __future__ import annotations

import base64
from typing import Any

import pytest
from pulumi.dynamic import ConfigureRequest
from pulumi.dynamic.config import Config
from pulumi.dynamic.dynamic import serialize_provider
from pulumi.output import Unknown

from pulumi_cozmox import provider as provider_module
from pulumi_cozmox.client.errors import ConfigurationError
from pulumi_cozmox.core.model.customers import encode_customers
from pulumi_cozmox.provider import CampaignProvider

KEY = "sk-unit-test-key-0123"
CUSTOMERS = [{"number": "+14155550101"}, {"number": "+14155550102"}]


def configured(**config: str) -> CampaignProvider:
    provider = CampaignProvider()
    provider.configure(ConfigureRequest(Config(config, project_name="unit")))
    return provider


def props(**overrides: Any) -> dict[str, Any]:
    return {
        "name": "Unit",
        "phone_number_id": "pn-1",
        "assistant_id": "asst-1",
        "workflow_id": None,
        "schedule_plan": {"earliestAt": "2099-01-01T17:00:00Z"},
        "customers": encode_customers(CUSTOMERS),
        "customer_count": 2,
        "allow_redial": False,
        "adopt_id": None,
        **overrides,
    }


def test_pickled_provider_holds_no_key_and_no_client(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COZMOX_API_KEY", raising=False)
    provider = configured(**{"cozmox:apiKey": KEY, "cozmox:baseUrl": "http://127.0.0.1:1"})
    provider._run().client()  # builds the HTTP client (no request is sent)
    pickled = serialize_provider(provider)
    raw = base64.b64decode(pickled)
    assert KEY.encode() not in raw
    assert b"httpx" not in raw
    assert b"pulumi_cozmox.provider" in raw  # by reference: the class stays in the package


def test_missing_key_says_how_to_set_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COZMOX_API_KEY", raising=False)
    with pytest.raises(ConfigurationError) as missing:
        configured()._run().client()
    assert "cozmox:apiKey" in str(missing.value) and "COZMOX_API_KEY" in str(missing.value)


def test_check_reports_program_paths() -> None:
    news = props(
        schedule_plan={"earliestAt": "2099-01-02T17:00:00Z", "latestAt": "2099-01-01T17:00:00Z"}
    )
    news["customers"] = encode_customers([{"number": "12345"}])
    failures = CampaignProvider().check({}, news).failures
    paths = {f.property for f in failures}
    assert "schedule_plan.latestAt" in paths
    assert "customers[0].number" in paths


def test_check_skips_unknown_values() -> None:
    news = props(name=Unknown(), assistant_id=Unknown(), customers=Unknown())
    assert CampaignProvider().check({}, news).failures == []


def test_check_does_not_revalidate_unchanged_customers() -> None:
    bad = encode_customers([{"number": "not-a-number"}])
    assert CampaignProvider().check({"customers": bad}, props(customers=bad)).failures == []
    failures = CampaignProvider().check({}, props(customers=bad)).failures
    assert [f.property for f in failures] == ["customers[0].number"]


def test_no_change_diff_sends_nothing_a_planned_write_needs_a_key(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("COZMOX_API_KEY", raising=False)
    provider = configured()  # no key: any request would raise ConfigurationError
    olds = {**props(), "status": "in-progress", "__provider": "x", "calls_counter_ended": 5}
    assert provider.diff("c-1", olds, props()).changes is False
    # A rename is a write: preview says now what `up` would fail with.
    with pytest.raises(Exception, match="no Cozmox API key: set it with"):
        provider.diff("c-1", olds, props(name="Renamed"))


def test_replacing_a_dialing_campaign_is_refused_from_its_recorded_status() -> None:
    olds = {**props(), "status": "in-progress"}
    news = props(customers=encode_customers(CUSTOMERS[:1]), customer_count=1)
    # The one customer kept was in the campaign that is dialing: 1 person, called again.
    with pytest.raises(Exception, match="call 1 person, 1 of them again") as refused:
        CampaignProvider().diff("c-1", olds, news)
    # The exact line that allows this one re-dial (and no other).
    assert 'set allow_redial="c-1" on the resource' in str(refused.value)
    with pytest.raises(Exception, match="call 1 person, 1 of them again"):
        CampaignProvider().diff("c-1", olds, {**news, "allow_redial": "c-0"})


def test_check_leaves_rules_on_unknown_ids_to_up() -> None:
    # workflow_id is another resource's id, not known at preview; no assistant_id.
    news = props(assistant_id=None, workflow_id=Unknown())
    assert CampaignProvider().check({}, news).failures == []
    # Known, the same program breaks the rule only if neither is given.
    failures = CampaignProvider().check({}, props(assistant_id=None)).failures
    assert [f.property for f in failures] == ["assistant_id"]


def test_check_flags_must_be_booleans_or_the_id_they_allow() -> None:
    news = props(allow_duplicate=3, allow_redial="", allow_outside_calling_hours="yes")
    failures = CampaignProvider().check({}, news).failures
    which = "must be True, False, or the id of the one campaign it allows (the id a refusal names)"
    assert [(f.property, f.reason) for f in failures] == [
        ("allow_redial", which),
        ("allow_duplicate", which),
        ("allow_outside_calling_hours", "must be a boolean (true or false)"),
    ]


def test_a_schedule_edit_to_the_same_instants_is_no_change() -> None:
    olds = {**props(), "status": "ended"}
    news = props(schedule_plan={"earliestAt": "2099-01-01T18:00:00+01:00"})
    assert CampaignProvider().diff("c-1", olds, news).changes is False


def test_adopt_id_of_the_own_campaign_changes_nothing_another_is_refused() -> None:
    olds = {**props(), "status": "scheduled"}
    assert CampaignProvider().diff("c-1", olds, props(adopt_id="c-1")).changes is False
    with pytest.raises(Exception, match="adopt_id='c-2' names another campaign"):
        CampaignProvider().diff("c-1", olds, props(adopt_id="c-2"))
    # The replacement of an adopted campaign keeps the adopt_id it was created with.
    replaced = {**props(adopt_id="c-0"), "status": "scheduled"}
    assert CampaignProvider().diff("c-1", replaced, props(adopt_id="c-0")).changes is False


def test_a_campaign_deleted_after_dialing_is_not_recreated_silently() -> None:
    # Refresh found it gone after it dialed: the state's inputs carry the mark.
    olds = {**props(resource_name="spring"), "deleted_outside_pulumi": "c-1"}
    failures = CampaignProvider().check(olds, props(resource_name="spring")).failures
    [failure] = failures
    assert failure.property == "allow_redial"
    assert 'campaign c-1 (resource "spring") was deleted outside Pulumi' in failure.reason
    assert "call 2 people, 2 of them again" in failure.reason
    assert CampaignProvider().check(olds, props(allow_redial=True)).failures == []
    # diff never refuses it (refresh runs diff too); it replaces only when asked to.
    recorded = {**props(), "status": "deleted"}
    assert CampaignProvider().diff("c-1", recorded, props()).changes is False
    allowed = CampaignProvider().diff("c-1", recorded, props(allow_redial=True))
    assert allowed.changes is True and allowed.replaces == ["status"]
    assert allowed.delete_before_replace is True


def test_calling_hours_are_judged_when_the_schedule_changes_alone() -> None:
    # The customers are unchanged (not validated again), the new window is at 01:00-04:00
    # in Los Angeles: refused, as a new campaign with that window would be.
    night = {"earliestAt": "2099-01-01T09:00:00Z", "latestAt": "2099-01-01T12:00:00Z"}
    failures = CampaignProvider().check(props(), props(schedule_plan=night)).failures
    assert [f.property for f in failures] == ["schedule_plan"]
    assert "outside 08:00-21:00" in failures[0].reason
    allowed = props(schedule_plan=night, allow_outside_calling_hours=True)
    assert CampaignProvider().check(props(), allowed).failures == []
    # Unchanged (an existing campaign from before the rule): not judged again.
    assert (
        CampaignProvider().check(props(schedule_plan=night), props(schedule_plan=night)).failures
        == []
    )


def test_a_standing_opt_in_is_said_once_and_an_id_allows_one_campaign_only(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # True stands: every preview says so, once per run and resource, in the campaign's one
    # record: its diff's (the engine diffs every recorded resource after its check).
    provider = CampaignProvider()
    news = props(allow_redial=True, resource_name="spring")
    recorded = {**news, "status": "scheduled"}
    for _ in range(2):
        assert provider.check(recorded, news).failures == []
        assert provider.diff("c-spring", recorded, news).changes is False
    said = capsys.readouterr().err
    assert said.count("cozmox: spring: standing opt-in (allow_redial=True") == 1
    assert said.count('"opt_ins":["allowRedial"]') == 1  # its record, for the review
    assert said.count("cozmox-report:") == 1  # and no other record of the campaign
    # An id allows that one campaign: nothing stands.
    other = props(allow_redial="c-1", resource_name="autumn")
    assert provider.check({**other, "status": "scheduled"}, other).failures == []
    assert provider.diff("c-autumn", {**other, "status": "scheduled"}, other).changes is False
    assert "standing opt-in" not in capsys.readouterr().err


def test_the_process_keeps_one_run_per_stack_config_and_a_few_at_most() -> None:
    first = {"cozmox:apiKey": KEY, "cozmox:baseUrl": "http://127.0.0.1:1"}
    run = provider_module.run_for(first)
    assert provider_module.run_for(dict(first)) is run  # the same config: the same run
    # Tests and tools may configure many stacks in one process: the oldest runs are let go.
    for port in range(2, 2 + 2 * provider_module.MAX_RUNS):
        provider_module.run_for({**first, "cozmox:baseUrl": f"http://127.0.0.1:{port}"})
    assert len(provider_module._runs) == provider_module.MAX_RUNS
    assert provider_module.run_for(first) is not run
