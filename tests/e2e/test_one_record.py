"""One record per campaign in the human preview, through the real CLI (issue 31, case 6).

A campaign with a standing opt-in, updated: check finds the opt-in, diff plans the update. The
person running ``pulumi preview`` reads one ``cozmox-report:`` line for the campaign (the
update's, the opt-in in it) and the opt-in said once in English; a no-op preview of it says
the opt-in in one record too.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from tests.e2e.conftest import CampaignStack, both_doors

RECORD = "cozmox-report:"
# 09:00-12:00 in Los Angeles (PST): within 08:00-21:00, so only the opt-in stands.
DAYTIME = {"earliestAt": "2099-01-05T17:00:00Z", "latestAt": "2099-01-05T20:00:00Z"}


def args(name: str) -> dict[str, Any]:
    return {
        "name": name,
        "phone_number_id": "pn-1",
        "assistant_id": "asst-1",
        "customers": [{"number": "+14155550141"}],
        "schedule_plan": DAYTIME,
        "allow_outside_calling_hours": True,
    }


def said_of(stack: CampaignStack, resource: str) -> tuple[list[dict[str, Any]], list[str]]:
    """A human ``pulumi preview``: the records of ``resource`` and its English lines of a
    standing opt-in, as the Diagnostics section lists them (the CLI shows each diagnostic on
    the live lines too, and YAML's last one on the step's line: once there)."""
    proc = stack.run("preview")
    diagnostics = proc.stdout.split("\nDiagnostics:", 1)[1].split("\nOutputs:", 1)[0]
    lines = [line.strip() for line in diagnostics.splitlines()]
    records = [json.loads(line[len(RECORD) :]) for line in lines if line.startswith(RECORD)]
    opt_ins = [line for line in lines if line.startswith(f"cozmox: {resource}: standing opt-in (")]
    return [r for r in records if r.get("resource") == resource], opt_ins


@both_doors
def test_an_update_of_an_opted_in_campaign_prints_one_record(
    campaign_stack: Callable[..., CampaignStack],
) -> None:
    stack = campaign_stack()
    stack.declare(kept=args("Kept"))
    stack.up()
    # An update (a new name): the update's record carries the opt-in; nothing else is printed.
    stack.declare(kept=args("Kept, renamed"))
    records, opt_ins = said_of(stack, "kept")
    assert len(records) == 1, records
    assert records[0].get("action") == "update", records
    assert records[0].get("opt_ins") == ["allowOutsideCallingHours"], records
    assert len(opt_ins) == 1, opt_ins
    # No change: the opt-in is still said, in one record.
    stack.declare(kept=args("Kept"))
    records, opt_ins = said_of(stack, "kept")
    assert [r.get("opt_ins") for r in records] == [["allowOutsideCallingHours"]], records
    assert "action" not in records[0], records
    assert len(opt_ins) == 1, opt_ins
