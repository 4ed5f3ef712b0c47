"""The rules in the review (issue 31, case 3): which rules judged the change, and each rule the
pull request adds, removes, loosens or tightens against its base, read from git at the base ref.

Each test commits a project's stack config and rule files on `main`, changes them in the
working tree (the pull request's head), and runs `pulumi-cozmox review --base-ref main`; the
expected lines follow from the edit.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from pulumi_cozmox.apps.cli import main
from tests.sopskit import encrypt, new_age_key, sops_env

STACK = "prod"
#: A preview of that stack: one unchanged campaign (its opt-in set), nothing else.
PREVIEW = {
    "steps": [
        {
            "op": "same",
            "urn": "urn:pulumi:prod::reminders::pulumi-python:dynamic/cozmox:Campaign::keep",
            "oldState": {"inputs": {"allow_outside_calling_hours": True}},
            "newState": {"inputs": {"allow_outside_calling_hours": True}},
        }
    ],
    "diagnostics": [],
}
LISTED = ["+14155550101", "+14155550102", "+14155550103"]


def git(folder: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
        cwd=folder,
        check=True,
        capture_output=True,
    )


def config(**values: str) -> str:
    lines = [f"  cozmox:{k}: {v}" for k, v in values.items()]
    return "config:\n" + "\n".join(lines) + "\n" if lines else "{}\n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project on `main`: call limit 1/7d, a do-not-call list of three, a policy."""
    folder = tmp_path / "repo" / "campaigns"
    folder.mkdir(parents=True)
    (folder / f"Pulumi.{STACK}.yaml").write_text(
        config(callLimit="1/7d", doNotCall="dnc.csv", callingPolicy="policy.toml")
    )
    (folder / "dnc.csv").write_text("number\n" + "\n".join(LISTED) + "\n")
    (folder / "policy.toml").write_text('hours = "08:00-21:00"\n')
    git(folder.parent, "init", "-q", "-b", "main")
    git(folder.parent, "add", "-A")
    git(folder.parent, "commit", "-qm", "base")
    return folder


def reviewed(project: Path, capsys: pytest.CaptureFixture[str], *flags: str) -> str:
    preview = project.parent.parent / "preview.json"
    preview.write_text(json.dumps(PREVIEW))
    assert main(["review", str(preview), "--cwd", str(project), *flags]) == 0
    out: str = capsys.readouterr().out
    return out


def test_the_rules_that_judged_the_change_are_named(project, capsys):
    text = reviewed(project, capsys)
    assert (
        "**Rules that judged this change:** calling policy <code>policy.toml</code>; "
        "do-not-call list <code>dnc.csv</code> (3 entries); call limit 1/7d; "
        "1 standing opt-in." in text
    )
    for number in LISTED:
        assert number[-7:] not in text


def test_unchanged_rules_say_so(project, capsys):
    text = reviewed(project, capsys, "--base-ref", "main")
    assert "The rules are those of <code>main</code>: no rule added, removed or changed." in text
    assert "[!CAUTION]" not in text


def test_removing_the_call_limit_is_a_caution(project, capsys):
    (project / f"Pulumi.{STACK}.yaml").write_text(
        config(doNotCall="dnc.csv", callingPolicy="policy.toml")
    )
    text = reviewed(project, capsys, "--base-ref", "main")
    caution = text.split("> [!CAUTION]\n", 1)[1].split("\n\n", 1)[0]
    assert "**This change loosens the rules** against <code>main</code>:" in caution
    assert "> - **this change removes the call limit 1/7d**" in caution
    assert "no call limit" in text


def test_a_blackout_date_added_is_a_tightening_not_a_caution(project, capsys):
    (project / "policy.toml").write_text('hours = "08:00-21:00"\nblackout_dates = ["2099-01-14"]\n')
    text = reviewed(project, capsys, "--base-ref", "main")
    assert "[!CAUTION]" not in text
    assert (
        "Rule changes against <code>main</code>: this change adds a blackout date 2099-01-14."
        in text
    )


def test_wider_hours_and_fewer_listed_people_loosen(project, capsys):
    (project / "policy.toml").write_text('hours = "07:00-21:00"\n')
    (project / "dnc.csv").write_text("\n".join(LISTED[:2]) + "\n")
    text = reviewed(project, capsys, "--base-ref", "main")
    assert "> - **this change widens the calling hours 08:00-21:00 → 07:00-21:00**" in text
    assert "> - **this change removes 1 entry from the do-not-call list (3 → 2)**" in text


def test_a_reformatted_file_is_no_change(project, capsys):
    # Another format (one number a line, a comment, spaces in a number), the same people.
    (project / "dnc.csv").write_text(
        "# moved to one a line\n+1 415 555 0101\n+14155550102\n+14155550103\n"
    )
    (project / "policy.toml").write_text('# the default hours\nhours = "08:00-21:00"\n\n')
    text = reviewed(project, capsys, "--base-ref", "main")
    assert "no rule added, removed or changed" in text


def test_an_opt_in_set_by_the_change_is_a_caution(project, capsys):
    PREVIEW["steps"][0]["oldState"] = {"inputs": {}}
    try:
        text = reviewed(project, capsys, "--base-ref", "main")
    finally:
        PREVIEW["steps"][0]["oldState"] = {"inputs": {"allow_outside_calling_hours": True}}
    assert (
        "> - **this change sets allow_outside_calling_hours=True on resource &quot;keep&quot;**"
        in text
    )


def test_an_unknown_base_ref_is_said_not_hidden(project, capsys):
    text = reviewed(project, capsys, "--base-ref", "no-such-branch")
    assert "> [!WARNING]\n> The rules of <code>no-such-branch</code> could not be read" in text


def test_a_re_encrypted_list_is_no_change_and_an_entry_removed_is_seen_through_sops(
    project, capsys, tmp_path, monkeypatch
):
    made = new_age_key(tmp_path / "keys")
    env = sops_env(tmp_path / "home", made)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    plain = ("number\n" + "\n".join(LISTED) + "\n").encode()
    (project / "dnc.csv").write_bytes(encrypt(plain, "dnc.csv", [made.recipient], env))
    git(project.parent, "commit", "-qam", "encrypt the list")
    # Encrypted again: a new data key, other bytes, the same people.
    again = encrypt(plain, "dnc.csv", [made.recipient], env)
    assert again != (project / "dnc.csv").read_bytes()
    (project / "dnc.csv").write_bytes(again)
    assert "no rule added, removed or changed" in reviewed(project, capsys, "--base-ref", "main")
    fewer = ("number\n" + "\n".join(LISTED[1:]) + "\n").encode()
    (project / "dnc.csv").write_bytes(encrypt(fewer, "dnc.csv", [made.recipient], env))
    text = reviewed(project, capsys, "--base-ref", "main")
    assert "> - **this change removes 1 entry from the do-not-call list (3 → 2)**" in text


def test_a_yaml_programs_opt_in_is_spelt_as_yaml_does(project, capsys):
    step = PREVIEW["steps"][0]
    saved = dict(step)
    step["urn"] = step["urn"].replace(
        "pulumi-python:dynamic/cozmox:Campaign", "cozmox:index:Campaign"
    )
    step["oldState"] = {"inputs": {}}
    step["newState"] = {"inputs": {"allowRedial": "c-1"}}
    try:
        text = reviewed(project, capsys, "--base-ref", "main")
    finally:
        step.clear()
        step.update(saved)
    assert (
        "> - **this change sets allowRedial: &quot;c-1&quot; on resource &quot;keep&quot;**" in text
    )
    assert "0 standing opt-ins" in text  # an id allows one campaign: nothing stands
