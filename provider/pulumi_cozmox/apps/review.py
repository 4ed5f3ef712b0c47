"""``pulumi-cozmox review``: a ``pulumi preview --json`` document -> one pull-request comment.

:func:`review` reads the document and returns the comment (GitHub Markdown) and an exit code:

- :data:`EXIT_OK` (0): the comment describes every campaign the plan creates, replaces, updates
  or deletes;
- :data:`EXIT_PREVIEW_FAILED` (1): the preview failed (an ``error`` diagnostic); the comment
  quotes its errors, masked (numbers and emails, as a safety net: errors name paths);
- :data:`EXIT_UNREADABLE` (2, from the command): the input is not a preview document.

Where the facts come from: the plan's ``steps[]`` give the action (``op``), the campaign id,
the recorded outputs of an existing campaign (``status``, ``calls_counter_*``,
``customer_count``) and the new inputs (``customer_count``, ``schedule_plan``); customers are
``"[secret]"`` there. The provider's report lines (:mod:`pulumi_cozmox.core.report.record`), found
in
``diagnostics[].message``, add the customers delta, who is called again and the local calling
hours. Deletes never reach the provider at preview: their facts are the recorded outputs.

The comment: a hidden marker (:data:`COMMENT_MARKER`, to find and edit the comment on later
pushes), one summary line, loud warnings, then one ``<details>`` block per campaign in order of
resource name. It stays under :data:`MAX_CHARS` (GitHub's limit is 65,536): details are
shortened, then left out, never the summary. Pure: no I/O.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields, replace
from datetime import datetime, timezone
from typing import Any

from pulumi_cozmox.core.model.mask import mask_text
from pulumi_cozmox.core.report.record import (
    CampaignReport,
    counters_of,
    counters_text,
    delta_text,
    parse_lines,
    people_text,
    standing_opt_ins,
    stop_text,
    strip_ansi,
    window_text,
    zone_text,
)
from pulumi_cozmox.core.resource.fields import (
    INPUT_TO_API,
    LIVE_STATUSES,
    NATIVE_TYPE,
    PROPERTY_NAMES,
    count_of,
)
from pulumi_cozmox.core.rules.hours import dialing_window

__all__ = [
    "COMMENT_MARKER",
    "DRIFT_MARKER",
    "EXIT_OK",
    "EXIT_PREVIEW_FAILED",
    "EXIT_UNREADABLE",
    "MAX_CHARS",
    "Review",
    "is_preview",
    "review",
]

EXIT_OK = 0
EXIT_PREVIEW_FAILED = 1
EXIT_UNREADABLE = 2
#: The first line of every comment: workflows find the comment to edit by it.
COMMENT_MARKER = "<!-- cozmox-review -->"
#: The first line of every drift report (``--drift``): the nightly job finds its issue by it.
DRIFT_MARKER = "<!-- cozmox-drift -->"
#: What the CLI says when ``--expect-no-changes`` meets changes: drift, not a failure.
NO_CHANGES_EXPECTED = "no changes were expected but changes were proposed"
MAX_CHARS = 65_000
#: The type token of a Campaign resource ends with this.
CAMPAIGN_TYPE = "dynamic/cozmox:Campaign"
#: Inputs compared to tell a renamed resource (a create and a delete of the same campaign).
LOOKALIKE_KEYS = (
    "name",
    "phone_number_id",
    "assistant_id",
    "workflow_id",
    "schedule_plan",
    "customer_count",
)
MAX_WARNINGS = 40
MAX_ERROR_CHARS = 4_000

_REPLACE_OPS = {"replace", "create-replacement", "delete-replaced", "discard-replaced"}
_VERBS = {
    "create": "created",
    "adopt": "adopted",
    "replace": "replaced",
    "update": "updated",
    "delete": "deleted",
}


@dataclass(frozen=True)
class Review:
    """The comment and the command's exit code."""

    markdown: str
    exit_code: int


@dataclass(frozen=True)
class _Campaign:
    report: CampaignReport
    new_inputs: Mapping[str, Any]
    old_state: Mapping[str, Any]
    #: When the state the status comes from was written (``oldState.modified``), when it comes
    #: from the state and not from the provider's live read.
    as_of: str | None = None
    #: A resource of the native plugin (a YAML or TypeScript program's), not a Python one's.
    native: bool = False


# --------------------------------------------------------------------------------------------
# Reading the preview.


def _name(urn: str) -> str:
    # urn:pulumi:STACK::PROJECT::TYPE::NAME: the name is all after the third "::".
    parts = urn.split("::", 3)
    return parts[3] if len(parts) == 4 else urn


def _type(urn: str) -> str:
    parts = urn.split("::", 3)
    return parts[2].rsplit("$", 1)[-1] if len(parts) == 4 else ""


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


_SNAKE = {camel: snake for snake, camel in PROPERTY_NAMES.items()}
#: A changed customers file is changed customers.
_REASONS = {**_SNAKE, "customersFile": "customers"}


def _snake_case(step: Mapping[str, Any]) -> Mapping[str, Any]:
    """A native resource's step with its properties under the props' snake_case keys (the
    ones the dynamic provider records), the customer count among the inputs."""

    def keys(values: Any) -> dict[str, Any]:
        return {_SNAKE.get(k, k): v for k, v in _mapping(values).items()}

    converted = dict(step)
    for state in ("oldState", "newState"):
        if isinstance(step.get(state), Mapping):
            inputs, outputs = keys(step[state].get("inputs")), keys(step[state].get("outputs"))
            inputs.setdefault("customer_count", outputs.get("customer_count"))
            converted[state] = {**step[state], "inputs": inputs, "outputs": outputs}
    for key in ("diffReasons", "replaceReasons"):
        if isinstance(step.get(key), list):
            converted[key] = [_REASONS.get(r, r) for r in step[key]]
    return converted


def _action(ops: set[str]) -> str | None:
    if ops & _REPLACE_OPS:
        return "replace"
    for op in ("create", "update", "delete"):
        if op in ops:
            return op
    return None  # same, read, refresh, ...: nothing happens to the campaign


def _reasons(
    action: str,
    steps: Sequence[Mapping[str, Any]],
    old: Mapping[str, Any],
    new: Mapping[str, Any],
) -> tuple[str, ...]:
    if action not in ("replace", "update"):
        return ()
    listed: list[str] = []
    for step in steps:
        for key in ("replaceReasons", "diffReasons"):
            value = step.get(key)
            if isinstance(value, list):
                listed.extend(r for r in value if isinstance(r, str))
    # The CLI gives no diffReasons for a dynamic resource: compare the recorded inputs too
    # (customers are "[secret]" on both sides: only replaceReasons names them).
    keys = (*INPUT_TO_API, "ended", "allow_redial")
    listed.extend(k for k in keys if k in new and old.get(k) != new.get(k))
    return tuple(dict.fromkeys(listed))


def _step_report(
    name: str, action: str, steps: Sequence[Mapping[str, Any]], now: datetime
) -> _Campaign:
    old_state: Mapping[str, Any] = {}
    new_inputs: Mapping[str, Any] = {}
    for step in steps:
        old_state = old_state or _mapping(step.get("oldState"))
        new_inputs = new_inputs or _mapping(_mapping(step.get("newState")).get("inputs"))
    outputs = _mapping(old_state.get("outputs"))
    old_inputs = _mapping(old_state.get("inputs")) or outputs
    status = outputs.get("status") if isinstance(outputs.get("status"), str) else None
    reasons = _reasons(action, steps, old_inputs, new_inputs)
    people: int | None = 0
    again: int | None = 0
    if action in ("create", "replace"):
        people = count_of(new_inputs.get("customer_count"))
        if action == "replace" and status in LIVE_STATUSES:
            # The same customers are called again, unless the customers changed (then the
            # provider's lines say how many stayed).
            again = None if "customers" in reasons else people
    report = CampaignReport(
        resource=name,
        action=action,
        reasons=reasons,
        campaign_id=old_state.get("id") if isinstance(old_state.get("id"), str) else None,
        status=status,
        counters=counters_of(outputs) if status in LIVE_STATUSES else None,
        people=people,
        again=again,
    )
    plan = new_inputs.get("schedule_plan")
    if action in ("create", "replace") or (action == "update" and "schedule_plan" in reasons):
        window = dialing_window(plan if isinstance(plan, Mapping) else None, now=now)
        minute = window.start.replace(second=0, microsecond=0)
        end = window.end.replace(second=0, microsecond=0) if window.end else None
        report = replace(report, window_start=minute, window_end=end, at_once=window.at_once)
    modified = old_state.get("modified")
    as_of = _minute(modified) if isinstance(modified, str) and status else None
    return _Campaign(report, new_inputs, old_state, as_of)


def _minute(stamp: str) -> str | None:
    """``2026-12-01T09:30:09.28Z`` -> ``2026-12-01 09:30 UTC``."""
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")


def _merge(step: _Campaign, lines: CampaignReport | None) -> _Campaign:
    """The provider's facts over the plan's; the plan's action, id and reasons win, and the
    status the provider read live wins over the recorded one (no "as of" then)."""
    if lines is None:
        return step
    report = step.report
    merged = {f.name: getattr(report, f.name) for f in fields(CampaignReport)}
    defaults = CampaignReport(report.resource, report.action)
    for f in fields(CampaignReport):
        value = getattr(lines, f.name)
        if value != getattr(defaults, f.name) and f.name not in ("resource", "action"):
            merged[f.name] = value
    if report.campaign_id:
        merged["campaign_id"] = report.campaign_id
    if report.action == "create" and lines.action == "adopt":
        merged["action"] = "adopt"  # the plan's create takes over a campaign: nobody is called
        merged["people"], merged["again"] = 0, 0
    live = lines.status is not None and not lines.status_recorded
    if not live and report.status:
        merged["status"], merged["counters"] = report.status, report.counters
    if report.reasons:
        merged["reasons"] = report.reasons
    return replace(step, report=CampaignReport(**merged), as_of=None if live else step.as_of)


def _messages(document: Mapping[str, Any]) -> tuple[list[str], list[str]]:
    """(every diagnostic message, the error ones), ANSI codes removed."""
    messages: list[str] = []
    errors: list[str] = []
    for diagnostic in document.get("diagnostics") or []:
        if not isinstance(diagnostic, Mapping):
            continue
        message = strip_ansi(str(diagnostic.get("message", "")))
        messages.append(message)
        if str(diagnostic.get("severity", "")).split("#")[0] == "error":
            errors.append(message.strip())
    return messages, errors


def _campaigns(document: Mapping[str, Any], now: datetime) -> list[_Campaign]:
    grouped: dict[str, list[Mapping[str, Any]]] = {}
    for step in document.get("steps") or []:
        if not isinstance(step, Mapping):
            continue
        urn = str(step.get("urn", ""))
        if _type(urn).endswith(CAMPAIGN_TYPE):
            grouped.setdefault(urn, []).append(step)
        elif _type(urn) == NATIVE_TYPE:
            grouped.setdefault(urn, []).append(_snake_case(step))
    messages, _ = _messages(document)
    lines = {r.resource: r for r in parse_lines(messages)}
    found = []
    for urn, steps in grouped.items():
        action = _action({str(s.get("op")) for s in steps})
        if action is None:
            continue
        name = _name(urn)
        step = _step_report(name, action, steps, now)
        if _type(urn) == NATIVE_TYPE:
            step = replace(step, native=True)
        found.append(_merge(step, lines.get(name)))
    return sorted(found, key=lambda c: _natural(c.report.resource))


def _natural(name: str) -> list[Any]:
    """A sort key that orders ``c2`` before ``c10``."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name)]


# --------------------------------------------------------------------------------------------
# Writing the comment.


def _code(text: str) -> str:
    return f"<code>{html.escape(text)}</code>"


def _cell(text: str) -> str:
    return html.escape(text).replace("|", "&#124;")


#: Campaigns with the same facts are shown as one group from this many on.
GROUP_MIN = 3
#: Names listed in a group's warning before "and N more".
MAX_NAMES = 5


def _units(campaigns: Sequence[_Campaign]) -> list[list[_Campaign]]:
    """The campaigns, those whose facts are the same (but their names) grouped, in order."""
    groups: dict[CampaignReport, list[_Campaign]] = {}
    for c in campaigns:
        key = replace(c.report, resource="", campaign_id=None)
        groups.setdefault(key, []).append(c)
    units: list[list[_Campaign]] = []
    for c in campaigns:
        group = groups[replace(c.report, resource="", campaign_id=None)]
        if len(group) < GROUP_MIN:
            units.append([c])
        elif group[0] is c:
            units.append(group)
    return units


def _names(unit: Sequence[_Campaign]) -> str:
    shown = ", ".join(_code(c.report.resource) for c in unit[:MAX_NAMES])
    more = len(unit) - MAX_NAMES
    return shown + (f" and {more} more" if more > 0 else "")


def _warnings(campaigns: Sequence[_Campaign]) -> list[str]:
    warnings: list[str] = []
    for unit in _units(campaigns):
        c = unit[0]
        r = c.report
        who = _names(unit)
        if r.dialed and r.action in ("replace", "delete"):
            counters = r.counters
            done = (
                f" ({counters.ended:,} of {counters.scheduled:,} calls ended)" if counters else ""
            )
            if r.action == "replace":
                warnings.append(
                    f"{who}: the campaign is **{r.status}**{done} and is **replaced**: "
                    f"{people_text(r.again)} it had are **called again**."
                )
            elif r.status == "in-progress" and counters is not None:
                cut = max(0, counters.scheduled - counters.ended - counters.in_progress)
                as_of = f"; as of {c.as_of}" if c.as_of else ""
                warnings.append(
                    f"{who}: the campaign is **in-progress**{done} and is **deleted**: it is "
                    f"ended first, so **{cut:,} calls are not placed** and "
                    f"{counters.in_progress:,} in progress finish{as_of}."
                )
            else:
                warnings.append(
                    f"{who}: the campaign is **{r.status}**{done} and is **deleted** "
                    "(calls in flight finish; no call is placed after it)."
                )
        if r.stops is not None and r.action == "update":
            warnings.append(
                f"{who}: the campaign is **ended** now (ended=True): **{r.stops.not_placed:,} "
                f"calls are not placed**, {r.stops.in_progress:,} in progress finish."
            )
        if r.outside_people:
            outside = [z for z in r.zones if z.outside]
            named = any(z.rule for z in outside)
            rule = "outside their calling rule" if named else "outside 08:00-21:00"
            zones = ", ".join(
                f"{z.zone}: {z.rule_text}, {z.why}" if named else z.zone for z in outside
            )
            each = " each" if len(unit) > 1 else ""
            warnings.append(
                f"{who}: **{people_text(r.outside_people)}{each} called {rule}** their local "
                f"time ({zones or 'see the zones below'})."
            )
        if r.do_not_call:
            warnings.append(f"{who}: **{people_text(r.do_not_call)} on the do-not-call list**.")
        for also in r.also_called:
            warnings.append(
                f"{who}: {people_text(also.people)} also called by {html.escape(also.other)} "
                f"({also.when}), within the call limit {r.call_limit}."
            )
        if r.at_once and r.action in ("create", "replace", "update"):
            warnings.append(
                f"{who}: the window is already open: **dialing starts at once** when "
                "`pulumi up` applies this."
            )
    creates = [c for c in campaigns if c.report.action == "create"]
    deletes = [c for c in campaigns if c.report.action == "delete"]
    for created in creates:
        for deleted in deletes:
            if _lookalike(created, deleted):
                new, old = created.report.resource, deleted.report.resource
                warnings.append(
                    f"{_code(new)} (created) and {_code(old)} (deleted) look like **one "
                    "campaign renamed**: the create dials everyone again. If it is a rename, "
                    f"give {_code(new)} the option {_alias_option(created, old)}."
                )
    return warnings


def _alias_option(campaign: _Campaign, old: str) -> str:
    """The option that keeps ``old``'s campaign for a renamed resource, as its program
    spells it."""
    if campaign.native:
        urn = f"urn:pulumi:<stack>::<project>::{NATIVE_TYPE}::{old}"
        return f"<code>aliases: [{html.escape(json.dumps(urn))}]</code>"
    return f"<code>aliases=[pulumi.Alias(name={html.escape(json.dumps(old))})]</code>"


def _lookalike(created: _Campaign, deleted: _Campaign) -> bool:
    old = _mapping(deleted.old_state.get("inputs")) or _mapping(deleted.old_state.get("outputs"))
    new = created.new_inputs

    def same(key: str) -> bool:
        a, b = old.get(key), new.get(key)
        if key == "customer_count":
            return count_of(a) == count_of(b)
        return bool(a == b)

    return all(same(k) for k in LOOKALIKE_KEYS)


def _summary(campaigns: Sequence[_Campaign]) -> str:
    counts = {action: 0 for action in _VERBS}
    for c in campaigns:
        counts[c.report.action] += 1
    if not campaigns:
        return "**Cozmox: no campaign changes.** Nobody is called."
    parts = ", ".join(f"{n} {_VERBS[a]}" for a, n in counts.items() if n)
    people = [c.report.people for c in campaigns]
    again = [c.report.again for c in campaigns]
    called = sum(p or 0 for p in people)
    called_again = sum(a or 0 for a in again)
    unknown = sum(1 for p in people if p is None) + sum(1 for a in again if a is None)
    calls = f"calls {people_text(called)}, {called_again:,} of them again"
    if not called and not unknown:
        calls = "calls nobody"
    plural = "s" if len(campaigns) != 1 else ""
    text = f"**Cozmox: {len(campaigns)} campaign{plural} ({parts}); {calls}.**"
    listed = [c.report.do_not_call for c in campaigns if c.report.do_not_call is not None]
    limited = [c for c in campaigns if c.report.call_limit is not None]
    if listed or limited:
        also = sum(a.people for c in limited for a in c.report.also_called)
        facts = []
        if listed:
            facts.append(f"{sum(listed):,} on the do-not-call list")
        if limited:
            facts.append(f"{people_text(also)} also called by another campaign within the limit")
        text += " Rules: " + "; ".join(facts) + "."
    if unknown:
        text += " Some counts are unknown (see below)."
    return text


def _title(r: CampaignReport) -> str:
    text = f"<b>{html.escape(r.resource)}</b>: {r.action}"
    if r.action == "adopt" and r.campaign_id:
        text += f" {html.escape(r.campaign_id)}"
    if r.reasons:
        text += f" ({html.escape(', '.join(r.reasons))})"
    if r.action == "adopt":
        text += " · calls nobody"
    if r.people:
        again = "?" if r.again is None else f"{r.again:,}"
        text += f" · calls {people_text(r.people)}, {again} again"
    return text


def _rows(campaign: _Campaign) -> list[tuple[str, str]]:
    r = campaign.report
    rows = [("action", r.action + (f" ({', '.join(r.reasons)} changed)" if r.reasons else ""))]
    if r.campaign_id or r.status:
        status = r.status or "status unknown"
        if campaign.as_of and r.status:
            status += f" (as of {campaign.as_of}, the stack's state)"
        rows.append(("campaign", f"{r.campaign_id or '?'}, {status}"))
    if r.counters is not None:
        rows.append(("calls so far", counters_text(r.counters, r.status)))
    if r.delta is not None:
        d = r.delta
        rows.append(("customers", delta_text(d)))
        for kind, samples in (
            ("added", d.added_samples),
            ("removed", d.removed_samples),
            ("changed", d.changed_samples),
        ):
            if samples:
                rows.append((f"{kind} (sample)", ", ".join(samples)))
    if r.people is not None and r.people == 0:
        rows.append(("calls", "nobody"))
    else:
        again = "an unknown number" if r.again is None else f"{r.again:,}"
        rows.append(("calls", f"{people_text(r.people)} ({again} again)"))
    if r.window_start is not None:
        rows.append(("window", window_text(r)))
    if r.window_start is not None:
        for zone in r.zones:
            local = zone_text(r, zone)[len(zone.zone) + 1 :]
            rows.append((zone.zone, ("⚠️ " if zone.outside else "") + local))
    if r.more_zones:
        rows.append(("other zones", f"{r.more_zones:,} ({r.more_zones_outside:,} outside hours)"))
    if r.unknown_zone_people:
        rows.append(("unknown time zone", people_text(r.unknown_zone_people)))
    if r.stops is not None:
        rows.append(("stopping it", stop_text(r.stops).removeprefix("ends it: ")))
    if r.do_not_call is not None:
        rows.append(("do-not-call list", f"{r.do_not_call:,} of its customers listed"))
    if r.call_limit is not None:
        also = "; ".join(f"{people_text(a.people)} by {a.other} ({a.when})" for a in r.also_called)
        rows.append((f"call limit {r.call_limit}", f"also called: {also or 'nobody'}"))
    return rows


def _section(unit: Sequence[_Campaign], compact: bool) -> str:
    campaign = unit[0]
    r = campaign.report
    rows = _rows(campaign)
    title = _title(r)
    if len(unit) > 1:
        # One group: the facts once, the names listed.
        title = f"<b>{len(unit)} {_VERBS[r.action]}</b>: {html.escape(_facts_line(r))}"
        rows = [(k, v) for k, v in rows if k != "campaign"]
        rows.append(("campaigns", ", ".join(c.report.resource for c in unit)))
    if compact:
        return f"- {title}"
    table = "\n".join(f"| {_cell(k)} | {_cell(v)} |" for k, v in rows)
    return (
        f"<details><summary>{title}</summary>\n\n| fact | value |\n| --- | --- |\n"
        f"{table}\n\n</details>"
    )


def _facts_line(r: CampaignReport) -> str:
    """``3 people each, 2099-01-01 17:00-20:00 UTC``: what a group's campaigns share."""
    if r.people:
        again = "" if not r.again else f" ({r.again:,} again)"
        text = f"{people_text(r.people)} each{again}"
    else:
        text = "calls nobody"
    if r.window_start is not None:
        text += f", {window_text(r)}"
    return text


def _comment(head: list[str], sections: list[str], limit: int) -> str:
    text = "\n\n".join(head + sections) + "\n"
    return text if len(text) <= limit else ""


def _setting(flag: str, value: str) -> str:
    """``allow_redial=True`` as a Python program writes it, ``allowRedial: true`` as YAML (the
    lines name flags as their program does: camelCase comes from the plugin)."""
    if "_" in flag:
        return f"{flag}={value}"
    return f"{flag}: {value.lower() if value == 'True' else value}"


def _opt_ins_text(opt_ins: Mapping[str, tuple[str, ...]]) -> str | None:
    if not opt_ins:
        return None
    listed = "; ".join(
        f"{_code(name)}: {', '.join(_setting(flag, 'True') for flag in flags)}"
        for name, flags in sorted(opt_ins.items(), key=lambda item: _natural(item[0]))
    )
    some_flag = next(iter(opt_ins.values()))[0]
    redial = "allow_redial" if "_" in some_flag else "allowRedial"
    one = _setting(redial, '"<campaign id>"')
    return (
        f"**Standing opt-ins** (allowed every time, not once): {listed}. Remove each once its "
        f"change is applied, or name the one campaign it allows ({one})."
    )


def _render(
    campaigns: Sequence[_Campaign],
    limit: int,
    *,
    head: list[str],
    opt_ins: Mapping[str, tuple[str, ...]],
) -> str:
    warnings = _warnings(campaigns)
    shown = warnings[:MAX_WARNINGS]
    if len(warnings) > MAX_WARNINGS:
        shown.append(f"... and {len(warnings) - MAX_WARNINGS} more warnings.")
    head = list(head)
    if shown:
        head.append("> [!WARNING]\n" + "\n".join(f"> - {w}" for w in shown))
    standing = _opt_ins_text(opt_ins)
    if standing:
        head.append(standing)
    units = _units(campaigns)
    for compact in (False, True):
        text = _comment(head, [_section(u, compact) for u in units], limit)
        if text:
            return text
    # Still too long: as many compact lines as fit, then how many were left out.
    sections: list[str] = []
    for index, unit in enumerate(units):
        left = sum(len(u) for u in units[index:])
        note = f"_... and {left} more campaigns, left out to fit one comment._"
        if not _comment(head, [*sections, _section(unit, True), note], limit):
            return _comment(head, [*sections, note], limit) or "\n\n".join(head) + "\n"
        sections.append(_section(unit, True))
    return "\n\n".join(head + sections) + "\n"


_TRACEBACK = "Traceback (most recent call last):"


def without_traceback(error: str) -> str:
    """An error as its words only: a Python traceback the SDK printed is cut down to its last
    line, the exception's message (``Exception: resource "x": ...`` -> ``resource "x": ...``)."""
    if _TRACEBACK not in error:
        return error
    head, _, trace = error.partition(_TRACEBACK)
    last = next((ln.strip() for ln in reversed(trace.splitlines()) if ln.strip()), "")
    kind, sep, message = last.partition(": ")
    if sep and re.fullmatch(r"[\w.]+", kind):
        last = message
    return f"{head.rstrip()} {last}".strip()


def _failed(errors: Iterable[str], limit: int, head: list[str]) -> str:
    quoted = []
    for error in errors:
        text = mask_text(without_traceback(error))
        if len(text) > MAX_ERROR_CHARS:
            text = text[:MAX_ERROR_CHARS] + " ..."
        quoted.append("> " + "\n> ".join(html.escape(text, quote=False).splitlines()))
    text = "\n\n".join(head + quoted) + "\n"
    while len(text) > limit and len(quoted) > 1:
        quoted.pop()
        text = "\n\n".join([*head, *quoted, "> ... (more errors left out)"]) + "\n"
    return text[:limit]


def review(
    document: Mapping[str, Any],
    *,
    now: datetime | None = None,
    limit: int = MAX_CHARS,
    drift: bool = False,
) -> Review:
    """The comment for a ``pulumi preview --json`` document. ``now``: when a window that is
    already open is judged (default: the current time); ``limit``: the comment's size.

    ``drift``: the document is a nightly ``pulumi preview --refresh --expect-no-changes``: the
    text reports drift (what differs between the org and the program) and the exit code is 1
    when there is some (or the preview failed), 0 when the org holds what the program says."""
    messages, errors = _messages(document)
    if drift:
        errors = [e for e in errors if NO_CHANGES_EXPECTED not in e]
    marker = DRIFT_MARKER if drift else COMMENT_MARKER
    if errors:
        what = "the drift check's preview failed" if drift else "the preview failed"
        head = [marker, f"**Cozmox: {what}.** Nothing was planned; its errors:"]
        return Review(_failed(errors, limit, head), EXIT_PREVIEW_FAILED)
    campaigns = _campaigns(document, now or datetime.now(timezone.utc))
    opt_ins = standing_opt_ins(messages)
    if not drift:
        head = [marker, _summary(campaigns)]
        return Review(_render(campaigns, limit, head=head, opt_ins=opt_ins), EXIT_OK)
    if not campaigns:
        text = f"{marker}\n\n**Cozmox drift: none.** The org holds what the program declares.\n"
        return Review(text, EXIT_OK)
    count = len(campaigns)
    noun = "campaign differs" if count == 1 else "campaigns differ"
    head = [
        marker,
        f"**Cozmox drift: {count} {noun} from the program.** A `pulumi up` would make them "
        "what the program declares, as below (" + _summary(campaigns).strip("*") + ")",
    ]
    return Review(_render(campaigns, limit, head=head, opt_ins=opt_ins), EXIT_PREVIEW_FAILED)


def is_preview(document: Any) -> bool:
    """Whether ``document`` looks like ``pulumi preview --json`` output."""
    return isinstance(document, Mapping) and ("steps" in document or "diagnostics" in document)
