"""Customers files in a Python program: :func:`read_customers` as the program calls it.

The core's reader raises :class:`CustomersFileError` (a ValueError). Raised from a program,
the Python language host would print it as an "unhandled exception" with a traceback, for a
missing file or a missing SOPS key alike. Raised as a :class:`pulumi.RunError` as well, it is
shown as the one line it is: the file and what to do.
"""

from __future__ import annotations

from pathlib import Path

import pulumi

from pulumi_cozmox._json import gc_paused
from pulumi_cozmox.core.engine import customers_io
from pulumi_cozmox.core.model.customers_file import CustomersFileError, FileCustomers

__all__ = ["CustomersFileError", "read_customers"]


class _ProgramCustomersFileError(CustomersFileError, pulumi.RunError):
    """A customers file error the language host shows as one line (a RunError)."""


def read_customers(path: str | Path, shown: str | None = None) -> FileCustomers:
    """The customers in ``path``, relative to the project: a CSV file (the ``Customer`` fields
    as columns, ``variableValues.<name>`` for a template variable) or a JSON list, plain or
    encrypted with SOPS (decrypted in memory, with the key SOPS finds: ``SOPS_AGE_KEY_FILE``,
    ``SOPS_AGE_KEY``, ...). Raises CustomersFileError (a ValueError) naming the file, the line
    and the column, never a value.

    The list knows each customer's line: passed unchanged as a Campaign's ``customers``, a
    mistake in one is named ``customers.csv line 7, column number`` at preview (a list the
    program changed is named by paths, ``customers[5].number``)."""
    try:
        with gc_paused():  # the program's one pause: 10,000 customers, ~400 MB of small objects
            return customers_io.read_customers(path, shown)
    except CustomersFileError as exc:
        raise _ProgramCustomersFileError(str(exc)) from None
