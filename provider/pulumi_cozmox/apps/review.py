"""``pulumi-cozmox review``: a ``pulumi preview --json`` document -> one pull-request comment.

:func:`review` reads the document and returns the comment (GitHub Markdown, written by
:mod:`.comment`) and an exit code:

- :data:`EXIT_OK` (0): the comment describes every campaign the plan creates, replaces, updates
  or deletes;
- :data:`EXIT_PREVIEW_FAILED` (1): the preview failed (an ``error`` diagnostic); the comment
  quotes its errors, masked (numbers and emails, as a safety net: errors name paths). With
  ``--drift``, also when the org differs from the program;
- :data:`EXIT_UNREADABLE` (2, from the command): the input is not a preview document.

Where the facts come from: the plan's ``steps[]`` give the action (``op``), the campaign id,
the recorded outputs of an existing campaign (``status``, ``calls_counter_*``,
``customer_count``), the old and new inputs (name, ``schedule_plan``, ``customer_count``);
customers are ``"[secret]"`` there. The provider's report records
(:mod:`pulumi_cozmox.core.report.record`), found in ``diagnostics[].message`` and read with a
JSON parser, add the customers delta, who is called again, the local calling hours and the
rules' findings. Deletes never reach the provider at preview: their facts are the recorded
outputs. Pure: no I/O.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields, replace
from datetime import datetime, timezone
from typing import Any

from pulumi_cozmox.apps.comment import (
    COMMENT_MARKER,
    DRIFT_MARKER,
    MAX_CHARS,
    Campaign,
    failed_head,
    natural,
    render,
    summary,
)
from pulumi_cozmox.core.model.compare import same_instants
from pulumi_cozmox.core.plan.removal import OPT_IN, removal, removal_of_recorded
from pulumi_cozmox.core.report.build import counters_of
from pulumi_cozmox.core.report.record import CampaignReport, records_in, strip_ansi
from pulumi_cozmox.core.resource.fields import (
    CUSTOMERS_FILE,
    DELETED,
    INPUT_TO_API,
    LIVE_STATUSES,
    NATIVE_TYPE,
    by_python,
    count_of,
    python_name,
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
    "without_traceback",
]

EXIT_OK = 0
EXIT_PREVIEW_FAILED = 1
EXIT_UNREADABLE = 2
#: What the CLI says when ``--expect-no-changes`` meets changes: drift, not a failure.
NO_CHANGES_EXPECTED = "no changes were expected but changes were proposed"
#: What the Python SDK adds when a program's resource failed: the first error is the news.
CONSEQUENCE = "Resource monitor has terminated, shutting down"
#: The type token of a Campaign resource of the dynamic provider ends with this.
CAMPAIGN_TYPE = "dynamic/cozmox:Campaign"
_REPLACE_OPS = {"replace", "create-replacement", "delete-replaced", "discard-replaced"}

_TRACEBACK = "Traceback (most recent call last):"


@dataclass(frozen=True)
class Review:
    """The comment and the command's exit code."""

    markdown: str
    exit_code: int


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


def _snake_case(step: Mapping[str, Any]) -> Mapping[str, Any]:
    """A native resource's step with its properties under the props' snake_case keys (the
    ones the dynamic provider records), the customer count among the inputs."""

    def keys(values: Any) -> dict[str, Any]:
        return {python_name(k): v for k, v in _mapping(values).items()}

    converted = dict(step)
    for state in ("oldState", "newState"):
        if isinstance(step.get(state), Mapping):
            inputs, outputs = keys(step[state].get("inputs")), keys(step[state].get("outputs"))
            inputs.setdefault("customer_count", outputs.get("customer_count"))
            converted[state] = {**step[state], "inputs": inputs, "outputs": outputs}
    for key in ("diffReasons", "replaceReasons"):
        if isinstance(step.get(key), list):
            # A changed customers file is changed customers.
            converted[key] = [
                python_name("customers" if r == CUSTOMERS_FILE else r) for r in step[key]
            ]
    return converted


def _action(ops: set[str]) -> str | None:
    if ops & _REPLACE_OPS:
        return "replace"
    for op in ("create", "update", "delete"):
        if op in ops:
            return op  # a delete: "forget" or "delete", by the recorded state (_removal)
    return None  # same, read, refresh, ...: nothing happens to the campaign


def _reasons(
    action: str,
    steps: Sequence[Mapping[str, Any]],
    old: Mapping[str, Any],
    new: Mapping[str, Any],
) -> tuple[str, ...]:
    """The changed fields, by the API's names."""
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
    keys = (*INPUT_TO_API, "ended", "allow_redial", OPT_IN)
    listed.extend(k for k in keys if k in new and old.get(k) != new.get(k))
    return tuple(dict.fromkeys(_api(r) for r in listed))


def _api(key: str) -> str:
    field = by_python(key)
    return field.api if field is not None else key


def _window(plan: Any, now: datetime) -> tuple[datetime, datetime | None, bool]:
    window = dialing_window(plan if isinstance(plan, Mapping) else None, now=now)
    end = window.end.replace(second=0, microsecond=0) if window.end else None
    return window.start.replace(second=0, microsecond=0), end, window.at_once


def _moves(
    report: CampaignReport, old: Mapping[str, Any], new: Mapping[str, Any], now: datetime
) -> CampaignReport:
    """The window and the name before and after an update or a replacement that changes them."""
    if report.action not in ("update", "replace"):
        return report
    if "name" in report.reasons and isinstance(new.get("name"), str):
        report = replace(report, old_name=old.get("name"), name=new.get("name"))
    plan, before = new.get("schedule_plan"), old.get("schedule_plan")
    if "schedulePlan" in report.reasons and not same_instants(before, plan):
        created = _created(old) or now
        start, end, _ = _window(before, created)
        report = replace(report, old_window_start=start, old_window_end=end)
    return report


def _created(old: Mapping[str, Any]) -> datetime | None:
    value = old.get("created_at")
    try:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00")) if value else None
    except ValueError:
        return None


def _step_report(
    name: str, action: str, steps: Sequence[Mapping[str, Any]], now: datetime
) -> Campaign:
    old_state: Mapping[str, Any] = {}
    new_inputs: Mapping[str, Any] = {}
    # A refresh's step holds the state from before the refresh (the program's values, not
    # the org's): the change's own step holds what was found.
    steps = [s for s in steps if s.get("op") not in _NO_CHANGE] or steps
    for step in steps:
        old_state = old_state or _mapping(step.get("oldState"))
        new_inputs = new_inputs or _mapping(_mapping(step.get("newState")).get("inputs"))
    outputs = _mapping(old_state.get("outputs"))
    old_inputs = _mapping(old_state.get("inputs")) or outputs
    status = outputs.get("status") if isinstance(outputs.get("status"), str) else None
    reasons = _reasons(action, steps, old_inputs, new_inputs)
    people: int | None = 0
    again: int | None = 0
    counters = counters_of(outputs) if status in LIVE_STATUSES else None
    if action in ("create", "replace"):
        people = count_of(new_inputs.get("customer_count"))
        if action == "replace" and CampaignReport(name, status=status, counters=counters).dialed:
            # The same customers are called again, unless the customers changed (then the
            # provider's records say how many stayed).
            again = None if "customers" in reasons else people
    if action == "delete":
        action = _removal({**outputs, **old_inputs}, now)
    report = CampaignReport(
        resource=name,
        action=action,
        reasons=reasons,
        campaign_id=old_state.get("id") if isinstance(old_state.get("id"), str) else None,
        status=status,
        counters=counters,
        people=people,
        again=again,
    )
    plan = new_inputs.get("schedule_plan")
    if action in ("create", "replace") or (action == "update" and "schedulePlan" in reasons):
        start, end, at_once = _window(plan, now)
        report = replace(report, window_start=start, window_end=end, at_once=at_once)
    report = _moves(report, {**outputs, **old_inputs}, new_inputs, now)
    modified = old_state.get("modified")
    as_of = _minute(modified) if isinstance(modified, str) and status else None
    return Campaign(report, new_inputs, old_state, as_of)


def _removal(recorded: Mapping[str, Any], now: datetime) -> str:
    """``delete`` or ``forget`` (the record stays in the API), from the recorded state: deletes
    never reach the provider at preview. One recorded as scheduled whose window has opened
    has dialed by now, as far as a reviewer can tell (``up`` decides by its live status)."""
    if recorded.get("status") == "scheduled" and _window(recorded.get("schedule_plan"), now)[2]:
        return removal("in-progress", None, recorded.get(OPT_IN))
    return removal_of_recorded(recorded)


def _minute(stamp: str) -> str | None:
    """``2026-12-01T09:30:09.28Z`` -> ``2026-12-01 09:30 UTC``."""
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")


#: Facts of the plan that the provider's record never overrides.
_PLAN_FACTS = ("resource", "action", "old_name", "name", "old_window_start", "old_window_end")


def _merge(step: Campaign, record: CampaignReport | None) -> Campaign:
    """The provider's facts over the plan's; the plan's action, id and reasons win, and the
    status the provider read live wins over the recorded one (no "as of" then)."""
    if record is None:
        return step
    report = step.report
    merged = {f.name: getattr(report, f.name) for f in fields(CampaignReport)}
    defaults = CampaignReport(report.resource, report.action)
    for f in fields(CampaignReport):
        value = getattr(record, f.name)
        if value != getattr(defaults, f.name) and f.name not in _PLAN_FACTS:
            merged[f.name] = value
    if report.campaign_id:
        merged["campaign_id"] = report.campaign_id
    if report.action == "create" and record.action == "adopt":
        # The plan's create takes over a campaign: it calls whom the campaign has not called
        # yet, in what is left of its window (the provider's record says), nobody anew.
        merged["action"] = "adopt"
        merged["people"], merged["again"] = record.people or 0, 0
        if record.window_start is None:
            merged["window_start"] = merged["window_end"] = None
            merged["at_once"] = False
    live = record.status is not None and not record.status_recorded
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


def _grouped(document: Mapping[str, Any]) -> dict[str, list[Mapping[str, Any]]]:
    """The Campaign steps by URN (a native resource's as the dynamic provider's keys)."""
    grouped: dict[str, list[Mapping[str, Any]]] = {}
    for step in document.get("steps") or []:
        if not isinstance(step, Mapping):
            continue
        urn = str(step.get("urn", ""))
        if _type(urn).endswith(CAMPAIGN_TYPE):
            grouped.setdefault(urn, []).append(step)
        elif _type(urn) == NATIVE_TYPE:
            grouped.setdefault(urn, []).append(_snake_case(step))
    return grouped


def _campaigns(
    document: Mapping[str, Any], records: Mapping[str, CampaignReport], now: datetime
) -> list[Campaign]:
    found = []
    for urn, steps in _grouped(document).items():
        action = _action({str(s.get("op")) for s in steps})
        if action is None:
            continue
        name = _name(urn)
        step = _step_report(name, action, steps, now)
        if _type(urn) == NATIVE_TYPE:
            step = replace(step, native=True)
        found.append(_merge(step, records.get(name)))
    return sorted(found, key=lambda c: natural(c.report.resource))


def _doors(document: Mapping[str, Any]) -> dict[str, str]:
    """Resource name -> how its program spells fields (``native`` for YAML and TypeScript)."""
    return {
        _name(urn): "native" if _type(urn) == NATIVE_TYPE else "python"
        for urn in _grouped(document)
    }


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


def review(
    document: Mapping[str, Any],
    *,
    now: datetime | None = None,
    limit: int = MAX_CHARS,
    drift: bool = False,
    preview_exit: int | None = None,
    rules: Sequence[str] = (),
) -> Review:
    """The comment for a ``pulumi preview --json`` document. ``now``: when a window that is
    already open is judged (default: the current time); ``limit``: the comment's size;
    ``preview_exit``: the preview's exit status, when the caller kept it (a failure the JSON
    does not show); ``rules``: lines on the rules that judged the change (:mod:`.rules_review`).

    ``drift``: the document is a nightly ``pulumi preview --refresh --expect-no-changes``: the
    text reports drift (what differs between the org and the program, and standing warnings
    of the rules) and the exit code is 1 when there is some (or the preview failed), 0 when the
    org holds what the program says."""
    messages, errors = _messages(document)
    # --expect-no-changes exits non-zero on drift: the changes explain it.
    explained = drift and (any(NO_CHANGES_EXPECTED in e for e in errors) or _changes(document))
    if drift:
        errors = [e for e in errors if NO_CHANGES_EXPECTED not in e]
    errors += host_errors(document, errors)
    marker = DRIFT_MARKER if drift else COMMENT_MARKER
    records = records_in(messages)
    lost = _history_lost(records.values())
    campaigns = _campaigns(document, records, now or datetime.now(timezone.utc))
    standing = list(records.values())  # every record: standing opt-ins and warnings
    doors = _doors(document)
    unjudged = [] if drift else _unjudged(campaigns, records)
    if not errors and unjudged:
        errors = [_unjudged_error(c) for c in unjudged]
    if not errors and preview_exit and not explained:
        errors = [_exit_error(preview_exit)]
    if errors:
        errors = [without_traceback(e) for e in errors]
        errors = [e for e in errors if CONSEQUENCE not in e] or errors
        judged = [c for c in campaigns if c not in unjudged]
        names = [c.report.resource for c in unjudged]
        head = failed_head(marker, drift, errors, judged, standing, names)
        head = [head[0], *lost, *head[1:]]
        text = render(judged, standing, doors, limit, head=[*head, *rules])
        return Review(text, EXIT_PREVIEW_FAILED)
    if not drift:
        head = [marker, summary(campaigns, standing), *rules]
        return Review(render(campaigns, standing, doors, limit, head=head), EXIT_OK)
    warned = [r for r in standing if r.over_limit]
    if not campaigns and not warned:
        text = f"{marker}\n\n**Cozmox drift: none.** The org holds what the program declares.\n"
        return Review(text, EXIT_OK)
    head = [marker, *lost, _drift_head(campaigns, standing)]
    return Review(render(campaigns, standing, doors, limit, head=head), EXIT_PREVIEW_FAILED)


def _history_lost(records: Iterable[CampaignReport]) -> list[str]:
    """A line for each campaign that dialed and was deleted outside Pulumi (refresh found it
    gone: its record is status ``deleted``)."""
    return [
        f"**History lost:** <code>{html.escape(r.resource)}</code>: campaign "
        f"{html.escape(r.campaign_id or '?')} had dialed and was deleted outside Pulumi (in the "
        "dashboard or through the API): its record of who was called, and when, is gone from "
        "the org, and the call limit no longer counts its calls."
        for r in sorted(records, key=lambda r: natural(r.resource))
        if r.status == DELETED
    ]


# --------------------------------------------------------------------------------------------
# A failed preview: what its JSON shows of the failure, and what it says nothing of.

#: How a language host that is no Python program reports its own errors: a line of its
#: stderr (``info#err``), e.g. the YAML host's ``Error: Property schedulePlna does not exist``.
_HOST_ERROR = re.compile(r"^\s*(?:error|Error|ERROR)(?:\[\w-]+\])?: \S")


def host_errors(document: Mapping[str, Any], known: Sequence[str] = ()) -> list[str]:
    """The errors a language host wrote to its stderr (``info#err`` diagnostics, one a line),
    which the CLI reports beside a plan as if nothing failed (``changeSummary: {"create": 1}``),
    each with the lines that follow it (where, and what would do); not those ``known`` already
    quotes (the dynamic provider writes a refusal's words first)."""
    lines = [
        line.rstrip()
        for diagnostic in document.get("diagnostics") or []
        if isinstance(diagnostic, Mapping) and diagnostic.get("severity") == "info#err"
        for line in strip_ansi(str(diagnostic.get("message", ""))).splitlines()
        if line.strip()
    ]
    found: list[str] = []
    for index, line in enumerate(lines):
        words = line.strip().partition(": ")[2]
        if not _HOST_ERROR.match(line) or any(words in k for k in known):
            continue
        block = [line.strip()]
        for more in lines[index + 1 : index + 1 + _MORE_LINES]:
            if _HOST_ERROR.match(more) or more.startswith(("cozmox", "warning:")):
                break  # the next error, or the provider's own words
            block.append(more)
        found.append("\n".join(block))
    return list(dict.fromkeys(found))


#: Lines quoted after a host's error line (the YAML host says where, and what would do).
_MORE_LINES = 6


def _unjudged(campaigns: Sequence[Campaign], records: Mapping[str, Any]) -> list[Campaign]:
    """Campaigns the plan creates, replaces or updates whose record the provider never wrote:
    nothing judged them (deletes never reach the provider at preview: their facts are the
    state's)."""
    return [
        c
        for c in campaigns
        if c.report.action in ("create", "replace", "update") and c.report.resource not in records
    ]


def _unjudged_error(campaign: Campaign) -> str:
    r = campaign.report
    return (
        f"resource {r.resource!r}: the plan {_VERBED.get(str(r.action), r.action)} it, but the "
        "provider wrote no record of it: nobody judged whom it calls (did the preview stop "
        "early, or run with COZMOX_PREVIEW_REPORT=off?)"
    )


_VERBED = {"create": "creates", "replace": "replaces", "update": "updates"}


#: Step operations that change nothing.
_NO_CHANGE = ("same", "read", "refresh")


def _changes(document: Mapping[str, Any]) -> bool:
    steps = document.get("steps") or []
    return any(isinstance(s, Mapping) and s.get("op") not in _NO_CHANGE for s in steps)


def _exit_error(code: int) -> str:
    return (
        f"`pulumi preview` exited {code}, and its JSON output names no error: the job's log "
        "holds the reason"
    )


def _drift_head(campaigns: Sequence[Campaign], standing: Sequence[CampaignReport]) -> str:
    count = len(campaigns)
    if not count:
        return (
            "**Cozmox drift: the org's campaigns break the stack's rules.** The program is what "
            "the org holds, but see the warnings (" + summary(campaigns, standing).strip("*") + ")"
        )
    noun = "campaign differs" if count == 1 else "campaigns differ"
    return (
        f"**Cozmox drift: {count} {noun} from the program.** A `pulumi up` would make them "
        "what the program declares, as below (" + summary(campaigns, standing).strip("*") + ")"
    )


def is_preview(document: Any) -> bool:
    """Whether ``document`` looks like ``pulumi preview --json`` output."""
    return isinstance(document, Mapping) and ("steps" in document or "diagnostics" in document)
