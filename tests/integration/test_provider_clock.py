"""The provider judges "has this window opened?" by the API's clock (issue 17): against the
emulator's clock moved two days on, a window that opens tomorrow by this machine's clock has
already opened, and the report says dialing starts at once."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from pulumi.dynamic import ConfigureRequest
from pulumi.dynamic.config import Config

from pulumi_cozmox.core.model.customers import encode_customers
from pulumi_cozmox.provider import CampaignProvider


def test_an_opened_window_is_told_by_the_apis_clock(
    emulator: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    # The API's clock two days ahead of this machine's, stopped there.
    today = datetime.now(timezone.utc).replace(hour=17, minute=0, second=0, microsecond=0)
    emulator.clock(freeze=True, set=(today + timedelta(days=2)).isoformat())
    provider = CampaignProvider()
    config = {"cozmox:apiKey": emulator.api_key, "cozmox:baseUrl": emulator.base_url}
    provider.configure(ConfigureRequest(Config(config, project_name="integration")))
    # 17:00 UTC tomorrow (by this machine's clock): 09:00 in San Francisco, within hours.
    start = today + timedelta(days=1)
    news = {
        "resource_name": "tomorrow",
        "name": "Tomorrow",
        "phone_number_id": "pn-1",
        "assistant_id": "asst-1",
        "schedule_plan": {"earliestAt": start.isoformat()},
        "customers": encode_customers([{"number": "+14155550101"}]),
        "customer_count": 1,
        "allow_outside_calling_hours": True,  # at once, the local hour is the API's now
    }
    result = provider.check({}, news)
    assert result.failures == []
    lines = capsys.readouterr().err
    assert "cozmox: tomorrow: calls 1 person (0 again)" in lines
    assert ", starts at once" in lines
