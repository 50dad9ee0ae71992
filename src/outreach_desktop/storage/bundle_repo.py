"""Bundles in both directions: the sequence numbers of the bundles this vault writes, and the
bundles it took (exports at the office; receipts, later packages, on a laptop).

The database keeps the rules of docs/exchange-format.md whatever the code does: a sequence only
grows, a bundle is taken once, and never with a sequence at or below one already taken from its
sender (BundleReplayed); an export only from a trusted device.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from outreach_desktop.storage.database import Database, Row
from outreach_desktop.storage.record_repo import ts_stored, ts_to_db
from outreach_desktop.storage.sync_log import dump_counts, load_counts

BundleKind = Literal["export", "receipt", "package"]


@dataclass(frozen=True)
class ImportedBundle:
    bundle_id: str
    kind: BundleKind
    sender: str  # the device id (exports) or the agency's fingerprint (receipts, packages)
    sequence: int
    imported_at: datetime
    counts: dict[str, int] = field(default_factory=dict)  # records per kind, no content


def _bundle(row: Row) -> ImportedBundle:
    return ImportedBundle(
        bundle_id=row["bundle_id"],
        kind=row["bundle_kind"],
        sender=row["sender"],
        sequence=row["sequence"],
        imported_at=ts_stored(row["imported_at"]),
        counts=load_counts(row["counts"]),
    )


class BundleRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    # ---- what this vault writes ------------------------------------------------------------
    def next_sequence(self, kind: BundleKind, peer: str = "") -> int:
        """The sequence the next bundle of `kind` (for `peer`: the device a receipt is for;
        '' for exports) will carry."""
        last = self.db.scalar(
            "SELECT last_sequence FROM bundle_sequences WHERE bundle_kind = ? AND peer = ?",
            (kind, peer),
        )
        return int(last or 0) + 1

    def claim_sequence(self, kind: BundleKind, peer: str = "") -> int:
        """Take the next sequence. Call it in the transaction that records the bundle as
        written, so a bundle that fails (and is rolled back) leaves no gap."""
        with self.db.transaction():
            sequence = self.next_sequence(kind, peer)
            self.db.execute(
                "INSERT INTO bundle_sequences (bundle_kind, peer, last_sequence) VALUES (?, ?, ?)"
                " ON CONFLICT (bundle_kind, peer)"
                " DO UPDATE SET last_sequence = excluded.last_sequence",
                (kind, peer, sequence),
            )
        return sequence

    # ---- what this vault took --------------------------------------------------------------
    def find(self, bundle_id: str) -> ImportedBundle | None:
        """A bundle taken before: the same bundle again changes nothing."""
        row = self.db.one("SELECT * FROM imported_bundles WHERE bundle_id = ?", (bundle_id,))
        return _bundle(row) if row is not None else None

    def last_accepted(self, kind: BundleKind, sender: str) -> ImportedBundle | None:
        """The bundle with the highest sequence taken from `sender`: a lower or equal sequence
        with another bundle id is a replay, a higher one than the next is a gap."""
        row = self.db.one(
            "SELECT * FROM imported_bundles WHERE bundle_kind = ? AND sender = ?"
            " ORDER BY sequence DESC LIMIT 1",
            (kind, sender),
        )
        return _bundle(row) if row is not None else None

    def record_import(self, bundle: ImportedBundle) -> None:
        """Record a bundle as taken, in the transaction that merges its records."""
        self.db.execute(
            "INSERT INTO imported_bundles (bundle_id, bundle_kind, sender, sequence,"
            " imported_at, counts) VALUES (?, ?, ?, ?, ?, ?)",
            (
                bundle.bundle_id,
                bundle.kind,
                bundle.sender,
                bundle.sequence,
                ts_to_db(bundle.imported_at),
                dump_counts(bundle.counts),
            ),
        )

    def imported(self, kind: BundleKind | None = None) -> list[ImportedBundle]:
        """Newest first."""
        rows = self.db.execute(
            "SELECT * FROM imported_bundles WHERE ? IS NULL OR bundle_kind = ?"
            " ORDER BY imported_at DESC, sequence DESC",
            (kind, kind),
        )
        return [_bundle(r) for r in rows]
