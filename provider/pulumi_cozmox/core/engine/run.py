"""One run: everything one ``pulumi`` command's provider process knows, in one object.

A :class:`Run` is made by an adapter per provider process (the dynamic provider keeps a few, by
stack config; the plugin one) and every hook of that process is a method of it. It owns:

- the **client** (:mod:`pulumi_cozmox.client`), the stack's **rules** (call limit, do-not-call
  list, calling policy) and the **guard** with its view of the org, each made on first use;
- the **claims**: campaigns some create of this run has taken (a lost answer's lookup skips
  them), and one lock per campaign identity (creates of identical campaigns one at a time);
- what **one hook tells the next** (:class:`Handoff`): which resources diff decided to replace
  (check and create then judge a create, not the campaign deleted first), which were just read
  by a refresh (whose own diff must record, not refuse), the stack's campaigns met (for
  messages), the standing opt-ins already said;
- the **references** read (:mod:`.references`): each assistant, workflow and phone number a
  change names is read once, whichever hook asks first;
- the **customer lists** met (:meth:`Run.customers`): a list of 10,000 customers is decoded
  once, whichever hook needs it first.

The hooks themselves are in :mod:`.check`, :mod:`.diff` and :mod:`.apply`. Thread-safe: the
engine calls several hooks at once. Nothing here outlives the run.
"""

from __future__ import annotations

import json
import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Generic, TypeVar

from pulumi_cozmox.client.api import CozmoxClient
from pulumi_cozmox.client.errors import ConfigurationError
from pulumi_cozmox.client.settings import resolve_settings
from pulumi_cozmox.core.engine import apply, check, diff
from pulumi_cozmox.core.engine.create import Claims
from pulumi_cozmox.core.engine.guard import Guard
from pulumi_cozmox.core.engine.listing import Listings
from pulumi_cozmox.core.engine.outcome import Diff, Failure, Read, Sink
from pulumi_cozmox.core.engine.references import References
from pulumi_cozmox.core.engine.rule_files import CONFIG_KEYS, resolve_rules
from pulumi_cozmox.core.model.campaign import Campaign
from pulumi_cozmox.core.model.customers import CustomerList
from pulumi_cozmox.core.rules.config import Rules
from pulumi_cozmox.core.rules.hours import CallingHours, calling_hours_in, dialing_window
from pulumi_cozmox.core.rules.policy import DEFAULT_POLICY, CallingPolicy
from pulumi_cozmox.core.rules.validation import Problem, campaign_problems

__all__ = ["Handoff", "Recent", "Run"]

#: A campaign as a hook takes it: the doors' value, or the dynamic provider's props.
Given = Campaign | Mapping[str, Any] | None

K = TypeVar("K")
V = TypeVar("V")

#: Customer lists a run keeps decoded: the old and the new one of the campaigns being judged
#: (the engine works on a few resources at once).
KEPT_LISTS = 4


class Recent(Generic[K, V]):
    """The last few values made by key (a bounded memo of a pure function). Thread-safe: a
    value is made outside the lock; when two threads make the same one, both get the first."""

    def __init__(self, size: int = KEPT_LISTS) -> None:
        self._size = size
        self._lock = threading.Lock()
        self._kept: OrderedDict[K, V] = OrderedDict()

    def get(self, key: K, make: Callable[[], V]) -> V:
        with self._lock:
            if key in self._kept:
                self._kept.move_to_end(key)
                return self._kept[key]
        made = make()
        with self._lock:
            found = self._kept.setdefault(key, made)
            self._kept.move_to_end(key)
            while len(self._kept) > self._size:
                self._kept.popitem(last=False)
            return found

    def clear(self) -> None:
        with self._lock:
            self._kept.clear()

    def __len__(self) -> int:
        with self._lock:
            return len(self._kept)


class Handoff:
    """What one hook tells the next, by resource name. Thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._replacing: dict[str, str] = {}
        self._refreshed: set[str] = set()
        self._names: dict[str, str] = {}
        self._opt_ins_said: dict[str, tuple[str, ...]] = {}

    def replacing(self, resource: str, campaign_id: str) -> None:
        """Diff decided to replace ``resource``'s campaign: the engine checks and creates its
        inputs again, which is a create that must not be judged against the deleted one."""
        with self._lock:
            self._replacing[resource] = campaign_id

    def replaced(self, resource: str) -> str | None:
        """The campaign ``resource``'s create replaces (None: a plain create)."""
        with self._lock:
            return self._replacing.get(resource)

    def refreshed(self, resource: str) -> None:
        """A refresh read ``resource``: its next diff records drift, it refuses nothing."""
        with self._lock:
            self._refreshed.add(resource)

    def take_refreshed(self, resource: str) -> bool:
        """Whether ``resource`` was just read by a refresh (and forget it)."""
        with self._lock:
            found = resource in self._refreshed
            self._refreshed.discard(resource)
            return found

    def met(self, campaign_id: str, resource: str) -> None:
        with self._lock:
            self._names[campaign_id] = resource

    @property
    def names(self) -> dict[str, str]:
        """Campaign id -> resource name of the stack's campaigns met (shared with the guard)."""
        return self._names

    def first_time(self, resource: str, opt_ins: tuple[str, ...]) -> bool:
        """Whether these standing opt-ins of ``resource`` have not been said yet in this run."""
        with self._lock:
            said = self._opt_ins_said.get(resource) == opt_ins
            self._opt_ins_said[resource] = opt_ins
            return not said


class Run:
    """See the module docstring."""

    def __init__(
        self,
        config: Mapping[str, Any],
        *,
        environ: Mapping[str, str] | None = None,
        project_dir: Path | None = None,
        notice: Callable[[str], None] | None = None,
    ) -> None:
        """``config``: the stack config (full keys: ``cozmox:apiKey``); settings not in it come
        from ``environ``, files from ``project_dir`` (default: the working directory, which is
        the Pulumi project's for either door). ``notice``: where the client's lines for the
        person running Pulumi go (a long wait for a rate-limited API)."""
        self.config = {key: config.get(key) for key in CONFIG_KEYS}
        self.environ = os.environ if environ is None else environ
        self.project_dir = project_dir or Path.cwd()
        self.notice = notice
        self.handoff = Handoff()
        self.claims = Claims()
        #: The objects campaigns name, each read once per run.
        self.references = References()
        #: The listings a refresh's reads share (one request for many campaigns).
        self.listings = Listings()
        self._lock = threading.Lock()
        self._client: CozmoxClient | None = None
        self._rules: Rules | None = None
        self._guard: Guard | None = None
        self._lists: Recent[str, CustomerList] = Recent()
        self._validated: Recent[tuple[str, str | None], tuple[Problem, ...]] = Recent()
        self._hours: Recent[tuple[Any, ...], CallingHours] = Recent()
        #: Customers files parsed (by the digest of their text): blob and count.
        self.file_blobs: Recent[str, tuple[str, int]] = Recent(8)

    @property
    def reporting(self) -> bool:
        """Whether preview reports (COZMOX_PREVIEW_REPORT=off turns them off)."""
        return self.environ.get("COZMOX_PREVIEW_REPORT", "on").lower() not in ("off", "0", "false")

    # -- what the run makes on first use ----------------------------------------------------
    def client(self) -> CozmoxClient:
        """The run's API client. Raises ConfigurationError (no key, a bad URL)."""
        with self._lock:
            if self._client is None:
                settings = resolve_settings(self.config, self.environ)
                self._client = CozmoxClient(settings, notice=self.notice)
            return self._client

    def rules(self) -> Rules:
        """The stack's rules, read once. Raises ConfigurationError naming the file and line."""
        with self._lock:
            if self._rules is None:
                self._rules = resolve_rules(self.config, self.environ, self.project_dir)
            return self._rules

    def policy(self) -> CallingPolicy:
        """The calling policy (the default when its file cannot be read: check says why)."""
        try:
            return self.rules().calling_policy
        except ConfigurationError:
            return DEFAULT_POLICY

    def guard(self) -> Guard:
        """The run's guard: its view of the org is read once and shared by every create."""
        rules, client = self.rules(), self.client()
        with self._lock:
            if self._guard is None:
                self._guard = Guard(client, rules, names=self.handoff.names)
            return self._guard

    def now(self) -> datetime:
        """The API's time, as this run's answers told it (this machine's before any came):
        whether a window has opened is the API's call."""
        client = self._client
        return client.now() if client is not None else datetime.now(timezone.utc)

    def customers(self, blob: str | CustomerList) -> CustomerList:
        """The customer list of ``blob``, the same object for the same blob while the run keeps
        it (each form of it computed once). ValueError when ``blob`` is no string."""
        if isinstance(blob, CustomerList):
            return blob
        if not isinstance(blob, str):
            return CustomerList(blob)  # raises the ValueError that says what it got
        return self._lists.get(blob, lambda: CustomerList(blob))

    def validate(self, fields: str, customers: CustomerList | None) -> tuple[Problem, ...]:
        """The problems of a campaign body (JSON ``fields`` and its customers), remembered: the
        engine checks a replacement's inputs twice (0.3 s each at 10,000 customers)."""

        def problems() -> tuple[Problem, ...]:
            body: dict[str, Any] = json.loads(fields)
            if customers is not None:
                body["customers"] = customers.items
            return tuple(campaign_problems(body))

        key = (fields, customers.key if customers is not None else None)
        return self._validated.get(key, problems)

    def hours(
        self, customers: CustomerList, schedule_plan: Any, policy: CallingPolicy
    ) -> CallingHours:
        """When and where ``customers`` would be called per ``schedule_plan``, judged by
        ``policy``; remembered: check judges a new window and diff reports it (a time zone
        looked up for each of 10,000 numbers costs a quarter of a second)."""
        plan = schedule_plan if isinstance(schedule_plan, Mapping) else None
        window = dialing_window(plan, now=self.now())
        start = window.start.replace(second=0, microsecond=0)
        # By the policy's id: every policy a run judges by lives as long as the run (its rules,
        # or the default), so no id is reused for another.
        key: tuple[Any, ...] = (customers.key, start, window.end, window.at_once, id(policy))

        def judged() -> CallingHours:
            numbers = [number for number, _sip in customers.keys]
            return calling_hours_in(numbers, window, policy=policy)

        return self._hours.get(key, judged)

    # -- the hooks (each door pauses the collector around its call: native/server.py,
    # provider.py) -----------------------------------------------------------------------------
    # Each hook takes the doors' Campaign; props (the dynamic provider's wire form, as tests and
    # tools write them) are parsed here once.
    def value(self, given: Given) -> Campaign | None:
        """The campaign ``given`` (None for no campaign: a create's olds, ``{}``)."""
        if isinstance(given, Campaign):
            return given
        if not given:
            return None
        blob = given.get("customers")
        known = {blob: self.customers(blob)} if isinstance(blob, str) else None
        return Campaign.from_props(given, known)

    def check(self, olds: Given, news: Given, sink: Sink) -> list[Failure]:
        return check.check(self, self.value(olds), _new(self.value(news)), sink)

    def diff(self, id_: str, olds: Given, news: Given, sink: Sink) -> Diff:
        return diff.diff(self, id_, _new(self.value(olds)), _new(self.value(news)), sink)

    def create(self, news: Given, sink: Sink) -> tuple[str, dict[str, Any]]:
        return apply.create(self, _new(self.value(news)), sink)

    def read(self, id_: str, olds: Given, *, importing: bool = False) -> Read | None:
        return apply.read(self, id_, _props(self.value(olds)), importing=importing)

    def update(self, id_: str, olds: Given, news: Given, sink: Sink) -> dict[str, Any]:
        return apply.update(self, id_, _new(self.value(olds)), _new(self.value(news)), sink)

    def delete(self, id_: str, olds: Given, sink: Sink) -> None:
        apply.delete(self, id_, _props(self.value(olds)), sink)


def _new(campaign: Campaign | None) -> Campaign:
    return campaign if campaign is not None else Campaign()


def _props(campaign: Campaign | None) -> dict[str, Any]:
    """The props of the modules that read them still ({} for no campaign)."""
    return {} if campaign is None else campaign.to_props()
