"""The pack's own rules: its config, read as the provider reads a stack's rule settings.

Each policy of the pack takes its part of the same settings the provider takes from stack
config (docs/rules.md): ``callingPolicy`` (a TOML file), ``doNotCall`` (a file of numbers),
``callLimit`` (``N/PERIOD``). Files are relative to the pack's folder (the platform team's, not
a stack's), and nothing is read from the environment: no stack, and no CI variable, can switch
the pack's rules off. The provider's reader (:func:`resolve_rules`) does the reading, so a file
the provider refuses the pack refuses with the same words.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from pulumi_cozmox.client.errors import ConfigurationError
from pulumi_cozmox.core.engine.rule_files import resolve_rules
from pulumi_cozmox.core.rules.config import RULE_SOURCES, Rules

__all__ = ["PACK_KEYS", "PackConfigError", "pack_rules"]

#: The pack's config keys -> the provider's rule names (``callingPolicy`` is the rule
#: ``calling_policy`` the provider reads from ``cozmox:callingPolicy``).
PACK_KEYS = {
    "callingPolicy": "calling_policy",
    "doNotCall": "do_not_call",
    "callLimit": "call_limit",
}


class PackConfigError(ValueError):
    """A rule of the pack's config that cannot be read (the message names the key and file)."""


def pack_rules(config: Mapping[str, Any], pack_dir: Path) -> Rules:
    """The rules a policy's ``config`` sets (its other keys ignored), files relative to
    ``pack_dir``. Raises PackConfigError naming the key, the file and the line."""
    given = tuple(sorted((k, str(v)) for k, v in config.items() if k in PACK_KEYS and v))
    return _rules(given, pack_dir.resolve())


@lru_cache(maxsize=16)
def _rules(given: tuple[tuple[str, str], ...], pack_dir: Path) -> Rules:
    # Once per process and config: every resource of a preview is judged by the same rules.
    stack_config = {RULE_SOURCES[PACK_KEYS[key]][0]: value for key, value in given}
    try:
        return resolve_rules(stack_config, {}, pack_dir)
    except ConfigurationError as exc:
        # The provider's words name its stack config key; the pack's config names it so.
        text = str(exc)
        for key, rule in PACK_KEYS.items():
            text = text.replace(RULE_SOURCES[rule][0], f"the pack's {key}")
        raise PackConfigError(text) from None
