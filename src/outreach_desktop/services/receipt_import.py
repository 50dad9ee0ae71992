"""A laptop takes the office's receipt: whole, or not at all.

Checked before anything changes: the file decrypts with this device's key, it is a receipt, its
signature verifies, its sender holds exactly the keys of the agency this vault joined (nobody
else: a laptop trusts one agency), this device is among its bound recipients, every member is as
its manifest says, the acknowledgements are valid records naming each record once, the sequence
is above every receipt taken (the same receipt again: "already", no change), and every
acknowledgement names a record as this laptop sent it — id, revision and content hash. A receipt
naming a record the laptop never sent, or a revision or hash it did not send, is refused whole:
it is not this laptop's receipt or not what the office meant. Only one case is no refusal: an
acknowledgement of an older revision than the one last sent (the office answered an earlier
bundle; the newer revision awaits its own receipt) — reported, and nothing changes for it.

Then, in one transaction: each acknowledgement (ExportTracking.acknowledge), the bundle as taken,
the sync log entry. Afterwards the purge runs. A refusal is written to the sync log (result
"refused", the German sentence, which names ids but never values); nothing else changes.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import cast

from outreach_desktop.domain.errors import DomainError, UserError
from outreach_desktop.exchange.acknowledgements import Acknowledgement
from outreach_desktop.exchange.bundle import MB, OpenedBundle, open_bundle
from outreach_desktop.exchange.errors import BundleRefused
from outreach_desktop.exchange.keys import PublicKeys
from outreach_desktop.exchange.manifest import BundleKind
from outreach_desktop.exchange.records import from_record, member_name, parse_member
from outreach_desktop.services.files import read_file
from outreach_desktop.services.identity import IdentityService
from outreach_desktop.services.purge import PurgeResult, PurgeService, purge_summary
from outreach_desktop.services.sync_log import kind_title
from outreach_desktop.storage.bundle_repo import BundleRepository, ImportedBundle
from outreach_desktop.storage.database import Database
from outreach_desktop.storage.errors import BundleReplayed
from outreach_desktop.storage.exchange_repo import (
    AgencyRepository,
    ExportTracking,
    RecordKind,
    SentRecord,
)
from outreach_desktop.storage.sync_log import SyncEntry, SyncLog, SyncResult

log = logging.getLogger(__name__)

ACKS = "acknowledgements"
ON_OFFICE = "Ein Bürotresor nimmt keine Quittungen an; er schreibt sie."
NOT_JOINED = "Dieser Tresor ist keiner Dienststelle beigetreten und kann keine Quittung prüfen."
NOT_FROM_AGENCY = (
    "Die Quittung stammt nicht von der Dienststelle, der dieser Tresor beigetreten ist; "
    "sie wird abgelehnt."
)
NO_ACKS = "Die Quittung bestätigt keinen Eintrag."
TWICE = "Die Quittung nennt einen Eintrag mehrfach."
OLDER = "bestätigt ist eine ältere Fassung; die zuletzt gesendete wartet noch auf ihre Quittung."


class UnsentAcknowledged(BundleRefused):
    """The receipt names records (or revisions, or contents) this laptop never sent."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        shown = "; ".join(lines[:3]) + ("; …" if len(lines) > 3 else "")
        super().__init__(
            f"Die Quittung nennt {len(lines)} Einträge, die dieser Laptop so nicht gesendet hat "
            f"({shown}); sie wird ganz abgelehnt, es wurde nichts geändert."
        )


@dataclass(frozen=True)
class ReceiptImport:
    bundle_id: str
    sequence: int
    already: bool = False  # taken before: nothing changed
    entered: int = 0  # records newly acknowledged as entered
    rejected: int = 0  # records newly acknowledged as rejected
    unchanged: int = 0  # acknowledged before, by an earlier receipt
    counts: dict[str, int] = field(default_factory=dict)  # acknowledgements taken, per kind
    notes: tuple[str, ...] = ()  # German: a gap, acknowledgements of older revisions
    purged: PurgeResult | None = None

    def lines(self) -> list[str]:
        if self.already:
            return [f"Quittung Nr. {self.sequence} wurde bereits übernommen; nichts geändert."]
        lines = [
            f"Quittung Nr. {self.sequence} eingelesen: {self.entered} im Büro übernommen, "
            f"{self.rejected} abgelehnt"
            + (f", {self.unchanged} schon bestätigt" if self.unchanged else "")
            + "."
        ]
        lines += self.notes
        if self.purged is not None:
            lines.append(purge_summary(self.purged))
        return lines


class ReceiptImporter:
    def __init__(self, db: Database, identity: IdentityService, purging: PurgeService) -> None:
        self._db, self._identity, self._purging = db, identity, purging
        self._agency, self._tracking = AgencyRepository(db), ExportTracking(db)
        self._bundles, self._sync = BundleRepository(db), SyncLog(db)

    def import_receipt(self, data: bytes | Path, now: datetime) -> ReceiptImport:
        try:
            result = self._take(data, now)
        except UserError as error:
            self._log(now, "refused", None, str(error))
            raise
        if result.already:
            return result
        try:
            return replace(result, purged=self._purging.run(now))
        except UserError as error:  # the receipt is taken; the next unlock purges again
            note = f"Löschen vorerst nicht möglich: {error}"
            return replace(result, notes=(*result.notes, note))

    def _take(self, data: bytes | Path, now: datetime) -> ReceiptImport:
        opened, agency_fingerprint = self._open(data)
        said = _acknowledgements(opened)
        bundle_id, sequence = opened.bundle_id, opened.sequence
        if self._bundles.find(bundle_id) is not None:
            self._log(now, "already", bundle_id, f"Quittung Nr. {sequence}")
            return ReceiptImport(bundle_id, sequence, already=True)
        notes = self._sequence_notes(sequence, agency_fingerprint)
        take, stale = self._matched(said)
        notes += [f"{kind_title(a.record_kind)} {a.record_id}: {OLDER}" for a in stale]
        counts: dict[str, int] = dict(Counter(a.record_kind for a in take))
        with self._db.transaction():
            done = Counter(self._acknowledge(a, bundle_id, now) for a in take)
            result = ReceiptImport(bundle_id, sequence, entered=done["entered"],
                                   rejected=done["rejected"], unchanged=done["already"],
                                   counts=counts, notes=tuple(notes))  # fmt: skip
            self._bundles.record_import(
                ImportedBundle(bundle_id, "receipt", agency_fingerprint, sequence, now, counts)
            )
            detail = " ".join(result.lines())[:300]
            self._sync.append(SyncEntry(now, "import", "ok", bundle_id, counts, detail))
        return result

    def _open(self, data: bytes | Path) -> tuple[OpenedBundle, str]:
        """The receipt, every check of the file and its sender passed; and the agency."""
        if self._identity.role() != "field":
            raise DomainError(ON_OFFICE)
        agency, joined = self._agency.get(), self._identity.joined()
        if agency is None or joined is None:
            raise DomainError(NOT_JOINED)
        limit = joined.rules.bundle_limit_mb * MB
        if isinstance(data, Path):
            data = read_file(data, limit)
        opened = open_bundle(data, self._identity.device(), _nobody, limit, kind=BundleKind.RECEIPT)
        if opened.sender_keys != PublicKeys(agency.age_recipient, agency.sign_public):
            raise BundleRefused(NOT_FROM_AGENCY)
        return opened, agency.fingerprint

    def _sequence_notes(self, sequence: int, sender: str) -> list[str]:
        """A replay is refused; a gap is reported (a receipt may still be on its way)."""
        last = self._bundles.last_accepted("receipt", sender)
        if last is not None and sequence <= last.sequence:
            raise BundleReplayed()
        expected = 1 if last is None else last.sequence + 1
        if sequence == expected:
            return []
        if sequence == expected + 1:
            return [f"Quittung Nr. {expected} fehlt hier noch (Lücke)."]
        return [f"Quittungen Nr. {expected} bis {sequence - 1} fehlen hier noch (Lücke)."]

    def _matched(
        self, said: list[Acknowledgement]
    ) -> tuple[list[Acknowledgement], list[Acknowledgement]]:
        """The acknowledgements of records as sent, and those of an older revision than the one
        last sent; anything else refuses the receipt whole (UnsentAcknowledged)."""
        take, stale, unsent = [], [], []
        for ack in said:
            sent = self._tracking.get(_record(ack).kind, ack.record_id)
            if sent is not None and (sent.revision, sent.content_hash) == (
                ack.record_revision,
                ack.content_hash,
            ):
                take.append(ack)
            elif sent is not None and sent.revision > ack.record_revision:
                stale.append(ack)
            else:
                what = "nie gesendet" if sent is None else "in dieser Fassung nicht gesendet"
                unsent.append(f"{kind_title(ack.record_kind)} {ack.record_id} {what}")
        if unsent:
            raise UnsentAcknowledged(unsent)
        return take, stale

    def _acknowledge(self, ack: Acknowledgement, receipt_id: str, now: datetime) -> str:
        """'entered' or 'rejected' (newly acknowledged) or 'already'."""
        done = self._tracking.acknowledge(
            _record(ack), ack.state.value, ack.reason, receipt_id, now
        )
        if done == "unknown":  # checked just before, in this process: a bug if it happens
            raise RuntimeError("an acknowledgement checked against what was sent did not match")
        return ack.state.value if done == "acknowledged" else "already"

    def _log(self, now: datetime, result: SyncResult, bundle_id: str | None, detail: str) -> None:
        try:
            with self._db.transaction():
                self._sync.append(SyncEntry(now, "import", result, bundle_id, {}, detail[:300]))
        except UserError as error:
            log.warning("receipt import not logged (%s)", type(error).__name__)


def _nobody(_device_id: str) -> PublicKeys | None:
    """A laptop knows no sender by device id; the agency's keys are compared afterwards."""
    return None


def _acknowledgements(opened: OpenedBundle) -> list[Acknowledgement]:
    data = opened.members.get(member_name(ACKS))
    if data is None:
        raise BundleRefused(NO_ACKS)
    said = [cast(Acknowledgement, from_record(ACKS, r)) for r in parse_member(ACKS, data)]
    if not said:
        raise BundleRefused(NO_ACKS)
    if len({(a.record_kind, a.record_id) for a in said}) != len(said):
        raise BundleRefused(TWICE)
    return said


def _record(ack: Acknowledgement) -> SentRecord:
    """What the acknowledgement names (its kind one of the sent kinds: the schema says so)."""
    kind = cast(RecordKind, ack.record_kind)
    return SentRecord(kind, ack.record_id, ack.record_revision, ack.content_hash)
