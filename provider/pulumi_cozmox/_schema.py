"""The generated JSON Schemas (package data ``pulumi_cozmox.schemas``): the shared artefact.

``load_schema(name)`` reads ``schema/<name>.schema.json`` once per process and returns the same
parsed dict on every call, from any thread. Treat it as read-only: it is shared.
"""

from __future__ import annotations

import json
import threading
from importlib import resources
from typing import Any, Literal

SchemaName = Literal["CreateCampaignDTO", "UpdateCampaignDTO", "Campaign"]
SCHEMA_NAMES: tuple[SchemaName, ...] = ("CreateCampaignDTO", "UpdateCampaignDTO", "Campaign")
SCHEMA_PACKAGE = "pulumi_cozmox.schemas"

_lock = threading.Lock()
_cache: dict[str, dict[str, Any]] = {}


def load_schema(name: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) named ``name``; cached, thread-safe, read-only."""
    cached = _cache.get(name)
    if cached is not None:
        return cached
    if name not in SCHEMA_NAMES:
        raise ValueError(f"unknown schema {name!r}; expected one of {', '.join(SCHEMA_NAMES)}")
    with _lock:
        cached = _cache.get(name)
        if cached is None:
            text = (
                resources.files(SCHEMA_PACKAGE)
                .joinpath(f"{name}.schema.json")
                .read_text(encoding="utf-8")
            )
            cached = json.loads(text)
            _cache[name] = cached
        return cached
