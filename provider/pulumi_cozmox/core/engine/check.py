"""check: validate the desired campaign, then judge a create against the org and the rules.

Unknown values (preview) are not validated, nor the rules that depend on them; they are
checked at ``up``. Customers identical to the recorded ones (same blob) are not validated
again: they passed before, and decoding 10,000 of them costs seconds. A valid create (or
replacement) is judged against the org as ``up`` would judge it (the duplicate guard, the call
limit, the do-not-call list; the settings and the key with it): the run's one read of the org,
no request for anything else. A window that dials anew (a create, new customers, a new
schedule) is judged against the calling hours of each customer's region.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from pulumi_cozmox.client.errors import (
    ConfigurationError,
    CozmoxError,
    DuplicateCampaign,
    Refused,
    Unauthorized,
)
from pulumi_cozmox.core.engine.adopt import adoptable
from pulumi_cozmox.core.engine.create import screen
from pulumi_cozmox.core.engine.one_record import opt_ins_to_say
from pulumi_cozmox.core.engine.outcome import Failure, Sink, is_unknown, resource_of, who
from pulumi_cozmox.core.engine.references import Judged, sets_names
from pulumi_cozmox.core.engine.refusals import (
    KEY_REFUSED,
    history_lost,
    same_moment,
    vanished_failure,
)
from pulumi_cozmox.core.engine.takeover import PAST_PATH, judge_takeover, past_window, takeover_of
from pulumi_cozmox.core.model.campaign import Campaign, Declared
from pulumi_cozmox.core.model.compare import same_instants
from pulumi_cozmox.core.model.customers import CustomerList
from pulumi_cozmox.core.model.customers_file import located, source_of
from pulumi_cozmox.core.plan.refresh import outputs_from_api
from pulumi_cozmox.core.report.build import RuleFacts, adopt_report, create_report, make_report
from pulumi_cozmox.core.report.record import AlsoCalled, CampaignReport
from pulumi_cozmox.core.report.text import span_text
from pulumi_cozmox.core.resource import names
from pulumi_cozmox.core.resource.fields import FIELDS, Effect, count_of
from pulumi_cozmox.core.rules.hours import (
    CallingHours,
    Window,
    calling_hours_problems,
    dialing_window,
)
from pulumi_cozmox.core.rules.policy import CallingPolicy
from pulumi_cozmox.core.rules.validation import Problem

if TYPE_CHECKING:
    from pulumi_cozmox.core.engine.run import Run

__all__ = ["check", "flag_failures"]

#: Why ``ended=True`` cannot create a campaign.
ENDED_CREATE = (
    f"is {names.value(True)} on a campaign that does not exist yet: creating it would dial its "
    "customers (a campaign cannot be created ended). Create it without "
    f"{names.field('ended')}, end it later with {names.setting('ended', True)}; or remove the "
    f"resource ({names.field('adoptId')} takes over and ends an existing one)"
)
#: The fields check holds to their type: the state-only flags (a boolean, or an id).
_FLAGS = tuple(f for f in FIELDS if f.change is Effect.STATE and f.type.startswith("boolean"))
#: The fields the API is sent: (API key, attribute).
_SENT = tuple((f.api, f.python) for f in FIELDS if f.sent)


@dataclass(frozen=True)
class Validated:
    """What validation found, and what the rest of check needs of it."""

    failures: list[Failure]
    problems: tuple[Problem, ...] = ()
    unknown: frozenset[str] = frozenset()
    """API keys whose value is not known yet."""
    customers: CustomerList | None = None
    """The new customers, when they are new and valid enough to judge."""
    fatal: bool = False


def check(run: Run, olds: Campaign | None, news: Campaign, sink: Sink) -> list[Failure]:
    """Failures of the desired campaign (empty: valid; ``olds``: None for a create); see the
    module docstring."""
    validated = _validate(run, olds, news)
    if validated.fatal:
        return _in_file(validated.failures, news)
    failures = list(validated.failures)
    try:
        policy = run.rules().calling_policy
    except ConfigurationError as exc:
        return [*failures, Failure("", str(exc))]
    failures += flag_failures(news)
    failures += vanished_failure(olds, news)
    lost = history_lost(olds, news)
    if lost is not None and run.reporting:
        sink.report(lost)  # said even when allow_redial re-creates it: the history is gone
    name = resource_of(news)
    replaced = run.handoff.replaced(name)
    run.handoff.take_refreshed(name)  # the program runs: what follows is no refresh's diff
    creating = olds is None or replaced is not None
    # Only the first create takes over (not a replacement): once in state, a campaign taken
    # over is judged as any campaign.
    adopting = isinstance(news.adopt_id, str) and olds is None and replaced is None
    if creating and news.ended is True and not adopting:
        failures.append(Failure("ended", ENDED_CREATE))
    # A takeover's window is judged on what it can still call, by _screen.
    anew = not adopting and _dials_anew(olds, news, validated)
    if anew:  # before the org's read: a window that has passed needs no request to refuse
        failures += _past(news, dialing_window(news.schedule, now=run.now()))
    facts: RuleFacts | None = None
    valid = not failures
    if creating and validated.customers is not None and valid and not validated.unknown:
        # First, so that the calling hours below are judged by the API's clock.
        screened, facts = _screen(run, news, validated.customers, replaced)
        failures += screened
    named = _names(run, olds, news, creating, valid and not _key_refused(failures), sink)
    failures += named.failures
    hours = _hours(run, news, validated, policy) if anew else None
    if hours is not None and not any(f.path == PAST_PATH for f in failures):
        allowed = news.allow_outside_calling_hours is True
        # Judged again by the API's clock, known once the org was read.
        past = _past(news, hours.window)
        problems = calling_hours_problems(hours, allowed=allowed)
        failures += past or [Failure(p.path, p.message) for p in problems]
    if olds is not None and replaced is None and not failures:
        return []  # its diff follows: the campaign's one record says its opt-ins and names
    opt_ins = opt_ins_to_say(run, name, news)
    reported = olds is None and not replaced and run.reporting and validated.customers is not None
    if reported and not failures:
        assert validated.customers is not None
        # One record per campaign: a create's carries its standing opt-ins and what it names.
        report = _create_report(name, validated.customers, hours, facts)
        sink.report(replace(report, names=named.named, opt_ins=opt_ins))
    elif opt_ins or (named.named and run.reporting and not failures):
        sink.report(CampaignReport(name, opt_ins=opt_ins, names=named.named))
    return _in_file(failures, news)


def _names(
    run: Run,
    olds: Campaign | None,
    news: Campaign,
    creating: bool,
    judged: bool,
    sink: Sink,
) -> Judged:
    """What a valid change that sets them names (:mod:`.references`), read once per run."""
    if not judged or not sets_names(olds, news, creating):
        return Judged()
    return run.references.judge(run, news, sink)


def _key_refused(failures: list[Failure]) -> bool:
    """The key was refused: the reads would be refused too, and say nothing more."""
    return any(KEY_REFUSED in f.reason for f in failures)


def _in_file(failures: list[Failure], news: Campaign) -> list[Failure]:
    """Failures that name customers read from a file, named by the file instead: ``customers.csv
    line 7, column number: ...`` for ``customers[5].number`` (see ``customers_file.located``)."""
    if not failures or news.customers_source is None:
        return failures
    source = source_of(news.customers_source, count_of(news.customer_count))
    if source is None:
        return failures
    pairs = located([(f.path, f.reason) for f in failures], source)
    return [Failure(path, reason) for path, reason in pairs]


def _validate(run: Run, olds: Campaign | None, news: Campaign) -> Validated:
    unknown = {api for api, key in _SENT if key in news.unknown}
    if unknown & {"assistantId", "workflowId"}:
        # Which of the two is set is not known yet: the rule "one of them" waits for up.
        unknown |= {"assistantId", "workflowId"}
    skipped = set(unknown)  # API keys not validated (unknown, or customers unchanged)
    body = {api: getattr(news, key) for api, key in _SENT if api not in unknown}
    body = {api: value for api, value in body.items() if value is not None}
    given = body.pop("customers", None)
    customers = None
    if given is not None and _same_customers(olds, news):
        skipped.add("customers")
    elif given is not None:
        try:
            customers = news.listed()
            customers.items  # noqa: B018 (decoded here: validation needs every customer)
        except ValueError as exc:
            return Validated([Failure("customers", str(exc))], fatal=True)
    fields = json.dumps(body, sort_keys=True, default=str)
    problems = tuple(p for p in run.validate(fields, customers) if not _within(p.path, skipped))
    failures = [Failure(p.path, p.message) for p in problems]
    return Validated(failures, problems, frozenset(unknown), customers)


def _same_customers(olds: Campaign | None, news: Campaign) -> bool:
    """The recorded customers, unchanged (they passed before). A list given to the plugin is
    compared by its canonical JSON with the recorded blob's (never encoded)."""
    old, new = olds.customer_list if olds is not None else None, news.customer_list
    if old is None or new is None:
        return False
    try:
        return old.same(new)
    except ValueError:
        return False  # a malformed blob: validation says so


def _within(path: str, api_keys: set[str]) -> bool:
    return any(path == k or path.startswith((k + ".", k + "[")) for k in api_keys)


def flag_failures(news: Campaign) -> list[Failure]:
    """The opt-ins must be what they say: a boolean, or (allow_redial, allow_duplicate) the id
    of the one campaign they allow. By the field table: every ``boolean|string`` state field,
    every ``boolean`` one."""
    failures = []
    either = (
        f"must be {names.value(True)}, {names.value(False)}, or the id of the one campaign it "
        "allows (the id a refusal names)"
    )
    for field in _FLAGS:
        value = getattr(news, field.python)
        if value is None or isinstance(value, bool) or is_unknown(value):
            continue
        if field.type == "boolean":
            failures.append(Failure(field.api, "must be a boolean (true or false)"))
        elif not isinstance(value, str) or not value.strip():
            failures.append(Failure(field.api, either))
    adopt_id = news.adopt_id
    if adopt_id is not None and not is_unknown(adopt_id) and not isinstance(adopt_id, str):
        failures.append(Failure("adoptId", "must be a campaign id (a string)"))
    return failures


def _screen(
    run: Run, news: Campaign, customers: CustomerList, replaced: str | None
) -> tuple[list[Failure], RuleFacts | None]:
    """What ``up`` would refuse of this create, judged now against the org (the run's one read
    of it): a key that does not work, the do-not-call list, the duplicate guard, the call
    limit; an ``adopt_id`` campaign that does not match. And the facts the report shows."""
    named = who(news)
    try:
        declared = news.declared(customers)
        guard = run.guard()
    except ConfigurationError as exc:
        return [Failure("", f"{named}: {exc}")], None
    if isinstance(news.adopt_id, str) and replaced is None:
        return _screen_takeover(run, news, customers)
    failures = [Failure("", f"{named}: {r.message}") for r in guard.do_not_call(declared)]
    rules = guard.rules
    facts = RuleFacts(
        do_not_call=None
        if rules.do_not_call is None
        else len(rules.do_not_call.listed_in(declared.people)),
        call_limit=str(rules.call_limit) if rules.call_limit else None,
    )
    try:
        facts = _judged(run, news, declared, replaced, facts)
    except DuplicateCampaign as exc:
        hint = same_moment(guard, exc.campaign_ids, run.handoff.names)
        failures.append(Failure("", f"{named}: {exc}{hint}"))
    except Refused as exc:
        failures += [Failure("", f"{named}: {message}") for _path, message in exc.reasons]
    except Unauthorized:
        failures.append(Failure("", f"{named}: {KEY_REFUSED}"))
    except CozmoxError as exc:
        failures.append(Failure("", f"{named}: the campaign cannot be judged: {exc}"))
    return failures, facts


def _screen_takeover(
    run: Run, news: Campaign, customers: CustomerList
) -> tuple[list[Failure], RuleFacts | None]:
    """An ``adopt_id`` create: the campaign must exist and match (GET), and what it can still
    call is judged against every rule (:mod:`.takeover`)."""
    named = who(news)
    try:
        campaign, plan = adoptable(run, str(news.adopt_id), news)
    except Unauthorized:
        return [Failure("", f"{named}: {KEY_REFUSED}")], None
    except CozmoxError as exc:
        return [Failure("adoptId", str(exc))], None
    taken = takeover_of(campaign, plan, news, run.now())
    try:
        judged = judge_takeover(run, taken, news, customers)
    except Unauthorized:
        return [Failure("", f"{named}: {KEY_REFUSED}")], None
    except CozmoxError as exc:
        return [Failure("", f"{named}: the takeover cannot be judged: {exc}")], None
    facts = RuleFacts(
        do_not_call=judged.do_not_call,
        call_limit=judged.call_limit,
        also_called=judged.also_called,
        adopting=(campaign, plan),
        still_calls=judged.people,
        still_hours=judged.hours,
    )
    return [Failure(p.path, p.message) for p in judged.problems], facts


def _judged(
    run: Run, news: Campaign, declared: Declared, replaced: str | None, facts: RuleFacts
) -> RuleFacts:
    """The facts of a create judged against the org (raises what the guard refuses)."""
    guard = run.guard()
    guard.org.load()
    name = resource_of(news)
    _, overlaps = screen(
        guard,
        declared,
        allow_duplicate=news.opt_in("allow_duplicate"),
        resource=name,
        exclude=frozenset({replaced} if replaced else ()),
    )
    guard.plan(name, declared, guard.org.server_now())
    also = (
        AlsoCalled(o.other, o.people, span_text(o.start, o.end), o.start, o.end) for o in overlaps
    )
    return replace(facts, also_called=tuple(also))


def _shapes_the_calls(path: str) -> bool:
    """Whether a problem at ``path`` is in what calling hours are judged on (the schedule, a
    number, the customers themselves)."""
    return (
        path.startswith("schedulePlan")
        or path == "customers"
        or (path.startswith("customers[") and path.endswith(("].number", "]")))
    )


def _dials_anew(olds: Campaign | None, news: Campaign, validated: Validated) -> bool:
    """Whether the campaign will dial anew (a create, new customers, a new schedule) and its
    window can be judged; not for an unchanged one (not judged again here), values not known
    yet, or a mistake in what the window rests on (one error: no hours on it)."""
    if any(_shapes_the_calls(p.path) for p in validated.problems):
        return False
    if validated.unknown & {"customers", "schedulePlan"}:
        return False
    return not (
        olds is not None
        and validated.customers is None
        and same_instants(olds.schedule_plan, news.schedule_plan)
    )


def _past(news: Campaign, window: Window) -> list[Failure]:
    """A window that dials anew whose ``latestAt`` has passed by the API's clock."""
    past = past_window(window, news.schedule_plan)
    return [] if past is None else [Failure(past.path, past.message)]


def _hours(
    run: Run, news: Campaign, validated: Validated, policy: CallingPolicy
) -> CallingHours | None:
    """The calling hours of a campaign that dials anew, to refuse a window outside them."""
    try:
        customers = validated.customers or news.listed()
        return run.hours(customers, news.schedule_plan, policy)
    except ValueError:
        return None  # no valid customers: validation says so


def _create_report(
    name: str, customers: CustomerList, hours: CallingHours | None, facts: RuleFacts | None
) -> CampaignReport:
    """A create's report (diff is not called for a create, so check reports it)."""
    if facts is not None and facts.adopting is not None:
        campaign, plan = facts.adopting
        report = make_report(
            name,
            "adopt",
            reasons=plan.changed,
            campaign_id=str(campaign["id"]),
            old_outputs=outputs_from_api(campaign),
        )
        return adopt_report(report, facts)
    return create_report(name, customers, hours, facts)
