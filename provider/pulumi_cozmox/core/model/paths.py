"""Paths into a JSON document, written as messages show them: ``customers[3].name``.

Pure: no I/O.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence

__all__ = ["MAX_PATHS", "customer_paths", "format_path"]

_IDENTIFIER = re.compile(r"[A-Za-z_$][A-Za-z0-9_$]*")


def format_path(parts: Iterable[str | int]) -> str:
    """``["customers", 3, "name"]`` -> ``customers[3].name`` (odd keys as ``["a b"]``)."""
    out: list[str] = []
    for part in parts:
        if isinstance(part, int):
            out.append(f"[{part}]")
        elif _IDENTIFIER.fullmatch(part):
            out.append(f".{part}" if out else part)
        else:
            out.append(f"[{json.dumps(part, ensure_ascii=False)}]")
    return "".join(out)


#: Customers a message names by path before "and N more".
MAX_PATHS = 5


def customer_paths(positions: Sequence[int]) -> str:
    """``customers[0], customers[3] and 7 more``: the first :data:`MAX_PATHS`, never a value."""
    shown = ", ".join(f"customers[{i}]" for i in positions[:MAX_PATHS])
    more = len(positions) - MAX_PATHS
    return shown + (f" and {more} more" if more > 0 else "")
