"""The stack's rules read: their settings from stack config or the environment, their files
(the do-not-call list, the calling policy) relative to the Pulumi project directory, decrypted
in memory when SOPS encrypted them. The edge of :mod:`pulumi_cozmox.core.rules`, which parses
what is read here.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pulumi_cozmox.client.errors import ConfigurationError
from pulumi_cozmox.client.settings import SOURCES, given
from pulumi_cozmox.core.engine import sops_io
from pulumi_cozmox.core.model.sops import SopsError
from pulumi_cozmox.core.rules.calendar import parse_call_limit
from pulumi_cozmox.core.rules.config import RULE_SOURCES, Rules
from pulumi_cozmox.core.rules.donotcall import DoNotCall, parse_do_not_call
from pulumi_cozmox.core.rules.policy import DEFAULT_POLICY, CallingPolicy, policy_of_text

__all__ = ["CONFIG_KEYS", "load_do_not_call", "load_policy", "resolve_rules"]

#: Every stack config key the provider reads.
CONFIG_KEYS = tuple(key for key, _env in (*SOURCES.values(), *RULE_SOURCES.values()))


def resolve_rules(
    config: Mapping[str, Any], environ: Mapping[str, str], project_dir: Path
) -> Rules:
    """The stack's rules (none configured: no rule). Raises ConfigurationError naming the
    setting, the file and the line."""
    values, origin = given(RULE_SOURCES, config, environ)
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


def load_do_not_call(path: Path, shown: str) -> DoNotCall:
    """Read the list at ``path`` (``shown``: the path as the user wrote it).

    Raises ConfigurationError naming the file (and the line) when it cannot be read, or when a
    line is not a number in international form."""
    where = f"cozmox:doNotCall file {shown}"
    try:
        data = path.read_bytes()
        text = sops_io.plain_text(data, "a do-not-call list").decode("utf-8-sig")
    except SopsError as exc:
        raise ConfigurationError(f"{where}: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise ConfigurationError(f"{where} cannot be read: {reason}") from None
    try:
        return parse_do_not_call(text, shown)
    except ValueError as exc:
        raise ConfigurationError(str(exc)) from None


def load_policy(path: Path, shown: str) -> CallingPolicy:
    """Read the policy at ``path`` (``shown``: as configured). ConfigurationError naming the
    file and the key when it cannot be read or holds something this policy does not allow."""
    where = f"cozmox:callingPolicy file {shown}"
    try:
        plain = sops_io.plain_text(path.read_bytes(), "a calling policy")
    except SopsError as exc:
        raise ConfigurationError(f"{where}: {exc}") from None
    except OSError as exc:
        raise ConfigurationError(f"{where} cannot be read: {exc.strerror or exc}") from None
    try:
        return policy_of_text(plain, shown)
    except ValueError as exc:
        raise ConfigurationError(str(exc)) from None
