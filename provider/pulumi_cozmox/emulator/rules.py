"""The contract's cross-field rules, which its JSON Schema cannot state, as the emulator applies
them.

Written from the contract (the API README and the OpenAPI document in ``schema/``), not taken
from the provider: the emulator is the oracle the provider's own rules are tested against, and
an oracle that shared them could not catch their bugs. A Create Campaign body:

- ``assistantId`` or ``workflowId``: one of them, not both.
- ``schedulePlan.latestAt``, when given, is after ``schedulePlan.earliestAt``.
- At most 10,000 customers.
- A customer's ``number`` is E.164 (``+`` and up to 15 digits) and a valid number of its
  country (libphonenumber), exactly as written; with ``numberE164CheckEnabled: false`` any
  letters and digits after an optional ``+``.
- No number twice: the second is refused, naming the first.

A PATCH is judged on the campaign as it would be (customers left out). Each message is
``PATH: what is wrong`` and never quotes a customer's value (personal data).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

import phonenumbers

from .lifecycle import parse_iso_ms

__all__ = ["MAX_CUSTOMERS", "campaign_problems", "path_of"]

MAX_CUSTOMERS = 10_000
_E164 = re.compile(r"\+[1-9][0-9]{1,14}")
_ANY_NUMBER = re.compile(r"\+?[a-zA-Z0-9]+")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def path_of(parts: list[str | int]) -> str:
    """``["customers", 3, "name"]`` -> ``customers[3].name``; ``[]`` -> ``body``."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        elif _NAME.fullmatch(part):
            out += f".{part}" if out else part
        else:
            out += f"[{json.dumps(part, ensure_ascii=False)}]"
    return out or "body"


def _one_agent(body: Mapping[str, Any]) -> list[str]:
    assistant, workflow = body.get("assistantId"), body.get("workflowId")
    if assistant is not None and workflow is not None:
        return ["workflowId: assistantId and workflowId are exclusive: send one of them"]
    if assistant is None and workflow is None:
        return ["assistantId: one of assistantId and workflowId is required"]
    return []


def _window(body: Mapping[str, Any]) -> list[str]:
    plan = body.get("schedulePlan")
    if not isinstance(plan, Mapping):
        return []
    earliest, latest = plan.get("earliestAt"), plan.get("latestAt")
    if not isinstance(earliest, str) or not isinstance(latest, str):
        return []  # absent or mistyped: the schema's to say
    start, end = parse_iso_ms(earliest), parse_iso_ms(latest)
    if start is None or end is None or end > start:
        return []
    return ["schedulePlan.latestAt: must be after schedulePlan.earliestAt"]


def _number_problem(customer: Mapping[str, Any], number: str) -> str | None:
    if customer.get("numberE164CheckEnabled") is False:
        if _ANY_NUMBER.fullmatch(number):
            return None
        return "must be letters and digits after an optional + (numberE164CheckEnabled is false)"
    return _e164_problem(number)


# libphonenumber takes ~70 us a number (0.7 s for 10,000): a campaign created again (tests,
# benchmarks) costs nothing the second time.
@lru_cache(maxsize=1 << 16)
def _e164_problem(number: str) -> str | None:
    if not _E164.fullmatch(number):
        return "must be an E.164 number: + and up to 15 digits"
    try:
        parsed = phonenumbers.parse(number, None)
    except phonenumbers.NumberParseException:
        return "must be a valid phone number"
    # parse() repairs some numbers (a trunk 0 or 1 after the country code): the API dials the
    # string as written, so the repaired number must be the same string.
    as_written = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164) == number
    if not as_written or not phonenumbers.is_valid_number(parsed):
        return "must be a valid phone number"
    return None


def _customers(body: Mapping[str, Any]) -> list[str]:
    customers = body.get("customers")
    if not isinstance(customers, list):
        return []
    messages: list[str] = []
    if len(customers) > MAX_CUSTOMERS:
        messages.append(f"customers: must contain no more than {MAX_CUSTOMERS} customers")
    first_at: dict[str, int] = {}
    for index, customer in enumerate(customers):
        number = customer.get("number") if isinstance(customer, Mapping) else None
        if not isinstance(number, str):
            continue
        path = path_of(["customers", index, "number"])
        problem = _number_problem(customer, number)
        if problem is not None:
            messages.append(f"{path}: {problem}")
        first = first_at.setdefault(number, index)
        if first != index:
            messages.append(f"{path}: is the same number as customers[{first}].number")
    return messages


def campaign_problems(body: Mapping[str, Any]) -> list[str]:
    """Every cross-field rule a campaign (a Create Campaign body, or a campaign as a PATCH
    would leave it) breaks, as messages; nothing for what only the schema can judge."""
    return _one_agent(body) + _window(body) + _customers(body)
