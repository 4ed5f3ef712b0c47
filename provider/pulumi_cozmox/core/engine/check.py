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
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from pulumi_cozmox.client.errors import (
    ConfigurationError,
    CozmoxError,
    DuplicateCampaign,
    Refused,
    Unauthorized,
)
from pulumi_cozmox.core.engine.adopt import adoptable
from pulumi_cozmox.core.engine.create import screen
from pulumi_cozmox.core.engine.outcome import Failure, Sink, is_unknown, resource_of, who
from pulumi_cozmox.core.engine.references import Judged, sets_names
from pulumi_cozmox.core.engine.refusals import KEY_REFUSED, same_moment, vanished_failure
from pulumi_cozmox.core.model.campaign import Declared
from pulumi_cozmox.core.model.compare import same_instants
from pulumi_cozmox.core.model.customers import CustomerList
from pulumi_cozmox.core.model.customers_file import SOURCE_KEY, located, source_of
from pulumi_cozmox.core.plan.refresh import outputs_from_api
from pulumi_cozmox.core.report.build import RuleFacts, create_report, make_report
from pulumi_cozmox.core.report.record import AlsoCalled, CampaignReport
from pulumi_cozmox.core.report.text import span_text
from pulumi_cozmox.core.resource import names
from pulumi_cozmox.core.resource.fields import ENDED, INPUT_TO_API, by_api, count_of
from pulumi_cozmox.core.rules.hours import OPT_OUT, CallingHours, calling_hours_problems
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
#: The opt-ins a resource can leave standing (set to true), by the API's names.
STANDING = ("allowRedial", "allowDuplicate", "allowOutsideCallingHours")


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


def check(run: Run, olds: Mapping[str, Any], news: Mapping[str, Any], sink: Sink) -> list[Failure]:
    """Failures of the desired campaign (empty: valid); see the module docstring."""
    validated = _validate(run, olds, news)
    if validated.fatal:
        return _in_file(validated.failures, news)
    failures = list(validated.failures)
    try:
        policy = run.rules().calling_policy
    except ConfigurationError as exc:
        return [*failures, Failure("", str(exc))]
    failures += flag_failures(news)
    failures += vanished_failure(run, olds, news)
    name = resource_of(news)
    replaced = run.handoff.replaced(name)
    run.handoff.take_refreshed(name)  # the program runs: what follows is no refresh's diff
    creating = not olds or replaced is not None
    adopting = isinstance(news.get("adopt_id"), str) and replaced is None
    if creating and news.get(ENDED) is True and not adopting:
        failures.append(Failure("ended", ENDED_CREATE))
    facts: RuleFacts | None = None
    valid = not failures
    if creating and validated.customers is not None and valid and not validated.unknown:
        # First, so that the calling hours below are judged by the API's clock.
        screened, facts = _screen(run, news, validated.customers, replaced)
        failures += screened
    named = _names(run, olds, news, creating, valid and not _key_refused(failures), sink)
    failures += named.failures
    hours = _hours(run, olds, news, validated, policy, _as_is(news, adopting, facts))
    if hours is not None:
        allowed = news.get(OPT_OUT) is True
        problems = calling_hours_problems(hours, allowed=allowed)
        failures += [Failure(p.path, p.message) for p in problems]
    _say_opt_ins(run, name, news, sink)
    reported = not olds and not replaced and run.reporting and validated.customers is not None
    if reported and not failures:
        assert validated.customers is not None
        report = _create_report(name, validated.customers, hours, facts)
        sink.report(replace(report, names=named.named))
    elif named.named and run.reporting and not failures:
        sink.report(CampaignReport(name, names=named.named))
    return _in_file(failures, news)


def _names(
    run: Run,
    olds: Mapping[str, Any],
    news: Mapping[str, Any],
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


def _in_file(failures: list[Failure], news: Mapping[str, Any]) -> list[Failure]:
    """Failures that name customers read from a file, named by the file instead: ``customers.csv
    line 7, column number: ...`` for ``customers[5].number`` (see ``customers_file.located``)."""
    if not failures or news.get(SOURCE_KEY) is None:
        return failures
    source = source_of(news[SOURCE_KEY], count_of(news.get("customer_count")))
    if source is None:
        return failures
    pairs = located([(f.path, f.reason) for f in failures], source)
    return [Failure(path, reason) for path, reason in pairs]


def _validate(run: Run, olds: Mapping[str, Any], news: Mapping[str, Any]) -> Validated:
    unknown: set[str] = set()
    skipped: set[str] = set()  # API keys not validated (unknown, or customers unchanged)
    body: dict[str, Any] = {}
    for key, api in INPUT_TO_API.items():
        value = news.get(key)
        if value is None:
            continue
        if is_unknown(value):
            unknown.add(api)
        elif key == "customers" and value == olds.get("customers"):
            skipped.add(api)
        else:
            body[api] = value
    if unknown & {"assistantId", "workflowId"}:
        # Which of the two is set is not known yet: the rule "one of them" waits for up.
        unknown |= {"assistantId", "workflowId"}
    skipped |= unknown
    blob = body.pop("customers", None)
    customers = None
    if blob is not None:
        try:
            customers = run.customers(blob)
            customers.items  # noqa: B018 (decoded here: validation needs every customer)
        except ValueError as exc:
            return Validated([Failure("customers", str(exc))], fatal=True)
    fields = json.dumps(body, sort_keys=True, default=str)
    problems = tuple(p for p in run.validate(fields, customers) if not _within(p.path, skipped))
    failures = [Failure(p.path, p.message) for p in problems]
    return Validated(failures, problems, frozenset(unknown), customers)


def _within(path: str, api_keys: set[str]) -> bool:
    return any(path == k or path.startswith((k + ".", k + "[")) for k in api_keys)


def flag_failures(news: Mapping[str, Any]) -> list[Failure]:
    """The opt-ins must be what they say: a boolean, or (allow_redial, allow_duplicate) the id
    of the one campaign they allow."""
    failures = []
    either = (
        f"must be {names.value(True)}, {names.value(False)}, or the id of the one campaign it "
        "allows (the id a refusal names)"
    )
    for flag, api in (("allow_redial", "allowRedial"), ("allow_duplicate", "allowDuplicate")):
        value = news.get(flag)
        if value is None or isinstance(value, bool) or is_unknown(value):
            continue
        if not isinstance(value, str) or not value.strip():
            failures.append(Failure(api, either))
    value = news.get(OPT_OUT)
    if value is not None and not isinstance(value, bool) and not is_unknown(value):
        failures.append(Failure("allowOutsideCallingHours", "must be a boolean (true or false)"))
    adopt_id = news.get("adopt_id")
    if adopt_id is not None and not is_unknown(adopt_id) and not isinstance(adopt_id, str):
        failures.append(Failure("adoptId", "must be a campaign id (a string)"))
    return failures


def _screen(
    run: Run, news: Mapping[str, Any], customers: CustomerList, replaced: str | None
) -> tuple[list[Failure], RuleFacts | None]:
    """What ``up`` would refuse of this create, judged now against the org (the run's one read
    of it): a key that does not work, the do-not-call list, the duplicate guard, the call
    limit; an ``adopt_id`` campaign that does not match. And the facts the report shows."""
    named = who(news)
    try:
        declared = Declared.from_props(news, customers)
        guard = run.guard()
    except ConfigurationError as exc:
        return [Failure("", f"{named}: {exc}")], None
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
    except _AdoptFailed as exc:
        failures.append(Failure("adoptId", str(exc)))
    except CozmoxError as exc:
        failures.append(Failure("", f"{named}: the campaign cannot be judged: {exc}"))
    return failures, facts


class _AdoptFailed(Exception):
    """The ``adopt_id`` campaign cannot be taken over (a check failure, not a refusal)."""


def _judged(
    run: Run, news: Mapping[str, Any], declared: Declared, replaced: str | None, facts: RuleFacts
) -> RuleFacts:
    """The facts of a create judged against the org (raises what the guard refuses)."""
    adopt_id = news.get("adopt_id")
    if isinstance(adopt_id, str) and replaced is None:
        try:
            return replace(facts, adopting=adoptable(run, adopt_id, news))
        except Unauthorized:
            raise
        except CozmoxError as exc:
            raise _AdoptFailed(str(exc)) from None
    guard = run.guard()
    guard.org.load()
    name = resource_of(news)
    _, overlaps = screen(
        guard,
        declared,
        allow_duplicate=news.get("allow_duplicate"),
        resource=name,
        exclude=frozenset({replaced} if replaced else ()),
    )
    guard.plan(name, declared, guard.org.server_now())
    also = (
        AlsoCalled(o.other, o.people, span_text(o.start, o.end), o.start, o.end) for o in overlaps
    )
    return replace(facts, also_called=tuple(also))


def _as_is(news: Mapping[str, Any], adopting: bool, facts: RuleFacts | None) -> bool:
    """Whether a takeover leaves the campaign as it is (calls nobody anew): its hours are
    judged only when the takeover moves its schedule (an ended one's never)."""
    adopted = facts.adopting if facts is not None else None
    return adopting and (
        news.get(ENDED) is True or adopted is None or "schedule_plan" not in adopted[1].changed
    )


def _shapes_the_calls(path: str) -> bool:
    """Whether a problem at ``path`` is in what calling hours are judged on (the schedule, a
    number, the customers themselves)."""
    return (
        path.startswith("schedulePlan")
        or path == "customers"
        or (path.startswith("customers[") and path.endswith(("].number", "]")))
    )


def _hours(
    run: Run,
    olds: Mapping[str, Any],
    news: Mapping[str, Any],
    validated: Validated,
    policy: CallingPolicy,
    as_is: bool,
) -> CallingHours | None:
    """The calling hours of a campaign that will dial anew (a create, new customers, a new
    schedule), to refuse a window outside its calling hours; None for an unchanged campaign
    (not judged again here), values not known yet, or a mistake in what they rest on."""
    if as_is or any(_shapes_the_calls(p.path) for p in validated.problems):
        return None  # a mistake in the schedule or a number is one error: no hours on it
    if validated.unknown & {"customers", "schedulePlan"}:
        return None
    schedule = news.get("schedule_plan")
    customers = validated.customers
    if olds and customers is None and same_instants(olds.get("schedule_plan"), schedule):
        return None
    try:
        judged = customers if customers is not None else run.customers(news["customers"])
        return run.hours(judged, schedule, policy)
    except (KeyError, ValueError):
        return None  # no valid customers: validation says so


def _say_opt_ins(run: Run, name: str, news: Mapping[str, Any], sink: Sink) -> None:
    """Standing opt-ins (set to true) are said once per run and resource, at every preview."""
    standing = tuple(api for api in STANDING if news.get(_python(api)) is True)
    if standing and run.handoff.first_time(name, standing) and run.reporting:
        sink.report(CampaignReport(name, opt_ins=standing))


def _python(api: str) -> str:
    found = by_api(api)
    return found.python if found is not None else api


def _create_report(
    name: str, customers: CustomerList, hours: CallingHours | None, facts: RuleFacts | None
) -> CampaignReport:
    """A create's report (diff is not called for a create, so check reports it)."""
    if facts is not None and facts.adopting is not None:
        campaign, plan = facts.adopting
        return make_report(
            name,
            "adopt",
            reasons=plan.changed,
            campaign_id=str(campaign["id"]),
            old_outputs=outputs_from_api(campaign),
        )
    return create_report(name, customers, hours, facts)
