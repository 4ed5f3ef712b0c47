"""Campaign storage in SQLite and the API's rules about state: no HTTP here.

One connection, guarded by a lock, serves every thread (SQLite serializes writers anyway, and
an in-memory database exists only on its connection). A file database is opened in WAL mode
and survives restarts: campaigns, API keys added at run time and the clock offset are stored.

A campaign row keeps the request body as sent (keys are never case-converted), split in two
JSON texts: the customers list and the rest. Responses are spliced from the server fields and
those texts, so a 10,000-customer campaign is never parsed again to be read, and a PATCH
rewrites only the small part. Status, counters and ``calls`` are computed on read from the
stored times and the clock (see :mod:`.lifecycle`).

The clock: ``now = wall clock + offset``; the offset only grows through
:meth:`Store.advance_clock` (test control) and is reset by :meth:`Store.reset`.

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

_SCHEMA_VERSION = 1
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
    customers TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS campaigns_org ON campaigns (org_id, created_ms);
CREATE TABLE IF NOT EXISTS api_keys (token TEXT PRIMARY KEY, org_id TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""
_META_COLUMNS = (
    "id, created_ms, updated_ms, customers_n, dial_ms, latest_ms, ended_by_user_ms, "
    "call_ms, concurrency, voicemail_every"
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

    def to_dict(self) -> dict[str, Any]:
        result: dict[str, Any] = json.loads(self.to_json())
        return result


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


def _in_range(value: int, gt: int | None, lt: int | None, ge: int | None, le: int | None) -> bool:
    return (
        (gt is None or value > gt)
        and (lt is None or value < lt)
        and (ge is None or value >= ge)
        and (le is None or value <= le)
    )


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


class Store:
    """Campaigns of every org, API keys and the clock, in one SQLite database."""

    def __init__(self, path: str = ":memory:", settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self._lock = threading.RLock()
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        if path != ":memory:":
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(_DDL)
        self._db.execute(f"PRAGMA user_version={_SCHEMA_VERSION}")
        with self._write():
            for token, org in self.settings.keys.items():
                self._db.execute(
                    "INSERT OR REPLACE INTO api_keys (token, org_id) VALUES (?, ?)", (token, org)
                )
        self._offset_ms = int(self._meta("clock_offset_ms", "0"))

    def close(self) -> None:
        with self._lock:
            self._db.close()

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
        return int(time.time() * 1000) + self._offset_ms

    def clock(self) -> dict[str, Any]:
        return {"now": lifecycle.format_ms(self.now_ms()), "offsetSeconds": self._offset_ms / 1000}

    def advance_clock(self, seconds: float) -> dict[str, Any]:
        if seconds < 0:
            raise BadRequest(["advanceSeconds must not be less than 0"])
        with self._write() as db:
            self._offset_ms += int(round(seconds * 1000))
            db.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES ('clock_offset_ms', ?)",
                (str(self._offset_ms),),
            )
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
        """Forget every campaign, the keys added at run time and the clock offset."""
        with self._write() as db:
            db.execute("DELETE FROM campaigns")
            db.execute("DELETE FROM api_keys")
            db.execute("DELETE FROM meta")
            for token, org in self.settings.keys.items():
                db.execute("INSERT INTO api_keys (token, org_id) VALUES (?, ?)", (token, org))
            self._offset_ms = 0

    # -- campaigns -----------------------------------------------------------------------

    def create(
        self, org: str, body: dict[str, Any], *, customers_json: str | None = None
    ) -> CampaignView:
        """Store a validated CreateCampaignDTO; dialing is scheduled at once.

        ``customers_json`` is the customers list as sent (JSON text), when the caller has it.
        """
        rest = {k: v for k, v in body.items() if k != "customers"}
        customers = body.get("customers", [])
        rest_json = _dumps(rest)
        if customers_json is None:
            customers_json = _dumps(customers)
        campaign_id = str(uuid.uuid4())
        s = self.settings
        with self._write() as db:
            now = self.now_ms()
            dial, latest = _plan_times(body.get("schedulePlan"), now)
            db.execute(
                "INSERT INTO campaigns (id, org_id, created_ms, updated_ms, customers_n, dial_ms,"
                " latest_ms, ended_by_user_ms, call_ms, concurrency, voicemail_every, body,"
                " customers) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?)",
                (
                    campaign_id,
                    org,
                    now,
                    now,
                    len(customers),
                    dial,
                    latest,
                    max(1, int(round(s.call_seconds * 1000))),
                    max(1, s.concurrency),
                    max(0, s.voicemail_every),
                    rest_json,
                    customers_json,
                ),
            )
            row = db.execute(f"SELECT {_META_COLUMNS} FROM campaigns WHERE id = ?", (campaign_id,))
            times = self._times(row.fetchone())
        return self._view(org, times, rest_json, customers_json, now)

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
            db.execute(
                "UPDATE campaigns SET body = ?, updated_ms = ?, dial_ms = ?, latest_ms = ?,"
                " ended_by_user_ms = ? WHERE id = ?",
                (body_json, updated, dial, latest, ended_by_user, campaign_id),
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
        """One page of the org's campaigns, filtered on their state at this instant."""
        order = "DESC" if query.descending else "ASC"
        with self._lock:
            now = self.now_ms()
            rows = self._db.execute(
                f"SELECT {_META_COLUMNS} FROM campaigns WHERE org_id = ?"
                f" ORDER BY created_ms {order}, seq {order}",
                (org,),
            ).fetchall()
        q = query
        matched: list[tuple[lifecycle.CampaignTimes, lifecycle.Snapshot]] = []
        for row in rows:
            times = self._times(row)
            if q.id is not None and times.id != q.id:
                continue
            if not _in_range(
                times.created_ms, q.created_gt, q.created_lt, q.created_ge, q.created_le
            ):
                continue
            snap = lifecycle.snapshot(times, now)
            if q.status is not None and snap.status != q.status:
                continue
            if not _in_range(
                snap.updated_ms, q.updated_gt, q.updated_lt, q.updated_ge, q.updated_le
            ):
                continue
            matched.append((times, snap))
        limit = min(max(q.limit, 0), MAX_PAGE_SIZE)
        start = (q.page - 1) * limit
        selected = matched[start : start + limit]
        bodies: dict[str, tuple[str, str]] = {}
        if selected:
            ids = [t.id for t, _ in selected]
            with self._lock:
                for cid, body, customers in self._db.execute(
                    "SELECT id, body, customers FROM campaigns"
                    f" WHERE id IN ({','.join('?' * len(ids))})",
                    ids,
                ):
                    bodies[cid] = (body, customers)
        results = [
            self._render(org, t, snap, *bodies[t.id]) for t, snap in selected if t.id in bodies
        ]
        return Page(results, limit, len(matched), q.page)

    # -- helpers -------------------------------------------------------------------------

    def _load(self, org: str, campaign_id: str) -> tuple[lifecycle.CampaignTimes, str, str]:
        row = self._db.execute(
            f"SELECT {_META_COLUMNS}, body, customers FROM campaigns WHERE id = ? AND org_id = ?",
            (campaign_id, org),
        ).fetchone()
        if row is None:
            raise NotFound()
        return self._times(row[:10]), str(row[10]), str(row[11])

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
