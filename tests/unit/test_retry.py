"""The retry policy's pauses and notices, without the network (the emulator tests of the same
are in tests/integration/test_client.py)."""

from __future__ import annotations

import random

import pytest

from pulumi_cozmox.client.retry import BACKOFF_MAX, NOTICE_AFTER, QUIET, RetryPolicy


class Clock:
    """A monotonic clock that moves only when told (or when the policy sleeps)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def no_sleep(_seconds: float) -> None:
    raise AssertionError("the policy computes pauses; the transport sleeps")


def policy(clock: Clock | None = None, lines: list[str] | None = None) -> RetryPolicy:
    notice = None if lines is None else lines.append
    made = RetryPolicy(clock=clock or Clock(), notice=notice, sleep=no_sleep)
    made._random = random.Random(7)  # the same draws every run
    return made


@pytest.mark.parametrize("hinted", [0.0, 1.0, 2.0, 10.0, 120.0])
def test_jitter_is_added_to_retry_after_and_spreads_workers(hinted: float) -> None:
    p = policy()
    pauses = [p.rate_limited_pause(hinted, limited=0) for _ in range(1000)]
    window = min(BACKOFF_MAX, 1 + hinted / 2)
    assert min(pauses) >= hinted  # never sooner than the API asked
    assert max(pauses) <= hinted + window
    # Spread over most of the window, not bunched: workers told the same come back apart.
    assert max(pauses) - min(pauses) > 0.9 * window


def test_without_retry_after_backoff_is_exponential_full_jitter_and_capped() -> None:
    p = policy()
    for limited in range(12):
        ceiling = min(BACKOFF_MAX, 0.5 * 2**limited)
        pauses = [p.rate_limited_pause(None, limited) for _ in range(300)]
        assert 0 <= min(pauses) < 0.1 * ceiling  # full jitter: from zero
        assert 0.9 * ceiling < max(pauses) <= ceiling


def test_a_long_wait_is_told_once_per_episode() -> None:
    clock, lines = Clock(), list[str]()
    p = policy(clock, lines)
    until = clock.now + 300
    p.pausing(2, held=NOTICE_AFTER - 0.5, until=until)  # a short wait: nothing to say
    assert lines == []
    p.pausing(2, held=NOTICE_AFTER + 1, until=until)
    p.pausing(60, held=60, until=until)  # the same episode (another request, say): said once
    assert len(lines) == 1
    assert lines[0].startswith("cozmox: the Cozmox API is rate limiting requests (429")
    assert "waiting 4 s (retrying until " in lines[0]
    assert lines[0].endswith(" UTC, cozmox:retryDeadline)")
    clock.now += 60 + QUIET - 1  # the last pause (60 s) ended less than QUIET ago
    p.pausing(1, held=NOTICE_AFTER, until=until)
    assert len(lines) == 1
    clock.now += 1 + QUIET + 1  # quiet since that pause: the next long wait is a new episode
    p.pausing(1, held=NOTICE_AFTER, until=clock.now + 100)
    assert len(lines) == 2


def test_a_failing_notice_does_not_fail_the_request() -> None:
    def broken(_line: str) -> None:
        raise OSError("the engine has gone")

    p = RetryPolicy(clock=Clock(), notice=broken)
    p.pausing(1, held=NOTICE_AFTER + 1, until=2000.0)  # no exception
