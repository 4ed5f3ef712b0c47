"""The policy pack itself: the pack's rules as ``pulumi_policy`` policies, and the server.

Imported only in the pack's own virtualenv (``pulumi-policy`` pins an older protobuf than the
provider takes): ``policy/cozmox-calling-rules/__main__.py`` calls :func:`serve`. Everything it
judges is in :mod:`.judge` and :mod:`.limit`, over the provider's rule code; this module turns
what a policy is shown into the pack's campaigns, and their messages into violations.

Mandatory by default; a platform team sets levels and the rules in the pack's config
(``pulumi preview --policy-pack-config``; docs/policy-pack.md). Policies see secrets in plain
text: no message here holds a value of a customer, only paths.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from pulumi_policy import (
    EnforcementLevel,
    PolicyConfigSchema,
    PolicyPack,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
)
from pulumi_policy.proxy import UnknownValueError

from pulumi_cozmox.client.errors import ConfigurationError, CozmoxError
from pulumi_cozmox.core.engine.outcome import UNKNOWN
from pulumi_cozmox.pack import judge
from pulumi_cozmox.pack.campaigns import PackCampaign, campaign_of
from pulumi_cozmox.pack.limit import call_limit, changed, org_campaigns
from pulumi_cozmox.pack.settings import PackConfigError, pack_rules

__all__ = ["NAME", "policies", "serve"]

NAME = "cozmox-calling-rules"
Report = Callable[..., None]


def _plain(value: Any) -> Any:
    """A policy's view of a value as plain data, values a preview does not know as the core's
    ``UNKNOWN`` (``pulumi_policy`` raises when one is read)."""
    if isinstance(value, Mapping):
        out = {}
        for key in list(value):
            try:
                out[key] = _plain(value[key])
            except UnknownValueError:
                out[key] = UNKNOWN
        return out
    if isinstance(value, Sequence) and not isinstance(value, str | bytes):
        items = []
        for i in range(len(value)):
            try:
                items.append(_plain(value[i]))
            except UnknownValueError:
                items.append(UNKNOWN)
        return items
    return value


def _campaign(resource_type: str, name: str, props: Any) -> PackCampaign | None:
    # The pack runs in the stack's project folder: a customersFile is relative to it.
    return campaign_of(resource_type, name, _plain(props), Path.cwd())


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _resource_policy(
    name: str,
    description: str,
    judged: Callable[[PackCampaign, Mapping[str, Any], Path], list[str]],
    schema: PolicyConfigSchema | None,
    pack_dir: Path,
    level: EnforcementLevel | None = None,
) -> ResourceValidationPolicy:
    def validate(args: ResourceValidationArgs, report: Report) -> None:
        campaign = _campaign(args.resource_type, args.name, args.props)
        if campaign is None:
            return
        try:
            found = judged(campaign, args.get_config() or {}, pack_dir)
        except PackConfigError as exc:
            found = [f"the policy pack's config: {exc}"]
        for text in found:
            report(text)

    return ResourceValidationPolicy(name, description, validate, level, schema)


def _hours(campaign: PackCampaign, config: Mapping[str, Any], pack_dir: Path) -> list[str]:
    policy = pack_rules(config, pack_dir).calling_policy
    honour = config.get("honourOptOut") is True
    return judge.calling_hours(campaign, policy, _now(), honour_opt_out=honour)


def _do_not_call(campaign: PackCampaign, config: Mapping[str, Any], pack_dir: Path) -> list[str]:
    listed = pack_rules(config, pack_dir).do_not_call
    return [] if listed is None else judge.do_not_call(campaign, listed)


def _opt_ins(campaign: PackCampaign, _config: Mapping[str, Any], _pack_dir: Path) -> list[str]:
    return judge.standing_opt_ins(campaign)


def _limit_policy(pack_dir: Path) -> StackValidationPolicy:
    def validate(args: StackValidationArgs, report: Report) -> None:
        config = args.get_config() or {}
        try:
            limit = pack_rules(config, pack_dir).call_limit
        except PackConfigError as exc:
            report(f"the policy pack's config: {exc}")
            return
        if limit is None:
            return
        found = (_campaign(r.resource_type, r.name, r.props) for r in args.resources)
        campaigns = [c for c in found if c is not None]
        if not changed(campaigns):
            return
        try:
            org = org_campaigns(os.environ, limit) if config.get("readOrg", True) else []
        except (ConfigurationError, CozmoxError) as exc:
            report(
                f"the org's campaigns cannot be read, so the call limit cannot count them: {exc}"
            )
            return
        for text in call_limit(campaigns, limit, org, _now()):
            report(text)

    schema = PolicyConfigSchema({"callLimit": {"type": "string"}, "readOrg": {"type": "boolean"}})
    description = (
        "At most N campaigns call one person within a period (callLimit, N/PERIOD), counting "
        "the stack's campaigns and the org's (read with COZMOX_API_KEY)"
    )
    return StackValidationPolicy("cozmox-call-limit", description, validate, None, schema)


def policies(pack_dir: Path) -> list[ResourceValidationPolicy | StackValidationPolicy]:
    """The pack's policies; files of its config are relative to ``pack_dir``."""
    hours = PolicyConfigSchema(
        {"callingPolicy": {"type": "string"}, "honourOptOut": {"type": "boolean"}}
    )
    return [
        _resource_policy(
            "cozmox-calling-hours",
            "A campaign's window calls people only within the calling policy's hours, in "
            "their local time (callingPolicy: a TOML file; default 08:00-21:00)",
            _hours,
            hours,
            pack_dir,
        ),
        _resource_policy(
            "cozmox-do-not-call",
            "A campaign calls nobody on the do-not-call list (doNotCall: a file of numbers)",
            _do_not_call,
            PolicyConfigSchema({"doNotCall": {"type": "string"}}),
            pack_dir,
        ),
        _resource_policy(
            "cozmox-standing-opt-ins",
            "Campaigns that leave an opt-in set (allowOutsideCallingHours, allowRedial, "
            "allowDuplicate) are reported (mandatory: denied)",
            _opt_ins,
            None,
            pack_dir,
            EnforcementLevel.ADVISORY,
        ),
        _limit_policy(pack_dir),
    ]


def serve(pack_dir: Path) -> None:
    """Serve the pack (prints its port, then runs until the CLI stops it)."""
    PolicyPack(NAME, policies(pack_dir), EnforcementLevel.MANDATORY)
