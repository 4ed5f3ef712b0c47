"""Where the documentation example (tests/data/seed-create-campaign.request.json) is invalid,
derived from what the API contract's README (shared/api/README.md) says about it, not from the
validator's output:

    "The documentation page's example request is a template, not a valid request: it holds
    placeholders ("<string>" where names must match ^[a-zA-Z0-9_-]{1,40}$, "<unknown>") and
    example artifacts (compliancePlan.hipaaEnabled: {"hipaaEnabled": false},
    formattersEnabled: "markdown" where an array is required, extension: null). A correct
    validator rejects exactly those paths"

plus the README's cross-field rules the example breaks (assistantId and workflowId both set;
latestAt not after earliestAt; a number that is not E.164).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pulumi_cozmox.core.rules.crossfield import format_path

SEED = Path(__file__).resolve().parent / "data" / "seed-create-campaign.request.json"

#: "<string>" placeholders at names that must match a pattern (the tool name, its function's
#: name: ^[a-zA-Z0-9_-]{1,40}$; an alias key: the README's JavaScript regex literal
#: /^[a-zA-Z][a-zA-Z0-9_]*$/). Other "<string>" values are plain strings and stay valid.
PATTERN_NAMES = {
    "customers[0].assistantOverrides.model.tools[0].name",
    "customers[0].assistantOverrides.model.tools[0].function.name",
    "customers[0].assistantOverrides.model.tools[0].variableExtractionPlan.aliases[0].key",
}


def _leaves(value: Any, path: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple, Any]]:
    yield path, value
    if isinstance(value, dict):
        for key, sub in value.items():
            yield from _leaves(sub, (*path, key))
    elif isinstance(value, list):
        for index, sub in enumerate(value):
            yield from _leaves(sub, (*path, index))


def _schema_paths(seed: dict[str, Any]) -> set[str]:
    found = set(PATTERN_NAMES)
    for path, value in _leaves(seed):
        key = path[-1] if path else None
        artifact = isinstance(value, dict) and list(value) == [key]  # {"hipaaEnabled": false}
        if (
            value == "<unknown>"
            or artifact
            or (key == "formattersEnabled" and isinstance(value, str))
            or (key == "extension" and value is None)
        ):
            found.add(format_path(path))
    return found


def _rule_paths(seed: dict[str, Any]) -> set[str]:
    found = set()
    if seed.get("assistantId") is not None and seed.get("workflowId") is not None:
        found.add("workflowId")
    plan = seed.get("schedulePlan") or {}
    earliest, latest = plan.get("earliestAt"), plan.get("latestAt")
    if isinstance(latest, str) and isinstance(earliest, str) and latest <= earliest:
        found.add("schedulePlan.latestAt")  # same format in both: string order is time order
    for index, customer in enumerate(seed.get("customers", [])):
        if not str(customer.get("number", "")).startswith("+"):
            found.add(f"customers[{index}].number")
    return found


_seed = json.loads(SEED.read_text(encoding="utf-8"))
SEED_SCHEMA_PATHS: frozenset[str] = frozenset(_schema_paths(_seed))
SEED_RULE_PATHS: frozenset[str] = frozenset(_rule_paths(_seed))
