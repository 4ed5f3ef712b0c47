"""Shared helpers of the integration tests: request bodies, fault rules, the journal."""

from __future__ import annotations

import itertools
import json
import time
from collections.abc import Callable
from typing import Any

from pulumi_cozmox.client.api import CozmoxClient
from pulumi_cozmox.client.settings import Settings
from pulumi_cozmox.core.engine.create import Declared
from pulumi_cozmox.core.model.customers import CustomerList, encode_customers
from pulumi_cozmox.core.report.record import CampaignReport


def body(name: str = "Q2", numbers: int = 2, **fields: Any) -> dict[str, Any]:
    """A valid Create Campaign body with ``numbers`` distinct customers."""
    data: dict[str, Any] = {
        "name": name,
        "phoneNumberId": "pn-1",
        "assistantId": "as-1",
        "schedulePlan": {"earliestAt": "2099-01-01T09:00:00.000Z"},
        "customers": [{"number": f"+1415555{i:04d}"} for i in range(numbers)],
    }
    data.update(fields)
    return data


def json_bytes(data: Any) -> bytes:
    return json.dumps(data, separators=(",", ":")).encode()


def declared(data: dict[str, Any]) -> Declared:
    """The Declared campaign of a POST body, as the provider builds it from props."""
    fields = {k: v for k, v in data.items() if k != "customers"}
    return Declared(fields=fields, customer_list=CustomerList(encode_customers(data["customers"])))


def make_client(
    emulator: Any,
    *,
    api_key: str | None = None,
    timeout: float = 5.0,
    sleep: Callable[[float], None] = time.sleep,
    max_retries: int = 5,
) -> CozmoxClient:
    settings = Settings(
        api_key=api_key or emulator.api_key, base_url=emulator.base_url, request_timeout=timeout
    )
    return CozmoxClient(settings, sleep=sleep, max_retries=max_retries)


def add_fault(emulator: Any, **rule: Any) -> None:
    response = emulator.control.post("faults", json=rule)
    assert response.status_code == 201, response.text


def journal(emulator: Any, method: str, path: str = "/campaign") -> list[dict[str, Any]]:
    """The journal's requests for ``method path``, in arrival order (the journal records a
    request when it ends)."""
    entries = sorted(emulator.control.get("requests").json(), key=lambda e: e["time"])
    return [e for e in entries if e["method"] == method and e["path"] == path]


def arrivals(emulator: Any, method: str, path: str = "/campaign") -> list[dict[str, Any]]:
    """The journal's requests for ``method path`` in the order they arrived (its ``arrived``;
    each entry's ``ended`` says when it ended in the same count)."""
    entries = sorted(emulator.control.get("requests").json(), key=lambda e: e["arrived"])
    return [e for e in entries if e["method"] == method and e["path"] == path]


def guard_listings(emulator: Any) -> list[dict[str, Any]]:
    """The duplicate guards' looks at the org just before their POSTs (the run's view catching
    up: ``updatedAtGe``, first page), in arrival order. The view's first read asks by status;
    a lost answer's lookup lists with ``createdAtGe``; a test's own look asks no ``page``."""
    first_pages = [e for e in arrivals(emulator, "GET") if "page=1" in e["query"].split("&")]
    return [e for e in first_pages if "updatedAtGe" in e["query"] and "status" not in e["query"]]


def one_at_a_time(emulator: Any) -> bool:
    """Whether every request the API received ended before the next one arrived."""
    entries = sorted(emulator.control.get("requests").json(), key=lambda e: e["arrived"])
    return all(a["ended"] < b["arrived"] for a, b in itertools.pairwise(entries))


def campaigns(emulator: Any) -> list[dict[str, Any]]:
    """Every campaign the emulator holds (one page: tests keep fewer than 100)."""
    with emulator.api() as api:
        return list(api.get("/campaign", params={"limit": 100}).json()["results"])


class Collect:
    """A sink that keeps what a run's hooks say: their reports, and their notices."""

    def __init__(self) -> None:
        self.reports: list[CampaignReport] = []
        self.notices: list[str] = []

    def report(self, report: CampaignReport) -> None:
        self.reports.append(report)

    def notice(self, text: str) -> None:
        self.notices.append(text)


def create(run: Any, p: dict[str, Any]) -> dict[str, Any]:
    """Create through the run as `up` would (check, then create): the recorded outputs, with
    the id."""
    assert run.check({}, p, Collect()) == []
    campaign_id, outputs = run.create(p, Collect())
    return {**outputs, "id": campaign_id}
