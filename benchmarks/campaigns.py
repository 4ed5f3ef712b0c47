"""Campaigns for benchmarks: the largest campaign the API accepts, built from real test data."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
FULL_CAMPAIGN = DATA / "campaign-full.json"


def full_campaign() -> dict[str, Any]:
    """``tests/data/campaign-full.json``: a valid campaign of one customer, every field set."""
    data: dict[str, Any] = json.loads(FULL_CAMPAIGN.read_text(encoding="utf-8"))
    return data


def customer_number(i: int) -> str:
    """A distinct valid E.164 number per index (US, 555-01xx style exchange)."""
    return f"+1415{2_000_000 + i:07d}"


def large_campaign(customers: int = 10_000) -> dict[str, Any]:
    """``campaign-full.json`` with ``customers`` customers, each a full copy of its customer
    (every ``assistantOverrides`` field set, ~7.5 KB as JSON) with its own E.164 number.

    Every customer is a separate deep copy, as a parsed request body would be; 10,000 of them
    are about 75 MB as JSON.
    """
    campaign = full_campaign()
    template = campaign["customers"][0]
    out = []
    for i in range(customers):
        customer = copy.deepcopy(template)
        customer["number"] = customer_number(i)
        customer["externalId"] = f"crm-{i:05d}"
        out.append(customer)
    campaign["customers"] = out
    return campaign
