"""A campaign taken over (``adopt_id``, what ``pulumi-cozmox export`` writes) is judged as a
created one is: on what it can still call.

Taking a campaign over does not stop it: a scheduled or dialing campaign still calls the
customers it has not called yet, in what is left of its window (the declared window when the
takeover moves it). So that is judged against every rule, as a create is: the calling hours of
each customer's region (the built-in 08:00-21:00 included) and the calling policy, the
do-not-call list, the call limit, and a moved window whose ``latestAt`` has passed. The
customers already called are those the campaign's ``calls`` map names by ``customerIndex``;
when the API does not say whom it called, every customer counts. A campaign that has ended, or
is taken over with ``ended=True``, calls nobody: nothing to refuse. Check judges it at preview
(and at ``up``, where the engine checks again); :func:`pulumi_cozmox.core.engine.adopt.adopt`
judges it once more just before its PATCH.

A refusal says that the campaign still dials as it is, and the ways out: move its window (while
scheduled), take it over and end it (``ended=True``), or, for calling hours only, opt in.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from pulumi_cozmox.core.engine.outcome import who
from pulumi_cozmox.core.model.campaign import Campaign, Declared
from pulumi_cozmox.core.model.compare import instant
from pulumi_cozmox.core.model.customers import CustomerList
from pulumi_cozmox.core.model.paths import customer_paths
from pulumi_cozmox.core.plan.change import Plan
from pulumi_cozmox.core.report.record import AlsoCalled
from pulumi_cozmox.core.report.text import span_text
from pulumi_cozmox.core.resource import names
from pulumi_cozmox.core.rules.hours import (
    CallingHours,
    Window,
    calling_hours_in,
    calling_hours_problems,
    dialing_window,
)
from pulumi_cozmox.core.rules.validation import Problem

if TYPE_CHECKING:
    from pulumi_cozmox.core.engine.run import Run

__all__ = ["PAST_PATH", "Judged", "Takeover", "judge_takeover", "past_window", "takeover_of"]

#: Where a window that has passed is refused.
PAST_PATH = "schedulePlan.latestAt"

#: How the guard's call-limit refusal names a create's ways out (replaced for a takeover).
_CREATE_WAYS = "; move this campaign's window"
#: What every refusal of a takeover says first.
STILL_DIALS = "taking it over does not stop it: the campaign still dials as it is"


@dataclass(frozen=True)
class Takeover:
    """The campaign taken over, and what it can still call: who (every customer but those
    ``called``), and when (``window``; None when it calls nobody)."""

    campaign: Mapping[str, Any]
    plan: Plan
    window: Window | None
    called: frozenset[int] = frozenset()
    moved: bool = False

    @property
    def id(self) -> str:
        return str(self.campaign.get("id"))


@dataclass(frozen=True)
class Judged:
    """What the rules found of a takeover: its problems, and the facts its report shows."""

    problems: tuple[Problem, ...] = ()
    people: int = 0
    """Customers it can still call (0: it calls nobody)."""
    hours: CallingHours | None = None
    do_not_call: int | None = None
    call_limit: str | None = None
    also_called: tuple[AlsoCalled, ...] = ()


@dataclass(frozen=True)
class _Uncalled(Declared):
    """The declared campaign, less the customers it has called already (their person None)."""

    called: frozenset[int] = frozenset()

    @property
    def people(self) -> tuple[str | None, ...]:
        everyone = self.customer_list.people
        return tuple(None if i in self.called else p for i, p in enumerate(everyone))


def takeover_of(campaign: Mapping[str, Any], plan: Plan, news: Campaign, now: datetime) -> Takeover:
    """What ``campaign``, taken over by ``news`` with ``plan``, can still call at ``now``."""
    moved = "schedule_plan" in plan.changed
    if news.ended is True or campaign.get("status") == "ended":
        return Takeover(campaign, plan, None, moved=moved)
    if moved:
        window: Window | None = dialing_window(news.schedule, now=now)  # as a create's
    else:
        window = _remaining(campaign, news.schedule, now)
    return Takeover(campaign, plan, window, _called(campaign), moved)


def _mapping(value: Any) -> Mapping[str, Any] | None:
    return value if isinstance(value, Mapping) else None


def _remaining(
    campaign: Mapping[str, Any], schedule: Mapping[str, Any] | None, now: datetime
) -> Window | None:
    """What is left of the campaign's window at ``now``: None once ``latestAt`` has passed."""
    plan = schedule or {}
    created = instant(campaign.get("createdAt")) or now
    earliest, latest = instant(plan.get("earliestAt")), instant(plan.get("latestAt"))
    start = max(created, earliest or created).astimezone(timezone.utc)
    end = latest.astimezone(timezone.utc) if latest is not None else None
    now = now.astimezone(timezone.utc)
    if end is not None and end <= now:
        return None
    if start <= now:
        return Window(start=now, end=end, at_once=True)
    return Window(start=start, end=end)


def _called(campaign: Mapping[str, Any]) -> frozenset[int]:
    """The customers the API says the campaign has called (``calls``: ``customerIndex``);
    none when it does not say whom (then every customer may still be called)."""
    calls = campaign.get("calls")
    if not isinstance(calls, Mapping):
        return frozenset()
    found = set()
    for call in calls.values():
        index = call.get("customerIndex") if isinstance(call, Mapping) else None
        if not isinstance(index, int) or isinstance(index, bool):
            return frozenset()
        found.add(index)
    return frozenset(found)


def past_window(window: Window, schedule: Any) -> Problem | None:
    """The problem of a window that dials anew whose ``latestAt`` is at or before the API's
    clock (``window.start`` is that clock when dialing would start at once): nobody could be
    called, and the API would create a campaign that ends at once."""
    if not window.closed or window.end is None:
        return None
    plan = _mapping(schedule) or {}
    latest = f"{names.field('schedulePlan')}.latestAt"
    return Problem(
        PAST_PATH,
        f"{latest} ({plan.get('latestAt')}) is at or before the API's clock "
        f"({window.start.strftime('%Y-%m-%d %H:%M:%S')} UTC): the window has passed, so the "
        f"campaign would call nobody (the API ends it at once and skips its customers); set "
        f"{latest} to a time to come",
    )


def judge_takeover(
    run: Run, taken: Takeover, news: Campaign, customers: CustomerList, *, up: bool = False
) -> Judged:
    """Every rule on what ``taken`` can still call (see the module docstring); raises what the
    org's read raises (the call limit reads the org; at ``up`` it catches up first)."""
    window = taken.window
    if window is None:
        return Judged()
    past = past_window(window, news.schedule_plan) if taken.moved else None
    if past is not None:
        return Judged((past,))
    uncalled = [i for i in range(len(customers)) if i not in taken.called]
    rules = run.rules()
    hours = _hours(run, taken, customers, uncalled)
    problems = calling_hours_problems(
        hours,
        allowed=news.allow_outside_calling_hours is True,
        when=f"{'its new' if taken.moved else 'what is left of its'} window "
        f"({span_text(window.start, window.end)})",
        ways_out=_ways_out(taken, opt_in=True),
    )
    named = who(news, taken.id)
    declared = _Uncalled(news.declared(customers).fields, customers, taken.called)
    listed = rules.do_not_call
    on_list = listed.listed_in(declared.people) if listed is not None else []
    if listed is not None and on_list:
        problems.append(
            Problem(
                "",
                f"{named}: {customer_paths(on_list)}: {len(on_list)} not called yet and on "
                f"the do-not-call list (cozmox:doNotCall {listed.path}); "
                + _ways_out(taken, opt_in=False, move=False),
            )
        )
    limited, also = _call_limit(run, taken, news, declared, up)
    problems += [Problem(p.path, f"{named}: {p.message}") for p in limited]
    return Judged(
        tuple(problems),
        people=len(uncalled),
        hours=hours,
        do_not_call=None if listed is None else len(on_list),
        call_limit=str(rules.call_limit) if rules.call_limit else None,
        also_called=also,
    )


def _hours(run: Run, taken: Takeover, customers: CustomerList, uncalled: list[int]) -> CallingHours:
    """The calling hours of the customers not called yet, by their positions in the list."""
    assert taken.window is not None
    keys = customers.keys
    hours = calling_hours_in([keys[i][0] for i in uncalled], taken.window, policy=run.policy())
    return replace(
        hours,
        outside_positions=tuple(uncalled[j] for j in hours.outside_positions),
        unknown_positions=tuple(uncalled[j] for j in hours.unknown_positions),
    )


def _call_limit(
    run: Run, taken: Takeover, news: Campaign, declared: _Uncalled, up: bool
) -> tuple[list[Problem], tuple[AlsoCalled, ...]]:
    """Customers not called yet that another campaign calls past the call limit."""
    guard = run.guard()
    if guard.rules.call_limit is None or taken.window is None:
        return [], ()
    if up:
        guard.org.catch_up()
    guard.org.load()
    refusals, overlaps = guard.call_limit(
        declared,
        guard.org.server_now(),
        resource=str(news.resource_name),
        exclude={taken.id},
        window=(taken.window.start, taken.window.end),
    )
    ways = _ways_out(taken, opt_in=False)
    # The guard's own ways out (move the window, remove customers) are a create's: the API
    # cannot remove customers from a campaign, so a takeover's replace them.
    problems = [Problem("", f"{r.message.split(_CREATE_WAYS)[0]}; {ways}") for r in refusals]
    also = tuple(
        AlsoCalled(o.other, o.people, span_text(o.start, o.end), o.start, o.end) for o in overlaps
    )
    return problems, also


def _ways_out(taken: Takeover, *, opt_in: bool, move: bool = True) -> str:
    """``taking it over does not stop it: ...; move its window (while it is scheduled), ...``"""
    ways = []
    if move and taken.campaign.get("status") == "scheduled":
        ways.append(f"move its {names.field('schedulePlan')} (while it is scheduled)")
    ways.append(f"take it over and end it with {names.setting('ended', True)}")
    if opt_in:
        ways.append(f"set {names.setting('allowOutsideCallingHours', True)} to call them anyway")
    listed = ", ".join(ways[:-1]) + (", or " if len(ways) > 1 else "") + ways[-1]
    return f"{STILL_DIALS}: {listed}"
