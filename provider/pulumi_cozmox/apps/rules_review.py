"""The rules in the review: which rules judged a change, and what the change does to them.

A pull request can change the rules themselves: remove ``cozmox:callLimit`` from the stack's
config, empty the do-not-call list, widen the calling hours, add an opt-in. The plan alone does
not show it (a campaign that the old rules refused and the new ones allow reads as any other),
so the review compares the stack's rules at the pull request's head with those of its base
(:mod:`.stack_rules` reads both) and says each change, a loosened one as a caution a reviewer
cannot miss: ``removes the call limit 1/7d``, ``adds a blackout date 2099-01-14``.

Files are compared by what they mean (the parsed policy, the set of listed people), so
re-encrypting or reformatting a file is no change. Never a listed number: counts only. Pure.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pulumi_cozmox.core.rules.calendar import CallLimit
from pulumi_cozmox.core.rules.donotcall import DoNotCall
from pulumi_cozmox.core.rules.policy import DEFAULT_POLICY, WEEKDAYS, CallingPolicy, Rule

__all__ = [
    "RuleChange",
    "RuleSet",
    "compare",
    "opt_in_changes",
    "rules_lines",
    "standing_opt_ins",
]


@dataclass(frozen=True)
class RuleSet:
    """A stack's rules as one side of a pull request has them."""

    call_limit: CallLimit | None = None
    do_not_call: DoNotCall | None = None
    policy: CallingPolicy | None = None
    """None: the built-in 08:00-21:00, every day."""
    unread: tuple[str, ...] = ()
    """Settings whose file could not be read (named, with why)."""


@dataclass(frozen=True)
class RuleChange:
    """One thing a pull request does to the rules."""

    text: str
    loosened: bool


def _limit_hours(limit: CallLimit) -> int:
    return limit.amount * (24 if limit.unit == "d" else 1)


def _call_limit(base: CallLimit | None, head: CallLimit | None) -> list[RuleChange]:
    if base == head or (base and head and str(base) == str(head)):
        return []
    if head is None:
        return [RuleChange(f"removes the call limit {base}", loosened=True)]
    if base is None:
        return [RuleChange(f"adds the call limit {head}", loosened=False)]
    looser = head.count > base.count or _limit_hours(head) < _limit_hours(base)
    verb = "loosens" if looser else "tightens"
    return [RuleChange(f"{verb} the call limit {base} → {head}", loosened=looser)]


def _do_not_call(base: DoNotCall | None, head: DoNotCall | None) -> list[RuleChange]:
    if base is None and head is None:
        return []
    if head is None:
        assert base is not None
        text = f"removes the do-not-call list {base.path} ({_entries(base.count)})"
        return [RuleChange(text, loosened=True)]
    if base is None:
        return [
            RuleChange(f"adds the do-not-call list {head.path} ({_entries(head.count)})", False)
        ]
    changes = []
    gone, new = len(base.people - head.people), len(head.people - base.people)
    counts = f"({base.count:,} → {head.count:,})"
    if gone:
        changes.append(
            RuleChange(
                f"removes {_entries(gone)} from the do-not-call list {counts}", loosened=True
            )
        )
    if new:
        changes.append(RuleChange(f"adds {_entries(new)} to the do-not-call list {counts}", False))
    if base.path != head.path and not changes:
        changes.append(RuleChange(f"moves the do-not-call list {base.path} → {head.path}", False))
    return changes


def _entries(count: int) -> str:
    return f"{count:,} entr" + ("y" if count == 1 else "ies")


def _days(days: Iterable[int]) -> str:
    return ", ".join(WEEKDAYS[d] for d in sorted(days))


def _rule(base: Rule, head: Rule, where: str) -> list[RuleChange]:
    """What changed between two rules for the same people (``where``: `` in US-FL``)."""
    changes = []
    if (base.start, base.end) != (head.start, head.end):
        wider = head.start < base.start or head.end > base.end
        narrower = head.start > base.start or head.end < base.end
        verb = "widens" if wider and not narrower else "narrows" if narrower else "changes"
        changes.append(
            RuleChange(
                f"{verb} the calling hours{where} {base.hours} → {head.hours}", loosened=wider
            )
        )
    if head.days - base.days:
        changes.append(RuleChange(f"allows calls on {_days(head.days - base.days)}{where}", True))
    if base.days - head.days:
        changes.append(RuleChange(f"stops calls on {_days(base.days - head.days)}{where}", False))
    for day in sorted(base.blackout - head.blackout):
        changes.append(RuleChange(f"removes the blackout date {day}{where}", loosened=True))
    for day in sorted(head.blackout - base.blackout):
        changes.append(RuleChange(f"adds a blackout date {day}{where}", loosened=False))
    return changes


def _effective(policy: CallingPolicy, region: str) -> Rule:
    return policy.regions.get(region, policy.default) if region else policy.default


def _policy(base: CallingPolicy | None, head: CallingPolicy | None) -> list[RuleChange]:
    old, new = base or DEFAULT_POLICY, head or DEFAULT_POLICY
    changes = []
    if base is not None and head is None:
        changes.append(RuleChange(f"removes the calling policy {base.source}", loosened=False))
    elif base is None and head is not None:
        changes.append(RuleChange(f"adds the calling policy {head.source}", loosened=False))
    elif base is not None and head is not None and base.source != head.source:
        changes.append(RuleChange(f"moves the calling policy {base.source} → {head.source}", False))
    top = _rule(old.default, new.default, "")
    changes += top
    for region in sorted(set(old.regions) | set(new.regions)):
        where = f" in {region}"
        for change in _rule(_effective(old, region), _effective(new, region), where):
            # A region inherits what it leaves out from the top level: said once, there.
            if RuleChange(change.text.replace(where, ""), change.loosened) not in top:
                changes.append(change)
    if old.unknown_zone != new.unknown_zone:
        allowed = new.unknown_zone == "allow"
        what = "allows" if allowed else "refuses"
        changes.append(RuleChange(f"{what} customers whose time zone is unknown", loosened=allowed))
    if changes and changes[0].text.startswith(("removes the calling", "adds the calling")):
        # The file's coming or going loosens when any of what it changes does.
        loose = any(c.loosened for c in changes[1:])
        changes[0] = RuleChange(changes[0].text, loose)
    return changes


def compare(base: RuleSet, head: RuleSet) -> list[RuleChange]:
    """Each rule added, removed, loosened or tightened from ``base`` to ``head``."""
    return [
        *_call_limit(base.call_limit, head.call_limit),
        *_do_not_call(base.do_not_call, head.do_not_call),
        *_policy(base.policy, head.policy),
    ]


#: The opt-ins of a campaign, as each program spells them.
OPT_INS = {
    "allow_outside_calling_hours": "allowOutsideCallingHours",
    "allow_redial": "allowRedial",
    "allow_duplicate": "allowDuplicate",
}


def _flags(inputs: Mapping[str, Any]) -> dict[str, Any]:
    found = {}
    for snake, camel in OPT_INS.items():
        value = inputs.get(snake, inputs.get(camel))
        if value not in (None, False, ""):
            found[snake] = value
    return found


def _campaign_steps(steps: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    return [s for s in steps if str(s.get("urn", "")).split("::")[2:3] != ["pulumi:pulumi:Stack"]]


def _name(urn: str) -> str:
    return f'resource "{urn.rsplit("::", 1)[-1]}"'


def standing_opt_ins(steps: Iterable[Mapping[str, Any]]) -> int:
    """How many standing opt-ins (set to true: allowed every time) the program sets, every
    campaign in the plan, changed or not (an id allows one campaign: it stands for nothing)."""
    flags = (_flags(_inputs(s, "newState")) for s in _campaign_steps(steps))
    return sum(1 for found in flags for value in found.values() if value is True)


def _inputs(step: Mapping[str, Any], state: str) -> Mapping[str, Any]:
    part = step.get(state)
    inputs = part.get("inputs") if isinstance(part, Mapping) else None
    return inputs if isinstance(inputs, Mapping) else {}


def opt_in_changes(steps: Iterable[Mapping[str, Any]]) -> list[RuleChange]:
    """Opt-ins a pull request sets or clears on its campaigns (from the plan's old and new
    inputs): setting one lets a campaign past a rule."""
    changes = []
    for step in steps:
        old, new = _flags(_inputs(step, "oldState")), _flags(_inputs(step, "newState"))
        if not new and not old:
            continue
        name = _name(str(step.get("urn", "")))
        native = any(camel in _inputs(step, "newState") for camel in OPT_INS.values())
        for flag in sorted(set(old) | set(new)):
            if old.get(flag) == new.get(flag):
                continue
            if flag in new:
                # As the program spells it: allow_redial=True (Python), allowRedial: true.
                shown = f"{OPT_INS[flag]}: {json.dumps(new[flag])}" if native else None
                text = f"sets {shown or f'{flag}={_shown(new[flag])}'} on {name}"
                changes.append(RuleChange(text, loosened=True))
            else:
                shown = OPT_INS[flag] if native else flag
                changes.append(RuleChange(f"clears {shown} on {name}", loosened=False))
    return list(dict.fromkeys(changes))


def _shown(value: Any) -> str:
    return "True" if value is True else f'"{value}"' if isinstance(value, str) else str(value)


def _in_force(head: RuleSet, opt_ins: int) -> str:
    parts = []
    policy = head.policy
    if policy is not None:
        parts.append(f"calling policy <code>{html.escape(str(policy.source))}</code>")
    else:
        parts.append("calling hours 08:00-21:00 (built in)")
    if head.do_not_call is not None:
        listed = head.do_not_call
        parts.append(
            f"do-not-call list <code>{html.escape(listed.path)}</code> ({_entries(listed.count)})"
        )
    else:
        parts.append("no do-not-call list")
    parts.append(f"call limit {head.call_limit}" if head.call_limit else "no call limit")
    parts.append(f"{opt_ins:,} standing opt-in" + ("s" if opt_ins != 1 else ""))
    for unread in head.unread:
        parts.append(html.escape(unread))
    return "**Rules that judged this change:** " + "; ".join(parts) + "."


def rules_lines(
    head: RuleSet,
    changes: Sequence[RuleChange] | None,
    base_ref: str | None,
    opt_ins: int = 0,
    base_unread: Sequence[str] = (),
) -> list[str]:
    """The review's paragraphs on the rules: those in force, then (with a base) what the change
    does to them, loosened ones in a caution block."""
    lines = [_in_force(head, opt_ins)]
    if base_ref is None or changes is None:
        return lines
    ref = f"<code>{html.escape(base_ref)}</code>"
    for unread in base_unread:
        lines.append(f"> [!WARNING]\n> The rules of {ref} could not be read: {html.escape(unread)}")
    loosened = [c for c in changes if c.loosened]
    other = [c for c in changes if not c.loosened]
    if loosened:
        items = "\n".join(f"> - **this change {html.escape(c.text)}**" for c in loosened)
        lines.append(f"> [!CAUTION]\n> **This change loosens the rules** against {ref}:\n{items}")
    if other:
        items = "; ".join(f"this change {html.escape(c.text)}" for c in other)
        lines.append(f"Rule changes against {ref}: {items}.")
    if not changes and not base_unread:
        lines.append(f"The rules are those of {ref}: no rule added, removed or changed.")
    return lines
