"""What a campaign names (issue 28, item 4), through the real CLI and both doors: a typo in an
assistant's id is refused at preview naming the field as the program spells it; a create's
preview names who speaks and the line it calls from; `up` reads each object once more (its own
process), a no-op preview reads nothing, a changed id is read. Requests are counted in the
emulator's journal (the seed: tests/data/objects.json)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.conftest import Emulator
from tests.e2e.conftest import CampaignStack, both_doors
from tests.e2e.test_org_rules import campaign

ADA, GRACE = "+14155550101", "+14155550102"
START = "2099-01-05T17:00"
#: A create's preview reads the org: what is scheduled, in progress, and ended lately.
ORG = [("GET", "/campaign")] * 3
NAMES_LINE = 'assistant "Reminders" (asst-1); calls from +16175550100 "Main line" (pn-1)'


def sent(emulator: Emulator) -> list[tuple[str, str]]:
    entries = emulator.control.get("requests").json()
    return [(e["method"], e["path"]) for e in entries]


def said(run: Any) -> str:
    return str(run.stdout) + str(run.stderr)


@both_doors
def test_a_typo_in_what_a_campaign_names_is_refused_and_the_rest_is_named(
    campaign_stack: Callable[..., CampaignStack], emulator: Emulator
) -> None:
    stack = campaign_stack()
    stack.declare(reminders=campaign(START, [ADA, GRACE], assistant_id="asst-typo"))
    refused = stack.run("preview", check=False)
    text = said(refused)
    assert refused.returncode != 0, text
    field = stack.program_path("assistant_id")
    assert f"property {field} value" in text
    assert 'has a problem: no assistant "asst-typo" in this org' in text
    assert sent(emulator) == [
        *ORG,
        ("GET", "/assistant/asst-typo"),
        ("GET", "/phone-number/pn-1"),
    ]

    # Corrected: the preview names who speaks and the line that calls.
    stack.declare(reminders=campaign(START, [ADA, GRACE]))
    emulator.control.delete("requests").raise_for_status()
    preview = stack.run("preview")
    assert f"cozmox: reminders: {NAMES_LINE}" in said(preview)
    assert sent(emulator) == [*ORG, ("GET", "/assistant/asst-1"), ("GET", "/phone-number/pn-1")]

    # `up` checks again in its own process: one read of each, one POST.
    emulator.control.delete("requests").raise_for_status()
    stack.up()
    requests = sent(emulator)
    assert requests.count(("GET", "/assistant/asst-1")) == 1
    assert requests.count(("GET", "/phone-number/pn-1")) == 1
    assert [r for r in requests if r[0] != "GET"] == [("POST", "/campaign")]

    # Nothing changes: nothing is read.
    emulator.control.delete("requests").raise_for_status()
    stack.run("preview", "--expect-no-changes")
    assert sent(emulator) == []

    # Another assistant: read (with the line), before the live status an update needs.
    [campaign_id] = [c["id"] for c in emulator.api().get("/campaign").json()["results"]]
    stack.declare(reminders=campaign(START, [ADA, GRACE], assistant_id="asst-2"))
    emulator.control.delete("requests").raise_for_status()
    changed = stack.run("preview")
    assert 'cozmox: reminders: assistant "Renewals" (asst-2); calls from' in said(changed)
    assert sent(emulator) == [
        ("GET", "/assistant/asst-2"),
        ("GET", "/phone-number/pn-1"),
        ("GET", f"/campaign/{campaign_id}"),
    ]
