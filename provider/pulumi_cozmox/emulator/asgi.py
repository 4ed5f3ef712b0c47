"""The ASGI terms the emulator's layers share: the types, where the test controls live, and a
JSON answer sent from a middleware.

Spelled here without importing a web stack: the command line parses a rate limit
(:mod:`.ratelimit`) before it knows whether the ``emulator`` extra is installed.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from typing import Any

__all__ = [
    "CONTROL_PREFIX",
    "JSON_TYPE",
    "ASGIApp",
    "Message",
    "Receive",
    "Scope",
    "Send",
    "send_json",
]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

#: Where the test-only controls live (:mod:`.control`): no journal, fault or rate limit there.
CONTROL_PREFIX = "/__emulator/"
JSON_TYPE = "application/json; charset=utf-8"


async def send_json(
    send: Send, status: int, document: Any, headers: Iterable[tuple[bytes, bytes]] = ()
) -> None:
    """Answer ``status`` with ``document`` as JSON, and ``headers`` besides."""
    body = json.dumps(document).encode()
    start = [
        (b"content-type", JSON_TYPE.encode()),
        (b"content-length", str(len(body)).encode()),
        *headers,
    ]
    await send({"type": "http.response.start", "status": status, "headers": start})
    await send({"type": "http.response.body", "body": body})
