"""Paths into a JSON document, written as messages show them: ``customers[3].name``.

Pure: no I/O.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

__all__ = ["format_path"]

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
