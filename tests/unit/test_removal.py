"""What removing a Campaign resource does to its record (issue 28): forget a campaign that has
dialed, delete one that never did, delete a dialed one only when the state opts in."""

from __future__ import annotations

import pytest

from pulumi_cozmox.core.plan.removal import DELETE, FORGET, removal, removal_of_recorded


@pytest.mark.parametrize(
    ("status", "placed", "opt_in", "expected"),
    [
        ("scheduled", 0, None, DELETE),  # nobody was called
        ("in-progress", 0, None, FORGET),  # dialing: ended, then kept
        ("ended", 3, None, FORGET),  # called people: the record stays
        ("ended", 0, None, DELETE),  # ended before it placed a call
        ("ended", None, None, FORGET),  # calls unknown: assume it dialed
        ("deleted", None, None, FORGET),  # already gone outside Pulumi: nothing to delete
        ("ended", 3, True, DELETE),  # the opt-in
        ("in-progress", 1, True, DELETE),
        ("ended", 3, "yes", FORGET),  # only True opts in
    ],
)
def test_removal(status: str, placed: int | None, opt_in: object, expected: str) -> None:
    assert removal(status, placed, opt_in) == expected


def test_removal_of_recorded_reads_the_counters_and_the_opt_in_from_state() -> None:
    ended = {"status": "ended", "calls_counter_ended": 2.0, "calls_counter_in_progress": 0.0}
    assert removal_of_recorded(ended) == FORGET
    assert removal_of_recorded({**ended, "delete_record_on_remove": True}) == DELETE
    assert removal_of_recorded({**ended, "calls_counter_ended": 0.0}) == DELETE
    # An older state without counters: unknown, so kept.
    assert removal_of_recorded({"status": "ended"}) == FORGET
