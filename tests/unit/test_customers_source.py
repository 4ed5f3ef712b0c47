"""Customers read from a file are named by the file, line and column in check failures (issue
23, item 7): where each customer came from travels beside the list (``customers_source``), and
check names ``customers[5].number`` as ``customers.csv line 7, column number``. Never a value."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pulumi_cozmox import read_customers
from pulumi_cozmox.core.model.customers import encode_customers
from pulumi_cozmox.core.model.customers_file import (
    CustomersSource,
    located,
    source_of,
    source_prop,
)
from pulumi_cozmox.provider import CampaignProvider

#: A letter O typed for a zero in the second customer (line 5: a quoted name spans lines 3-4).
CSV = (
    "number,name,variableValues.plan,assistantOverrides\n"
    '+14155550101,"Ada\nLovelace",gold,\n'
    "\n"
    '+1415555O102,Grace,,"{""voice"": {""provider"": ""nobody""}}"\n'
)
JSON = """{
 "customers": [
  {"number": "+14155550101"},
  {
   "number": "+1415555O102",
   "assistantOverrides": {"variableValues": {"a b": ["x"]}}
  }
 ],
 "sops": {"version": "3.11.0"}
}
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_csv_customer_is_its_row_and_a_field_its_column(tmp_path: Path) -> None:
    customers = read_customers(write(tmp_path, "customers.csv", CSV), "customers.csv")
    source = customers.source
    assert source.lines == (2, 5)
    where = source.locate
    assert where("customers[1].number") == "customers.csv line 5, column number"
    assert where("customers[1]") == "customers.csv line 5"
    assert where("customers") == "customers.csv"
    # A template variable is its own column; anything else in overrides is inside the JSON cell.
    plan = "customers[0].assistantOverrides.variableValues.plan"
    assert where(plan) == "customers.csv line 2, column variableValues.plan"
    voice = "customers[1].assistantOverrides.voice.provider"
    assert where(voice) == "customers.csv line 5, column assistantOverrides, at voice.provider"
    assert where("schedulePlan.latestAt") == "schedulePlan.latestAt"
    # Customers named inside a message, one or several.
    assert where("is the same number as customers[0].number") == (
        "is the same number as customers.csv line 2, column number"
    )
    assert where("customers[0], customers[1]: listed") == "customers.csv lines 2, 5: listed"


def test_a_json_customer_is_its_object_line_and_a_field_its_key_path(tmp_path: Path) -> None:
    customers = read_customers(write(tmp_path, "people.json", JSON), "people.json")
    assert customers == [
        {"number": "+14155550101"},
        {"number": "+1415555O102", "assistantOverrides": {"variableValues": {"a b": ["x"]}}},
    ]
    source = customers.source
    assert source.lines == (3, 4)
    assert source.locate("customers[1].number") == "people.json line 4, key number"
    odd = 'customers[1].assistantOverrides.variableValues["a b"][0]'
    assert (
        source.locate(odd) == 'people.json line 4, key assistantOverrides.variableValues["a b"][0]'
    )
    listed = read_customers(write(tmp_path, "l.json", '[\n\n {"number": "+1"}, {"x": 1}]'))
    assert listed.source.lines == (3, 3)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[{"number": "+1"},]', "c.json line 1: not JSON"),
        ('[{"number": "+1"}]\n[]', "c.json line 2: not JSON"),
        ('[{"number": NaN}]', "c.json line 1: not JSON"),
        ('{"customers": [{"number": "+1"}], "other": 1}', "c.json: must be a JSON list"),
        ('{"customers": {"number": "+1"}}', "c.json: must be a JSON list"),
        ('[{"number": "+1"}, "+2"]', "c.json: must be a JSON list"),
        ("{}", "c.json: must be a JSON list"),
    ],
)
def test_a_json_file_that_is_no_list_of_customers_says_so(
    tmp_path: Path, text: str, message: str
) -> None:
    with pytest.raises(ValueError) as error:
        read_customers(write(tmp_path, "c.json", text), "c.json")
    assert str(error.value).startswith(message), error.value


def test_the_source_is_small_in_state_and_reads_back(tmp_path: Path) -> None:
    rows = "".join(f"+1415555{i:04d}\n" for i in range(10_000))
    customers = read_customers(write(tmp_path, "big.csv", "number\n" + rows), "big.csv")
    prop = source_prop(customers)
    # 10,000 one-line rows are one run, not 10,000 numbers in every stack's state.
    assert prop == {
        "file": "big.csv",
        "format": "csv",
        "lines": [[2, 1, 10_000]],
        "columns": ["number"],
    }
    assert CustomersSource.from_prop(prop) == customers.source
    uneven = CustomersSource("c.json", "json", (2, 5, 9, 11, 13, 30))
    assert CustomersSource.from_prop(uneven.to_prop()) == uneven
    assert source_of(prop, 10_000) == customers.source
    assert source_of(prop, 9_999) is None  # it would name the wrong lines
    for broken in ({**prop, "lines": [[2, 0, 5]]}, {**prop, "format": "xml"}, "big.csv", None):
        assert source_of(broken, 10_000) is None


def test_a_list_the_program_changed_is_named_by_paths(tmp_path: Path) -> None:
    path = write(tmp_path, "customers.csv", CSV)
    assert source_prop(read_customers(path)) is not None
    assert source_prop(list(read_customers(path))) is None
    for change in ("append", "pop", "reverse", "replace"):
        customers = read_customers(path)
        if change == "append":
            customers.append({"number": "+14155550199"})
        elif change == "pop":
            customers.pop(0)
        elif change == "reverse":
            customers.reverse()
        else:
            customers[1] = {"number": "+14155550199"}
        assert source_prop(customers) is None, change


def test_located_leads_the_reason_with_the_place_and_keeps_other_paths() -> None:
    source = CustomersSource("c.csv", "csv", (2, 3), ("number",))
    failures = [
        ("customers[1].number", "is the same number as customers[0].number"),
        ("schedulePlan.latestAt", "must be after schedulePlan.earliestAt"),
        ("", "r: customers[1]: 1 customer on the do-not-call list"),
        ("customers", "needs at least one customer"),
    ]
    assert located(failures, source) == [
        ("", "c.csv line 3, column number: is the same number as c.csv line 2, column number"),
        ("schedulePlan.latestAt", "must be after schedulePlan.earliestAt"),
        ("", "r: c.csv line 3: 1 customer on the do-not-call list"),
        ("", "c.csv: needs at least one customer"),
    ]


def props(customers: list[dict[str, Any]], source: dict[str, Any] | None) -> dict[str, Any]:
    return {
        "resource_name": "spring",
        "name": "Spring",
        "phone_number_id": "pn-1",
        "assistant_id": "asst-1",
        "schedule_plan": {"earliestAt": "2099-01-01T17:00:00Z"},
        "customers": encode_customers(customers),
        "customer_count": len(customers),
        "customers_source": source,
    }


def test_check_names_a_file_customer_by_line_and_column_never_its_value(tmp_path: Path) -> None:
    customers = read_customers(write(tmp_path, "customers.csv", CSV), "customers.csv")
    news = props(customers, source_prop(customers))
    voice, number = CampaignProvider().check({}, news).failures
    # No property: the engine would print the value of a property a failure names.
    assert voice.property == number.property == ""
    assert voice.reason.startswith(
        "customers.csv line 5, column assistantOverrides, at voice.provider: is not allowed"
    )
    assert number.reason.startswith("customers.csv line 5, column number: is not an E.164 ")
    assert "character 9 is a letter, not a digit" in number.reason
    assert "numberE164CheckEnabled" not in number.reason  # a typo: no way around it fits
    assert not [f for f in (voice, number) if "5555O102" in f.reason or "Grace" in f.reason]
    # Without a source (a list the program built, a stack recorded before): the paths.
    failures = CampaignProvider().check({}, props(customers, None)).failures
    assert {f.property for f in failures} == {
        "customers[1].number",
        "customers[1].assistantOverrides.voice.provider",
    }


def test_a_stack_recorded_without_a_source_previews_no_change(tmp_path: Path) -> None:
    customers = read_customers(
        write(tmp_path, "customers.csv", CSV.replace("5555O102", "55550102"))
    )
    recorded = {**props(customers, None), "status": "scheduled", "__provider": "x"}
    del recorded["customers_source"]
    news = props(customers, source_prop(customers))
    assert news["customers_source"] is not None
    assert CampaignProvider().diff("c-1", recorded, news).changes is False
