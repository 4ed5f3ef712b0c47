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
  alphanumeric (``^\\+?[a-zA-Z0-9]+$``). The message says what is wrong with the number
  (:func:`number_problem`: a letter where a digit belongs, spaces, a missing ``+``, a length
  its country does not have) and suggests ``numberE164CheckEnabled: false`` only for digits
  that could be dialled as written (a short code, a national number), never for a typo.
- A number given to two customers is reported at the second, naming the first.

Messages never quote a value under ``customers``: numbers, emails and names are personal data,
and messages reach CI logs and pull requests. They name the path and what is allowed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import phonenumbers

from pulumi_cozmox.core.model.compare import instant
from pulumi_cozmox.core.model.paths import format_path
from pulumi_cozmox.core.model.phone import E164, country_code, is_valid, phone_number
from pulumi_cozmox.core.resource import names

__all__ = [
    "MAX_CUSTOMERS",
    "Problem",
    "check_callable",
    "check_rules",
    "check_update_rules",
    "format_path",
    "number_problem",
]

MAX_CUSTOMERS = 10_000
ALPHANUMERIC_NUMBER = re.compile(r"\+?[a-zA-Z0-9]+")
#: What an E.164 number is, for messages.
E164_SHAPE = "a + and up to 15 digits, like +14155551234"
#: The way out for digits that are meant to be dialled as they are written.
AS_WRITTEN = "set numberE164CheckEnabled: false to dial it as written"
NOT_E164 = f"is not an E.164 number ({E164_SHAPE})"
NOT_VALID = (
    "is not a valid phone number: its digits do not fit its country's numbering plan "
    f"(libphonenumber); correct it, or {AS_WRITTEN}"
)
NOT_ALPHANUMERIC = (
    "must be alphanumeric with an optional leading + (numberE164CheckEnabled is false)"
)
#: Characters people write in numbers to make them readable.
_LAYOUT = frozenset(" -.()/\t")
_TOO_FEW = phonenumbers.ValidationResult.TOO_SHORT
_TOO_MANY = phonenumbers.ValidationResult.TOO_LONG
#: How many positions a message lists.
_SHOWN = 3


def _where(number: str, picked: Callable[[str], bool]) -> tuple[str, str]:
    """Where the characters ``picked`` picks are (a leading + never), counted from 1 as the
    number is written (``character 5``, ``characters 5, 9``), and the verb that goes with it:
    a person finds them without the message quoting the number."""
    found = [i + 1 for i, c in enumerate(number) if picked(c) and not (i == 0 and c == "+")]
    shown = ", ".join(map(str, found[:_SHOWN])) + (", ..." if len(found) > _SHOWN else "")
    return (f"character {shown}", "is") if len(found) == 1 else (f"characters {shown}", "are")


def _digit(char: str) -> bool:
    return "0" <= char <= "9"


def _not_e164(number: str) -> str:
    """Why ``number`` is not E.164-shaped, with the way out that fits the mistake: a typo is
    corrected; only digits meant to be dialled as written (a short code, a national number)
    are pointed to numberE164CheckEnabled."""
    if not number.strip():
        return f"is empty: give a number ({E164_SHAPE}), or a sipUri instead"
    if any(c.isalpha() for c in number):
        where, verb = _where(number, str.isalpha)
        letter = "a letter, not a digit" if verb == "is" else "letters, not digits"
        return f"{NOT_E164}: {where} {verb} {letter} (an O typed for a 0, an l for a 1?)"
    body = number.removeprefix("+")
    if not all(map(_digit, body)):
        if all(c in _LAYOUT or _digit(c) for c in body):
            where, verb = _where(number, _LAYOUT.__contains__)
            layout = (
                "a space, dash, dot or parenthesis"
                if verb == "is"
                else "spaces, dashes, dots or parentheses"
            )
            return f"{NOT_E164}: {where} {verb} {layout}; write the + and the digits only"
        where, verb = _where(number, lambda c: not _digit(c))
        return f"{NOT_E164}: {where} {verb} not {'a digit' if verb == 'is' else 'digits'}"
    if not number.startswith("+") and is_valid("+" + number):
        why = "the leading + is missing"
    elif not number.startswith("+"):
        why = "the + and the country code are missing (+1 for the US)"
    elif body.startswith("0"):
        why = "a country code never starts with 0"
    elif len(body) > 15:
        why = f"{len(body)} digits, where E.164 allows 15"
    else:
        why = "too short"
    # Digits only: they may be meant as they are (a short code, an internal number).
    return (
        f"{NOT_E164}: {why}; correct it, or, for a short code or an internal number, {AS_WRITTEN}"
    )


def _not_valid(number: str) -> str:
    """Why an E.164-shaped ``number`` is no valid number, as far as libphonenumber can tell."""
    code = country_code(number)
    if code is None:
        return (
            "is not a valid phone number: no country has its country code (the 1 to 3 digits "
            "after the +); correct it"
        )
    parsed = phone_number(number)
    reason = phonenumbers.is_possible_number_with_reason(parsed) if parsed else None
    if reason in (_TOO_FEW, _TOO_MANY):  # a digit left out or typed twice: a typo
        few = "few" if reason == _TOO_FEW else "many"
        return f"is not a valid phone number: too {few} digits for its country code (+{code})"
    # The right length, in no range libphonenumber knows (maybe a new one): dial as written.
    return NOT_VALID


def number_problem(number: str, checked: bool) -> str | None:
    """What is wrong with a customer's ``number`` (``checked``: numberE164CheckEnabled is not
    false), or None. The message names positions and a country code at most, never the
    number."""
    if checked:
        if not E164.fullmatch(number):
            return _not_e164(number)
        return None if is_valid(number) else _not_valid(number)
    if ALPHANUMERIC_NUMBER.fullmatch(number):
        return None
    if not number.removeprefix("+"):
        return f"{NOT_ALPHANUMERIC}: it is empty"
    where, verb = _where(number, lambda c: not (c.isascii() and c.isalnum()))
    return f"{NOT_ALPHANUMERIC}: {where} {verb} neither a letter nor a digit"


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
        wrong = number_problem(number, customer.get("numberE164CheckEnabled") is not False)
        if wrong is not None:
            problems.append(Problem(path, wrong))
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
