"""The do-not-call list: people who asked not to be called, from a file the team keeps.

Stack config ``cozmox:doNotCall`` (or ``COZMOX_DO_NOT_CALL``) names a file, relative to the
Pulumi project directory. It is either a CSV file with a ``number`` column (any other column is
ignored), or one number per line; blank lines and lines starting with ``#`` are skipped in both.
Either may be encrypted with SOPS, as customers files are (:mod:`pulumi_cozmox.core.model.sops`:
recognised by its content, whatever its name, and decrypted in memory).
Numbers are compared in E.164 form: ``+1 (415) 555-0101`` on the list is ``+14155550101`` in a
campaign. A SIP URI (``sip:...``) is listed as written.

The list's numbers are personal data: they never leave this module but as a count and a digest
(:attr:`DoNotCall.digest`, of the sorted E.164 numbers), and no error quotes one (an unreadable
line is named by its number in the file).

Pure: the file is read (and decrypted) by :mod:`pulumi_cozmox.core.engine.rule_files`.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from pulumi_cozmox.core.model.phone import e164, person_of

__all__ = ["DoNotCall", "parse_do_not_call"]


@dataclass(frozen=True)
class DoNotCall:
    """A do-not-call list, read."""

    path: str
    """The file, as configured (for messages)."""
    people: frozenset[str] = field(repr=False)
    """Personal data: kept out of the repr, which a traceback or a debug log may print."""

    @property
    def count(self) -> int:
        return len(self.people)

    @property
    def digest(self) -> str:
        """sha256 of the sorted entries, one a line: tells two versions apart, reveals none."""
        text = "\n".join(sorted(self.people)).encode("utf-8")
        return hashlib.sha256(text).hexdigest()

    def listed(self, customers: Sequence[Any]) -> list[int]:
        """The positions of the customers on the list."""
        return self.listed_in([person_of(c) for c in customers])

    def listed_in(self, people: Sequence[str | None]) -> list[int]:
        """The positions of the people (``person_of`` each customer) on the list."""
        return [i for i, p in enumerate(people) if p in self.people]


def _entries(text: str) -> Iterable[tuple[int, str]]:
    """(line number, entry) of every line that is neither blank nor a comment."""
    lines = text.splitlines()
    rows = [(n, line.strip()) for n, line in enumerate(lines, 1)]
    rows = [(n, line) for n, line in rows if line and not line.startswith("#")]
    if not rows:
        return []
    first = rows[0][1]
    if "," not in first and first.lower() != "number":
        return rows  # one number a line
    reader = csv.reader(io.StringIO("\n".join(line for _, line in rows)))
    header = [h.strip().lower() for h in next(reader)]
    if "number" not in header:
        raise ValueError(f"line {rows[0][0]}: a CSV file needs a 'number' column")
    column = header.index("number")
    return [
        (n, cells[column].strip() if column < len(cells) else "")
        for (n, _), cells in zip(rows[1:], reader, strict=True)
    ]


def parse_do_not_call(text: str, shown: str) -> DoNotCall:
    """The list in ``text`` (a file's content, as configured ``shown``: the review reads a
    base's from git). ValueError naming the file (and the line) when a line is not a number in
    international form."""
    where = f"cozmox:doNotCall file {shown}"
    try:
        entries = list(_entries(text))
    except (ValueError, csv.Error) as exc:
        raise ValueError(f"{where}: {exc}") from None
    people: set[str] = set()
    for line, entry in entries:
        if entry.lower().startswith("sip:"):
            people.add(entry)
            continue
        number = e164(entry)
        if number is None:
            raise ValueError(
                f"{where}, line {line}: not a phone number in international form "
                "(+ and the country code, like +14155550101); the line is not quoted here, "
                "it may be personal data"
            )
        people.add(number)
    return DoNotCall(shown, frozenset(people))
