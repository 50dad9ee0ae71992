"""The field vault's side of the exchange: the agency it joined, and per record what went to the
office (revision, content hash, bundle) and what a receipt said about exactly that revision.

Which records are *exportable* is the services' decision; the queries here find, per kind, the
records whose stored revision is not the one last exported, by an indexed join.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Literal, get_args

from outreach_desktop.storage.database import Database, Row
from outreach_desktop.storage.record_repo import ts_from_db, ts_stored, ts_to_db

RecordKind = Literal[
    "clients",
    "staff",
    "third_parties",
    "appointments",
    "protocols",
    "consents",
    "anonymous_counselling",
]
# the kinds of records that travel: the names of their tables and of the bundle members
RECORD_KINDS: tuple[RecordKind, ...] = get_args(RecordKind)
AckState = Literal["entered", "rejected"]
AckResult = Literal["acknowledged", "already", "unknown"]
CHUNK = 500  # ids per query (SQLite allows more variables; this keeps statements small)


def table_of(kind: str) -> str:
    """The domain table of a record kind; anything else is a bug (it would go into SQL)."""
    if kind not in RECORD_KINDS:
        raise ValueError(f"unknown record kind {kind!r}")
    return kind


def chunks(ids: Collection[str]) -> Iterator[list[str]]:
    items = list(ids)
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


def marks(n: int) -> str:
    return ", ".join("?" * n)


@dataclass(frozen=True)
class Agency:
    """The agency a field vault joined, from its signed setup file."""

    name: str
    fingerprint: str
    age_recipient: str
    sign_public: bytes
    rules: dict[str, Any]  # the setup file's rule settings (the agency's, not the caseworker's)
    retention_days: int
    joined_at: datetime
    setup_file: bytes = field(repr=False)


class AgencyRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self) -> Agency | None:
        row = self.db.one("SELECT * FROM agency")
        if row is None:
            return None
        return Agency(
            name=row["name"],
            fingerprint=row["fingerprint"],
            age_recipient=row["age_recipient"],
            sign_public=bytes(row["sign_public"]),
            rules=json.loads(row["rules"]),
            retention_days=row["retention_days"],
            joined_at=ts_stored(row["joined_at"]),
            setup_file=bytes(row["setup_file"]),
        )

    def save(self, agency: Agency) -> None:
        """Join, or take a newer setup file of the same agency (name, rules, retention). Other
        keys are refused (AgencyKeysChanged); only a field vault joins (the database refuses
        it elsewhere)."""
        with self.db.transaction():
            self.db.execute(
                "INSERT INTO agency (singleton, name, fingerprint, age_recipient, sign_public,"
                " rules, retention_days, joined_at, setup_file)"
                " VALUES (1, :name, :fingerprint, :age_recipient, :sign_public, :rules,"
                " :retention_days, :joined_at, :setup_file)"
                " ON CONFLICT (singleton) DO UPDATE SET name = excluded.name,"
                " fingerprint = excluded.fingerprint, age_recipient = excluded.age_recipient,"
                " sign_public = excluded.sign_public, rules = excluded.rules,"
                " retention_days = excluded.retention_days, joined_at = excluded.joined_at,"
                " setup_file = excluded.setup_file",
                {
                    "name": agency.name,
                    "fingerprint": agency.fingerprint,
                    "age_recipient": agency.age_recipient,
                    "sign_public": bytes(agency.sign_public),
                    "rules": json.dumps(agency.rules, ensure_ascii=False, sort_keys=True),
                    "retention_days": agency.retention_days,
                    "joined_at": ts_to_db(agency.joined_at),
                    "setup_file": bytes(agency.setup_file),
                },
            )


@dataclass(frozen=True)
class SentRecord:
    """A record as it went into a bundle, or as a receipt names it."""

    kind: RecordKind
    id: str
    revision: int
    content_hash: str


@dataclass(frozen=True)
class Exported:
    kind: RecordKind
    id: str
    revision: int
    content_hash: str
    bundle_id: str
    exported_at: datetime
    receipt_bundle_id: str | None = None
    state: AckState | None = None  # None: no receipt names this revision yet
    reason: str = ""
    acknowledged_at: datetime | None = None
    purged_at: datetime | None = None


@dataclass(frozen=True)
class Unsent:
    """A record whose stored revision has not gone to the office (never, or an older one)."""

    kind: RecordKind
    id: str
    revision: int
    updated_at: datetime
    sent_revision: int | None
    sent_at: datetime | None


def _exported(row: Row) -> Exported:
    return Exported(
        kind=row["record_kind"],
        id=row["record_id"],
        revision=row["revision"],
        content_hash=row["content_hash"],
        bundle_id=row["bundle_id"],
        exported_at=ts_stored(row["exported_at"]),
        receipt_bundle_id=row["receipt_bundle_id"],
        state=row["state"],
        reason=row["reason"],
        acknowledged_at=ts_from_db(row["acknowledged_at"]),
        purged_at=ts_from_db(row["purged_at"]),
    )


# a new revision clears the acknowledgement; the same revision and content sent again keeps it
MARK_EXPORTED = (
    "INSERT INTO exported (record_kind, record_id, revision, content_hash, bundle_id, exported_at)"
    " VALUES (?, ?, ?, ?, ?, ?)"
    " ON CONFLICT (record_kind, record_id) DO UPDATE SET"
    " bundle_id = excluded.bundle_id, exported_at = excluded.exported_at,"
    " receipt_bundle_id = iif(same, receipt_bundle_id, NULL), state = iif(same, state, NULL),"
    " reason = iif(same, reason, ''), acknowledged_at = iif(same, acknowledged_at, NULL),"
    " revision = excluded.revision, content_hash = excluded.content_hash"
).replace("same", "(revision = excluded.revision AND content_hash = excluded.content_hash)")

UNSENT = (
    "SELECT t.id, t.revision, t.updated_at, e.revision AS sent_revision, e.exported_at"
    " FROM {table} t LEFT JOIN exported e ON e.record_kind = ? AND e.record_id = t.id"
    " WHERE (e.revision IS NULL OR e.revision <> t.revision) AND {where}"
    " ORDER BY t.updated_at, t.id"
)


class ExportTracking:
    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self, kind: RecordKind, record_id: str) -> Exported | None:
        row = self.db.one(
            "SELECT * FROM exported WHERE record_kind = ? AND record_id = ?",
            (table_of(kind), record_id),
        )
        return _exported(row) if row is not None else None

    def mark_exported(self, records: Iterable[SentRecord], bundle_id: str, at: datetime) -> None:
        """After the bundle was written and read back: these revisions went out in it."""
        with self.db.transaction():
            for r in records:
                self.db.execute(
                    MARK_EXPORTED,
                    (table_of(r.kind), r.id, r.revision, r.content_hash, bundle_id, ts_to_db(at)),
                )

    def acknowledge(
        self, ack: SentRecord, state: AckState, reason: str, receipt_bundle_id: str, at: datetime
    ) -> AckResult:
        """Take a receipt's word for a record: only if id, revision and content hash are what
        was sent ('unknown' otherwise, nothing changed). An 'entered' stays as first given
        ('already'): the retention period runs from then."""
        with self.db.transaction():
            stored = self.get(ack.kind, ack.id)
            if stored is None or (stored.revision, stored.content_hash) != (
                ack.revision,
                ack.content_hash,
            ):
                return "unknown"
            if stored.state == "entered" or stored.state == state == "rejected":
                return "already"  # (a purged record was entered: 'already' too)
            self.db.execute(
                "UPDATE exported SET receipt_bundle_id = ?, state = ?, reason = ?,"
                " acknowledged_at = ? WHERE record_kind = ? AND record_id = ?",
                (receipt_bundle_id, state, reason, ts_to_db(at), ack.kind, ack.id),
            )
        return "acknowledged"

    # ---- what is still to go ---------------------------------------------------------------
    def unsent(self, kind: RecordKind, ids: Collection[str] | None = None) -> list[Unsent]:
        """Records of `kind` (all, or those of `ids`) not exported at their stored revision."""
        if ids is None:
            return self._unsent(kind, "1", ())
        found: list[Unsent] = []
        for part in chunks(ids):
            found += self._unsent(kind, f"t.id IN ({marks(len(part))})", part)
        return found

    def unsent_protocols(self) -> list[Unsent]:
        """Finalized protocols not exported at their stored revision (a new addendum or a
        countersignature makes a new one)."""
        return self._unsent("protocols", "t.finalized_at IS NOT NULL", ())

    def unsent_consents(self, states: Collection[str]) -> list[Unsent]:
        """Consents in one of `states` (e.g. signed, revoked) not exported at their revision."""
        return self._unsent("consents", f"t.state IN ({marks(len(states))})", list(states))

    def _unsent(self, kind: RecordKind, where: str, params: Iterable[str]) -> list[Unsent]:
        sql = UNSENT.format(table=table_of(kind), where=where)
        return [
            Unsent(
                kind=kind,
                id=r["id"],
                revision=r["revision"],
                updated_at=ts_stored(r["updated_at"]),
                sent_revision=r["sent_revision"],
                sent_at=ts_from_db(r["exported_at"]),
            )
            for r in self.db.execute(sql, (kind, *params))
        ]

    # ---- what went and what came back ------------------------------------------------------
    def awaiting_receipt(self) -> list[Exported]:
        """Sent, and no receipt names the revision sent yet; oldest first."""
        rows = self.db.execute(
            "SELECT * FROM exported WHERE state IS NULL ORDER BY exported_at, record_kind"
        )
        return [_exported(r) for r in rows]

    def rejected(self) -> list[Exported]:
        rows = self.db.execute(
            "SELECT * FROM exported WHERE state = 'rejected' ORDER BY acknowledged_at"
        )
        return [_exported(r) for r in rows]

    def due_for_purge(self, now: datetime, retention_days: int) -> list[Exported]:
        """Acknowledged as entered, at the revision still stored here, longer ago than the
        retention period: what the purge may take (it also keeps what is still in use)."""
        cutoff = ts_to_db(now - timedelta(days=retention_days))
        found: list[Exported] = []
        for kind in RECORD_KINDS:
            rows = self.db.execute(
                f"SELECT e.* FROM exported e JOIN {table_of(kind)} t"
                "  ON t.id = e.record_id AND t.revision = e.revision"
                " WHERE e.record_kind = ? AND e.state = 'entered' AND e.purged_at IS NULL"
                "   AND e.acknowledged_at <= ? ORDER BY e.acknowledged_at",
                (kind, cutoff),
            )
            found += [_exported(r) for r in rows]
        return found

    def count_awaiting_receipt(self) -> int:
        return int(self.db.scalar("SELECT count(*) FROM exported WHERE state IS NULL"))
