"""What a reviewer must see of one campaign change, as short plain-English preview lines.

:class:`CampaignReport` holds the facts; :func:`make_report` builds one from what the provider
has (the plan, the old outputs, the customers delta, the calling hours); :func:`to_lines` writes
it as one to four lines and :func:`parse_lines` reads such lines back (``pulumi-cozmox review``
gets them from ``pulumi preview --json`` ``diagnostics[]``).

Every line starts with :data:`MARKER` and the resource name (JSON-quoted when it holds anything
but letters, digits and ``._/-``), then one of four kinds (the last two shortened here)::

    cozmox: spring-checkup: replace (customers, name changed); campaign 6f1e0c2a
    cozmox: spring-checkup: status in-progress; calls so far: 3 scheduled, 0 queued, \
1 in progress, 0 voicemail, 2 ended
    cozmox: spring-checkup: customers: 1 added, 1 removed, 1 changed, 2 unchanged \
(added +1 ••• ••• ••04; removed +1 ••• ••• ••01; changed +1 ••• ••• ••02)
    cozmox: spring-checkup: calls 4 people (3 again) 2030-03-04 09:00-12:00 UTC, 4 people \
outside 08:00-21:00; America/Los_Angeles 01:00-04:00 (4 people, outside 08:00-21:00: before 08:00)

The first (action, the changed inputs, the campaign id) is always there; the status line when
the campaign exists; the customers line when both customer lists are known (a replacement);
the calls line says how many people the change calls and how many of them again, the window in
UTC (``, starts at once`` when it is already open; ``from ... UTC, no end`` when open-ended)
and in each time zone (local times; the date only where it differs from the UTC start date),
the zones' customers and whether the window allows calls before 08:00 or after 21:00 there.
No line holds a number, name or email: only masked samples (``+1 ••• ••• ••04``).

Pure: no I/O, no pulumi import.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields, replace
from datetime import datetime, timezone
from typing import Any

from pulumi_cozmox.core.model.delta import CustomerKey, CustomersDelta
from pulumi_cozmox.core.model.mask import MASK, mask_number
from pulumi_cozmox.core.resource.fields import LIVE_STATUSES, count_of
from pulumi_cozmox.core.rules.hours import CallingHours, ZoneHours, zone_info

__all__ = [
    "ACTIONS",
    "AlsoCalled",
    "Stop",
    "MARKER",
    "MAX_SAMPLES",
    "MAX_ZONES",
    "CampaignReport",
    "Counters",
    "DeltaFacts",
    "ZoneFacts",
    "counters_of",
    "counters_text",
    "delta_text",
    "make_report",
    "mask_key",
    "opt_in_lines",
    "parse_lines",
    "people_text",
    "standing_opt_ins",
    "stop_text",
    "strip_ansi",
    "to_lines",
    "window_text",
    "zone_text",
]

#: How every report line starts.
MARKER = "cozmox:"
ACTIONS = ("create", "adopt", "replace", "update", "delete")
#: Masked samples per kind (added, removed, changed) on the customers line.
MAX_SAMPLES = 3
#: Zones listed on the calls line; the rest are summed up as "+N more zones".
MAX_ZONES = 5

_PLAIN_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._/-]*")
_COUNTER_NAMES = ("scheduled", "queued", "in progress", "voicemail", "ended")
_DELTA_NAMES = ("added", "removed", "changed", "unchanged")
#: The built-in rule, as lines name it.
DEFAULT_RULE = "08:00-21:00"
_OUTSIDE = f"outside {DEFAULT_RULE}"
_HOURS = re.compile(r"(\d\d:\d\d)-(\d\d:\d\d)")


@dataclass(frozen=True)
class Counters:
    """A campaign's call counters (``callsCounter*``)."""

    scheduled: int = 0
    queued: int = 0
    in_progress: int = 0
    voicemail: int = 0
    """``callsCounterEndedVoicemail``."""
    ended: int = 0


@dataclass(frozen=True)
class DeltaFacts:
    """The customers delta as counts and a few masked samples of each kind."""

    added: int = 0
    removed: int = 0
    changed: int = 0
    unchanged: int = 0
    added_samples: tuple[str, ...] = ()
    removed_samples: tuple[str, ...] = ()
    changed_samples: tuple[str, ...] = ()


@dataclass(frozen=True)
class ZoneFacts:
    """One time zone's share of a window (local times follow from the window and the zone),
    for the people one rule judges there."""

    zone: str
    people: int
    before_hours: bool = False
    after_hours: bool = False
    rule: str = ""
    """The calling policy's rule (``US-FL 08:00-20:00``); "" for the built-in 08:00-21:00."""
    off_days: tuple[str, ...] = ()
    """Weekdays the window meets that the rule does not allow (``Sun``)."""
    blackouts: tuple[str, ...] = ()
    """Blackout dates of the rule the window meets (``2099-12-25``)."""

    @property
    def outside(self) -> bool:
        return self.before_hours or self.after_hours or bool(self.off_days or self.blackouts)

    @property
    def rule_text(self) -> str:
        return self.rule or DEFAULT_RULE

    @property
    def why(self) -> str:
        """``before 08:00 and after 20:00``, ``on Sun``, ``on 2099-12-25``."""
        first, last = _HOURS.search(self.rule_text).groups()  # type: ignore[union-attr]
        parts = [f"before {first}"] if self.before_hours else []
        parts += [f"after {last}"] if self.after_hours else []
        parts += [f"on {day}" for day in (*self.off_days, *self.blackouts)]
        return " and ".join(parts)


@dataclass(frozen=True)
class Stop:
    """What ending a campaign now does: calls never placed, calls in progress that finish."""

    not_placed: int
    in_progress: int


@dataclass(frozen=True)
class AlsoCalled:
    """Another campaign calling some of the same people within the call limit's period."""

    other: str
    """``campaign ID (resource "x")``, or ``resource "x" (created in this run)``."""
    people: int
    when: str
    """Its window: ``2099-01-01 17:00-20:00 UTC``."""


@dataclass(frozen=True)
class CampaignReport:
    """Everything a reviewer must see for one campaign a change touches."""

    resource: str
    """The Pulumi resource name."""
    action: str
    """One of :data:`ACTIONS` (``adopt``: a create that takes over an existing campaign)."""
    reasons: tuple[str, ...] = ()
    """The inputs that changed (snake_case), for a replace or an update."""
    campaign_id: str | None = None
    status: str | None = None
    """The existing campaign's status (scheduled, in-progress, ended)."""
    status_recorded: bool = False
    """The status is the one the stack's state recorded (not read from the API just now)."""
    counters: Counters | None = None
    """The existing campaign's counters, when it has dialed."""
    delta: DeltaFacts | None = None
    """Customers added/removed/changed, when both lists are known."""
    people: int | None = None
    """How many people the change calls (create, replace: every customer; else 0)."""
    again: int | None = None
    """How many of them the old campaign had (when it has dialed): called again."""
    window_start: datetime | None = None
    """UTC, to the minute; None when the report has no window."""
    window_end: datetime | None = None
    """UTC, to the minute; None when open-ended (or no window)."""
    at_once: bool = False
    """The window is already open: dialing starts as soon as the campaign is created."""
    zones: tuple[ZoneFacts, ...] = ()
    """At most :data:`MAX_ZONES`, those with people outside hours first."""
    more_zones: int = 0
    """Zones beyond :attr:`zones`."""
    more_zones_outside: int = 0
    """Of :attr:`more_zones`, those whose window is outside calling hours."""
    unknown_zone_people: int = 0
    """People whose number has no known time zone."""
    outside_people: int = 0
    """People called outside 08:00-21:00 in at least one of their zones."""
    do_not_call: int | None = None
    """Customers on the do-not-call list (None: no list is configured, or not judged)."""
    call_limit: str | None = None
    """The call limit judged (``1/24h``), None when none is configured."""
    also_called: tuple[AlsoCalled, ...] = ()
    """Other campaigns that call some of the same people within the call limit's period."""
    opt_ins: tuple[str, ...] = ()
    """Standing opt-ins in force (``allow_redial=True``), said at every preview."""
    stops: Stop | None = None
    """What ending the campaign cuts short (``ended=True``, or a delete of one dialing)."""

    @property
    def dialed(self) -> bool:
        """The existing campaign has placed calls (in progress or ended)."""
        return self.status in LIVE_STATUSES


# --------------------------------------------------------------------------------------------
# Building a report.


def mask_key(key: CustomerKey) -> str:
    """A customer key of :mod:`pulumi_cozmox.core.model.delta`, masked: a number as ``+1 ••• •••
    ••04``,
    a SIP URI as ``sip:•••``, a customer without either as ``customers[3]``."""
    kind, value = key[0], key[1]
    if kind == "number":
        return mask_number(str(value))
    if kind == "sipUri":
        return f"sip:{MASK * 3}"
    return f"customers[{value}]"


def counters_of(outputs: Mapping[str, Any]) -> Counters:
    """The counters in a campaign's outputs (snake_case ``calls_counter_*``)."""
    return Counters(
        scheduled=count_of(outputs.get("calls_counter_scheduled")) or 0,
        queued=count_of(outputs.get("calls_counter_queued")) or 0,
        in_progress=count_of(outputs.get("calls_counter_in_progress")) or 0,
        voicemail=count_of(outputs.get("calls_counter_ended_voicemail")) or 0,
        ended=count_of(outputs.get("calls_counter_ended")) or 0,
    )


def _zone_facts(zone: ZoneHours, *, named: bool) -> ZoneFacts:
    return ZoneFacts(
        zone.zone,
        zone.customers,
        zone.before_hours,
        zone.after_hours,
        rule=zone.rule.label if named else "",
        off_days=zone.off_days,
        blackouts=tuple(d.isoformat() for d in zone.blackouts),
    )


def _minute(moment: datetime) -> datetime:
    return moment.astimezone(timezone.utc).replace(second=0, microsecond=0)


def make_report(
    resource: str,
    action: str,
    *,
    reasons: Sequence[str] = (),
    campaign_id: str | None = None,
    old_outputs: Mapping[str, Any] | None = None,
    delta: CustomersDelta | None = None,
    customer_count: int | None = None,
    hours: CallingHours | None = None,
) -> CampaignReport:
    """The report of one campaign change.

    ``old_outputs``: the recorded outputs (status, counters) of an existing campaign.
    ``delta``: old -> new customers (a replacement). ``customer_count``: customers of the
    new
    campaign (create, replace). ``hours``: :func:`pulumi_cozmox.core.rules.hours.calling_hours` of
    the
    customers the change dials (or, for a schedule update, of the campaign's customers).
    """
    if action not in ACTIONS:
        raise ValueError(f"action must be one of {', '.join(ACTIONS)}, not {action!r}")
    outputs = old_outputs or {}
    status = outputs.get("status") if isinstance(outputs.get("status"), str) else None
    counters = counters_of(outputs) if status in LIVE_STATUSES else None
    people: int | None
    again: int | None
    if action in ("create", "replace"):
        people = customer_count
        if people is None and hours is not None:
            people = hours.people
        if action == "replace" and status in LIVE_STATUSES:
            again = delta.kept if delta is not None else None
        else:
            again = 0
    else:
        people, again = 0, 0
    delta_facts = None
    if delta is not None:
        delta_facts = DeltaFacts(
            added=len(delta.added),
            removed=len(delta.removed),
            changed=len(delta.changed),
            unchanged=delta.unchanged,
            added_samples=tuple(mask_key(k) for k in delta.added[:MAX_SAMPLES]),
            removed_samples=tuple(mask_key(k) for k in delta.removed[:MAX_SAMPLES]),
            changed_samples=tuple(mask_key(k) for k in delta.changed[:MAX_SAMPLES]),
        )
    report = CampaignReport(
        resource=resource,
        action=action,
        reasons=tuple(reasons),
        campaign_id=campaign_id,
        status=status,
        counters=counters,
        delta=delta_facts,
        people=people,
        again=again,
    )
    if hours is None:
        return report
    zones = sorted(hours.zones, key=lambda z: (not z.outside, -z.customers, z.zone))
    shown, rest = zones[:MAX_ZONES], zones[MAX_ZONES:]
    return replace(
        report,
        window_start=_minute(hours.window.start),
        window_end=_minute(hours.window.end) if hours.window.end is not None else None,
        at_once=hours.window.at_once,
        zones=tuple(_zone_facts(z, named=hours.policy.source is not None) for z in shown),
        more_zones=len(rest),
        more_zones_outside=sum(1 for z in rest if z.outside),
        unknown_zone_people=hours.unknown,
        outside_people=hours.outside,
    )


# --------------------------------------------------------------------------------------------
# Writing lines.


def _name(resource: str) -> str:
    if _PLAIN_NAME.fullmatch(resource):
        return resource
    return json.dumps(resource, ensure_ascii=False)


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


def window_text(report: CampaignReport) -> str:
    """``2030-03-04 09:00-12:00 UTC``, ``from ... UTC, no end``, ``, starts at once``."""
    start = report.window_start
    assert start is not None
    end = report.window_end
    if end is None:
        text = f"from {start.strftime('%Y-%m-%d %H:%M')} UTC, no end"
    elif end.date() == start.date():
        text = f"{start.strftime('%Y-%m-%d %H:%M')}-{end.strftime('%H:%M')} UTC"
    else:
        text = f"{start.strftime('%Y-%m-%d %H:%M')} - {end.strftime('%Y-%m-%d %H:%M')} UTC"
    if report.at_once:
        text += ", starts at once"
    return text


def zone_text(report: CampaignReport, facts: ZoneFacts) -> str:
    """``America/Los_Angeles 01:00-04:00 (3 people, outside 08:00-21:00: before 08:00)``."""
    start = report.window_start
    assert start is not None
    zone = zone_info(facts.zone)
    when = ""
    if zone is not None:
        end = report.window_end.astimezone(zone) if report.window_end is not None else None
        when = " " + _range(start.astimezone(zone), end, start.date())
    if facts.outside:
        rule = f", outside {facts.rule_text}: {facts.why}"
    else:
        rule = f", {facts.rule}" if facts.rule else ""
    return f"{facts.zone}{when} ({people_text(facts.people)}{rule})"


def _calls_line(report: CampaignReport) -> str | None:
    if report.people is None and report.window_start is None:
        return None
    if report.people is None:
        text = "calls an unknown number of people"
    elif report.people == 0:
        text = "calls nobody"
    else:
        again = "an unknown number" if report.again is None else f"{report.again:,}"
        text = f"calls {people_text(report.people)} ({again} again)"
    if report.window_start is None:
        return text
    text += (" " if report.people else "; window ") + window_text(report)
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


def to_lines(report: CampaignReport) -> list[str]:
    """The report as 1-4 plain-English lines, each ``cozmox: <resource>: ...``."""
    head = f"{MARKER} {_name(report.resource)}: "
    action = report.action
    if report.reasons:
        action += f" ({', '.join(report.reasons)} changed)"
    if report.campaign_id:
        action += f"; campaign {report.campaign_id}"
    lines = [action]
    if report.status:
        status = f"status {report.status}" + (", as recorded" if report.status_recorded else "")
        if report.counters is not None:
            status += "; calls so far: " + counters_text(report.counters, report.status)
        lines.append(status)
    if report.delta is not None:
        d = report.delta
        text = "customers: " + delta_text(d)
        samples = [
            f"{kind} {', '.join(found)}"
            for kind, found in (
                ("added", d.added_samples),
                ("removed", d.removed_samples),
                ("changed", d.changed_samples),
            )
            if found
        ]
        if samples:
            text += f" ({'; '.join(samples)})"
        lines.append(text)
    calls = _calls_line(report)
    if calls is not None:
        lines.append(calls)
    rules = _rules_line(report)
    if rules is not None:
        lines.append(rules)
    if report.stops is not None:
        lines.append(stop_text(report.stops))
    return [head + line for line in lines]


def stop_text(stop: Stop) -> str:
    """``ends it: 40 calls not placed, 10 in progress finish``."""
    return f"ends it: {stop.not_placed:,} calls not placed, {stop.in_progress:,} in progress finish"


def _rules_line(report: CampaignReport) -> str | None:
    """``rules: 0 on the do-not-call list; call limit 2/7d: 2 people also called by ...``."""
    parts = []
    if report.do_not_call is not None:
        parts.append(f"{report.do_not_call:,} on the do-not-call list")
    if report.call_limit is not None:
        also = "; ".join(
            f"{people_text(a.people)} also called by {a.other} ({a.when})"
            for a in report.also_called
        )
        parts.append(f"call limit {report.call_limit}: {also or 'nobody called by another'}")
    return "rules: " + "; ".join(parts) if parts else None


#: Why each standing opt-in is worth a line at every preview.
OPT_IN_EFFECTS = {
    "allow_redial": "every change that calls this campaign's customers again is allowed",
    "allow_duplicate": "creating a copy of an identical campaign is allowed",
    "allow_outside_calling_hours": "a window outside calling hours is allowed",
}


def opt_in_lines(resource: str, inputs: Mapping[str, Any]) -> list[str]:
    """One line for a resource with standing opt-ins (set to ``True``): what they allow, and
    how to allow one case only. Empty when none stands."""
    standing = [flag for flag in OPT_IN_EFFECTS if inputs.get(flag) is True]
    if not standing:
        return []
    effects = "; ".join(f"{flag}=True: {OPT_IN_EFFECTS[flag]}" for flag in standing)
    named = [f for f in standing if f in ("allow_redial", "allow_duplicate")]
    hint = f' or name the one campaign it allows ({named[0]}="<campaign id>")' if named else ""
    return [
        f"{MARKER} {_name(resource)}: standing opt-in ({effects}); remove it once its change "
        f"is applied{',' if hint else ''}{hint}"
    ]


# --------------------------------------------------------------------------------------------
# Reading lines back.

_ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def strip_ansi(text: str) -> str:
    """``text`` without terminal colour codes (the CLI may keep them in messages)."""
    return _ANSI.sub("", text)


_NUMBER = r"\d[\d,]*"
_ACTION = re.compile(
    rf"(?P<action>{'|'.join(ACTIONS)})(?: \((?P<reasons>[^()]*) changed\))?"
    r"(?:; campaign (?P<id>\S+))?"
)
_STATUS = re.compile(
    r"status (?P<status>[^\s,;]+)(?P<recorded>, as recorded)?(?:; calls so far: (?:"
    + ", ".join(rf"(?P<c{i}>{_NUMBER}) {name}" for i, name in enumerate(_COUNTER_NAMES))
    + rf"|(?P<done>{_NUMBER}) of (?P<of>{_NUMBER}) calls ended"
    + rf"(?: \((?P<mail>{_NUMBER}) to voicemail\))?"
    + rf"(?:, (?P<finishing>{_NUMBER}) in progress finish)?))?"
)
_CUSTOMERS = re.compile(
    rf"customers: (?P<added>{_NUMBER}) added, (?P<removed>{_NUMBER}) removed, "
    rf"(?P<changed>{_NUMBER}) changed, (?P<unchanged>{_NUMBER}) unchanged"
    r"(?: \((?P<samples>[^()]*)\))?"
)
_CALLS = re.compile(
    r"calls (?:(?P<nobody>nobody)|(?P<unknown>an unknown number of people)|"
    rf"(?P<people>{_NUMBER}) (?:person|people) "
    rf"\((?:(?P<again>{_NUMBER})|an unknown number) again\))"
)
_STAMP = r"\d{4}-\d\d-\d\d \d\d:\d\d"
_WINDOW = re.compile(
    rf"(?:from (?P<open>{_STAMP}) UTC, no end"
    rf"|(?P<start>{_STAMP})(?:-(?P<end_time>\d\d:\d\d)| - (?P<end>{_STAMP})) UTC)"
    r"(?P<at_once>, starts at once)?"
    rf"(?:, (?P<outside>{_NUMBER}) (?:person|people) "
    rf"(?:{_OUTSIDE}|outside their calling rule))?"
)
_ZONE = re.compile(
    rf"(?P<zone>\S+)(?: [^()]*)? \((?P<people>{_NUMBER}) (?:person|people)"
    r"(?:, (?P<outside>outside )?(?P<rule>(?:[A-Z]{2}(?:-[A-Z0-9]{1,3})? )?"
    r"\d\d:\d\d-\d\d:\d\d(?: [A-Za-z,-]+)?)(?:: (?P<flags>[^()]+))?)?\)"
)
_MORE = re.compile(rf"\+(?P<zones>{_NUMBER}) more zones \((?P<outside>{_NUMBER}) outside\)")
_UNKNOWN = re.compile(rf"(?P<people>{_NUMBER}) (?:person|people) in unknown time zones")


def _int(text: str) -> int:
    return int(text.replace(",", ""))


def _stamp(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=timezone.utc)


def _split_name(rest: str) -> tuple[str, str] | None:
    """``<resource>: <body>`` -> (resource, body), or None."""
    if rest.startswith('"'):
        try:
            name, end = json.JSONDecoder().raw_decode(rest)
        except ValueError:
            return None
        if not isinstance(name, str) or not rest[end:].startswith(": "):
            return None
        return name, rest[end + 2 :]
    name, sep, body = rest.partition(": ")
    if not sep or not _PLAIN_NAME.fullmatch(name):
        return None
    return name, body


def _parse_calls(body: str) -> dict[str, Any] | None:
    head = _CALLS.match(body)
    if head is None:
        return None
    found: dict[str, Any] = {}
    if head["nobody"]:
        found.update(people=0, again=0)
    elif head["people"]:
        found["people"] = _int(head["people"])
        found["again"] = _int(head["again"]) if head["again"] else None
    rest = body[head.end() :]
    if not rest:
        return found
    prefix = " " if found.get("people") else "; window "
    if not rest.startswith(prefix):  # " " after a count of people, "; window " after none
        return None
    segments = rest[len(prefix) :].split("; ")
    window = _WINDOW.fullmatch(segments[0])
    if window is None:
        return None
    if window["open"]:
        found.update(window_start=_stamp(window["open"]), window_end=None)
    else:
        start = _stamp(window["start"])
        if window["end"]:
            end = _stamp(window["end"])
        else:
            end = _stamp(f"{window['start'][:10]} {window['end_time']}")
        found.update(window_start=start, window_end=end)
    found["at_once"] = bool(window["at_once"])
    found["outside_people"] = _int(window["outside"]) if window["outside"] else 0
    zones: list[ZoneFacts] = []
    for segment in segments[1:]:
        if (more := _MORE.fullmatch(segment)) is not None:
            found["more_zones"] = _int(more["zones"])
            found["more_zones_outside"] = _int(more["outside"])
        elif (unknown := _UNKNOWN.fullmatch(segment)) is not None:
            found["unknown_zone_people"] = _int(unknown["people"])
        elif (zone := _ZONE.fullmatch(segment)) is not None:
            flags = (zone["flags"] or "").split(" and ")
            rule = zone["rule"] or ""
            days = tuple(f[3:] for f in flags if f.startswith("on ") and len(f) == 6)
            dates = tuple(f[3:] for f in flags if f.startswith("on ") and len(f) > 6)
            zones.append(
                ZoneFacts(
                    zone["zone"],
                    _int(zone["people"]),
                    any(f.startswith("before ") for f in flags),
                    any(f.startswith("after ") for f in flags),
                    rule="" if rule == DEFAULT_RULE else rule,
                    off_days=days,
                    blackouts=dates,
                )
            )
        else:
            return None
    found["zones"] = tuple(zones)
    return found


def _parse_samples(text: str | None) -> dict[str, tuple[str, ...]]:
    samples: dict[str, tuple[str, ...]] = {}
    for part in (text or "").split("; "):
        kind, _, listed = part.partition(" ")
        if kind in ("added", "removed", "changed") and listed:
            samples[kind] = tuple(listed.split(", "))
    return samples


_OPT_IN = re.compile(r"standing opt-in \((?P<effects>.*)\); remove it once its change is applied.*")
_ALSO = re.compile(
    rf"(?P<people>{_NUMBER}) (?:person|people) also called by (?P<other>.+) \((?P<when>[^()]*)\)"
)


def _parse_rules(body: str) -> dict[str, Any] | None:
    found: dict[str, Any] = {}
    for part in body.removeprefix("rules: ").split("; "):
        if part.endswith(" on the do-not-call list"):
            found["do_not_call"] = _int(part.split(" ", 1)[0])
        elif part.startswith("call limit "):
            limit, _, first = part.removeprefix("call limit ").partition(": ")
            found["call_limit"] = limit
            found["also_called"] = ()
            part = first
        if (also := _ALSO.fullmatch(part)) is not None:
            entry = AlsoCalled(also["other"], _int(also["people"]), also["when"])
            found["also_called"] = (*found.get("also_called", ()), entry)
    return found


_STOP = re.compile(
    rf"ends it: (?P<not_placed>{_NUMBER}) calls not placed, (?P<in_progress>{_NUMBER}) in "
    "progress finish"
)


def _parse_body(body: str) -> dict[str, Any] | None:
    """The facts one line's body states, as CampaignReport fields; None if not a report line."""
    if (stop := _STOP.fullmatch(body)) is not None:
        return {"stops": Stop(_int(stop["not_placed"]), _int(stop["in_progress"]))}
    if body.startswith("rules: "):
        return _parse_rules(body)
    if (m := _OPT_IN.fullmatch(body)) is not None:
        flags = (e.split(":", 1)[0].removesuffix("=True") for e in m["effects"].split("; "))
        return {"opt_ins": tuple(flags)}
    if (m := _ACTION.fullmatch(body)) is not None:
        reasons = tuple(m["reasons"].split(", ")) if m["reasons"] else ()
        return {"action": m["action"], "reasons": reasons, "campaign_id": m["id"]}
    if (m := _STATUS.fullmatch(body)) is not None:
        counters = None
        if m["c0"] is not None:
            counters = Counters(*(_int(m[f"c{i}"]) for i in range(len(_COUNTER_NAMES))))
        elif m["done"] is not None:
            mail = _int(m["mail"]) if m["mail"] else 0
            finishing = _int(m["finishing"]) if m["finishing"] else 0
            counters = Counters(
                scheduled=_int(m["of"]),
                in_progress=finishing,
                voicemail=mail,
                ended=_int(m["done"]),
            )
        return {"status": m["status"], "status_recorded": bool(m["recorded"]), "counters": counters}
    if (m := _CUSTOMERS.fullmatch(body)) is not None:
        samples = _parse_samples(m["samples"])
        delta = DeltaFacts(
            added=_int(m["added"]),
            removed=_int(m["removed"]),
            changed=_int(m["changed"]),
            unchanged=_int(m["unchanged"]),
            added_samples=samples.get("added", ()),
            removed_samples=samples.get("removed", ()),
            changed_samples=samples.get("changed", ()),
        )
        return {"delta": delta}
    return _parse_calls(body)


def _parse_all(lines: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Every resource's facts in ``lines``, in order of first appearance."""
    found: dict[str, dict[str, Any]] = {}
    for chunk in lines:
        for raw in strip_ansi(chunk).splitlines():
            line = raw.strip()
            if not line.startswith(MARKER + " "):
                continue
            split = _split_name(line[len(MARKER) + 1 :])
            if split is None:
                continue
            resource, body = split
            facts = _parse_body(body)
            if facts is not None:
                found.setdefault(resource, {}).update(facts)
    return found


def standing_opt_ins(lines: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """Resource -> its standing opt-ins, for every resource the lines say has some (changed
    by the plan or not)."""
    return {
        name: facts["opt_ins"] for name, facts in _parse_all(lines).items() if "opt_ins" in facts
    }


def parse_lines(lines: Iterable[str]) -> list[CampaignReport]:
    """The reports in ``lines`` (text lines, or messages holding several lines; ANSI colour
    codes and surrounding blanks are ignored, and so are lines that are not report lines).

    Lines of one resource are merged in order: a later line's facts replace an earlier one's.
    A resource without an action line is left out. Reports come in order of first appearance.
    """
    found = _parse_all(lines)
    known = {f.name for f in fields(CampaignReport)}
    return [
        CampaignReport(resource=name, **{k: v for k, v in facts.items() if k in known})
        for name, facts in found.items()
        if "action" in facts
    ]
