"""_settings.py: config -> environment -> default, and clear errors that never show the key."""

from __future__ import annotations

import pytest

from pulumi_cozmox.client.errors import ConfigurationError
from pulumi_cozmox.client.settings import DEFAULT_BASE_URL, resolve_settings
from pulumi_cozmox.core.engine.rule_files import CONFIG_KEYS

KEY = "sk-unit-SECRET-0123"


def test_config_wins_over_environment_and_defaults_fill_in() -> None:
    settings = resolve_settings(
        {"cozmox:apiKey": KEY}, {"COZMOX_API_KEY": "other", "COZMOX_REQUEST_TIMEOUT": "7"}
    )
    assert settings.api_key.get_secret_value() == KEY
    assert settings.base_url == DEFAULT_BASE_URL
    assert settings.request_timeout == 7.0
    assert KEY not in repr(settings) and KEY not in str(settings)


def test_missing_key_says_how_to_set_it() -> None:
    with pytest.raises(ConfigurationError) as missing:
        resolve_settings({}, {})
    assert "cozmox:apiKey" in str(missing.value) and "COZMOX_API_KEY" in str(missing.value)


@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1:8090", "http://localhost:1/", "http://[::1]:8090", "https://x.example"],
)
def test_https_or_a_loopback_host(url: str) -> None:
    assert resolve_settings({"cozmox:baseUrl": url}, {"COZMOX_API_KEY": KEY}).base_url == (
        url.rstrip("/")
    )


@pytest.mark.parametrize(
    "url", ["http://api.cozmox.ai", "http://10.0.0.5:8090", "ftp://x", "api.cozmox.ai"]
)
def test_plain_http_to_another_host_is_refused(url: str) -> None:
    with pytest.raises(ConfigurationError) as refused:
        resolve_settings({}, {"COZMOX_API_KEY": KEY, "COZMOX_BASE_URL": url})
    message = str(refused.value)
    assert message.startswith("COZMOX_BASE_URL must be an https:// URL")
    assert KEY not in message


@pytest.mark.parametrize(("value", "why"), [("abc", "number of seconds"), ("0", "positive")])
def test_bad_timeout_names_its_source(value: str, why: str) -> None:
    with pytest.raises(ConfigurationError) as bad:
        resolve_settings({"cozmox:apiKey": KEY, "cozmox:requestTimeout": value}, {})
    assert str(bad.value).startswith("cozmox:requestTimeout must be") and why in str(bad.value)
    assert KEY not in str(bad.value)


def test_blank_key_is_refused_without_echo() -> None:
    with pytest.raises(ConfigurationError) as blank:
        resolve_settings({"cozmox:apiKey": "   "}, {})
    assert "cozmox:apiKey" in str(blank.value)


def test_retry_deadline_from_config_else_environment_else_five_minutes() -> None:
    assert resolve_settings({"cozmox:apiKey": KEY}, {}).retry_deadline == 300.0
    env = {"COZMOX_API_KEY": KEY, "COZMOX_RETRY_DEADLINE": "45"}
    assert resolve_settings({}, env).retry_deadline == 45.0
    assert resolve_settings({"cozmox:retryDeadline": "0"}, env).retry_deadline == 0.0
    assert "cozmox:retryDeadline" in CONFIG_KEYS  # both adapters read it from stack config


@pytest.mark.parametrize(("value", "why"), [("soon", "number of seconds"), ("-1", "0 or more")])
def test_bad_retry_deadline_names_its_source(value: str, why: str) -> None:
    with pytest.raises(ConfigurationError) as bad:
        resolve_settings({"cozmox:apiKey": KEY}, {"COZMOX_RETRY_DEADLINE": value})
    assert str(bad.value).startswith("COZMOX_RETRY_DEADLINE must be") and why in str(bad.value)
