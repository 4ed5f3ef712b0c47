"""Retries as an httpx transport layer: what may be sent again without a second thought.

``RetryTransport`` wraps the real transport and repeats a request (exponential backoff with
full jitter, ``max_retries`` times at most) when repeating it cannot do harm:

- any request whose connection was never made (``ConnectError``, ``ConnectTimeout``,
  ``PoolTimeout``): nothing was sent;
- any request answered 429: a rate limiter refused it before it was processed (after
  ``Retry-After`` when the API gives one, unless that is longer than ``max_retry_after``);
- idempotent requests (GET, DELETE, PATCH with absolute values, PUT, HEAD) answered 502, 503
  or 504, or whose answer was lost (timeouts, connection reset or closed). The first retry
  after a closed connection is immediate: a keep-alive connection that the server had closed
  is the usual cause, and the server never saw the request.

Anything else reaches the caller as it came: in particular a POST whose answer was lost or
was a 5xx, which may have been carried out all the same (see
:mod:`pulumi_cozmox.core.engine.create`). An
error raised after attempts carries their number as ``cozmox_attempts``, for the message.
"""

from __future__ import annotations

import email.utils
import random
from collections.abc import Callable
from datetime import datetime, timezone

import httpx

__all__ = ["DEFAULT_MAX_RETRIES", "RetryTransport", "retry_after_seconds"]

DEFAULT_MAX_RETRIES = 5
DEFAULT_BACKOFF_BASE = 0.5
#: The longest pause between two attempts (jitter is drawn below it).
BACKOFF_MAX = 30.0
#: A ``Retry-After`` longer than this is not waited for: the 429 goes to the caller.
MAX_RETRY_AFTER = 120.0
IDEMPOTENT = frozenset({"GET", "HEAD", "PUT", "PATCH", "DELETE"})
RETRY_STATUSES = frozenset({502, 503, 504})

# The request never left this machine: repeating it cannot duplicate anything.
NEVER_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
# The request may have reached the server.
MAYBE_SENT = (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError)
# The server closed the connection without answering: a stale keep-alive connection.
CLOSED = (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError)


def retry_after_seconds(response: httpx.Response) -> float | None:
    """The ``Retry-After`` header in seconds (a number or an HTTP date), or None."""
    value = response.headers.get("Retry-After")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())


class RetryTransport(httpx.BaseTransport):
    """Repeats what is safe to repeat; see the module docstring. Thread-safe."""

    def __init__(
        self,
        inner: httpx.BaseTransport,
        *,
        max_retries: int = DEFAULT_MAX_RETRIES,
        backoff_base: float = DEFAULT_BACKOFF_BASE,
        sleep: Callable[[float], None],
    ) -> None:
        self.inner = inner
        self.max_retries = max_retries
        self.backoff_base = backoff_base
        self._sleep = sleep
        self._random = random.Random()

    def _backoff(self, attempt: int) -> float:
        ceiling = min(BACKOFF_MAX, self.backoff_base * (2**attempt))
        return self._random.uniform(0, ceiling)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        idempotent = request.method in IDEMPOTENT
        attempt = 0
        while True:
            try:
                response = self.inner.handle_request(request)
            except NEVER_SENT as exc:
                if attempt >= self.max_retries:
                    setattr(exc, "cozmox_attempts", attempt + 1)  # noqa: B010 (httpx's own type)
                    raise
                delay = self._backoff(attempt)
            except MAYBE_SENT as exc:
                if not idempotent or attempt >= self.max_retries:
                    setattr(exc, "cozmox_attempts", attempt + 1)  # noqa: B010 (httpx's own type)
                    raise
                stale = attempt == 0 and isinstance(exc, CLOSED)
                delay = 0.0 if stale else self._backoff(attempt)
            else:
                status = response.status_code
                if attempt >= self.max_retries or not (
                    status == 429 or (idempotent and status in RETRY_STATUSES)
                ):
                    return response
                hinted = retry_after_seconds(response) if status == 429 else None
                if hinted is not None and hinted > MAX_RETRY_AFTER:
                    return response
                delay = self._backoff(attempt) if hinted is None else hinted
                response.read()
                response.close()
            if delay > 0:
                self._sleep(delay)
            attempt += 1

    def close(self) -> None:
        self.inner.close()
