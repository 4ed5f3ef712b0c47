"""The text of a customers file, parsed with the line each customer starts on, and written.

CSV (the columns are :data:`~.customers_file.CUSTOMER_COLUMNS`, ``variableValues.<name>`` for
one template variable) or JSON (a list of customer objects, or ``{"customers": [...]}``, the
shape SOPS's JSON store can encrypt). Errors name the file, the line and the column, never a
cell's value. Pure: the text comes from the edge (:mod:`pulumi_cozmox.core.engine.customers_io`),
decrypted there when SOPS encrypted it.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable
from typing import Any

import orjson

from pulumi_cozmox.core.model.customers_file import (
    CUSTOMER_COLUMNS,
    LIST_KEY,
    VARIABLE_PREFIX,
    CustomersFileError,
    CustomersSource,
)

__all__ = ["customers_csv", "parse_customers", "rendered"]

_BOOLEAN = {"numberE164CheckEnabled"}
_JSON = {"assistantOverrides"}


def parse_customers(
    plain: bytes, shown: str, *, as_json: bool, located: bool
) -> tuple[list[dict[str, Any]], CustomersSource | None]:
    """The customers in a file's plain text and, when ``located`` (or a CSV, whose rows tell
    their lines as they are read), where each one is. ``shown`` names the file in messages.
    A JSON file not ``located`` is read with orjson, which tells no positions (the fastest
    read). Raises CustomersFileError naming the file, line and column."""
    try:
        text = plain.decode("utf-8-sig")  # a BOM is what spreadsheets write
    except UnicodeDecodeError as exc:
        raise CustomersFileError(f"{shown}: cannot be read ({type(exc).__name__})") from None
    columns: list[str] = []
    if as_json and not located:
        return _from_json(text, shown), None
    if as_json:
        items, lines = _from_json_located(text, shown)
    else:  # a CSV row's line comes with it
        items, lines, columns = _from_csv(text, shown)
    kind = "json" if as_json else "csv"
    return items, CustomersSource(shown, kind, tuple(lines), tuple(columns))


#: JSON whitespace, skipped between the values :func:`_from_json` reads one by one.
_SPACE = re.compile(r"[ \t\n\r]*")


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")  # as orjson, which read these files first


_DECODER = json.JSONDecoder(parse_constant=_no_constant)


def _from_json(text: str, name: str) -> list[dict[str, Any]]:
    """The customers of a JSON file (orjson: the fastest read, no positions)."""
    try:
        data = orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        raise CustomersFileError(f"{name} line {exc.lineno}: not JSON ({exc.msg})") from None
    if isinstance(data, dict) and set(data) - {"sops"} == {LIST_KEY}:
        data = data[LIST_KEY]  # {"customers": [...]}: how SOPS's JSON store holds a list
    if not isinstance(data, list) or not all(isinstance(c, dict) for c in data):
        raise CustomersFileError(
            f'{name}: must be a JSON list of customer objects (or {{"{LIST_KEY}": [...]}})'
        )
    return data


def _from_json_located(text: str, name: str) -> tuple[list[dict[str, Any]], list[int]]:
    """The customers of a JSON file and the line each one's object starts on, read value by
    value with the json module's scanner (orjson tells no positions; this one read takes 1.6 s
    where orjson's takes 1.0 s, for 10,000 customers with full overrides); a text that is not
    a list of customers is read by :func:`_from_json`, which says what it is (and should it
    read what this did not, its customers come without lines: messages then name paths)."""
    try:
        found = _json_list(text)
    except ValueError:
        found = None
    if found is not None and all(isinstance(c, dict) for c in found[0]):
        return found
    return _from_json(text, name), []


def _json_list(text: str) -> tuple[list[Any], list[int]] | None:
    """The list (top level, or ``{"customers": [...]}``: how SOPS's JSON store holds one) with
    its items' lines; None for another shape. Raises ValueError for what is not JSON."""
    i = _skip(text, 0)
    if text.startswith("[", i):
        items, lines, i = _json_items(text, i)
    elif text.startswith("{", i):
        wrapped = _json_wrapped(text, i)
        if wrapped is None:
            return None
        items, lines, i = wrapped
    else:
        return None
    return (items, lines) if _skip(text, i) == len(text) else None


def _json_wrapped(text: str, i: int) -> tuple[list[Any], list[int], int] | None:
    """``{"customers": [...]}`` at ``text[i]`` (a ``{``; a ``sops`` key aside): the list, its
    items' lines and the index after the object; None for another object."""
    keys: set[str] = set()
    found: tuple[list[Any], list[int]] | None = None
    i = _skip(text, i + 1)
    while True:
        key, i = _DECODER.raw_decode(text, i)
        i = _skip(text, i)
        if not isinstance(key, str) or not text.startswith(":", i):
            return None
        i = _skip(text, i + 1)
        if key == LIST_KEY and text.startswith("[", i):
            items, lines, i = _json_items(text, i)
            found = items, lines
        else:
            _, i = _DECODER.raw_decode(text, i)
        keys.add(key)
        i = _skip(text, i)
        if not text.startswith(",", i):
            break
        i = _skip(text, i + 1)
    if found is None or keys - {"sops"} != {LIST_KEY} or not text.startswith("}", i):
        return None
    return found[0], found[1], i + 1


def _json_items(text: str, i: int) -> tuple[list[Any], list[int], int]:
    """The items of the JSON array at ``text[i]`` (a ``[``), the line each starts on, and the
    index after the array. Raises ValueError for what is not JSON."""
    items: list[Any] = []
    lines: list[int] = []
    i = _skip(text, i + 1)
    line, counted = 1 + text.count("\n", 0, i), i
    if text.startswith("]", i):
        return items, lines, i + 1
    while True:
        line, counted = line + text.count("\n", counted, i), i
        lines.append(line)
        item, i = _DECODER.raw_decode(text, i)
        items.append(item)
        i = _skip(text, i)
        if text.startswith("]", i):
            return items, lines, i + 1
        if not text.startswith(",", i):
            raise ValueError("expected , or ]")
        i = _skip(text, i + 1)


def _skip(text: str, i: int) -> int:
    """The index of the first character at or after ``i`` that is not JSON whitespace."""
    match = _SPACE.match(text, i)
    return match.end() if match else i


def _from_csv(text: str, name: str) -> tuple[list[dict[str, Any]], list[int], list[str]]:
    """The customers of a CSV file, the line each one's row starts on, and the columns."""
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise CustomersFileError(f"{name} line 1: not CSV ({exc})") from None
    if not header:
        raise CustomersFileError(f"{name}: empty (the first line names the columns)")
    header = [h.strip() for h in header]
    unknown = [
        h
        for h in header
        if h not in CUSTOMER_COLUMNS
        and not (h.startswith(VARIABLE_PREFIX) and len(h) > len(VARIABLE_PREFIX))
    ]
    if unknown:
        raise CustomersFileError(
            f"{name} line 1: unknown column {unknown[0]!r}; the columns are "
            + ", ".join(CUSTOMER_COLUMNS)
            + f", and {VARIABLE_PREFIX}<name> for a template variable"
        )
    if len(set(header)) < len(header):
        twice = next(h for h in header if header.count(h) > 1)
        raise CustomersFileError(f"{name} line 1: column {twice!r} appears twice")
    customers: list[dict[str, Any]] = []
    lines: list[int] = []
    try:
        while True:
            first = reader.line_num + 1  # a row may span lines (a quoted cell with a newline)
            row = next(reader, None)
            if row is None:
                break
            if not any(cell.strip() for cell in row):
                continue  # a blank line
            customers.append(_customer(header, row, name, reader.line_num))
            lines.append(first)
    except csv.Error as exc:
        raise CustomersFileError(f"{name} line {reader.line_num}: not CSV ({exc})") from None
    return customers, lines, header


def _customer(header: list[str], row: list[str], name: str, line: int) -> dict[str, Any]:
    if len(row) > len(header):
        raise CustomersFileError(
            f"{name} line {line}: {len(row)} cells, the header has {len(header)}"
        )
    customer: dict[str, Any] = {}
    for column, cell in zip(header, row, strict=False):
        if cell == "":
            continue
        if column in _BOOLEAN:
            if cell.strip().lower() not in ("true", "false"):
                raise CustomersFileError(f"{name} line {line}: {column} must be true or false")
            customer[column] = cell.strip().lower() == "true"
        elif column in _JSON:
            try:
                customer[column] = orjson.loads(cell)
            except orjson.JSONDecodeError as exc:
                raise CustomersFileError(
                    f"{name} line {line}: {column} must be a JSON object ({exc.msg})"
                ) from None
        elif column.startswith(VARIABLE_PREFIX):
            overrides = customer.setdefault("assistantOverrides", {})
            if not isinstance(overrides, dict):
                raise CustomersFileError(
                    f"{name} line {line}: assistantOverrides must be a JSON object"
                )
            variables = overrides.setdefault("variableValues", {})
            variables[column[len(VARIABLE_PREFIX) :]] = cell
        else:
            customer[column] = cell
    return customer


def customers_csv(customers: Iterable[dict[str, Any]]) -> str:
    """``customers`` as CSV text that :func:`read_customers` reads back equal. Only the columns
    some customer uses are written. A field that is not a CSV column (the API answered with
    more than the DTO has) raises ValueError: it would be lost."""
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
    return buffer.getvalue()


def rendered(customers: list[dict[str, Any]]) -> tuple[str, bytes, bytes]:
    """(suffix, the plain file's bytes, the bytes to encrypt) of ``customers``: CSV, or JSON
    when a field has no CSV column (JSON keeps every field of a newer API's)."""
    try:
        plain = customers_csv(customers).encode()
        return ".csv", plain, plain
    except ValueError:
        plain = (json.dumps(customers, indent=1, ensure_ascii=False) + "\n").encode()
        # SOPS's JSON store (which `sops encrypt x.json` uses) encrypts objects, not lists.
        sealable = json.dumps({LIST_KEY: customers}, indent=1, ensure_ascii=False).encode()
        return ".json", plain, sealable


def _cell(customer: dict[str, Any], column: str) -> str:
    value = customer.get(column)
    if value is None:
        return ""
    if column in _BOOLEAN:
        return "true" if value else "false"
    if column in _JSON:
        return json.dumps(value, separators=(",", ":"), sort_keys=True)
    return str(value)
