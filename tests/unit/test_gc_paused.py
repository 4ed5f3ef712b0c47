"""``_json.gc_paused``: the one helper that pauses the garbage collector (provider and
emulator). Pauses nest, across threads, and the state from before the first pause comes back."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

from pulumi_cozmox._json import gc_paused, loads

WAIT = 30.0  # seconds; only reached if a thread is stuck


@pytest.fixture(autouse=True)
def collector_on() -> Iterator[None]:
    gc.enable()
    yield
    gc.enable()


def test_a_pause_turns_the_collector_off_then_on_again() -> None:
    with gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_nested_pauses_in_one_thread_end_with_the_outer_one() -> None:
    with gc_paused():
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer pause is still on
    assert gc.isenabled()


def test_an_exception_ends_the_pause() -> None:
    with pytest.raises(KeyError), gc_paused():
        raise KeyError("boom")
    assert gc.isenabled()


@pytest.mark.parametrize("nested", [False, True])
def test_a_collector_disabled_before_stays_disabled(nested: bool) -> None:
    gc.disable()
    with gc_paused():
        if nested:
            with gc_paused():
                pass
        assert not gc.isenabled()
    assert not gc.isenabled()
    loads(b'{"customers": []}')
    assert not gc.isenabled()


def test_pauses_overlapping_across_threads_end_with_the_last_one() -> None:
    """A enters, B enters, A leaves (B still parsing: still off), B leaves: on again."""
    a_in, b_in, a_out, b_may_leave = (threading.Event() for _ in range(4))
    seen: dict[str, bool] = {}

    def thread_a() -> None:
        with gc_paused():
            a_in.set()
            assert b_in.wait(WAIT)
        seen["after A left"] = gc.isenabled()
        a_out.set()

    def thread_b() -> None:
        assert a_in.wait(WAIT)
        with gc_paused():
            b_in.set()
            assert b_may_leave.wait(WAIT)
        seen["after B left"] = gc.isenabled()

    threads = [threading.Thread(target=thread_a), threading.Thread(target=thread_b)]
    for thread in threads:
        thread.start()
    assert a_out.wait(WAIT)
    seen["while B paused"] = gc.isenabled()
    b_may_leave.set()
    for thread in threads:
        thread.join(WAIT)
    assert seen == {"after A left": False, "while B paused": False, "after B left": True}


def test_pauses_across_threads_restore_a_disabled_collector() -> None:
    """The first pause of a run records the state; a thread that ends last must not turn on
    a collector that was off before any pause began."""
    gc.disable()
    a_in, b_in = threading.Event(), threading.Event()

    def pause(mine: threading.Event, other: threading.Event) -> None:
        with gc_paused():
            mine.set()
            assert other.wait(WAIT)

    threads = [
        threading.Thread(target=pause, args=(a_in, b_in)),
        threading.Thread(target=pause, args=(b_in, a_in)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(WAIT)
    assert not gc.isenabled()


def test_many_threads_parsing_leave_the_collector_as_it_was() -> None:
    payload = b'{"customers": [{"number": "+14155550101"}]}'
    barrier = threading.Barrier(8)

    def parse() -> None:
        barrier.wait(WAIT)
        for _ in range(200):
            assert loads(payload) == {"customers": [{"number": "+14155550101"}]}

    threads = [threading.Thread(target=parse) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(WAIT)
    assert gc.isenabled()


def test_a_freezing_pause_moves_what_the_block_kept_out_of_the_collectors_reach() -> None:
    gc.unfreeze()
    try:
        with gc_paused(freeze=True):
            kept = [[n] for n in range(1000)]  # what a hook keeps in its run's caches
        assert gc.get_freeze_count() >= len(kept)
        assert gc.isenabled()
    finally:
        gc.unfreeze()


def test_a_plain_pause_freezes_nothing() -> None:
    gc.unfreeze()
    with gc_paused():
        kept = [[n] for n in range(1000)]
    assert gc.get_freeze_count() == 0 and len(kept) == 1000
