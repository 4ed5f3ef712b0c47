"""The toolchain works: the real CLI runs a program whose dynamic provider lives in the
installed package (pickled by reference), through up, a no-change preview and destroy."""

from __future__ import annotations

from collections.abc import Callable

from tests.conftest import Emulator
from tests.e2e.conftest import CampaignStack

CUSTOMERS = [{"number": "+14155550101", "name": "Ada"}, {"number": "+14155550102"}]


def test_up_preview_destroy(
    campaign_stack: Callable[..., CampaignStack], emulator: Emulator
) -> None:
    stack = campaign_stack()
    stack.declare(
        smoke={
            "name": "Smoke",
            "phone_number_id": "pn-1",
            "assistant_id": "asst-1",
            "customers": CUSTOMERS,
            "schedule_plan": {"earliestAt": "2099-01-01T17:00:00Z"},
        }
    )
    stack.up()
    outputs = stack.outputs()
    assert outputs["smoke.name"] == "Smoke"
    assert outputs["smoke.status"] == "scheduled"
    assert outputs["smoke.customer_count"] == 2

    with emulator.api() as api:
        stored = api.get(f"/campaign/{outputs['smoke.id']}").json()
    assert stored["customers"] == CUSTOMERS

    preview = stack.preview_json()
    assert preview["changeSummary"] == {"same": 2}

    stack.destroy()
    with emulator.api() as api:
        assert api.get(f"/campaign/{outputs['smoke.id']}").status_code == 404
