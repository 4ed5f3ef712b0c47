"""What a campaign names: its assistant (or workflow) and the phone number it calls from.

Whether the API refuses a campaign naming an id its org does not have is not documented, and a
wrong one shows on the day the calls should go out. So a change that sets them (a create, a
replacement, a takeover, a changed id) reads each named object once (``GET /assistant/{id}``,
``GET /phone-number/{id}``, ``GET /workflow/{id}``), refuses one the org does not have, naming
its field, and tells the reviewer what they are: who speaks, and the line it calls from.

A key that may not read them (401, 403) or an API without those reads (a 404 that names no
object but the route) is one warning for the run, and nothing is read again: the ids are then
not checked, which is how the provider was before. Settings that make no client (no key) read
nothing and say nothing here: the create's judgement, or the write's check of the key, says
it. A read is made once per run, whichever hook
asks first: check asks at every preview and ``up``, create and update ask again (nothing is
sent when check has read it in the same run).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pulumi_cozmox.client.errors import ApiError, ConfigurationError, CozmoxError, NotFound
from pulumi_cozmox.core.engine.outcome import Failure, Sink
from pulumi_cozmox.core.model.campaign import Campaign
from pulumi_cozmox.core.report.record import Named
from pulumi_cozmox.core.resource import names

if TYPE_CHECKING:
    from pulumi_cozmox.core.engine.run import Run

__all__ = ["NAMED_FIELDS", "Judged", "References", "sets_names"]


@dataclass(frozen=True)
class NamedField:
    """A field that names an object: its API name, its input key, the path of its read and
    how messages call the object."""

    api: str
    key: str
    kind: str
    noun: str


NAMED_FIELDS = (
    NamedField("assistantId", "assistant_id", "assistant", "assistant"),
    NamedField("workflowId", "workflow_id", "workflow", "workflow"),
    NamedField("phoneNumberId", "phone_number_id", "phone-number", "phone number"),
)
#: The statuses that mean "this key may not read them" (not: "there is no such object").
_FORBIDDEN = (401, 403)


@dataclass(frozen=True)
class Judged:
    """What the reads found: a failure per object the org does not have (or that could not be
    read), and the objects found."""

    failures: tuple[Failure, ...] = ()
    named: tuple[Named, ...] = ()


def sets_names(olds: Campaign | None, news: Campaign, creating: bool) -> bool:
    """Whether the change sets what the campaign names: a create (a replacement, a takeover)
    or a changed id. An unchanged campaign (a no-op preview) reads nothing."""
    if creating or olds is None:
        return True
    return any(getattr(news, f.key) != getattr(olds, f.key) for f in NAMED_FIELDS)


class References:
    """The run's reads of named objects, each made once. Thread-safe: the engine checks
    several resources at once, and two naming one assistant wait for one read."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._locks: dict[tuple[str, str], threading.Lock] = {}
        self._found: dict[tuple[str, str], Named | str | None] = {}
        self._blocked: str | None = None
        self._said = False

    def judge(self, run: Run, campaign: Campaign, sink: Sink) -> Judged:
        """The objects ``campaign`` names (known, non-empty ids only), read or remembered."""
        failures: list[Failure] = []
        found: list[Named] = []
        for named in NAMED_FIELDS:
            value = getattr(campaign, named.key)
            if not isinstance(value, str) or not value:
                continue
            outcome = self._outcome(run, named, value)
            if isinstance(outcome, Named):
                found.append(outcome)
            elif outcome is not None:
                failures.append(Failure(named.api, outcome))
        self._warn(sink)
        return Judged(tuple(failures), tuple(found))

    def _outcome(self, run: Run, named: NamedField, object_id: str) -> Named | str | None:
        key = (named.kind, object_id)
        with self._lock:
            lock = self._locks.setdefault(key, threading.Lock())
        with lock:
            with self._lock:
                if key in self._found:
                    return self._found[key]
                if self._blocked is not None:
                    return None
            outcome = self._read(run, named, object_id)
            with self._lock:
                self._found[key] = outcome
            return outcome

    def _read(self, run: Run, named: NamedField, object_id: str) -> Named | str | None:
        """The object; a failure's reason; None when the API will not say (and why is kept)."""
        try:
            got = run.client().get_named(named.kind, object_id)
        except ConfigurationError:
            return None  # no key, a bad URL: what plans a write says so (nothing to read with)
        except NotFound as exc:
            if not exc.no_route:
                return f'no {named.noun} "{object_id}" in this org'
            why = f"the API has no read of them ({exc})"
        except ApiError as exc:
            if exc.status not in _FORBIDDEN:
                return f'the {named.noun} "{object_id}" cannot be read: {exc}'
            why = f"the API key may not read them ({exc})"
        except CozmoxError as exc:
            return f'the {named.noun} "{object_id}" cannot be read: {exc}'
        else:
            return Named(named.api, got.id, got.name, got.number)
        with self._lock:
            self._blocked = self._blocked or why
        return None

    def _warn(self, sink: Sink) -> None:
        """The one warning of a run whose API will not show what campaigns name."""
        with self._lock:
            if self._blocked is None or self._said:
                return
            self._said = True
            why = self._blocked
        fields = ", ".join(names.field(f.api) for f in NAMED_FIELDS)
        sink.notice(
            f"warning: cozmox: the assistants, workflows and phone numbers campaigns name are "
            f"not checked: {why}. A wrong {fields} would show only when the calls should go "
            "out; give the key read access to them to have them checked."
        )
