"""The laptop's outbox: which records wait to go to the office on their own account, how many per
kind and since when, what went and waits for a receipt; and, for an export whose file could not
be finished after its bookkeeping was committed, putting that bookkeeping back.

Which records go (docs/exchange-format.md, "What goes, and when"): per kind a reason of its own
(a finalized protocol; a consent given, refused or revoked; anonymous counselling; an appointment
with an outcome that no draft protocol waits for), or having gone before at another revision
(changed since). Always only at a revision not exported yet (ExportTracking's join).

The counts per kind (`summary`, on every visit of Übergabe and Heute) never scan the tables
with their text: the records with a reason of their own that never went are counted by a
partial index of exactly those rows (migration 0017), the ones that went before from the export
bookkeeping; the two sets are disjoint and together what `waiting` lists.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from outreach_desktop.domain.vocabulary import AppointmentStatus
from outreach_desktop.storage.database import Database
from outreach_desktop.storage.exchange_repo import (
    RECORD_KINDS,
    Exported,
    ExportTracking,
    RecordKind,
    SentRecord,
    table_of,
)
from outreach_desktop.storage.record_repo import ts_stored, ts_to_db

OPEN_STATUSES = ", ".join(f"'{s.value}'" for s in AppointmentStatus if not s.is_outcome)

# why a record of the kind goes on its own (besides having gone before at another revision)
REASON: dict[RecordKind, str] = {
    "protocols": "t.finalized_at IS NOT NULL",
    "consents": "t.state IN ('signed', 'refused', 'revoked')",
    "anonymous_counselling": "1",
    "appointments": (
        f"t.status NOT IN ({OPEN_STATUSES}) AND NOT EXISTS (SELECT 1 FROM protocols p"
        " WHERE p.appointment_id = t.id AND p.finalized_at IS NULL)"
    ),
    "clients": "0",
    "staff": "0",
    "third_parties": "0",
}
# the day a record is "of", for --since: local days as stored; a change to a person by its
# (UTC) day
DAY_OF: dict[RecordKind, str] = {
    "protocols": "substr(t.met_at, 1, 10)",
    "consents": "substr(coalesce(t.revoked_at, t.refused_at, t.given_at, t.updated_at), 1, 10)",
    "anonymous_counselling": "t.day",
    "appointments": "substr(t.start, 1, 10)",
    "clients": "substr(t.updated_at, 1, 10)",
    "staff": "substr(t.updated_at, 1, 10)",
    "third_parties": "substr(t.updated_at, 1, 10)",
}
# the partial index (migration 0017) of the rows a kind's reason picks, with the columns the
# count reads; named in the query, so a reason that no longer matches its index fails loudly
REASON_INDEX: dict[RecordKind, str] = {
    "appointments": "appointments_outbox",
    "protocols": "protocols_outbox",
}
NEVER_WENT = (
    "SELECT count(*), min(t.updated_at) FROM {table} t{indexed} WHERE ({reason}) AND NOT EXISTS"
    " (SELECT 1 FROM exported e WHERE e.record_kind = :kind AND e.record_id = t.id)"
)
CHANGED_SINCE = (
    "SELECT count(*), min(t.updated_at) FROM exported e JOIN {table} t ON t.id = e.record_id"
    " WHERE e.record_kind = :kind AND e.revision <> t.revision"
)
WAITING = (
    "FROM {table} t LEFT JOIN exported e ON e.record_kind = :kind AND e.record_id = t.id"
    " WHERE (e.revision IS NULL OR e.revision <> t.revision)"
    " AND ({reason} OR e.revision IS NOT NULL) AND (:since IS NULL OR {day} >= :since)"
)


@dataclass(frozen=True)
class Waiting:
    kind: RecordKind
    id: str
    revision: int
    updated_at: datetime


@dataclass(frozen=True)
class KindCount:
    """How many records of a kind, and the oldest moment among them (UTC)."""

    kind: RecordKind
    count: int
    oldest: datetime


def _where(kind: RecordKind) -> str:
    return WAITING.format(table=table_of(kind), reason=REASON[kind], day=DAY_OF[kind])


def _summary_queries(kind: RecordKind) -> list[str]:
    """Never went and has a reason of its own (by the reason's index where the kind has one);
    went before, at another revision than now (from the bookkeeping, by its key)."""
    table, index = table_of(kind), REASON_INDEX.get(kind)
    queries = [CHANGED_SINCE.format(table=table)]
    if REASON[kind] != "0":  # people go only once they went before
        indexed = f" INDEXED BY {index}" if index else ""
        queries.insert(0, NEVER_WENT.format(table=table, indexed=indexed, reason=REASON[kind]))
    return queries


class Outbox:
    def __init__(self, db: Database) -> None:
        self.db = db

    def waiting(self, since: date | None = None) -> list[Waiting]:
        """Every record that goes on its own account, per kind oldest change first."""
        found: list[Waiting] = []
        for kind in RECORD_KINDS:
            rows = self.db.execute(
                f"SELECT t.id, t.revision, t.updated_at {_where(kind)} ORDER BY t.updated_at, t.id",
                {"kind": kind, "since": since.isoformat() if since else None},
            )
            found += [Waiting(kind, r[0], r[1], ts_stored(r[2])) for r in rows]
        return found

    def summary(self) -> list[KindCount]:
        """Per kind with anything waiting: how many, and since when (the oldest change). The
        same records as `waiting()`, counted as two disjoint sets (this module's docstring)."""
        found: list[KindCount] = []
        for kind in RECORD_KINDS:
            rows = [self.db.one(sql, {"kind": kind}) for sql in _summary_queries(kind)]
            parts = [(r[0], r[1]) for r in rows if r is not None and r[0]]
            if parts:
                oldest = min(at for _n, at in parts)
                found.append(KindCount(kind, sum(n for n, _at in parts), ts_stored(oldest)))
        return found

    def awaiting_receipt(self) -> list[KindCount]:
        """Per kind: sent, and no receipt names the revision sent yet; since the oldest export."""
        rows = self.db.execute(
            "SELECT record_kind, count(*), min(exported_at) FROM exported WHERE state IS NULL"
            " GROUP BY record_kind ORDER BY record_kind"
        )
        return [KindCount(r[0], r[1], ts_stored(r[2])) for r in rows]

    def rejected_count(self) -> int:
        """Records whose revision sent the office rejected (they go again once changed)."""
        return int(self.db.scalar("SELECT count(*) FROM exported WHERE state = 'rejected'"))

    def previous(self, records: Iterable[SentRecord]) -> list[tuple[SentRecord, Exported | None]]:
        """What the bookkeeping held for `records` before they are marked exported again."""
        tracking = ExportTracking(self.db)
        return [(r, tracking.get(r.kind, r.id)) for r in records]

    def put_back(self, before: list[tuple[SentRecord, Exported | None]], bundle_id: str) -> None:
        """Undo `mark_exported` for the bundle `bundle_id` (its file could not be finished):
        each record's row as it was before, or none. Rows a later bundle changed stay."""
        with self.db.transaction():
            for sent, old in before:
                key = (table_of(sent.kind), sent.id, bundle_id)
                if old is None:
                    self.db.execute(
                        "DELETE FROM exported WHERE record_kind = ? AND record_id = ?"
                        " AND bundle_id = ?",
                        key,
                    )
                    continue
                self.db.execute(
                    "UPDATE exported SET revision = ?, content_hash = ?, bundle_id = ?,"
                    " exported_at = ?, receipt_bundle_id = ?, state = ?, reason = ?,"
                    " acknowledged_at = ? WHERE record_kind = ? AND record_id = ?"
                    " AND bundle_id = ?",
                    (old.revision, old.content_hash, old.bundle_id, ts_to_db(old.exported_at),
                     old.receipt_bundle_id, old.state, old.reason, ts_to_db(old.acknowledged_at),
                     *key),
                )  # fmt: skip


__all__ = ["RECORD_KINDS", "KindCount", "Outbox", "RecordKind", "Waiting"]
