"""The naive baseline for bench_provider.py: the same campaign with customers as nested
props (a list of dicts crossing the engine as is), validated and compared in full."""

import json
import os
from pathlib import Path
from typing import Any

import httpx
from pulumi.dynamic import CreateResult, DiffResult, Resource, ResourceProvider

from pulumi_cozmox.core.rules.validation import validate_campaign


class NaiveProvider(ResourceProvider):
    def check(self, _olds: dict[str, Any], news: dict[str, Any]) -> Any:
        from pulumi.dynamic import CheckFailure, CheckResult

        body = {k: v for k, v in news.items() if k != "__provider"}
        failures = [CheckFailure(p.path, p.message) for p in validate_campaign(body)]
        return CheckResult(news, failures)

    def diff(self, _id: str, olds: dict[str, Any], news: dict[str, Any]) -> DiffResult:
        keys = ("name", "phoneNumberId", "assistantId", "schedulePlan", "customers")
        changed = [k for k in keys if olds.get(k) != news.get(k)]
        return DiffResult(
            changes=bool(changed), replaces=["customers"] if "customers" in changed else []
        )

    def create(self, props: dict[str, Any]) -> CreateResult:
        body = {k: v for k, v in props.items() if k != "__provider"}
        response = httpx.post(
            f"{os.environ['COZMOX_BASE_URL']}/campaign",
            json=body,
            headers={"Authorization": f"Bearer {os.environ['COZMOX_API_KEY']}"},
            timeout=600,
        )
        response.raise_for_status()
        campaign = response.json()
        return CreateResult(campaign["id"], props)


class NaiveCampaign(Resource):
    def __init__(self, name: str, props: dict[str, Any]) -> None:
        super().__init__(NaiveProvider(), name, props)


spec = json.loads((Path(__file__).parent / "spec.json").read_text())
for resource_name, body in spec["campaigns"].items():
    NaiveCampaign(resource_name, body)
