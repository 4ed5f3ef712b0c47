"""What a pull-request reviewer sees of a campaign change (issue 9), through the real CLI.

One stack, several campaigns: one replaced with a known customers delta after it dialed, one
renamed (a create and a delete of the same campaign), one deleted after dialing, one created
whose window is already open, one created outside calling hours with the opt-out. The
expected facts follow from that scenario: who is called, how many, how many again, when,
and the warnings, in the plain preview lines and in `pulumi-cozmox review`'s Markdown. No
number, email or name used anywhere appears in any output.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import pytest

from tests.conftest import Emulator
from tests.e2e.conftest import CampaignStack
from tests.e2e.pulumi_cli import run_review

# Personal data the scenario uses: none of it may appear in any output.
PEOPLE = {
    "+14155550131": ("Zelda Quixote", "zelda.quixote@example.com"),
    "+14155550132": ("Yorick Vandermeer", "yorick.v@example.com"),
    "+14155550133": ("Xanthe Ollivander", "xanthe.o@example.com"),
    "+14155550134": ("Wendeline Prax", "wendeline.p@example.com"),
    "+14155550141": ("Ulrich Brandvold", "ulrich.b@example.com"),
    "+14155550151": ("Tamsin Echeverria", "tamsin.e@example.com"),
    "+14155550152": ("Saoirse Lindqvist", "saoirse.l@example.com"),
    "+442079460161": ("Rosalind Achterberg", "rosalind.a@example.com"),
    "+14155550171": ("Quentin Mabuchi", "quentin.m@example.com"),
}
# 09:00-12:00 in Los Angeles on 1 January 2099 (PST, UTC-8).
DAYTIME = {"earliestAt": "2099-01-01T17:00:00Z", "latestAt": "2099-01-01T20:00:00Z"}
# After DAYTIME has passed: 10:00-13:00 in Los Angeles on 1 June 2099 (PDT, UTC-7).
LATER = {"earliestAt": "2099-06-01T17:00:00Z", "latestAt": "2099-06-01T20:00:00Z"}


def customer(number: str, **changes: Any) -> dict[str, Any]:
    name, email = PEOPLE[number]
    return {"number": number, "name": name, "email": email, **changes}


def campaign(name: str, numbers: list[str], **options: Any) -> dict[str, Any]:
    return {
        "name": name,
        "phone_number_id": "pn-1",
        "assistant_id": "asst-1",
        "customers": [customer(n) for n in numbers],
        "schedule_plan": DAYTIME,
        **options,
    }


def spec_of(stack: CampaignStack) -> str:
    """What the program was last given to declare (the spec it reads)."""
    return (stack.workdir / "spec.json").read_text()


def listed_status(entry: dict[str, Any]) -> str | None:
    """The status a listing asked for."""
    return dict(parse_qsl(entry["query"])).get("status")


def assert_no_personal_data(outputs: list[str]) -> None:
    for text in outputs:
        for number, (name, email) in PEOPLE.items():
            for secret in (number, number[1:], name, email):
                assert secret not in text, f"{secret!r} leaked"


@dataclass
class Scenario:
    """A stack under review, what it printed and what its program was given to declare."""

    stack: CampaignStack
    outputs: list[str] = field(default_factory=list)
    declared: list[str] = field(default_factory=list)  # every spec the program was given

    def declare(self, **resources: dict[str, Any]) -> None:
        self.stack.declare(**resources)
        self.declared.append(spec_of(self.stack))

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        done = self.stack.run(*args, check=check)
        self.outputs += [done.stdout, done.stderr]
        return done


SWAP = ["+14155550131", "+14155550132", "+14155550133"]


def applied_and_dialed(scenario: Scenario, emulator: Emulator) -> None:
    """Three campaigns applied; swap and dialed then call everyone: the API's clock stops
    past their window, the calls end (old waits for June), refresh records it."""
    scenario.declare(
        swap=campaign("Swap", SWAP),
        old=campaign("Renewals", ["+14155550141"], schedule_plan=LATER),
        dialed=campaign("Done", ["+14155550151", "+14155550152"]),
    )
    scenario.run("up", "--yes", "--skip-preview")
    emulator.clock(freeze=True, set="2099-01-02T00:00:00Z")  # what is created now dials after
    scenario.run("refresh", "--yes", "--skip-preview")


def declare_the_change(scenario: Scenario) -> None:
    """The change under review: a replacement, a look-alike of a delete, two creates."""
    scenario.declare(
        # +..33 removed, +..34 added, +..31 renamed; the campaign has ended.
        swap=campaign(
            "Swap",
            SWAP,
            allow_redial=True,
            schedule_plan=LATER,
            customers=[
                customer("+14155550131", name="Zelda Q."),
                customer("+14155550132"),
                customer("+14155550134"),
            ],
        ),
        # "old", renamed, one customer's name edited on the way: not identical (the guard lets
        # it through), but it looks like a rename, which the review must say.
        new=campaign(
            "Renewals",
            ["+14155550141"],
            customers=[customer("+14155550141", name="U. B.")],
            schedule_plan=LATER,
        ),
        # "dialed" is gone from the program: it has dialed, so it is forgotten (kept in the API).
        # No schedule: the window is already open, dialing starts at once.
        fresh=campaign(
            "Fresh", ["+442079460161"], schedule_plan=None, allow_outside_calling_hours=True
        ),
        # 01:00-04:00 in Los Angeles (PST), allowed explicitly.
        night=campaign(
            "Night",
            ["+14155550171"],
            schedule_plan={
                "earliestAt": "2099-02-01T09:00:00Z",
                "latestAt": "2099-02-01T12:00:00Z",
            },
            allow_outside_calling_hours=True,
        ),
    )


def assert_preview_lines(lines: list[str]) -> None:
    """The preview's lines for the change under review (each without its ``cozmox: ``)."""
    # The replacement: why, the delta by number (masked), how many called, how many again.
    assert any(ln.startswith("swap: replace (schedule_plan, customers changed)") for ln in lines)
    # Ended is final: the state's record of it is read, not the API (and the line says so);
    # its counters read as history.
    assert "swap: status ended, as recorded; calls so far: 3 of 3 calls ended" in lines
    delta = next(ln for ln in lines if ln.startswith("swap: customers: "))
    assert delta.startswith("swap: customers: 1 added, 1 removed, 1 changed, 1 unchanged")
    assert "added +1 ••• ••• ••34" in delta and "removed +1 ••• ••• ••33" in delta
    assert "changed +1 ••• ••• ••31" in delta
    assert any(
        ln.startswith("swap: calls 3 people (2 again) 2099-06-01 17:00-20:00 UTC")
        and "America/Los_Angeles 10:00-13:00 (3 people)" in ln
        for ln in lines
    )
    assert "new: create" in lines and "fresh: create" in lines and "night: create" in lines
    assert any(
        ln.startswith("fresh: calls 1 person (0 again)") and "starts at once" in ln for ln in lines
    )
    night = next(ln for ln in lines if ln.startswith("night: calls"))
    assert "America/Los_Angeles 01:00-04:00 (1 person, outside 08:00-21:00" in night
    # Deletes never reach the provider at preview: no line names them (review covers them).
    assert not any(ln.startswith(("dialed:", "old:")) for ln in lines)


def assert_review(markdown: str) -> None:
    """The pull-request comment for the change under review."""
    summary = next(ln for ln in markdown.splitlines() if ln.startswith("**Cozmox:"))
    # Created: new, fresh, night; replaced: swap; deleted: old (never dialed); forgotten:
    # dialed (it called people: its record stays in the API).
    # Called: 1 + 1 + 1 (creates) + 3 (swap) = 6, of whom 2 again (swap kept +..31, +..32).
    assert "6 campaigns (3 created, 1 replaced, 1 deleted, 1 forgotten)" in summary
    assert "calls 6 people, 2 of them again" in summary
    warnings = markdown.split("[!WARNING]", 1)[1].split("<details>", 1)[0]
    assert (
        "<code>dialed</code>: the campaign is **ended** (2 of 2 calls ended) and is "
        "**forgotten** by Pulumi; **its record stays in the API**"
    ) in warnings
    assert (
        "<code>swap</code>: the campaign is **ended**" in warnings
        and "**called again**" in warnings
    )
    assert "<code>night</code>: **1 person called outside 08:00-21:00**" in warnings
    assert "<code>fresh</code>: the window is already open" in warnings
    assert "<code>new</code> (created) and <code>old</code> (deleted) look like" in warnings
    assert len(markdown) < 65_000


def reviewed(scenario: Scenario, tmp_path: Path, code: int) -> str:
    """``pulumi preview --json`` through ``pulumi-cozmox review``: its comment (exit ``code``)."""
    as_json = scenario.run("preview", "--json", check=code == 0)
    assert (as_json.returncode == 0) == (code == 0)  # a failed preview fails the command too
    rendered = run_review(as_json.stdout, tmp_path)
    scenario.outputs += [rendered.stdout, rendered.stderr]
    assert rendered.returncode == code, rendered.stderr
    return rendered.stdout


def test_preview_lines_and_review_show_who_is_called_how_many_and_when(
    campaign_stack: Callable[..., CampaignStack], emulator: Emulator, tmp_path: Path
) -> None:
    scenario = Scenario(campaign_stack())
    applied_and_dialed(scenario, emulator)
    quiet = scenario.run("preview")  # no change: no line at all
    assert "cozmox:" not in quiet.stdout + quiet.stderr

    declare_the_change(scenario)
    preview = scenario.run("preview")
    text = preview.stdout + preview.stderr
    assert_preview_lines(
        [ln.split("cozmox: ", 1)[1] for ln in text.splitlines() if "cozmox: " in ln]
    )
    assert_review(reviewed(scenario, tmp_path, 0))
    # up applies what preview showed (the look-alike is not identical: it is created).
    scenario.run("up", "--yes", "--skip-preview")

    # A failed preview: review exits 1 and quotes its errors, paths only.
    scenario.declare(bad=campaign("Bad", ["+14155550131", "+14155550131"]))
    assert "customers[1].number" in reviewed(scenario, tmp_path, 1)

    assert_no_personal_data(scenario.outputs)
    # The check is real: the program's inputs held every one of them (counted, not shown).
    held = "\n".join(scenario.declared)
    missing = sum(s not in held for n, (name, email) in PEOPLE.items() for s in (n, name, email))
    assert missing == 0, f"{missing} of the scenario's personal data never declared"


@pytest.mark.parametrize("allowed", [False, True])
def test_a_window_outside_calling_hours_is_refused_unless_allowed(
    allowed: bool, campaign_stack: Callable[..., CampaignStack], emulator: Emulator
) -> None:
    stack = campaign_stack()
    night = {"earliestAt": "2099-02-01T09:00:00Z", "latestAt": "2099-02-01T12:00:00Z"}
    options = {"allow_outside_calling_hours": True} if allowed else {}
    stack.declare(
        night=campaign("Night", ["+14155550171", "+442079460161"], schedule_plan=night, **options)
    )
    preview = stack.run("preview", check=False)
    text = preview.stdout + preview.stderr
    if allowed:
        assert preview.returncode == 0
        assert "America/Los_Angeles 01:00-04:00 (1 person, outside 08:00-21:00" in text
    else:
        assert preview.returncode != 0
        assert "schedule_plan" in text
        assert "would call 1 customer outside 08:00-21:00 their local time (customers[0])" in text
        assert "America/Los_Angeles (1)" in text and "allow_outside_calling_hours=True" in text
        assert "Europe/London" not in text.split("would call", 1)[1].split("\n", 1)[0]
        # The preview read the org once (its campaigns that can call or ended lately; the
        # API's clock for "already open") and what the campaign names; it wrote nothing.
        read = sorted(emulator.control.get("requests").json(), key=lambda e: e["arrived"])
        assert [(e["method"], e["path"], listed_status(e)) for e in read] == [
            ("GET", "/campaign", "scheduled"),
            ("GET", "/campaign", "in-progress"),
            ("GET", "/campaign", "ended"),
            ("GET", "/assistant/asst-1", None),
            ("GET", "/phone-number/pn-1", None),
        ]
