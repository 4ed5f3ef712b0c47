"""The review comment, written from the campaigns' reports (GitHub Markdown).

A hidden marker (:data:`COMMENT_MARKER`, to find and edit the comment on later pushes), one
summary line (the plan's counts, who is called, each rule's findings), loud warnings, the
standing opt-ins, a chart of the windows when several matter (:mod:`.gantt`), then one
``<details>`` block per campaign in order of resource name. Fields are named as each campaign's
program spells them (``schedule_plan`` in Python, ``schedulePlan`` in YAML). It stays under
:data:`MAX_CHARS` (GitHub's limit is 65,536): details are shortened, then left out, never the
summary. Pure: no I/O.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from pulumi_cozmox.apps.gantt import chart
from pulumi_cozmox.apps.visible import shown_pair
from pulumi_cozmox.core.model.mask import mask_text
from pulumi_cozmox.core.report.record import CampaignReport
from pulumi_cozmox.core.report.text import (
    changed_samples,
    counters_text,
    delta_text,
    field_list,
    local_window,
    people_text,
    span_text,
    stop_text,
    why_text,
    window_text,
    zone_detail,
)
from pulumi_cozmox.core.resource import names
from pulumi_cozmox.core.resource.fields import by_api, count_of

__all__ = [
    "COMMENT_MARKER",
    "DRIFT_MARKER",
    "MAX_CHARS",
    "Campaign",
    "failed_head",
    "render",
    "summary",
]

#: The first line of every comment: workflows find the comment to edit by it.
COMMENT_MARKER = "<!-- cozmox-review -->"
#: The first line of every drift report (``--drift``): the nightly job finds its issue by it.
DRIFT_MARKER = "<!-- cozmox-drift -->"
MAX_CHARS = 65_000
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
#: Campaigns with the same facts are shown as one group from this many on.
GROUP_MIN = 3
#: Names listed in a group's warning before "and N more".
MAX_NAMES = 5
_VERBS = {
    "create": "created",
    "adopt": "adopted",
    "replace": "replaced",
    "update": "updated",
    "delete": "deleted",
    "forget": "forgotten",
}


@dataclass(frozen=True)
class Campaign:
    """One campaign the plan changes: its report and the plan's own facts of it."""

    report: CampaignReport
    new_inputs: Mapping[str, Any]
    old_state: Mapping[str, Any]
    #: When the state the status comes from was written (``oldState.modified``), when it comes
    #: from the state and not from the provider's live read.
    as_of: str | None = None
    #: A resource of the native plugin (a YAML or TypeScript program's), not a Python one's.
    native: bool = False

    @property
    def door(self) -> str:
        return "native" if self.native else "python"


def _code(text: str) -> str:
    return f"<code>{html.escape(text)}</code>"


def _cell(text: str) -> str:
    return html.escape(text).replace("|", "&#124;")


def _units(campaigns: Sequence[Campaign]) -> list[list[Campaign]]:
    """The campaigns, those whose facts are the same (but their names) grouped, in order."""
    groups: dict[CampaignReport, list[Campaign]] = {}
    for c in campaigns:
        groups.setdefault(replace(c.report, resource="", campaign_id=None), []).append(c)
    units: list[list[Campaign]] = []
    for c in campaigns:
        group = groups[replace(c.report, resource="", campaign_id=None)]
        if len(group) < GROUP_MIN:
            units.append([c])
        elif group[0] is c:
            units.append(group)
    return units


def _names(unit: Sequence[Campaign]) -> str:
    shown = ", ".join(_code(c.report.resource) for c in unit[:MAX_NAMES])
    more = len(unit) - MAX_NAMES
    return shown + (f" and {more} more" if more > 0 else "")


def _dialed_warning(who: str, c: Campaign) -> str | None:
    r = c.report
    if not (r.dialed and r.action in ("replace", "delete", "forget")):
        return None
    counters = r.counters
    done = f" ({counters.ended:,} of {counters.scheduled:,} calls ended)" if counters else ""
    if r.action == "replace":
        return (
            f"{who}: the campaign is **{r.status}**{done} and is **replaced**: "
            f"{people_text(r.again)} it had are **called again**."
        )
    # Removed from the stack: kept in the API (forget) unless the recorded state opts in.
    if r.action == "forget":
        verb = "**forgotten** by Pulumi; **its record stays in the API** (the call limit counts it)"
    else:
        opted = _setting("deleteRecordOnRemove", True, c.door)
        verb = f"**deleted with its record** ({html.escape(opted)}): its calls leave the history"
    if r.status == "in-progress" and counters is not None:
        cut = max(0, counters.scheduled - counters.ended - counters.in_progress)
        as_of = f"; as of {c.as_of}" if c.as_of else ""
        return (
            f"{who}: the campaign is **in-progress**{done}: it is ended, so **{cut:,} calls are "
            f"not placed** and {counters.in_progress:,} in progress finish{as_of}; then {verb}."
        )
    return f"{who}: the campaign is **{r.status}**{done} and is {verb}."


def _outside_warning(who: str, unit: Sequence[Campaign]) -> str | None:
    r = unit[0].report
    if not r.outside_people:
        return None
    outside = [z for z in r.zones if z.outside]
    named = any(z.rule for z in outside)
    rule = "outside their calling rule" if named else "outside 08:00-21:00"
    zones = ", ".join(
        f"{z.zone}: {z.rule_text}, {why_text(z)}" if named else z.zone for z in outside
    )
    each = " each" if len(unit) > 1 else ""
    return (
        f"{who}: **{people_text(r.outside_people)}{each} called {rule}** their local time "
        f"({zones or 'see the zones below'})."
    )


def _unit_warnings(unit: Sequence[Campaign]) -> list[str]:
    c = unit[0]
    r = c.report
    who = _names(unit)
    warnings = [w for w in (_dialed_warning(who, c), _outside_warning(who, unit)) if w]
    if r.stops is not None and r.action == "update":
        warnings.append(
            f"{who}: the campaign is **ended** now ({_setting('ended', True, c.door)}): "
            f"**{r.stops.not_placed:,} calls are not placed**, {r.stops.in_progress:,} in "
            "progress finish."
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
            f"{who}: the window is already open: **dialing starts at once** when `pulumi up` "
            "applies this."
        )
    return warnings


def _over_limit_warnings(standing: Iterable[CampaignReport]) -> list[str]:
    return [
        f"{_code(r.resource)}: **{people_text(o.people)} past the call limit {r.call_limit}**: "
        f"also called by {html.escape(o.other)} ({o.when}), within the limit's period of this "
        f"campaign {html.escape(r.campaign_id or '')}."
        for r in standing
        for o in r.over_limit
    ]


def _warnings(campaigns: Sequence[Campaign], standing: Sequence[CampaignReport]) -> list[str]:
    warnings = [w for unit in _units(campaigns) for w in _unit_warnings(unit)]
    warnings += _over_limit_warnings(standing)
    creates = [c for c in campaigns if c.report.action == "create"]
    deletes = [c for c in campaigns if c.report.action in ("delete", "forget")]
    for created in creates:
        for deleted in deletes:
            if _lookalike(created, deleted):
                new, old = created.report.resource, deleted.report.resource
                option = html.escape(names.render(names.alias(old), created.door))
                gone = _VERBS[str(deleted.report.action)]
                warnings.append(
                    f"{_code(new)} (created) and {_code(old)} ({gone}) look like **one "
                    "campaign renamed**: the create dials everyone again. If it is a rename, "
                    f"give {_code(new)} the option <code>{option}</code>."
                )
    return warnings


def _lookalike(created: Campaign, deleted: Campaign) -> bool:
    old = _mapping(deleted.old_state.get("inputs")) or _mapping(deleted.old_state.get("outputs"))
    new = created.new_inputs

    def same(key: str) -> bool:
        a, b = old.get(key), new.get(key)
        if key == "customer_count":
            return count_of(a) == count_of(b)
        return bool(a == b)

    return all(same(k) for k in LOOKALIKE_KEYS)


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _rule_findings(
    reports: Sequence[CampaignReport], standing: Sequence[CampaignReport]
) -> list[str]:
    """Each rule's findings, counted: listed, also called within the limit (the changes'
    ``reports``), over the limit, standing opt-ins (every record's: ``standing``), called
    outside their calling rule."""
    listed = [r.do_not_call for r in reports if r.do_not_call is not None]
    limited = [r for r in reports if r.call_limit is not None]
    over = sum(o.people for r in standing for o in r.over_limit)
    outside = sum(r.outside_people for r in reports)
    opt_ins = sum(len(r.opt_ins) for r in standing)
    facts = []
    if listed:
        facts.append(f"{sum(listed):,} on the do-not-call list")
    if limited:
        also = sum(a.people for r in limited for a in r.also_called)
        facts.append(f"{people_text(also)} also called by another campaign within the limit")
    if over:
        facts.append(f"{people_text(over)} past the call limit")
    if outside:
        facts.append(f"{people_text(outside)} called outside their calling hours")
    if opt_ins:
        facts.append(f"{opt_ins:,} standing opt-in" + ("s" if opt_ins != 1 else ""))
    return facts


def summary(campaigns: Sequence[Campaign], standing: Sequence[CampaignReport]) -> str:
    """The plan's counts, who is called, and each rule's findings, in one bold line.
    ``standing``: every record of the preview (standing opt-ins and warnings included)."""
    counts = {action: 0 for action in _VERBS}
    for c in campaigns:
        counts[str(c.report.action)] += 1
    facts = _rule_findings([c.report for c in campaigns], standing)
    rules = (" Rules: " + "; ".join(facts) + ".") if facts else ""
    if not campaigns:
        return "**Cozmox: no campaign changes.** Nobody is called." + rules
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
    text = f"**Cozmox: {len(campaigns)} campaign{plural} ({parts}); {calls}.**" + rules
    if unknown:
        text += " Some counts are unknown (see below)."
    return text


def _title(c: Campaign) -> str:
    r = c.report
    text = f"<b>{html.escape(r.resource)}</b>: {r.action}"
    if r.action == "adopt" and r.campaign_id:
        text += f" {html.escape(r.campaign_id)}"
    if r.reasons:
        text += f" ({html.escape(field_list(r.reasons, c.door))})"
    if r.action == "adopt" and not r.people:
        text += " · calls nobody"
    if r.people:
        again = "?" if r.again is None else f"{r.again:,}"
        text += f" · calls {people_text(r.people)}, {again} again"
    return text


def _head_rows(c: Campaign) -> list[tuple[str, str]]:
    r = c.report
    changed = f" ({field_list(r.reasons, c.door)} changed)" if r.reasons else ""
    rows = [("action", f"{r.action}{changed}")]
    if r.old_name is not None and r.name is not None:
        rows.append(("name", shown_pair(r.old_name, r.name)))
    rows += _changed_values(c)
    if r.campaign_id or r.status:
        status = r.status or "status unknown"
        if c.as_of and r.status:
            status += f" (as of {c.as_of}, the stack's state)"
        rows.append(("campaign", f"{r.campaign_id or '?'}, {status}"))
    if r.counters is not None:
        rows.append(("calls so far", counters_text(r.counters, r.status)))
    return rows


#: Changed fields whose values are shown old → new (ids; never customers: personal data).
SHOWN_FIELDS = ("assistantId", "workflowId", "phoneNumberId")


def _changed_values(c: Campaign) -> list[tuple[str, str]]:
    """Each changed id field, old → new, so that a drift the eye would miss shows."""
    old = {**_mapping(c.old_state.get("outputs")), **_mapping(c.old_state.get("inputs"))}
    rows = []
    for api in c.report.reasons:
        field = by_api(api)
        if api not in SHOWN_FIELDS or field is None:
            continue
        before, after = old.get(field.python), c.new_inputs.get(field.python)
        if before != after:
            rows.append((field.name(c.door), shown_pair(before, after)))
    return rows


def _customer_rows(r: CampaignReport) -> list[tuple[str, str]]:
    d = r.delta
    if d is None:
        return []
    rows = [("customers", delta_text(d))]
    for kind, samples in (
        ("added", d.added_samples),
        ("removed", d.removed_samples),
        ("changed", tuple(changed_samples(d))),
    ):
        if samples:
            rows.append((f"{kind} (sample)", ", ".join(samples)))
    if d.field_counts:
        counts = ", ".join(f"{path}: {count:,}" for path, count in d.field_counts)
        rows.append(("fields changed", counts))
    return rows


def _zone_key(zone: Any) -> str:
    """A zone row's key: the zone, and the region whose rule applies there (when a calling
    policy names rules)."""
    if not zone.rule:
        return str(zone.zone)
    return f"{zone.zone} ({zone.region or 'default rule'})"


def _window_rows(r: CampaignReport) -> list[tuple[str, str]]:
    if r.window_start is None:
        return []
    window = window_text(r)
    if r.old_window_start is not None:
        window = f"{span_text(r.old_window_start, r.old_window_end)} → {window}"
    rows = [("window", window)]
    for zone in r.zones:
        local = f"{local_window(r, zone)} ({zone_detail(zone)})".strip()
        rows.append((_zone_key(zone), ("⚠️ " if zone.outside else "") + local))
    if r.more_zones:
        rows.append(("other zones", f"{r.more_zones:,} ({r.more_zones_outside:,} outside hours)"))
    if r.unknown_zone_people:
        rows.append(("unknown time zone", people_text(r.unknown_zone_people)))
    return rows


def _rule_rows(r: CampaignReport) -> list[tuple[str, str]]:
    rows = []
    if r.stops is not None:
        rows.append(("stopping it", stop_text(r.stops).removeprefix("ends it: ")))
    if r.do_not_call is not None:
        rows.append(("do-not-call list", f"{r.do_not_call:,} of its customers listed"))
    if r.call_limit is not None:
        also = "; ".join(f"{people_text(a.people)} by {a.other} ({a.when})" for a in r.also_called)
        rows.append((f"call limit {r.call_limit}", f"also called: {also or 'nobody'}"))
    return rows


def _rows(c: Campaign) -> list[tuple[str, str]]:
    r = c.report
    calls = (
        ("calls", "nobody")
        if r.people == 0
        else (
            "calls",
            f"{people_text(r.people)} "
            f"({'an unknown number' if r.again is None else f'{r.again:,}'} again)",
        )
    )
    return [
        *_head_rows(c),
        *_customer_rows(r),
        calls,
        *_window_rows(r),
        *_rule_rows(r),
    ]


def _section(unit: Sequence[Campaign], compact: bool) -> str:
    c = unit[0]
    rows = _rows(c)
    title = _title(c)
    if len(unit) > 1:
        # One group: the facts once, the names listed.
        title = f"<b>{len(unit)} {_VERBS[str(c.report.action)]}</b>: "
        title += html.escape(_facts_line(c.report))
        rows = [(k, v) for k, v in rows if k != "campaign"]
        rows.append(("campaigns", ", ".join(x.report.resource for x in unit)))
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


def _setting(api: str, value: Any, door: str) -> str:
    return names.render(names.setting(api, value), door)


def _opt_ins_text(standing: Sequence[CampaignReport], doors: Mapping[str, str]) -> str | None:
    with_opt_ins = sorted((r for r in standing if r.opt_ins), key=lambda r: natural(r.resource))
    if not with_opt_ins:
        return None
    listed = "; ".join(
        f"{_code(r.resource)}: "
        + ", ".join(_setting(flag, True, doors.get(r.resource, "python")) for flag in r.opt_ins)
        for r in with_opt_ins
    )
    door = doors.get(with_opt_ins[0].resource, "python")
    one = _setting("allowRedial", "<campaign id>", door)
    return (
        f"**Standing opt-ins** (allowed every time, not once): {listed}. Remove each once its "
        f"change is applied, or name the one campaign it allows ({one})."
    )


def natural(name: str) -> list[Any]:
    """A sort key that orders ``c2`` before ``c10``."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name)]


def render(
    campaigns: Sequence[Campaign],
    standing: Sequence[CampaignReport],
    doors: Mapping[str, str],
    limit: int,
    *,
    head: list[str],
) -> str:
    """The comment: ``head``, warnings, opt-ins, the chart, one section per campaign."""
    warnings = _warnings(campaigns, standing)
    shown = warnings[:MAX_WARNINGS]
    if len(warnings) > MAX_WARNINGS:
        shown.append(f"... and {len(warnings) - MAX_WARNINGS} more warnings.")
    head = list(head)
    if shown:
        head.append("> [!WARNING]\n" + "\n".join(f"> - {w}" for w in shown))
    opt_ins = _opt_ins_text(standing, doors)
    if opt_ins:
        head.append(opt_ins)
    drawn = chart([c.report for c in campaigns])
    if drawn:
        head.append(drawn)
    units = _units(campaigns)
    for compact in (False, True):
        text = _comment(head, [_section(u, compact) for u in units], limit)
        if text:
            return text
    return _fitted(head, units, limit)


def _fitted(head: list[str], units: Sequence[Sequence[Campaign]], limit: int) -> str:
    """As many compact lines as fit, then how many were left out."""
    sections: list[str] = []
    for index, unit in enumerate(units):
        left = sum(len(u) for u in units[index:])
        note = f"_... and {left} more campaigns, left out to fit one comment._"
        if not _comment(head, [*sections, _section(unit, True), note], limit):
            return _comment(head, [*sections, note], limit) or "\n\n".join(head) + "\n"
        sections.append(_section(unit, True))
    return "\n\n".join(head + sections) + "\n"


def _quoted(errors: Sequence[str], budget: int) -> list[str]:
    """Each error as a quote, masked (a safety net: errors name paths, never a number), as
    many as fit in ``budget`` characters."""
    quoted = []
    for error in errors:
        text = mask_text(error)
        if len(text) > MAX_ERROR_CHARS:
            text = text[:MAX_ERROR_CHARS] + " ..."
        quoted.append("> " + "\n> ".join(html.escape(text, quote=False).splitlines()))
    shown: list[str] = []
    for index, quote in enumerate(quoted):
        if shown and sum(len(q) + 2 for q in shown) + len(quote) > budget:
            shown.append(f"> ... ({len(quoted) - index} more errors left out)")
            break
        shown.append(quote)
    return shown


def failed_head(
    marker: str,
    drift: bool,
    errors: Sequence[str],
    judged: Sequence[Campaign],
    standing: Sequence[CampaignReport],
    unjudged: Sequence[str],
) -> list[str]:
    """The top of a failed preview's comment: that it failed, its errors quoted (masked),
    what it judged before it stopped and which changes nobody judged. Never "no changes":
    a failed preview says nothing of the campaigns it did not reach."""
    what = "the drift check's preview failed" if drift else "the preview failed"
    count = f"{len(errors)} error" + ("s" if len(errors) != 1 else "")
    head = [
        marker,
        f"**Cozmox: {what}.** Nothing here may be applied until it passes; {count}:",
        *_quoted(errors, MAX_CHARS // 3),
    ]
    changes = [c for c in judged if c.report.action is not None]
    if changes:
        judged_text = summary(changes, standing).removeprefix("**Cozmox: ")
        head.append(f"**Judged before it stopped (not the whole plan): {judged_text}")
    else:
        head.append("The preview judged no campaign change before it stopped.")
    if unjudged:
        shown = ", ".join(_code(name) for name in unjudged[:MAX_NAMES])
        more = len(unjudged) - MAX_NAMES
        shown += f" and {more} more" if more > 0 else ""
        head.append(f"**Not judged** (whom they call is unknown): {shown}.")
    return head
