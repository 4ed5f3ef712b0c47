"""Test-only controls of the emulator, under ``/__emulator/`` (no auth; not part of the API).

The real Cozmox API has none of these; tests and demos use them to set the stage:

``GET    /__emulator/health``    ``{"ok": true}``
``GET    /__emulator/config``    call simulation settings (``callSeconds``, ``concurrency``,
                                ``voicemailEvery``)
``POST   /__emulator/reset``     forget every campaign, fault rule, journal entry, key added
                                at run time, and the clock offset
``GET    /__emulator/clock``     ``{"now": ISO, "offsetSeconds": S}``
``POST   /__emulator/clock``     ``{"advanceSeconds": N}``: move the emulator's clock forward
                                without sleeping (every campaign's lifecycle follows)
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
``POST   /__emulator/import``    ``{"orgId"?: ORG, "campaigns": [{"createdAt": ISO, "body":
                                {...}}]}``: store campaigns as if created at ``createdAt``
                                (history: an org of years of campaigns in one request; the
                                bodies are not validated); 201 ``{"ids": [...]}``; ``orgId``
                                defaults to the org of the default key

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
from .faults import FaultRule
from .state import EmulatorState
from .store import DEFAULT_ORG

__all__ = ["PREFIX", "control_routes"]

PREFIX = "/__emulator"


def _error(message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=400)


async def _json(request: Request) -> Any:
    raw = await request.body()
    if not raw.strip():
        return {}
    return json.loads(raw)


def control_routes(state: EmulatorState) -> list[Route]:
    """The ``/__emulator/*`` routes over ``state``."""
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

    async def clock(request: Request) -> Response:
        if request.method == "GET":
            return JSONResponse(state.store.clock())
        try:
            data = await _json(request)
        except ValueError:
            return _error("body must be JSON")
        seconds = data.get("advanceSeconds") if isinstance(data, dict) else None
        if not isinstance(seconds, int | float) or isinstance(seconds, bool) or seconds < 0:
            return _error("advanceSeconds must be a non-negative number")
        return JSONResponse(state.store.advance_clock(float(seconds)))

    async def requests(request: Request) -> Response:
        if request.method == "DELETE":
            state.journal.clear()
            return JSONResponse({"ok": True})
        return JSONResponse(state.journal.entries())

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

    async def keys(request: Request) -> Response:
        try:
            data = await _json(request)
        except ValueError:
            return _error("body must be JSON")
        key = data.get("key") if isinstance(data, dict) else None
        org = data.get("orgId") if isinstance(data, dict) else None
        if not isinstance(key, str) or not key or not isinstance(org, str) or not org:
            return _error('body must be {"key": TOKEN, "orgId": ORG}')
        state.store.add_key(key, org)
        return JSONResponse({"key": key, "orgId": org}, status_code=201)

    async def import_history(request: Request) -> Response:
        try:
            data = await _json(request)
        except ValueError:
            return _error("body must be JSON")
        items = data.get("campaigns") if isinstance(data, dict) else None
        org = data.get("orgId", DEFAULT_ORG) if isinstance(data, dict) else None
        if not isinstance(items, list) or not isinstance(org, str) or not org:
            return _error('body must be {"orgId"?: ORG, "campaigns": [{"createdAt", "body"}]}')
        history: list[tuple[int, dict[str, Any]]] = []
        for item in items:
            created = item.get("createdAt") if isinstance(item, dict) else None
            body = item.get("body") if isinstance(item, dict) else None
            ms = lifecycle.parse_iso_ms(created) if isinstance(created, str) else None
            if ms is None or not isinstance(body, dict):
                return _error("each campaign needs createdAt (ISO 8601) and body (an object)")
            history.append((ms, body))
        ids = await run_in_threadpool(state.store.import_history, org, history)
        return JSONResponse({"ids": ids}, status_code=201)

    return [
        Route(f"{PREFIX}/import", import_history, methods=["POST"]),
        Route(f"{PREFIX}/health", health, methods=["GET"]),
        Route(f"{PREFIX}/config", config, methods=["GET"]),
        Route(f"{PREFIX}/reset", reset, methods=["POST"]),
        Route(f"{PREFIX}/clock", clock, methods=["GET", "POST"]),
        Route(f"{PREFIX}/requests", requests, methods=["GET", "DELETE"]),
        Route(f"{PREFIX}/faults", faults, methods=["GET", "POST", "DELETE"]),
        Route(f"{PREFIX}/faults/release", release, methods=["POST"]),
        Route(f"{PREFIX}/keys", keys, methods=["POST"]),
    ]
