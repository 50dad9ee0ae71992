"""The purge: after the agency's retention period a field vault deletes the personal data the
office acknowledged as entered — the one path allowed to delete finalized protocols, their addenda
and given consents. The database itself lets those go only at the very revision a receipt named
as entered (triggers of schema 8), so a record changed after it was sent, or one no receipt names,
stays whatever the code does.

What goes, in one transaction, each only if acknowledged as entered at its stored revision longer
ago than the retention period, and only when nothing still stored needs it:

* protocols with their addenda;
* consents (events and signed form with them), unless their client has something open (a planned
  appointment, a draft protocol) or a protocol still stored relies on them;
* anonymous counselling;
* appointments with an outcome that no stored protocol, consent or appointment refers to (their
  checklist answers, calls, letters and conduct with them);
* clients with no appointment, consent or protocol left.

Staff and third parties stay. `PRAGMA secure_delete` overwrites what is deleted, the full-text
index deletes its entries at once and is merged afterwards, and the WAL is checkpointed, so the
file keeps no old content (tests/storage/test_purge.py reads the decrypted pages to prove it).
What stays is the deletion log: kind, count, when, the receipt — no content.
"""

from __future__ import annotations

import logging
from collections import Counter
from datetime import datetime, timedelta

from outreach_desktop.domain.vocabulary import AppointmentStatus
from outreach_desktop.storage.database import Database
from outreach_desktop.storage.exchange_repo import RecordKind
from outreach_desktop.storage.record_repo import ts_to_db
from outreach_desktop.storage.sync_log import SyncEntry, SyncLog

log = logging.getLogger(__name__)

PURGE_ORDER: tuple[RecordKind, ...] = (
    "protocols",
    "consents",
    "anonymous_counselling",
    "appointments",
    "clients",
)
OPEN_STATUSES = ", ".join(f"'{s.value}'" for s in AppointmentStatus if not s.is_outcome)

ACKNOWLEDGED = (
    "SELECT t.id, e.receipt_bundle_id FROM {kind} t JOIN exported e"
    " ON e.record_kind = '{kind}' AND e.record_id = t.id AND e.revision = t.revision"
    " WHERE e.state = 'entered' AND e.purged_at IS NULL AND e.acknowledged_at <= :cutoff"
    " AND NOT EXISTS (SELECT 1 FROM conflicts c WHERE c.record_kind = '{kind}'"
    "  AND c.record_id = t.id AND c.resolved_at IS NULL)"
    " AND {unneeded} ORDER BY t.id"
)
# besides the acknowledgement: nothing still stored needs the record
UNNEEDED: dict[RecordKind, str] = {
    "protocols": "t.finalized_at IS NOT NULL",
    "consents": (
        "NOT EXISTS (SELECT 1 FROM appointments a WHERE a.client_id = t.client_id"
        f"  AND a.status IN ({OPEN_STATUSES}))"
        " AND NOT EXISTS (SELECT 1 FROM protocols p WHERE p.client_id = t.client_id"
        "  AND p.finalized_at IS NULL)"
        " AND NOT EXISTS (SELECT 1 FROM protocols p WHERE p.appointment_id = t.appointment_id)"
        " AND NOT EXISTS (SELECT 1 FROM protocols p, json_each(p.others_present) o"
        "  WHERE json_extract(o.value, '$[2]') = t.id)"
    ),
    "anonymous_counselling": "1",
    "appointments": (
        f"t.status NOT IN ({OPEN_STATUSES})"
        " AND NOT EXISTS (SELECT 1 FROM protocols p"
        "  WHERE p.appointment_id = t.id OR p.follow_up_id = t.id)"
        " AND NOT EXISTS (SELECT 1 FROM consents c WHERE c.appointment_id = t.id)"
        " AND NOT EXISTS (SELECT 1 FROM appointments o"
        "  WHERE o.predecessor_id = t.id OR o.relocated_from_id = t.id)"
    ),
    "clients": (
        "NOT EXISTS (SELECT 1 FROM appointments a WHERE a.client_id = t.id)"
        " AND NOT EXISTS (SELECT 1 FROM consents c WHERE c.client_id = t.id)"
        " AND NOT EXISTS (SELECT 1 FROM protocols p WHERE p.client_id = t.id)"
    ),
}

Deleted = list[tuple[str, str]]  # (record id, receipt bundle id)


def purge(db: Database, now: datetime, retention_days: int) -> dict[str, int]:
    """Delete what is acknowledged and past retention (see above), in one transaction; writes
    the deletion log (and a sync log entry when anything went) and returns the records deleted
    per kind."""
    if retention_days < 0:
        raise ValueError("retention_days must not be negative")
    if db.scalar("PRAGMA secure_delete") != 1:
        raise RuntimeError("PRAGMA secure_delete is off: purging would leave the content behind")
    cutoff = ts_to_db(now - timedelta(days=retention_days))
    deleted: dict[RecordKind, Deleted] = {}
    with db.transaction():
        for kind in PURGE_ORDER:
            deleted[kind] = _purge_kind(db, kind, cutoff)
        counts: dict[str, int] = {kind: len(rows) for kind, rows in deleted.items()}
        if sum(counts.values()):
            _mark_purged(db, deleted, now)
            _log(db, deleted, counts, now, retention_days)
            db.execute("INSERT INTO search_index (search_index) VALUES ('optimize')")
    if sum(counts.values()) and not db.checkpoint():
        log.warning("purge: WAL not checkpointed yet (a reader or an outer transaction)")
    return counts


def purge_due(db: Database, now: datetime, retention_days: int) -> bool:
    """Whether anything is acknowledged as entered and past the retention period, not yet
    purged: one indexed query, so a check at every unlock costs nothing when nothing is due
    (whether the purge may take it — nothing else needs it — is the purge's question)."""
    cutoff = ts_to_db(now - timedelta(days=retention_days))
    return bool(
        db.scalar(
            "SELECT EXISTS (SELECT 1 FROM exported WHERE state = 'entered'"
            " AND acknowledged_at <= ? AND purged_at IS NULL)",
            (cutoff,),
        )
    )


def _purge_kind(db: Database, kind: RecordKind, cutoff: str | None) -> Deleted:
    """Delete the records of `kind` that may go; appointments again until none (one may wait
    only for another one: a follow-up, a new appointment at another place)."""
    sql = ACKNOWLEDGED.format(kind=kind, unneeded=UNNEEDED[kind])
    done: Deleted = []
    while rows := [(r[0], r[1]) for r in db.execute(sql, {"cutoff": cutoff})]:
        for record_id, _receipt in rows:
            if kind == "protocols":
                db.execute("DELETE FROM protocol_addenda WHERE protocol_id = ?", (record_id,))
            db.execute(f"DELETE FROM {kind} WHERE id = ?", (record_id,))
        done += rows
        if kind != "appointments":
            break
    return done


def _mark_purged(db: Database, deleted: dict[RecordKind, Deleted], now: datetime) -> None:
    for kind, rows in deleted.items():
        for record_id, _receipt in rows:
            db.execute(
                "UPDATE exported SET purged_at = ? WHERE record_kind = ? AND record_id = ?",
                (ts_to_db(now), kind, record_id),
            )
            # decided conflicts about it hold another version of its content
            db.execute(
                "DELETE FROM conflicts WHERE record_kind = ? AND record_id = ?", (kind, record_id)
            )


def _log(
    db: Database,
    deleted: dict[RecordKind, Deleted],
    counts: dict[str, int],
    now: datetime,
    retention_days: int,
) -> None:
    per_receipt = Counter((kind, receipt) for kind, rows in deleted.items() for _, receipt in rows)
    for (kind, receipt), count in sorted(per_receipt.items()):
        db.execute(
            "INSERT INTO deletion_log (at, record_kind, count, receipt_bundle_id)"
            " VALUES (?, ?, ?, ?)",
            (ts_to_db(now), kind, count, receipt),
        )
    total = sum(counts.values())
    SyncLog(db).append(
        SyncEntry(
            at=now,
            action="purge",
            result="ok",
            counts={kind: n for kind, n in counts.items() if n},
            detail=f"{total} Einträge nach {retention_days} Tagen Aufbewahrung gelöscht",
        )
    )
