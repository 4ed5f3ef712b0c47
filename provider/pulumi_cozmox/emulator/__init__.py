"""A local emulator of the Cozmox campaign API: the embedded default for demos and tests.

``cozmox-emulator [--host H] [--port P] [--db PATH | --db :memory:] [--key TOKEN[=ORG]]...
[--call-seconds S] [--call-concurrency N] [--voicemail-every N] [--rate-limit N/s
[--rate-burst M]] [--objects FILE]`` serves the API of ``schema/cozmox-campaign.openapi.json``
(and the reads of ``schema/cozmox-references.openapi.json``: assistants, phone numbers,
workflows, seeded by ``--objects`` or a control) on ``http://H:P`` and prints
``Cozmox emulator listening on http://H:P`` once it accepts requests. The default key is
``sk-cozmox-local`` in org ``local-org``.

Modules, in the spirit of moto: :mod:`.app` (routes, HTTP only), :mod:`.store` (SQLite and
the API's state rules), :mod:`.lifecycle` (the simulated calls, pure), :mod:`.checks` (request
validation with the derived JSON Schema), :mod:`.rules` (the contract's cross-field rules,
written from the contract, not shared with the provider), :mod:`.errors` (domain errors with
their wire status), :mod:`.faults` (fault injection and the request journal),
:mod:`.ratelimit` (a token bucket per API key), :mod:`.asgi` (what those two share),
:mod:`.control` (the test-only ``/__emulator/*`` endpoints), :mod:`.references` and
:mod:`.objects` (what a campaign names), :mod:`.state` (what one server
holds), :mod:`.server` (uvicorn).

Its web stack (starlette, uvicorn) is the optional extra ``emulator``
(``pip install 'pulumi-cozmox[emulator]'``): the provider never imports this package, and
:func:`create_app` and :func:`serve` are imported only when first used, so that the command
says what is missing instead of failing at import.

Test-only controls (never part of the real API) live under ``/__emulator/``: reset, clock,
request journal, fault rules, extra API keys, the rate limit, an import of past campaigns, the
objects campaigns name; see
:mod:`.control`.

Known gaps (behaviour of the real service the emulator does not reproduce or cannot know):
the ``calls`` map holds the emulator's own call summaries; ``schedulePlan.latestAt`` only cuts
off calls not yet dialed; the concurrency limit is per campaign, not per org; the real API's
rate limits are unknown (the emulator's is a token bucket per key, off unless set); a list
page holds at most 100 campaigns (``limit`` up to 1000 is accepted and
``metadata.itemsPerPage`` says what was used); PATCHing ``assistantId`` drops ``workflowId``
(and vice versa).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .store import DEFAULT_API_KEY, DEFAULT_ORG, Settings, Store

if TYPE_CHECKING:
    from .app import create_app
    from .server import serve

__all__ = ["DEFAULT_API_KEY", "DEFAULT_ORG", "Settings", "Store", "create_app", "serve"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from .app import create_app

        return create_app
    if name == "serve":
        from .server import serve

        return serve
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
