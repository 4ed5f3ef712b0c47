"""``pulumi-cozmox validate``: exit codes and output lines."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from pulumi_cozmox.apps.cli import main
from tests.seed_paths import SEED_RULE_PATHS, SEED_SCHEMA_PATHS

DATA = Path(__file__).resolve().parent.parent / "data"


def test_valid_file_exits_0_silently(capsys):
    assert main(["validate", str(DATA / "campaign-full.json")]) == 0
    assert capsys.readouterr() == ("", "")


def test_invalid_file_exits_1_one_line_per_problem(capsys):
    assert main(["validate", str(DATA / "seed-create-campaign.request.json")]) == 1
    out, err = capsys.readouterr()
    lines = out.splitlines()
    # One line per path the API contract's README says the example breaks (tests/seed_paths).
    expected = SEED_SCHEMA_PATHS | SEED_RULE_PATHS
    assert sorted(line.split(": ", 1)[0] for line in lines) == sorted(expected)
    assert len(lines) == len(expected) and err == ""
    assert "customers[0].extension: must be a string, got null" in lines


def test_typo_line(tmp_path, capsys):
    campaign = json.loads((DATA / "campaign-full.json").read_text(encoding="utf-8"))
    campaign["phoneNumberID"] = campaign.pop("phoneNumberId")
    path = tmp_path / "c.json"
    path.write_text(json.dumps(campaign), encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    # One mistake, one error: the typo's did-you-mean, not also "phoneNumberId is missing".
    assert capsys.readouterr().out.splitlines() == [
        'phoneNumberID: unknown property "phoneNumberID"; did you mean "phoneNumberId"?',
    ]


def test_missing_file_exits_2(tmp_path, capsys):
    assert main(["validate", str(tmp_path / "nope.json")]) == 2
    out, err = capsys.readouterr()
    assert out == "" and "cannot read" in err and "nope.json" in err


def test_not_json_exits_2(tmp_path, capsys):
    path = tmp_path / "bad.json"
    path.write_text("{name: 1", encoding="utf-8")
    assert main(["validate", str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and "is not JSON" in err and "line 1" in err


def test_not_utf8_exits_2(tmp_path, capsys):
    path = tmp_path / "bin.json"
    path.write_bytes(b"\xff\xfe\x00")
    assert main(["validate", str(path)]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_stdin(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO((DATA / "campaign-full.json").read_text()))
    assert main(["validate", "-"]) == 0


def test_update_flag(tmp_path, capsys):
    path = tmp_path / "u.json"
    path.write_text('{"status": "paused"}', encoding="utf-8")
    assert main(["validate", "--update", str(path)]) == 1
    assert capsys.readouterr().out.startswith("status: ")


def test_no_subcommand_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exc:
        main([])
    assert exc.value.code == 2


def test_console_script_installed():
    assert shutil.which("pulumi-cozmox") or (Path(".venv/bin/pulumi-cozmox")).exists()
