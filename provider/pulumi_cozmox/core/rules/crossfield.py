"""Cross-field rules of a campaign that its JSON Schema cannot state.

``check_rules(body)`` takes a Create Campaign body (API camelCase keys) and returns every broken
rule as a :class:`Problem`; it never raises on a malformed body (wrong types are the schema's
business, so a rule skips what it cannot read). Shared by the validator and the emulator:

- ``assistantId`` and ``workflowId``: exactly one of them.
- ``schedulePlan.latestAt``, when given, is after ``schedulePlan.earliestAt``.
- At most :data:`MAX_CUSTOMERS` customers.
- Each customer ``number`` is E.164 (``+14155551234``) and a valid number for its country
  (libphonenumber's ``is_valid_number``: ``+14150000000`` is E.164-shaped but no US number)
  unless the customer sets ``numberE164CheckEnabled: false``, in which case it is still
  alphanumeric (``^\\+?[a-zA-Z0-9]+$``).
- A number given to two customers is reported at the second, naming the first.

Messages never quote a value under ``customers``: numbers, emails and names are personal data,
and messages reach CI logs and pull requests. They name the path and what is allowed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pulumi_cozmox.core.model.compare import instant
from pulumi_cozmox.core.model.paths import format_path
from pulumi_cozmox.core.model.phone import E164, is_valid
from pulumi_cozmox.core.resource import names

__all__ = [
    "MAX_CUSTOMERS",
    "Problem",
    "check_callable",
    "check_rules",
    "check_update_rules",
    "format_path",
]

MAX_CUSTOMERS = 10_000
ALPHANUMERIC_NUMBER = re.compile(r"\+?[a-zA-Z0-9]+")
NOT_E164 = (
    "is not an E.164 number (a + and up to 15 digits, like +14155551234); "
    "set numberE164CheckEnabled: false to dial other numbers"
)
NOT_VALID = (
    "is not a valid phone number: its digits do not fit its country's numbering plan "
    "(libphonenumber); correct it, or set numberE164CheckEnabled: false to dial it as written"
)
NOT_ALPHANUMERIC = (
    "must be alphanumeric with an optional leading + (numberE164CheckEnabled is false)"
)


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in a request body."""

    path: str
    """Where: ``customers[3].assistantOverrides.voice.provider`` ("" for the body itself)."""
    message: str
    """What is wrong and what is allowed, for a person to act on."""

    def __str__(self) -> str:
        return f"{self.path or '(body)'}: {names.render(self.message, 'native')}"

    def in_api_terms(self) -> Problem:
        """This problem with its field tokens spelled as the API names the fields."""
        return Problem(self.path, names.render(self.message, "native"))


def check_assistant_or_workflow(body: Mapping[str, Any]) -> list[Problem]:
    has_assistant = body.get("assistantId") is not None
    has_workflow = body.get("workflowId") is not None
    if has_assistant and has_workflow:
        return [
            Problem(
                "workflowId",
                f"{names.field('assistantId')} and {names.field('workflowId')} cannot both be "
                "set: give one of them",
            )
        ]
    if not has_assistant and not has_workflow:
        one = f"one of {names.field('assistantId')} or {names.field('workflowId')} is required"
        return [Problem("assistantId", one)]
    return []


def check_schedule(body: Mapping[str, Any]) -> list[Problem]:
    plan = body.get("schedulePlan")
    if not isinstance(plan, Mapping) or plan.get("latestAt") is None:
        return []
    earliest, latest = instant(plan.get("earliestAt")), instant(plan.get("latestAt"))
    if earliest is None or latest is None or latest > earliest:
        return []
    return [
        Problem(
            "schedulePlan.latestAt",
            f"must be after {names.field('schedulePlan')}.earliestAt ({plan['earliestAt']}), "
            f"got {plan['latestAt']}",
        )
    ]


def check_customers(body: Mapping[str, Any]) -> list[Problem]:
    customers = body.get("customers")
    if not isinstance(customers, list):
        return []
    problems: list[Problem] = []
    if len(customers) > MAX_CUSTOMERS:
        problems.append(
            Problem(
                "customers",
                f"at most {MAX_CUSTOMERS:,} customers per campaign, got {len(customers):,}",
            )
        )
    first_seen: dict[str, int] = {}
    for i, customer in enumerate(customers):
        if not isinstance(customer, Mapping):
            continue
        number = customer.get("number")
        if not isinstance(number, str):
            continue
        path = f"customers[{i}].number"
        if customer.get("numberE164CheckEnabled") is False:
            if not ALPHANUMERIC_NUMBER.fullmatch(number):
                problems.append(Problem(path, NOT_ALPHANUMERIC))
        elif not E164.fullmatch(number):
            problems.append(Problem(path, NOT_E164))
        elif not is_valid(number):
            problems.append(Problem(path, NOT_VALID))
        first = first_seen.setdefault(number, i)
        if first != i:
            problems.append(Problem(path, f"is the same number as customers[{first}].number"))
    return problems


def check_callable(body: Mapping[str, Any]) -> list[Problem]:
    """The provider's own rule, not the API's (which accepts such customers and skips them
    without a word): a campaign calls somebody, and every customer can be called."""
    customers = body.get("customers") if isinstance(body, Mapping) else None
    if not isinstance(customers, list):
        return []
    if not customers:
        return [Problem("customers", "needs at least one customer: this campaign calls nobody")]
    problems = []
    for i, customer in enumerate(customers):
        if not isinstance(customer, Mapping):
            continue
        if not customer.get("number") and not customer.get("sipUri"):
            problems.append(
                Problem(
                    f"customers[{i}]",
                    "has neither number nor sipUri: nobody can be called; give one of them",
                )
            )
    return problems


def check_update_rules(body: Mapping[str, Any]) -> list[Problem]:
    """The rules that apply to an Update Campaign (PATCH) body."""
    if not isinstance(body, Mapping):
        return []
    both = body.get("assistantId") is not None and body.get("workflowId") is not None
    return (check_assistant_or_workflow(body) if both else []) + check_schedule(body)


def check_rules(body: Mapping[str, Any]) -> list[Problem]:
    """Every cross-field rule ``body`` (a Create Campaign body) breaks, in path order."""
    if not isinstance(body, Mapping):
        return []
    problems = check_assistant_or_workflow(body) + check_schedule(body) + check_customers(body)
    return problems
