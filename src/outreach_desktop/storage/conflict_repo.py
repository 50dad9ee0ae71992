"""Conflicts: another version of a stored record that is neither the same content nor a newer
revision from the record's own device, kept side by side for a person to decide — never a silent
overwrite. The other version's fields are kept as they came (JSON); only the resolution is ever
written to a conflict, once (the database refuses anything else)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from outreach_desktop.storage.database import Database, Row
from outreach_desktop.storage.exchange_repo import RecordKind, table_of
from outreach_desktop.storage.record_repo import ts_from_db, ts_stored, ts_to_db

# kept: the stored version stays; replaced: the other version was taken; merged: a person
# combined both into a new revision
Resolution = Literal["kept", "replaced", "merged"]


@dataclass(frozen=True)
class Conflict:
    kind: RecordKind
    record_id: str
    sender: str  # the device id (or the agency's fingerprint) the other version came from
    revision: int
    content_hash: str
    fields: dict[str, Any]
    bundle_id: str
    found_at: datetime
    id: int = 0  # given when stored
    resolved_at: datetime | None = None
    resolved_by: str | None = None
    resolution: Resolution | None = None


def _conflict(row: Row) -> Conflict:
    return Conflict(
        id=row["id"],
        kind=row["record_kind"],
        record_id=row["record_id"],
        sender=row["sender"],
        revision=row["revision"],
        content_hash=row["content_hash"],
        fields=json.loads(row["fields"]),
        bundle_id=row["bundle_id"],
        found_at=ts_stored(row["found_at"]),
        resolved_at=ts_from_db(row["resolved_at"]),
        resolved_by=row["resolved_by"],
        resolution=row["resolution"],
    )


class ConflictRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def add(self, conflict: Conflict) -> int:
        """Keep the other version; its id. The same open conflict (record and content) found
        again is not kept twice: its id is returned."""
        with self.db.transaction():
            self.db.execute(
                "INSERT INTO conflicts (record_kind, record_id, sender, revision, content_hash,"
                " fields, bundle_id, found_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (record_kind, record_id, content_hash) WHERE resolved_at IS NULL"
                " DO NOTHING",
                (
                    table_of(conflict.kind),
                    conflict.record_id,
                    conflict.sender,
                    conflict.revision,
                    conflict.content_hash,
                    json.dumps(conflict.fields, ensure_ascii=False, sort_keys=True),
                    conflict.bundle_id,
                    ts_to_db(conflict.found_at),
                ),
            )
            return int(
                self.db.scalar(
                    "SELECT id FROM conflicts WHERE record_kind = ? AND record_id = ?"
                    " AND content_hash = ? AND resolved_at IS NULL",
                    (conflict.kind, conflict.record_id, conflict.content_hash),
                )
            )

    def get(self, conflict_id: int) -> Conflict | None:
        row = self.db.one("SELECT * FROM conflicts WHERE id = ?", (conflict_id,))
        return _conflict(row) if row is not None else None

    def open(self) -> list[Conflict]:
        """Not yet decided, oldest first."""
        rows = self.db.execute("SELECT * FROM conflicts WHERE resolved_at IS NULL ORDER BY id")
        return [_conflict(r) for r in rows]

    def all(self) -> list[Conflict]:
        """Decided or not, oldest first."""
        return [_conflict(r) for r in self.db.execute("SELECT * FROM conflicts ORDER BY id")]

    def for_record(self, kind: RecordKind, record_id: str) -> list[Conflict]:
        rows = self.db.execute(
            "SELECT * FROM conflicts WHERE record_kind = ? AND record_id = ? ORDER BY id",
            (kind, record_id),
        )
        return [_conflict(r) for r in rows]

    def resolve(self, conflict_id: int, resolution: Resolution, by: str, at: datetime) -> bool:
        """Record a person's decision; False when the conflict was decided already."""
        with self.db.transaction():
            self.db.execute(
                "UPDATE conflicts SET resolution = ?, resolved_by = ?, resolved_at = ?"
                " WHERE id = ? AND resolved_at IS NULL",
                (resolution, by, ts_to_db(at), conflict_id),
            )
            return bool(self.db.scalar("SELECT changes()"))
