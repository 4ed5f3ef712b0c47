"""Where the review finds a stack's rules: at the pull request's head and at its base.

The head's are those the preview judged with: the stack config in the preview's JSON
(``config``; the project's ``Pulumi.<stack>.yaml`` when the JSON has none) and the rule files
in the project's folder. The base's are read from git at the base ref: ``Pulumi.<stack>.yaml``
and the rule files it names, as they were there (``git show REF:./PATH`` from the project's
folder). The stack's name is the one in the plan's URNs. A SOPS-encrypted rule file is
decrypted in memory first (never written to disk), so the files compare by what they say.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import yaml

from pulumi_cozmox.apps.rules_review import (
    RuleSet,
    compare,
    opt_in_changes,
    rules_lines,
    standing_opt_ins,
)
from pulumi_cozmox.client.errors import ConfigurationError
from pulumi_cozmox.core.engine import sops_io
from pulumi_cozmox.core.model import sops
from pulumi_cozmox.core.rules.calendar import parse_call_limit
from pulumi_cozmox.core.rules.config import RULE_SOURCES
from pulumi_cozmox.core.rules.donotcall import parse_do_not_call
from pulumi_cozmox.core.rules.policy import parse_policy

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

__all__ = ["base_rules", "head_rules", "review_rules", "stack_of"]

#: Reads a file relative to the project's folder: its bytes, or None when it is not there.
Reader = Callable[[str], bytes | None]


def stack_of(document: Mapping[str, Any]) -> str | None:
    """The stack's name, from the plan's URNs (``urn:pulumi:STACK::PROJECT::...``)."""
    for step in document.get("steps") or []:
        urn = str(step.get("urn", "")) if isinstance(step, Mapping) else ""
        if urn.startswith("urn:pulumi:") and "::" in urn:
            return urn.removeprefix("urn:pulumi:").split("::", 1)[0]
    return None


def _text(data: bytes, shown: str) -> str:
    sealed = sops.envelope(data)
    if sealed is not None:
        try:
            data = sops_io.decrypt(data, sealed)
        except sops.SopsError as exc:
            raise ConfigurationError(f"{shown}: {exc}") from None
    return data.decode("utf-8-sig")


def _file(read: Reader, key: str, value: Any) -> tuple[str, str]:
    shown = str(value)
    data = read(shown)
    if data is None:
        raise ConfigurationError(f"{key} file {shown} is not there")
    return shown, _text(data, f"{key} file {shown}")


def rule_set(config: Mapping[str, Any], read: Reader) -> RuleSet:
    """The rules ``config`` (full keys: ``cozmox:callLimit``) sets, files read by ``read``.
    What cannot be read is named in ``unread``, never a reason to stop the review."""
    limit_key, list_key, policy_key = (RULE_SOURCES[k][0] for k in RULE_SOURCES)
    unread: list[str] = []
    limit = do_not_call = policy = None
    try:
        if config.get(limit_key) is not None:
            limit = parse_call_limit(str(config[limit_key]))
    except ValueError as exc:
        unread.append(f"{limit_key}: {exc}")
    try:
        if config.get(list_key) is not None:
            shown, text = _file(read, list_key, config[list_key])
            do_not_call = parse_do_not_call(text, shown)
    except (ConfigurationError, ValueError, UnicodeDecodeError) as exc:
        unread.append(f"{list_key}: {exc}")
    try:
        if config.get(policy_key) is not None:
            shown, text = _file(read, policy_key, config[policy_key])
            policy = parse_policy(tomllib.loads(text), shown)
    except (ConfigurationError, ValueError, UnicodeDecodeError) as exc:
        unread.append(f"{policy_key}: {exc}")
    return RuleSet(limit, do_not_call, policy, tuple(unread))


def _config_file(text: str | bytes | None) -> dict[str, Any]:
    document = yaml.safe_load(text) if text else None
    config = document.get("config") if isinstance(document, Mapping) else None
    return dict(config) if isinstance(config, Mapping) else {}


def head_rules(document: Mapping[str, Any], folder: Path) -> RuleSet:
    """The rules the preview judged with (files relative to ``folder``, the project's)."""

    def read(path: str) -> bytes | None:
        try:
            return (folder / path).read_bytes()
        except OSError:
            return None

    config = document.get("config")
    if not isinstance(config, Mapping):
        stack = stack_of(document)
        config = _config_file(read(f"Pulumi.{stack}.yaml")) if stack else {}
    return rule_set(config, read)


def _git_show(folder: Path, ref: str, path: str) -> bytes | None:
    """A file at ``ref``, relative to ``folder``; None when the ref does not hold it; raises
    ConfigurationError when git cannot tell (not a repository, an unknown ref)."""
    done = subprocess.run(
        ["git", "-C", str(folder), "show", f"{ref}:./{path}"],
        capture_output=True,
        check=False,
    )
    if done.returncode == 0:
        return done.stdout
    error = done.stderr.decode("utf-8", "replace").strip()
    if "does not exist in" in error or "exists on disk, but not in" in error:
        return None
    raise ConfigurationError(f"git show {ref}:./{path}: {error.splitlines()[-1] if error else ''}")


def base_rules(ref: str, folder: Path, stack: str | None) -> RuleSet | str:
    """The rules at ``ref`` (the pull request's base), or why git could not give them."""

    def read(path: str) -> bytes | None:
        return _git_show(folder, ref, path)

    try:
        config = _config_file(read(f"Pulumi.{stack}.yaml")) if stack else {}
    except ConfigurationError as exc:
        return str(exc)
    return rule_set(config, read)


def review_rules(document: Mapping[str, Any], folder: Path, base_ref: str | None) -> list[str]:
    """The review's paragraphs on the rules (:func:`.rules_review.rules_lines`): those the
    preview judged with, and, with ``base_ref``, what the change does to the base's."""
    steps = [s for s in document.get("steps") or [] if isinstance(s, Mapping)]
    head = head_rules(document, folder)
    if base_ref is None:
        return rules_lines(head, None, None, standing_opt_ins(steps))
    base = base_rules(base_ref, folder, stack_of(document))
    if isinstance(base, str):  # nothing to compare with: said, never guessed
        return rules_lines(head, [], base_ref, standing_opt_ins(steps), [base])
    changes = [*compare(base, head), *opt_in_changes(steps)]
    return rules_lines(head, changes, base_ref, standing_opt_ins(steps), base.unread)
