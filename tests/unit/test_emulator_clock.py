"""The emulator's clock, pure: frozen it ignores the wall clock, thawed it runs on from where it
stood, a move is applied exactly and never goes back, durations are ISO 8601's."""

from __future__ import annotations

import pytest

from pulumi_cozmox.emulator.clock import Clock, Move, parse_duration_ms, parse_move

WALL = 1_900_000_000_123  # ms since the epoch, not on a whole second


def test_a_frozen_clock_ignores_the_wall_clock_and_stops_on_a_whole_second() -> None:
    frozen = Clock(offset_ms=5_000).moved(Move(freeze=True), WALL)
    assert frozen.now_ms(WALL) == frozen.now_ms(WALL + 3_600_000) == WALL + 5_000 - 123 + 1_000
    assert frozen.to_json(WALL + 10_000)["frozen"] is True


def test_a_thawed_clock_runs_on_from_where_it_stood() -> None:
    frozen = Clock().moved(Move(freeze=True, set_ms=2_000_000_000_000), WALL)
    thawed = frozen.moved(Move(freeze=False), WALL + 60_000)
    assert thawed.frozen_ms is None
    assert thawed.now_ms(WALL + 60_000) == 2_000_000_000_000
    assert thawed.now_ms(WALL + 61_000) == 2_000_000_001_000


def test_moves_are_exact_and_never_back() -> None:
    clock = Clock().moved(Move(freeze=True, set_ms=2_000_000_000_000), WALL)
    assert clock.moved(Move(advance_ms=7_200_000), WALL).now_ms(WALL) == 2_000_007_200_000
    running = Clock(offset_ms=1_000)
    assert running.moved(Move(advance_ms=500), WALL).now_ms(WALL + 10) == WALL + 1_510
    with pytest.raises(ValueError, match="only moves forward"):
        clock.moved(Move(set_ms=1_999_999_999_999), WALL)


@pytest.mark.parametrize(
    ("text", "ms"),
    [("PT2H", 7_200_000), ("P1DT30M", 88_200_000), ("P2W", 1_209_600_000), ("PT0,25S", 250)],
)
def test_iso_durations(text: str, ms: int) -> None:
    assert parse_duration_ms(text) == ms
    assert parse_move({"advance": text}) == Move(advance_ms=ms)


@pytest.mark.parametrize("text", ["P", "PT", "P1Y", "P1M", "PT-1H", "2 hours", "P1DT"])
def test_what_is_no_duration_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="ISO 8601 duration"):
        parse_duration_ms(text)
