"""A campaign's customers kept in a file of their own, beside the program: a CSV file (one
customer per row, the columns are the API's ``CreateCustomerDTO`` fields) or a JSON file (a
list of customer objects, exactly as the API takes them).

Why a file: a campaign list is data, and a program that declares ten thousand customers inline
is unreadable; ``pulumi-cozmox export`` writes each campaign's customers to one, and YAML
programs name one with ``customersFile`` (YAML cannot read a CSV itself).

In a CSV file an empty cell is a field not set, ``numberE164CheckEnabled`` is ``true`` or
``false``, and ``assistantOverrides`` (an object) is a JSON cell; a column
``variableValues.<name>`` sets that one template variable of ``assistantOverrides`` (the way
spreadsheets hold them). Errors name the file, the line and the column, never a cell's value
(customers are personal data).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import orjson

from pulumi_cozmox._json import gc_paused

__all__ = ["CUSTOMER_COLUMNS", "read_customers", "write_customers_csv"]

#: The CSV columns, in the order the export writes them (CreateCustomerDTO's fields).
CUSTOMER_COLUMNS = (
    "number",
    "sipUri",
    "name",
    "email",
    "externalId",
    "extension",
    "numberE164CheckEnabled",
    "assistantOverrides",
)
_BOOLEAN = {"numberE164CheckEnabled"}
_JSON = {"assistantOverrides"}
#: A column of one template variable: ``variableValues.plan``.
VARIABLE_PREFIX = "variableValues."


def read_customers(path: str | Path, shown: str | None = None) -> list[dict[str, Any]]:
    """The customers in ``path`` (``.csv``, or ``.json``). ``shown`` is how messages name the
    file (the path the program wrote). Raises ValueError naming the file, line and column."""
    path = Path(path)
    name = shown or str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")  # a BOM is what spreadsheets write
    except FileNotFoundError:
        raise ValueError(f"{name}: no such file (paths are relative to the project)") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"{name}: cannot be read ({type(exc).__name__})") from None
    if path.suffix.lower() not in (".csv", ".json"):
        raise ValueError(f"{name}: a customers file is .csv or .json")
    # 10,000 customers with overrides are ~400 MB of small objects and no cycle: a collection
    # triggered while they are built would walk them all again (5.5 s instead of 2.4).
    with gc_paused():
        if path.suffix.lower() == ".json":
            return _from_json(text, name)
        return _from_csv(text, name)


def _from_json(text: str, name: str) -> list[dict[str, Any]]:
    try:
        data = orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        raise ValueError(f"{name} line {exc.lineno}: not JSON ({exc.msg})") from None
    if not isinstance(data, list) or not all(isinstance(c, dict) for c in data):
        raise ValueError(f"{name}: must be a JSON list of customer objects")
    return data


def _from_csv(text: str, name: str) -> list[dict[str, Any]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise ValueError(f"{name} line 1: not CSV ({exc})") from None
    if not header:
        raise ValueError(f"{name}: empty (the first line names the columns)")
    header = [h.strip() for h in header]
    unknown = [
        h
        for h in header
        if h not in CUSTOMER_COLUMNS
        and not (h.startswith(VARIABLE_PREFIX) and len(h) > len(VARIABLE_PREFIX))
    ]
    if unknown:
        raise ValueError(
            f"{name} line 1: unknown column {unknown[0]!r}; the columns are "
            + ", ".join(CUSTOMER_COLUMNS)
            + f", and {VARIABLE_PREFIX}<name> for a template variable"
        )
    if len(set(header)) < len(header):
        twice = next(h for h in header if header.count(h) > 1)
        raise ValueError(f"{name} line 1: column {twice!r} appears twice")
    customers: list[dict[str, Any]] = []
    try:
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue  # a blank line
            customers.append(_customer(header, row, name, reader.line_num))
    except csv.Error as exc:
        raise ValueError(f"{name} line {reader.line_num}: not CSV ({exc})") from None
    return customers


def _customer(header: list[str], row: list[str], name: str, line: int) -> dict[str, Any]:
    if len(row) > len(header):
        raise ValueError(f"{name} line {line}: {len(row)} cells, the header has {len(header)}")
    customer: dict[str, Any] = {}
    for column, cell in zip(header, row, strict=False):
        if cell == "":
            continue
        if column in _BOOLEAN:
            if cell.strip().lower() not in ("true", "false"):
                raise ValueError(f"{name} line {line}: {column} must be true or false")
            customer[column] = cell.strip().lower() == "true"
        elif column in _JSON:
            try:
                customer[column] = orjson.loads(cell)
            except orjson.JSONDecodeError as exc:
                raise ValueError(
                    f"{name} line {line}: {column} must be a JSON object ({exc.msg})"
                ) from None
        elif column.startswith(VARIABLE_PREFIX):
            overrides = customer.setdefault("assistantOverrides", {})
            if not isinstance(overrides, dict):
                raise ValueError(f"{name} line {line}: assistantOverrides must be a JSON object")
            variables = overrides.setdefault("variableValues", {})
            variables[column[len(VARIABLE_PREFIX) :]] = cell
        else:
            customer[column] = cell
    return customer


def write_customers_csv(customers: Iterable[dict[str, Any]], path: Path) -> int:
    """Write ``customers`` as a CSV file :func:`read_customers` reads back equal; the count.
    Only the columns some customer uses are written. A field that is not a CSV column (the
    API answered with more than the DTO has) raises ValueError: it would be lost."""
    rows = list(customers)
    for index, customer in enumerate(rows):
        extra = sorted(set(customer) - set(CUSTOMER_COLUMNS))
        if extra:
            raise ValueError(f"customers[{index}].{extra[0]} has no CSV column")
    columns = [c for c in CUSTOMER_COLUMNS if any(c in row for row in rows)] or ["number"]
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for customer in rows:
        writer.writerow([_cell(customer, column) for column in columns])
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return len(rows)


def _cell(customer: dict[str, Any], column: str) -> str:
    value = customer.get(column)
    if value is None:
        return ""
    if column in _BOOLEAN:
        return "true" if value else "false"
    if column in _JSON:
        return json.dumps(value, separators=(",", ":"), sort_keys=True)
    return str(value)
