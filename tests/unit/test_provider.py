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

from pulumi_cozmox._customers import encode_customers
from pulumi_cozmox._errors import ConfigurationError
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
        "schedule_plan": {"earliestAt": "2099-01-01T09:00:00Z"},
        "customers": encode_customers(CUSTOMERS),
        "customer_count": 2,
        "allow_redial": False,
        "adopt_id": None,
        **overrides,
    }


def test_pickled_provider_holds_no_key_and_no_client(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COZMOX_API_KEY", raising=False)
    provider = configured(**{"cozmox:apiKey": KEY, "cozmox:baseUrl": "http://127.0.0.1:1"})
    provider._client()  # builds the HTTP client (no request is sent)
    pickled = serialize_provider(provider)
    raw = base64.b64decode(pickled)
    assert KEY.encode() not in raw
    assert b"httpx" not in raw
    assert b"pulumi_cozmox.provider" in raw  # by reference: the class stays in the package


def test_missing_key_says_how_to_set_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COZMOX_API_KEY", raising=False)
    with pytest.raises(ConfigurationError) as missing:
        configured()._client()
    assert "cozmox:apiKey" in str(missing.value) and "COZMOX_API_KEY" in str(missing.value)


def test_check_reports_program_paths() -> None:
    news = props(
        schedule_plan={"earliestAt": "2099-01-02T00:00:00Z", "latestAt": "2099-01-01T00:00:00Z"}
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


def test_no_change_diff_sends_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COZMOX_API_KEY", raising=False)
    provider = configured()  # no key: any request would raise ConfigurationError
    olds = {**props(), "status": "in-progress", "__provider": "x", "calls_counter_ended": 5}
    assert provider.diff("c-1", olds, props()).changes is False
    result = provider.diff("c-1", olds, props(name="Renamed"))
    assert result.changes is True and result.replaces == []


def test_replacing_a_dialing_campaign_is_refused_from_its_recorded_status() -> None:
    olds = {**props(), "status": "in-progress"}
    news = props(customers=encode_customers(CUSTOMERS[:1]), customer_count=1)
    with pytest.raises(Exception, match="call 1 customer again"):
        CampaignProvider().diff("c-1", olds, news)
    allowed = CampaignProvider().diff("c-1", olds, {**news, "allow_redial": True})
    assert allowed.replaces == ["customers"] and allowed.delete_before_replace is True
