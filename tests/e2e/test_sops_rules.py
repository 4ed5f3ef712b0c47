"""The do-not-call list and the calling policy encrypted with SOPS, as a team encrypts its whole
rules folder (issue 28, item 5), through the real CLI: read with the key SOPS finds (the policy's
hours and the list's numbers judge the preview), and without it every preview stops with one
line naming the file and how to give the key, no number printed, nothing sent."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.conftest import Emulator
from tests.e2e.conftest import CampaignStack, through
from tests.e2e.test_org_rules import campaign, journal
from tests.sopskit import KEY_VARIABLES, new_age_key, sops, sops_config, sops_env

ADA, GRACE = "+14155550101", "+14155550102"
#: How Grace asked not to be called, as the team wrote it down (a CSV with a number column).
DO_NOT_CALL = "number,reason\n+1 (415) 555-0102,asked on the phone\n"
#: Calls from 10:00 local time: a window at 17:00 UTC (09:00 in San Francisco) is too early.
POLICY = 'hours = "10:00-20:00"\n'
NO_KEY = "encrypted with SOPS (age), and no key here decrypts it. Give SOPS the key: "


def assert_no_number(text: str) -> None:
    for number in (ADA, GRACE):
        assert number[2:] not in text and "555-0102" not in text


def encrypted_rules(stack: CampaignStack, tmp_path: Path) -> None:
    """The stack's calling policy and do-not-call list, encrypted for the team's key as a
    .sops.yaml creation rule says (the whole folder), and SOPS given that key."""
    team = new_age_key(tmp_path / "keys", "team")
    rules = stack.workdir / "rules"
    rules.mkdir()
    (rules / "do-not-call.csv").write_text(DO_NOT_CALL)
    (rules / "policy.toml").write_text(POLICY)
    sops_config(stack.workdir, [(r"rules/.*", [team.recipient])])
    for name in ("do-not-call.csv", "policy.toml"):
        sops(
            "encrypt",
            "-i",
            f"rules/{name}",
            env=sops_env(tmp_path / "home", team),
            cwd=stack.workdir,
        )
        sealed = (rules / name).read_text()
        assert '"sops"' in sealed and "555" not in sealed and "10:00" not in sealed
    stack.configure(
        {"cozmox:doNotCall": "rules/do-not-call.csv", "cozmox:callingPolicy": "rules/policy.toml"}
    )
    for variable in KEY_VARIABLES:
        stack.extra_env.pop(variable, None)
    stack.extra_env.update(HOME=str(tmp_path / "home"), SOPS_AGE_KEY_FILE=str(team.file))


@through("python")
def test_an_encrypted_do_not_call_list_refuses_a_listed_number_and_needs_its_key(
    campaign_stack: Callable[..., CampaignStack], emulator: Emulator, tmp_path: Path
) -> None:
    stack = campaign_stack()
    encrypted_rules(stack, tmp_path)

    # The policy, decrypted, judges the hours: 09:00 in San Francisco is before its 10:00.
    stack.declare(reminders=campaign("2099-01-05T17:00", [ADA]))
    early = stack.run("preview", check=False)
    said = early.stdout + early.stderr
    assert early.returncode != 0, said
    assert "before 10:00" in said
    assert_no_number(said)

    # The list, decrypted, refuses Grace by path, never by number.
    stack.declare(reminders=campaign("2099-01-05T19:00", [ADA, GRACE]))
    emulator.control.delete("requests").raise_for_status()
    refused = stack.run("preview", check=False)
    said = refused.stdout + refused.stderr
    assert refused.returncode != 0, said
    assert "customers[1]: 1 customer is on the do-not-call list" in said
    assert_no_number(said)
    assert "asked on the phone" not in said
    # Reads only: the org (what can still call, what ended lately) and what the campaign names.
    sent = [(e["method"], e["path"]) for e in journal(emulator)]
    assert sent == [("GET", "/campaign")] * 3 + [
        ("GET", "/assistant/asst-1"),
        ("GET", "/phone-number/pn-1"),
    ]

    # Without the key: one line naming the file and how to give the key; nothing sent.
    del stack.extra_env["SOPS_AGE_KEY_FILE"]
    emulator.control.delete("requests").raise_for_status()
    locked = stack.run("preview", check=False)
    said = locked.stdout + locked.stderr
    assert locked.returncode != 0, said
    lines = [x for x in said.splitlines() if NO_KEY in x]
    assert lines, said
    for line in lines:  # the whole message on each line that says it
        assert "cozmox:doNotCall file rules/do-not-call.csv: " + NO_KEY in line
        assert "SOPS_AGE_KEY_FILE=" in line
    assert "Traceback" not in said
    assert_no_number(said)
    assert journal(emulator) == []
