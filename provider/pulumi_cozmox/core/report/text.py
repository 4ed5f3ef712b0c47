"""The lines a person reads of a report, rendered from the record (:mod:`.record`).

Every line starts with :data:`MARKER` and the resource name (JSON-quoted when it holds anything
but letters, digits and ``._/-``); the fields are spelled as the program of ``door`` spells them
(``schedule_plan`` in Python, ``schedulePlan`` in YAML). For example (shortened)::

    cozmox: spring-checkup: replace (customers, name changed); campaign 6f1e0c2a
    cozmox: spring-checkup: status in-progress; calls so far: 3 scheduled, 0 queued, ...
    cozmox: spring-checkup: customers: 1 added, 1 removed, 1 changed, 2 unchanged (added +1 •••
      ••• ••04; removed +1 ••• ••• ••01; changed +1 ••• ••• ••02: name)
    cozmox: spring-checkup: calls 4 people (3 again) 2030-03-04 09:00-12:00 UTC, 4 people
      outside 08:00-21:00; America/Los_Angeles 01:00-04:00 (4 people, outside ...: before 08:00)

The action line is always there (for a report with an action); then the status when the
campaign exists, the customers when both lists are known, who is called and when (the window in
UTC and in each time zone, local times, the date only where it differs from the UTC start), what
the campaign names (the assistant or workflow, and the line it calls from, as the API read them:
``assistant "Reminders" (asst-1); calls from +14155550100 "Front desk" (pn-1)``), the stack's
rules, what ending the campaign cuts short, the standing opt-ins. No line holds a customer's
number, name or email: customers appear only as masked keys.

Pure: no I/O, no pulumi import.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from typing import Any

from pulumi_cozmox.core.report.record import (
    DEFAULT_RULE,
    CampaignReport,
    Counters,
    DeltaFacts,
    Named,
    Stop,
    ZoneFacts,
)
from pulumi_cozmox.core.resource import names
from pulumi_cozmox.core.rules.hours import zone_info

__all__ = [
    "MARKER",
    "counters_text",
    "delta_text",
    "field_list",
    "names_text",
    "opt_in_line",
    "people_text",
    "span_text",
    "stop_text",
    "to_lines",
    "why_text",
    "window_text",
    "zone_text",
]

#: How every report line starts.
MARKER = "cozmox:"
_PLAIN_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._/-]*")
_COUNTER_NAMES = ("scheduled", "queued", "in progress", "voicemail", "ended")
_DELTA_NAMES = ("added", "removed", "changed", "unchanged")
_OUTSIDE = f"outside {DEFAULT_RULE}"

#: Why each standing opt-in is worth a line at every preview (by the field's API name).
OPT_IN_EFFECTS = {
    "allowRedial": "every change that calls this campaign's customers again is allowed",
    "allowDuplicate": "creating a copy of an identical campaign is allowed",
    "allowOutsideCallingHours": "a window outside calling hours is allowed",
}


def _name(resource: str) -> str:
    if _PLAIN_NAME.fullmatch(resource):
        return resource
    return json.dumps(resource, ensure_ascii=False)


def field_list(api_names: tuple[str, ...], door: str) -> str:
    """``customers, schedule_plan`` as ``door`` spells the fields."""
    return ", ".join(names.render(names.field(n), door) for n in api_names)


def people_text(count: int | None) -> str:
    """``1 person``, ``10,000 people``, ``an unknown number of people``."""
    if count is None:
        return "an unknown number of people"
    return f"{count:,} " + ("person" if count == 1 else "people")


def _range(start: datetime, end: datetime | None, reference: Any) -> str:
    """``09:00-12:00`` (dates shown where they differ from ``reference`` / the start's date)."""
    first = start.strftime("%H:%M")
    if start.date() != reference:
        first = start.strftime("%Y-%m-%d ") + first
    if end is None:
        return f"from {first}"
    if end.date() == start.date():
        return f"{first}-{end.strftime('%H:%M')}"
    return f"{first} - {end.strftime('%Y-%m-%d %H:%M')}"


def span_text(start: datetime, end: datetime | None) -> str:
    """``2030-03-04 09:00-12:00 UTC``, ``from 2030-03-04 09:00 UTC, no end``."""
    if end is None:
        return f"from {start.strftime('%Y-%m-%d %H:%M')} UTC, no end"
    if end.date() == start.date():
        return f"{start.strftime('%Y-%m-%d %H:%M')}-{end.strftime('%H:%M')} UTC"
    return f"{start.strftime('%Y-%m-%d %H:%M')} - {end.strftime('%Y-%m-%d %H:%M')} UTC"


def window_text(report: CampaignReport) -> str:
    """``2030-03-04 09:00-12:00 UTC``, ``from ... UTC, no end``, ``, starts at once``."""
    assert report.window_start is not None
    text = span_text(report.window_start, report.window_end)
    return text + (", starts at once" if report.at_once else "")


def why_text(facts: ZoneFacts) -> str:
    """``before 08:00 and after 20:00``, ``on Sun``, ``on 2099-12-25 (blackout date)``."""
    first, _, last = facts.hours.partition("-")
    parts = [f"before {first}"] if facts.before_hours else []
    parts += [f"after {last}"] if facts.after_hours else []
    parts += [f"on {day}" for day in facts.off_days]
    parts += [f"on {day} (blackout date)" for day in facts.blackouts]
    return " and ".join(parts)


def zone_text(report: CampaignReport, facts: ZoneFacts) -> str:
    """``America/Los_Angeles 01:00-04:00 (3 people, outside 08:00-21:00: before 08:00)``."""
    assert report.window_start is not None
    return f"{facts.zone}{_local(report, facts)} ({zone_detail(facts)})"


def _local(report: CampaignReport, facts: ZoneFacts) -> str:
    start = report.window_start
    zone = zone_info(facts.zone)
    if zone is None or start is None:
        return ""
    end = report.window_end.astimezone(zone) if report.window_end is not None else None
    return " " + _range(start.astimezone(zone), end, start.date())


def zone_detail(facts: ZoneFacts) -> str:
    """``3 people, outside 08:00-21:00: before 08:00``, ``2 people, US-FL 08:00-20:00``."""
    if facts.outside:
        return f"{people_text(facts.people)}, outside {facts.rule_text}: {why_text(facts)}"
    return people_text(facts.people) + (f", {facts.rule}" if facts.rule else "")


def local_window(report: CampaignReport, facts: ZoneFacts) -> str:
    """The window in a zone's local time (``01:00-04:00``), "" when the zone is unknown."""
    return _local(report, facts).strip()


def _calls_line(report: CampaignReport) -> str | None:
    if report.people is None and report.window_start is None:
        return None
    if report.people is None:
        text = "calls an unknown number of people"
    elif report.people == 0:
        text = "calls nobody"
    elif report.action == "adopt":
        text = f"calls {people_text(report.people)} it has not called yet"
    else:
        again = "an unknown number" if report.again is None else f"{report.again:,}"
        text = f"calls {people_text(report.people)} ({again} again)"
    if report.window_start is None:
        return text
    text += (" " if report.people else "; window ") + window_text(report)
    if report.old_window_start is not None:
        text += f" (was {span_text(report.old_window_start, report.old_window_end)})"
    if report.outside_people:
        rules = {z.rule_text for z in report.zones if z.outside}
        outside = _OUTSIDE if rules <= {DEFAULT_RULE} else "outside their calling rule"
        text += f", {people_text(report.outside_people)} {outside}"
    parts = [text, *(zone_text(report, z) for z in report.zones)]
    if report.more_zones:
        parts.append(f"+{report.more_zones} more zones ({report.more_zones_outside} outside)")
    if report.unknown_zone_people:
        parts.append(f"{people_text(report.unknown_zone_people)} in unknown time zones")
    return "; ".join(parts)


def counters_text(c: Counters, status: str | None = None) -> str:
    """``3 scheduled, 0 queued, 1 in progress, 0 voicemail, 2 ended``; for an ended campaign,
    its history: ``50 of 50 calls ended (5 to voicemail)`` (no call is still to come)."""
    if status == "ended":
        voicemail = f" ({c.voicemail:,} to voicemail)" if c.voicemail else ""
        finishing = f", {c.in_progress:,} in progress finish" if c.in_progress else ""
        return f"{c.ended:,} of {c.scheduled:,} calls ended{voicemail}{finishing}"
    values = (c.scheduled, c.queued, c.in_progress, c.voicemail, c.ended)
    return ", ".join(f"{v:,} {n}" for v, n in zip(values, _COUNTER_NAMES, strict=True))


def delta_text(d: DeltaFacts) -> str:
    """``1 added, 1 removed, 1 changed, 2 unchanged``."""
    counts = (d.added, d.removed, d.changed, d.unchanged)
    return ", ".join(f"{n:,} {what}" for n, what in zip(counts, _DELTA_NAMES, strict=True))


def changed_samples(d: DeltaFacts) -> list[str]:
    """``+1 ••• ••• ••03: name, assistantOverrides.variableValues.slot`` per changed sample."""
    shown = []
    for index, key in enumerate(d.changed_samples):
        paths = d.changed_paths[index] if index < len(d.changed_paths) else ()
        shown.append(f"{key}: {', '.join(paths)}" if paths else key)
    return shown


def _customers_line(d: DeltaFacts) -> str:
    text = "customers: " + delta_text(d)
    samples = [
        f"{kind} {', '.join(found)}"
        for kind, found in (
            ("added", d.added_samples),
            ("removed", d.removed_samples),
            ("changed", changed_samples(d)),
        )
        if found
    ]
    if samples:
        text += f" ({'; '.join(samples)})"
    if d.field_counts:
        counts = ", ".join(f"{path} {count:,}" for path, count in d.field_counts)
        text += f"; fields changed: {counts}"
    return text


def _action_line(report: CampaignReport, door: str) -> str:
    action = str(report.action)
    if report.reasons:
        action += f" ({field_list(report.reasons, door)} changed)"
    if report.campaign_id:
        action += f"; campaign {report.campaign_id}"
    if report.old_name is not None and report.name is not None:
        action += f"; name {json.dumps(report.old_name)} -> {json.dumps(report.name)}"
    return action


def _status_line(report: CampaignReport) -> str:
    status = f"status {report.status}" + (", as recorded" if report.status_recorded else "")
    if report.counters is not None:
        status += "; calls so far: " + counters_text(report.counters, report.status)
    return status


def to_lines(report: CampaignReport, door: str = "python") -> list[str]:
    """The report as plain-English lines, each ``cozmox: <resource>: ...``."""
    lines = []
    if report.action is not None:
        lines.append(_action_line(report, door))
        if report.status:
            lines.append(_status_line(report))
        if report.delta is not None:
            lines.append(_customers_line(report.delta))
        calls = _calls_line(report)
        if calls is not None:
            lines.append(calls)
    if report.names:
        lines.append(names_text(report.names))
    rules = _rules_line(report)
    if rules is not None:
        lines.append(rules)
    if report.stops is not None:
        lines.append(stop_text(report.stops))
    head = f"{MARKER} {_name(report.resource)}: "
    body = [head + line for line in lines]
    if report.opt_ins:
        body.append(head + opt_in_line(report.opt_ins, door))
    return body


#: How the names line calls each field's object.
_NAMED = {"assistantId": "assistant", "workflowId": "workflow", "phoneNumberId": "calls from"}


def _named(found: Named) -> str:
    label = json.dumps(found.name, ensure_ascii=False) if found.name else "(no name)"
    if found.field == "phoneNumberId":
        label = f"{found.number} {label}" if found.number else label
    return f"{_NAMED.get(found.field, found.field)} {label} ({found.id})"


def names_text(named: tuple[Named, ...]) -> str:
    """``assistant "Reminders" (asst-1); calls from +14155550100 "Front desk" (pn-1)``."""
    return "; ".join(_named(found) for found in named)


def stop_text(stop: Stop) -> str:
    """``ends it: 40 calls not placed, 10 in progress finish``."""
    return f"ends it: {stop.not_placed:,} calls not placed, {stop.in_progress:,} in progress finish"


def _rules_line(report: CampaignReport) -> str | None:
    """``rules: 0 on the do-not-call list; call limit 2/7d: 2 people also called by ...``."""
    parts = []
    if report.do_not_call is not None:
        parts.append(f"{report.do_not_call:,} on the do-not-call list")
    if report.call_limit is not None and report.action is not None:
        also = "; ".join(
            f"{people_text(a.people)} also called by {a.other} ({a.when})"
            for a in report.also_called
        )
        parts.append(f"call limit {report.call_limit}: {also or 'nobody called by another'}")
    for over in report.over_limit:
        parts.append(
            f"warning: call limit {report.call_limit}: {people_text(over.people)} of this "
            f"campaign also called by {over.other} ({over.when}), created later: past the limit"
        )
    return "rules: " + "; ".join(parts) if parts else None


def opt_in_line(opt_ins: tuple[str, ...], door: str) -> str:
    """What standing opt-ins allow, and how to allow one case only."""
    effects = "; ".join(
        f"{names.render(names.setting(flag, True), door)}: {OPT_IN_EFFECTS.get(flag, '')}"
        for flag in opt_ins
    )
    named = [f for f in opt_ins if f in ("allowRedial", "allowDuplicate")]
    hint = ""
    if named:
        one = names.render(names.setting(named[0], "<campaign id>"), door)
        hint = f", or name the one campaign it allows ({one})"
    return f"standing opt-in ({effects}); remove it once its change is applied{hint}"
