"""The stack's rules about who may be called: the call limit, the do-not-call list, the calling
policy, from stack config or the environment; files relative to the Pulumi project directory.

``cozmox:callLimit`` / ``COZMOX_CALL_LIMIT`` (``N/PERIOD``, :mod:`.calendar`),
``cozmox:doNotCall`` / ``COZMOX_DO_NOT_CALL`` (:mod:`.donotcall`) and
``cozmox:callingPolicy`` / ``COZMOX_CALLING_POLICY`` (:mod:`.policy`). They need
no API key. Pure but for reading the files: no pulumi import.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pulumi_cozmox.client.errors import ConfigurationError
from pulumi_cozmox.client.settings import SOURCES, given
from pulumi_cozmox.core.rules.calendar import CallLimit, parse_call_limit
from pulumi_cozmox.core.rules.donotcall import DoNotCall, load_do_not_call
from pulumi_cozmox.core.rules.policy import DEFAULT_POLICY, CallingPolicy, load_policy

__all__ = ["CONFIG_KEYS", "RULE_SOURCES", "Rules", "resolve_rules"]


@dataclass(frozen=True)
class Rules:
    """The stack's rules about who may be called (each optional)."""

    call_limit: CallLimit | None = None
    do_not_call: DoNotCall | None = None
    calling_policy: CallingPolicy = DEFAULT_POLICY


#: Rule name -> (stack config key, environment variable).
RULE_SOURCES: dict[str, tuple[str, str]] = {
    "call_limit": ("cozmox:callLimit", "COZMOX_CALL_LIMIT"),
    "do_not_call": ("cozmox:doNotCall", "COZMOX_DO_NOT_CALL"),
    "calling_policy": ("cozmox:callingPolicy", "COZMOX_CALLING_POLICY"),
}
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
