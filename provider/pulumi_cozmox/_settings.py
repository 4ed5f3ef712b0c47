"""Provider settings: the API key, URL and request timeout, and the stack's rules about who may
be called (call limit, do-not-call list), resolved and checked in one place.

Each setting comes from the stack config (``cozmox:apiKey``, ``cozmox:baseUrl``,
``cozmox:requestTimeout``), else the environment (``COZMOX_API_KEY``, ``COZMOX_BASE_URL``,
``COZMOX_REQUEST_TIMEOUT``), else its default. The key is a ``SecretStr``: it never shows in a
repr, a log line or an error. It is sent only over ``https://``, except to a loopback host
(the local emulator), so a mistyped ``baseUrl`` cannot send it in clear text over a network.

The rules (:func:`resolve_rules`) come from ``cozmox:callLimit`` / ``COZMOX_CALL_LIMIT``
(``N/PERIOD``, :mod:`pulumi_cozmox._calendar`), ``cozmox:doNotCall`` / ``COZMOX_DO_NOT_CALL``
and ``cozmox:callingPolicy`` / ``COZMOX_CALLING_POLICY`` (files relative to the Pulumi project
directory, :mod:`pulumi_cozmox._donotcall`, :mod:`pulumi_cozmox._policy`); they need no API key.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, SecretStr, ValidationError, field_validator

from pulumi_cozmox._calendar import CallLimit, parse_call_limit
from pulumi_cozmox._donotcall import DoNotCall, load_do_not_call
from pulumi_cozmox._errors import ConfigurationError
from pulumi_cozmox._policy import DEFAULT_POLICY, CallingPolicy, load_policy

__all__ = [
    "CONFIG_KEYS",
    "DEFAULT_BASE_URL",
    "DEFAULT_TIMEOUT",
    "RULE_SOURCES",
    "Rules",
    "Settings",
    "resolve_rules",
    "resolve_settings",
]

DEFAULT_BASE_URL = "https://api.cozmox.ai"
DEFAULT_TIMEOUT = 30.0
MISSING_KEY = (
    "no Cozmox API key: set it with `pulumi config set --secret cozmox:apiKey <key>` "
    "or the COZMOX_API_KEY environment variable"
)
#: Setting name -> (stack config key, environment variable).
SOURCES: dict[str, tuple[str, str]] = {
    "api_key": ("cozmox:apiKey", "COZMOX_API_KEY"),
    "base_url": ("cozmox:baseUrl", "COZMOX_BASE_URL"),
    "request_timeout": ("cozmox:requestTimeout", "COZMOX_REQUEST_TIMEOUT"),
}
#: Rule name -> (stack config key, environment variable).
RULE_SOURCES: dict[str, tuple[str, str]] = {
    "call_limit": ("cozmox:callLimit", "COZMOX_CALL_LIMIT"),
    "do_not_call": ("cozmox:doNotCall", "COZMOX_DO_NOT_CALL"),
    "calling_policy": ("cozmox:callingPolicy", "COZMOX_CALLING_POLICY"),
}
#: Every stack config key the provider reads.
CONFIG_KEYS = tuple(key for key, _env in (*SOURCES.values(), *RULE_SOURCES.values()))


def is_loopback(host: str) -> bool:
    """Whether ``host`` names this machine (``localhost``, 127.0.0.0/8, ``::1``)."""
    if host.lower() in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class Rules:
    """The stack's rules about who may be called (each optional)."""

    call_limit: CallLimit | None = None
    do_not_call: DoNotCall | None = None
    calling_policy: CallingPolicy = DEFAULT_POLICY


class Settings(BaseModel):
    """How the provider reaches the Cozmox API."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    api_key: SecretStr
    base_url: str = DEFAULT_BASE_URL
    request_timeout: float = DEFAULT_TIMEOUT

    @field_validator("api_key")
    @classmethod
    def _key_not_blank(cls, value: SecretStr) -> SecretStr:
        if not value.get_secret_value().strip():
            raise ValueError("must not be empty")
        return value

    @field_validator("base_url")
    @classmethod
    def _https_unless_loopback(cls, value: str) -> str:
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"must be an https:// URL, got {value!r}")
        if parts.scheme == "http" and not is_loopback(parts.hostname):
            raise ValueError(
                f"must be an https:// URL (the API key would cross the network in clear "
                f"text); http:// is allowed only for a loopback host such as 127.0.0.1, "
                f"got {value!r}"
            )
        return value.rstrip("/")

    @field_validator("request_timeout")
    @classmethod
    def _positive(cls, value: float) -> float:
        if not value > 0:
            raise ValueError(f"must be a positive number of seconds, got {value!r}")
        return value


def _given(
    sources: Mapping[str, tuple[str, str]], config: Mapping[str, Any], environ: Mapping[str, str]
) -> tuple[dict[str, Any], dict[str, str]]:
    """(value, where it came from) of each setting given in ``config``, else ``environ``."""
    values: dict[str, Any] = {}
    origin: dict[str, str] = {}
    for field, (config_key, env_key) in sources.items():
        for source, value in (
            (config_key, config.get(config_key)),
            (env_key, environ.get(env_key)),
        ):
            if value not in (None, ""):
                values[field] = value
                origin[field] = source
                break
    return values, origin


def resolve_rules(
    config: Mapping[str, Any], environ: Mapping[str, str], project_dir: Path
) -> Rules:
    """The stack's rules (none configured: no rule). Raises ConfigurationError naming the
    setting, the file and the line."""
    values, origin = _given(RULE_SOURCES, config, environ)
    limit = None
    if "call_limit" in values:
        try:
            limit = parse_call_limit(str(values["call_limit"]))
        except ValueError as exc:
            raise ConfigurationError(f"{origin['call_limit']} {exc}") from None
    do_not_call = None
    if "do_not_call" in values:
        shown = str(values["do_not_call"])
        do_not_call = load_do_not_call(project_dir / shown, shown)
    policy = DEFAULT_POLICY
    if "calling_policy" in values:
        shown = str(values["calling_policy"])
        policy = load_policy(project_dir / shown, shown)
    return Rules(call_limit=limit, do_not_call=do_not_call, calling_policy=policy)


def resolve_settings(config: Mapping[str, Any], environ: Mapping[str, str]) -> Settings:
    """Settings from stack ``config`` (full keys), else ``environ``, else the defaults.

    Raises ConfigurationError naming the setting and where it came from (never the key).
    """
    values, origin = _given(SOURCES, config, environ)
    if "api_key" not in values:
        raise ConfigurationError(MISSING_KEY)
    try:
        return Settings(**values)
    except ValidationError as exc:
        problems = []
        for error in exc.errors(include_input=False, include_url=False):
            field = str(error["loc"][0]) if error["loc"] else ""
            message = str(error["msg"]).removeprefix("Value error, ")
            if error["type"] in ("float_parsing", "float_type"):
                message = f"must be a number of seconds, got {values.get(field)!r}"
            problems.append(f"{origin.get(field, field)} {message}")
        raise ConfigurationError("; ".join(problems)) from None
