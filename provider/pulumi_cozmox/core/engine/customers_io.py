"""Customers files read and written: the edge of :mod:`pulumi_cozmox.core.model.customers_file`
(the files' vocabulary) and :mod:`pulumi_cozmox.core.model.customers_text` (their text).

A file is read once and, when SOPS encrypted it, decrypted in memory (:mod:`.sops_io`); its
customers are parsed when a hook needs them. A file written into a project (`pulumi import`,
the export) is encrypted exactly as ``sops encrypt`` would encrypt it when a ``.sops.yaml``
creation rule applies to it: the plain text of an encrypted file never reaches the disk.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pulumi_cozmox.core.engine import sops_io
from pulumi_cozmox.core.model import sops
from pulumi_cozmox.core.model.customers import encode_customers
from pulumi_cozmox.core.model.customers_file import (
    CustomersFileError,
    CustomersSource,
    FileCustomers,
    bound_digest,
)
from pulumi_cozmox.core.model.customers_text import parse_customers, rendered

if TYPE_CHECKING:
    from pulumi_cozmox.core.engine.run import Recent

__all__ = [
    "CustomersFile",
    "Written",
    "file_blob",
    "open_customers_file",
    "place_customers_file",
    "read_customers",
    "write_customers_file",
    "written_line",
]


#: SHA-256 of an encrypted file -> SHA-256 of its plain text, for the files this process
#: decrypted: a file is decrypted once per process, however many hooks read it (a 100 MB
#: list takes SOPS seconds). Digests only: no plain text outlives the read that needed it.
#: The process's, not a run's: a program's read_customers has no run, and an import's write
#: tells the next read what it holds.
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
        as_json = self.path.suffix.lower() == ".json" or (
            self.sealed is not None and self.sealed.store == "json"
        )
        items, source = parse_customers(
            self.plain_text(), self.shown, as_json=as_json, located=located
        )
        if source is not None:
            self._source = source
            if located:
                return FileCustomers(items, source)
        return items


def _decrypt(data: bytes, sealed: sops.Envelope, shown: str) -> bytes:
    try:
        return sops_io.decrypt(data, sealed)
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
    suffix, plain, sealable = rendered(customers)
    shown = stem + suffix
    sealed = sops_io.encrypt_by_rule(sealable, shown, project)
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
    suffix, plain, _ = rendered(customers)
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


def file_blob(
    file: CustomersFile,
    recorded: tuple[Any, Any, Any],
    memo: Recent[str, tuple[str, int]],
) -> tuple[str, str, int]:
    """(the digest to record, the blob, the count) of a customers file. ``recorded``: the
    state's (digest, blob, count) for this resource. Parsing 10,000 customers with overrides
    takes seconds, hashing the file a tenth of one: an unchanged file (the digest the state
    records with its blob, or one the run read: ``memo``, by the file's digest) is not parsed
    again. The digest is of the
    customers' plain text: a file SOPS encrypted again is unchanged. Raises
    CustomersFileError naming the file."""
    kept, blob, count = recorded
    if isinstance(blob, str) and isinstance(count, int) and kept == bound_digest(file.digest, blob):
        return kept, blob, count

    def parsed() -> tuple[str, int]:
        customers = file.customers()
        return encode_customers(customers), len(customers)

    found = memo.get(file.digest, parsed)
    return bound_digest(file.digest, found[0]), *found
