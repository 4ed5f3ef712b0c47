"""Test-only controls of the emulator, under ``/__emulator/`` (no auth; not part of the API).

The real Cozmox API has none of these; tests and demos use them to set the stage:

``GET    /__emulator/health``    ``{"ok": true}``
``GET    /__emulator/config``    call simulation settings (``callSeconds``, ``concurrency``,
                                ``voicemailEvery``)
``POST   /__emulator/reset``     forget every campaign, fault rule, journal entry and key
                                added at run time; the clock runs with the wall clock again;
                                the rate limit given at start is in force again
``GET    /__emulator/clock``     ``{"now": ISO, "offsetSeconds": S, "frozen": BOOL}``
``POST   /__emulator/clock``     ``{"freeze": true}`` stop the clock (``false``: run again),
                                ``{"set": ISO}``, ``{"advance": "PT2H"}`` or
                                ``{"advanceSeconds": N}`` move it forward, without sleeping
                                (every campaign's lifecycle follows; see :mod:`.clock`)
``GET    /__emulator/requests``  the journal: ``[{method, path, query, status, time, bytes,
                                arrived, ended, fault?, committedStatus?}]`` (``arrived``,
                                ``ended``: the order of events, see :mod:`.faults`) in
                                arrival order, requests to
                                ``/__emulator/`` excluded, faulted requests included
                                (``status`` null when the client got no answer)
``DELETE /__emulator/requests``  clear the journal
``GET    /__emulator/faults``    the fault rules with their remaining ``times`` and ``hits``
``POST   /__emulator/faults``    add one rule or a list of rules (201); an invalid rule is
                                400 ``{"error": reason}`` and adds nothing
``DELETE /__emulator/faults``    remove every rule (requests a ``hold`` rule holds go on)
``POST   /__emulator/faults/release``  release every request the ``hold`` rules hold now;
                                ``{"released": N}``
``POST   /__emulator/keys``      ``{"key": TOKEN, "orgId": ORG}``: accept another API key
``GET    /__emulator/rate-limit`` the rate limit in force, ``{"perSecond", "burst"}``, or null
``POST   /__emulator/rate-limit`` ``{"perSecond": N, "burst": M}``: a token bucket per API key
                                (``burst`` defaults to N rounded up; every bucket starts
                                full); a request with no token left is answered 429 with
                                ``Retry-After`` (see :mod:`.ratelimit`)
``DELETE /__emulator/rate-limit`` no rate limit
``POST   /__emulator/import``    ``{"orgId"?: ORG, "campaigns": [{"createdAt": ISO, "body":
                                {...}}]}``: store campaigns as if created at ``createdAt``
                                (history: an org of years of campaigns in one request; the
                                bodies are not validated); 201 ``{"ids": [...]}``; ``orgId``
                                defaults to the org of the default key
``POST   /__emulator/objects``   ``{"orgId"?: ORG, "assistants": [{"id", "name"}],
                                "phoneNumbers": [{"id", "number", "name"}], "workflows":
                                [{"id", "name"}]}``: the objects campaigns name, for the API's
                                reads of them (:mod:`.objects`); 201 their ids by kind; an
                                invalid seed is 400 and stores nothing

Fault rules, one per action (every rule also takes ``method``, ``path`` (a glob) and
``times``, default 1; what each does is in :mod:`.faults`)::

    {"action": "status", "status": 429, "retryAfter": 2}
    {"action": "delay", "delaySeconds": 3}
    {"action": "drop"}
    {"action": "drop_after_commit"}
    {"action": "answer", "status": 201, "body": "{\"foo\":1}", "commit": true}
    {"action": "answer", "status": 200, "body": "<html>", "contentType": "text/html"}
    {"action": "delay_after_commit", "delaySeconds": 30}
    {"action": "ignore_page", "times": 1000}
    {"action": "hold", "count": 3, "times": 3, "query": "updatedAtGe=*"}
    {"action": "hold", "timeoutSeconds": 120}

A ``hold`` with ``count`` is a barrier: the requests it holds are released together once
``count`` of them are held, so a test knows they were in flight together (their journal
entries say ``"hold": "count"``; ``"timeout"`` when the count was never reached). Without
``count`` they wait for ``POST /__emulator/faults/release``: a test holds one client's requests
while it does something else (another `pulumi up` that must find the stack locked, a kill),
then lets them go. ``GET /__emulator/faults`` shows ``held`` for each hold rule.
"""

from __future__ import annotations

import json
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from . import lifecycle
from .asgi import CONTROL_PREFIX
from .clock import parse_move
from .faults import FaultRule
from .objects import parse_seed
from .ratelimit import RateLimit
from .state import EmulatorState
from .store import DEFAULT_ORG

__all__ = ["PREFIX", "control_routes"]

PREFIX = CONTROL_PREFIX.rstrip("/")


def _error(message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=400)


async def _json(request: Request) -> Any:
    """The body's JSON value, ``{}`` when empty; ValueError if it is not JSON."""
    raw = await request.body()
    if not raw.strip():
        return {}
    return json.loads(raw)


async def _object(request: Request) -> dict[str, Any]:
    """The body as a JSON object (``{}`` when it is another value); ValueError if not JSON."""
    data = await _json(request)
    return data if isinstance(data, dict) else {}


def _rate_limit_route(state: EmulatorState) -> Route:
    """``/__emulator/rate-limit``: read, set or remove the rate limit (:mod:`.ratelimit`)."""

    async def rate_limit(request: Request) -> Response:
        if request.method == "POST":
            try:
                state.limiter.set(RateLimit.from_json(await _json(request)))
            except ValueError as exc:  # not JSON, or not a limit
                return _error(str(exc))
        elif request.method == "DELETE":
            state.limiter.set(None)
        limit = state.limiter.limit
        return JSONResponse(limit.to_json() if limit else None)

    return Route(f"{PREFIX}/rate-limit", rate_limit, methods=["GET", "POST", "DELETE"])


def control_routes(state: EmulatorState) -> list[Route]:
    """The ``/__emulator/*`` routes over ``state``."""
    return [
        _rate_limit_route(state),
        _import_route(state),
        _objects_route(state),
        *_status_routes(state),
        _clock_route(state),
        _journal_route(state),
        *_faults_routes(state),
        _keys_route(state),
    ]


def _status_routes(state: EmulatorState) -> list[Route]:
    """``health``, ``config`` (the call simulation settings) and ``reset``."""
    settings = state.store.settings

    async def health(request: Request) -> Response:
        return JSONResponse({"ok": True})

    async def config(request: Request) -> Response:
        return JSONResponse(
            {
                "callSeconds": settings.call_seconds,
                "concurrency": settings.concurrency,
                "voicemailEvery": settings.voicemail_every,
            }
        )

    async def reset(request: Request) -> Response:
        state.reset()
        return JSONResponse({"ok": True})

    return [
        Route(f"{PREFIX}/health", health, methods=["GET"]),
        Route(f"{PREFIX}/config", config, methods=["GET"]),
        Route(f"{PREFIX}/reset", reset, methods=["POST"]),
    ]


def _clock_route(state: EmulatorState) -> Route:
    """``/__emulator/clock``: read the clock, or freeze, thaw or move it (:mod:`.clock`)."""

    async def clock(request: Request) -> Response:
        if request.method == "GET":
            return JSONResponse(state.store.clock())
        try:
            move = parse_move(await _json(request))
            return JSONResponse(state.store.move_clock(move))
        except json.JSONDecodeError:
            return _error("body must be JSON")
        except ValueError as exc:  # not a move, or a move back
            return _error(str(exc))

    return Route(f"{PREFIX}/clock", clock, methods=["GET", "POST"])


def _journal_route(state: EmulatorState) -> Route:
    """``/__emulator/requests``: read or clear the request journal."""

    async def requests(request: Request) -> Response:
        if request.method == "DELETE":
            state.journal.clear()
            return JSONResponse({"ok": True})
        return JSONResponse(state.journal.entries())

    return Route(f"{PREFIX}/requests", requests, methods=["GET", "DELETE"])


def _faults_routes(state: EmulatorState) -> list[Route]:
    """``/__emulator/faults``: read, add (one rule or a list, all or none) or clear the rules;
    ``/__emulator/faults/release``: let go what the ``hold`` rules hold."""

    async def faults(request: Request) -> Response:
        if request.method == "DELETE":
            state.faults.clear()
            return JSONResponse({"ok": True})
        if request.method == "GET":
            return JSONResponse(state.faults.to_json())
        try:
            data = await _json(request)
            rules = [FaultRule.from_json(d) for d in (data if isinstance(data, list) else [data])]
        except ValueError as exc:
            return _error(str(exc))
        for rule in rules:
            state.faults.add(rule)
        return JSONResponse(state.faults.to_json(), status_code=201)

    async def release(request: Request) -> Response:
        return JSONResponse({"released": state.faults.release()})

    return [
        Route(f"{PREFIX}/faults", faults, methods=["GET", "POST", "DELETE"]),
        Route(f"{PREFIX}/faults/release", release, methods=["POST"]),
    ]


def _keys_route(state: EmulatorState) -> Route:
    """``/__emulator/keys``: accept another API key for an org."""

    async def keys(request: Request) -> Response:
        try:
            data = await _object(request)
        except ValueError:
            return _error("body must be JSON")
        key, org = data.get("key"), data.get("orgId")
        if not isinstance(key, str) or not key or not isinstance(org, str) or not org:
            return _error('body must be {"key": TOKEN, "orgId": ORG}')
        state.store.add_key(key, org)
        return JSONResponse({"key": key, "orgId": org}, status_code=201)

    return Route(f"{PREFIX}/keys", keys, methods=["POST"])


def _history(items: list[Any]) -> list[tuple[int, dict[str, Any]]] | None:
    """``[{"createdAt": ISO, "body": {...}}]`` as (creation in ms, body); None if one is not."""
    history: list[tuple[int, dict[str, Any]]] = []
    for item in items:
        created = item.get("createdAt") if isinstance(item, dict) else None
        body = item.get("body") if isinstance(item, dict) else None
        ms = lifecycle.parse_iso_ms(created) if isinstance(created, str) else None
        if ms is None or not isinstance(body, dict):
            return None
        history.append((ms, body))
    return history


def _import_route(state: EmulatorState) -> Route:
    """``/__emulator/import``: store campaigns as if created in the past."""

    async def import_history(request: Request) -> Response:
        try:
            data = await _object(request)
        except ValueError:
            return _error("body must be JSON")
        items, org = data.get("campaigns"), data.get("orgId", DEFAULT_ORG)
        if not isinstance(items, list) or not isinstance(org, str) or not org:
            return _error('body must be {"orgId"?: ORG, "campaigns": [{"createdAt", "body"}]}')
        history = _history(items)
        if history is None:
            return _error("each campaign needs createdAt (ISO 8601) and body (an object)")
        ids = await run_in_threadpool(state.store.import_history, org, history)
        return JSONResponse({"ids": ids}, status_code=201)

    return Route(f"{PREFIX}/import", import_history, methods=["POST"])


def _objects_route(state: EmulatorState) -> Route:
    """``/__emulator/objects``: seed the assistants, phone numbers and workflows of an org."""

    async def objects(request: Request) -> Response:
        try:
            seed = parse_seed(await _json(request))
        except ValueError as exc:  # not JSON, or not a seed
            return _error(str(exc))
        return JSONResponse(state.objects.seed(seed), status_code=201)

    return Route(f"{PREFIX}/objects", objects, methods=["POST"])
