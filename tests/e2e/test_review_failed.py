"""A failed preview is never a clean comment, through the real CLI (issue 31, cases 1, 2, 7).

- A YAML program with a misspelt property: the YAML host writes its error to stderr (an
  ``info#err`` diagnostic) and the JSON still counts the create; the review fails, quoting it.
- A Python program where one of two campaigns is refused (a night window, no opt-out) and the
  other is let through with a warning (the same window, opted out): the review quotes the
  refusal and keeps the other's plan and warning.
- A Python program with a misspelt argument, to ``Campaign(...)`` or to a hand-written
  ``CampaignArgs(...)``: one line with the nearest name, no traceback.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conftest import CampaignStack, through, write_python_project, write_yaml_project
from tests.e2e.pulumi_cli import REPO, run_review

# 01:00-04:00 in Los Angeles (PST): outside 08:00-21:00.
NIGHT = {"earliestAt": "2099-02-01T09:00:00Z", "latestAt": "2099-02-01T12:00:00Z"}
DAYTIME = {"earliestAt": "2099-01-01T17:00:00Z", "latestAt": "2099-01-01T20:00:00Z"}
NUMBERS = ("+14155550131", "+14155550132")


def campaign(name: str, number: str, **options: Any) -> dict[str, Any]:
    return {
        "name": name,
        "phone_number_id": "pn-1",
        "assistant_id": "asst-1",
        "customers": [{"number": number}],
        "schedule_plan": NIGHT,
        **options,
    }


@through("yaml")
def test_a_yaml_misspelt_property_fails_the_review(
    campaign_stack: Callable[..., CampaignStack], tmp_path: Path
) -> None:
    stack = campaign_stack()
    properties = {
        "name": "Spring",
        "phoneNumberId": "pn-1",
        "assistantId": "asst-1",
        "customers": [{"number": NUMBERS[0]}],
        "schedulePlna": DAYTIME,  # the typo
    }
    write_yaml_project(
        stack.workdir, {"spring": {"type": "cozmox:index:Campaign", "properties": properties}}
    )
    preview = stack.run("preview", "--json", check=False)
    assert preview.returncode != 0
    rendered = run_review(preview.stdout, tmp_path, "--preview-exit", str(preview.returncode))
    assert rendered.returncode == 1, rendered.stdout + rendered.stderr
    text = rendered.stdout
    assert "**Cozmox: the preview failed.**" in text
    assert "> Error: Property schedulePlna does not exist on 'cozmox:index:Campaign'" in text
    # The host's lines after it (one diagnostic each) stay with it: where, and what would do.
    assert ">   Existing properties are: schedulePlan, " in text, text
    assert "no campaign changes" not in text and "Nobody is called" not in text
    # From the JSON alone, without the exit status, the review fails all the same.
    alone = run_review(preview.stdout, tmp_path)
    assert alone.returncode == 1 and "schedulePlna does not exist" in alone.stdout


def test_a_refused_campaign_fails_the_review_which_keeps_the_others_plan_and_warning(
    campaign_stack: Callable[..., CampaignStack], tmp_path: Path
) -> None:
    stack = campaign_stack()
    stack.declare(
        # Opted out: let through, with a warning that it calls outside calling hours.
        allowed=campaign("Allowed", NUMBERS[0], allow_outside_calling_hours=True),
        # No opt-out: refused at check. Declared after the first, so the first is judged.
        refused=campaign("Refused", NUMBERS[1], depends_on=["allowed"]),
    )
    preview = stack.run("preview", "--json", check=False)
    assert preview.returncode != 0
    # The machine record: one line for the campaign let through, after its English lines,
    # its standing opt-in in it (not a record of its own before them).
    said = [
        d["message"].strip()
        for d in json.loads(preview.stdout)["diagnostics"]
        if "allowed" in d["message"]
    ]
    records = [line for line in said if line.startswith("cozmox-report:")]
    assert len(records) == 1 and said[-1] == records[0], said
    assert '"opt_ins":["allowOutsideCallingHours"]' in records[0]
    assert any(line.startswith("cozmox: allowed: standing opt-in (") for line in said), said
    rendered = run_review(preview.stdout, tmp_path, "--preview-exit", str(preview.returncode))
    assert rendered.returncode == 1
    text = rendered.stdout
    assert "**Cozmox: the preview failed.**" in text
    errors = text.split("**Judged before it stopped", 1)[0]
    assert "refused" in errors and "outside" in errors and "Traceback" not in errors
    assert "**Judged before it stopped (not the whole plan): 1 campaign (1 created); " in text
    assert "<code>allowed</code>: **1 person called outside 08:00-21:00**" in text
    assert "<details><summary><b>allowed</b>: create" in text
    assert "<b>refused</b>" not in text
    for number in NUMBERS:
        assert number[-7:] not in text


PROGRAM = """\
from pulumi_cozmox import Campaign

Campaign("mistake", **{arguments!r})
"""
ARGUMENTS: dict[str, Any] = {
    "name": "Mistake",
    "phone_number_id": "pn-1",
    "assistant_id": "asst-1",
    "customers": [{"number": "+14155550131"}],
}


@pytest.mark.parametrize(
    ("typo", "meant"),
    [
        ("allow_outside_calling_hour", "allow_outside_calling_hours"),  # optional
        ("phone_numbr_id", "phone_number_id"),  # required
    ],
)
def test_a_misspelt_argument_is_one_line_with_the_nearest_name(
    campaign_stack: Callable[..., CampaignStack], typo: str, meant: str
) -> None:
    stack = campaign_stack()
    arguments: dict[str, Any] = {k: v for k, v in ARGUMENTS.items() if k != meant}
    arguments[typo] = "pn-1" if meant == "phone_number_id" else True
    write_python_project(stack.workdir, PROGRAM.format(arguments=arguments), venv=REPO / ".venv")
    preview = stack.run("preview", check=False)
    output = preview.stdout + preview.stderr
    assert preview.returncode != 0
    expected = f"Campaign 'mistake': no argument {typo}: did you mean {meant}?"
    # The CLI shows each diagnostic on the live line and again under Diagnostics: once there.
    diagnostics = output.split("Diagnostics:", 1)[1].split("Resources:", 1)[0]
    assert diagnostics.count(expected) == 1, output
    assert "Traceback" not in output and "Error:" not in output, output


ARGS_PROGRAM = """\
from pulumi_cozmox import Campaign, CampaignArgs

Campaign("mistake", args=CampaignArgs({keywords}))
"""


@pytest.mark.parametrize(
    ("typo", "meant"),
    [
        ("allow_outside_calling_hour", "allow_outside_calling_hours"),  # optional
        ("phone_numbr_id", "phone_number_id"),  # required
    ],
)
def test_a_misspelt_argument_of_campaign_args_is_one_line_with_the_nearest_name(
    campaign_stack: Callable[..., CampaignStack], typo: str, meant: str
) -> None:
    stack = campaign_stack()
    arguments: dict[str, Any] = {k: v for k, v in ARGUMENTS.items() if k != meant}
    arguments[typo] = "pn-1" if meant == "phone_number_id" else True
    keywords = ", ".join(f"{k}={v!r}" for k, v in arguments.items())  # as a person writes them
    program = ARGS_PROGRAM.format(keywords=keywords)
    write_python_project(stack.workdir, program, venv=REPO / ".venv")
    preview = stack.run("preview", check=False)
    output = preview.stdout + preview.stderr
    assert preview.returncode != 0
    expected = f"CampaignArgs: no argument {typo}: did you mean {meant}?"
    diagnostics = output.split("Diagnostics:", 1)[1].split("Resources:", 1)[0]
    assert diagnostics.count(expected) == 1, output
    assert "Traceback" not in output and "Error:" not in output, output
