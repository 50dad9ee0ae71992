"""Receipts: the office acknowledges to one laptop what it entered into its systems of record (or
rejected, with the reason), and the laptop takes that word only for exactly what it sent
(services/receipt_import.py), then purges after the agency's retention period.

Writing a receipt (office), in one database transaction, the file placed last:

1. claim the device's next receipt sequence; find its records in the inbox whose current
   revision no receipt named yet and that are *übernommen* (every mark that applies is set,
   `domain.transfer.marks_that_apply`) or rejected — nothing to acknowledge: no file, a message;
2. write `records/acknowledgements.json` and read it back through the exchange's own check, so
   the plaintext is verified before it is encrypted (the office cannot decrypt it afterwards);
3. sign with the agency key, encrypt to the device only;
4. mark those revisions receipted and add the sync log entry;
5. write the file under a temporary name, fsync, check the file (size, age header, digest),
   rename it to `OD-receipt-<device>-<sequence>.age`, fsync the folder; then commit.

A failure before the rename leaves no file and, rolled back, no bookkeeping; a commit that fails
after it deletes the file again. Either way the sequence stays unused (the next receipt makes no
gap on the laptop) and the failure is logged. What remains is a crash between the rename and the
commit: a valid receipt without bookkeeping. The next receipt then carries the same sequence and
names its records again; a laptop that took neither takes it, one that took the orphan refuses
it as a replay, so records new in it stay "awaiting receipt" on that laptop until a person
looks (nothing is lost or purged wrongly: only acknowledged records are purged).
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from outreach_desktop.domain.errors import DomainError, UserError
from outreach_desktop.domain.records import new_id
from outreach_desktop.domain.transfer import is_transferred, marks_that_apply
from outreach_desktop.exchange.acknowledgements import Acknowledgement, AckState
from outreach_desktop.exchange.bundle import AGE_MAGIC, SenderInfo, write_bundle
from outreach_desktop.exchange.keys import PublicKeys
from outreach_desktop.exchange.manifest import BundleKind, Role
from outreach_desktop.exchange.records import dump_member, member_name, parse_member, to_record
from outreach_desktop.services.files import TargetExists, save_file
from outreach_desktop.services.identity import IdentityService
from outreach_desktop.services.inbox import record_repositories
from outreach_desktop.services.purge import PurgeService, moment
from outreach_desktop.services.receipt_import import ReceiptImport, ReceiptImporter
from outreach_desktop.storage.bundle_repo import BundleRepository
from outreach_desktop.storage.database import Database
from outreach_desktop.storage.inbox_repo import (
    Device,
    DeviceRepository,
    InboxEntry,
    InboxRepository,
)
from outreach_desktop.storage.sync_log import SyncEntry, SyncLog

log = logging.getLogger(__name__)

ACKS = "acknowledgements"
MIN_PREFIX = 8  # a device may be named by the start of its id, as in the file names


@dataclass(frozen=True)
class ReceiptResult:
    """A receipt written for a device, or (`path` None) nothing to acknowledge yet."""

    device_id: str
    path: Path | None
    bundle_id: str | None = None
    sequence: int | None = None
    entered: int = 0
    rejected: int = 0
    waiting: int = 0  # records of the device neither übernommen nor rejected yet
    counts: dict[str, int] = field(default_factory=dict)  # acknowledgements per record kind

    @property
    def message(self) -> str:
        if self.path is None:
            return (
                f"Für das Gerät {self.device_id[:MIN_PREFIX]} gibt es nichts zu quittieren; "
                f"{self.waiting} Einträge warten noch auf ihre Übernahme."
            )
        return (
            f"Quittung Nr. {self.sequence} für das Gerät {self.device_id[:MIN_PREFIX]}: "
            f"{self.entered} übernommen, {self.rejected} abgelehnt, {self.waiting} offen."
        )


@dataclass(frozen=True)
class _Ack:
    entry: InboxEntry
    state: AckState


class ReceiptService:
    """Both sides of a receipt: the office writes one (`write_receipt`), a laptop imports one
    (`import_receipt`, then the purge)."""

    def __init__(
        self, db: Database, device_id: str, identity: IdentityService, purging: PurgeService
    ) -> None:
        self._db, self._own_device, self._identity = db, device_id, identity
        self._devices, self._inbox = DeviceRepository(db), InboxRepository(db)
        self._bundles, self._sync = BundleRepository(db), SyncLog(db)
        self._records = record_repositories(db, device_id)
        self._importer = ReceiptImporter(db, identity, purging)

    # ---- the laptop ----------------------------------------------------------------------------
    def import_receipt(self, data: bytes | Path, now: datetime | None = None) -> ReceiptImport:
        """Check a receipt file (its bytes or its path) and take it whole, or refuse it whole
        (BundleRefused and the like, one German sentence; nothing changed but the sync log)."""
        return self._importer.import_receipt(data, moment(now))

    # ---- the office ----------------------------------------------------------------------------
    def write_receipt(
        self, device_id: str, folder: Path, now: datetime | None = None
    ) -> ReceiptResult:
        """Write the receipt for one device into `folder` (see the module's docstring)."""
        at = moment(now)
        if self._identity.role() != "office":
            raise DomainError("Quittungen schreibt nur der Bürotresor.")
        if not Path(folder).is_dir():
            raise DomainError(f"Den Ordner {folder} gibt es nicht.")
        device = self.device(device_id)
        try:
            return self._write(device, Path(folder), at)
        except BaseException as error:
            self._log_failure(device, at, error)
            raise

    def write_receipts(self, folder: Path, now: datetime | None = None) -> list[ReceiptResult]:
        """A receipt for every trusted device that has something to acknowledge (the office's
        "Quittungen schreiben"); a device with nothing yet gets a result without a file."""
        return [self.write_receipt(d.device_id, folder, now) for d in self._devices.all()]

    def device(self, device_id: str) -> Device:
        """A trusted device by its id or the unique start of it (at least 8 characters)."""
        text = device_id.strip().lower()
        found = self._devices.get(text)
        if found is not None:
            return found
        matching = [d for d in self._devices.all() if d.device_id.startswith(text)]
        if len(text) < MIN_PREFIX or not matching:
            raise DomainError(f"Ein Gerät {device_id} ist im Bürotresor nicht bekannt.")
        if len(matching) > 1:
            raise DomainError(f"Die Kennung {device_id} passt auf mehrere Geräte.")
        return matching[0]

    def _write(self, device: Device, folder: Path, at: datetime) -> ReceiptResult:
        placed: list[Path] = []
        try:
            with self._db.transaction():
                acks, waiting = self._due(device.device_id)
                if not acks:
                    return ReceiptResult(device.device_id, None, waiting=waiting)
                sequence = self._bundles.claim_sequence("receipt", device.device_id)
                bundle_id = new_id()
                name, data = self._sealed(device, acks, sequence, bundle_id, at)
                counts: dict[str, int] = dict(Counter(a.entry.kind for a in acks))
                entered = sum(1 for a in acks if a.state is AckState.ENTERED)
                result = ReceiptResult(device.device_id, folder / name, bundle_id, sequence,
                                       entered=entered, rejected=len(acks) - entered,
                                       waiting=waiting, counts=counts)  # fmt: skip
                self._inbox.mark_receipted([a.entry.as_sent for a in acks], bundle_id, at)
                self._sync.append(
                    SyncEntry(at, "receipt", "ok", bundle_id, counts, result.message[:300])
                )
                placed.append(folder / name)  # from here on the file may be in place
                save_file(folder / name, data, verify=_same_file(data))
        except TargetExists:  # someone else's file under that name: never ours to remove
            raise
        except BaseException:
            for path in placed:  # no receipt of this number without its bookkeeping
                with contextlib.suppress(OSError):
                    path.unlink(missing_ok=True)
            raise
        return result

    def _due(self, device_id: str) -> tuple[list[_Ack], int]:
        """What the next receipt names, and how many records still wait."""
        acks, waiting = [], 0
        for entry in self._inbox.unreceipted(device_id):
            state = self._state(entry)
            if state is None:
                waiting += 1
            else:
                acks.append(_Ack(entry, state))
        return acks, waiting

    def _state(self, entry: InboxEntry) -> AckState | None:
        """Rejected, entered (übernommen), or None: not yet. A rejection is a person's
        decision about this revision and wins over marks."""
        if entry.rejected is not None:
            return AckState.REJECTED
        record = self._records[entry.kind].find(entry.id)
        if record is None or record.revision != entry.revision:
            return None  # not the revision that was marked: wait for a person
        marked = frozenset(entry.marks)
        return AckState.ENTERED if is_transferred(marks_that_apply(record), marked) else None

    def _sealed(
        self, device: Device, acks: list[_Ack], sequence: int, bundle_id: str, at: datetime
    ) -> tuple[str, bytes]:
        keys = PublicKeys(device.age_recipient, bytes(device.sign_public))
        if keys.fingerprint != device.fingerprint:
            raise DomainError("Die gespeicherten Schlüssel des Geräts passen nicht zusammen.")
        member = self._member(acks, at)
        name, data = write_bundle(
            BundleKind.RECEIPT,
            self._identity.agency_identity(),
            SenderInfo(Role.AGENCY, self._own_device),
            [keys],
            sequence,
            {member_name(ACKS): member},
            at,
            bundle_id=bundle_id,
            for_device=device.device_id,
        )
        if not data.startswith(AGE_MAGIC) or len(data) <= len(member):
            raise RuntimeError("the encrypted receipt is not an age file")
        return name, data

    def _member(self, acks: list[_Ack], at: datetime) -> bytes:
        """records/acknowledgements.json, verified: the exchange's own check reads it back and
        it names exactly the records and states meant."""
        records = [to_record(ACKS, _acknowledgement(a, self._own_device, at)) for a in acks]
        data = dump_member(ACKS, records)
        named = [_named(r["fields"]) for r in parse_member(ACKS, data)]
        meant = [
            (a.entry.kind, a.entry.id, a.entry.revision, a.entry.content_hash, a.state.value)
            for a in acks
        ]
        if named != meant:
            raise RuntimeError("the receipt's member does not say what was meant")
        return data

    def _log_failure(self, device: Device, at: datetime, error: BaseException) -> None:
        why = (
            str(error)
            if isinstance(error, UserError)
            else f"Programmfehler ({type(error).__name__})"
        )
        detail = f"Quittung für Gerät {device.device_id[:MIN_PREFIX]} nicht geschrieben: {why}"
        try:
            with self._db.transaction():
                self._sync.append(SyncEntry(at, "receipt", "failed", None, {}, detail[:300]))
        except UserError:
            log.warning("receipt failure not logged (%s)", type(error).__name__)


def _acknowledgement(ack: _Ack, office_device: str, at: datetime) -> Acknowledgement:
    entry = ack.entry
    return Acknowledgement(
        id=new_id(),
        revision=1,
        origin_device=office_device,
        created_at=at,
        updated_at=at,
        record_kind=entry.kind,
        record_id=entry.id,
        record_revision=entry.revision,
        content_hash=entry.content_hash,
        state=ack.state,
        reason=entry.rejected_reason if ack.state is AckState.REJECTED else "",
    )


def _named(fields: dict[str, object]) -> tuple[object, ...]:
    return tuple(
        fields[k] for k in ("record_kind", "record_id", "revision", "content_hash", "state")
    )


def _same_file(data: bytes) -> Callable[[Path], None]:
    """The check of the written file before it takes its name: the bytes meant, an age file."""
    digest = hashlib.sha256(data).digest()

    def verify(path: Path) -> None:
        written = path.read_bytes()
        if (
            len(written) != len(data)
            or not written.startswith(AGE_MAGIC)
            or hashlib.sha256(written).digest() != digest
        ):
            raise DomainError("Die Quittung wurde nicht fehlerfrei geschrieben; bitte erneut.")

    return verify
