"""load_schema: package data, cached, thread-safe."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from pulumi_cozmox._schema import SCHEMA_NAMES, load_schema


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_load(name):
    schema = load_schema(name)
    assert schema["title"] == name
    assert schema["$ref"] == f"#/$defs/{name}"
    assert name in schema["$defs"]


def test_cached_and_thread_safe():
    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(load_schema, ["Campaign"] * 32))
    assert all(r is results[0] for r in results)
    assert load_schema("Campaign") is results[0]


def test_unknown_name():
    with pytest.raises(ValueError, match="CreateCampaignDTO"):
        load_schema("Nope")
