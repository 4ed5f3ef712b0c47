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

import csv
import hashlib
import io
import json
import re
import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from pulumi_cozmox.core.model import sops
from pulumi_cozmox.core.model.customers import encode_customers
from pulumi_cozmox.core.model.paths import format_path

__all__ = [
    "CUSTOMER_COLUMNS",
    "SOURCE_KEY",
    "CustomersFile",
    "CustomersFileError",
    "CustomersSource",
    "FileCustomers",
    "Written",
    "bound_digest",
    "file_blob",
    "located",
    "open_customers_file",
    "place_customers_file",
    "read_customers",
    "customers_csv",
    "source_of",
    "source_prop",
    "write_customers_csv",
    "write_customers_file",
    "written_line",
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
_BOOLEAN = {"numberE164CheckEnabled"}
_JSON = {"assistantOverrides"}
#: A column of one template variable: ``variableValues.plan``.
VARIABLE_PREFIX = "variableValues."
#: The key of the list in a JSON object file (the shape SOPS's JSON store can encrypt).
LIST_KEY = "customers"


class CustomersFileError(ValueError):
    """A customers file that cannot be read: the message names the file (and the line and
    column), says what to do, and never quotes a value."""


#: The props key of a customers list's :class:`CustomersSource`: the Python resource sends its
#: :meth:`CustomersSource.to_prop` (state only, never compared); the plugin, the
#: :class:`CustomersFile` it read.
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
    :class:`CustomersSource`, the Python resource's prop, or the plugin's
    :class:`CustomersFile`, whose lines are found only now that a message needs them), when
    it accounts for ``count`` customers; else None."""
    source: CustomersSource | None
    if isinstance(value, CustomersFile):
        try:
            source = value.source()
        except CustomersFileError:
            return None
    elif isinstance(value, CustomersSource):
        source = value
    else:
        source = CustomersSource.from_prop(value)
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


#: SHA-256 of an encrypted file -> SHA-256 of its plain text, for the files this process
#: decrypted: a file is decrypted once per process, however many hooks read it (a 100 MB
#: list takes SOPS seconds). Digests only: no plain text outlives the read that needed it.
_PLAIN_DIGESTS: dict[str, str] = {}
_PLAIN_DIGESTS_LOCK = threading.Lock()


@dataclass
class CustomersFile:
    """A customers file as read: the digest of its customers' text (decrypted when SOPS
    encrypted it), and that text when it is needed."""

    path: Path
    shown: str
    digest: str
    sealed: sops.Envelope | None
    _data: bytes = field(repr=False)
    _plain: bytes | None = field(default=None, repr=False)
    _source: CustomersSource | None = field(default=None, repr=False)

    @property
    def encrypted(self) -> bool:
        return self.sealed is not None

    def plain_text(self) -> bytes:
        if self._plain is None:
            assert self.sealed is not None  # a plain file's text is its bytes
            self._plain = _decrypt(self._data, self.sealed, self.shown)
        return self._plain

    def customers(self) -> list[dict[str, Any]]:
        """The customers. Raises CustomersFileError naming the file, line and column. (A JSON
        file is read with orjson, which tells no positions: :meth:`source` finds them when a
        message needs them.)"""
        return self._read(located=False)

    def located(self) -> FileCustomers:
        """The customers with their source: where each one is in the file. Raises
        CustomersFileError."""
        customers = self._read(located=True)
        assert isinstance(customers, FileCustomers)
        return customers

    def source(self) -> CustomersSource:
        """Where each customer is in the file (read now, if no read found it yet). Raises
        CustomersFileError."""
        return self._source if self._source is not None else self.located().source

    def _read(self, *, located: bool) -> list[dict[str, Any]]:
        try:
            text = self.plain_text().decode("utf-8-sig")  # a BOM is what spreadsheets write
        except UnicodeDecodeError as exc:
            raise CustomersFileError(
                f"{self.shown}: cannot be read ({type(exc).__name__})"
            ) from None
        as_json = self.path.suffix.lower() == ".json" or (
            self.sealed is not None and self.sealed.store == "json"
        )
        columns: list[str] = []
        # 10,000 customers with overrides are ~400 MB of small objects and no cycle: the caller
        # pauses the collector at its outermost place (a hook, read_customers; 5.5 s, not 2.4).
        if as_json and not located:
            return _from_json(text, self.shown)
        if as_json:
            items, lines = _from_json_located(text, self.shown)
        else:  # a CSV row's line comes with it
            items, lines, columns = _from_csv(text, self.shown)
        kind = "json" if as_json else "csv"
        self._source = CustomersSource(self.shown, kind, tuple(lines), tuple(columns))
        return FileCustomers(items, self._source) if located else items


def _decrypt(data: bytes, sealed: sops.Envelope, shown: str) -> bytes:
    try:
        return sops.decrypt(data, sealed)
    except sops.SopsError as exc:
        raise CustomersFileError(f"{shown}: {exc}") from None


def open_customers_file(path: str | Path, shown: str | None = None) -> CustomersFile:
    """The customers file at ``path`` (``.csv`` or ``.json``, plain or SOPS-encrypted), read
    and, when encrypted, decrypted (once per process). ``shown`` is how messages name the file
    (the path the program wrote). Raises CustomersFileError."""
    path = Path(path)
    name = shown or str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise CustomersFileError(
            f"{name}: no such file (paths are relative to the project)"
        ) from None
    except OSError as exc:
        raise CustomersFileError(f"{name}: cannot be read ({type(exc).__name__})") from None
    if path.suffix.lower() not in (".csv", ".json"):
        raise CustomersFileError(f"{name}: a customers file is .csv or .json")
    digest = hashlib.sha256(data).hexdigest()
    sealed = sops.envelope(data)
    if sealed is None:
        return CustomersFile(path, name, digest, None, data, data)
    with _PLAIN_DIGESTS_LOCK:
        known = _PLAIN_DIGESTS.get(digest)
    if known is not None:
        return CustomersFile(path, name, known, sealed, data)
    plain = _decrypt(data, sealed, name)
    _remember(data, plain)
    return CustomersFile(path, name, hashlib.sha256(plain).hexdigest(), sealed, data, plain)


def read_customers(path: str | Path, shown: str | None = None) -> FileCustomers:
    """The customers in ``path`` (``.csv``, or ``.json``; plain, or encrypted with SOPS), a
    list that knows their lines. ``shown`` is how messages name the file (the path the
    program wrote). Raises CustomersFileError (a ValueError) naming the file, line and
    column, never a value."""
    return open_customers_file(path, shown).located()


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


def write_customers_csv(customers: Iterable[dict[str, Any]], path: Path) -> int:
    """Write ``customers`` as a plain CSV file (:func:`customers_csv`); the count."""
    rows = list(customers)
    path.write_text(customers_csv(rows), encoding="utf-8")
    return len(rows)


@dataclass(frozen=True)
class Written:
    """A customers file written into a project (or found there holding the same customers)."""

    #: Its path in the project, as a program names it (``customers/spring.csv``).
    shown: str
    count: int
    #: Encrypted with SOPS (a ``.sops.yaml`` creation rule applied to it), or plain text.
    encrypted: bool
    #: It was there already, holding these customers: nothing was written.
    found: bool = False


def _rendered(customers: list[dict[str, Any]]) -> tuple[str, bytes, bytes]:
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


def _remember(sealed: bytes, plain: bytes) -> None:
    with _PLAIN_DIGESTS_LOCK:
        if len(_PLAIN_DIGESTS) >= 4096:
            _PLAIN_DIGESTS.pop(next(iter(_PLAIN_DIGESTS)))
        _PLAIN_DIGESTS[hashlib.sha256(sealed).hexdigest()] = hashlib.sha256(plain).hexdigest()


def write_customers_file(customers: list[dict[str, Any]], project: Path, stem: str) -> Written:
    """Write ``customers`` to ``<stem>.csv`` in ``project`` (``<stem>.json`` when a field has
    no CSV column), encrypted exactly as ``sops encrypt`` run in ``project`` would encrypt that
    file when a ``.sops.yaml`` creation rule applies to it, else plain. The plain text of an
    encrypted file never reaches the disk. Raises sops.SopsError when a rule applies and SOPS
    cannot encrypt (nothing is written then)."""
    suffix, plain, sealable = _rendered(customers)
    shown = stem + suffix
    sealed = sops.encrypt_by_rule(sealable, shown, project)
    if sealed is not None and sealable is plain:
        _remember(sealed, plain)  # its binary store decrypts to exactly these bytes
    path = project / shown
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(plain if sealed is None else sealed)
    return Written(shown, len(customers), sealed is not None)


def place_customers_file(customers: list[dict[str, Any]], project: Path, stem: str) -> Written:
    """Where an imported campaign's customers go: ``<stem>.csv`` (or ``.json``) when it is
    free or already holds these customers, else ``<stem>-2``, ``<stem>-3``, ... (a file that
    holds other customers is never overwritten). Written as :func:`write_customers_file`
    writes. Raises CustomersFileError when a file there cannot be read (an encrypted file
    without its key) and sops.SopsError when SOPS cannot encrypt."""
    suffix, plain, _ = _rendered(customers)
    digest = hashlib.sha256(plain).hexdigest()
    for attempt in range(1, 1000):
        candidate = stem if attempt == 1 else f"{stem}-{attempt}"
        path = project / (candidate + suffix)
        if not path.exists():
            return write_customers_file(customers, project, candidate)
        file = open_customers_file(path, candidate + suffix)
        if file.digest == digest or file.customers() == customers:
            return Written(file.shown, len(customers), file.encrypted, found=True)
    raise CustomersFileError(f"{stem}{suffix}: 999 files by that name hold other customers")


#: How to get a plain customers file into git: what the one line after a write says.
ENCRYPT_HINT = (
    "CI cannot read it: encrypt it with SOPS (a .sops.yaml creation rule for it, then "
    "`sops encrypt -i {shown}`; pulumi-cozmox docs/sops.md)"
)


def written_line(written: Written) -> str:
    """One line on a customers file just written (counts and paths only)."""
    if written.encrypted:
        return (
            f"{written.count:,} customers written to {written.shown}, encrypted with SOPS "
            "(a .sops.yaml creation rule applies): commit it; CI decrypts it with its key"
        )
    return (
        f"{written.count:,} customers written to {written.shown}: personal data in plain text, "
        "keep it out of version control; " + ENCRYPT_HINT.format(shown=written.shown)
    )


def _cell(customer: dict[str, Any], column: str) -> str:
    value = customer.get(column)
    if value is None:
        return ""
    if column in _BOOLEAN:
        return "true" if value else "false"
    if column in _JSON:
        return json.dumps(value, separators=(",", ":"), sort_keys=True)
    return str(value)


#: Blobs and counts of customers files read by this process, by the digest of their customers'
#: text: a cache of a pure function (the same text gives the same blob).
_FILE_BLOBS: dict[str, tuple[str, int]] = {}
_FILE_BLOBS_LOCK = threading.Lock()


def bound_digest(file_digest: str, blob: str) -> str:
    """The digest a state records for a customers file: the file's, bound to the blob read from
    it. A refresh that finds other customers live replaces the blob, never this digest: that
    blob then no longer matches, so it can never stand for the file (the drift stays
    visible)."""
    return f"{file_digest}:{hashlib.sha256(blob.encode()).hexdigest()}"


def file_blob(
    file: CustomersFile, recorded: tuple[Any, Any, Any] = (None, None, None)
) -> tuple[str, str, int]:
    """(the digest to record, the blob, the count) of a customers file. ``recorded``: the
    state's (digest, blob, count) for this resource. Parsing 10,000 customers with overrides
    takes seconds, hashing the file a tenth of one: an unchanged file (the digest the state
    records with its blob, or one this process read) is not parsed again. The digest is of the
    customers' plain text: a file SOPS encrypted again is unchanged. Raises
    CustomersFileError naming the file."""
    kept, blob, count = recorded
    if isinstance(blob, str) and isinstance(count, int) and kept == bound_digest(file.digest, blob):
        return kept, blob, count
    with _FILE_BLOBS_LOCK:
        found = _FILE_BLOBS.get(file.digest)
    if found is None:
        customers = file.customers()
        found = encode_customers(customers), len(customers)
        with _FILE_BLOBS_LOCK:
            if len(_FILE_BLOBS) >= 8:
                _FILE_BLOBS.pop(next(iter(_FILE_BLOBS)))
            _FILE_BLOBS[file.digest] = found
    return bound_digest(file.digest, found[0]), *found
