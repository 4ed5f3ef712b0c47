"""Validate a campaign before anything is sent: every mistake, at its exact path, fast.

``validate_campaign(args)`` checks a Create Campaign body (API camelCase keys) against the JSON
Schema generated from the OpenAPI document (``schema/CreateCampaignDTO.schema.json``) and the
cross-field rules of :mod:`pulumi_cozmox.core.rules.crossfield`; ``validate_update(args)`` does the
same for a
PATCH body. Both return a list of :class:`Problem` (empty when valid), ordered by path.

How it stays fast for the largest campaign (10,000 customers, ~75 MB of JSON):

- The Rust validator (``jsonschema_rs``) answers *valid or not*; only a part it calls invalid is
  walked again with its error iterator to build the messages.
- ``customers[*].assistantOverrides`` are validated apart from the rest of the body, and an
  override equal to one already validated is not validated again. Equality is Python ``==``
  (C speed) plus a check that every number/boolean leaf has the same Python type as in the
  validated one, since ``==`` holds ``True == 1``. An invalid override reuses the problems found
  for its equal, under its own path.

Messages never quote a value under ``customers`` (numbers, emails, names and everything beside
them are the customers' data; messages reach CI logs and pull requests): there they name the
path, the JSON type found and what is allowed. Elsewhere they also show the value.

Messages: a union picked by a discriminator (``provider``, ``type``, ``on``) reports against the
branch the discriminator names (the schema uses one ``if``/``then`` per value); an unknown
discriminator value lists the allowed ones; an unknown property is named with the closest known
name (``difflib``); a wrong type, enum value or pattern says what is allowed.
"""

from __future__ import annotations

import difflib
import functools
import json
import operator
import re
import threading
from collections.abc import Iterable, Sequence
from typing import Any

import jsonschema_rs

from pulumi_cozmox._schema import load_schema
from pulumi_cozmox.core.rules.crossfield import (
    Problem,
    check_callable,
    check_rules,
    check_update_rules,
    format_path,
)

__all__ = ["Problem", "campaign_problems", "validate_campaign", "validate_update"]

CREATE = "CreateCampaignDTO"
UPDATE = "UpdateCampaignDTO"
#: The definition ``customers[*].assistantOverrides`` is checked against (validated apart).
OVERRIDES_DEF = "AssistantOverrides"
#: Distinct assistantOverrides remembered while validating one campaign.
TEMPLATE_CACHE_SIZE = 8
#: Enum values listed in a message before "... and N more".
MAX_LISTED = 60

Path = tuple[str | int, ...]

_JSON_TYPE_NAMES = {
    "string": "a string",
    "number": "a number",
    "integer": "an integer",
    "boolean": "a boolean",
    "object": "an object",
    "array": "an array",
    "null": "null",
}


# --------------------------------------------------------------------------------------------
# Validators (built once per process, lazily, thread-safe).


class _Validators:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._built: dict[str, Any] = {}

    def get(self, key: str) -> Any:
        validator = self._built.get(key)
        if validator is None:
            with self._lock:
                validator = self._built.get(key)
                if validator is None:
                    validator = jsonschema_rs.validator_for(
                        self._schema(key), validate_formats=True
                    )
                    self._built[key] = validator
        return validator

    @staticmethod
    def _schema(key: str) -> dict[str, Any]:
        if key == OVERRIDES_DEF:
            root = load_schema(CREATE)
            return {**root, "$ref": f"#/$defs/{OVERRIDES_DEF}", "title": OVERRIDES_DEF}
        return load_schema(key)


_validators = _Validators()


# --------------------------------------------------------------------------------------------
# Messages.


def _show(value: Any, limit: int = 60) -> str:
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list | tuple):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _list_values(values: Sequence[Any]) -> str:
    shown = ", ".join(_show(v) for v in values[:MAX_LISTED])
    more = len(values) - MAX_LISTED
    return shown + (f" ... and {more} more" if more > 0 else "")


def _suggest(word: Any, candidates: Iterable[Any]) -> str | None:
    if not isinstance(word, str):
        return None
    names = [c for c in candidates if isinstance(c, str)]
    lowered = {n.lower(): n for n in names}
    if word.lower() in lowered:
        return lowered[word.lower()]
    close = difflib.get_close_matches(word, names, n=1, cutoff=0.6)
    return close[0] if close else None


def _schema_at(root: dict[str, Any], pointer: Sequence[str | int]) -> Any:
    node: Any = root
    for part in pointer:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return None
    return node


def _type_names(types: Sequence[str]) -> str:
    names = [_JSON_TYPE_NAMES.get(t, t) for t in types]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def _alternative(branch: Sequence[Any], schema: dict[str, Any]) -> str | None:
    """What one anyOf branch wanted, when it failed at the union's own instance."""
    kinds = {e.kind.name: e.kind.as_dict() for e in branch}
    if "type" in kinds and "format" not in kinds:
        where = next(e.schema_path for e in branch if e.kind.name == "type")
        fmt = (_schema_at(schema, where[:-1]) or {}).get("format")
        if fmt:
            kinds["format"] = {"format": fmt}
    if "enum" in kinds:
        return "one of " + _list_values(kinds["enum"]["options"])
    if "const" in kinds:
        return _show(kinds["const"]["expected_value"])
    if "format" in kinds:
        return f"a {kinds['format']['format']} string"
    if "type" in kinds:
        return _type_names(kinds["type"]["types"])
    return None


def _found(value: Any, personal: bool) -> str:
    """ ", got <value>" for a message, or "" where the value is personal data."""
    return "" if personal else f", got {_show(value)}"


class _Messages:
    """Turns jsonschema_rs errors into :class:`Problem` objects (paths under ``prefix``).

    ``customers``: the errors are all under ``customers`` (their paths may be relative), so no
    message quotes a value; otherwise only those whose path starts with ``customers`` do not.
    """

    def __init__(self, schema: dict[str, Any], *, customers: bool = False) -> None:
        self.schema = schema
        self.customers = customers

    def problems(self, errors: Iterable[Any], prefix: Path) -> list[Problem]:
        out: list[Problem] = []
        for error in errors:
            out.extend(self.explain(error, prefix))
        return out

    def explain(self, error: Any, prefix: Path) -> list[Problem]:
        path: Path = prefix + tuple(error.instance_path)
        name: str = error.kind.name
        info: dict[str, Any] = error.kind.as_dict()
        here = format_path(path)
        personal = self.customers or (bool(path) and path[0] == "customers")
        if name in ("additionalProperties", "unevaluatedProperties"):
            return self._unknown_properties(error, path, info)
        if name == "required":
            return [self._required(error, path, info)]
        if name == "anyOf":
            return self._any_of(
                error, info.get("context", []), prefix, here, error.instance, personal
            )
        message = _value_message(name, info, error.instance, personal)
        if message is None:
            # The validator's own message quotes the value: not where customers are.
            message = f"is not allowed here (the schema's {name} rule)" if personal else None
        return [Problem(here, message if message is not None else str(error.message))]

    def _unknown_properties(self, error: Any, path: Path, info: dict[str, Any]) -> list[Problem]:
        parent = _schema_at(self.schema, error.schema_path[:-1]) or {}
        known = sorted(parent.get("properties", {}))
        problems = []
        for prop in info.get("unexpected", []):
            suggestion = _suggest(prop, known)
            message = f"unknown property {_show(prop)}"
            if suggestion:
                message += f"; did you mean {_show(suggestion)}?"
            elif known and len(known) <= 15:
                message += f"; known properties: {', '.join(known)}"
            problems.append(Problem(format_path((*path, prop)), message))
        return problems

    def _required(self, error: Any, path: Path, info: dict[str, Any]) -> Problem:
        prop = info["property"]
        parent = _schema_at(self.schema, error.schema_path[:-1]) or {}
        message = REQUIRED
        disc = parent.get("x-discriminator", {})
        if disc.get("propertyName") == prop:
            message += f"; one of {_list_values(list(disc.get('mapping', {})))}"
        return Problem(format_path((*path, prop)), message)

    def _any_of(
        self,
        error: Any,
        branches: list[list[Any]],
        prefix: Path,
        here: str,
        value: Any,
        personal: bool,
    ) -> list[Problem]:
        depth = len(error.instance_path)
        deeper = [b for b in branches if b and all(len(e.instance_path) > depth for e in b)]
        if len(deeper) == 1:
            # Exactly one branch accepted the value's shape and failed inside: its errors.
            return self.problems(deeper[0], prefix)
        wanted = [_alternative(b, self.schema) for b in branches]
        if deeper or any(w is None for w in wanted):
            best = min(branches, key=len)
            return self.problems(best, prefix)
        unique = list(dict.fromkeys(w for w in wanted if w))
        got = "" if personal else f"; got {_show(value)}"
        return [Problem(here, f"must be {' or '.join(unique)}{got}")]


# --------------------------------------------------------------------------------------------
# Dedupe of equal assistantOverrides.


class _StrictTrue:
    """Equal to ``True`` only (``True == 1`` in Python); compared in C."""

    __slots__ = ()
    __eq__ = functools.partial(operator.is_, True)  # type: ignore[assignment]
    __hash__ = None  # type: ignore[assignment]


class _StrictFalse:
    """Equal to ``False`` only (``False == 0`` in Python); compared in C."""

    __slots__ = ()
    __eq__ = functools.partial(operator.is_, False)  # type: ignore[assignment]
    __hash__ = None  # type: ignore[assignment]


class _StrictNumber:
    """Equal to a number of the same Python type only (so never to a boolean)."""

    __slots__ = ("value",)

    def __init__(self, value: int | float) -> None:
        self.value = value

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self.value) and other == self.value

    __hash__ = None  # type: ignore[assignment]


_STRICT_TRUE = _StrictTrue()
_STRICT_FALSE = _StrictFalse()


def _strict(value: Any) -> Any:
    """A copy of ``value`` that is ``==`` only to values of the same JSON types.

    Python's ``==`` holds ``True == 1`` and ``False == 0`` (and ``1 == 1.0``, which JSON Schema
    also holds). Booleans and the numbers 0 and 1 are replaced by objects that compare strictly.
    """
    kind = type(value)
    if kind is dict:
        return {key: _strict(sub) for key, sub in value.items()}
    if kind is list:
        return [_strict(sub) for sub in value]
    if value is True:
        return _STRICT_TRUE
    if value is False:
        return _STRICT_FALSE
    if (kind is int or kind is float) and (value == 0 or value == 1):
        return _StrictNumber(value)
    return value


class _Template:
    """A validated value and its problems (relative paths); matches values equal to it."""

    __slots__ = ("problems", "strict", "value")

    def __init__(self, value: Any, problems: list[tuple[str, str]]) -> None:
        self.value = value
        self.problems = problems
        self.strict = _strict(value)

    def matches(self, other: Any) -> bool:
        # The strict copy on the left: its comparisons run first (dict == walks the left keys).
        return other is self.value or bool(self.strict == other)


# --------------------------------------------------------------------------------------------
# Public API.


def _path_key(problem: Problem) -> tuple[tuple[int, int | str], ...]:
    key: list[tuple[int, int | str]] = []
    for token in re.findall(r"\[(\d+)\]|\[(\"(?:[^\"\\]|\\.)*\")\]|([^.\[\]]+)", problem.path):
        index, quoted, name = token
        if index:
            key.append((0, int(index)))
        else:
            key.append((1, json.loads(quoted) if quoted else name))
    return tuple(key)


_SUGGESTED = re.compile(r'did you mean "((?:[^"\\]|\\.)*)"\?')
REQUIRED = "required property is missing"


def _one_error_per_typo(problems: list[Problem]) -> list[Problem]:
    """A misspelt key is one mistake: its did-you-mean, without the "required" error of the
    key it was meant to be (``earliestAT`` for ``earliestAt``)."""
    meant = set()
    for p in problems:
        found = _SUGGESTED.search(p.message)
        if found is not None and p.message.startswith("unknown property"):
            parent = p.path.rpartition(".")[0] if "." in p.path else ""
            meant.add(f"{parent}.{found.group(1)}" if parent else found.group(1))
    return [p for p in problems if not (p.message.startswith(REQUIRED) and p.path in meant)]


def _ordered(problems: Iterable[Problem]) -> list[Problem]:
    unique = _one_error_per_typo(list(dict.fromkeys(problems)))
    return sorted(unique, key=lambda p: (_path_key(p), p.message))


def _schema_problems(key: str, value: Any, prefix: Path = ()) -> list[Problem]:
    validator = _validators.get(key)
    if validator.is_valid(value):
        return []
    overrides = key == OVERRIDES_DEF  # a customer's assistantOverrides, paths relative to it
    schema = load_schema(CREATE if overrides else key)
    messages = _Messages(schema, customers=overrides)
    return messages.problems(validator.iter_errors(value), prefix)


def _create_schema_problems(args: dict[str, Any]) -> list[Problem]:
    customers = args.get("customers")
    if not isinstance(customers, list):
        return _schema_problems(CREATE, args)
    skeleton_customers: list[Any] = []
    overrides: list[tuple[int, Any]] = []
    for i, customer in enumerate(customers):
        if type(customer) is dict and "assistantOverrides" in customer:
            rest = customer.copy()
            overrides.append((i, rest.pop("assistantOverrides")))
            skeleton_customers.append(rest)
        else:
            skeleton_customers.append(customer)
    skeleton = {**args, "customers": skeleton_customers}
    problems = _schema_problems(CREATE, skeleton)
    templates: list[_Template] = []
    for i, override in overrides:
        prefix: Path = ("customers", i, "assistantOverrides")
        template = next((t for t in templates if t.matches(override)), None)
        if template is None:
            found = _schema_problems(OVERRIDES_DEF, override)
            template = _Template(override, [(p.path, p.message) for p in found])
            templates.insert(0, template)
            del templates[TEMPLATE_CACHE_SIZE:]
        elif templates[0] is not template:
            templates.remove(template)
            templates.insert(0, template)
        if template.problems:
            base = format_path(prefix)
            problems.extend(Problem(_join(base, path), msg) for path, msg in template.problems)
    return problems


def _join(base: str, relative: str) -> str:
    if not relative:
        return base
    return base + relative if relative.startswith("[") else f"{base}.{relative}"


def campaign_problems(args: dict[str, Any]) -> list[Problem]:
    """Every problem in a Create Campaign body: schema first, then the cross-field rules and
    the provider's own (every customer callable, at least one). Messages name top-level fields
    with tokens (:mod:`pulumi_cozmox.core.resource.names`): each program spells them its way."""
    if not isinstance(args, dict):
        return [Problem("", f"a campaign must be an object, got {_json_type(args)}")]
    return _ordered(_create_schema_problems(args) + check_rules(args) + check_callable(args))


def validate_campaign(args: dict[str, Any]) -> list[Problem]:
    """Every problem in a Create Campaign body (API camelCase keys), fields named as the API
    names them."""
    return [p.in_api_terms() for p in campaign_problems(args)]


def validate_update(args: dict[str, Any]) -> list[Problem]:
    """Every problem in an Update Campaign (PATCH) body."""
    if not isinstance(args, dict):
        return [Problem("", f"an update must be an object, got {_json_type(args)}")]
    problems = _schema_problems(UPDATE, args) + check_update_rules(args)
    return [p.in_api_terms() for p in _ordered(problems)]


_BOUNDS = {"minimum": ">=", "maximum": "<=", "exclusiveMinimum": ">", "exclusiveMaximum": "<"}


def _value_message(name: str, info: dict[str, Any], value: Any, personal: bool) -> str | None:
    """What is wrong with a value the schema's rule ``name`` refused (None: a rule without
    words of its own). ``personal``: the value is a customer's, never quoted."""
    shown = "" if personal else f"{_show(value)} "
    if name == "enum":
        options = list(info["options"])
        suggestion = _suggest(value, options)
        hint = f" (did you mean {_show(suggestion)}?)" if suggestion else ""
        return f"{shown}is not allowed; must be one of {_list_values(options)}{hint}"
    if name == "const":
        return f"must be {_show(info['expected_value'])}{_found(value, personal)}"
    if name == "type":
        got = _json_type(value) + (f" {_show(value)}" if value is not None and not personal else "")
        return f"must be {_type_names(info['types'])}, got {got}"
    if name == "pattern":
        return f"{shown}does not match the pattern {info['pattern']}"
    if name == "format":
        hint = " (like 2025-07-01T09:00:00Z)" if info["format"] == "date-time" else ""
        return f"{shown}is not a valid {info['format']}{hint}"
    if name in ("minLength", "maxLength", "minItems", "maxItems"):
        what = "characters" if "Length" in name else "items"
        bound = "at least" if name.startswith("min") else "at most"
        got = "" if personal else f", got {len(value)}"
        return f"must have {bound} {info.get('limit')} {what}{got}"
    if name in _BOUNDS:
        return f"must be {_BOUNDS[name]} {info.get('limit')}{_found(value, personal)}"
    return None
