"""Campaign storage in SQLite and the API's rules about state: no HTTP here.

One connection, guarded by a lock, serves every thread (SQLite serializes writers anyway, and
an in-memory database exists only on its connection). A file database is opened in WAL mode
and survives restarts: campaigns, API keys added at run time and the clock are stored.

A campaign row keeps the request body as sent (keys are never case-converted), split in two
JSON texts: the customers list and the rest. Responses are spliced from the server fields and
those texts, so a 10,000-customer campaign is never parsed again to be read, and a PATCH
rewrites only the small part. Status, counters and ``calls`` are computed on read from the
stored times and the clock (see :mod:`.lifecycle`).

The clock (:mod:`.clock`): the wall clock moved forward, or frozen, by :meth:`Store.move_clock`
(test control); :meth:`Store.reset` sets it back to the wall clock, running.

Gaps: ``latestAt`` deletes the calls it cuts off but is not otherwise enforced; ``calls``
holds the emulator's own call summary (the real API's call objects are not specified).
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from . import lifecycle
from .clock import Clock, Move
from .errors import BadRequest, NotFound

__all__ = [
    "DEFAULT_KEYS",
    "CampaignView",
    "ListQuery",
    "Page",
    "Settings",
    "Store",
]

DEFAULT_API_KEY = "sk-cozmox-local"
DEFAULT_ORG = "local-org"
DEFAULT_KEYS: Mapping[str, str] = {DEFAULT_API_KEY: DEFAULT_ORG}
#: The largest page the emulator serves (its choice; the contract accepts ``limit`` up to
#: 1000): a smaller limit is served as asked, a larger one capped, and ``itemsPerPage`` in the
#: answer's metadata is the size used.
MAX_PAGE_SIZE = 100

#: Fields of UpdateCampaignDTO that can change only while the campaign is scheduled.
SCHEDULED_ONLY = ("assistantId", "workflowId", "phoneNumberId", "schedulePlan")

_SCHEMA_VERSION = 2
_DDL = """
CREATE TABLE IF NOT EXISTS campaigns (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    org_id TEXT NOT NULL,
    created_ms INTEGER NOT NULL,
    updated_ms INTEGER NOT NULL,
    customers_n INTEGER NOT NULL,
    dial_ms INTEGER NOT NULL,
    latest_ms INTEGER,
    ended_by_user_ms INTEGER,
    call_ms INTEGER NOT NULL,
    concurrency INTEGER NOT NULL,
    voicemail_every INTEGER NOT NULL,
    body TEXT NOT NULL,
    customers TEXT NOT NULL,
    end_ms INTEGER NOT NULL DEFAULT 0,
    called TEXT
);
CREATE INDEX IF NOT EXISTS campaigns_org ON campaigns (org_id, created_ms);
CREATE INDEX IF NOT EXISTS campaigns_dial ON campaigns (org_id, dial_ms);
CREATE INDEX IF NOT EXISTS campaigns_end ON campaigns (org_id, end_ms);
CREATE INDEX IF NOT EXISTS campaigns_updated ON campaigns (org_id, updated_ms);
CREATE TABLE IF NOT EXISTS api_keys (token TEXT PRIMARY KEY, org_id TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""
_META_COLUMNS = (
    "id, created_ms, updated_ms, customers_n, dial_ms, latest_ms, ended_by_user_ms, "
    "call_ms, concurrency, voicemail_every, called"
)
# A campaign's status and updatedAt at the instant :now, in SQL (the same as
# lifecycle.snapshot: a test holds them together), so listings filter without loading rows.
_STATUS_SQL = (
    "CASE WHEN ended_by_user_ms IS NOT NULL THEN 'ended'"
    " WHEN :now < dial_ms THEN 'scheduled'"
    " WHEN :now >= end_ms THEN 'ended' ELSE 'in-progress' END"
)
_UPDATED_SQL = (
    "CASE WHEN ended_by_user_ms IS NOT NULL OR :now < dial_ms THEN updated_ms"
    " WHEN :now >= end_ms THEN MAX(updated_ms, dial_ms, end_ms)"
    " ELSE MAX(updated_ms, dial_ms) END"
)
# The same conditions on the stored columns, where an index can find the rows: each holds for
# every row the exact filter above keeps (the exact filter still decides), so that an org of
# years of campaigns is not read row by row for "scheduled" or "changed in the last seconds".
_NARROWING = {
    "scheduled": "ended_by_user_ms IS NULL AND dial_ms > :now",
    "in-progress": "ended_by_user_ms IS NULL AND dial_ms <= :now AND end_ms > :now",
    "ended": "(ended_by_user_ms IS NOT NULL OR end_ms <= :now)",
}
_CHANGED_SINCE = (
    "((org_id = :org AND updated_ms {op} :{bound})"
    " OR (org_id = :org AND dial_ms {op} :{bound} AND dial_ms <= :now)"
    " OR (org_id = :org AND end_ms {op} :{bound} AND end_ms <= :now))"
)
_FILTERS = (
    ("status", "st = :status"),
    ("id", "id = :id"),
    ("created_gt", "created_ms > :created_gt"),
    ("created_lt", "created_ms < :created_lt"),
    ("created_ge", "created_ms >= :created_ge"),
    ("created_le", "created_ms <= :created_le"),
    ("updated_gt", "upd > :updated_gt"),
    ("updated_lt", "upd < :updated_lt"),
    ("updated_ge", "upd >= :updated_ge"),
    ("updated_le", "upd <= :updated_le"),
)


@dataclass(frozen=True)
class Settings:
    """How the simulated calls behave, and the API keys the server starts with."""

    call_seconds: float = 60.0
    concurrency: int = 10
    voicemail_every: int = 10
    keys: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_KEYS))


@dataclass(frozen=True)
class CampaignView:
    """A campaign as the API returns it: server fields plus the stored request body."""

    fields: dict[str, Any]
    body: str
    customers: str

    def to_json(self) -> str:
        parts = [json.dumps(self.fields, separators=(",", ":"), ensure_ascii=False)[1:-1]]
        if self.body != "{}":
            parts.append(self.body[1:-1])
        parts.append('"customers":' + self.customers)
        return "{" + ",".join(parts) + "}"


@dataclass(frozen=True)
class ListQuery:
    """The filters and paging of ``GET /campaign`` (times in ms; None = no filter)."""

    page: int = 1
    limit: int = MAX_PAGE_SIZE
    descending: bool = True
    status: str | None = None
    id: str | None = None
    created_gt: int | None = None
    created_lt: int | None = None
    created_ge: int | None = None
    created_le: int | None = None
    updated_gt: int | None = None
    updated_lt: int | None = None
    updated_ge: int | None = None
    updated_le: int | None = None


@dataclass(frozen=True)
class Page:
    results: list[CampaignView]
    items_per_page: int
    total_items: int
    current_page: int

    def to_json(self) -> str:
        meta = {
            "itemsPerPage": self.items_per_page,
            "totalItems": self.total_items,
            "currentPage": self.current_page,
        }
        results = ",".join(v.to_json() for v in self.results)
        return '{"results":[' + results + '],"metadata":' + json.dumps(meta) + "}"


def _dumps(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def _plan_times(plan: Any, now_ms: int) -> tuple[int, int | None]:
    """Dial time and cut-off of a schedule plan (the plan is already validated)."""
    if not isinstance(plan, dict):
        return now_ms, None
    earliest = lifecycle.parse_iso_ms(str(plan.get("earliestAt", "")))
    latest_raw = plan.get("latestAt")
    latest = lifecycle.parse_iso_ms(str(latest_raw)) if latest_raw is not None else None
    dial = now_ms if earliest is None else max(now_ms, earliest)
    return dial, latest


def _wall_ms() -> int:
    return int(time.time() * 1000)


class Store:
    """Campaigns of every org, API keys and the clock, in one SQLite database."""

    def __init__(self, path: str = ":memory:", settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self._lock = threading.RLock()
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        if path != ":memory:":
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        self._db.executescript(_DDL)
        if 0 < version < _SCHEMA_VERSION:
            self._migrate()
        self._db.execute(f"PRAGMA user_version={_SCHEMA_VERSION}")
        with self._write():
            for token, org in self.settings.keys.items():
                self._db.execute(
                    "INSERT OR REPLACE INTO api_keys (token, org_id) VALUES (?, ?)", (token, org)
                )
        frozen = self._meta("clock_frozen_ms", "")
        self._clock = Clock(
            offset_ms=int(self._meta("clock_offset_ms", "0")),
            frozen_ms=int(frozen) if frozen else None,
        )

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def _migrate(self) -> None:
        """A version 1 database: add the natural end and the called customers."""
        with self._write() as db:
            columns = {row[1] for row in db.execute("PRAGMA table_info(campaigns)")}
            if "end_ms" not in columns:
                db.execute("ALTER TABLE campaigns ADD COLUMN end_ms INTEGER NOT NULL DEFAULT 0")
            if "called" not in columns:
                db.execute("ALTER TABLE campaigns ADD COLUMN called TEXT")
            rows = db.execute(f"SELECT {_META_COLUMNS} FROM campaigns").fetchall()
            for row in rows:
                times = self._times(row)
                db.execute(
                    "UPDATE campaigns SET end_ms = ? WHERE id = ?",
                    (lifecycle.natural_end_ms(times), times.id),
                )

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def _meta(self, key: str, default: str) -> str:
        with self._lock:
            row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return str(row[0]) if row else default

    # -- clock ---------------------------------------------------------------------------

    def now_ms(self) -> int:
        return self._clock.now_ms(_wall_ms())

    def clock(self) -> dict[str, Any]:
        return self._clock.to_json(_wall_ms())

    def move_clock(self, move: Move) -> dict[str, Any]:
        """Freeze, thaw or move the clock forward (ValueError if it would go back); kept in
        the database, so a restarted emulator goes on from there."""
        with self._write() as db:
            self._clock = self._clock.moved(move, _wall_ms())
            frozen = self._clock.frozen_ms
            for key, value in (
                ("clock_offset_ms", str(self._clock.offset_ms)),
                ("clock_frozen_ms", "" if frozen is None else str(frozen)),
            ):
                db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))
        return self.clock()

    # -- keys ----------------------------------------------------------------------------

    def org_for_key(self, token: str) -> str | None:
        with self._lock:
            row = self._db.execute(
                "SELECT org_id FROM api_keys WHERE token = ?", (token,)
            ).fetchone()
        return str(row[0]) if row else None

    def add_key(self, token: str, org: str) -> None:
        with self._write() as db:
            db.execute(
                "INSERT OR REPLACE INTO api_keys (token, org_id) VALUES (?, ?)", (token, org)
            )

    def reset(self) -> None:
        """Forget every campaign and the keys added at run time; the clock runs with the wall
        clock again."""
        with self._write() as db:
            db.execute("DELETE FROM campaigns")
            db.execute("DELETE FROM api_keys")
            db.execute("DELETE FROM meta")
            for token, org in self.settings.keys.items():
                db.execute("INSERT INTO api_keys (token, org_id) VALUES (?, ?)", (token, org))
            self._clock = Clock()

    # -- campaigns -----------------------------------------------------------------------

    def create(
        self, org: str, body: dict[str, Any], *, customers_json: str | None = None
    ) -> CampaignView:
        """Store a validated CreateCampaignDTO; dialing is scheduled at once.

        ``customers_json`` is the customers list as sent (JSON text), when the caller has it.
        """
        with self._write() as db:
            now = self.now_ms()
            campaign_id = self._insert(db, org, body, customers_json, now)
            row = db.execute(f"SELECT {_META_COLUMNS} FROM campaigns WHERE id = ?", (campaign_id,))
            times = self._times(row.fetchone())
            rest_json, customers = db.execute(
                "SELECT body, customers FROM campaigns WHERE id = ?", (campaign_id,)
            ).fetchone()
        return self._view(org, times, rest_json, customers, now)

    def import_history(self, org: str, campaigns: list[tuple[int, dict[str, Any]]]) -> list[str]:
        """Test control: store ``(created_ms, body)`` campaigns as if each had been created at
        ``created_ms`` (bodies are not validated), in one transaction; returns their ids.
        A campaign created in the past has dialed and ended by now, as its times say."""
        with self._write() as db:
            return [self._insert(db, org, body, None, created) for created, body in campaigns]

    def _insert(
        self,
        db: sqlite3.Connection,
        org: str,
        body: dict[str, Any],
        customers_json: str | None,
        now: int,
    ) -> str:
        rest = {k: v for k, v in body.items() if k != "customers"}
        customers = body.get("customers", [])
        if customers_json is None:
            customers_json = _dumps(customers)
        called = lifecycle.callable_indexes(customers)
        campaign_id = str(uuid.uuid4())
        s = self.settings
        dial, latest = _plan_times(body.get("schedulePlan"), now)
        times = lifecycle.CampaignTimes(
            id=campaign_id,
            customers=len(called),
            created_ms=now,
            updated_ms=now,
            dial_ms=dial,
            latest_ms=latest,
            ended_by_user_ms=None,
            call_ms=max(1, int(round(s.call_seconds * 1000))),
            concurrency=max(1, s.concurrency),
            voicemail_every=max(0, s.voicemail_every),
        )
        db.execute(
            "INSERT INTO campaigns (id, org_id, created_ms, updated_ms, customers_n, dial_ms,"
            " latest_ms, ended_by_user_ms, call_ms, concurrency, voicemail_every, body,"
            " customers, end_ms, called) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?)",
            (
                campaign_id,
                org,
                now,
                now,
                times.customers,
                dial,
                latest,
                times.call_ms,
                times.concurrency,
                times.voicemail_every,
                _dumps(rest),
                customers_json,
                lifecycle.natural_end_ms(times),
                None if len(called) == len(customers) else _dumps(called),
            ),
        )
        return campaign_id

    def get(self, org: str, campaign_id: str) -> CampaignView:
        with self._lock:
            times, body, customers = self._load(org, campaign_id)
            now = self.now_ms()
        return self._view(org, times, body, customers, now)

    def update(
        self,
        org: str,
        campaign_id: str,
        patch: dict[str, Any],
        check: Callable[[dict[str, Any]], None] | None = None,
    ) -> CampaignView:
        """Apply a validated UpdateCampaignDTO under the API's state rules; ``check`` sees the
        campaign as it would be (customers left out) and may raise to refuse the change."""
        with self._write() as db:
            times, body_json, customers = self._load(org, campaign_id)
            now = self.now_ms()
            snap = lifecycle.snapshot(times, now)
            locked = [k for k in SCHEDULED_ONLY if k in patch]
            if locked and snap.status != lifecycle.SCHEDULED:
                raise BadRequest(
                    f"{', '.join(locked)} can only be updated while the campaign is scheduled;"
                    f" this campaign is {snap.status}. Only name can be updated now."
                )
            body = json.loads(body_json)
            changed = False
            for key in ("name", *SCHEDULED_ONLY):
                if key in patch and body.get(key) != patch[key]:
                    body[key] = patch[key]
                    changed = True
            # One of assistantId and workflowId: setting one replaces the other.
            for key, other in (("assistantId", "workflowId"), ("workflowId", "assistantId")):
                if key in patch and other not in patch and other in body:
                    del body[other]
                    changed = True
            if check is not None and changed:
                check(body)
            dial, latest, ended_by_user = times.dial_ms, times.latest_ms, times.ended_by_user_ms
            if "schedulePlan" in patch:
                dial, latest = _plan_times(patch["schedulePlan"], now)
            if patch.get("status") == lifecycle.ENDED and snap.status != lifecycle.ENDED:
                ended_by_user = now
                changed = True
            updated = now if changed else times.updated_ms
            body_json = _dumps(body)
            end = lifecycle.natural_end_ms(
                lifecycle.CampaignTimes(**{**times.__dict__, "dial_ms": dial, "latest_ms": latest})
            )
            db.execute(
                "UPDATE campaigns SET body = ?, updated_ms = ?, dial_ms = ?, latest_ms = ?,"
                " ended_by_user_ms = ?, end_ms = ? WHERE id = ?",
                (body_json, updated, dial, latest, ended_by_user, end, campaign_id),
            )
            row = db.execute(f"SELECT {_META_COLUMNS} FROM campaigns WHERE id = ?", (campaign_id,))
            times = self._times(row.fetchone())
        return self._view(org, times, body_json, customers, now)

    def delete(self, org: str, campaign_id: str) -> CampaignView:
        with self._write() as db:
            times, body, customers = self._load(org, campaign_id)
            now = self.now_ms()
            db.execute("DELETE FROM campaigns WHERE id = ?", (campaign_id,))
        return self._view(org, times, body, customers, now)

    def list(self, org: str, query: ListQuery) -> Page:
        """One page of the org's campaigns, filtered on their state at this instant.

        Status and ``updatedAt`` are computed in SQL from the stored times (the natural end
        among them), so an org of many thousands of campaigns is filtered and counted without
        loading one row it does not return."""
        order = "DESC" if query.descending else "ASC"
        limit = min(max(query.limit, 0), MAX_PAGE_SIZE)
        with self._lock:
            now = self.now_ms()
            params: dict[str, Any] = {"org": org, "now": now, **query.__dict__}
            where = " AND ".join(
                [clause for key, clause in _FILTERS if getattr(query, key) is not None] or ["1"]
            )
            narrow = []
            if query.status is not None:
                narrow.append(_NARROWING[query.status])
            for op, bound in ((">=", "updated_ge"), (">", "updated_gt")):
                if getattr(query, bound) is not None:
                    narrow.append(_CHANGED_SINCE.format(op=op, bound=bound))
            # Each changed-since branch names the org itself: SQLite then reads each through its
            # own index (an org_id term beside them would make it scan the org instead).
            if not any(bound in " ".join(narrow) for bound in (":updated_ge", ":updated_gt")):
                narrow.insert(0, "org_id = :org")
            matched = (
                f"SELECT *, {_STATUS_SQL} AS st, {_UPDATED_SQL} AS upd FROM campaigns"
                f" WHERE {' AND '.join(narrow)}"
            )
            total = self._db.execute(
                f"SELECT COUNT(*) FROM ({matched}) WHERE {where}", params
            ).fetchone()[0]
            rows = self._db.execute(
                f"SELECT {_META_COLUMNS}, body, customers FROM ({matched}) WHERE {where}"
                f" ORDER BY created_ms {order}, seq {order} LIMIT :lim OFFSET :off",
                # SQLite's integers end at 2**63: a page beyond that is past every campaign.
                {**params, "lim": limit, "off": min((query.page - 1) * limit, 2**62)},
            ).fetchall()
        results = []
        for row in rows:
            times = self._times(row[:11])
            results.append(self._view(org, times, str(row[11]), str(row[12]), now))
        return Page(results, limit, int(total), query.page)

    # -- helpers -------------------------------------------------------------------------

    def _load(self, org: str, campaign_id: str) -> tuple[lifecycle.CampaignTimes, str, str]:
        row = self._db.execute(
            f"SELECT {_META_COLUMNS}, body, customers FROM campaigns WHERE id = ? AND org_id = ?",
            (campaign_id, org),
        ).fetchone()
        if row is None:
            raise NotFound()
        return self._times(row[:11]), str(row[11]), str(row[12])

    @staticmethod
    def _times(row: tuple[Any, ...]) -> lifecycle.CampaignTimes:
        return lifecycle.CampaignTimes(
            id=row[0],
            created_ms=row[1],
            updated_ms=row[2],
            customers=row[3],
            dial_ms=row[4],
            latest_ms=row[5],
            ended_by_user_ms=row[6],
            call_ms=row[7],
            concurrency=row[8],
            voicemail_every=row[9],
            called=tuple(json.loads(row[10])) if row[10] else None,
        )

    def _view(
        self, org: str, times: lifecycle.CampaignTimes, body: str, customers: str, now: int
    ) -> CampaignView:
        return self._render(org, times, lifecycle.snapshot(times, now), body, customers)

    @staticmethod
    def _render(
        org: str,
        times: lifecycle.CampaignTimes,
        snap: lifecycle.Snapshot,
        body: str,
        customers: str,
    ) -> CampaignView:
        fields: dict[str, Any] = {
            "id": times.id,
            "orgId": org,
            "status": snap.status,
        }
        if snap.ended_reason is not None:
            fields["endedReason"] = snap.ended_reason
        fields.update(
            {
                "createdAt": lifecycle.format_ms(times.created_ms),
                "updatedAt": lifecycle.format_ms(snap.updated_ms),
                "calls": lifecycle.calls_map(times, snap),
                **snap.counters(),
            }
        )
        return CampaignView(fields, body, customers)
