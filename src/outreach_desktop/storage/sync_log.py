"""The sync log (every export, import, receipt, purge and join, with its result) and the deletion
log (what the purge deleted: kind and count, never content). Both append-only: the database
refuses to change or remove an entry. Neither holds personal data: ids and counts only, and a
short German detail the services write without names."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from outreach_desktop.storage.database import Database, Row
from outreach_desktop.storage.record_repo import ts_stored, ts_to_db

SyncAction = Literal["export", "import", "receipt", "purge", "join", "trust"]
SyncResult = Literal["ok", "refused", "already", "failed"]


def dump_counts(counts: dict[str, int]) -> str:
    """Counts as stored: a JSON object of non-negative integers (the database checks it)."""
    return json.dumps(counts, sort_keys=True)


def load_counts(text: str) -> dict[str, int]:
    return {str(k): int(v) for k, v in json.loads(text).items()}


@dataclass(frozen=True)
class SyncEntry:
    at: datetime
    action: SyncAction
    result: SyncResult
    bundle_id: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    detail: str = ""  # German, at most 300 characters, ids but no names


@dataclass(frozen=True)
class DeletionEntry:
    at: datetime
    record_kind: str
    count: int
    receipt_bundle_id: str


class SyncLog:
    def __init__(self, db: Database) -> None:
        self.db = db

    def append(self, entry: SyncEntry) -> None:
        self.db.execute(
            "INSERT INTO sync_log (at, action, bundle_id, counts, result, detail)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (
                ts_to_db(entry.at),
                entry.action,
                entry.bundle_id,
                dump_counts(entry.counts),
                entry.result,
                entry.detail,
            ),
        )

    def entries(self, limit: int = -1) -> list[SyncEntry]:
        """Newest first."""
        rows = self.db.execute("SELECT * FROM sync_log ORDER BY id DESC LIMIT ?", (limit,))
        return [_sync_entry(r) for r in rows]


def _sync_entry(row: Row) -> SyncEntry:
    return SyncEntry(
        at=ts_stored(row["at"]),
        action=row["action"],
        result=row["result"],
        bundle_id=row["bundle_id"],
        counts=load_counts(row["counts"]),
        detail=row["detail"],
    )


class DeletionLog:
    """Written by the purge (storage/purge.py) only; read here."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def entries(self, limit: int = -1) -> list[DeletionEntry]:
        """Newest first."""
        rows = self.db.execute("SELECT * FROM deletion_log ORDER BY id DESC LIMIT ?", (limit,))
        return [
            DeletionEntry(
                at=ts_stored(r["at"]),
                record_kind=r["record_kind"],
                count=r["count"],
                receipt_bundle_id=r["receipt_bundle_id"],
            )
            for r in rows
        ]

    def totals(self) -> dict[str, int]:
        """Records deleted so far, per kind."""
        rows = self.db.execute(
            "SELECT record_kind, sum(count) FROM deletion_log GROUP BY record_kind"
        )
        return {r[0]: int(r[1]) for r in rows}
