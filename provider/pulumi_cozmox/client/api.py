"""The Cozmox campaign API over HTTP: auth, error mapping, answers checked, paging.

Pure of Pulumi: no pulumi import, no import of planning or validation.

Every retry is the client's: the transport repeats what is safe to repeat (429s until the
retry deadline, failures a few times: :mod:`pulumi_cozmox.client.retry`), and
:meth:`CozmoxClient.create_campaign` settles a POST whose answer was lost or ambiguous, looking
the campaign up before anything is sent again (:mod:`pulumi_cozmox.client.post`). Callers get
campaigns, models and errors, never a transport object. The duplicate guard (whether to
create at all, and how to recognise the campaign) is campaign logic
(:mod:`pulumi_cozmox.core.engine.create`).

Two connection pools: reads, updates and deletes reuse connections; every POST opens a fresh
one, so a create never goes out on a keep-alive connection the server has already closed
(which would look exactly like a lost answer, and cost a lookup).

The API key is sent only in the ``Authorization`` header: it is never logged, never part of an
error (texts from the API are scrubbed of it) and hidden by ``repr``. Texts from the API are
also stripped of anything that looks like a phone number or an email before they reach an
error: they may quote a customer.
"""

from __future__ import annotations

import email.utils
import json
import re
import threading
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta, timezone
from types import TracebackType
from typing import Any, TypeVar
from urllib.parse import quote

import httpx

from pulumi_cozmox import _json as fastjson
from pulumi_cozmox._version import __version__
from pulumi_cozmox.client.answers import (
    CampaignAnswer,
    CampaignCounters,
    CampaignStatus,
    ListedCampaign,
    ListPage,
    NamedObject,
    PageMeta,
    WholePage,
    parse_answer,
    validate_answer,
)
from pulumi_cozmox.client.errors import (
    ApiError,
    MalformedAnswer,
    NotFound,
    TransportError,
    Unauthorized,
    api_error,
)
from pulumi_cozmox.client.post import LOOKUP_INTERVAL, Created, Find, create_campaign
from pulumi_cozmox.client.retry import (
    DEFAULT_BACKOFF_BASE,
    DEFAULT_MAX_RETRIES,
    NEVER_SENT,
    WAITED,
    RetryPolicy,
    RetryTransport,
    describe_transport_error,
    retry_after_seconds,
)
from pulumi_cozmox.client.settings import Settings

__all__ = ["PAGE_LIMIT", "USER_AGENT", "CozmoxClient", "Created"]

Item = TypeVar("Item")

#: A campaign's statuses (the API's ``Campaign.status``).
STATUSES = ("scheduled", "in-progress", "ended")
#: The objects a campaign names, by the path of their reads (``GET /assistant/{id}``, ...).
NAMED_KINDS = ("assistant", "phone-number", "workflow")
#: The largest page the contract allows; a server may serve fewer (it says so in metadata).
PAGE_LIMIT = 1000
#: Whole campaigns per page of a listing that keeps their customers: a page of 1,000 lists of
#: 10,000 customers would be gigabytes.
WHOLE_PAGE_LIMIT = 100
#: A listing longer than this many pages is a server that never ends one: stop and say so.
MAX_PAGES = 10_000
USER_AGENT = f"pulumi-cozmox/{__version__}"
# Phone numbers (+ and 6 or more digits, or 9 or more digits in a row) and emails; not dates.
_PERSONAL = re.compile(r"\+\d[\d ().-]{5,}\d|\b\d{9,}\b|[^\s@\"'<>]+@[^\s@\"'<>]+\.[A-Za-z]{2,}")


def _iso(moment: datetime) -> str:
    utc = moment.astimezone(timezone.utc)
    return utc.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _campaign_path(campaign_id: str) -> str:
    if not isinstance(campaign_id, str) or not campaign_id:
        raise ValueError(f"campaign id must be a non-empty string, got {campaign_id!r}")
    return "/campaign/" + quote(campaign_id, safe="")


class CozmoxClient:
    """A client of the Cozmox campaign API. Thread-safe: one instance serves many threads.

    ``transport`` replaces the network (tests: ``httpx.MockTransport``); ``sleep`` and
    ``clock`` (monotonic seconds) replace ``time.sleep`` and ``time.monotonic`` for the pauses
    between attempts and the retry deadline; ``notice`` receives the lines meant for the person
    running Pulumi (a long wait on a rate-limited API), default nowhere.
    """

    def __init__(
        self,
        settings: Settings,
        *,
        transport: httpx.BaseTransport | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        backoff_base: float = DEFAULT_BACKOFF_BASE,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        notice: Callable[[str], None] | None = None,
    ) -> None:
        self.settings = settings
        self.base_url = settings.base_url
        self.timeout = settings.request_timeout
        self.max_retries = max_retries
        self.sleep = sleep
        self._api_key = settings.api_key.get_secret_value()
        policy = RetryPolicy(
            max_retries=max_retries,
            backoff_base=backoff_base,
            deadline=settings.retry_deadline,
            sleep=sleep,
            clock=clock,
            notice=notice,
        )
        if transport is None:
            # One TLS context for both pools: loading the CA bundle is ~60 ms, paid at the
            # start of every `pulumi` command's provider process.
            tls = httpx.create_ssl_context()
            pooled: httpx.BaseTransport = httpx.HTTPTransport(verify=tls)
            no_reuse = httpx.Limits(max_keepalive_connections=0)
            fresh: httpx.BaseTransport = httpx.HTTPTransport(verify=tls, limits=no_reuse)
        else:
            pooled = fresh = transport
        self._http = self._client(RetryTransport(pooled, policy))
        self._posts = self._client(RetryTransport(fresh, policy))
        #: Whether the API has accepted a request of this client (its key works here).
        self.answered = False
        # The key's refusal, once known: every later check of the run is told without asking.
        self._key_refused: Unauthorized | None = None
        self._verifying = threading.Lock()
        #: The server's clock less this machine's, from the last answer's ``Date`` header.
        self._offset = timedelta(0)

    def _client(self, transport: RetryTransport) -> httpx.Client:
        return httpx.Client(
            base_url=self.base_url,
            transport=transport,
            timeout=httpx.Timeout(self.timeout),
            headers={
                "Authorization": f"Bearer {self._api_key}",
                "User-Agent": USER_AGENT,
                "Accept": "application/json",
            },
        )

    def __repr__(self) -> str:
        return f"CozmoxClient(base_url={self.base_url!r}, api_key='***')"

    def close(self) -> None:
        """Close the connection pools."""
        self._http.close()
        self._posts.close()

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

    def get_campaign(self, campaign_id: str) -> dict[str, Any]:
        """GET /campaign/{id}: the whole campaign; NotFound when there is none."""
        path = _campaign_path(campaign_id)
        return self._campaign("GET", path, self._send("GET", path))

    def get_status(self, campaign_id: str, *, large: bool = False) -> str:
        """The campaign's live status; NotFound when there is none.

        The answer is read without building its customers. For a ``large`` campaign (its
        answer is up to 90 MB) the status is counted instead, without transferring it: one
        ``GET /campaign?id=ID&status=S&limit=0`` per status, whose ``metadata.totalItems``
        must be 1 for exactly one status. A server that answers otherwise (ignores a filter
        or ``limit``, leaves out the count) gets the plain GET.
        """
        if large:
            counted = self._counted_status(campaign_id)
            if counted is not None:
                return counted
        path = _campaign_path(campaign_id)
        return parse_answer(CampaignStatus, self._send("GET", path).content, "GET", path).status

    def get_counters(self, campaign_id: str) -> CampaignCounters:
        """The campaign's live status and call counters (its customers are not built)."""
        path = _campaign_path(campaign_id)
        return parse_answer(CampaignCounters, self._send("GET", path).content, "GET", path)

    def _counted_status(self, campaign_id: str) -> str | None:
        matches: list[str] = []
        date: datetime | None = None
        for status in STATUSES:
            query = {"id": campaign_id, "status": status, "limit": 0}
            try:
                response = self._send("GET", "/campaign", params=query)
                page = parse_answer(ListPage, response.content, "GET", "/campaign")
            except (ApiError, MalformedAnswer):
                return None
            total = page.metadata.totalItems if page.metadata else None
            if page.results or total not in (0, 1):
                return None
            if total == 1:
                matches.append(status)
            date = _server_date(response)
        if len(matches) == 1:
            return matches[0]
        if matches:
            return None  # more than one status matched: the filters are not applied
        error = NotFound(404, "no such campaign", "GET", _campaign_path(campaign_id))
        error.date = date
        raise error

    def get_named(self, kind: str, object_id: str) -> NamedObject:
        """``GET /{kind}/{id}`` (a kind of :data:`NAMED_KINDS`): the assistant, phone number or
        workflow a campaign names. NotFound when the org has none with that id, or when the
        API has no such route (``NotFound.no_route``)."""
        if kind not in NAMED_KINDS or not isinstance(object_id, str) or not object_id:
            raise ValueError(f"no read of {kind!r} {object_id!r}")
        path = f"/{kind}/" + quote(object_id, safe="")
        return parse_answer(NamedObject, self._send("GET", path).content, "GET", path)

    def now(self) -> datetime:
        """The API's time now, as its answers' ``Date`` headers tell it (whole seconds), or
        this machine's before any answer came."""
        return datetime.now(timezone.utc) + self._offset

    def verify(self) -> None:
        """Unless a request of this client succeeded already: one small request (``GET
        /campaign?limit=0``) that fails unless the API answers at this URL and accepts the key
        (Unauthorized). A refusal is remembered: later calls raise it without a request."""
        with self._verifying:  # the engine checks resources in parallel: one request for all
            if self._key_refused is not None:
                raise self._key_refused
            if self.answered:
                return
            try:
                self._send("GET", "/campaign", params={"limit": 0})
            except Unauthorized as refused:
                self._key_refused = refused
                raise

    def update_campaign(self, campaign_id: str, patch: dict[str, Any]) -> dict[str, Any]:
        """PATCH /campaign/{id} with an UpdateCampaignDTO body; returns the campaign."""
        path = _campaign_path(campaign_id)
        return self._campaign("PATCH", path, self._send("PATCH", path, content=_dumps(patch)))

    def end_campaign(self, campaign_id: str) -> dict[str, Any]:
        """End a campaign (PATCH status "ended"): scheduled calls are deleted."""
        return self.update_campaign(campaign_id, {"status": "ended"})

    def delete_campaign(self, campaign_id: str) -> bool:
        """DELETE /campaign/{id}; False when it was already gone."""
        try:
            self._send("DELETE", _campaign_path(campaign_id))
        except NotFound:
            return False
        return True

    def list_campaigns(
        self, *, dates: list[datetime] | None = None, **filters: Any
    ) -> Iterator[ListedCampaign]:
        """Every campaign matching ``filters`` (the API's query parameters: ``status``,
        ``createdAtGe``, ...; datetimes are formatted), page after page, reduced to what
        recognising a campaign needs. ``dates`` receives the server's time of each page (its
        ``Date`` header), when it gives one.

        Paging follows the answer's ``metadata`` (``itemsPerPage``, ``totalItems``), not an
        assumed page size, and ends also when a server ignores ``page``: a page that brings
        no campaign not seen before is the last.
        """

        def parsed(raw: bytes) -> tuple[list[tuple[str, ListedCampaign]], PageMeta | None]:
            data = parse_answer(ListPage, raw, "GET", "/campaign")
            return [(c.id, c) for c in data.results], data.metadata

        yield from self._pages(filters, dates, parsed)

    def list_whole_campaigns(self, **filters: Any) -> Iterator[dict[str, Any]]:
        """Every campaign matching ``filters``, whole (customers included), each checked as a
        ``GET /campaign/{id}`` answer is: what a read of each would have answered."""
        yield from self._pages(filters, None, _whole_page, WHOLE_PAGE_LIMIT)

    def _pages(
        self,
        filters: dict[str, Any],
        dates: list[datetime] | None,
        parse: Callable[[bytes], tuple[list[tuple[str, Item]], PageMeta | None]],
        limit: int = PAGE_LIMIT,
    ) -> Iterator[Item]:
        params = {k: _iso(v) if isinstance(v, datetime) else v for k, v in filters.items()}
        seen: set[str] = set()
        for page in range(1, MAX_PAGES + 1):
            query = {**params, "limit": limit, "page": page}
            response = self._send("GET", "/campaign", params=query)
            results, meta = parse(response.content)
            date = _server_date(response)
            if dates is not None and date is not None:
                dates.append(date)
            fresh = [(i, c) for i, c in results if i not in seen]
            seen.update(i for i, _c in fresh)
            yield from (c for _i, c in fresh)
            per_page = meta.itemsPerPage if meta and meta.itemsPerPage else len(results)
            total = meta.totalItems if meta else None
            if not fresh or len(results) < per_page:
                return
            if total is not None and page * per_page >= total:
                return
        raise MalformedAnswer(
            "GET", "/campaign", f"the listing did not end after {MAX_PAGES} pages"
        )

    def create_campaign(
        self,
        body: bytes,
        *,
        find: Find,
        clock: Callable[[], datetime] | None = None,
        lookup_interval: float = LOOKUP_INTERVAL,
    ) -> Created:
        """POST /campaign with ``body`` (a CreateCampaignDTO as JSON), on a fresh connection,
        and settle its outcome (:mod:`pulumi_cozmox.client.post`): the campaign created, with
        ``recovered_from`` set when its answer was lost and ``find(since)`` found it.

        ``find(since)`` returns this POST's campaign if one created since ``since`` is it,
        else None; it is asked again every ``lookup_interval`` s over a grace period before
        the POST may be sent again. ``clock`` gives the API's time before each POST (default
        :meth:`now`). Raises ApiError (refused; a 500), TransportError (never sent),
        OutcomeUnknown (it may exist and could not be found; not sent again).
        """
        return create_campaign(self, body, find=find, clock=clock, lookup_interval=lookup_interval)

    def _post_fresh(self, body: bytes) -> httpx.Response:
        """POST /campaign once (as the transport retries it), on a fresh connection: the
        answer as it came, or the httpx error when none came. For :mod:`.post` only."""
        return self._posts.post(
            "/campaign", content=body, headers={"Content-Type": "application/json"}
        )

    def campaign_from(self, response: httpx.Response) -> dict[str, Any]:
        """The campaign in a POST's 2xx answer; MalformedAnswer when it is not one."""
        return self._campaign("POST", "/campaign", response)

    def error_for(self, response: httpx.Response, method: str, path: str) -> ApiError:
        """The ApiError an error answer stands for (API message scrubbed)."""
        message: str | list[str] | None = None
        try:
            data = response.json()
        except ValueError:
            data = None
        if isinstance(data, dict):
            raw = data.get("message", data.get("error"))
            if isinstance(raw, list):
                message = [self.scrub(str(m)) for m in raw]
            elif raw is not None:
                message = self.scrub(str(raw))
        elif response.text:
            message = self.scrub(response.text[:500])
        return api_error(
            response.status_code,
            message,
            method,
            path,
            retry_after=retry_after_seconds(response),
            waited=response.extensions.get(WAITED),
            date=_server_date(response),
        )

    def transport_error(
        self, method: str, path: str, exc: httpx.HTTPError, started: float
    ) -> TransportError:
        """The TransportError for ``exc`` (no answer), raised ``started`` (monotonic) on."""
        reason = self.scrub(self.where(exc, time.monotonic() - started))
        return TransportError(method, path, reason)

    def where(self, exc: httpx.HTTPError, seconds: float) -> str:
        """What went wrong, where, how often, and what to check: ``ConnectError: [Errno 111]
        Connection refused, at http://127.0.0.1:8090 (6 attempts over 13 s); check ..."""
        attempts = getattr(exc, "cozmox_attempts", 1)
        tried = f"{attempts} attempts over {seconds:.0f} s" if attempts > 1 else "once"
        text = f"{describe_transport_error(exc)}, at {self.base_url} ({tried})"
        if isinstance(exc, NEVER_SENT):
            text += (
                "; nothing answered there: check cozmox:baseUrl (or COZMOX_BASE_URL), and that "
                "the Cozmox API (or the local emulator, cozmox-emulator) is running at it"
            )
        return text

    def scrub(self, text: str) -> str:
        """``text`` without the API key, phone numbers or emails."""
        if self._api_key in text:
            text = text.replace(self._api_key, "***")
        return _PERSONAL.sub("[redacted]", text)

    # -- machinery --------------------------------------------------------------------------

    def _send(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, Any] | None = None,
        content: bytes | None = None,
    ) -> httpx.Response:
        headers = {"Content-Type": "application/json"} if content is not None else None
        started = time.monotonic()
        try:
            response = self._http.request(
                method, path, params=params, content=content, headers=headers
            )
        except httpx.HTTPError as exc:
            raise self.transport_error(method, path, exc, started) from None
        if not response.is_success:
            raise self.error_for(response, method, path)
        self.answered = True
        date = _server_date(response)
        if date is not None:
            self._offset = date - datetime.now(timezone.utc)
        return response

    def _campaign(self, method: str, path: str, response: httpx.Response) -> dict[str, Any]:
        try:
            data = fastjson.loads(response.content) if response.content.strip() else None
        except ValueError:
            raise MalformedAnswer(method, path, "the answer is not JSON") from None
        validate_answer(CampaignAnswer, data, method, path)
        assert isinstance(data, dict)  # validate_answer accepts objects only
        return data


def _whole_page(raw: bytes) -> tuple[list[tuple[str, dict[str, Any]]], PageMeta | None]:
    """A list page's campaigns, whole, each checked as a campaign answer."""
    try:
        data = fastjson.loads(raw) if raw.strip() else None
    except ValueError:
        raise MalformedAnswer("GET", "/campaign", "the answer is not JSON") from None
    page = validate_answer(WholePage, data, "GET", "/campaign")
    for campaign in page.results:
        validate_answer(CampaignAnswer, campaign, "GET", "/campaign")
    return [(c["id"], c) for c in page.results], page.metadata


def _server_date(response: httpx.Response) -> datetime | None:
    try:
        date = email.utils.parsedate_to_datetime(response.headers.get("Date", ""))
    except (TypeError, ValueError):
        return None
    return date if date.tzinfo is not None else date.replace(tzinfo=timezone.utc)


def _dumps(body: Any) -> bytes:
    return json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
