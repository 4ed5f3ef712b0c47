"""The emulator's token bucket, on a clock that moves only when told."""

from __future__ import annotations

import pytest

from pulumi_cozmox.emulator.ratelimit import RateLimit, RateLimiter, parse_rate, retry_after


class Clock:
    def __init__(self) -> None:
        self.now = 50.0

    def __call__(self) -> float:
        return self.now


def test_a_bucket_per_key_refills_at_the_rate_up_to_the_burst() -> None:
    clock = Clock()
    limiter = RateLimiter(RateLimit(per_second=2, burst=3), clock=clock)
    assert [limiter.wait("a") for _ in range(3)] == [0, 0, 0]  # the burst
    assert limiter.wait("a") == pytest.approx(0.5)  # the next token in 1/2 s
    assert limiter.wait("b") == 0  # another key: its own bucket
    clock.now += 0.25
    assert limiter.wait("a") == pytest.approx(0.25)  # a refused request took nothing
    clock.now += 0.25
    assert limiter.wait("a") == 0
    clock.now += 60  # refilled, but never past the burst
    assert [limiter.wait("a") for _ in range(4)][-1] == pytest.approx(0.5)


def test_a_new_limit_starts_every_bucket_full_and_restore_goes_back_to_the_start() -> None:
    clock = Clock()
    limiter = RateLimiter(RateLimit(per_second=1, burst=1), clock=clock)
    limiter.wait("a")
    assert limiter.wait("a") > 0
    limiter.set(RateLimit(per_second=1, burst=2))
    assert limiter.wait("a") == 0
    limiter.set(None)
    assert all(limiter.wait("a") == 0 for _ in range(100))
    limiter.restore()
    assert limiter.limit == RateLimit(per_second=1, burst=1)


@pytest.mark.parametrize(
    ("data", "limit"),
    [
        ({"perSecond": 5}, RateLimit(5.0, 5)),
        ({"perSecond": 0.5}, RateLimit(0.5, 1)),
        ({"perSecond": 2.5, "burst": 10}, RateLimit(2.5, 10)),
    ],
)
def test_limits_from_json(data: dict[str, object], limit: RateLimit) -> None:
    assert RateLimit.from_json(data) == limit


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"perSecond": 0},
        {"perSecond": -1},
        {"perSecond": "5"},
        {"perSecond": True},
        {"perSecond": 5, "burst": 0},
        {"perSecond": 5, "burst": 1.5},
        {"perSecond": 5, "per": 1},
        [5],
    ],
)
def test_bad_limits_are_refused(data: object) -> None:
    with pytest.raises(ValueError):
        RateLimit.from_json(data)


def test_rates_on_the_command_line() -> None:
    assert parse_rate("5/s") == parse_rate("5") == 5.0
    assert parse_rate("0.5/s") == 0.5
    for bad in ("0/s", "5/m", "fast", "-1"):
        with pytest.raises(ValueError):
            parse_rate(bad)


@pytest.mark.parametrize(("wait", "header"), [(0.06, 1), (0.5, 1), (1.0, 1), (2.0, 2), (2.5, 3)])
def test_retry_after_is_when_the_next_token_is_due_rounded_up(wait: float, header: int) -> None:
    assert retry_after(wait) == header
