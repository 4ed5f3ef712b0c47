"""A campaign's customers kept in a file of their own, beside the program: a CSV file (one
customer per row, the columns are the API's ``CreateCustomerDTO`` fields) or a JSON file (a
list of customer objects, exactly as the API takes them, or ``{"customers": [...]}``).

Why a file: a campaign list is data, and a program that declares ten thousand customers inline
is unreadable; ``pulumi-cozmox export`` writes each campaign's customers to one, and YAML
programs name one with ``customersFile`` (YAML cannot read a CSV itself).

Either may be encrypted with SOPS (:mod:`pulumi_cozmox.core.model.sops`), which is how a team
keeps the lists in git and still previews them in CI: such a file is recognised by its content,
whatever its name, and decrypted in memory. Its digest is the plain text's, so encrypting the
same customers again (a rotated data key, a new recipient) changes nothing.

This module is the files' vocabulary (their columns, their errors, where each customer is);
:mod:`.customers_text` parses and writes their text; reading and writing the files, and SOPS,
are the edge's (:mod:`pulumi_cozmox.core.engine.customers_io`). All pure: no I/O.

In a CSV file an empty cell is a field not set, ``numberE164CheckEnabled`` is ``true`` or
``false``, and ``assistantOverrides`` (an object) is a JSON cell; a column
``variableValues.<name>`` sets that one template variable of ``assistantOverrides`` (the way
spreadsheets hold them). Errors name the file, the line and the column, never a cell's value
(customers are personal data).

A list read from a file knows where each customer came from (:class:`CustomersSource`: the
file, the line each customer starts on, the CSV's columns; no value): a check failure about
``customers[5].number`` is then shown as ``customers.csv line 7, column number``
(:func:`located`), for a person to open the file at the right line.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pulumi_cozmox.core.model.paths import format_path

__all__ = [
    "CUSTOMER_COLUMNS",
    "LIST_KEY",
    "SOURCE_KEY",
    "VARIABLE_PREFIX",
    "CustomersFileError",
    "CustomersSource",
    "FileCustomers",
    "bound_digest",
    "located",
    "source_of",
    "source_prop",
]


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
#: A column of one template variable: ``variableValues.plan``.
VARIABLE_PREFIX = "variableValues."
#: The key of the list in a JSON object file (the shape SOPS's JSON store can encrypt).
LIST_KEY = "customers"


class CustomersFileError(ValueError):
    """A customers file that cannot be read: the message names the file (and the line and
    column), says what to do, and never quotes a value."""


#: The props key of a customers list's :class:`CustomersSource`: the Python resource sends its
#: :meth:`CustomersSource.to_prop` (state only, never compared); the plugin, the
#: :class:`~pulumi_cozmox.core.engine.customers_io.CustomersFile` it read.
SOURCE_KEY = "customers_source"
#: A reference to a customer in a path or a message: ``customers[5]``, ``customers[5].number``,
#: ``customers[5].assistantOverrides["a b"][0]`` (as :func:`format_path` writes them).
_REFERENCE = re.compile(
    r'customers\[(\d+)\]((?:\.[A-Za-z_$][A-Za-z0-9_$]*|\[\d+\]|\["(?:[^"\\]|\\.)*"\])*)'
)
_PART = re.compile(r'\.([A-Za-z_$][A-Za-z0-9_$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]')


@dataclass(frozen=True)
class CustomersSource:
    """Where the customers of a list read from a file are: the file as the program named it,
    its format, the line each customer starts on (its row; a JSON file: its object's ``{``)
    and a CSV file's columns. Names and numbers, never a value: it may sit in state and
    messages."""

    file: str
    format: str
    """``csv`` or ``json``."""
    lines: tuple[int, ...]
    columns: tuple[str, ...] = ()

    def to_prop(self) -> dict[str, Any]:
        """As a prop: the lines as runs ``[first, step, count]`` (a CSV of 10,000 one-line
        rows is one run, not 10,000 numbers in state)."""
        runs: list[list[int]] = []
        for line in self.lines:
            if runs and runs[-1][2] == 1 and line > runs[-1][0]:
                runs[-1][1:] = [line - runs[-1][0], 2]
            elif runs and line == runs[-1][0] + runs[-1][1] * runs[-1][2]:
                runs[-1][2] += 1
            else:
                runs.append([line, 1, 1])
        prop = {"file": self.file, "format": self.format, "lines": runs}
        return {**prop, "columns": list(self.columns)} if self.columns else prop

    @classmethod
    def from_prop(cls, value: object) -> CustomersSource | None:
        """:meth:`to_prop`'s value back; None when it is not one."""
        if not isinstance(value, Mapping):
            return None
        file, kind, runs = value.get("file"), value.get("format"), value.get("lines")
        columns = value.get("columns") or []
        if not (isinstance(file, str) and kind in ("csv", "json") and isinstance(runs, list)):
            return None
        if not all(isinstance(c, str) for c in columns):
            return None
        lines: list[int] = []
        for run in runs:
            if not (isinstance(run, list) and len(run) == 3 and all(_whole(n) for n in run)):
                return None
            first, step, count = (int(n) for n in run)
            lines.extend(range(first, first + step * count, step) if step > 0 else ())
            if step <= 0 or len(lines) > MAX_LINES:
                return None
        return cls(file, str(kind), tuple(lines), tuple(columns))

    def where(self, index: int, below: str = "") -> str | None:
        """How a message names customer ``index`` and the path ``below`` it (``.number``):
        ``customers.csv line 7, column number``; ``customers.json line 12, key number``.
        None for an index the file has no customer at."""
        if not 0 <= index < len(self.lines):
            return None
        at = f"{self.file} line {self.lines[index]}"
        parts: list[str | int] = []
        for key, position, quoted in _PART.findall(below):
            parts.append(key if key else int(position) if position else json.loads(quoted))
        if not parts:
            return at
        if self.format == "json":
            return f"{at}, key {format_path(parts)}"
        column = parts[0]
        if parts[:2] == ["assistantOverrides", "variableValues"] and len(parts) > 2:
            variable = f"{VARIABLE_PREFIX}{parts[2]}"
            if variable in self.columns:
                column, parts = variable, parts[2:]
        inside = f", at {format_path(parts[1:])}" if parts[1:] else ""
        return f"{at}, column {column}{inside}"

    def locate(self, text: str) -> str:
        """``text`` with each customer it names (``customers[5].number``) named by the file
        instead; ``customers`` alone is the file."""
        if text == "customers":
            return self.file

        def named(match: re.Match[str]) -> str:
            return self.where(int(match.group(1)), match.group(2)) or match.group(0)

        return self._lines_together(_REFERENCE.sub(named, text))

    def _lines_together(self, text: str) -> str:
        """``f line 3, f line 6`` as ``f lines 3, 6`` (a list of customers in a message)."""
        at = f"{self.file} line "
        listed = re.compile(rf"{re.escape(at)}(\d+)((?:, {re.escape(at)}\d+)+)")
        return listed.sub(lambda m: f"{self.file} lines {m[1]}{m[2].replace(at, '')}", text)


#: A source naming more lines than a campaign can have customers is not one (a guard against a
#: prop that would expand into millions of numbers).
MAX_LINES = 100_000


def _whole(value: object) -> bool:
    """A whole number, as props carry them (3.0 is 3)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    return float(value).is_integer()


class FileCustomers(list[dict[str, Any]]):
    """The customers read from a file: a list (use it as one) that knows where each customer
    came from (:attr:`source`), for as long as the list holds the customers it was read with
    in that order. A program that adds, removes or reorders customers gets paths
    (``customers[5]``), not lines, in messages: the lines would no longer be theirs."""

    def __init__(self, customers: Iterable[dict[str, Any]], source: CustomersSource) -> None:
        super().__init__(customers)
        self.source = source
        self._read = tuple(map(id, self))

    def unchanged(self) -> bool:
        """Whether the list still holds the customers it was read with, in that order."""
        return len(self) == len(self._read) and tuple(map(id, self)) == self._read


def source_prop(customers: object) -> dict[str, Any] | None:
    """The prop the Python resource sends beside ``customers``: their source when they are
    the list :func:`read_customers` returned, unchanged; else None."""
    if isinstance(customers, FileCustomers) and customers.unchanged():
        return customers.source.to_prop()
    return None


def source_of(value: object, count: int | None) -> CustomersSource | None:
    """The source of a check's customers from ``value`` (the props' :data:`SOURCE_KEY`: a
    :class:`CustomersSource`, the Python resource's prop, or the plugin's customers file, an
    object whose ``source()`` finds the lines only now that a message needs them), when it
    accounts for ``count`` customers; else None."""
    source: CustomersSource | None
    if isinstance(value, CustomersSource):
        source = value
    elif isinstance(value, Mapping):
        source = CustomersSource.from_prop(value)
    elif callable(find := getattr(value, "source", None)):
        try:
            source = find()
        except CustomersFileError:
            return None
    else:
        return None
    return source if source is not None and len(source.lines) == count else None


def located(failures: Sequence[tuple[str, str]], source: CustomersSource) -> list[tuple[str, str]]:
    """``(path, reason)`` pairs with the customers they name named by the file: a pair whose
    path is a customer's becomes ``("", "customers.csv line 7, column number: reason")`` (the
    location leads the reason, as the engine shows a reason without a property)."""
    out: list[tuple[str, str]] = []
    for path, reason in failures:
        where = source.locate(path) if path else ""
        if path and where != path:
            out.append(("", f"{where}: {source.locate(reason)}"))
        else:
            out.append((path, source.locate(reason)))
    return out


def bound_digest(file_digest: str, blob: str) -> str:
    """The digest a state records for a customers file: the file's, bound to the blob read from
    it. A refresh that finds other customers live replaces the blob, never this digest: that
    blob then no longer matches, so it can never stand for the file (the drift stays
    visible)."""
    return f"{file_digest}:{hashlib.sha256(blob.encode()).hexdigest()}"
