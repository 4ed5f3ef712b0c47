"""The emulated Cozmox campaign API: HTTP only (parse, call one store method, render).

Routes (bearer auth on all but ``/openapi.json``; a key belongs to one org, and a campaign of
another org is 404 as if it did not exist):

``POST   /campaign``       201 Campaign (CreateCampaignDTO validated; nothing stored on error)
``GET    /campaign``       200 CampaignPaginatedResponse (``page``, ``limit``, ``sortOrder``,
                           ``id``, ``status``, ``createdAt*``, ``updatedAt*``)
``GET    /campaign/{id}``  200 Campaign
``PATCH  /campaign/{id}``  200 Campaign (UpdateCampaignDTO; see :meth:`Store.update`)
``DELETE /campaign/{id}``  200 the deleted Campaign
``GET    /openapi.json``   the contract, with this server's URL in ``servers``
``GET    /assistant[/{id}]``, ``/phone-number[/{id}]``, ``/workflow[/{id}]``: what a campaign
                           names (:mod:`.references`; seeded by a control)

Paging: the contract accepts ``limit`` from 0 to 1000 (default 100); the emulator serves at
most 100 campaigns a page (its choice: pages of large campaigns are large) and says so in
``metadata.itemsPerPage``, the size it used, so a client that follows ``metadata`` pages
correctly. ``page`` and ``limit`` are numbers in the contract: fractions are truncated.

Errors use the API's format ``{"statusCode", "error", "message"}``. The test controls under
``/__emulator/`` are in :mod:`.control`, faults and the journal in :mod:`.faults`.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from email.utils import formatdate
from functools import lru_cache
from importlib import resources

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from pulumi_cozmox._json import gc_paused

from . import checks, lifecycle
from .asgi import JSON_TYPE, ASGIApp, Message, Receive, Scope, Send
from .control import control_routes
from .errors import ApiError, BadRequest, NotFound, Unauthorized, UnsupportedMediaType
from .faults import FaultMiddleware
from .ratelimit import RateLimitMiddleware
from .references import reference_routes
from .state import EmulatorState
from .store import CampaignView, ListQuery, Settings, Store

__all__ = ["create_app"]

OPENAPI_FILE = "cozmox-campaign.openapi.json"
_STATUSES = ("scheduled", "in-progress", "ended")
_TIME_FILTERS = {
    f"{field}{op}": f"{field[:-2]}_{op.lower()}"
    for field in ("createdAt", "updatedAt")
    for op in ("Gt", "Lt", "Ge", "Le")
}
_LIST_PARAMS = {"id", "status", "page", "sortOrder", "limit", *_TIME_FILTERS}


def _json_response(text: str, status: int = 200) -> Response:
    return Response(text.encode("utf-8"), status_code=status, media_type=JSON_TYPE)


def _error_response(error: ApiError) -> Response:
    return JSONResponse(error.body(), status_code=error.status)


@lru_cache(maxsize=1)
def _openapi_text() -> str:
    return resources.files("pulumi_cozmox.schemas").joinpath(OPENAPI_FILE).read_text("utf-8")


def _org(request: Request, state: EmulatorState) -> str:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthorized("Missing bearer token. Send Authorization: Bearer <API key>.")
    org = state.store.org_for_key(token.strip())
    if org is None:
        raise Unauthorized()
    return org


async def _raw_body(request: Request) -> bytes:
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type != "application/json" and not media_type.endswith("+json"):
        raise UnsupportedMediaType()
    return await request.body()


def _number(params: dict[str, str], name: str, low: float, high: float) -> float | None:
    text = params.get(name)
    if text is None:
        return None
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        raise BadRequest([f"{name} must be a number conforming to the specified constraints"])
    if value < low:
        raise BadRequest([f"{name} must not be less than {low:g}"])
    if value > high:
        raise BadRequest([f"{name} must not be greater than {high:g}"])
    return value


def _list_query(request: Request) -> ListQuery:
    params = dict(request.query_params)
    messages = [f"property {k} should not exist" for k in params if k not in _LIST_PARAMS]
    status = params.get("status")
    if status is not None and status not in _STATUSES:
        messages.append(f"status must be one of the following values: {', '.join(_STATUSES)}")
    order = params.get("sortOrder", "DESC")
    if order not in ("ASC", "DESC"):
        messages.append("sortOrder must be one of the following values: ASC, DESC")
    times: dict[str, int] = {}
    for name, attr in _TIME_FILTERS.items():
        if name in params:
            ms = lifecycle.parse_iso_ms(params[name])
            if ms is None:
                messages.append(f"{name} must be a valid ISO 8601 date string")
            else:
                times[attr] = ms
    if messages:
        raise BadRequest(messages)
    page = _number(params, "page", 1, math.inf)
    limit = _number(params, "limit", 0, 1000)
    return ListQuery(
        page=int(page) if page is not None else 1,
        limit=int(limit) if limit is not None else 100,
        descending=order == "DESC",
        status=status,
        id=params.get("id"),
        **times,
    )


def create_app(state: EmulatorState | None = None) -> FaultMiddleware:
    """The ASGI application: the API and ``/__emulator/`` controls, wrapped in faults."""
    state = state or EmulatorState(Store(":memory:", Settings()))
    checks.warm_up()
    routes = [
        Route("/openapi.json", _openapi, methods=["GET"]),
        _campaigns_route(state),
        _campaign_route(state),
        *reference_routes(state, lambda request: _org(request, state)),
        *control_routes(state),
    ]
    app = Starlette(
        routes=routes,
        exception_handlers={HTTPException: _http_error, Exception: _server_error},
    )
    app.router.redirect_slashes = False
    # The rate limiter sits behind the faults (a fault stands for the network or a proxy in
    # front of the API) and in front of the clock, so that its 429s are dated like answers.
    store = state.store
    limited = RateLimitMiddleware(
        app, state.limiter, lambda key: store.org_for_key(key) is not None
    )
    return FaultMiddleware(ClockDate(limited, store.now_ms), state.faults, state.journal)


async def _openapi(request: Request) -> Response:
    doc = json.loads(_openapi_text())
    doc["servers"] = [{"url": str(request.base_url).rstrip("/")}]
    return JSONResponse(doc)


async def _http_error(request: Request, exc: Exception) -> Response:
    """Starlette's own errors (no route, wrong method) in the API's format."""
    status = exc.status_code if isinstance(exc, HTTPException) else 500
    if status in (404, 405):
        return _error_response(NotFound(f"Cannot {request.method} {request.url.path}"))
    return _error_response(ApiError(status, str(getattr(exc, "detail", "Error"))))


async def _server_error(request: Request, exc: Exception) -> Response:
    return _error_response(ApiError(500, "Internal server error"))


def _create(store: Store, org: str, raw: bytes) -> str:
    """Validate and store one POST body; the new campaign as JSON."""
    # A 10,000-customer body builds millions of objects and no cycles: the collector would
    # walk them again and again (it triples the time).
    with gc_paused():
        parsed, members = checks.parse_json_body(raw)
        body = checks.check_create(parsed)
        view = store.create(org, body, customers_json=members.get("customers"))
        return view.to_json()


def _campaigns_route(state: EmulatorState) -> Route:
    """``/campaign``: create (POST) or list (GET)."""
    store = state.store

    async def campaigns(request: Request) -> Response:
        try:
            org = _org(request, state)
            if request.method == "POST":
                raw = await _raw_body(request)
                return _json_response(await run_in_threadpool(_create, store, org, raw), 201)
            query = _list_query(request)
            page = await run_in_threadpool(store.list, org, query)
            return _json_response(await run_in_threadpool(page.to_json))
        except ApiError as error:
            return _error_response(error)

    return Route("/campaign", campaigns, methods=["GET", "POST"])


def _campaign_route(state: EmulatorState) -> Route:
    """``/campaign/{id}``: read, update (PATCH) or delete one campaign."""
    store = state.store

    async def campaign(request: Request) -> Response:
        campaign_id: str = request.path_params["id"]
        try:
            org = _org(request, state)
            if request.method == "GET":
                view = await run_in_threadpool(store.get, org, campaign_id)
            elif request.method == "DELETE":
                view = await run_in_threadpool(store.delete, org, campaign_id)
            else:
                raw = await _raw_body(request)

                def update() -> CampaignView:
                    patch = checks.check_update(checks.parse_json_object(raw))
                    return store.update(org, campaign_id, patch, checks.check_merged)

                view = await run_in_threadpool(update)
            return _json_response(await run_in_threadpool(view.to_json))
        except ApiError as error:
            return _error_response(error)

    return Route("/campaign/{id}", campaign, methods=["GET", "PATCH", "DELETE"])


class ClockDate:
    """Every answer's ``Date`` header tells the emulator's clock (which tests move forward),
    as a real server's tells its own: a client judging "has this window opened?" by the
    server's time then agrees with the simulated lifecycle."""

    def __init__(self, app: ASGIApp, now_ms: Callable[[], int]) -> None:
        self.app = app
        self.now_ms = now_ms

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def dated(message: Message) -> None:
            if message["type"] == "http.response.start":
                date = formatdate(self.now_ms() / 1000, usegmt=True).encode()
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"date"]
                message = {**message, "headers": [*headers, (b"date", date)]}
            await send(message)

        await self.app(scope, receive, dated)
