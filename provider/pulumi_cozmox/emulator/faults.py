"""Fault injection and the request journal: an ASGI middleware around the emulated API.

Every request outside ``/__emulator/`` is recorded in the :class:`Journal` (method, path,
query, status, time, ``bytes``: the size of the answer's body as sent; a request whose
connection was dropped has ``status: null``) and may be
hit by a :class:`FaultRule`. Rules are tried in the order they were added; the first one that
matches the method, path and query and has ``times`` left is used up by one and applied. A rule
is ``{"action", "method": "*", "path": "*" (a glob), "query": "*" (a glob of the raw query
string, say ``"updatedAtGe=*"``), "times": 1}`` plus the keys of its action (any other key is
refused):

``status``             ``status`` (one of :data:`FAULT_STATUSES`, default 503), ``retryAfter``
                       (seconds, default 1): answer ``status`` without touching the API, in the
                       API's error format; a 429 carries ``Retry-After: retryAfter``.
``delay``              ``delaySeconds`` (> 0): wait, then handle the request normally.
``drop``               close the connection before the request is handled: nothing is stored,
                       the client sees the connection closed without a response.
``drop_after_commit``  handle the request (a write is committed), discard the response and
                       close the connection: the client cannot know the write happened.
``answer``             ``status`` (required, 200-599), ``body`` (raw text, default empty: may be
                       ``""``, ``"[]"``, ``"{}"``, not JSON at all), ``contentType`` (default
                       ``application/json; charset=utf-8``; ``""`` sends none), ``commit``
                       (default false): reply exactly that. With ``commit: false`` the API is not
                       touched. With ``commit: true`` the request is first handled normally (a
                       POST is stored) and its real answer replaced by this one: a 2xx without
                       ``id``, a non-JSON 2xx, a 503 sent after the work was done (as a proxy
                       that lost the upstream answer would). A 204 or 304 has no body.
``delay_after_commit`` ``delaySeconds`` (> 0): handle the request (commit), then hold its answer
                       that long before sending it. A client that gives up (a timeout, a kill)
                       in that window never gets the answer: the write happened all the same.
``hold``               ``count`` (optional, >= 1), ``timeoutSeconds`` (> 0, default 60): hold each
                       matching request before it is handled, until ``count`` matching requests
                       are held (a barrier: they are then released together), or until
                       ``POST /__emulator/faults/release`` releases every held request (the way
                       without ``count``), or until ``timeoutSeconds`` have passed. Then each is
                       handled normally; its journal entry says how its hold ended, ``hold``:
                       ``"count"``, ``"release"`` or ``"timeout"``. A hold opens once: a request
                       that takes the rule after it was released is not held (``"open"``). The
                       way for a test to force requests to be in flight together, whatever the
                       load of the machine: no timing involved. The rule's listing shows
                       ``held``, how many requests it holds now whose clients wait for them; a
                       request whose client gave up (a timeout, a kill) no longer counts towards
                       ``count`` (a client's retries are not requests in flight together), yet
                       waits and is handled with the others. Clearing the rules (or a reset)
                       releases whatever they hold. A hold comes before every other rule:
                       a request it held then meets the others (a ``drop_after_commit`` on the
                       same POSTs loses the answers of creates held together).
``ignore_page``        ``GET /campaign`` only: serve page 1 whatever ``page`` says (``limit``
                       and the filters still apply) and leave ``metadata`` out of the answer,
                       as a server that ignores the parameter and sends no total would. A client
                       that pages until it gets a short or empty page, or that falls back to that
                       when the total is missing, loops forever once the org holds a full page;
                       a client must end from the results alone (a page with nothing new). Give
                       ``times`` for as many pages as the client may read.

Journal entries of requests the rate limiter refused (:mod:`.ratelimit`) carry
``rateLimited: true``.

Every journal entry also carries ``arrived`` and ``ended``: its places in one count of events
(a request arriving, a request ending: its answer sent or its connection dropped), kept by the
journal. Request A had ended before B arrived exactly when ``A.ended < B.arrived``: the order
of overlapping requests, with no clock involved.

Journal entries of a faulted request carry ``fault`` (the action); for ``drop_after_commit``,
``answer`` with ``commit`` and ``delay_after_commit`` they also carry ``committedStatus``, the
status the API gave the request it handled (``status`` is what the client was sent: null
when the connection was dropped, or when the client left during a ``delay_after_commit``).

Dropping: uvicorn answers 500 when an application raises before starting its response, so
raising is not enough. The server's protocol (:class:`DroppingH11Protocol`, installed by
:func:`pulumi_cozmox.emulator.server.serve`) puts a ``cozmox.drop_connection`` callable in
each request scope's extensions; it closes the transport and marks the request as
disconnected, so uvicorn sends nothing at all. Without that protocol a drop falls back to a
bare 500 (and says so in the journal).
"""

from __future__ import annotations

import asyncio
import fnmatch
import itertools
import json
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any
from urllib.parse import parse_qsl, urlencode

from uvicorn.protocols.http.h11_impl import H11Protocol

from .asgi import CONTROL_PREFIX, JSON_TYPE, ASGIApp, Message, Receive, Scope, Send, send_json
from .ratelimit import RATE_LIMITED

__all__ = [
    "ACTIONS",
    "DroppingH11Protocol",
    "FaultMiddleware",
    "FaultRule",
    "Faults",
    "Gate",
    "Journal",
]

DROP_EXTENSION = "cozmox.drop_connection"
FAULT_STATUSES = (400, 401, 403, 404, 408, 409, 429, 500, 502, 503, 504)
#: Statuses whose responses have no body (RFC 9110).
NO_BODY_STATUSES = (204, 304)
JOURNAL_SIZE = 10_000
#: How long a ``hold`` waits for its count or a release before the request goes on.
DEFAULT_HOLD_TIMEOUT = 60.0
LIST_PATH = "/campaign"

_COMMON_KEYS = ("action", "method", "path", "query", "times")
#: Each action and the rule keys it takes, besides the common ones.
_ACTION_KEYS: dict[str, tuple[str, ...]] = {
    "status": ("status", "retryAfter"),
    "delay": ("delaySeconds",),
    "drop": (),
    "drop_after_commit": (),
    "answer": ("status", "body", "contentType", "commit"),
    "delay_after_commit": ("delaySeconds",),
    "ignore_page": (),
    "hold": ("count", "timeoutSeconds"),
}
ACTIONS = tuple(_ACTION_KEYS)
_ALL_KEYS = {*_COMMON_KEYS, *(k for keys in _ACTION_KEYS.values() for k in keys)}


def _non_negative(name: str, value: Any) -> float:
    """``value`` as given (an int stays an int in the rule's JSON), or ValueError."""
    if not isinstance(value, int | float) or isinstance(value, bool) or value < 0:
        raise ValueError(f"{name} must be a non-negative number")
    return value


@dataclass
class FaultRule:
    """One fault: which requests it hits, what it does, how many more times."""

    action: str
    method: str = "*"
    path: str = "*"
    query: str = "*"
    times: int = 1
    status: int = 503
    retry_after: float = 1
    delay_seconds: float = 0.0
    body: str = ""
    content_type: str = JSON_TYPE
    commit: bool = False
    count: int | None = None
    timeout_seconds: float = DEFAULT_HOLD_TIMEOUT
    hits: int = field(default=0)
    gate: Gate = field(default_factory=lambda: Gate())

    @classmethod
    def from_json(cls, data: Any) -> FaultRule:
        """Parse a rule (see the module docstring); raise ValueError with a reason."""
        if not isinstance(data, dict):
            raise ValueError("a fault rule must be an object")
        unknown = sorted(set(data) - _ALL_KEYS)
        if unknown:
            raise ValueError(f"unknown fault rule keys: {', '.join(unknown)}")
        action = data.get("action", "status")
        if action not in ACTIONS:
            raise ValueError(f"action must be one of {', '.join(ACTIONS)}")
        misplaced = sorted(set(data) - {*_COMMON_KEYS, *_ACTION_KEYS[action]})
        if misplaced:
            raise ValueError(f"not keys of the {action} action: {', '.join(misplaced)}")
        rule = cls(action)
        rule.method = str(data.get("method", "*")).upper()
        rule.path = str(data.get("path", "*"))
        rule.query = str(data.get("query", "*"))
        times = data.get("times", 1)
        if not isinstance(times, int) or isinstance(times, bool) or times < 1:
            raise ValueError("times must be a positive integer")
        rule.times = times
        if action == "status":
            rule.status = data.get("status", 503)
            if rule.status not in FAULT_STATUSES:
                raise ValueError(f"status must be one of {FAULT_STATUSES}")
            rule.retry_after = _non_negative("retryAfter", data.get("retryAfter", 1))
        elif action in ("delay", "delay_after_commit"):
            rule.delay_seconds = float(_non_negative("delaySeconds", data.get("delaySeconds", 0)))
            if rule.delay_seconds <= 0:
                raise ValueError(f"a {action} rule needs delaySeconds > 0")
        elif action == "answer":
            rule._answer_from_json(data)
        elif action == "hold":
            rule._hold_from_json(data)
        elif action == "ignore_page":
            if rule.method not in ("*", "GET") or rule.path not in ("*", LIST_PATH):
                raise ValueError(f"ignore_page applies to GET {LIST_PATH} only")
            rule.method, rule.path = "GET", LIST_PATH
        return rule

    def _answer_from_json(self, data: dict[str, Any]) -> None:
        status = data.get("status")
        if not isinstance(status, int) or isinstance(status, bool) or not 200 <= status <= 599:
            raise ValueError("an answer rule needs status, an HTTP status from 200 to 599")
        body = data.get("body", "")
        if not isinstance(body, str):
            raise ValueError("body must be a string (the raw text to send)")
        if body and status in NO_BODY_STATUSES:
            raise ValueError(f"a {status} answer has no body")
        content_type = data.get("contentType", JSON_TYPE)
        if not isinstance(content_type, str) or not all(" " <= c <= "~" for c in content_type):
            raise ValueError("contentType must be a string of printable ASCII")
        commit = data.get("commit", False)
        if not isinstance(commit, bool):
            raise ValueError("commit must be true or false")
        self.status, self.body, self.content_type, self.commit = status, body, content_type, commit

    def _hold_from_json(self, data: dict[str, Any]) -> None:
        count = data.get("count")
        if count is not None and (
            not isinstance(count, int) or isinstance(count, bool) or count < 1
        ):
            raise ValueError("count must be a positive integer")
        timeout = _non_negative("timeoutSeconds", data.get("timeoutSeconds", DEFAULT_HOLD_TIMEOUT))
        if timeout <= 0:
            raise ValueError("a hold rule needs timeoutSeconds > 0")
        self.count, self.timeout_seconds = count, float(timeout)

    def matches(self, method: str, path: str, query: str = "") -> bool:
        if self.method not in ("*", method):
            return False
        if self.query != "*" and not fnmatch.fnmatchcase(query, self.query):
            return False
        return self.path == path or fnmatch.fnmatchcase(path, self.path)

    def to_json(self) -> dict[str, Any]:
        values = {
            "action": self.action,
            "method": self.method,
            "path": self.path,
            "query": self.query,
            "times": self.times,
            "status": self.status,
            "retryAfter": self.retry_after,
            "delaySeconds": self.delay_seconds,
            "body": self.body,
            "contentType": self.content_type,
            "commit": self.commit,
            "count": self.count,
            "timeoutSeconds": self.timeout_seconds,
        }
        keys = (*_COMMON_KEYS, *_ACTION_KEYS[self.action])
        listed = {**{k: values[k] for k in keys}, "hits": self.hits}
        if self.action == "hold":
            listed["held"] = self.gate.held
        return listed


class Gate:
    """Where the requests of one ``hold`` rule wait. Used on the server's event loop only (the
    middleware and the control routes run there), so it needs no lock; the event is made on
    first use, inside the loop.

    ``held`` counts the requests waiting whose clients are still there: a client that gives up
    (a timeout, then perhaps the same request again) no longer counts towards ``count``, so
    a barrier of N is N requests in flight at once, never one client's retries. Its request
    still waits, and is handled when the others are, as a server that has it would."""

    def __init__(self) -> None:
        self.held = 0
        self.waiting = 0  # held, or left by their clients
        self.opened_by: str | None = None
        self._event: asyncio.Event | None = None

    def open(self, how: str) -> int:
        """Release every request held here (``how``: what released them); returns how many."""
        released = self.waiting
        if self.opened_by is None:
            self.opened_by = how
        if self._event is not None:
            self._event.set()
        return released

    async def wait(self, count: int | None, timeout: float, receive: Receive) -> str:
        """Hold one request (its body read: ``receive`` only tells that its client left); how
        its hold ended: "count", "release", "timeout" or "open" (the gate was open already)."""
        if self.opened_by is not None:
            return "open"
        if self._event is None:
            self._event = asyncio.Event()
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        opened = asyncio.ensure_future(self._event.wait())
        gone = asyncio.ensure_future(_disconnected(receive))
        self.held += 1
        self.waiting += 1
        counted = True
        try:
            if count is not None and self.held >= count:
                self.open("count")
            await asyncio.wait({opened, gone}, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
            if gone.done() and not opened.done():
                self.held, counted = self.held - 1, False
                await asyncio.wait({opened}, timeout=max(0.0, deadline - loop.time()))
        finally:
            self.waiting -= 1
            if counted:
                self.held -= 1
            gone.cancel()
            opened.cancel()
        return (self.opened_by or "release") if self._event.is_set() else "timeout"


class Faults:
    """The active fault rules (thread-safe)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._rules: list[FaultRule] = []

    def add(self, rule: FaultRule) -> None:
        with self._lock:
            self._rules.append(rule)

    def clear(self) -> None:
        """Remove every rule; the requests held by a ``hold`` rule go on."""
        with self._lock:
            rules, self._rules = self._rules, []
        for rule in rules:
            rule.gate.open("release")

    def release(self) -> int:
        """Release the requests every ``hold`` rule holds; how many there were."""
        with self._lock:
            rules = [r for r in self._rules if r.action == "hold"]
        return sum(rule.gate.open("release") for rule in rules)

    def take(
        self, method: str, path: str, query: str = "", *, hold: bool = False
    ) -> FaultRule | None:
        """The first matching rule with uses left (a ``hold`` rule with ``hold``, any other
        without), used up by one; or None."""
        with self._lock:
            for rule in self._rules:
                if (rule.action == "hold") != hold:
                    continue
                if rule.times > 0 and rule.matches(method, path, query):
                    rule.times -= 1
                    rule.hits += 1
                    return rule
        return None

    def to_json(self) -> list[dict[str, Any]]:
        with self._lock:
            return [r.to_json() for r in self._rules]


class Journal:
    """The requests the API received, in order (thread-safe, bounded)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._entries: deque[dict[str, Any]] = deque(maxlen=JOURNAL_SIZE)
        self._events = itertools.count(1)

    def tick(self) -> int:
        """The next number of the journal's event count (``arrived``, ``ended``)."""
        with self._lock:
            return next(self._events)

    def record(self, entry: dict[str, Any]) -> None:
        with self._lock:
            self._entries.append(entry)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def entries(self) -> list[dict[str, Any]]:
        with self._lock:
            return list(self._entries)


def _iso_now() -> str:
    t = time.time()
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(t)) + f".{int(t * 1000) % 1000:03d}Z"


class FaultMiddleware:
    """Journal every API request and apply the matching fault rule, if any."""

    def __init__(self, app: ASGIApp, faults: Faults, journal: Journal) -> None:
        self.app = app
        self.faults = faults
        self.journal = journal

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] != "http" or path.startswith(CONTROL_PREFIX):
            await self.app(scope, receive, send)
            return
        method = scope["method"]
        entry: dict[str, Any] = {
            "method": method,
            "path": path,
            "query": scope.get("query_string", b"").decode("latin-1"),
            "status": None,
            "time": _iso_now(),
            "bytes": 0,
            "arrived": self.journal.tick(),
        }
        hold = self.faults.take(method, path, entry["query"], hold=True)

        async def recording_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                entry["status"] = message["status"]
            elif message["type"] == "http.response.body":
                entry["bytes"] += len(message.get("body", b""))
            await send(message)

        try:
            if hold is not None:
                entry["fault"] = "hold"
                # Read the body first: a held request is whole, only not handled yet.
                replay = await _buffered(receive)
                entry["hold"] = await hold.gate.wait(hold.count, hold.timeout_seconds, receive)
                receive = replay
            # Released, the request meets the other rules (a POST held, then its answer lost).
            rule = self.faults.take(method, path, entry["query"])
            if rule is not None:
                entry["fault"] = rule.action
            if rule is None:
                await self.app(scope, receive, recording_send)
            else:
                await self._apply(rule, scope, receive, recording_send, entry)
        finally:
            if scope.get(RATE_LIMITED):  # refused by the rate limiter (see .ratelimit)
                entry["rateLimited"] = True
            entry["ended"] = self.journal.tick()
            self.journal.record(entry)

    async def _apply(
        self, rule: FaultRule, scope: Scope, receive: Receive, send: Send, entry: dict[str, Any]
    ) -> None:
        action = rule.action
        if action == "status":
            await _send_error(rule, send)
        elif action == "delay":
            # Read the body first: a slow server still commits a request whose client
            # gave up waiting (the case a client's lookup after a timeout must catch).
            replay = await _buffered(receive)
            await asyncio.sleep(rule.delay_seconds)
            await self.app(scope, replay, send)
        elif action == "drop":
            # Read the body first: closing with unread data makes the kernel reset the
            # connection, and the client would see a reset instead of a clean close.
            await _buffered(receive)
            await _drop(scope, entry)
        elif action == "drop_after_commit":
            await self._commit(scope, receive, entry)
            await _drop(scope, entry)
        elif action == "answer":
            if rule.commit:
                await self._commit(scope, receive, entry)
            else:
                await _buffered(receive)  # read, as for a drop: a clean answer, not a reset
            await _send_answer(rule, send)
        elif action == "delay_after_commit":
            messages = await self._commit(scope, receive, entry)
            if not await _client_stays(receive, rule.delay_seconds):
                return  # nothing to send to: the journal keeps status null
            for message in messages:
                await send(message)
        else:  # ignore_page
            await self._first_page(scope, receive, send)

    async def _commit(self, scope: Scope, receive: Receive, entry: dict[str, Any]) -> list[Message]:
        """Handle the request normally and keep its response (not sent); records the status
        the API answered as ``committedStatus``."""
        messages: list[Message] = []

        async def keep(message: Message) -> None:
            if message["type"] == "http.response.start":
                entry["committedStatus"] = message["status"]
            messages.append(message)

        await self.app(scope, receive, keep)
        return messages

    async def _first_page(self, scope: Scope, receive: Receive, send: Send) -> None:
        query = [
            (k, v)
            for k, v in parse_qsl(
                scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True
            )
            if k != "page"
        ]
        first_page = {**scope, "query_string": urlencode(query).encode("latin-1")}
        messages: list[Message] = []

        async def keep(message: Message) -> None:
            messages.append(message)

        await self.app(first_page, receive, keep)
        start, *bodies = messages
        if start["status"] != 200:  # an error answer goes out as it is
            for message in messages:
                await send(message)
            return
        page = json.loads(b"".join(m.get("body", b"") for m in bodies))
        page.pop("metadata", None)
        body = json.dumps(page, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
        headers = [(k, v) for k, v in start["headers"] if k.lower() != b"content-length"]
        headers.append((b"content-length", str(len(body)).encode()))
        await send({**start, "headers": headers})
        await send({"type": "http.response.body", "body": body})


async def _send_error(rule: FaultRule, send: Send) -> None:
    """The ``status`` action: an error in the API's format."""
    error = {
        "statusCode": rule.status,
        "error": HTTPStatus(rule.status).phrase,
        "message": "Fault injected by the emulator",
    }
    headers = []
    if rule.status == 429:
        retry_after = rule.retry_after
        text = str(int(retry_after)) if float(retry_after).is_integer() else str(retry_after)
        headers.append((b"retry-after", text.encode()))
    await send_json(send, rule.status, error, headers)


async def _send_answer(rule: FaultRule, send: Send) -> None:
    """The ``answer`` action: exactly the status, body and content type of the rule."""
    body = rule.body.encode("utf-8")
    headers: list[tuple[bytes, bytes]] = []
    if rule.content_type:
        headers.append((b"content-type", rule.content_type.encode("ascii")))
    if rule.status not in NO_BODY_STATUSES:
        headers.append((b"content-length", str(len(body)).encode()))
    await send({"type": "http.response.start", "status": rule.status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


async def _drop(scope: Scope, entry: dict[str, Any]) -> None:
    drop = scope.get("extensions", {}).get(DROP_EXTENSION)
    if drop is None:
        entry["status"] = 500
        raise RuntimeError("connection drop requested, but the server cannot drop")
    entry["status"] = None
    drop()


async def _disconnected(receive: Receive) -> None:
    """Return when the client has gone (once the request body has been read, the server's
    ``receive`` only returns when it has)."""
    while (await receive())["type"] != "http.disconnect":
        pass


async def _client_stays(receive: Receive, seconds: float) -> bool:
    """Wait ``seconds``; False as soon as the client disconnects."""
    watcher = asyncio.ensure_future(_disconnected(receive))
    try:
        done, _ = await asyncio.wait({watcher}, timeout=seconds)
    finally:
        watcher.cancel()
    return watcher not in done


async def _buffered(receive: Receive) -> Receive:
    """Read the whole request body now; returns a ``receive`` that hands it out again."""
    chunks: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    pending: list[Message] = [{"type": "http.request", "body": b"".join(chunks)}]

    async def replay() -> Message:
        return pending.pop() if pending else await receive()

    return replay


class DroppingH11Protocol(H11Protocol):
    """uvicorn's h11 protocol, with a way for the application to drop the connection."""

    def handle_events(self) -> None:
        super().handle_events()
        cycle = self.cycle
        if cycle is not None and getattr(cycle, "_cozmox_drop", None) is None:
            scope: dict[str, Any] = cycle.scope  # type: ignore[assignment]
            extensions = scope.setdefault("extensions", {})

            def drop() -> None:
                cycle.disconnected = True
                self.transport.close()

            extensions[DROP_EXTENSION] = drop
            cycle._cozmox_drop = drop  # type: ignore[attr-defined]
