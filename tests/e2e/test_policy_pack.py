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
from tests.sopskit import new_age_key, sops, sops_config, sops_env

PACK = REPO / "policy" / "cozmox-calling-rules"
LAUNCHER = PACK / "pack"
# San Francisco
ADA, GRACE, ALAN, EDSGER = "+14155550101", "+14155550102", "+14155550103", "+14155550104"
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


@both_doors
def test_a_do_not_call_number_is_refused_in_a_sops_encrypted_customers_file(
    campaign_stack: Callable[..., CampaignStack], emulator: Emulator, tmp_path: Path, door: str
) -> None:
    """The YAML program names its customers by a file, encrypted with SOPS: the pack reads it
    from the project as the provider does (decrypted in memory, with the key SOPS finds)."""
    stack = campaign_stack()
    listed = tmp_path / "do-not-call.txt"
    listed.write_text(f"# asked not to be called\n{GRACE}\n")
    if door == "yaml":
        key = new_age_key(tmp_path / "keys")
        sops_config(stack.workdir, [(r"customers\.csv$", [key.recipient])])
        (stack.workdir / "customers.csv").write_text(f"number,name\n{ADA},Ada\n{GRACE},Grace\n")
        sops("encrypt", "-i", "customers.csv", env=sops_env(tmp_path, key), cwd=stack.workdir)
        assert GRACE not in (stack.workdir / "customers.csv").read_text()
        stack.extra_env["SOPS_AGE_KEY_FILE"] = str(key.file)
        spring = campaign([], MONDAY, customers_file="customers.csv")
        del spring["customers"]
        where = "customers.csv line 3"
    else:
        spring = campaign([ADA, GRACE], MONDAY)
        where = "customers[1]"
    stack.declare(spring=spring)
    assert stack.run("preview", check=False).returncode == 0  # the stack lists nobody
    config = pack_config(tmp_path, **{"cozmox-do-not-call": {"doNotCall": str(listed)}})
    refused = with_pack(stack, emulator, config)
    text = said(refused)
    assert refused.returncode != 0, text
    assert "[mandatory]  cozmox-do-not-call" in text
    assert (
        f'resource "spring": {where}: 1 customer is on the do-not-call list ({listed}, the '
        "policy pack's doNotCall); remove them from the campaign: nobody on the list is "
        "called, and there is no opt-out"
    ) in text
    assert "cozmox-calling-hours" not in text  # 10:00 in San Francisco
    assert_no_number(text, ADA, GRACE)
    assert "Grace" not in text


def another_stacks_campaign(emulator: Emulator) -> str:
    """Another stack's campaign in the org, calling Alan on Tuesday morning: its id."""
    with emulator.api() as api:
        elsewhere = campaign([ALAN], TUESDAY)
        body = {
            "name": "Another team's reminders",
            "phoneNumberId": "pn-1",
            "assistantId": "asst-1",
            "customers": elsewhere["customers"],
            "schedulePlan": TUESDAY,
        }
        return str(api.post("/campaign", json=body).raise_for_status().json()["id"])


def refused_without_the_key(stack: CampaignStack, config: Path) -> None:
    """Without the key the org cannot be counted: refused, saying so (and never a key)."""
    del stack.extra_env["COZMOX_API_KEY"]
    argv = ("preview", "--policy-pack", str(LAUNCHER), "--policy-pack-config", str(config))
    keyless = stack.run(*argv, check=False)
    assert keyless.returncode != 0
    unread = (
        "the org's campaigns cannot be read, so the call limit cannot count them: COZMOX_API_KEY "
        "is not set where `pulumi preview` runs"
    )
    assert unread in said(keyless), said(keyless)


@both_doors
def test_the_call_limit_counts_the_stack_and_the_org_and_a_clean_change_passes(
    campaign_stack: Callable[..., CampaignStack], emulator: Emulator, tmp_path: Path, door: str
) -> None:
    """The stack sets no call limit; the pack's 1/24h counts its campaign that exists (found in
    the org, counted once) and another stack's, read from the org with the environment's key."""
    stack = campaign_stack()
    stack.declare(monday=campaign([ADA, GRACE], MONDAY))
    stack.up()
    config = pack_config(tmp_path, **{"cozmox-call-limit": {"callLimit": "1/24h"}})
    emulator.control.delete("requests").raise_for_status()
    unchanged = with_pack(stack, emulator, config)
    assert unchanged.returncode == 0, said(unchanged)
    assert journal(emulator) == []  # nothing to judge: the org is not read
    other = another_stacks_campaign(emulator)
    # Tuesday calls Alan the same morning and Ada 21 hours after Monday's window.
    stack.declare(monday=campaign([ADA, GRACE], MONDAY), tuesday=campaign([ALAN, ADA], TUESDAY))
    assert stack.run("preview", check=False).returncode == 0  # no cozmox:callLimit
    emulator.control.delete("requests").raise_for_status()
    refused = with_pack(stack, emulator, config)
    text = said(refused)
    assert refused.returncode != 0, text
    assert "[mandatory]  cozmox-call-limit" in text
    tail = (
        "past the call limit 1/24h (the policy pack's callLimit); move this campaign's window "
        "further from theirs, or remove these customers"
    )
    assert (
        'resource "tuesday": customers[1]: also called by 1 other campaign within 24h of this '
        f'one (resource "monday" of this stack, 2099-01-05 18:00-19:00 UTC), {tail}'
    ) in text
    assert (
        'resource "tuesday": customers[0]: also called by 1 other campaign within 24h of this '
        f"one (campaign {other}, 2099-01-06 16:00-17:00 UTC), {tail}"
    ) in text
    assert 'resource "monday": customers' not in text  # unchanged: counted, not judged
    assert text.count("also called by") == 2  # Monday counted once, not again by its id
    assert_no_number(text, ADA, GRACE, ALAN)
    assert set(journal(emulator)) == {"GET"}
    refused_without_the_key(stack, config)
    # Moved to Thursday, calling Ada only: a clean change, which the pack lets through to `up`.
    stack.declare(monday=campaign([ADA, GRACE], MONDAY), tuesday=campaign([ADA], THURSDAY))
    clean = with_pack(stack, emulator, config)
    assert clean.returncode == 0, said(clean)
    assert "cozmox-calling-rules" in clean.stdout and "[mandatory]" not in said(clean)
    emulator.control.delete("requests").raise_for_status()
    applied = with_pack(stack, emulator, config, "up", "--yes")
    assert applied.returncode == 0, said(applied)
    assert journal(emulator).count("POST") == 1
    # Monday replaced with one more customer: the preview shows no outputs of it, and its
    # record (the one scheduled campaign of its name, number and schedule) is not counted
    # against it.
    stack.declare(monday=campaign([ADA, GRACE, EDSGER], MONDAY), tuesday=campaign([ADA], THURSDAY))
    replaced = with_pack(stack, emulator, config)
    assert replaced.returncode == 0, said(replaced)
    assert "replace" in replaced.stdout


@both_doors
def test_the_pack_folder_needs_a_python_host_that_runs_plugins(
    campaign_stack: Callable[..., CampaignStack], emulator: Emulator, door: str
) -> None:
    """Given the folder, CLI 3.274.1 asks the Python language host's RunPlugin to run it, with
    the folder in the request's ProgramInfo only; the v3.79 host built here runs
    `python <RunPluginRequest.program>`, which the CLI leaves empty, in the stack's project: so
    Python runs the project's own __main__.py (a Python program, which fails outside a
    deployment) or finds none (YAML). Hence the launcher."""
    stack = campaign_stack()
    stack.declare(spring=campaign([ADA], MONDAY))
    failed = stack.run("preview", "--policy-pack", str(PACK), check=False)
    text = said(failed)
    assert failed.returncode != 0
    if door == "python":
        assert f'File "{stack.workdir / "__main__.py"}"' in text, text
        assert "Root resource is not an instance of 'Stack'" in text
    else:
        assert f"can't find '__main__' module in '{stack.workdir}'" in text, text
    assert f'policy pack "{PACK}" failed to start' in text
    assert "POST" not in journal(emulator)
