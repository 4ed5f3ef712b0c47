"""The errors pulumi_cozmox raises: one hierarchy, catch the level you care about.

CozmoxError            base of every error this package raises on purpose
  ConfigurationError   the provider cannot run as configured (no API key, bad base URL, ...)
  ApiError             the API answered with an error status (.status .message .method .path)
    BadRequest         400: the API rejected the request; .messages lists its reasons
    Unauthorized       401: the API key is missing, wrong or revoked
    NotFound           404: no such campaign (for the org of this API key), or no such route
    Conflict           409: the request conflicts with the campaign's current state
    RateLimited        429: too many requests; .retry_after is the API's hint in seconds
    ServerError        5xx: the API failed to handle the request
  TransportError       no answer at all: connection refused or reset, timeout, TLS failure
  MalformedAnswer      the API answered, but not with what the contract says (names the field)
  OutcomeUnknown       a write was sent, its result is unknown, and a lookup could not settle it
  DuplicateCampaign    refused: an identical campaign already exists (it would call people twice)
  Refused              refused: a rule of the stack forbids it (the call limit)

No error ever holds the API key or the Authorization header: an error is built from the
method, the path (query string included, which never carries the key), the status and the
API's own message, and the client scrubs the key from any text it passes in.
"""

from __future__ import annotations

from datetime import datetime
from http import HTTPStatus

__all__ = [
    "ApiError",
    "BadRequest",
    "Conflict",
    "ConfigurationError",
    "CozmoxError",
    "DuplicateCampaign",
    "MalformedAnswer",
    "NotFound",
    "OutcomeUnknown",
    "RateLimited",
    "Refused",
    "ServerError",
    "TransportError",
    "Unauthorized",
    "api_error",
]

#: How many of the API's messages ``str(error)`` shows; ``.messages`` keeps them all (a
#: 10,000-customer campaign can fail with one message per customer).
MAX_SHOWN_MESSAGES = 20


class CozmoxError(Exception):
    """Base of every error raised by pulumi_cozmox."""

    def __reduce__(self) -> tuple[object, ...]:
        # Subclasses take keyword and positional arguments that differ from ``args``; pickle
        # (used by tools that ship errors between processes) restores the attributes instead.
        return (_restore, (type(self), self.args, dict(self.__dict__)))


def _restore(
    cls: type[CozmoxError], args: tuple[object, ...], state: dict[str, object]
) -> CozmoxError:
    error = cls.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    return error


class ConfigurationError(CozmoxError):
    """The provider cannot run as configured (no API key, malformed base URL, ...)."""


def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


class ApiError(CozmoxError):
    """The API answered ``method path`` with the error ``status``.

    ``message`` is the API's explanation as one line; ``messages`` the API's list of reasons
    (the framework's validation format sends a list; a single string becomes a list of one).
    ``date`` is the server's time when it answered (its ``Date`` header), if it said.
    """

    date: datetime | None = None

    def __init__(
        self,
        status: int,
        message: str | list[str] | None,
        method: str,
        path: str,
    ) -> None:
        if message is None:
            messages: list[str] = []
        elif isinstance(message, str):
            messages = [message] if message else []
        else:
            messages = [str(m) for m in message]
        self.status = status
        self.messages = messages
        self.method = method.upper()
        self.path = path
        super().__init__(self._render())

    @property
    def message(self) -> str:
        """The API's reasons joined in one line ("" when the API gave none)."""
        return "; ".join(self.messages)

    def _render(self) -> str:
        head = f"{self.method} {self.path} failed: {self.status} {_reason(self.status)}"
        if not self.messages:
            return head
        shown = "; ".join(self.messages[:MAX_SHOWN_MESSAGES])
        hidden = len(self.messages) - MAX_SHOWN_MESSAGES
        if hidden > 0:
            shown += f"; ... and {hidden} more"
        return f"{head}: {shown}"

    def __str__(self) -> str:
        return self._render()

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(status={self.status!r}, message={self.message!r}, "
            f"method={self.method!r}, path={self.path!r})"
        )


class BadRequest(ApiError):
    """400: the API rejected the request; ``messages`` lists its reasons."""


class Unauthorized(ApiError):
    """401: the API key is missing, wrong or revoked."""


class NotFound(ApiError):
    """404: no such campaign (or other object) for the org of this API key; or no such route
    (:attr:`no_route`)."""

    @property
    def no_route(self) -> bool:
        """The API has no such route at all (its web framework says ``Cannot GET /path``),
        rather than no such object: the two 404s differ only by their message."""
        return any(m.startswith(f"Cannot {self.method} ") for m in self.messages)


class Conflict(ApiError):
    """409: the request conflicts with the campaign's current state."""


class RateLimited(ApiError):
    """429: too many requests; ``retry_after`` is the API's hint in seconds, if it gave one;
    ``waited`` the seconds the client had waited on 429s before it gave up (its retry
    deadline, ``cozmox:retryDeadline``), if it retried."""

    def __init__(
        self,
        status: int,
        message: str | list[str] | None,
        method: str,
        path: str,
        *,
        retry_after: float | None = None,
        waited: float | None = None,
    ) -> None:
        self.retry_after = retry_after
        self.waited = waited
        super().__init__(status, message, method, path)

    def _render(self) -> str:
        text = super()._render()
        if self.waited is None:
            return text
        hint = f" (the API asked for {self.retry_after:.0f} s more)" if self.retry_after else ""
        return (
            f"{text}; still rate limited after {self.waited:.0f} s of retries{hint}: "
            "cozmox:retryDeadline (or COZMOX_RETRY_DEADLINE) sets how long they go on"
        )


class ServerError(ApiError):
    """5xx: the API failed to handle the request."""


class _RequestProblem(CozmoxError):
    """A request ``method path`` went wrong for ``reason``; subclasses say how."""

    #: How ``str(error)`` reads; fields: method, path, reason.
    template = "{method} {path}: {reason}"

    def __init__(self, method: str, path: str, reason: str) -> None:
        self.method = method.upper()
        self.path = path
        self.reason = reason
        super().__init__(self.template.format(method=self.method, path=path, reason=reason))


class TransportError(_RequestProblem):
    """No answer from the API: connection refused or reset, timeout, TLS failure.

    ``method`` and ``path`` say which request. The httpx exception is not chained: it would
    carry the request, and with it the Authorization header.
    """

    template = "{method} {path} failed: {reason}"


class OutcomeUnknown(_RequestProblem):
    """A write reached the API, its answer was lost, and a lookup could not settle it.

    The write may or may not have taken effect; the caller must not repeat it blindly.
    """

    template = "{method} {path}: outcome unknown: {reason}"


class MalformedAnswer(_RequestProblem):
    """The API answered ``method path``, but not with what the contract says.

    ``reason`` names what is missing or mistyped; it never quotes the answer (which may hold
    customers' personal data).
    """

    template = "{method} {path}: the API's answer is malformed: {reason}"


class DuplicateCampaign(CozmoxError):
    """Refused before sending: a campaign identical to the one to create already exists.

    ``campaign_ids`` lists them (oldest first). Creating another would call the same people
    again; the message says how to take the existing one over or to opt in to a duplicate.
    """

    def __init__(self, message: str, campaign_ids: list[str]) -> None:
        self.campaign_ids = campaign_ids
        super().__init__(message)


class Refused(CozmoxError):
    """Refused before sending: a rule of the stack forbids the create. ``reasons``: ``(path,
    message)`` pairs, the path in the API's terms (``customers[3]``), the message naming the
    customers by path and the other campaigns by id, never a number."""

    def __init__(self, reasons: list[tuple[str, str]]) -> None:
        self.reasons = reasons
        super().__init__("; ".join(message for _path, message in reasons))


_BY_STATUS: dict[int, type[ApiError]] = {
    400: BadRequest,
    401: Unauthorized,
    404: NotFound,
    409: Conflict,
}


def api_error(
    status: int,
    message: str | list[str] | None,
    method: str,
    path: str,
    *,
    retry_after: float | None = None,
    waited: float | None = None,
    date: datetime | None = None,
) -> ApiError:
    """The most specific ApiError for ``status``."""
    error: ApiError
    if status == 429:
        error = RateLimited(status, message, method, path, retry_after=retry_after, waited=waited)
    else:
        cls = _BY_STATUS.get(status) or (ServerError if status >= 500 else ApiError)
        error = cls(status, message, method, path)
    error.date = date
    return error
