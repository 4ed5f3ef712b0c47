"""Taking a campaign over as it is calls nobody anew: its calling hours are not judged (an
export of an org whose campaigns dial at night adopts them all). A takeover that moves the
schedule is judged like any new window, and so is a create."""

from __future__ import annotations

from typing import Any

from pulumi_cozmox.core.engine.run import Run
from pulumi_cozmox.core.model.customers import encode_customers
from tests.integration.helpers import Collect

NIGHT = {"earliestAt": "2099-01-01T12:00:00Z", "latestAt": "2099-01-01T13:00:00Z"}  # 04:00 PST
CUSTOMERS = [{"number": "+14155550101"}, {"number": "+14155550102"}]


def news(**overrides: Any) -> dict[str, Any]:
    return {
        "resource_name": "night",
        "name": "Night shift",
        "phone_number_id": "pn-1",
        "assistant_id": "asst-1",
        "schedule_plan": NIGHT,
        "customers": encode_customers(CUSTOMERS),
        "customer_count": len(CUSTOMERS),
        **overrides,
    }


def test_only_a_takeover_as_it_is_skips_the_calling_hours(emulator: Any) -> None:
    with emulator.api() as api:
        made = api.post(
            "/campaign",
            json={
                "name": "Night shift",
                "phoneNumberId": "pn-1",
                "assistantId": "asst-1",
                "schedulePlan": NIGHT,
                "customers": CUSTOMERS,
            },
        ).json()
    config = {"cozmox:apiKey": emulator.api_key, "cozmox:baseUrl": emulator.base_url}

    def check(props: dict[str, Any]) -> list[str]:
        run = Run(config, environ={})
        return [f"{f.path}: {f.reason}" for f in run.check({}, props, Collect())]

    assert check(news(adopt_id=made["id"])) == []
    moved = {**NIGHT, "latestAt": "2099-01-01T14:00:00Z"}
    later = check(news(adopt_id=made["id"], schedule_plan=moved))
    assert any("outside 08:00-21:00" in failure for failure in later), later
    other = check(news(name="Another night", customers=encode_customers(CUSTOMERS[:1])))
    assert any("outside 08:00-21:00" in failure for failure in other), other
