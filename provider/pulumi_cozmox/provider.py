"""The Pulumi hooks of the Campaign resource: validation -> plan -> client.

This module keeps its name (no leading underscore): the SDK pickles the provider into every
resource's state by reference, so ``pulumi_cozmox.provider.CampaignProvider`` is recorded in
stacks and must stay importable under that path.

The provider holds nothing in the pickle: no API key, no HTTP client. ``configure`` (run after
unpickling, in the provider process) records the stack config; the client is built on first
use and shared by the engine's threads.

Messages for the person running Pulumi (a lost answer taken over, a refusal) are written to
standard error: the CLI shows a dynamic provider's stderr under the stack's diagnostics.
"""

from __future__ import annotations

import functools
import json
import os
import sys
import threading
from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any, TypeVar

from pulumi.dynamic import (
    CheckFailure,
    CheckResult,
    ConfigureRequest,
    CreateResult,
    DiffResult,
    ReadResult,
    ResourceProvider,
    UpdateResult,
)
from pulumi.output import Unknown

from pulumi_cozmox._body import splice_body, to_api_body
from pulumi_cozmox._client import CozmoxClient
from pulumi_cozmox._compare import instant, same_instants
from pulumi_cozmox._create import Declared, create_campaign
from pulumi_cozmox._customers import customers_json
from pulumi_cozmox._errors import CozmoxError, DuplicateCampaign, NotFound
from pulumi_cozmox._fields import (
    DELETED,
    INPUT_KEYS,
    INPUT_TO_API,
    LIVE_STATUSES,
    UNCOMPARED,
    count_of,
)
from pulumi_cozmox._hours import OPT_OUT, CallingHours, calling_hours_problems
from pulumi_cozmox._json import gc_paused
from pulumi_cozmox._plan import escalate, plan_change
from pulumi_cozmox._preview import change_report, create_report, customers_of, hours_of, resource_of
from pulumi_cozmox._refresh import outputs_from_api, project_inputs
from pulumi_cozmox._refusal import adopt_mismatch, refusal, vanished
from pulumi_cozmox._report import to_lines
from pulumi_cozmox._settings import SOURCES, resolve_settings
from pulumi_cozmox._validation import Problem, validate_campaign

__all__ = ["CampaignProvider"]

_client_lock = threading.Lock()
# Campaigns this process deleted. A replacement deletes before it creates, in the same
# process: the create of an adopted campaign's replacement finds its adopt_id here, and
# creates the new campaign instead of adopting the one just deleted. (Check cannot tell: the
# engine checks a replacement's inputs again without the old ones.)
_deleted: set[str] = set()
# Resources diff decided to replace in this process: the engine then checks their inputs
# again without the old ones, which must not be reported as a create.
_replacing: set[str] = set()
#: Marks the inputs refresh returns for a campaign deleted outside Pulumi after it dialed
#: (the value is its id): check refuses to re-create it unless allow_redial.
VANISHED = "deleted_outside_pulumi"


def _is_unknown(value: Any) -> bool:
    if isinstance(value, Unknown):
        return True
    if isinstance(value, dict):
        return any(_is_unknown(v) for v in value.values())
    if isinstance(value, list):
        return any(_is_unknown(v) for v in value)
    return False


def _unknown_keys(news: dict[str, Any]) -> frozenset[str]:
    return frozenset(k for k, v in news.items() if _is_unknown(v))


def _failure_path(api_path: str) -> str:
    """A problem's API path in the program's terms: top-level keys are snake_case."""
    for key, api in INPUT_TO_API.items():
        if api_path == api or api_path.startswith((api + ".", api + "[")):
            return key + api_path[len(api) :]
    return api_path


def _within(path: str, api_keys: set[str]) -> bool:
    return any(path == k or path.startswith((k + ".", k + "[")) for k in api_keys)


#: From this many customers, the live status is counted rather than read: the campaign's
#: answer (every customer) would take seconds to send and read.
LARGE_CAMPAIGN = 1000


def _who(props: dict[str, Any], campaign_id: str | None = None) -> str:
    """How messages name a campaign: its resource, and its id when it has one."""
    name = props.get("resource_name")
    resource = f'resource "{name}"' if isinstance(name, str) else "this resource"
    return f"campaign {campaign_id} ({resource})" if campaign_id else resource


def _may_have_dialed(props: dict[str, Any], gone: NotFound) -> bool:
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


def _reporting() -> bool:
    """Whether preview prints its report lines (COZMOX_PREVIEW_REPORT=off turns them off)."""
    return os.environ.get("COZMOX_PREVIEW_REPORT", "on").lower() not in ("off", "0", "false")


def say(message: str) -> None:
    """A line for the person running Pulumi (shown under the stack's diagnostics)."""
    print(message, file=sys.stderr, flush=True)


class CampaignProvider(ResourceProvider):
    """Creates, reads, updates and deletes Cozmox campaigns for ``Campaign`` resources."""

    def __getstate__(self) -> dict[str, Any]:
        # Whatever configure() set stays out of the pickle that lands in state.
        return {}

    def __setstate__(self, state: dict[str, Any]) -> None:
        pass

    def configure(self, req: ConfigureRequest) -> None:
        # Stack config as given; _client() falls back to the environment, then defaults.
        self._config = {key: req.config.get(key) for key, _env in SOURCES.values()}

    def _client(self) -> CozmoxClient:
        with _client_lock:
            client: CozmoxClient | None = self.__dict__.get("_api")
            if client is None:
                settings = resolve_settings(self.__dict__.get("_config") or {}, os.environ)
                client = CozmoxClient(settings)
                self._api = client
            return client

    # -- check ---------------------------------------------------------------------------
    @_collector_paused
    def check(self, _olds: dict[str, Any], news: dict[str, Any]) -> CheckResult:
        """Validate the desired campaign; no request is made.

        Unknown values (preview) are not validated, nor the rules that depend on them; they
        are checked at ``up``. Customers identical to the last checked ones (same blob) are
        not validated again: they passed before, and decoding 10,000 of them costs seconds.
        """
        unknown: set[str] = set()  # API keys whose value is not known yet
        skipped: set[str] = set()  # API keys not validated (unknown, or customers unchanged)
        body: dict[str, Any] = {}
        for key, api in INPUT_TO_API.items():
            value = news.get(key)
            if value is None:
                continue
            if _is_unknown(value):
                unknown.add(api)
            elif key == "customers" and value == _olds.get("customers"):
                skipped.add(api)
            else:
                body[api] = value
        if unknown & {"assistantId", "workflowId"}:
            # Which of the two is set is not known yet: the rule "one of them" waits for up.
            unknown |= {"assistantId", "workflowId"}
        skipped |= unknown
        failures: list[CheckFailure] = []
        customers: list[dict[str, Any]] | None = None
        blob = body.pop("customers", None)
        if blob is not None:
            try:
                customers = customers_of(blob)
            except ValueError as exc:
                return CheckResult(news, [CheckFailure("customers", str(exc))])
        fields = json.dumps(body, sort_keys=True, default=str)
        for problem in _problems(fields, blob if customers is not None else None):
            if not _within(problem.path, skipped):
                failures.append(CheckFailure(_failure_path(problem.path), problem.message))
        hours = self._hours_if_dialing_anew(_olds, news, customers, unknown)
        if hours is not None:
            allowed = news.get(OPT_OUT) is True
            for p in calling_hours_problems(hours, allowed=allowed):
                failures.append(CheckFailure(_failure_path(p.path), p.message))
        for flag in ("allow_redial", "allow_duplicate", OPT_OUT):
            value = news.get(flag)
            if value is not None and not isinstance(value, bool | Unknown):
                failures.append(CheckFailure(flag, "must be a boolean (true or false)"))
        adopt_id = news.get("adopt_id")
        if adopt_id is not None and not _is_unknown(adopt_id) and not isinstance(adopt_id, str):
            failures.append(CheckFailure("adopt_id", "must be a campaign id (a string)"))
        gone = _olds.get(VANISHED)
        if isinstance(gone, str) and news.get("allow_redial") is not True:
            count = count_of(news.get("customer_count"))
            failures.append(CheckFailure("allow_redial", vanished(_who(news, gone), count)))
        with _client_lock:
            replacing = resource_of(news) in _replacing
        if not _olds and customers is not None and not failures and not replacing and _reporting():
            # A create: diff is not called for it, so its report is printed here.
            for line in to_lines(create_report(news, customers, hours)):
                say(line)
        return CheckResult(news, failures)

    @staticmethod
    def _hours_if_dialing_anew(
        olds: dict[str, Any],
        news: dict[str, Any],
        customers: list[dict[str, Any]] | None,
        unknown: set[str],
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
        return hours_of(people, schedule)

    # -- diff ----------------------------------------------------------------------------
    @_collector_paused
    def diff(self, id_: str, olds: dict[str, Any], news: dict[str, Any]) -> DiffResult:
        """Update or replace; refuse (by raising) what would re-dial people or fail at `up`.

        No request unless the change is one that depends on the campaign's live status
        (replacement or a field the API changes only while scheduled): then one GET, since
        the recorded status may be stale (a scheduled campaign starts dialing on its own).
        Changes that rest on values not known yet are never refused here: at ``up`` they
        are known, and judged then.
        """
        who = _who(news, id_)
        allow_redial = news.get("allow_redial") is True
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
                return DiffResult(changes=True, replaces=["status"], delete_before_replace=True)
            return DiffResult(changes=False)
        plan = plan_change(olds, news, _unknown_keys(news))
        if not plan.has_changes:
            return DiffResult(changes=False)
        status = olds.get("status")
        known = plan.known()
        if known.replaces or known.restricted:
            status = self._live_status(id_, olds)
            plan = escalate(plan, status, allow_redial)
        if _reporting():
            for line in to_lines(change_report(id_, olds, news, plan, status)):
                say(line)
        reason = refusal(plan.known(), status, allow_redial, who)
        if reason is not None:
            self._refuse(reason)
        if plan.replaces:
            with _client_lock:
                _replacing.add(resource_of(news))
        return DiffResult(changes=True, replaces=list(plan.replaces), delete_before_replace=True)

    @staticmethod
    def _refuse(reason: str) -> None:
        # The SDK reports a hook's exception with its traceback; the same words on their own
        # line first keep the reason readable in CI logs.
        say(f"error: {reason}")
        raise Exception(reason) from None  # the reason says it all: no chained traceback

    def _live_status(self, id_: str, olds: dict[str, Any]) -> str | None:
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
    def create(self, props: dict[str, Any]) -> CreateResult:
        adopt_id = props.get("adopt_id")
        with _client_lock:
            replacing = adopt_id in _deleted
        if adopt_id and not replacing:
            campaign = self._adopt(adopt_id, props)
        else:
            campaign = self._create(props)
        return CreateResult(campaign["id"], {**props, **outputs_from_api(campaign)})

    def _create(self, props: dict[str, Any]) -> dict[str, Any]:
        fields = to_api_body(props)
        customers = customers_json(props["customers"])
        declared = Declared(
            body=splice_body(fields, customers), fields=fields, customers_json=customers
        )
        try:
            created = create_campaign(
                self._client(), declared, allow_duplicate=props.get("allow_duplicate") is True
            )
        except DuplicateCampaign as exc:
            self._refuse(f"{_who(props)}: {exc}")
            raise  # unreachable: _refuse raises
        if created.recovered_from is not None:
            say(
                f"warning: {_who(props, created.campaign['id'])}: the answer to POST /campaign "
                f"was lost ({created.recovered_from}); the campaign it created was found in "
                "the API and taken over: no second campaign was created."
            )
        return created.campaign

    def _adopt(self, campaign_id: str, props: dict[str, Any]) -> dict[str, Any]:
        """Take over an existing campaign: GET it, then PATCH what the program sets otherwise."""
        client = self._client()
        who = _who(props, campaign_id)
        try:
            campaign = client.get_campaign(campaign_id)
        except NotFound:
            raise CozmoxError(
                f"{who}: adopt_id={campaign_id!r}: there is no such campaign in the org of "
                "this API key; check the id, or remove adopt_id to create a new campaign"
            ) from None
        current = project_inputs(campaign, props)
        if current.get("customers") != props.get("customers"):
            raise CozmoxError(
                f"{who}: the campaign's customers differ from the declared ones, and the API "
                "cannot change customers; declare the campaign's own customers, or drop "
                "adopt_id to create a new campaign"
            )
        plan = plan_change({**props, **current}, props)
        if plan.replaces:
            raise CozmoxError(
                f"{who}: {', '.join(plan.replaces)} differ from the existing campaign and "
                "cannot be changed in place"
            )
        if plan.patch:
            campaign = client.update_campaign(campaign_id, plan.patch)
        return campaign

    @_collector_paused
    def read(self, id_: str, props: dict[str, Any]) -> ReadResult:
        """Refresh. A campaign gone from the API is forgotten, unless it may have dialed: then
        the stack keeps it with status "deleted", so that re-creating it (calling everyone
        again) is refused like any re-dial instead of happening silently."""
        declared = {k: props.get(k) for k in (*INPUT_KEYS, *UNCOMPARED) if k in props}
        try:
            campaign = self._client().get_campaign(id_)
        except NotFound as gone:
            if _may_have_dialed(props, gone):
                outs = {**props, "status": DELETED}
                return ReadResult(id_, outs, inputs={**declared, VANISHED: id_})
            return ReadResult("", {})
        inputs = project_inputs(campaign, declared)
        outs = {**props, **inputs, **outputs_from_api(campaign)}
        return ReadResult(id_, outs, inputs=inputs)

    @_collector_paused
    def update(self, id_: str, olds: dict[str, Any], news: dict[str, Any]) -> UpdateResult:
        plan = plan_change(olds, news)
        outs = {**olds, **news}
        if plan.needs_patch:
            campaign = self._client().update_campaign(id_, plan.patch)
            outs.update(outputs_from_api(campaign))
        return UpdateResult(outs)

    def delete(self, id_: str, props: dict[str, Any]) -> None:
        """End a campaign that is dialing (so no call is cut off mid-way), then delete it."""
        client = self._client()
        try:
            if client.get_status(id_) == "in-progress":
                client.end_campaign(id_)
            client.delete_campaign(id_)
        except NotFound:
            pass
        with _client_lock:
            _deleted.add(id_)
