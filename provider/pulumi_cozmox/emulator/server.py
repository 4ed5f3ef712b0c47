"""Serve the emulator with uvicorn: one process, one event loop, SQLite in a thread pool."""

from __future__ import annotations

import asyncio
import errno
import socket
import sys

import uvicorn

from .app import create_app
from .faults import DroppingH11Protocol
from .objects import Seed
from .ratelimit import RateLimit, RateLimiter
from .state import EmulatorState
from .store import Settings, Store

__all__ = ["serve"]


class _Server(uvicorn.Server):
    """A uvicorn server that announces its URL once it accepts connections."""

    def __init__(self, config: uvicorn.Config, host: str) -> None:
        super().__init__(config)
        self._host = host

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        if self.should_exit or not self.servers:
            return
        port = self.servers[0].sockets[0].getsockname()[1]
        host = f"[{self._host}]" if ":" in self._host else self._host
        print(f"Cozmox emulator listening on http://{host}:{port}", flush=True)


def _listen(host: str, port: int) -> list[socket.socket]:
    """Bound sockets for every address of ``host`` (as asyncio's ``create_server`` binds
    them); raises OSError. Binding here, not in uvicorn, keeps the reason of a failure: uvicorn
    only logs it, and exits."""
    sockets: list[socket.socket] = []
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
        for family, kind, proto, _, address in dict.fromkeys(infos):
            sock = socket.socket(family, kind, proto)
            sockets.append(sock)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            if family == socket.AF_INET6:
                sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
            sock.bind(address)
    except OSError:
        for sock in sockets:
            sock.close()
        raise
    return sockets


def _why(error: OSError) -> str:
    if error.errno == errno.EADDRINUSE:
        return (
            "the port is already in use (another emulator?);"
            " choose another with --port, or --port 0 for any free port"
        )
    return error.strerror or str(error)


def serve(
    *,
    host: str = "127.0.0.1",
    port: int = 8090,
    db: str = ":memory:",
    settings: Settings | None = None,
    log_level: str = "warning",
    rate_limit: RateLimit | None = None,
    objects: Seed | None = None,
) -> int:
    """Run until interrupted; the return value is the process exit status. ``rate_limit``:
    the limit per API key in force from the start (and again after a reset); ``objects``: the
    assistants, phone numbers and workflows seeded at start (a reset forgets them)."""
    store = Store(db, settings or Settings())
    state = EmulatorState(store, limiter=RateLimiter(rate_limit))
    if objects is not None:
        state.objects.seed(objects)
    app = create_app(state)
    config = uvicorn.Config(
        app,
        host=host,
        port=port,
        http=DroppingH11Protocol,
        lifespan="off",
        log_level=log_level,
        access_log=log_level in ("debug", "trace", "info"),
        timeout_keep_alive=30,
        date_header=False,  # the app dates answers with the emulator's clock
    )
    server = _Server(config, host)
    try:
        try:
            sockets = _listen(host, port)
        except OSError as error:
            print(
                f"Cozmox emulator could not listen on {host}:{port}: {_why(error)}",
                file=sys.stderr,
                flush=True,
            )
            return 1
        asyncio.run(server.serve(sockets=sockets))
    finally:
        store.close()
    if not server.started:
        print(f"Cozmox emulator could not listen on {host}:{port}", file=sys.stderr, flush=True)
        return 1
    return 0
