"""What a campaign names: the assistants, phone numbers and workflows of each org, as the API's
reads return them (``schema/cozmox-references.openapi.json``). No HTTP here.

The emulator cannot create them the API's way (the contract it serves has no such writes):
tests and demos seed them with ``POST /__emulator/objects`` or ``--objects FILE``, both taking
``{"orgId"?: ORG, "assistants": [{"id", "name"}], "phoneNumbers": [{"id", "number", "name"}],
"workflows": [{"id", "name"}]}``. Seeding an id again replaces it. They live in memory, like
the fault rules: a reset forgets them all, and a restart keeps only what ``--objects`` gives.

An answer holds what the contract requires of each schema (``Assistant``: ``id``, ``orgId``,
``createdAt``, ``updatedAt``; ``Workflow`` also ``nodes`` and ``edges``; a phone number the
``CozmoxPhoneNumber`` branch, ``provider: "cozmox"``), and the seeded ``name`` and ``number``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from . import lifecycle
from .store import DEFAULT_ORG

__all__ = ["KINDS", "Objects", "Seed", "parse_seed"]


@dataclass(frozen=True)
class Kind:
    """One kind of object: its key in a seed, its route, its name in messages, the fields a
    seed may give, and what the contract requires beyond the common fields."""

    key: str
    route: str
    noun: str
    fields: tuple[str, ...]
    extra: tuple[tuple[str, Any], ...] = ()


KINDS = (
    Kind("assistants", "/assistant", "Assistant", ("name",)),
    Kind(
        "phoneNumbers",
        "/phone-number",
        "Phone number",
        ("number", "name"),
        (("provider", "cozmox"), ("status", "active")),
    ),
    Kind("workflows", "/workflow", "Workflow", ("name",), (("nodes", []), ("edges", []))),
)
SEED_SHAPE = (
    '{"orgId"?: ORG, "assistants": [{"id", "name"}], "phoneNumbers": [{"id", "number", '
    '"name"}], "workflows": [{"id", "name"}]}'
)


@dataclass(frozen=True)
class Seed:
    """A parsed seed: the org and, by kind key, the objects (id and the given fields)."""

    org: str
    objects: Mapping[str, tuple[dict[str, str], ...]]


def _items(data: Mapping[str, Any], kind: Kind) -> tuple[dict[str, str], ...]:
    items = data.get(kind.key, [])
    if not isinstance(items, list):
        raise ValueError(f"{kind.key} must be a list")
    parsed = []
    for index, item in enumerate(items):
        where = f"{kind.key}[{index}]"
        if not isinstance(item, dict):
            raise ValueError(f"{where} must be an object")
        unknown = sorted(set(item) - {"id", *kind.fields})
        if unknown:
            raise ValueError(f"{where}: property {unknown[0]} should not exist")
        if not isinstance(item.get("id"), str) or not item["id"]:
            raise ValueError(f"{where}.id must be a non-empty string")
        for name in kind.fields:
            if name in item and not isinstance(item[name], str):
                raise ValueError(f"{where}.{name} must be a string")
        parsed.append({k: str(v) for k, v in item.items()})
    return tuple(parsed)


def parse_seed(data: Any) -> Seed:
    """The seed in ``data`` (a JSON value); ValueError saying what is wrong."""
    if not isinstance(data, dict):
        raise ValueError(f"a seed is {SEED_SHAPE}")
    unknown = sorted(set(data) - {"orgId", *(k.key for k in KINDS)})
    if unknown:
        raise ValueError(f"property {unknown[0]} should not exist; a seed is {SEED_SHAPE}")
    org = data.get("orgId", DEFAULT_ORG)
    if not isinstance(org, str) or not org:
        raise ValueError("orgId must be a non-empty string")
    return Seed(org, {kind.key: _items(data, kind) for kind in KINDS})


class Objects:
    """The seeded objects of every org, by kind and id. Thread-safe."""

    def __init__(self, now_ms: Callable[[], int]) -> None:
        self._now_ms = now_ms
        self._lock = threading.Lock()
        self._by_org: dict[tuple[str, str], dict[str, dict[str, Any]]] = {}

    def seed(self, seed: Seed) -> dict[str, Any]:
        """Store (or replace) the seed's objects; what was stored, by kind: their ids."""
        stamp = lifecycle.format_ms(self._now_ms())
        stored: dict[str, Any] = {"orgId": seed.org}
        with self._lock:
            for kind in KINDS:
                table = self._by_org.setdefault((seed.org, kind.key), {})
                for item in seed.objects[kind.key]:
                    table[item["id"]] = {
                        **item,
                        "orgId": seed.org,
                        **dict(kind.extra),
                        "createdAt": stamp,
                        "updatedAt": stamp,
                    }
                stored[kind.key] = [item["id"] for item in seed.objects[kind.key]]
        return stored

    def get(self, org: str, kind: Kind, object_id: str) -> dict[str, Any] | None:
        with self._lock:
            found = self._by_org.get((org, kind.key), {}).get(object_id)
            return dict(found) if found is not None else None

    def list(self, org: str, kind: Kind, limit: int) -> list[dict[str, Any]]:
        """The org's objects of ``kind``, the last seeded first (as the API lists newest
        first), at most ``limit``."""
        with self._lock:
            found = list(self._by_org.get((org, kind.key), {}).values())
        return [dict(item) for item in reversed(found)][:limit]

    def clear(self) -> None:
        with self._lock:
            self._by_org.clear()
