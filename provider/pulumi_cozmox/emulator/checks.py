"""Request validation of the emulator: the derived JSON Schema and the cross-field rules.

The emulator is an oracle independent of the provider's ``validation`` module: it compiles
the generated schemas itself (``pulumi_cozmox._schema.load_schema``, validated with
``jsonschema_rs``, formats asserted) and adds the contract's cross-field rules, written here
(:mod:`.rules`). Messages follow the API's (class-validator) wording, each naming its path::

    property customers[0].foo should not exist
    name must be a string
    customers[0].name must be shorter than or equal to 40 characters
"""

from __future__ import annotations

import json
import re
from functools import cache
from json.decoder import scanstring  # type: ignore[attr-defined]
from typing import Any

import jsonschema_rs

from pulumi_cozmox._schema import load_schema

from .errors import BadRequest
from .rules import campaign_problems, path_of

__all__ = [
    "check_create",
    "check_merged",
    "check_update",
    "parse_json_body",
    "parse_json_object",
    "warm_up",
]

_TYPE_PHRASES = {
    "string": "must be a string",
    "number": "must be a number conforming to the specified constraints",
    "integer": "must be an integer number",
    "boolean": "must be a boolean value",
    "array": "must be an array",
    "object": "must be an object",
    "null": "must be null",
}
_FORMAT_PHRASES = {
    "date-time": "must be a valid ISO 8601 date string",
    "date": "must be a valid ISO 8601 date string",
    "email": "must be an email",
    "uri": "must be a URL address",
    "url": "must be a URL address",
    "uuid": "must be a UUID",
}
_DISCRIMINATORS = ("provider", "type", "role")
MAX_MESSAGES = 100


@cache
def _validator(name: str) -> jsonschema_rs.Validator:
    return jsonschema_rs.validator_for(load_schema(name), validate_formats=True)


def warm_up() -> None:
    """Compile the validators now rather than on the first request."""
    for name in ("CreateCampaignDTO", "UpdateCampaignDTO"):
        _validator(name)


class _NotJsonConstant(ValueError):
    """NaN, Infinity or -Infinity: Python's decoder accepts them, JSON does not. The decoder
    does not say where they are, so the message names the token instead."""


def _reject_constant(name: str) -> Any:
    raise _NotJsonConstant(f"{name} is not valid JSON")


_DECODER = json.JSONDecoder(parse_constant=_reject_constant)
_WS = re.compile(r"[ \t\n\r]*")


def _object_members(text: str) -> tuple[Any, dict[str, str]]:
    """Parse ``text``; when it is an object, also give each member's JSON text as sent.

    The members are decoded one by one with the standard decoder (``raw_decode``), so the
    text of a member (the customers list) comes for free and need not be written again.
    """
    idx = _WS.match(text, 0).end()  # type: ignore[union-attr]
    if text[idx : idx + 1] != "{":
        return _DECODER.decode(text), {}
    obj: dict[str, Any] = {}
    members: dict[str, str] = {}
    idx = _WS.match(text, idx + 1).end()  # type: ignore[union-attr]
    if text[idx : idx + 1] == "}":
        idx += 1
    else:
        while True:
            if text[idx : idx + 1] != '"':
                raise json.JSONDecodeError(
                    "Expecting property name enclosed in double quotes", text, idx
                )
            key, idx = scanstring(text, idx + 1)
            idx = _WS.match(text, idx).end()  # type: ignore[union-attr]
            if text[idx : idx + 1] != ":":
                raise json.JSONDecodeError("Expecting ':' delimiter", text, idx)
            idx = _WS.match(text, idx + 1).end()  # type: ignore[union-attr]
            value, end = _DECODER.raw_decode(text, idx)
            obj[key] = value
            members[key] = text[idx:end]
            idx = _WS.match(text, end).end()  # type: ignore[union-attr]
            char = text[idx : idx + 1]
            if char == ",":
                idx = _WS.match(text, idx + 1).end()  # type: ignore[union-attr]
            elif char == "}":
                idx += 1
                break
            else:
                raise json.JSONDecodeError("Expecting ',' delimiter", text, idx)
    if _WS.match(text, idx).end() != len(text):  # type: ignore[union-attr]
        raise json.JSONDecodeError("Extra data", text, idx)
    return obj, members


def parse_json_body(raw: bytes) -> tuple[Any, dict[str, str]]:
    """The request body as JSON and, for an object, its members' JSON text; or 400."""
    try:
        return _object_members(raw.decode(json.detect_encoding(raw)))
    except UnicodeDecodeError as exc:
        raise BadRequest(f"Request body is not valid UTF-8: {exc.reason}") from None
    except _NotJsonConstant as exc:
        raise BadRequest(f"Unexpected token in JSON: {exc}") from None
    except json.JSONDecodeError as exc:
        raise BadRequest(
            f"Unexpected token in JSON at line {exc.lineno} column {exc.colno}: {exc.msg}"
        ) from None
    except RecursionError:
        raise BadRequest("Request body is nested too deeply") from None


def parse_json_object(raw: bytes) -> Any:
    """The request body as JSON, or 400 in the API's words."""
    return parse_json_body(raw)[0]


def _branch_score(errors: list[jsonschema_rs.ValidationError], depth: int) -> tuple[int, int]:
    """Rank the branches of a failed anyOf/oneOf: the branch whose discriminator matched
    first, then the one with the fewest errors."""
    missed_discriminator = 0
    for e in errors:
        path = list(e.instance_path)
        if (
            len(path) == depth + 1
            and path[-1] in _DISCRIMINATORS
            and isinstance(
                e.kind,
                jsonschema_rs.ValidationErrorKind.Constant | jsonschema_rs.ValidationErrorKind.Enum,
            )
        ):
            missed_discriminator = 1
        if isinstance(e.kind, jsonschema_rs.ValidationErrorKind.Type) and len(path) == depth:
            missed_discriminator = 1
    return missed_discriminator, len(errors)


def _messages(error: jsonschema_rs.ValidationError) -> list[str]:
    kind = error.kind
    parts = list(error.instance_path)
    path = path_of(parts)
    K = jsonschema_rs.ValidationErrorKind
    if isinstance(kind, K.AdditionalProperties | K.UnevaluatedProperties):
        return [f"property {path_of([*parts, name])} should not exist" for name in kind.unexpected]
    if isinstance(kind, K.Required):
        return [f"{path_of([*parts, kind.property])} should not be null or undefined"]
    if isinstance(kind, K.Type):
        phrases = [_TYPE_PHRASES.get(t, f"must be of type {t}") for t in kind.types]
        return [f"{path} {' or '.join(phrases)}"]
    if isinstance(kind, K.Enum):
        options = ", ".join(str(o) if isinstance(o, str) else json.dumps(o) for o in kind.options)
        return [f"{path} must be one of the following values: {options}"]
    if isinstance(kind, K.Constant):
        return [f"{path} must be equal to {json.dumps(kind.expected_value)}"]
    if isinstance(kind, K.MaxLength):
        return [f"{path} must be shorter than or equal to {kind.limit} characters"]
    if isinstance(kind, K.MinLength):
        return [f"{path} must be longer than or equal to {kind.limit} characters"]
    if isinstance(kind, K.Maximum):
        return [f"{path} must not be greater than {kind.limit}"]
    if isinstance(kind, K.Minimum):
        return [f"{path} must not be less than {kind.limit}"]
    if isinstance(kind, K.ExclusiveMaximum):
        return [f"{path} must be less than {kind.limit}"]
    if isinstance(kind, K.ExclusiveMinimum):
        return [f"{path} must be greater than {kind.limit}"]
    if isinstance(kind, K.MaxItems):
        return [f"{path} must contain no more than {kind.limit} elements"]
    if isinstance(kind, K.MinItems):
        return [f"{path} must contain at least {kind.limit} elements"]
    if isinstance(kind, K.Pattern):
        return [f"{path} must match /{kind.pattern}/ regular expression"]
    if isinstance(kind, K.Format):
        return [f"{path} {_FORMAT_PHRASES.get(kind.format, f'must be a valid {kind.format}')}"]
    if isinstance(kind, K.UniqueItems):
        return [f"All {path}'s elements must be unique"]
    if isinstance(kind, K.MultipleOf):
        return [f"{path} must be divisible by {kind.multiple_of}"]
    if isinstance(kind, K.AnyOf | K.OneOfNotValid):
        branches = [list(b) for b in kind.context if b]
        if branches:
            best = min(branches, key=lambda b: _branch_score(b, len(parts)))
            if _branch_score(best, len(parts))[0] == 0:
                return [m for e in best for m in _messages(e)]
        return [f"{path} does not match any of the allowed shapes"]
    if isinstance(kind, K.OneOfMultipleValid):
        return [f"{path} matches more than one of the allowed shapes"]
    return [f"{path} {error.message}"]


def _schema_messages(name: str, body: Any) -> list[str]:
    messages: list[str] = []
    for error in _validator(name).iter_errors(body):
        for message in _messages(error):
            if message not in messages:
                messages.append(message)
        if len(messages) >= MAX_MESSAGES:
            break
    return messages[:MAX_MESSAGES]


def check_create(body: Any) -> dict[str, Any]:
    """A valid CreateCampaignDTO, or 400 with every reason."""
    messages = _schema_messages("CreateCampaignDTO", body)
    if isinstance(body, dict):
        messages += campaign_problems(body)[: MAX_MESSAGES - len(messages)]
    if messages or not isinstance(body, dict):
        raise BadRequest(messages or ["body must be an object"])
    return body


def check_update(body: Any) -> dict[str, Any]:
    """A valid UpdateCampaignDTO (schema only: the rules need the stored campaign)."""
    messages = _schema_messages("UpdateCampaignDTO", body)
    if messages or not isinstance(body, dict):
        raise BadRequest(messages or ["body must be an object"])
    return body


def check_merged(campaign: dict[str, Any]) -> None:
    """The cross-field rules on a campaign after a PATCH (customers left out)."""
    messages = campaign_problems(campaign)
    if messages:
        raise BadRequest(messages)
