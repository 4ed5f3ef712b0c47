"""What must never happen: a bad campaign reaching the API, the API key reaching state or
output, customers' personal data in plain text in state."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Emulator
from tests.e2e.conftest import CampaignStack, both_doors
from tests.e2e.pulumi_cli import PulumiFailed

SECRET_SIG = "4dabf18193072939515e22adb298388d"  # how state marks a secret value


def valid_args(**overrides: object) -> dict[str, object]:
    return {
        "name": "Safety",
        "phone_number_id": "pn-1",
        "assistant_id": "asst-1",
        "customers": [
            {"number": "+14155550101", "email": "ada@example.com"},
            {"number": "+14155550102"},
        ],
        "schedule_plan": {"earliestAt": "2099-01-01T17:00:00Z"},
        **overrides,
    }


@both_doors
def test_bad_input_fails_preview_with_its_path_and_sends_nothing(
    campaign_stack: Callable[..., CampaignStack], emulator: Emulator
) -> None:
    stack = campaign_stack()
    stack.declare(
        bad=valid_args(
            customers=[
                {"number": "+14155550101"},
                {"number": "+14155550102", "assistantOverrides": {"voice": {"provider": "nope"}}},
            ],
            schedule_plan={
                "earliestAt": "2099-01-01T17:00:00Z",
                "latestAt": "2098-01-01T00:00:00Z",
            },
        )
    )
    emulator.control.delete("requests").raise_for_status()
    with pytest.raises(PulumiFailed) as failed:
        stack.run("preview")
    output = failed.value.stdout + failed.value.stderr
    assert "customers[1].assistantOverrides.voice.provider" in output
    assert stack.program_path("schedule_plan.latestAt") in output
    with pytest.raises(PulumiFailed):
        stack.up()
    assert emulator.control.get("requests").json() == []


def up_and_refresh(stack: CampaignStack) -> list[str]:
    stack.declare(main=valid_args())
    up = stack.up()
    refresh = stack.run("refresh", "--yes", "--skip-preview")
    return [up.stdout, up.stderr, refresh.stdout, refresh.stderr]


def holders_of(stack: CampaignStack, text: str) -> list[str]:
    """The types of the resources whose revealed state contains ``text``."""
    resources = stack.export(show_secrets=True)["deployment"]["resources"]
    return [r["type"] for r in resources if text in json.dumps(r)]


@both_doors
def test_key_in_env_never_reaches_state_even_revealed(
    campaign_stack: Callable[..., CampaignStack], emulator: Emulator
) -> None:
    stack = campaign_stack(key_in="env")
    for output in up_and_refresh(stack):
        assert emulator.api_key not in output
    assert emulator.api_key not in stack.run("stack", "export", "--show-secrets").stdout
    # The check is real: revealed state holds the (compressed) customers, key-free.
    revealed = stack.resource(":Campaign", "main", show_secrets=True)
    assert stack.recorded_customers(revealed["inputs"])[0]["email"] == "ada@example.com"


@both_doors
def test_key_in_config_stays_out_of_campaigns_and_plain_state(
    campaign_stack: Callable[..., CampaignStack], emulator: Emulator, tmp_path: Path
) -> None:
    stack = campaign_stack(key_in="config")
    for output in up_and_refresh(stack):
        assert emulator.api_key not in output
    # The engine hands all stack config to dynamic providers and records it, encrypted, as
    # the default provider's inputs (pulumi/pulumi pkg/resource/deploy/target.go): that is
    # the one place it is, and why the README recommends COZMOX_API_KEY.
    assert holders_of(stack, emulator.api_key) == [stack.provider_type]
    state_files = [p for p in (tmp_path / "backend").rglob("*") if p.is_file()]
    assert state_files
    for path in state_files:
        text = path.read_text(errors="replace")
        assert emulator.api_key not in text
        assert "+14155550101" not in text and "ada@example.com" not in text

    # Refresh re-reads the campaign: its customers stay secret in inputs and outputs.
    recorded = stack.resource(":Campaign", "main")
    for part in ("inputs", "outputs"):
        assert SECRET_SIG in recorded[part]["customers"]


@both_doors
def test_wrong_key_error_names_the_status_not_the_key(
    campaign_stack: Callable[..., CampaignStack], emulator: Emulator
) -> None:
    stack = campaign_stack()
    wrong = "sk-not-a-real-key-7f3a"
    stack.configure(secrets={"cozmox:apiKey": wrong})
    stack.declare(main=valid_args())
    with pytest.raises(PulumiFailed) as failed:
        stack.up()
    output = failed.value.stdout + failed.value.stderr
    assert "401" in output
    assert wrong not in output
