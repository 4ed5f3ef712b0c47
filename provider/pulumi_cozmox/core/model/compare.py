"""Comparing API values as the API means them: instants as instants, defaults as documented.

A campaign the API holds is the declared one when every field is the same, where:

- date-time strings compare as the instants they name (``2099-01-01T09:00:00Z`` is
  ``2099-01-01T10:00:00.000+01:00``);
- a key the server holds and the program does not is a *server default* only when the contract
  documents it: the OpenAPI document's ``default`` for that property (``numberE164CheckEnabled:
  true``, a voice's ``cachingEnabled: true``, ...), with that very value. Any other key is a
  difference (someone set it in the dashboard), and so is a key the program sets that the server
  lacks (unless the program set it to its documented default).

:func:`differences` walks both values with the ``Campaign`` JSON Schema generated from the
contract (``schema/Campaign.schema.json``), to know at each object which defaults apply: unions
are followed by their discriminator (``provider``, ``type``), other alternatives all count.
It yields the paths that differ (``customers[1].assistantOverrides``); it never holds a value.
Used by refresh (is this drift?), the duplicate guard and the lost-answer lookup (is that
campaign the one declared?) and ``adopt_id`` (does the campaign to take over match?).

Pure: no I/O but reading the packaged schema once.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime, timezone
from typing import Any

from pulumi_cozmox._schema import load_schema
from pulumi_cozmox.core.model.paths import format_path

__all__ = [
    "customer_paths",
    "differences",
    "field_schema",
    "instant",
    "same_instants",
    "same_value",
]

#: The schema a campaign answer is compared with.
ROOT = "Campaign"

Path = tuple[str | int, ...]
#: A location in the schema: the subschemas that may apply there (a union gives several).
Node = tuple[Mapping[str, Any], ...]


def instant(value: Any) -> datetime | None:
    """The instant an ISO 8601 date-time string names (``Z`` or an offset; none means UTC) as
    an aware datetime, else None."""
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=timezone.utc)


def _same_scalar(a: Any, b: Any) -> bool:
    if a == b and type(a) is type(b):
        return True
    if isinstance(a, int | float) and isinstance(b, int | float):
        # JSON has one number type (1 is 1.0); a boolean is not a number.
        return a == b and isinstance(a, bool) == isinstance(b, bool)
    x, y = instant(a), instant(b)
    return x is not None and y is not None and x == y


def same_instants(a: Any, b: Any) -> bool:
    """Whether two values are equal, date-time strings compared as the instants they name
    (``2099-01-01T09:00:00Z`` is ``2099-01-01T10:00:00+01:00``). Same keys, same lengths."""
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same_instants(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same_instants(x, y) for x, y in zip(a, b, strict=True))
    return _same_scalar(a, b)


# -- the schema, as far as defaults go -------------------------------------------------------

_lock = threading.Lock()
#: A cache of a pure function: each schema object's resolution, by identity. The entry keeps
#: the object itself, so its id cannot be reused by another while the entry lives.
_resolved: dict[int, tuple[Mapping[str, Any], Node]] = {}


def _defs() -> Mapping[str, Any]:
    defs: Mapping[str, Any] = load_schema(ROOT)["$defs"]
    return defs


def _deref(schema: Mapping[str, Any]) -> Node:
    """``schema`` and what it is made of (``$ref``, ``allOf``, every alternative), without the
    conditional branches (``if``/``then``: they depend on the instance)."""
    key = id(schema)
    found = _resolved.get(key)
    if found is not None and found[0] is schema:
        return found[1]
    parts: list[Mapping[str, Any]] = [schema]
    ref = schema.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/$defs/"):
        target = _defs().get(ref[len("#/$defs/") :])
        if isinstance(target, Mapping):
            parts.extend(_deref(target))
    for keyword in ("allOf", "anyOf", "oneOf"):
        for sub in schema.get(keyword) or ():
            if isinstance(sub, Mapping) and "if" not in sub:
                parts.extend(_deref(sub))
    with _lock:
        _resolved[key] = (schema, tuple(parts))
    return tuple(parts)


def _condition_holds(condition: Any, instance: Any) -> bool:
    """Whether an ``if`` of the generated schema holds: its discriminator ``const`` values (any
    other condition is taken to hold, so that its branch's defaults count)."""
    if not isinstance(condition, Mapping) or not isinstance(instance, Mapping):
        return True
    for name, sub in (condition.get("properties") or {}).items():
        if isinstance(sub, Mapping) and "const" in sub and instance.get(name) != sub["const"]:
            return False
    return True


def _expand(node: Node, instance: Any) -> Node:
    """``node`` with the conditional branches that apply to ``instance`` followed."""
    out: list[Mapping[str, Any]] = []
    pending = list(node)
    while pending:
        schema = pending.pop(0)
        for part in _deref(schema):
            out.append(part)
            for sub in part.get("allOf") or ():
                if isinstance(sub, Mapping) and "if" in sub:
                    then = sub.get("then")
                    if isinstance(then, Mapping) and _condition_holds(sub["if"], instance):
                        pending.append(then)
    return tuple(out)


def _child(node: Node, key: str) -> Node:
    return tuple(
        p["properties"][key]
        for p in node
        if isinstance(p.get("properties"), Mapping)
        if isinstance(p["properties"].get(key), Mapping)
    )


def _items(node: Node) -> Node:
    return tuple(p["items"] for p in node if isinstance(p.get("items"), Mapping))


def _is_default(node: Node, key: str, value: Any) -> bool:
    """Whether the contract documents ``value`` as the default of ``key`` here."""
    for schema in _child(node, key):
        for part in _deref(schema):
            if "default" in part and _same_scalar(value, part["default"]):
                return True
    return False


def field_schema(api_key: str) -> Node:
    """Where a top-level field of a campaign (``schedulePlan``, ``customers``) is in the schema."""
    return _child(_expand((load_schema(ROOT),), {}), api_key)


# -- comparing -------------------------------------------------------------------------------


def differences(server: Any, declared: Any, node: Node = (), path: Path = ()) -> Iterator[Path]:
    """The paths at which ``server`` (what the API holds) differs from ``declared``, ``node``
    saying which schema applies here (empty: no defaults are known). Depth first, in the
    declared order, then the keys only the server has."""
    if server == declared and type(server) is type(declared):
        # In C, the usual case (whole lists of customers at once). ``==`` holds ``True == 1``
        # deep inside: an API that turned a declared ``true`` into ``1`` is no drift worth
        # a replacement.
        return
    if isinstance(declared, Mapping) and isinstance(server, Mapping):
        here = _expand(node, server)
        for key, value in declared.items():
            if key in server:
                yield from differences(server[key], value, _child(here, key), (*path, key))
            elif not _is_default(here, key, value):
                yield (*path, key)
        for key in server.keys() - declared.keys():
            if not _is_default(here, key, server[key]):
                yield (*path, key)
    elif isinstance(declared, list) and isinstance(server, list):
        if len(declared) != len(server):
            yield path
            return
        items = _items(_expand(node, server))
        for i, (s, d) in enumerate(zip(server, declared, strict=True)):
            yield from differences(s, d, items, (*path, i))
    elif not _same_scalar(server, declared):
        yield path


def same_value(server: Any, declared: Any, node: Node = ()) -> bool:
    """Whether the server's value is the declared one (see :func:`differences`)."""
    return next(differences(server, declared, node), None) is None


def customer_paths(server: Sequence[Any], declared: Sequence[Any], limit: int = 10) -> list[str]:
    """Where two customer lists differ, as ``customers[1].assistantOverrides`` (a customer and
    its field, never deeper: keys below may be the customers' own data), at most ``limit``."""
    found: list[str] = []
    for diff in differences(list(server), list(declared), field_schema("customers")):
        shown = format_path(("customers", *diff[:2]))
        if shown not in found:
            found.append(shown)
            if len(found) >= limit:
                break
    return found
