"""A Python program's mistakes in a Campaign's keywords, as one line: the argument, and the
nearest valid name (``did you mean allow_outside_calling_hours?``).

``pulumi.RunError`` stops the program with its message and no traceback; a ``TypeError``
(what Python raises for an unknown keyword) ends in one. The signatures stay typed
(``CampaignArgs``'s dataclass fields, ``Unpack[CampaignKwargs]``) so that editors and type
checkers flag the typo before the program runs; this is what a run says.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from dataclasses import MISSING, fields
from functools import wraps
from typing import Any, TypeVar

import pulumi

__all__ = ["checked_keywords", "mistake"]

T = TypeVar("T")


def mistake(
    subject: str, given: Mapping[str, Any], arguments: Sequence[str], required: Sequence[str]
) -> str | None:
    """One line naming the first keyword of ``given`` not in ``arguments`` with the nearest
    valid name, or the required ones missing (None counts as missing); None when right."""
    for key in given:
        if key in arguments:
            continue
        near = difflib.get_close_matches(key, arguments, n=1, cutoff=0.6)
        hint = f"did you mean {near[0]}?" if near else f"it takes {', '.join(arguments)}"
        return f"{subject}: no argument {key}: {hint}"
    missing = [k for k in required if given.get(k) is None]
    if missing:
        return f"{subject} needs {', '.join(missing)}"
    return None


def checked_keywords(cls: type[T]) -> type[T]:
    """A keyword-only dataclass whose constructor says a mistake in one line (RunError)
    before its own ``__init__`` would raise a TypeError. Type checkers still read the
    dataclass's signature (a class decorator does not change it for them)."""
    arguments = tuple(f.name for f in fields(cls))  # type: ignore[arg-type]
    required = tuple(
        f.name
        for f in fields(cls)  # type: ignore[arg-type]
        if f.default is MISSING and f.default_factory is MISSING
    )
    klass: Any = cls
    init = klass.__init__

    @wraps(init)
    def checked(self: Any, *args: Any, **kwargs: Any) -> None:
        found = mistake(cls.__name__, kwargs, arguments, required)
        if found is not None:
            raise pulumi.RunError(found)
        init(self, *args, **kwargs)

    klass.__init__ = checked
    return cls
