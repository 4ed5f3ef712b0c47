"""fastjson.loads parses like json.loads and leaves the garbage collector as it found it."""

from __future__ import annotations

import gc
import json
import threading

import pytest

from pulumi_cozmox import _json as fastjson

DOCUMENT = {"customers": [{"number": "+14155550101", "n": 1.5, "ok": True, "x": None}] * 50}


def test_parses_like_json() -> None:
    text = json.dumps(DOCUMENT)
    assert fastjson.loads(text.encode()) == json.loads(text)


def test_invalid_json_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        fastjson.loads(b'{"customers": [')


def test_collector_state_is_restored() -> None:
    assert gc.isenabled()
    fastjson.loads(b"[1, 2]")
    assert gc.isenabled()
    gc.disable()
    try:
        fastjson.loads(b"[1, 2]")
        assert not gc.isenabled()  # it was off: it stays off
    finally:
        gc.enable()


def test_concurrent_parses_leave_the_collector_on() -> None:
    payload = json.dumps(DOCUMENT).encode()

    def parse_many() -> None:
        for _ in range(50):
            assert fastjson.loads(payload) == DOCUMENT

    threads = [threading.Thread(target=parse_many) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert gc.isenabled()
