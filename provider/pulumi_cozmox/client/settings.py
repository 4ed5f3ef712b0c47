"""Provider settings: the API key, URL, request timeout and retry deadline, resolved and checked
in one place.

Each setting comes from the stack config (``cozmox:apiKey``, ``cozmox:baseUrl``,
``cozmox:requestTimeout``, ``cozmox:retryDeadline``), else the environment
(``COZMOX_API_KEY``, ``COZMOX_BASE_URL``, ``COZMOX_REQUEST_TIMEOUT``,
``COZMOX_RETRY_DEADLINE``), else its default. The retry deadline is how long a request
answered 429 (rate limited) is retried, in seconds (:mod:`pulumi_cozmox.client.retry`). The
key is a ``SecretStr``: it never shows in a repr, a log line or an error. It is sent only over
``https://``, except to a loopback host (the local emulator), so a mistyped ``baseUrl`` cannot
send it in clear text over a network.
The stack's rules about who may be called are read by :mod:`pulumi_cozmox.core.rules.config`.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, SecretStr, ValidationError, field_validator

from pulumi_cozmox.client.errors import ConfigurationError
from pulumi_cozmox.client.retry import DEFAULT_RETRY_DEADLINE

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_RETRY_DEADLINE",
    "DEFAULT_TIMEOUT",
    "SOURCES",
    "Settings",
    "given",
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
    "retry_deadline": ("cozmox:retryDeadline", "COZMOX_RETRY_DEADLINE"),
}


def is_loopback(host: str) -> bool:
    """Whether ``host`` names this machine (``localhost``, 127.0.0.0/8, ``::1``)."""
    if host.lower() in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class Settings(BaseModel):
    """How the provider reaches the Cozmox API."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    api_key: SecretStr
    base_url: str = DEFAULT_BASE_URL
    request_timeout: float = DEFAULT_TIMEOUT
    retry_deadline: float = DEFAULT_RETRY_DEADLINE

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

    @field_validator("retry_deadline")
    @classmethod
    def _not_negative(cls, value: float) -> float:
        # 0 is allowed: a 429 then goes to the caller at once.
        if not 0 <= value < float("inf"):
            raise ValueError(f"must be a number of seconds, 0 or more, got {value!r}")
        return value


def given(
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


def resolve_settings(config: Mapping[str, Any], environ: Mapping[str, str]) -> Settings:
    """Settings from stack ``config`` (full keys), else ``environ``, else the defaults.

    Raises ConfigurationError naming the setting and where it came from (never the key).
    """
    values, origin = given(SOURCES, config, environ)
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
