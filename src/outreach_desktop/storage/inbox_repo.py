"""The office vault's side of the exchange: the devices it trusts, and its inbox — each imported
record at the revision last taken, with the transfer marks a person set for exactly that revision
(in VerBIS, in the e-Akte, benefits informed), a rejection, and which revision a receipt named.

Marks belong to a revision: when a newer one arrives, what was marked for the old one does not
count for it (the person enters the change too), so a receipt never acknowledges more than was
entered. A mark is set once and never changed or removed (the database refuses it).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal, get_args

from outreach_desktop.storage.database import Database, Row
from outreach_desktop.storage.errors import DeviceKeysChanged, RecordNotFound
from outreach_desktop.storage.exchange_repo import RecordKind, SentRecord, table_of
from outreach_desktop.storage.record_repo import ts_from_db, ts_stored, ts_to_db

Mark = Literal["verbis", "eakte", "benefits"]
MARKS: tuple[Mark, ...] = get_args(Mark)


@dataclass(frozen=True)
class Device:
    device_id: str
    fingerprint: str
    age_recipient: str
    sign_public: bytes
    trusted_by: str  # staff id or name of who compared the fingerprint
    trusted_at: datetime
    last_sequence: int = 0  # of the last export taken (kept by the database)
    last_bundle_id: str | None = None


def _device(row: Row) -> Device:
    return Device(
        device_id=row["device_id"],
        fingerprint=row["fingerprint"],
        age_recipient=row["age_recipient"],
        sign_public=bytes(row["sign_public"]),
        trusted_by=row["trusted_by"],
        trusted_at=ts_stored(row["trusted_at"]),
        last_sequence=row["last_sequence"],
        last_bundle_id=row["last_bundle_id"],
    )


def _same_keys(a: Device, b: Device) -> bool:
    return (a.device_id, a.fingerprint, a.age_recipient, bytes(a.sign_public)) == (
        b.device_id,
        b.fingerprint,
        b.age_recipient,
        bytes(b.sign_public),
    )


class DeviceRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self, device_id: str) -> Device | None:
        row = self.db.one("SELECT * FROM devices WHERE device_id = ?", (device_id,))
        return _device(row) if row is not None else None

    def by_fingerprint(self, fingerprint: str) -> Device | None:
        row = self.db.one("SELECT * FROM devices WHERE fingerprint = ?", (fingerprint,))
        return _device(row) if row is not None else None

    def all(self) -> list[Device]:
        return [_device(r) for r in self.db.execute("SELECT * FROM devices ORDER BY trusted_at")]

    def trust(self, device: Device) -> bool:
        """Trust a device after a person compared its fingerprint; False when it is trusted
        with these keys already. A known device id or fingerprint with other keys is refused
        (DeviceKeysChanged): never overwritten."""
        with self.db.transaction():
            known = self.get(device.device_id) or self.by_fingerprint(device.fingerprint)
            if known is not None:
                if _same_keys(known, device):
                    return False
                raise DeviceKeysChanged()
            self.db.execute(
                "INSERT INTO devices (device_id, fingerprint, age_recipient, sign_public,"
                " trusted_by, trusted_at) VALUES (?, ?, ?, ?, ?, ?)",
                (
                    device.device_id,
                    device.fingerprint,
                    device.age_recipient,
                    bytes(device.sign_public),
                    device.trusted_by,
                    ts_to_db(device.trusted_at),
                ),
            )
        return True


@dataclass(frozen=True)
class Stamp:
    """Who did something (staff id or name) and when."""

    by: str
    at: datetime


@dataclass(frozen=True)
class InboxEntry:
    kind: RecordKind
    id: str
    device_id: str
    revision: int
    content_hash: str
    bundle_id: str
    imported_at: datetime
    marks: dict[Mark, Stamp] = field(default_factory=dict)  # for this revision
    rejected: Stamp | None = None
    rejected_reason: str = ""
    receipted_revision: int | None = None  # the revision the last receipt named
    receipt_bundle_id: str | None = None
    receipted_at: datetime | None = None

    @property
    def as_sent(self) -> SentRecord:
        return SentRecord(self.kind, self.id, self.revision, self.content_hash)


def _entry(row: Row, marks: dict[Mark, Stamp]) -> InboxEntry:
    rejected_at = ts_from_db(row["rejected_at"])
    return InboxEntry(
        kind=row["record_kind"],
        id=row["record_id"],
        device_id=row["device_id"],
        revision=row["revision"],
        content_hash=row["content_hash"],
        bundle_id=row["bundle_id"],
        imported_at=ts_stored(row["imported_at"]),
        marks=marks,
        rejected=Stamp(row["rejected_by"], rejected_at) if rejected_at else None,
        rejected_reason=row["rejected_reason"] or "",
        receipted_revision=row["receipted_revision"],
        receipt_bundle_id=row["receipt_bundle_id"],
        receipted_at=ts_from_db(row["receipted_at"]),
    )


# a newer revision replaces the entry; its rejection was about the old one
PUT = (
    "INSERT INTO inbox (record_kind, record_id, device_id, revision, content_hash, bundle_id,"
    " imported_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
    " ON CONFLICT (record_kind, record_id) DO UPDATE SET device_id = excluded.device_id,"
    " revision = excluded.revision, content_hash = excluded.content_hash,"
    " bundle_id = excluded.bundle_id, imported_at = excluded.imported_at,"
    " rejected_reason = NULL, rejected_by = NULL, rejected_at = NULL"
    " WHERE excluded.revision > inbox.revision"
)
ENTRIES = (
    "SELECT i.*, m.mark, m.marked_by, m.marked_at FROM inbox i"
    " LEFT JOIN transfer_marks m ON m.record_kind = i.record_kind"
    "  AND m.record_id = i.record_id AND m.revision = i.revision"
    " WHERE {where} ORDER BY i.imported_at, i.record_kind, i.record_id"
)


class InboxRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def put(self, record: SentRecord, device_id: str, bundle_id: str, at: datetime) -> bool:
        """A record taken from a bundle of `device_id`: new, or a newer revision of its own
        device; False (nothing changed) when the inbox holds this revision or a newer one. A
        newer revision from another device the database refuses: that is a conflict."""
        with self.db.transaction():
            self.db.execute(
                PUT,
                (
                    table_of(record.kind),
                    record.id,
                    device_id,
                    record.revision,
                    record.content_hash,
                    bundle_id,
                    ts_to_db(at),
                ),
            )
            return bool(self.db.scalar("SELECT changes()"))

    def get(self, kind: RecordKind, record_id: str) -> InboxEntry | None:
        found = self._entries("i.record_kind = ? AND i.record_id = ?", (kind, record_id))
        return found[0] if found else None

    def entries(self, device_id: str | None = None) -> list[InboxEntry]:
        """Every record in the inbox (of one device), oldest first, with its marks."""
        if device_id is None:
            return self._entries("1", ())
        return self._entries("i.device_id = ?", (device_id,))

    def unreceipted(self, device_id: str) -> list[InboxEntry]:
        """Records of a device whose current revision no receipt has named yet; the services
        put those marked as entered (or rejected) into the next receipt."""
        return self._entries(
            "i.device_id = ? AND i.receipted_revision IS NOT i.revision", (device_id,)
        )

    def _entries(self, where: str, params: tuple[str, ...]) -> list[InboxEntry]:
        rows = self.db.execute(ENTRIES.format(where=where), params)
        marks: dict[tuple[str, str], dict[Mark, Stamp]] = {}
        first: dict[tuple[str, str], Row] = {}
        for r in rows:
            key = (r["record_kind"], r["record_id"])
            first.setdefault(key, r)
            entry_marks = marks.setdefault(key, {})
            if r["mark"] is not None:
                entry_marks[r["mark"]] = Stamp(r["marked_by"], ts_stored(r["marked_at"]))
        return [_entry(row, marks[key]) for key, row in first.items()]

    # ---- what a person does ----------------------------------------------------------------
    def mark(self, kind: RecordKind, record_id: str, mark: Mark, by: str, at: datetime) -> bool:
        """Mark the record's current revision; False when that mark is set already (it is set
        once: who and when stay as first given)."""
        if mark not in MARKS:
            raise ValueError(f"unknown transfer mark {mark!r}")
        with self.db.transaction():
            entry = self._require(kind, record_id)
            if mark in entry.marks:
                return False
            self.db.execute(
                "INSERT INTO transfer_marks (record_kind, record_id, revision, mark, marked_by,"
                " marked_at) VALUES (?, ?, ?, ?, ?, ?)",
                (kind, record_id, entry.revision, mark, by, ts_to_db(at)),
            )
        return True

    def reject(self, kind: RecordKind, record_id: str, reason: str, by: str, at: datetime) -> bool:
        """Reject the current revision (the receipt says why); False when it is rejected
        already."""
        with self.db.transaction():
            if self._require(kind, record_id).rejected is not None:
                return False
            self.db.execute(
                "UPDATE inbox SET rejected_reason = ?, rejected_by = ?, rejected_at = ?"
                " WHERE record_kind = ? AND record_id = ?",
                (reason, by, ts_to_db(at), kind, record_id),
            )
        return True

    def mark_receipted(
        self, records: Iterable[SentRecord], receipt_bundle_id: str, at: datetime
    ) -> None:
        """After a receipt was written: it named these revisions (a record that has a newer
        revision meanwhile stays unreceipted)."""
        with self.db.transaction():
            for r in records:
                self.db.execute(
                    "UPDATE inbox SET receipted_revision = revision, receipt_bundle_id = ?,"
                    " receipted_at = ? WHERE record_kind = ? AND record_id = ?"
                    " AND revision = ? AND content_hash = ?",
                    (receipt_bundle_id, ts_to_db(at), r.kind, r.id, r.revision, r.content_hash),
                )

    def _require(self, kind: RecordKind, record_id: str) -> InboxEntry:
        entry = self.get(kind, record_id)
        if entry is None:
            raise RecordNotFound("Der Eintrag im Posteingang")
        return entry
