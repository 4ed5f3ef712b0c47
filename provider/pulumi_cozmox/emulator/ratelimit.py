"""A rate limiter per API key, as an API gateway keeps one: a token bucket per key.

Each key that sends a request has a bucket that holds up to ``burst`` tokens and refills at
``per_second`` tokens a second; a request takes a token, or, when none is left, is refused
with ``429 Too Many Requests`` in the API's error format and ``Retry-After``: the seconds
until the bucket holds a token again, rounded up to whole seconds. A refused request takes
nothing (a client that retries too early only loses its turn). Buckets start full.

The limit applies to the API only: requests with a key the emulator accepts, outside
``/__emulator/`` (a missing or unknown key is answered 401 by the API, as a gateway checks a
key before it counts it; nor can made-up keys grow the buckets). Time is this machine's
monotonic clock, not the emulator's movable clock: a rate is about real requests, and moving
the campaign clock must not refill the buckets.

Set at start (``cozmox-emulator --rate-limit 5/s --rate-burst 5``), or at run time under
``/__emulator/rate-limit`` (:mod:`.control`); ``/__emulator/reset`` goes back to the start-up
limit (none unless one was given). The journal marks each refused request ``rateLimited``.
"""

from __future__ import annotations

import math
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .asgi import CONTROL_PREFIX, ASGIApp, Receive, Scope, Send, send_json

__all__ = [
    "RATE_LIMITED",
    "RateLimit",
    "RateLimitMiddleware",
    "RateLimiter",
    "parse_rate",
    "retry_after",
]

#: The scope key a refused request is marked with (the journal reads it).
RATE_LIMITED = "cozmox.rate_limited"
_RATE = re.compile(r"(\d+(?:\.\d+)?)(?:/s)?")


@dataclass(frozen=True)
class RateLimit:
    """``per_second`` tokens a second into a bucket of ``burst`` per API key."""

    per_second: float
    burst: int

    @classmethod
    def from_json(cls, data: Any) -> RateLimit:
        """``{"perSecond": N, "burst": M}`` (burst defaults to N rounded up); ValueError."""
        if not isinstance(data, dict) or set(data) - {"perSecond", "burst"}:
            raise ValueError('body must be {"perSecond": N, "burst": M} (burst optional)')
        rate = data.get("perSecond")
        if not isinstance(rate, int | float) or isinstance(rate, bool) or not 0 < rate < math.inf:
            raise ValueError("perSecond must be a positive number")
        burst = data.get("burst", max(1, math.ceil(rate)))
        if not isinstance(burst, int) or isinstance(burst, bool) or burst < 1:
            raise ValueError("burst must be a positive integer")
        return cls(float(rate), burst)

    def to_json(self) -> dict[str, Any]:
        return {"perSecond": self.per_second, "burst": self.burst}


def retry_after(wait: float) -> int:
    """``Retry-After`` for a token due in ``wait`` seconds: whole seconds, rounded up (a
    client that comes back then finds the token)."""
    return max(1, math.ceil(wait))


def parse_rate(text: str) -> float:
    """``5/s`` or ``5`` -> 5.0 (requests a second); ValueError otherwise."""
    match = _RATE.fullmatch(text.strip())
    if match is None or float(match.group(1)) <= 0:
        raise ValueError(f"a rate is N/s with N > 0, like 5/s, got {text!r}")
    return float(match.group(1))


class _Bucket:
    def __init__(self, limit: RateLimit, now: float) -> None:
        self.tokens = float(limit.burst)
        self.at = now

    def take(self, limit: RateLimit, now: float) -> float:
        """0 when a token was taken; else the seconds until the next one is due."""
        self.tokens = min(float(limit.burst), self.tokens + (now - self.at) * limit.per_second)
        self.at = now
        if self.tokens >= 1:
            self.tokens -= 1
            return 0.0
        return (1 - self.tokens) / limit.per_second


class RateLimiter:
    """The limit in force and a bucket per API key (thread-safe)."""

    def __init__(
        self, initial: RateLimit | None = None, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.initial = initial
        self._clock = clock
        self._lock = threading.Lock()
        self._limit = initial
        self._buckets: dict[str, _Bucket] = {}

    @property
    def limit(self) -> RateLimit | None:
        with self._lock:
            return self._limit

    def set(self, limit: RateLimit | None) -> None:
        """Put ``limit`` in force (None: no limit); every bucket starts full again."""
        with self._lock:
            self._limit = limit
            self._buckets.clear()

    def restore(self) -> None:
        """Back to the limit given at start."""
        self.set(self.initial)

    def wait(self, key: str) -> float:
        """0 when a request of ``key`` may go ahead (its token taken); else the seconds until
        it could."""
        with self._lock:
            limit = self._limit
            if limit is None:
                return 0.0
            now = self._clock()
            bucket = self._buckets.get(key)
            if bucket is None:
                bucket = self._buckets[key] = _Bucket(limit, now)
            return bucket.take(limit, now)


def _bearer(scope: Scope) -> str | None:
    for name, value in scope.get("headers", []):
        if name.lower() == b"authorization":
            scheme, _, token = value.decode("latin-1").partition(" ")
            if scheme.lower() != "bearer":
                return None
            return token.strip() or None
    return None


class RateLimitMiddleware:
    """Answer 429 to an API request whose key (one that ``known`` accepts) has no token left;
    pass the rest on."""

    def __init__(self, app: ASGIApp, limiter: RateLimiter, known: Callable[[str], bool]) -> None:
        self.app = app
        self.limiter = limiter
        self.known = known

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        key = _bearer(scope) if scope["type"] == "http" else None
        if (
            key is None
            or self.limiter.limit is None
            or scope.get("path", "").startswith(CONTROL_PREFIX)
            or not self.known(key)
        ):
            await self.app(scope, receive, send)
            return
        wait = self.limiter.wait(key)
        if wait <= 0:
            await self.app(scope, receive, send)
            return
        scope[RATE_LIMITED] = True
        # The body is left unread: uvicorn discards what arrives after the answer (h11
        # Data once the response is done) and keeps the connection.
        await _too_many(send, retry_after(wait), self.limiter.limit)


async def _too_many(send: Send, retry_after: int, limit: RateLimit | None) -> None:
    rate = f"{limit.per_second:g} requests a second" if limit else "the rate limit"
    error = {
        "statusCode": 429,
        "error": "Too Many Requests",
        "message": f"Rate limit exceeded ({rate} per API key); retry after {retry_after} s",
    }
    await send_json(send, 429, error, [(b"retry-after", str(retry_after).encode())])
