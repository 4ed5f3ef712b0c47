"""The stack's rules about who may be called: the call limit, the do-not-call list, the calling
policy, and the settings that name them.

``cozmox:callLimit`` / ``COZMOX_CALL_LIMIT`` (``N/PERIOD``, :mod:`.calendar`),
``cozmox:doNotCall`` / ``COZMOX_DO_NOT_CALL`` (:mod:`.donotcall`) and
``cozmox:callingPolicy`` / ``COZMOX_CALLING_POLICY`` (:mod:`.policy`). They need
no API key. Pure: the engine reads the settings and the files
(:mod:`pulumi_cozmox.core.engine.rule_files`).
"""

from __future__ import annotations

from dataclasses import dataclass

from pulumi_cozmox.core.rules.calendar import CallLimit
from pulumi_cozmox.core.rules.donotcall import DoNotCall
from pulumi_cozmox.core.rules.policy import DEFAULT_POLICY, CallingPolicy

__all__ = ["RULE_SOURCES", "Rules"]


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
