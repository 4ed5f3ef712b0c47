"""Retries as an httpx transport layer: what may be sent again, and for how long.

``RetryTransport`` wraps the real transport and repeats a request when repeating it cannot do
harm, on one of two budgets:

- **429 Too Many Requests**, any method (a rate limiter refused the request before it was
  processed): retried until the request's deadline, ``deadline`` seconds after it was first
  sent (``cozmox:retryDeadline``, 300 s by default). Time, not a count: a rate limit lasts as
  long as the load behind it, however many tries that takes. The pause is ``Retry-After`` plus
  a random ``0 .. 1 + Retry-After / 2`` s: never sooner than the API asked, and parallel
  workers told the same thing come back spread over a window that grows with the hint (1 s
  wide even for ``Retry-After: 0`` or ``1``, which a header in whole seconds gives every worker
  alike). Without ``Retry-After``: exponential backoff with full jitter, capped at
  ``BACKOFF_MAX``. A ``Retry-After`` that ends past the deadline is not waited for: the 429
  goes to the caller at once.
- **Failures**, retried at most ``max_retries`` times (exponential backoff, full jitter):
  any request whose connection was never made (``ConnectError``, ``ConnectTimeout``,
  ``PoolTimeout``: nothing was sent), and idempotent requests (GET, DELETE, PATCH with
  absolute values, PUT, HEAD) answered 502, 503 or 504 or whose answer was lost (timeouts,
  connection reset or closed). The first retry after a closed connection is immediate: a
  keep-alive connection that the server had closed is the usual cause, and the server never
  saw the request. A count, not the deadline: these mean the API or the network is failing,
  not busy, and the person running Pulumi should learn that in seconds (a mistyped
  ``cozmox:baseUrl`` must not hang a preview for five minutes).

Anything else reaches the caller as it came: in particular a POST whose answer was lost or
was a 5xx, which may have been carried out all the same (:mod:`pulumi_cozmox.client.post`
settles those). An error raised after attempts carries their number as ``cozmox_attempts``;
a 429 given up on carries the seconds waited in ``response.extensions["cozmox_waited"]``.

A request held back by 429s for ``NOTICE_AFTER`` seconds or more makes the policy tell the
person running Pulumi (its ``notice``), once per episode: an episode ends when no request
has waited on a 429 for ``QUIET`` seconds.
"""

from __future__ import annotations

import contextlib
import email.utils
import random
import threading
import time
from collections.abc import Callable
from datetime import datetime, timedelta, timezone

import httpx

__all__ = [
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_RETRY_DEADLINE",
    "RetryPolicy",
    "RetryTransport",
    "describe_transport_error",
    "retry_after_seconds",
]

DEFAULT_MAX_RETRIES = 5
DEFAULT_BACKOFF_BASE = 0.5
#: How long a request may be retried on 429s (seconds from its first attempt).
DEFAULT_RETRY_DEADLINE = 300.0
#: The longest pause between two attempts (jitter is drawn below it).
BACKOFF_MAX = 30.0
#: A request held back this long by 429s (seconds, the coming pause included) is told.
NOTICE_AFTER = 3.0
#: Seconds without a 429 pause after which the next one starts a new episode (a new notice).
QUIET = 30.0
IDEMPOTENT = frozenset({"GET", "HEAD", "PUT", "PATCH", "DELETE"})
RETRY_STATUSES = frozenset({502, 503, 504})
#: The key of ``response.extensions`` that holds the seconds a given-up 429 waited.
WAITED = "cozmox_waited"
#: The config key a notice names.
DEADLINE_SETTING = "cozmox:retryDeadline"

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


def describe_transport_error(exc: httpx.HTTPError) -> str:
    """``ReadTimeout: timed out``: the error's kind and text (no request, no headers)."""
    return f"{type(exc).__name__}: {str(exc) or 'no detail'}"


def _silent(_line: str) -> None:
    pass


class RetryPolicy:
    """How a client's requests are retried, shared by its connection pools (so that a
    rate-limiting episode is one, whichever pool its requests went through). Thread-safe.

    ``sleep`` and ``clock`` (monotonic seconds) replace the real ones in tests: a clock that
    moves when ``sleep`` is called lets a test run out a deadline without waiting it out.
    """

    def __init__(
        self,
        *,
        max_retries: int = DEFAULT_MAX_RETRIES,
        backoff_base: float = DEFAULT_BACKOFF_BASE,
        deadline: float = DEFAULT_RETRY_DEADLINE,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        notice: Callable[[str], None] | None = None,
    ) -> None:
        self.max_retries = max_retries
        self.backoff_base = backoff_base
        self.deadline = deadline
        self.sleep = sleep
        self.clock = clock
        self.notice = notice or _silent
        self._random = random.Random()
        self._lock = threading.Lock()
        # The episode goes on until this clock reading (None: no episode yet); told or not.
        self._episode_until: float | None = None
        self._told = False

    def backoff(self, attempt: int) -> float:
        """Exponential backoff with full jitter: uniform below ``base x 2^attempt``, capped."""
        return self._random.uniform(0, min(BACKOFF_MAX, self.backoff_base * (2**attempt)))

    def rate_limited_pause(self, hinted: float | None, limited: int) -> float:
        """The pause after the ``limited``-th 429 (from 0) of a request: ``Retry-After`` plus
        jitter, or backoff when the API gave no hint."""
        if hinted is None:
            return self.backoff(limited)
        return hinted + self._random.uniform(0, min(BACKOFF_MAX, 1 + hinted / 2))

    def pausing(self, pause: float, held: float, until: float) -> None:
        """A request held back by 429s is about to pause ``pause`` seconds, ``held`` in all
        once it is over; it is retried until the clock reads ``until``. Tells the person once
        per episode when ``held`` reaches NOTICE_AFTER."""
        now = self.clock()
        with self._lock:
            if self._episode_until is None or now > self._episode_until:
                self._told = False  # a new episode
            self._episode_until = max(self._episode_until or now, now + pause + QUIET)
            if self._told or held < NOTICE_AFTER:
                return
            self._told = True
        ends = datetime.now(timezone.utc) + timedelta(seconds=until - now)
        line = (
            "cozmox: the Cozmox API is rate limiting requests (429 Too Many Requests); "
            f"waiting {held:.0f} s (retrying until {ends:%H:%M:%S} UTC, {DEADLINE_SETTING})"
        )
        with contextlib.suppress(Exception):  # a line for a person must not fail a request
            self.notice(line)


class _Attempts:
    """The retries of one request: what to do after each attempt."""

    def __init__(self, policy: RetryPolicy, method: str) -> None:
        self.policy = policy
        self.idempotent = method in IDEMPOTENT
        self.deadline = policy.clock() + policy.deadline
        self.failures = 0
        self.limited = 0
        self.waited = 0.0  # seconds paused on 429s

    @property
    def attempts(self) -> int:
        return 1 + self.failures + self.limited

    def after_error(self, exc: httpx.HTTPError) -> float | None:
        """The pause before sending again after ``exc``, or None to raise it."""
        if isinstance(exc, NEVER_SENT):
            return self._failure()
        if not self.idempotent:
            return None
        stale = self.attempts == 1 and isinstance(exc, CLOSED)
        return self._failure(0.0 if stale else None)

    def after_answer(self, response: httpx.Response) -> float | None:
        """The pause before sending again after ``response``, or None to return it."""
        if response.status_code == 429:
            return self._rate_limited(response)
        if self.idempotent and response.status_code in RETRY_STATUSES:
            return self._failure()
        return None

    def _failure(self, pause: float | None = None) -> float | None:
        if self.failures >= self.policy.max_retries:
            return None
        pause = self.policy.backoff(self.failures) if pause is None else pause
        self.failures += 1
        return pause

    def _rate_limited(self, response: httpx.Response) -> float | None:
        hinted = retry_after_seconds(response)
        left = self.deadline - self.policy.clock()
        if left <= 0 or (hinted is not None and hinted > left):
            response.extensions[WAITED] = self.waited
            return None
        pause = min(self.policy.rate_limited_pause(hinted, self.limited), left)
        self.limited += 1
        self.waited += pause
        self.policy.pausing(pause, self.waited, self.deadline)
        return pause


class RetryTransport(httpx.BaseTransport):
    """Repeats what is safe to repeat, as ``policy`` says; see the module docstring."""

    def __init__(self, inner: httpx.BaseTransport, policy: RetryPolicy) -> None:
        self.inner = inner
        self.policy = policy

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        attempts = _Attempts(self.policy, request.method)
        while True:
            try:
                response = self.inner.handle_request(request)
            except (*NEVER_SENT, *MAYBE_SENT) as exc:
                pause = attempts.after_error(exc)
                if pause is None:
                    setattr(exc, "cozmox_attempts", attempts.attempts)  # noqa: B010 (httpx's)
                    raise
            else:
                pause = attempts.after_answer(response)
                if pause is None:
                    return response
                response.read()
                response.close()
            if pause > 0:
                self.policy.sleep(pause)

    def close(self) -> None:
        self.inner.close()
