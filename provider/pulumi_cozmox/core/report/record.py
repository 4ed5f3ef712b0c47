"""What a reviewer must see of one campaign change, as data: the report record.

:class:`CampaignReport` holds the facts of one campaign a change touches (built by
:mod:`.build`); :func:`to_record` writes it as one versioned JSON line behind
:data:`RECORD_PREFIX`, which the adapters print beside the lines a person reads
(:mod:`.text`, rendered from the same report). ``pulumi preview --json`` carries both in
``diagnostics[]``; ``pulumi-cozmox review`` finds the records (:func:`records_in`) and reads them
with a JSON parser: nothing reads the English back.

The record is ``{"version": 1, <the fields of CampaignReport>}``: field names as below (a field
at its default is left out), date-times as ISO 8601 UTC strings, nested facts as objects,
tuples as lists. Field names in
``reasons`` and ``opt_ins`` are the API's (``schedulePlan``, ``allowRedial``): each program
spells them its own way when they are shown. A reader ignores fields it does not know; a
record of a newer major version is skipped. No record holds a customer's number, name or
email: customers appear only as masked keys (``+1 ••• ••• ••04``) and paths (the phone number a
campaign calls from, in ``names``, is the org's own line).

Pure: no I/O, no pulumi import.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, fields, replace
from datetime import datetime

from pydantic import TypeAdapter, ValidationError

from pulumi_cozmox.core.resource.fields import LIVE_STATUSES

__all__ = [
    "ACTIONS",
    "DEFAULT_RULE",
    "RECORD_PREFIX",
    "RECORD_VERSION",
    "AlsoCalled",
    "CampaignReport",
    "Counters",
    "DeltaFacts",
    "Named",
    "Stop",
    "ZoneFacts",
    "from_record",
    "merge",
    "records_in",
    "strip_ansi",
    "to_record",
]

#: How every record line starts (then one JSON object).
RECORD_PREFIX = "cozmox-report: "
#: The record's format; a reader skips records of another version.
RECORD_VERSION = 1
ACTIONS = ("create", "adopt", "replace", "update", "delete", "forget")
#: The built-in rule, as reports name it.
DEFAULT_RULE = "08:00-21:00"


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
    changed_paths: tuple[tuple[str, ...], ...] = ()
    """For each changed sample, the paths of its fields that changed (``name``,
    ``assistantOverrides.variableValues.slot``): never a value."""
    field_counts: tuple[tuple[str, int], ...] = ()
    """How many changed customers each field path changed in, most first."""


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
    region: str = ""
    """The region whose rule applies (``US-FL``); "" for the policy's top level."""
    hours: str = DEFAULT_RULE
    """The rule's calling hours, local time."""

    @property
    def outside(self) -> bool:
        return self.before_hours or self.after_hours or bool(self.off_days or self.blackouts)

    @property
    def rule_text(self) -> str:
        return self.rule or DEFAULT_RULE


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
    start: datetime | None = None
    end: datetime | None = None


@dataclass(frozen=True)
class Named:
    """An object a campaign names, as the API's read of it found it: which field names it (the
    API's name: ``assistantId``, ``workflowId``, ``phoneNumberId``), its id, its name and, for
    a phone number, the number it calls from (a business line, not personal data)."""

    field: str
    id: str
    name: str | None = None
    number: str | None = None


@dataclass(frozen=True)
class CampaignReport:
    """Everything a reviewer must see for one campaign a change touches."""

    resource: str
    """The Pulumi resource name."""
    action: str | None = None
    """One of :data:`ACTIONS` (``adopt``: a create that takes over an existing campaign;
    ``forget``: a removal that keeps a dialed campaign in the API, Pulumi forgets it); None
    for a campaign the plan does not change (a report of standing facts only)."""
    reasons: tuple[str, ...] = ()
    """The fields that changed (the API's names), for a replace or an update."""
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
    """How many of them the old campaign had called: called again."""
    window_start: datetime | None = None
    """UTC, to the minute; None when the report has no window."""
    window_end: datetime | None = None
    """UTC, to the minute; None when open-ended (or no window)."""
    at_once: bool = False
    """The window is already open: dialing starts as soon as the campaign is created."""
    old_window_start: datetime | None = None
    """The window before the change (an update that moves it), UTC."""
    old_window_end: datetime | None = None
    old_name: str | None = None
    """The campaign's name before the change (a rename)."""
    name: str | None = None
    """The campaign's name after the change (a rename)."""
    zones: tuple[ZoneFacts, ...] = ()
    """At most :data:`pulumi_cozmox.core.report.build.MAX_ZONES`, those outside hours first."""
    more_zones: int = 0
    """Zones beyond :attr:`zones`."""
    more_zones_outside: int = 0
    """Of :attr:`more_zones`, those whose window is outside calling hours."""
    unknown_zone_people: int = 0
    """People whose number has no known time zone."""
    outside_people: int = 0
    """People called outside their calling rule in at least one of their zones."""
    do_not_call: int | None = None
    """Customers on the do-not-call list (None: no list is configured, or not judged)."""
    call_limit: str | None = None
    """The call limit judged (``1/24h``), None when none is configured."""
    also_called: tuple[AlsoCalled, ...] = ()
    """Other campaigns that call some of the same people within the call limit's period."""
    over_limit: tuple[AlsoCalled, ...] = ()
    """Campaigns created later elsewhere that put some of this campaign's people past the call
    limit (a warning: this campaign was first)."""
    opt_ins: tuple[str, ...] = ()
    """Standing opt-ins in force (``allowRedial``: set to true), said at every preview."""
    stops: Stop | None = None
    """What ending the campaign cuts short (``ended=True``, or a delete of one dialing)."""
    names: tuple[Named, ...] = ()
    """What the campaign names, read from the API when a change sets it: who speaks (the
    assistant or workflow) and the line it calls from (the phone number)."""

    @property
    def dialed(self) -> bool:
        """The existing campaign has placed calls (in progress, ended after calls)."""
        if self.status == "ended" and self.counters is not None:
            return self.counters.ended + self.counters.in_progress > 0
        return self.status in LIVE_STATUSES


_ADAPTER: TypeAdapter[CampaignReport] = TypeAdapter(CampaignReport)
_DEFAULTS = {f.name: f.default for f in fields(CampaignReport)}


def to_record(report: CampaignReport) -> str:
    """The report as one record line: :data:`RECORD_PREFIX` and one JSON object."""
    data = _ADAPTER.dump_python(report, mode="json", exclude_defaults=True)
    body = {"version": RECORD_VERSION, **data}
    return RECORD_PREFIX + json.dumps(body, ensure_ascii=False, separators=(",", ":"))


def from_record(line: str) -> CampaignReport | None:
    """The report in a record line (surrounding blanks and ANSI codes ignored); None when the
    line is no record of this version."""
    text = strip_ansi(line).strip()
    if not text.startswith(RECORD_PREFIX):
        return None
    try:
        data = json.loads(text[len(RECORD_PREFIX) :])
    except ValueError:
        return None
    if not isinstance(data, dict) or data.pop("version", None) != RECORD_VERSION:
        return None
    known = {k: v for k, v in data.items() if k in _DEFAULTS}
    try:
        return _ADAPTER.validate_python(known)
    except ValidationError:
        return None


def merge(earlier: CampaignReport, later: CampaignReport) -> CampaignReport:
    """One resource's reports as one: the later one's facts over the earlier's (a field the
    later leaves at its default keeps the earlier's value)."""
    changed = {
        name: getattr(later, name)
        for name, default in _DEFAULTS.items()
        if getattr(later, name) != default
    }
    return replace(earlier, **changed)


def records_in(messages: Iterable[str]) -> dict[str, CampaignReport]:
    """Every resource's report in ``messages`` (diagnostics: text that may hold several lines),
    in order of first appearance, the records of one resource merged (:func:`merge`)."""
    found: dict[str, CampaignReport] = {}
    for message in messages:
        for line in message.splitlines():
            report = from_record(line)
            if report is None:
                continue
            known = found.get(report.resource)
            found[report.resource] = report if known is None else merge(known, report)
    return found


_ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def strip_ansi(text: str) -> str:
    """``text`` without terminal colour codes (the CLI may keep them in messages)."""
    return _ANSI.sub("", text)
