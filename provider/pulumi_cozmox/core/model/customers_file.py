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
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from pulumi_cozmox._json import gc_paused
from pulumi_cozmox.core.model import sops
from pulumi_cozmox.core.model.customers import encode_customers

__all__ = [
    "CUSTOMER_COLUMNS",
    "CustomersFile",
    "CustomersFileError",
    "Written",
    "bound_digest",
    "file_blob",
    "open_customers_file",
    "place_customers_file",
    "read_customers",
    "customers_csv",
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

    @property
    def encrypted(self) -> bool:
        return self.sealed is not None

    def plain_text(self) -> bytes:
        if self._plain is None:
            assert self.sealed is not None  # a plain file's text is its bytes
            self._plain = _decrypt(self._data, self.sealed, self.shown)
        return self._plain

    def customers(self) -> list[dict[str, Any]]:
        """The customers. Raises CustomersFileError naming the file, line and column."""
        try:
            text = self.plain_text().decode("utf-8-sig")  # a BOM is what spreadsheets write
        except UnicodeDecodeError as exc:
            raise CustomersFileError(
                f"{self.shown}: cannot be read ({type(exc).__name__})"
            ) from None
        as_json = self.path.suffix.lower() == ".json" or (
            self.sealed is not None and self.sealed.store == "json"
        )
        # 10,000 customers with overrides are ~400 MB of small objects and no cycle: a
        # collection triggered while they are built would walk them all again (5.5 s, not 2.4).
        with gc_paused():
            return _from_json(text, self.shown) if as_json else _from_csv(text, self.shown)


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


def read_customers(path: str | Path, shown: str | None = None) -> list[dict[str, Any]]:
    """The customers in ``path`` (``.csv``, or ``.json``; plain, or encrypted with SOPS).
    ``shown`` is how messages name the file (the path the program wrote). Raises
    CustomersFileError (a ValueError) naming the file, line and column, never a value."""
    return open_customers_file(path, shown).customers()


def _from_json(text: str, name: str) -> list[dict[str, Any]]:
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


def _from_csv(text: str, name: str) -> list[dict[str, Any]]:
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
    try:
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue  # a blank line
            customers.append(_customer(header, row, name, reader.line_num))
    except csv.Error as exc:
        raise CustomersFileError(f"{name} line {reader.line_num}: not CSV ({exc})") from None
    return customers


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
    path: Path, shown: str, recorded: tuple[Any, Any, Any] = (None, None, None)
) -> tuple[str, str, int]:
    """(the digest to record, the blob, the count) of a customers file. ``recorded``: the
    state's (digest, blob, count) for this resource. Parsing 10,000 customers with overrides
    takes seconds, hashing the file a tenth of one: an unchanged file (the digest the state
    records with its blob, or one this process read) is not parsed again. The digest is of the
    customers' plain text: a file SOPS encrypted again is unchanged. Raises
    CustomersFileError naming the file."""
    file = open_customers_file(path, shown)
    kept, blob, count = recorded
    if isinstance(blob, str) and isinstance(count, int) and kept == bound_digest(file.digest, blob):
        return kept, blob, count
    with _FILE_BLOBS_LOCK:
        found = _FILE_BLOBS.get(file.digest)
    if found is None:
        with gc_paused():
            customers = file.customers()
            found = encode_customers(customers), len(customers)
        with _FILE_BLOBS_LOCK:
            if len(_FILE_BLOBS) >= 8:
                _FILE_BLOBS.pop(next(iter(_FILE_BLOBS)))
            _FILE_BLOBS[file.digest] = found
    return bound_digest(file.digest, found[0]), *found
