"""Fault injection and the request journal: an ASGI middleware around the emulated API.

Every request outside ``/__emulator/`` is recorded in the :class:`Journal` (method, path,
query, status, time; a request whose connection was dropped has ``status: null``) and may be
hit by a :class:`FaultRule`. Rules are tried in the order they were added; the first one that
matches the method and path and has ``times`` left is used up by one and applied:

``status``             answer ``status`` (429 adds ``Retry-After: retryAfter``) without
                       touching the API; the body is in the API's error format.
``delay``              wait ``delaySeconds``, then handle the request normally.
``drop``               close the connection before the request is handled: nothing is stored,
                       the client sees the connection closed without a response.
``drop_after_commit``  handle the request (a write is committed), discard the response and
                       close the connection: the client cannot know the write happened.

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
import json
import threading
import time
from collections import deque
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any

from uvicorn.protocols.http.h11_impl import H11Protocol

__all__ = [
    "ACTIONS",
    "DroppingH11Protocol",
    "FaultMiddleware",
    "FaultRule",
    "Faults",
    "Journal",
]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CONTROL_PREFIX = "/__emulator/"
DROP_EXTENSION = "cozmox.drop_connection"
ACTIONS = ("status", "delay", "drop", "drop_after_commit")
FAULT_STATUSES = (400, 401, 403, 404, 408, 409, 429, 500, 502, 503, 504)
JOURNAL_SIZE = 10_000


@dataclass
class FaultRule:
    """One fault: which requests it hits, what it does, how many more times."""

    action: str
    method: str = "*"
    path: str = "*"
    times: int = 1
    status: int = 503
    retry_after: float = 1
    delay_seconds: float = 0.0
    hits: int = field(default=0)

    @classmethod
    def from_json(cls, data: Any) -> FaultRule:
        """Parse ``{"action", "method", "path", "times", "status", "retryAfter",
        "delaySeconds"}``; raise ValueError with a reason."""
        if not isinstance(data, dict):
            raise ValueError("a fault rule must be an object")
        known = {"action", "method", "path", "times", "status", "retryAfter", "delaySeconds"}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ValueError(f"unknown fault rule keys: {', '.join(unknown)}")
        action = data.get("action", "status")
        if action not in ACTIONS:
            raise ValueError(f"action must be one of {', '.join(ACTIONS)}")
        method = str(data.get("method", "*")).upper()
        path = str(data.get("path", "*"))
        times = data.get("times", 1)
        if not isinstance(times, int) or isinstance(times, bool) or times < 1:
            raise ValueError("times must be a positive integer")
        status = data.get("status", 503)
        if action == "status" and status not in FAULT_STATUSES:
            raise ValueError(f"status must be one of {FAULT_STATUSES}")
        retry_after = data.get("retryAfter", 1)
        delay = data.get("delaySeconds", 0.0)
        for name, value in (("retryAfter", retry_after), ("delaySeconds", delay)):
            if not isinstance(value, int | float) or isinstance(value, bool) or value < 0:
                raise ValueError(f"{name} must be a non-negative number")
        if action == "delay" and delay <= 0:
            raise ValueError("a delay rule needs delaySeconds > 0")
        return cls(action, method, path, times, status, retry_after, float(delay))

    def matches(self, method: str, path: str) -> bool:
        if self.method not in ("*", method):
            return False
        return self.path == path or fnmatch.fnmatchcase(path, self.path)

    def to_json(self) -> dict[str, Any]:
        return {
            "action": self.action,
            "method": self.method,
            "path": self.path,
            "times": self.times,
            "hits": self.hits,
            "status": self.status,
            "retryAfter": self.retry_after,
            "delaySeconds": self.delay_seconds,
        }


class Faults:
    """The active fault rules (thread-safe)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._rules: list[FaultRule] = []

    def add(self, rule: FaultRule) -> None:
        with self._lock:
            self._rules.append(rule)

    def clear(self) -> None:
        with self._lock:
            self._rules.clear()

    def take(self, method: str, path: str) -> FaultRule | None:
        """The first matching rule with uses left, used up by one; or None."""
        with self._lock:
            for rule in self._rules:
                if rule.times > 0 and rule.matches(method, path):
                    rule.times -= 1
                    rule.hits += 1
                    return rule
        return None

    def to_json(self) -> list[dict[str, Any]]:
        with self._lock:
            return [r.to_json() for r in self._rules]


class Journal:
    """The requests the API received, in order (thread-safe, bounded)."""

    def __init__(self, size: int = JOURNAL_SIZE) -> None:
        self._lock = threading.Lock()
        self._entries: deque[dict[str, Any]] = deque(maxlen=size)

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
        }
        rule = self.faults.take(method, path)
        if rule is not None:
            entry["fault"] = rule.action

        async def recording_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                entry["status"] = message["status"]
            await send(message)

        try:
            if rule is None:
                await self.app(scope, receive, recording_send)
            elif rule.action == "status":
                await self._answer(rule, recording_send)
            elif rule.action == "delay":
                # Read the body first: a slow server still commits a request whose client
                # gave up waiting (the case a client's lookup after a timeout must catch).
                replay = await _buffered(receive)
                await asyncio.sleep(rule.delay_seconds)
                await self.app(scope, replay, recording_send)
            elif rule.action == "drop":
                # Read the body first: closing with unread data makes the kernel reset the
                # connection, and the client would see a reset instead of a clean close.
                await _buffered(receive)
                await self._drop(scope, entry)
            else:  # drop_after_commit

                async def discard(message: Message) -> None:
                    if message["type"] == "http.response.start":
                        entry["committedStatus"] = message["status"]

                await self.app(scope, receive, discard)
                await self._drop(scope, entry)
        finally:
            self.journal.record(entry)

    @staticmethod
    async def _answer(rule: FaultRule, send: Send) -> None:
        body = json.dumps(
            {
                "statusCode": rule.status,
                "error": HTTPStatus(rule.status).phrase,
                "message": "Fault injected by the emulator",
            }
        ).encode()
        headers = [
            (b"content-type", b"application/json; charset=utf-8"),
            (b"content-length", str(len(body)).encode()),
        ]
        if rule.status == 429:
            retry_after = rule.retry_after
            text = str(int(retry_after)) if float(retry_after).is_integer() else str(retry_after)
            headers.append((b"retry-after", text.encode()))
        await send({"type": "http.response.start", "status": rule.status, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    @staticmethod
    async def _drop(scope: Scope, entry: dict[str, Any]) -> None:
        drop = scope.get("extensions", {}).get(DROP_EXTENSION)
        if drop is None:
            entry["status"] = 500
            raise RuntimeError("connection drop requested, but the server cannot drop")
        entry["status"] = None
        drop()


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
