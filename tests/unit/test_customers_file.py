"""Customers in a file of their own (CSV or JSON): what each cell means, and errors that name
the file, line and column but never a cell (customers are personal data)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pulumi_cozmox import read_customers
from pulumi_cozmox.core.model.customers_text import customers_csv


def write(tmp_path: Path, text: str, name: str = "c.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_cells_are_fields_and_empty_cells_are_not_set(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "\ufeffnumber,name,numberE164CheckEnabled,assistantOverrides,variableValues.plan\n"
        '+14155550101,Ada,false,"{""metadata"": {""k"": 1}}",gold\n'
        "+14155550102,,,,\n"
        "\n",
    )
    assert read_customers(path) == [
        {
            "number": "+14155550101",
            "name": "Ada",
            "numberE164CheckEnabled": False,
            "assistantOverrides": {"metadata": {"k": 1}, "variableValues": {"plan": "gold"}},
        },
        {"number": "+14155550102"},
    ]


def test_a_written_file_reads_back_equal(tmp_path: Path) -> None:
    customers: list[dict[str, Any]] = [
        {"number": "+14155550101", "name": 'Ada "the first", Countess', "email": "a@x.org"},
        {"sipUri": "sip:b@x.org", "assistantOverrides": {"variableValues": {"é": "ü\n2"}}},
        {"number": "+14155550103", "numberE164CheckEnabled": True, "extension": "12"},
    ]
    path = tmp_path / "out.csv"
    path.write_text(customers_csv(customers), encoding="utf-8")
    assert read_customers(path) == customers


def test_a_field_without_a_column_is_not_written(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"customers\[1\]\.nickname has no CSV column"):
        customers_csv([{"number": "+1"}, {"nickname": "x"}])


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("number,phone\n+14155550101,1\n", "c.csv line 1: unknown column 'phone'"),
        ("number,number\n+14155550101,+1\n", "c.csv line 1: column 'number' appears twice"),
        ("number,numberE164CheckEnabled\n+14155550101,yes\n", "c.csv line 2: numberE164Check"),
        ("number,assistantOverrides\n+14155550101,{oops\n", "c.csv line 2: assistantOverrides"),
        ("number\n+14155550101,+14155550102\n", "c.csv line 2: 2 cells, the header has 1"),
        ("", "c.csv: empty"),
    ],
)
def test_errors_name_file_line_and_column_never_a_value(
    tmp_path: Path, text: str, message: str
) -> None:
    with pytest.raises(ValueError) as error:
        read_customers(write(tmp_path, text), "c.csv")
    assert str(error.value).startswith(message)
    assert "+1415555010" not in str(error.value)


def test_a_json_file_is_a_list_of_customers(tmp_path: Path) -> None:
    assert read_customers(write(tmp_path, '[{"number": "+14155550101"}]', "c.json")) == [
        {"number": "+14155550101"}
    ]
    with pytest.raises(ValueError, match="must be a JSON list of customer objects"):
        read_customers(write(tmp_path, '{"number": "+1"}', "c.json"))
    with pytest.raises(ValueError, match="no such file"):
        read_customers(tmp_path / "missing.csv")
    with pytest.raises(ValueError, match=r"\.csv or \.json"):
        read_customers(write(tmp_path, "number\n", "c.txt"))
