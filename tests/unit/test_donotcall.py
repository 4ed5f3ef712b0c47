"""_donotcall.py: reading the list, E.164 comparison, errors that name the file and line."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from pulumi_cozmox.client.errors import ConfigurationError
from pulumi_cozmox.core.engine.rule_files import load_do_not_call
from pulumi_cozmox.core.model.phone import person_of
from pulumi_cozmox.core.plan.refusal import do_not_call_refusal
from pulumi_cozmox.core.resource import names
from pulumi_cozmox.core.rules.config import Rules


def write(tmp_path: Path, text: str, name: str = "dnc.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_one_number_a_line_with_comments_and_blanks(tmp_path: Path) -> None:
    path = write(tmp_path, "# opted out\n+1 (415) 555-0101\n\n  +14155550102  \n#+14155550103\n")
    listed = load_do_not_call(path, "dnc.txt")
    assert listed.people == {"+14155550101", "+14155550102"}
    assert listed.count == 2


def test_a_csv_with_a_number_column(tmp_path: Path) -> None:
    text = "name,Number,reason\nAda,+44 20 7946 0958,asked\n# a comment\nGrace,+14155550102,\n"
    listed = load_do_not_call(write(tmp_path, text, "dnc.csv"), "dnc.csv")
    assert listed.people == {"+442079460958", "+14155550102"}


def test_customers_match_in_e164_form(tmp_path: Path) -> None:
    listed = load_do_not_call(write(tmp_path, "+1 415-555-0101\nsip:ada@example.com\n"), "x")
    customers = [
        {"number": "+14155550100"},
        {"number": "+14155550101"},
        {"sipUri": "sip:ada@example.com"},
        {"name": "nobody to call"},
    ]
    assert listed.listed(customers) == [1, 2]
    assert [person_of(c) for c in customers] == [
        "+14155550100",
        "+14155550101",
        "sip:ada@example.com",
        None,
    ]


def test_the_digest_tells_versions_apart(tmp_path: Path) -> None:
    one = load_do_not_call(write(tmp_path, "+14155550101\n", "a"), "a")
    same = load_do_not_call(write(tmp_path, "# again\n+1 415 555 0101\n", "b"), "b")
    two = load_do_not_call(write(tmp_path, "+14155550101\n+14155550102\n", "c"), "c")
    assert one.digest == same.digest != two.digest
    assert one.digest == hashlib.sha256(b"+14155550101").hexdigest()


def test_the_digest_holds_no_number(tmp_path: Path) -> None:
    # On its own (the exact digest is pinned above): a digest that kept the numbers in any
    # form, E.164 or the digits as written, fails here.
    listed = load_do_not_call(write(tmp_path, "+1 415 555 0101\n+44 20 7946 0958\n"), "a")
    assert listed.digest
    for shown in ("+14155550101", "4155550101", "415 555 0101", "2079460958", "20 7946 0958"):
        assert shown not in listed.digest


def test_the_list_and_the_rules_holding_it_print_no_number(tmp_path: Path) -> None:
    listed = load_do_not_call(write(tmp_path, "+1 415 555 0101\n"), "dnc.txt")
    for shown in (repr(listed), str(listed), repr(Rules(do_not_call=listed))):
        assert "dnc.txt" in shown and "4155550101" not in shown


@pytest.mark.parametrize(
    ("text", "line"),
    [("+14155550101\n4155550102\n", 2), ("# list\n\n+14155550101\nAda Lovelace\n", 4)],
)
def test_a_line_that_is_no_number_is_named_by_file_and_line_never_quoted(
    tmp_path: Path, text: str, line: int
) -> None:
    with pytest.raises(ConfigurationError) as bad:
        load_do_not_call(write(tmp_path, text), "lists/dnc.txt")
    message = str(bad.value)
    assert f"cozmox:doNotCall file lists/dnc.txt, line {line}: not a phone number" in message
    assert "4155550102" not in message and "Ada" not in message


def test_a_csv_without_a_number_column_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match="line 1: a CSV file needs a 'number' column"):
        load_do_not_call(write(tmp_path, "name,phone\nAda,+14155550101\n"), "dnc.csv")


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match="file gone.csv cannot be read: No such file"):
        load_do_not_call(tmp_path / "gone.csv", "gone.csv")


@pytest.mark.parametrize(
    ("status", "way_out"),
    [
        # Dialing: removing them would replace it (a re-dial); stopping it is the way.
        ("in-progress", "End the campaign now: set ended=True on the resource"),
        ("scheduled", "Remove them from the program"),
    ],
)
def test_the_refusal_names_paths_and_a_stop_as_the_way_out(
    tmp_path: Path, status: str, way_out: str
) -> None:
    listed = load_do_not_call(write(tmp_path, "+14155550102\n"), "dnc.txt")
    text = names.render(do_not_call_refusal('resource "r"', status, [1, 4], listed), "python")
    assert f"is {status} and holds customers[1], customers[4]: 2 customers" in text
    assert "(cozmox:doNotCall dnc.txt)" in text and way_out in text
    assert "ended=True" in text and "555" not in text
