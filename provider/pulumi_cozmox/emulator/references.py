"""The reads of what a campaign names (``schema/cozmox-references.openapi.json``): HTTP only.

``GET /assistant``, ``GET /phone-number``, ``GET /workflow``: 200, the org's objects (a JSON
array, newest first; ``limit`` from 0 to 1000, default 100, and the ``createdAt*`` /
``updatedAt*`` filters where the contract has them). ``GET /assistant/{id}``,
``GET /phone-number/{id}``, ``GET /workflow/{id}``: 200, the object; 404 ``Assistant not
found`` (``Phone number``, ``Workflow``) when the org of the key has none with that id, which a
client tells apart from an unknown route's 404 (``Cannot GET /path``) by its message. Bearer
auth as on every route of the API. The objects are seeded by a test control
(:mod:`.objects`).
"""

from __future__ import annotations

import math
from collections.abc import Callable

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from . import lifecycle
from .errors import ApiError, BadRequest, NotFound
from .objects import KINDS, Kind
from .state import EmulatorState

__all__ = ["reference_routes"]

_TIME_FILTERS = {
    f"{field}{op}": (field, op)
    for field in ("createdAt", "updatedAt")
    for op in ("Gt", "Lt", "Ge", "Le")
}
_COMPARE: dict[str, Callable[[int, int], bool]] = {
    "Gt": lambda a, b: a > b,
    "Lt": lambda a, b: a < b,
    "Ge": lambda a, b: a >= b,
    "Le": lambda a, b: a <= b,
}


def _error(error: ApiError) -> Response:
    return JSONResponse(error.body(), status_code=error.status)


def _limit(text: str | None) -> int:
    if text is None:
        return 100
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or not 0 <= value <= 1000:
        raise BadRequest(["limit must be a number from 0 to 1000"])
    return int(value)


def _filters(kind: Kind, params: dict[str, str]) -> list[tuple[str, str, int]]:
    """(field, operator, ms) of each time filter; BadRequest for a parameter the route has
    not (the workflow list has none)."""
    allowed = {} if kind.key == "workflows" else {"limit": None, **_TIME_FILTERS}
    messages = [f"property {name} should not exist" for name in params if name not in allowed]
    found = []
    for name, (field, op) in _TIME_FILTERS.items():
        if name in params and name in allowed:
            ms = lifecycle.parse_iso_ms(params[name])
            if ms is None:
                messages.append(f"{name} must be a valid ISO 8601 date string")
            else:
                found.append((field, op, ms))
    if messages:
        raise BadRequest(messages)
    return found


def _kept(item: dict[str, object], filters: list[tuple[str, str, int]]) -> bool:
    for field, op, bound in filters:
        ms = lifecycle.parse_iso_ms(str(item.get(field, "")))
        if ms is None or not _COMPARE[op](ms, bound):
            return False
    return True


def _routes(state: EmulatorState, org_of: Callable[[Request], str], kind: Kind) -> list[Route]:
    objects = state.objects

    async def listing(request: Request) -> Response:
        try:
            org = org_of(request)
            params = dict(request.query_params)
            filters = _filters(kind, params)
            limit = _limit(params.get("limit"))
            found = [o for o in objects.list(org, kind, 1000) if _kept(o, filters)]
            return JSONResponse(found[:limit])
        except ApiError as error:
            return _error(error)

    async def one(request: Request) -> Response:
        try:
            org = org_of(request)
            found = objects.get(org, kind, request.path_params["id"])
            if found is None:
                raise NotFound(f"{kind.noun} not found")
            return JSONResponse(found)
        except ApiError as error:
            return _error(error)

    return [
        Route(kind.route, listing, methods=["GET"]),
        Route(kind.route + "/{id}", one, methods=["GET"]),
    ]


def reference_routes(state: EmulatorState, org_of: Callable[[Request], str]) -> list[Route]:
    """The read routes of every kind of object a campaign names; ``org_of`` authenticates."""
    return [route for kind in KINDS for route in _routes(state, org_of, kind)]
