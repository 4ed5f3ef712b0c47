"""The Cozmox campaign API over HTTP: auth, retries, error mapping, safe creation.

Pure of Pulumi: no pulumi import, no import of diff or validation.

Retry rules (exponential backoff with full jitter, ``max_retries`` retries at most):

- What is retried: a 429 (after ``Retry-After`` seconds when the API gives it), 502, 503,
  504, and transport failures. A 500 is not: an error in the server's handling of *this*
  request would repeat.
- GET, DELETE and PATCH are retried after any of those: they are idempotent here (PATCH sets
  absolute values; a DELETE repeated after a lost answer gives 404, which
  :meth:`CozmoxClient.delete_campaign` reads as "already gone").
- POST /campaign is retried only when the request surely was not processed:

  * the connection was never made (``ConnectError``, ``ConnectTimeout``, ``PoolTimeout``):
    nothing was sent;
  * the API answered 429 or 503: a rate limiter or an unavailable service refused it before
    processing it. After a 500, 502 or 504 the write may have committed all the same (a
    gateway timing out on a slow backend): the client first looks for the campaign as below;
    not found, it retries a 502/504 and raises the 500.

- A POST whose outcome is unknown (read or write timeout, connection dropped or reset after
  sending, malformed response) is never sent again blindly: the client lists the campaigns
  created since a few seconds before the request (``createdAtGe``, every page), looks for the
  one it sent (name, phoneNumberId, assistantId, workflowId and the customers' numbers in
  order) and returns it if it was created. Not found, it looks again over a grace period (by
  default twice the request timeout: a delayed server may still commit the request) and only
  then sends the POST again. If the lookup itself fails, it raises
  :class:`~pulumi_cozmox._errors.OutcomeUnknown`. Limits: a campaign with the same name,
  phone number, assistant/workflow and numbers created by someone else inside the margin
  would be taken for ours, and a server that commits a request later than the grace period
  after its timeout can still leave a second campaign.

The API key is sent only in the ``Authorization`` header: it is never logged, never part of an
error (texts from the API are scrubbed of it) and hidden by ``repr``.
"""

from __future__ import annotations

import email.utils
import json
import logging
import random
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta, timezone
from types import TracebackType
from typing import Any
from urllib.parse import quote, urlsplit

import httpx

from pulumi_cozmox import __version__
from pulumi_cozmox import _json as fastjson
from pulumi_cozmox._errors import (
    ApiError,
    ConfigurationError,
    CozmoxError,
    NotFound,
    OutcomeUnknown,
    RateLimited,
    TransportError,
    api_error,
)

__all__ = [
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "PAGE_LIMIT",
    "USER_AGENT",
    "CozmoxClient",
    "campaign_summary",
    "matches_summary",
]

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_RETRIES = 5
DEFAULT_BACKOFF_BASE = 0.5
#: The longest pause between two attempts (jitter is drawn below it).
BACKOFF_MAX = 30.0
#: A ``Retry-After`` longer than this is not waited for: the RateLimited error is raised.
MAX_RETRY_AFTER = 120.0
#: How far before the request the lookup of an unknown POST starts (clock skew allowance).
LOOKUP_MARGIN = 5.0
#: Pause between two lookups of an unknown POST.
LOOKUP_INTERVAL = 1.0
#: The API's largest page.
PAGE_LIMIT = 100
USER_AGENT = f"pulumi-cozmox/{__version__}"
RETRY_STATUSES = frozenset({429, 502, 503, 504})
#: Answers after which a POST may have been carried out all the same (429 and 503 refuse
#: a request before processing it).
MAYBE_COMMITTED = frozenset({500, 502, 504})

# The request never left this machine: repeating it cannot duplicate anything.
_NEVER_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
# The request may have reached the server: safe to repeat only when idempotent.
_MAYBE_SENT = (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError)


class _Ambiguous(Exception):
    """A POST was (maybe) sent and its answer lost."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _iso(moment: datetime) -> str:
    utc = moment.astimezone(timezone.utc)
    return utc.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _retry_after(response: httpx.Response) -> float | None:
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


def _describe(exc: httpx.HTTPError) -> str:
    text = str(exc) or "no detail"
    return f"{type(exc).__name__}: {text}"


def _numbers(customers: object) -> list[Any]:
    if not isinstance(customers, list):
        return []
    return [c.get("number") if isinstance(c, dict) else None for c in customers]


def campaign_summary(body: dict[str, Any] | bytes) -> dict[str, Any]:
    """What identifies a campaign created from the POST ``body``: name, phoneNumberId,
    assistantId, workflowId and the customers' numbers in order."""
    data: dict[str, Any] = fastjson.loads(body) if isinstance(body, bytes | bytearray) else body
    return {
        "name": data.get("name"),
        "phoneNumberId": data.get("phoneNumberId"),
        "assistantId": data.get("assistantId"),
        "workflowId": data.get("workflowId"),
        "numbers": _numbers(data.get("customers")),
    }


def matches_summary(campaign: dict[str, Any], summary: dict[str, Any]) -> bool:
    """Whether an API campaign is the one :func:`campaign_summary` describes."""
    for key in ("name", "phoneNumberId", "assistantId", "workflowId"):
        if campaign.get(key) != summary.get(key):
            return False
    customers = campaign.get("customers")
    return isinstance(customers, list) and _numbers(customers) == list(summary.get("numbers") or [])


class CozmoxClient:
    """A client of the Cozmox campaign API. Thread-safe: one instance serves many threads.

    ``transport`` replaces the network (tests: ``httpx.MockTransport``); ``sleep`` replaces
    ``time.sleep`` for the pauses between attempts and lookups.
    """

    def __init__(
        self,
        base_url: str,
        api_key: str,
        *,
        transport: httpx.BaseTransport | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        backoff_base: float = DEFAULT_BACKOFF_BASE,
        sleep: Callable[[float], None] = time.sleep,
        lookup_grace: float | None = None,
        lookup_interval: float = LOOKUP_INTERVAL,
        lookup_margin: float = LOOKUP_MARGIN,
    ) -> None:
        if not isinstance(api_key, str) or not api_key.strip():
            raise ConfigurationError(
                "no Cozmox API key: set the stack config cozmox:apiKey (as a secret) "
                "or the environment variable COZMOX_API_KEY"
            )
        parts = urlsplit(base_url or "")
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ConfigurationError(
                f"the Cozmox base URL must be an http(s) URL, got {base_url!r}"
            )
        if timeout <= 0:
            raise ConfigurationError(f"timeout must be positive, got {timeout!r}")
        if max_retries < 0:
            raise ConfigurationError(f"max_retries must be >= 0, got {max_retries!r}")
        self.base_url = base_url.rstrip("/")
        self.timeout = float(timeout)
        self.max_retries = max_retries
        self.backoff_base = backoff_base
        self.lookup_grace = 2 * self.timeout if lookup_grace is None else lookup_grace
        self.lookup_interval = lookup_interval
        self.lookup_margin = lookup_margin
        self._api_key = api_key
        self._sleep = sleep
        self._random = random.Random()
        self._http = httpx.Client(
            base_url=self.base_url,
            transport=transport,
            timeout=httpx.Timeout(self.timeout),
            headers={
                "Authorization": f"Bearer {api_key}",
                "User-Agent": USER_AGENT,
                "Accept": "application/json",
            },
        )

    def __repr__(self) -> str:
        return f"CozmoxClient(base_url={self.base_url!r}, api_key='***')"

    # -- lifecycle --------------------------------------------------------------------------

    def close(self) -> None:
        """Close the connection pool."""
        self._http.close()

    def __enter__(self) -> CozmoxClient:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- campaigns --------------------------------------------------------------------------

    def create_campaign(self, body: dict[str, Any] | bytes) -> dict[str, Any]:
        """POST /campaign. ``bytes`` is a JSON body sent as is (no re-serialization).

        Safe against lost answers: see the module docstring.
        """
        content = body if isinstance(body, bytes) else _dumps(body)
        summary: dict[str, Any] | None = None

        def recover(started: datetime, reason: str) -> dict[str, Any] | None:
            nonlocal summary
            if summary is None:
                summary = campaign_summary(body)
            return self._await_created(summary, started, reason)

        return self._request("POST", "/campaign", content=content, recover=recover)

    def get_campaign(self, campaign_id: str) -> dict[str, Any]:
        """GET /campaign/{id}; raises NotFound when there is none."""
        return self._request("GET", _campaign_path(campaign_id))

    def update_campaign(self, campaign_id: str, patch: dict[str, Any]) -> dict[str, Any]:
        """PATCH /campaign/{id} with an UpdateCampaignDTO body; returns the campaign."""
        return self._request("PATCH", _campaign_path(campaign_id), content=_dumps(patch))

    def end_campaign(self, campaign_id: str) -> dict[str, Any]:
        """End a campaign (PATCH status "ended"): scheduled calls are deleted."""
        return self.update_campaign(campaign_id, {"status": "ended"})

    def delete_campaign(self, campaign_id: str) -> dict[str, Any] | None:
        """DELETE /campaign/{id}; returns the deleted campaign, or None if already gone."""
        try:
            return self._request("DELETE", _campaign_path(campaign_id))
        except NotFound:
            return None

    def list_campaigns(self, **filters: Any) -> Iterator[dict[str, Any]]:
        """Every campaign matching ``filters`` (the API's query parameters: ``status``,
        ``createdAtGe``, ...; datetimes are formatted), reading all pages of 100."""
        params: dict[str, Any] = {}
        for key, value in filters.items():
            if key in ("page", "limit") or value is None:
                continue
            params[key] = _iso(value) if isinstance(value, datetime) else value
        seen: set[str] = set()
        page = 1
        while True:
            data = self._request(
                "GET", "/campaign", params={**params, "limit": PAGE_LIMIT, "page": page}
            )
            results = data.get("results") if isinstance(data, dict) else None
            if not isinstance(results, list):
                raise ApiError(200, "list response has no results array", "GET", "/campaign")
            for campaign in results:
                ident = campaign.get("id") if isinstance(campaign, dict) else None
                if ident is not None:
                    if ident in seen:  # a page boundary moved under us
                        continue
                    seen.add(ident)
                yield campaign
            meta = data.get("metadata") or {}
            total = meta.get("totalItems") if isinstance(meta, dict) else None
            if len(results) < PAGE_LIMIT:
                return
            if isinstance(total, int | float) and page * PAGE_LIMIT >= total:
                return
            page += 1

    def find_created_campaign(
        self, body_summary: dict[str, Any], since: datetime
    ) -> dict[str, Any] | None:
        """The newest campaign created at or after ``since`` that matches ``body_summary``
        (from :func:`campaign_summary`), or None."""
        found: dict[str, Any] | None = None
        for campaign in self.list_campaigns(createdAtGe=since, sortOrder="DESC"):
            if matches_summary(campaign, body_summary) and (
                found is None or str(campaign.get("createdAt")) > str(found.get("createdAt"))
            ):
                found = campaign
        return found

    # -- machinery --------------------------------------------------------------------------

    def _await_created(
        self, summary: dict[str, Any], started: datetime, reason: str
    ) -> dict[str, Any] | None:
        """Look for the campaign an unanswered POST may have created, over the grace period."""
        since = started - timedelta(seconds=self.lookup_margin)
        waited = 0.0
        while True:
            try:
                found = self.find_created_campaign(summary, since)
            except CozmoxError as exc:
                raise OutcomeUnknown(
                    "POST",
                    "/campaign",
                    f"{reason}; looking up whether the campaign was created failed: {exc}",
                ) from None
            if found is not None:
                log.info("POST /campaign: answer lost (%s); adopted %s", reason, found.get("id"))
                return found
            if waited >= self.lookup_grace:
                log.info("POST /campaign: answer lost (%s); no campaign was created", reason)
                return None
            step = min(self.lookup_interval, self.lookup_grace - waited)
            self._sleep(step)
            waited += step

    def _backoff(self, attempt: int) -> float:
        ceiling = min(BACKOFF_MAX, self.backoff_base * (2**attempt))
        return self._random.uniform(0, ceiling)

    def _request(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, Any] | None = None,
        content: bytes | None = None,
        recover: Callable[[datetime, str], dict[str, Any] | None] | None = None,
    ) -> Any:
        """Send with retries; the parsed JSON answer, or a CozmoxError.

        ``recover`` (POST only) settles a lost answer: it returns the created object, or None
        when nothing was created and the request may be sent again.
        """
        idempotent = method in ("GET", "DELETE", "PATCH", "PUT", "HEAD")
        headers = {"Content-Type": "application/json"} if content is not None else None
        attempt = 0
        while True:
            started = datetime.now(timezone.utc)
            error: CozmoxError
            delay: float | None = None
            try:
                response = self._http.request(
                    method, path, params=params, content=content, headers=headers
                )
            except _NEVER_SENT as exc:
                error = TransportError(method, path, self._scrub(_describe(exc)))
            except _MAYBE_SENT as exc:
                error = TransportError(method, path, self._scrub(_describe(exc)))
                if not idempotent:
                    if recover is None:
                        raise OutcomeUnknown(method, path, error.reason) from None
                    created = recover(started, error.reason)
                    if created is not None:
                        return created
                    delay = 0.0  # the lookup already waited out the grace period
            except httpx.HTTPError as exc:
                raise TransportError(method, path, self._scrub(_describe(exc))) from None
            else:
                if response.is_success:
                    return self._json(response, method, path)
                error = self._error(response, method, path)
                if response.status_code in MAYBE_COMMITTED and not idempotent and recover:
                    # A gateway or server fault may come after the write committed: look
                    # before posting again (500 is then not retried: it would repeat).
                    created = recover(started, str(error))
                    if created is not None:
                        return created
                    delay = 0.0
                if response.status_code not in RETRY_STATUSES:
                    raise error
                if isinstance(error, RateLimited) and error.retry_after is not None:
                    if error.retry_after > MAX_RETRY_AFTER:
                        raise error
                    delay = error.retry_after
            if attempt >= self.max_retries:
                raise error
            if delay is None:
                delay = self._backoff(attempt)
            log.debug("%s %s: %s; retrying in %.2fs", method, path, error, delay)
            if delay > 0:
                self._sleep(delay)
            attempt += 1

    def _scrub(self, text: str) -> str:
        return text.replace(self._api_key, "***") if self._api_key in text else text

    def _json(self, response: httpx.Response, method: str, path: str) -> Any:
        if not response.content:
            return None
        try:
            return fastjson.loads(response.content)
        except ValueError:
            raise ApiError(
                response.status_code, "the API's answer is not JSON", method, path
            ) from None

    def _error(self, response: httpx.Response, method: str, path: str) -> ApiError:
        message: str | list[str] | None = None
        try:
            data = response.json()
        except ValueError:
            data = None
        if isinstance(data, dict):
            raw = data.get("message", data.get("error"))
            if isinstance(raw, list):
                message = [self._scrub(str(m)) for m in raw]
            elif raw is not None:
                message = self._scrub(str(raw))
        elif response.text:
            message = self._scrub(response.text[:500])
        return api_error(
            response.status_code, message, method, path, retry_after=_retry_after(response)
        )


def _dumps(body: Any) -> bytes:
    return json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def _campaign_path(campaign_id: str) -> str:
    if not isinstance(campaign_id, str) or not campaign_id:
        raise ValueError(f"campaign id must be a non-empty string, got {campaign_id!r}")
    return "/campaign/" + quote(campaign_id, safe="")
