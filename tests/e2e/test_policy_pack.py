"""The calling rules as a policy pack (issue 29), through the real CLI's `--policy-pack`: a
platform team's rules that no stack's config switches off.

CLI 3.274.1 starts an executable policy pack as it is: the pack's launcher
(policy/cozmox-calling-rules/pack) runs it in its own virtualenv. (A pack folder goes through
the Python language host's RunPlugin, which the v3.79 host built here cannot serve:
test_the_pack_folder_needs_a_python_host_that_runs_plugins.) Each change below is previewed
without the pack first, where the stack's own config lets it through, then with the pack.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Emulator
from tests.e2e.conftest import CampaignStack, both_doors
from tests.e2e.pulumi_cli import REPO

PACK = REPO / "policy" / "cozmox-calling-rules"
LAUNCHER = PACK / "pack"
ADA, GRACE, ALAN = "+14155550101", "+14155550102", "+14155550103"  # San Francisco
# 2099-01-05 is a Monday. 11:00-11:30 UTC is 03:00-03:30 in San Francisco; 18:00 is 10:00.
NIGHT = {"earliestAt": "2099-01-05T11:00:00Z", "latestAt": "2099-01-05T11:30:00Z"}
MONDAY = {"earliestAt": "2099-01-05T18:00:00Z", "latestAt": "2099-01-05T19:00:00Z"}
TUESDAY = {"earliestAt": "2099-01-06T16:00:00Z", "latestAt": "2099-01-06T17:00:00Z"}
THURSDAY = {"earliestAt": "2099-01-08T18:00:00Z", "latestAt": "2099-01-08T19:00:00Z"}


@pytest.fixture(autouse=True)
def pack_installed() -> None:
    """The pack's virtualenv holds this tree's package (`make setup` installs it)."""
    stamp = PACK / "venv" / ".installed"
    sources = [
        p for p in (REPO / "provider").rglob("*") if p.is_file() and "__pycache__" not in p.parts
    ]
    if not stamp.exists() or any(p.stat().st_mtime > stamp.stat().st_mtime for p in sources):
        pytest.fail("the policy pack's virtualenv is missing or stale: run `make setup`")


def campaign(numbers: list[str], plan: dict[str, str], **options: Any) -> dict[str, Any]:
    return {
        "name": "Check-up reminders",
        "phone_number_id": "pn-1",
        "assistant_id": "asst-1",
        "customers": [{"number": n} for n in numbers],
        "schedule_plan": plan,
        **options,
    }


def pack_config(folder: Path, **policies: dict[str, Any]) -> Path:
    """A `--policy-pack-config` file: each policy's config (files given absolute: the pack
    reads relative ones from its own folder)."""
    path = folder / "pack-config.json"
    path.write_text(json.dumps(policies))
    return path


def with_pack(
    stack: CampaignStack, emulator: Emulator, config: Path, *args: str
) -> subprocess.CompletedProcess[str]:
    """``pulumi preview`` (or ARGS) with the pack, which reads the org with the environment's
    key, as the provider would take it."""
    stack.extra_env.update(COZMOX_API_KEY=emulator.api_key, COZMOX_BASE_URL=emulator.base_url)
    command = args or ("preview",)
    return stack.run(
        *command, "--policy-pack", str(LAUNCHER), "--policy-pack-config", str(config), check=False
    )


def said(run: subprocess.CompletedProcess[str]) -> str:
    return run.stdout + run.stderr


def assert_no_number(text: str, *numbers: str) -> None:
    for number in numbers:
        assert number not in text and number[2:] not in text, "a number was printed"


def journal(emulator: Emulator) -> list[str]:
    return [e["method"] for e in emulator.control.get("requests").json()]


@both_doors
def test_a_window_at_3_am_is_refused_though_the_stack_opts_out(
    campaign_stack: Callable[..., CampaignStack], emulator: Emulator, tmp_path: Path, door: str
) -> None:
    stack = campaign_stack()
    stack.declare(night=campaign([ADA, GRACE], NIGHT, allow_outside_calling_hours=True))
    assert stack.run("preview", check=False).returncode == 0  # the stack's opt-out lets it by
    refused = with_pack(stack, emulator, pack_config(tmp_path))
    text = said(refused)
    assert refused.returncode != 0, text
    plan, opt_out = (
        stack.program_path("schedule_plan"),
        stack.opt_in("allow_outside_calling_hours", True),
    )
    assert "[mandatory]  cozmox-calling-hours" in text
    assert (
        f'resource "night": {plan}: the {plan} window would call 2 customers outside 08:00-21:00 '
        "their local time (customers[0], customers[1]), in America/Los_Angeles (2); move the "
        f"window, remove them (this policy pack does not honour {opt_out}, which the resource "
        "sets)"
    ) in text
    # The opt-in itself is reported (advisory), by its name in the program's language.
    flag = stack.program_path("allow_outside_calling_hours")
    assert "[advisory]  cozmox-standing-opt-ins" in text
    assert f'resource "night": sets {flag}: a standing opt-in out of the calling rules' in text
    assert_no_number(text, ADA, GRACE)
    assert "POST" not in journal(emulator)
    # A pack that honours the opt-out (its config) lets it through, and still reports it.
    honouring = pack_config(tmp_path, **{"cozmox-calling-hours": {"honourOptOut": True}})
    allowed = with_pack(stack, emulator, honouring)
    assert allowed.returncode == 0, said(allowed)
    assert "cozmox-calling-hours" not in said(allowed)
    assert "[advisory]  cozmox-standing-opt-ins" in said(allowed)
