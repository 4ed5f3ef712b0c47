"""``cozmox-emulator``: the local Cozmox API (see ``pulumi_cozmox.emulator``)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from .objects import SEED_SHAPE, Seed, parse_seed
from .ratelimit import RateLimit, parse_rate
from .store import DEFAULT_API_KEY, DEFAULT_ORG, Settings

__all__ = ["EXTRA_MISSING", "main"]

EXTRA_MISSING = "the emulator needs the 'emulator' extra: pip install 'pulumi-cozmox[emulator]'"
# The top-level modules of the extra's requirements (see pyproject.toml).
_EXTRA_MODULES = frozenset({"starlette", "uvicorn"})


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="cozmox-emulator",
        description="A local emulator of the Cozmox campaign API (for demos and tests).",
    )
    p.add_argument("--host", default="127.0.0.1", help="interface to listen on (127.0.0.1)")
    p.add_argument("--port", type=int, default=8090, help="port, 0 for any free port (8090)")
    p.add_argument(
        "--db",
        default=":memory:",
        metavar="PATH",
        help="SQLite file that survives restarts, or :memory: (the default)",
    )
    p.add_argument(
        "--key",
        action="append",
        default=[],
        metavar="TOKEN[=ORG]",
        help=f"accept this API key, for org ORG ({DEFAULT_ORG}); repeatable;"
        f" default {DEFAULT_API_KEY}={DEFAULT_ORG}",
    )
    p.add_argument(
        "--call-seconds",
        type=float,
        default=60.0,
        metavar="S",
        help="how long each simulated call lasts (60)",
    )
    p.add_argument(
        "--call-concurrency",
        type=int,
        default=10,
        metavar="N",
        help="calls a campaign places at once (10)",
    )
    p.add_argument(
        "--voicemail-every",
        type=int,
        default=10,
        metavar="N",
        help="every N-th call ends in voicemail, 0 for none (10)",
    )
    p.add_argument(
        "--rate-limit",
        metavar="N/s",
        help="answer 429 past N requests a second per API key (a token bucket; default none)",
    )
    p.add_argument(
        "--rate-burst",
        type=int,
        metavar="M",
        help="requests a key may send at once before --rate-limit applies (N rounded up)",
    )
    _seeding(p)
    p.add_argument(
        "--log-level",
        default="warning",
        choices=["critical", "error", "warning", "info", "debug", "trace"],
    )
    return p


def _seeding(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--objects",
        metavar="FILE",
        help="seed the assistants, phone numbers and workflows campaigns name, from a JSON file"
        f" {SEED_SHAPE} (as POST /__emulator/objects; a reset forgets them)",
    )


def main(argv: Sequence[str] | None = None) -> int:
    try:
        from .server import serve
    except ModuleNotFoundError as exc:
        if (exc.name or "").partition(".")[0] not in _EXTRA_MODULES:
            raise
        print(EXTRA_MISSING, file=sys.stderr)
        return 2
    args = _parser().parse_args(argv)
    if args.call_seconds <= 0 or args.call_concurrency < 1 or args.voicemail_every < 0:
        _parser().error(
            "--call-seconds must be > 0, --call-concurrency >= 1, --voicemail-every >= 0"
        )
    keys: dict[str, str] = {}
    for spec in args.key or [DEFAULT_API_KEY]:
        token, _, org = spec.partition("=")
        if not token:
            _parser().error(f"--key {spec!r}: the token is empty")
        keys[token] = org or DEFAULT_ORG
    settings = Settings(
        call_seconds=args.call_seconds,
        concurrency=args.call_concurrency,
        voicemail_every=args.voicemail_every,
        keys=keys,
    )
    try:
        return serve(
            host=args.host,
            port=args.port,
            db=args.db,
            settings=settings,
            log_level=args.log_level,
            rate_limit=_rate_limit(args.rate_limit, args.rate_burst),
            objects=_objects(args.objects),
        )
    except KeyboardInterrupt:
        return 0


def _rate_limit(rate: str | None, burst: int | None) -> RateLimit | None:
    if rate is None:
        if burst is not None:
            _parser().error("--rate-burst needs --rate-limit")
        return None
    try:
        spec: dict[str, float | int] = {"perSecond": parse_rate(rate)}
        if burst is not None:
            spec["burst"] = burst
        return RateLimit.from_json(spec)
    except ValueError as exc:
        _parser().error(f"--rate-limit {rate}: {exc}")


def _objects(path: str | None) -> Seed | None:
    if path is None:
        return None
    try:
        return parse_seed(json.loads(Path(path).read_text(encoding="utf-8")))
    except OSError as exc:
        _parser().error(f"--objects {path}: {exc.strerror or exc}")
    except ValueError as exc:  # not JSON, or not a seed
        _parser().error(f"--objects {path}: {exc}")


if __name__ == "__main__":
    sys.exit(main())
