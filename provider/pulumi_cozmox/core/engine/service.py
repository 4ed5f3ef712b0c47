"""The Campaign resource's logic, whatever the front door: check, diff, create, read, update,
delete over canonical inputs. No pulumi import.

Canonical inputs are a mapping with the inputs' snake_case keys (``name``, ``phone_number_id``,
``schedule_plan``, ``customers``, ``allow_redial``, ..., ``resource_name``), the customers as
one blob (:mod:`pulumi_cozmox.core.model.customers`), and every value not known yet (at preview) as
:data:`UNKNOWN`. The dynamic provider (:mod:`pulumi_cozmox.provider`) and the native plugin
(:mod:`pulumi_cozmox.native`) each turn the engine's values into that once, call one method of
:class:`CampaignService`, and turn its answer into the engine's: failures with API paths, a
:class:`Diff`, outputs, or a :class:`Refusal` (an error whose message says it all: the adapter
shows it without a traceback where the engine lets it). Lines for the person running Pulumi
(the preview report, warnings) go to the ``say`` callable each hook is given: the adapter knows
where they are shown (standard error for the dynamic provider, the engine's log with the
resource's URN for the plugin). Messages are written with the Python program's names
(``allow_redial="<id>"``); an adapter for another language renames them.
"""

from __future__ import annotations

import functools
import json
import os
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, TypeVar

from pulumi_cozmox._json import gc_paused
from pulumi_cozmox.client.api import CozmoxClient
from pulumi_cozmox.client.errors import (
    ConfigurationError,
    CozmoxError,
    DuplicateCampaign,
    NotFound,
    Refused,
    Unauthorized,
)
from pulumi_cozmox.client.settings import resolve_settings
from pulumi_cozmox.core.engine.create import create_campaign, screen
from pulumi_cozmox.core.engine.guard import Guard, span_text
from pulumi_cozmox.core.model.campaign import Declared, people_in
from pulumi_cozmox.core.model.compare import (
    customer_paths,
    differences,
    field_schema,
    instant,
    same_instants,
)
from pulumi_cozmox.core.plan.change import Plan, escalate, plan_change
from pulumi_cozmox.core.plan.refresh import outputs_from_api, project_inputs
from pulumi_cozmox.core.plan.refusal import (
    adopt_mismatch,
    allows,
    do_not_call_refusal,
    refusal,
    vanished,
)
from pulumi_cozmox.core.report.build import (
    RuleFacts,
    change_report,
    create_report,
    customers_of,
    hours_of,
    kept,
    resource_of,
)
from pulumi_cozmox.core.report.record import AlsoCalled, Stop, make_report, opt_in_lines, to_lines
from pulumi_cozmox.core.resource.fields import (
    DELETED,
    ENDED,
    INPUT_KEYS,
    INPUT_TO_API,
    LIVE_STATUSES,
    UNCOMPARED,
    count_of,
)
from pulumi_cozmox.core.rules.config import CONFIG_KEYS, Rules, resolve_rules
from pulumi_cozmox.core.rules.hours import OPT_OUT, CallingHours, calling_hours_problems
from pulumi_cozmox.core.rules.policy import DEFAULT_POLICY, CallingPolicy
from pulumi_cozmox.core.rules.validation import Problem, validate_campaign

__all__ = [
    "UNKNOWN",
    "CampaignService",
    "Diff",
    "Failure",
    "Read",
    "Refusal",
    "Unknown",
    "is_unknown",
]


class Unknown:
    """A value the engine does not know yet (preview; an output of a resource not created)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "UNKNOWN"


#: The one unknown value: adapters put it wherever the engine sent theirs.
UNKNOWN = Unknown()


class Refusal(Exception):
    """The change must not happen: the message names the resource, what would happen and the
    way out."""


@dataclass(frozen=True)
class Failure:
    """A check failure: ``path`` in the API's terms (``schedulePlan.latestAt``; "" for the
    whole campaign), ``reason`` for the person who wrote the program."""

    path: str
    reason: str


@dataclass(frozen=True)
class Diff:
    """What moving a campaign to the new inputs takes."""

    changes: bool
    replaces: tuple[str, ...] = ()
    """Inputs (snake_case) whose change needs a new campaign (deleted first, always)."""
    changed: tuple[str, ...] = ()
    """Every changed input (snake_case)."""
    paths: Mapping[str, str] = field(default_factory=dict)
    """Changed paths in the API's terms (``schedulePlan.latestAt``, ``customers``) -> ``update``
    or ``replace``: what a detailed diff shows (customers never below their own path)."""


@dataclass(frozen=True)
class Read:
    """A campaign read back (refresh, import): its id, outputs and the inputs they mean."""

    id: str
    outputs: dict[str, Any]
    inputs: dict[str, Any]


def _changed_paths(olds: Mapping[str, Any], news: Mapping[str, Any], plan: Plan) -> dict[str, str]:
    """The paths that change, in the API's terms, with whether they replace."""
    paths: dict[str, str] = {}
    for key in plan.changed:
        api = INPUT_TO_API.get(key, key)
        kind = "replace" if key in plan.replaces else "update"
        old, new = olds.get(key), news.get(key)
        if key != "customers" and isinstance(old, dict) and isinstance(new, dict):
            # Nested fields by their own paths (values never shown here, only the paths).
            for diff in differences(new, old, field_schema(api)) or ():
                paths[".".join([api, *map(str, diff)])] = kind
            if any(p.startswith(api + ".") for p in paths):
                continue
        paths[api] = kind
    return paths


#: Marks the inputs refresh returns for a campaign deleted outside Pulumi after it dialed
#: (the value is its id): check refuses to re-create it unless allow_redial.
VANISHED = "deleted_outside_pulumi"


def is_unknown(value: Any) -> bool:
    """Whether ``value`` (or something inside it) is not known yet."""
    if isinstance(value, Unknown):
        return True
    if isinstance(value, dict):
        return any(is_unknown(v) for v in value.values())
    if isinstance(value, list):
        return any(is_unknown(v) for v in value)
    return False


def _unknown_keys(news: Mapping[str, Any]) -> frozenset[str]:
    return frozenset(k for k, v in news.items() if is_unknown(v))


def _shapes_the_calls(path: str) -> bool:
    """Whether a problem at ``path`` is in what calling hours are judged on (the schedule, a
    number, the customers themselves)."""
    return (
        path.startswith("schedulePlan")
        or path == "customers"
        or (path.startswith("customers[") and path.endswith(("].number", "]")))
    )


def _within(path: str, api_keys: set[str]) -> bool:
    return any(path == k or path.startswith((k + ".", k + "[")) for k in api_keys)


#: From this many customers, the live status is counted rather than read: the campaign's
#: answer (every customer) would take seconds to send and read.
LARGE_CAMPAIGN = 1000


def _who(props: Mapping[str, Any], campaign_id: str | None = None) -> str:
    """How messages name a campaign: its resource, and its id when it has one."""
    name = props.get("resource_name")
    resource = f'resource "{name}"' if isinstance(name, str) else "this resource"
    return f"campaign {campaign_id} ({resource})" if campaign_id else resource


def _may_have_dialed(props: Mapping[str, Any], gone: NotFound) -> bool:
    """Whether the recorded campaign, now ``gone``, may have placed calls: it was seen dialing,
    or its window had opened by the server's clock (a scheduled campaign starts on its own at
    ``earliestAt``, or at once)."""
    status = props.get("status")
    if status in LIVE_STATUSES:
        return True
    plan = props.get("schedule_plan")
    start = instant(plan.get("earliestAt")) if isinstance(plan, dict) else None
    if isinstance(plan, dict) and start is None:
        return True  # unreadable: assume the worst
    return start is None or start <= (gone.date or datetime.now(timezone.utc))


Hook = TypeVar("Hook", bound=Callable[..., Any])
#: Where a hook's lines for the person running Pulumi go (the adapter knows how to show them).
Say = Callable[[str], None]


def _collector_paused(hook: Hook) -> Hook:
    """Run a hook with the cyclic garbage collector paused.

    A hook may hold 10,000 decoded customers (~400 MB of small objects, no cycles); every
    collection the hook's own allocations trigger would walk them all again (validating them
    took 2 s instead of 0.3 s). Reference counting frees what the hook drops.
    """

    @functools.wraps(hook)
    def paused(*args: Any, **kwargs: Any) -> Any:
        with gc_paused():
            return hook(*args, **kwargs)

    return paused  # type: ignore[return-value]


@functools.lru_cache(maxsize=4)
def _problems(fields: str, blob: str | None) -> tuple[Problem, ...]:
    """The problems of a campaign body (JSON ``fields`` and a customers ``blob``), remembered:
    the engine checks a replacement's inputs twice (0.3 s each at 10,000 customers)."""
    body: dict[str, Any] = json.loads(fields)
    if blob is not None:
        body["customers"] = customers_of(blob)
    return tuple(validate_campaign(body))


#: Why ``ended=True`` cannot create a campaign.
_ENDED_CREATE = (
    "is True on a campaign that does not exist yet: creating it would dial its customers "
    "(a campaign cannot be created ended). Create it without ended, end it later with "
    "ended=True; or remove the resource (adopt_id takes over and ends an existing one)"
)

#: A check failure when the API refuses the key.
_KEY_REFUSED = (
    "the Cozmox API refused the API key (401 Unauthorized): check cozmox:apiKey (or "
    "COZMOX_API_KEY), and that cozmox:baseUrl is the API the key belongs to"
)


def _flag_failures(news: Mapping[str, Any]) -> list[Failure]:
    """The opt-ins must be what they say: a boolean, or (allow_redial, allow_duplicate) the id
    of the one campaign they allow."""
    failures = []
    for flag in ("allow_redial", "allow_duplicate"):
        value = news.get(flag)
        if value is None or isinstance(value, bool | Unknown):
            continue
        if not isinstance(value, str) or not value.strip():
            failures.append(
                Failure(
                    flag,
                    "must be True, False, or the id of the one campaign it allows (the id "
                    "a refusal names)",
                )
            )
    value = news.get(OPT_OUT)
    if value is not None and not isinstance(value, bool | Unknown):
        failures.append(Failure(OPT_OUT, "must be a boolean (true or false)"))
    adopt_id = news.get("adopt_id")
    if adopt_id is not None and not is_unknown(adopt_id) and not isinstance(adopt_id, str):
        failures.append(Failure("adopt_id", "must be a campaign id (a string)"))
    return failures


#: Campaigns created this close to a duplicate found may be the same interrupted run's.
SAME_MOMENT = 120.0
#: A duplicate created longer ago than this is no interrupted run's (no hint).
RECENT = timedelta(days=1)


def _same_moment(guard: Guard, duplicates: list[str], names: Mapping[str, str]) -> str:
    """A hint naming the other campaigns created around the first duplicate that no resource
    of this run holds: an interrupted `pulumi up` creates several at once, and the engine stops
    at the first refusal, so the next ones would be found one preview at a time."""
    first = guard.org.get(duplicates[0]) if duplicates else None
    created = instant(first.createdAt) if first else None
    if created is None or guard.org.server_now() - created > RECENT:
        return ""  # not an interrupted run's: that is re-run soon
    known = set(names)
    near = [
        c
        for c in guard.org.campaigns()
        if c.id not in duplicates
        and c.id not in known
        and (at := instant(c.createdAt)) is not None
        and abs((at - created).total_seconds()) <= SAME_MOMENT
    ]
    if not near:
        return ""
    listed = ", ".join(
        f"{c.id} (earliestAt {(c.schedulePlan or {}).get('earliestAt', 'none')})"
        for c in sorted(near, key=lambda c: str(c.createdAt))[:5]
    )
    more = f" and {len(near) - 5} more" if len(near) > 5 else ""
    return (
        f" Created within {SAME_MOMENT:.0f} s of it, and held by no resource of this stack "
        f"that preview has reached: {listed}{more}. If the same interrupted `pulumi up` "
        "created them, they are other resources' own: give each its adopt_id too."
    )


def _reporting() -> bool:
    """Whether preview prints its report lines (COZMOX_PREVIEW_REPORT=off turns them off)."""
    return os.environ.get("COZMOX_PREVIEW_REPORT", "on").lower() not in ("off", "0", "false")


class CampaignService:
    """The Campaign resource's hooks, over canonical inputs (see the module docstring). One per
    provider process (one ``pulumi`` command): it holds the run's client, rules and guard, and
    what the run has learnt (which resources it replaces, which campaigns it has met).
    Thread-safe: the engine calls several hooks at once."""

    def __init__(
        self,
        config: Mapping[str, Any],
        *,
        environ: Mapping[str, str] | None = None,
        project_dir: Path | None = None,
        notice: Say | None = None,
    ) -> None:
        """``config``: the stack config (full keys: ``cozmox:apiKey``); settings not in it come
        from ``environ``, files from ``project_dir`` (default: the working directory, which
        is the Pulumi project's for either front door). ``notice``: where the client's lines
        that belong to no one resource go (a wait on a rate-limited API)."""
        self._config = {key: config.get(key) for key in CONFIG_KEYS}
        self._environ = os.environ if environ is None else environ
        self._project_dir = project_dir or Path.cwd()
        self._notice = notice
        self._lock = threading.Lock()
        self._api: CozmoxClient | None = None
        self._rules_read: Rules | None = None
        self._guard_built: Guard | None = None
        # Campaigns this run deleted: a replacement deletes before it creates.
        self._deleted: set[str] = set()
        # Resources diff decided to replace (name -> the campaign replaced): the engine then
        # checks their inputs again without the old ones, which must not be reported as a
        # create, nor judged against the campaign that is deleted first.
        self._replacing: dict[str, str] = {}
        # The stack's campaigns met in this run (id -> resource name), for messages.
        self._names: dict[str, str] = {}
        # Resources read by a refresh whose diff has not come yet: `pulumi refresh` calls
        # diff right after read (to record drift), and that diff must not refuse.
        self._refreshed: set[str] = set()
        # The standing opt-in lines said for each resource in this run (once each).
        self._opt_ins_said: dict[str, list[str]] = {}

    def _client(self) -> CozmoxClient:
        with self._lock:
            if self._api is None:
                settings = resolve_settings(self._config, self._environ)
                self._api = CozmoxClient(settings, notice=self._notice)
            return self._api

    def _rules(self) -> Rules:
        """The stack's rules, read once (files relative to the project directory). Raises
        ConfigurationError."""
        with self._lock:
            if self._rules_read is None:
                self._rules_read = resolve_rules(self._config, self._environ, self._project_dir)
            return self._rules_read

    def _policy(self) -> CallingPolicy:
        """The calling policy (the default when its file cannot be read: check says why)."""
        try:
            return self._rules().calling_policy
        except ConfigurationError:
            return DEFAULT_POLICY

    def _guard(self) -> Guard:
        """The run's guard: its view of the org is read once and shared by every create."""
        rules = self._rules()
        client = self._client()
        with self._lock:
            if self._guard_built is None:
                self._guard_built = Guard(client, rules, names=self._names)
            return self._guard_built

    def _verify(self) -> None:
        """Before a write is planned: the settings hold and the API accepts the key (one
        request per run, none when an earlier request of the run succeeded)."""
        self._client().verify()

    # -- check ---------------------------------------------------------------------------
    @_collector_paused
    def check(self, _olds: Mapping[str, Any], news: Mapping[str, Any], say: Say) -> list[Failure]:
        """Validate the desired campaign, then judge a create against the org.

        Unknown values (preview) are not validated, nor the rules that depend on them; they
        are checked at ``up``. Customers identical to the last checked ones (same blob) are
        not validated again: they passed before, and decoding 10,000 of them costs seconds.
        A valid create (or replacement) is judged against the org as ``up`` would judge it
        (the duplicate guard, the call limit, the do-not-call list; the settings and the key
        with it): the run's one read of the org, no request for anything else.
        """
        unknown: set[str] = set()  # API keys whose value is not known yet
        skipped: set[str] = set()  # API keys not validated (unknown, or customers unchanged)
        body: dict[str, Any] = {}
        for key, api in INPUT_TO_API.items():
            value = news.get(key)
            if value is None:
                continue
            if is_unknown(value):
                unknown.add(api)
            elif key == "customers" and value == _olds.get("customers"):
                skipped.add(api)
            else:
                body[api] = value
        if unknown & {"assistantId", "workflowId"}:
            # Which of the two is set is not known yet: the rule "one of them" waits for up.
            unknown |= {"assistantId", "workflowId"}
        skipped |= unknown
        failures: list[Failure] = []
        customers: list[dict[str, Any]] | None = None
        blob = body.pop("customers", None)
        if blob is not None:
            try:
                customers = customers_of(blob)
            except ValueError as exc:
                return [Failure("customers", str(exc))]
        fields = json.dumps(body, sort_keys=True, default=str)
        problems = [
            p
            for p in _problems(fields, blob if customers is not None else None)
            if not _within(p.path, skipped)
        ]
        failures += [Failure(p.path, p.message) for p in problems]
        try:
            policy = self._rules().calling_policy
        except ConfigurationError as exc:
            return [*failures, Failure("", str(exc))]
        failures += _flag_failures(news)
        gone = _olds.get(VANISHED)
        if isinstance(gone, str) and not allows(news.get("allow_redial"), gone):
            count = count_of(news.get("customer_count"))
            again = kept(_olds.get("customers"), news.get("customers"))
            message = vanished(_who(news, gone), count, gone, again=again)
            failures.append(Failure("allow_redial", message))
        name = resource_of(news)
        with self._lock:
            replaced = self._replacing.get(name)
            self._refreshed.discard(name)  # the program runs: what follows is no refresh's diff
        creating = not _olds or replaced is not None
        adopting = isinstance(news.get("adopt_id"), str) and replaced is None
        if creating and news.get(ENDED) is True and not adopting:
            failures.append(Failure("ended", _ENDED_CREATE))
        facts: RuleFacts | None = None
        if creating and customers is not None and not failures and not unknown:
            # First, so that the calling hours below are judged by the API's clock.
            screened, facts = self._screen(news, replaced)
            failures += screened
        hours = None
        # Taking a campaign over as it is calls nobody anew: its hours are judged only when
        # the takeover moves its schedule (an ended one's never).
        adopted = facts.adopting if facts is not None else None
        takeover_as_is = adopting and (
            news.get(ENDED) is True or adopted is None or "schedule_plan" not in adopted[1].changed
        )
        if not takeover_as_is and not any(_shapes_the_calls(p.path) for p in problems):
            # A mistake in the schedule or a number is one error: no hours judged on it.
            hours = self._hours_if_dialing_anew(
                _olds, news, customers, unknown, policy, self._now()
            )
        if hours is not None:
            allowed = news.get(OPT_OUT) is True
            failures += [
                Failure(p.path, p.message) for p in calling_hours_problems(hours, allowed=allowed)
            ]
        lines = opt_in_lines(name, news)
        with self._lock:
            said = self._opt_ins_said.get(name) == lines
            self._opt_ins_said[name] = lines
        if _reporting() and not said:
            for line in lines:
                say(line)
        if not _olds and customers is not None and not failures and not replaced and _reporting():
            # A create: diff is not called for it, so its report is printed here.
            if facts is not None and facts.adopting is not None:
                campaign, plan = facts.adopting
                report = make_report(
                    name,
                    "adopt",
                    reasons=plan.changed,
                    campaign_id=str(campaign["id"]),
                    old_outputs=outputs_from_api(campaign),
                )
            else:
                report = create_report(news, customers, hours, facts)
            for line in to_lines(report):
                say(line)
        return failures

    def _screen(
        self, news: Mapping[str, Any], replaced: str | None
    ) -> tuple[list[Failure], RuleFacts | None]:
        """What ``up`` would refuse of this create, judged now against the org (the run's one
        read of it): a key that does not work, the do-not-call list, the duplicate guard, the
        call limit; an ``adopt_id`` campaign that does not match. And the facts the report
        shows of those rules."""
        who = _who(news)
        try:
            declared = Declared.from_props(news)
            guard = self._guard()
        except ConfigurationError as exc:
            return [Failure("", f"{who}: {exc}")], None
        listed = guard.do_not_call(declared)
        failures = [Failure("", f"{who}: {r.message}") for r in listed]
        rules = guard.rules
        facts = RuleFacts(
            do_not_call=None
            if rules.do_not_call is None
            else len(rules.do_not_call.listed_in(declared.people)),
            call_limit=str(rules.call_limit) if rules.call_limit else None,
        )
        exclude = frozenset({replaced} if replaced else ())
        name = resource_of(news)
        try:
            adopt_id = news.get("adopt_id")
            if isinstance(adopt_id, str) and replaced is None:
                try:
                    campaign, plan = self._adoptable(adopt_id, news)
                except CozmoxError as exc:
                    if isinstance(exc, Unauthorized):
                        raise
                    return [*failures, Failure("adopt_id", str(exc))], facts
                facts = replace(facts, adopting=(campaign, plan))
            else:
                guard.org.load()
                _, overlaps = screen(
                    guard,
                    declared,
                    allow_duplicate=news.get("allow_duplicate"),
                    resource=name,
                    exclude=exclude,
                )
                guard.plan(name, declared, guard.org.server_now())
                also = (AlsoCalled(o.other, o.people, span_text(o.start, o.end)) for o in overlaps)
                facts = replace(facts, also_called=tuple(also))
        except DuplicateCampaign as exc:
            hint = _same_moment(guard, exc.campaign_ids, self._names)
            failures.append(Failure("", f"{who}: {exc}{hint}"))
        except Refused as exc:
            failures += [Failure("", f"{who}: {message}") for _path, message in exc.reasons]
        except Unauthorized:
            failures.append(Failure("", f"{who}: {_KEY_REFUSED}"))
        except CozmoxError as exc:
            failures.append(Failure("", f"{who}: the campaign cannot be judged: {exc}"))
        return failures, facts

    def _now(self) -> datetime:
        """The API's time, as the answers of this run told it (this machine's when none came):
        whether a window has opened is the API's call."""
        client = self._api
        return client.now() if client is not None else datetime.now(timezone.utc)

    @staticmethod
    def _hours_if_dialing_anew(
        olds: Mapping[str, Any],
        news: Mapping[str, Any],
        customers: list[dict[str, Any]] | None,
        unknown: set[str],
        policy: CallingPolicy,
        now: datetime,
    ) -> CallingHours | None:
        """The calling hours of a campaign that will dial anew (a create, new customers, a new
        schedule), to refuse a window outside 08:00-21:00 local time; None for an unchanged
        campaign (not judged again) or values not known yet."""
        if unknown & {"customers", "schedulePlan"}:
            return None
        schedule = news.get("schedule_plan")
        anew = not olds or customers is not None
        if not anew and same_instants(olds.get("schedule_plan"), schedule):
            return None
        try:
            people = customers if customers is not None else customers_of(news["customers"])
        except (KeyError, ValueError):
            return None  # no valid customers: validation says so
        return hours_of(people, schedule, now, policy=policy)

    # -- diff ----------------------------------------------------------------------------
    @_collector_paused
    def diff(self, id_: str, olds: Mapping[str, Any], news: Mapping[str, Any], say: Say) -> Diff:
        """Update or replace; refuse (by raising) what would re-dial people or fail at `up`.

        No request unless the change is one that depends on the campaign's live status
        (replacement or a field the API changes only while scheduled): then one GET, since
        the recorded status may be stale (a scheduled campaign starts dialing on its own).
        Changes that rest on values not known yet are never refused here: at ``up`` they
        are known, and judged then.
        """
        who = _who(news, id_)
        name = resource_of(news)
        with self._lock:
            self._names[id_] = name
            refreshing = name in self._refreshed
            self._refreshed.discard(name)
        allow_redial = allows(news.get("allow_redial"), id_)
        adopt_id = news.get("adopt_id")
        if isinstance(adopt_id, str) and adopt_id not in (id_, olds.get("adopt_id")):
            # Newly set to another campaign (an adopted campaign's replacement keeps the old
            # adopt_id: that is no change).
            self._refuse(adopt_mismatch(who, adopt_id))
        if olds.get("status") == DELETED:
            # Deleted outside Pulumi after it dialed: re-created only on request (check
            # refuses it otherwise, from the mark refresh left in the inputs). Never refused
            # here: `pulumi refresh` runs diff too, and must record what it found.
            if allow_redial:
                return Diff(changes=True, replaces=("status",))
            return Diff(changes=False)
        if not refreshing:
            # Refresh's own diff must record what it found, not refuse: its preview refuses.
            self._refuse_listed(id_, olds, news)
        plan = plan_change(olds, news, _unknown_keys(news))
        if not plan.has_changes:
            return Diff(changes=False)
        status = olds.get("status")
        known = plan.known()
        read_live = bool(known.replaces or known.restricted) and status not in LIVE_STATUSES
        if known.replaces or known.restricted:
            status = self._live_status(id_, olds)
            plan = escalate(plan, status, allow_redial)
        stops: Stop | None = None
        if "status" in known.patch and not refreshing:
            stopping = self._stops(id_)
            if stopping is not None:
                stops, status = stopping
                read_live = True
        report = None
        redials = bool(plan.known().replaces) and status in LIVE_STATUSES
        if (_reporting() or redials) and not refreshing:
            # The report counts who the replacement calls again: a refusal says the same.
            report = change_report(
                id_,
                olds,
                news,
                plan,
                status,
                status_recorded=not read_live,
                policy=self._policy(),
                now=self._now(),
            )
            if stops is not None:
                report = replace(report, stops=stops)
        if report is not None and _reporting():
            for line in to_lines(report):
                say(line)
        again = report.again if report is not None else None
        reason = refusal(plan.known(), status, allow_redial, who, campaign_id=id_, again=again)
        if reason is not None and not refreshing:
            self._refuse(reason)
        if not refreshing:
            self._verify_or_refuse(who)  # a write is planned: the settings and key must hold
        if plan.replaces:
            with self._lock:
                self._replacing[name] = id_
        return Diff(
            changes=True,
            replaces=tuple(plan.replaces),
            changed=tuple(plan.changed),
            paths=_changed_paths(olds, news, plan),
        )

    def _stops(self, id_: str) -> tuple[Stop, str] | None:
        """What ending the campaign now cuts short, and its live status (one GET)."""
        try:
            counters = self._client().get_counters(id_)
        except CozmoxError:
            return None  # gone (refresh says so) or unreadable: the report goes without it
        return Stop(counters.not_placed, counters.callsCounterInProgress), counters.status

    def _verify_or_refuse(self, who: str) -> None:
        try:
            self._verify()
        except Unauthorized:
            self._refuse(f"{who}: {_KEY_REFUSED}")
        except CozmoxError as exc:
            self._refuse(f"{who}: the change cannot be applied: {exc}")

    def _refuse_listed(self, id_: str, olds: Mapping[str, Any], news: Mapping[str, Any]) -> None:
        """Refuse any plan, a no-op one included, while a campaign that can still call holds
        people on the do-not-call list (listed since it was created: a scheduled drift check
        then catches it before it dials)."""
        try:
            rules = self._rules()
        except ConfigurationError:
            return  # check says what is wrong with the file
        blob = news.get("customers")
        if rules.do_not_call is None or not isinstance(blob, str) or news.get(ENDED) is True:
            return  # (ended=True is the way out the refusal offers: it stops the calls)
        try:
            listed = rules.do_not_call.listed_in(people_in(blob))
        except ValueError:
            return  # a malformed blob: check says so
        if not listed or olds.get("status") not in (None, "scheduled", "in-progress"):
            return
        try:
            status: str | None = self._client().get_status(id_)
        except NotFound:
            return  # gone: refresh will say so
        except CozmoxError:
            status = None  # cannot tell: assume it can still call
        if status in ("scheduled", "in-progress", None):
            self._refuse(do_not_call_refusal(_who(news, id_), status, listed, rules.do_not_call))

    @staticmethod
    def _refuse(reason: str) -> None:
        raise Refusal(reason) from None  # the reason says it all: no chained traceback

    def _live_status(self, id_: str, olds: Mapping[str, Any]) -> str | None:
        recorded = olds.get("status")
        if recorded in LIVE_STATUSES:
            return str(recorded)  # status only moves forward: it has dialed already
        try:
            large = (count_of(olds.get("customer_count")) or 0) >= LARGE_CAMPAIGN
            return self._client().get_status(id_, large=large)
        except NotFound as gone:
            # Gone: if its window had opened it may have dialed, and a replacement would call
            # everyone again; otherwise it is safe to create anew.
            return DELETED if _may_have_dialed(olds, gone) else None

    # -- create / read / update / delete -------------------------------------------------
    @_collector_paused
    def create(self, props: Mapping[str, Any], say: Say) -> tuple[str, dict[str, Any]]:
        adopt_id = props.get("adopt_id")
        with self._lock:
            replaced = self._replacing.get(resource_of(props))
        if adopt_id and replaced is None:
            # adopt_id is used only when the resource is first created, not by a replacement.
            campaign = self._adopt(adopt_id, props)
        else:
            campaign = self._create(props, replaced, say)
        return str(campaign["id"]), {**props, **outputs_from_api(campaign)}

    def _create(self, props: Mapping[str, Any], replaced: str | None, say: Say) -> dict[str, Any]:
        declared = Declared.from_props(props)
        name = resource_of(props)
        try:
            created = create_campaign(
                self._client(),
                declared,
                allow_duplicate=props.get("allow_duplicate"),
                guard=self._guard(),
                resource=name,
                exclude=frozenset({replaced} if replaced else ()),
            )
        except (DuplicateCampaign, Refused) as exc:
            self._refuse(f"{_who(props)}: {exc}")
            raise  # unreachable: _refuse raises
        if created.recovered_from is not None:
            say(
                f"warning: {_who(props, created.campaign['id'])}: the answer to POST /campaign "
                f"was lost ({created.recovered_from}); the campaign it created was found in "
                "the API and taken over: no second campaign was created."
            )
        callable_ = sum(1 for person in declared.people if person is not None)
        scheduled = count_of(created.campaign.get("callsCounterScheduled"))
        if scheduled is not None and scheduled < callable_:
            say(
                f"warning: {_who(props, created.campaign['id'])}: the API scheduled "
                f"{scheduled:,} calls for {callable_:,} customers that have a number or SIP "
                f"URI: it skipped {callable_ - scheduled:,} without an error (a number it "
                "cannot dial). Check the customers in the dashboard."
            )
        return created.campaign

    def _adoptable(self, campaign_id: str, props: Mapping[str, Any]) -> tuple[dict[str, Any], Any]:
        """The campaign ``adopt_id`` names and the plan that makes it the declared one (GET
        only); CozmoxError when it does not exist or differs in what cannot be changed."""
        who = _who(props, campaign_id)
        try:
            campaign = self._client().get_campaign(campaign_id)
        except NotFound:
            raise CozmoxError(
                f"{who}: adopt_id={campaign_id!r}: there is no such campaign in the org of this "
                "API key; check the id, or remove adopt_id to create a new campaign"
            ) from None
        server = campaign.get("customers")
        paths = customer_paths(
            server if isinstance(server, list) else [], customers_of(props["customers"])
        )
        if paths:
            raise CozmoxError(
                f"{who}: adopt_id: the campaign's customers differ from the declared ones at "
                f"{', '.join(paths)}, and the API cannot change customers; declare the "
                "campaign's own customers exactly, or drop adopt_id to create a new campaign"
            )
        current = project_inputs(campaign, dict(props))
        plan = plan_change({**props, **current}, props)
        if plan.replaces:
            raise CozmoxError(
                f"{who}: adopt_id: {', '.join(plan.replaces)} differ from the existing "
                "campaign and cannot be changed in place"
            )
        return campaign, plan

    def _adopt(self, campaign_id: str, props: Mapping[str, Any]) -> dict[str, Any]:
        """Take over an existing campaign: GET it, then PATCH what the program sets otherwise."""
        try:
            campaign, plan = self._adoptable(campaign_id, props)
        except CozmoxError as exc:
            self._refuse(str(exc))
            raise  # unreachable: _refuse raises
        if plan.patch:
            campaign = self._client().update_campaign(campaign_id, plan.patch)
        if props.get(ENDED) is True and campaign.get("status") != "ended":
            campaign = self._client().end_campaign(campaign_id)
        return campaign

    @_collector_paused
    def read(self, id_: str, props: Mapping[str, Any], *, importing: bool = False) -> Read | None:
        """Refresh. A campaign gone from the API is forgotten, unless it may have dialed: then
        the stack keeps it with status "deleted", so that re-creating it (calling everyone
        again) is refused like any re-dial instead of happening silently.

        ``importing``: the campaign is read by id alone (``props`` declares every input as
        None): its inputs are all the API's, and a campaign not found is None."""
        declared = {k: props.get(k) for k in (*INPUT_KEYS, *UNCOMPARED) if k in props}
        with self._lock:
            self._refreshed.add(resource_of(props))
        try:
            campaign = self._client().get_campaign(id_)
        except NotFound as gone:
            if not importing and _may_have_dialed(props, gone):
                outs = {**props, "status": DELETED}
                return Read(id_, outs, {**declared, VANISHED: id_})
            return None
        inputs = project_inputs(campaign, declared)
        outs = {**props, **inputs, **outputs_from_api(campaign)}
        return Read(id_, outs, inputs)

    @_collector_paused
    def update(self, id_: str, olds: Mapping[str, Any], news: Mapping[str, Any]) -> dict[str, Any]:
        plan = plan_change(olds, news)
        outs = {**olds, **news}
        if plan.needs_patch:
            campaign = self._client().update_campaign(id_, plan.patch)
            outs.update(outputs_from_api(campaign))
        return outs

    def delete(self, id_: str, props: Mapping[str, Any], say: Say) -> None:
        """End a campaign that is dialing (so no call is cut off mid-way), then delete it."""
        client = self._client()
        try:
            counters = client.get_counters(id_)
            if counters.status == "in-progress":
                client.end_campaign(id_)
                say(
                    f"cozmox: {resource_of(props)}: campaign {id_} was in progress: ended "
                    f"first ({counters.not_placed:,} calls not placed, "
                    f"{counters.callsCounterInProgress:,} in progress finish), then deleted"
                )
            client.delete_campaign(id_)
        except NotFound:
            pass
        with self._lock:
            self._deleted.add(id_)
