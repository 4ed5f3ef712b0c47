"""Two values that look alike, shown so that what differs is visible.

A name edited in the dashboard may differ from the program's by a trailing space, a double
space (which HTML collapses), a tab, a zero-width or non-breaking space, or case alone; printed
as they are, both read the same (``"Winter survey (TX+FL)" → "Winter survey (TX+FL)"``). Here
every character that does not show is written as its code (``\\u200b``), spaces that HTML would
swallow (leading, trailing, runs) as ``␣``, and a short note says what kind of difference it is.
Pure.
"""

from __future__ import annotations

import json
import unicodedata
from typing import Any

__all__ = ["shown", "shown_pair"]

#: Categories of characters that print as nothing, or as a plain space: control, format
#: (zero-width, direction marks), separators other than the space itself.
_HIDDEN = {"Cc", "Cf", "Zs", "Zl", "Zp"}
SPACE_MARK = "␣"


def _char(text: str, index: int) -> str:
    ch = text[index]
    if ch == " ":
        edge = index == 0 or index == len(text) - 1
        run = text[index - 1 : index] == " " or text[index + 1 : index + 2] == " "
        return SPACE_MARK if edge or run else " "
    if ch == '"' or ch == "\\":
        return "\\" + ch
    if unicodedata.category(ch) in _HIDDEN:
        return f"\\u{ord(ch):04x}"
    return ch


def shown(value: Any) -> str:
    """``value`` quoted, with what would not show made visible (a non-string as JSON)."""
    if not isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return '"' + "".join(_char(value, i) for i in range(len(value))) + '"'


def _kind(old: str, new: str) -> str | None:
    """What kind of difference two strings that look alike have; None when it shows."""
    if old == new:
        return None
    if old.casefold() == new.casefold():
        return "differs in case only"
    squeeze_old, squeeze_new = "".join(old.split()), "".join(new.split())
    hidden_old = "".join(c for c in squeeze_old if unicodedata.category(c) not in _HIDDEN)
    hidden_new = "".join(c for c in squeeze_new if unicodedata.category(c) not in _HIDDEN)
    if squeeze_old == squeeze_new:
        return "differs in spaces only"
    if hidden_old == hidden_new:
        return "differs in invisible characters only"
    if hidden_old.casefold() == hidden_new.casefold():
        return "differs in case and invisible characters"
    return None


def shown_pair(old: Any, new: Any) -> str:
    """``old → new``, both made visible, and what differs when it would not show."""
    text = f"{shown(old)} → {shown(new)}"
    if isinstance(old, str) and isinstance(new, str):
        kind = _kind(old, new)
        if kind is not None:
            text += f" ({kind})"
    return text
