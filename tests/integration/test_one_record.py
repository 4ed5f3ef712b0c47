"""One record per campaign and preview (issue 31, case 6), through the run's hooks against the
emulator, called as the engine calls them: check, then diff for a campaign in state.

A recorded campaign's standing opt-ins (and what a changed id names) are said by its diff, in
the one record it prints: an update's, or one of their own when nothing changes. Check says them
only when no diff follows: a create, or a check that fails.
"""

from __future__ import annotations

from typing import Any

import pytest

from pulumi_cozmox.core.engine.outcome import Refusal
from tests.integration.helpers import Collect, create
from tests.integration.test_run import props

OPTED_IN = ("allowOutsideCallingHours",)


def recorded(run_for: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    """A campaign with a standing opt-in, created: its inputs and recorded outputs."""
    p = props("kept", "2099-01-05T17:00", ["+14155550101"], allow_outside_calling_hours=True)
    return p, create(run_for(), p)


def previewed(run_for: Any, olds: dict[str, Any], news: dict[str, Any]) -> list[tuple[Any, ...]]:
    """check then diff, as a preview runs them in one process: what each record says."""
    run, said = run_for(), Collect()
    assert run.check(olds, news, said) == []
    run.diff(str(olds["id"]), olds, news, said)
    return [(r.resource, r.action, r.opt_ins) for r in said.reports]


def test_an_update_of_an_opted_in_campaign_is_one_record(run_for, emulator) -> None:
    p, olds = recorded(run_for)
    assert previewed(run_for, olds, {**p, "name": "Renamed"}) == [("kept", "update", OPTED_IN)]


def test_an_unchanged_opted_in_campaign_says_its_opt_in_once(run_for, emulator) -> None:
    p, olds = recorded(run_for)
    assert previewed(run_for, olds, p) == [("kept", None, OPTED_IN)]


def test_a_refused_diff_still_says_the_opt_in(run_for, emulator) -> None:
    p, olds = recorded(run_for)
    run, said = run_for(), Collect()
    news = {**p, "adopt_id": "c-other"}  # newly set to another campaign: refused
    assert run.check(olds, news, said) == []
    with pytest.raises(Refusal):
        run.diff(str(olds["id"]), olds, news, said)
    assert [(r.action, r.opt_ins) for r in said.reports] == [(None, OPTED_IN)]


def test_without_a_diff_to_follow_check_says_it(run_for, emulator) -> None:
    p, olds = recorded(run_for)
    # A create: its record carries the opt-in.
    run, said = run_for(), Collect()
    other = props("new", "2099-01-05T17:00", ["+14155550102"], allow_outside_calling_hours=True)
    assert run.check({}, other, said) == []
    assert [(r.resource, r.action, r.opt_ins) for r in said.reports] == [
        ("new", "create", OPTED_IN)
    ]
    # A check that fails: the engine diffs nothing, so check says it.
    said = Collect()
    assert run.check(olds, {**p, "phone_number_id": "pn-gone"}, said) != []
    assert [(r.resource, r.action, r.opt_ins) for r in said.reports] == [("kept", None, OPTED_IN)]
