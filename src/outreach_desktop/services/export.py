"""Export (*Übergabe ans Büro*): the laptop writes what waits to go into one bundle for the agency
it joined, on a medium the caseworker chose; and tells the GUI what waits and since when.

What goes: services/export_selection.py and storage/outbox_repo.py (docs/exchange-format.md,
"What goes, and when"). The order of one export, and what a crash or a cancel leaves:

1. choose and serialize the records (progress; cancel: nothing written), seal the bundle in
   memory with the next sequence number (read, not yet taken);
2. write it under a temporary name in the chosen folder, fsync (cancel or failure: the
   temporary file is removed; a crash leaves it, see 6);
3. read it back from the medium, open it with the device's own key, compare the file and every
   member byte for byte (cancel or mismatch: removed);
4. one transaction: take the sequence number (it must be the one sealed in), mark the records
   exported, write the sync log entry; a failure rolls all of it back and removes the file.
   A cancel is honoured up to here, never after;
5. rename to the final name (`OD-<device>-<sequence>.age`), fsync the folder. If that fails,
   the bookkeeping of step 4 is put back (the sequence stays taken: a gap the office accepts)
   with a "failed" sync log entry, and the temporary file is removed;
6. a crash between 4 and 5 leaves a verified file under its temporary name and the bookkeeping:
   the next export into that folder renames it (after reading it back again); a temporary
   file of an export never committed is removed then.

So the folder never holds a file under a bundle's name that the vault does not count as sent,
and the vault never counts as sent what is not in a verified file.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from outreach_desktop.domain.errors import DomainError
from outreach_desktop.exchange.bundle import MB, SenderInfo, open_bundle, write_bundle
from outreach_desktop.exchange.errors import BundleRefused
from outreach_desktop.exchange.keys import Identity, PublicKeys
from outreach_desktop.exchange.manifest import BundleKind, Role
from outreach_desktop.exchange.record_kinds import RecordKind
from outreach_desktop.services.export_file import (
    BundleFile,
    ExportFailed,
    TargetFull,
    check_folder,
    leftovers,
)
from outreach_desktop.services.export_selection import (
    Cancelled,
    ExportCancelled,
    Members,
    Progress,
    Repositories,
    select,
    serialize,
)
from outreach_desktop.services.identity import IdentityService
from outreach_desktop.services.sync_log import kind_title
from outreach_desktop.storage.appointment_repo import AppointmentRepository
from outreach_desktop.storage.bundle_repo import BundleRepository
from outreach_desktop.storage.consent_repo import ConsentRepository
from outreach_desktop.storage.database import Database
from outreach_desktop.storage.exchange_repo import Exported, ExportTracking, SentRecord
from outreach_desktop.storage.outbox_repo import KindCount, Outbox, Waiting
from outreach_desktop.storage.people_repos import (
    ClientRepository,
    StaffRepository,
    ThirdPartyRepository,
)
from outreach_desktop.storage.protocol_repo import AnonymousRepository, ProtocolRepository
from outreach_desktop.storage.sync_log import SyncEntry, SyncLog

log = logging.getLogger(__name__)

__all__ = [
    "ExportCancelled",
    "ExportFailed",
    "ExportResult",
    "ExportService",
    "Pending",
    "TargetFull",
    "WaitingKind",
    "kind_title",
]

NOT_JOINED = (
    "Dieser Laptop ist noch keiner Dienststelle beigetreten: bitte zuerst die Einrichtungsdatei "
    "der Dienststelle übernehmen (Einstellungen → Dienststelle oder „agency join“)."
)
OFFICE = "Das ist der Bürotresor der Dienststelle; Übergaben ans Büro schreiben die Laptops."
NOT_VERIFIED = (
    "Die geschriebene Übergabedatei ließ sich nicht fehlerfrei zurücklesen (Datenträger "
    "defekt?). Es wurde nichts übergeben; bitte einen anderen Datenträger versuchen."
)
SEQUENCE_TAKEN = (
    "Während dieser Übergabe wurde eine andere geschrieben. Es wurde nichts übergeben; "
    "bitte erneut versuchen."
)
NOT_FINISHED = (
    "Die Übergabedatei ließ sich nicht fertigstellen (Datenträger entfernt?). Es wurde nichts "
    "übergeben; die Einträge bleiben vorgemerkt."
)


@dataclass(frozen=True)
class ExportResult:
    """`path` None: nothing waited to go (no file, no sync log entry)."""

    path: Path | None
    counts: dict[str, int]  # records per kind, and "forms"
    bundle_id: str | None
    sequence: int | None
    left: int = 0  # records that wait for the next export (the agency's size limit)
    finished: tuple[Path, ...] = ()  # earlier exports a crash had left unfinished, now done

    @property
    def empty(self) -> bool:
        return self.path is None


@dataclass(frozen=True)
class WaitingKind:
    kind: RecordKind
    count: int
    since: datetime  # UTC: the oldest change (pending) or export (awaiting a receipt)


@dataclass(frozen=True)
class Pending:
    """What Heute and *Übergabe* show; records counted on their own account (what they refer
    to goes with them and is not counted)."""

    joined: bool
    waiting: tuple[WaitingKind, ...]
    awaiting_receipt: tuple[WaitingKind, ...]
    rejected: int

    @property
    def waiting_total(self) -> int:
        return sum(w.count for w in self.waiting)

    @property
    def waiting_since(self) -> datetime | None:
        return min((w.since for w in self.waiting), default=None)


@dataclass(frozen=True)
class _Sealed:
    file: BundleFile
    data: bytes
    members: Members
    sequence: int
    left: int


def _kinds(counts: list[KindCount]) -> tuple[WaitingKind, ...]:
    return tuple(WaitingKind(RecordKind(c.kind), c.count, c.oldest) for c in counts)


class ExportService:
    def __init__(self, db: Database, device_id: str, identity: IdentityService) -> None:
        self._db, self._device_id, self._identity = db, device_id, identity
        self._repos: Repositories = {
            "clients": ClientRepository(db, device_id),
            "staff": StaffRepository(db, device_id),
            "third_parties": ThirdPartyRepository(db, device_id),
            "appointments": AppointmentRepository(db, device_id),
            "protocols": ProtocolRepository(db, device_id),
            "consents": ConsentRepository(db, device_id),
            "anonymous_counselling": AnonymousRepository(db, device_id),
        }
        self._outbox = Outbox(db)
        self._tracking = ExportTracking(db)
        self._bundles = BundleRepository(db)
        self._sync = SyncLog(db)

    # ---- what waits ------------------------------------------------------------------------
    def joined(self) -> bool:
        """A field laptop that joined an agency: only then does anything wait to go (a cheap
        check; Heute counts what waits only then)."""
        return self._identity.role() == "field" and self._identity.agency_keys() is not None

    def pending(self) -> Pending:
        """Per kind what waits to go and since when, what waits for a receipt, what the office
        rejected. Cheap: one aggregate query per kind."""
        if self._identity.role() != "field":
            return Pending(False, (), (), 0)
        return Pending(
            joined=self._identity.agency_keys() is not None,
            waiting=_kinds(self._outbox.summary()),
            awaiting_receipt=self.awaiting_receipt(),
            rejected=self._outbox.rejected_count(),
        )

    def awaiting_receipt(self) -> tuple[WaitingKind, ...]:
        return _kinds(self._outbox.awaiting_receipt())

    # ---- the export ------------------------------------------------------------------------
    def export(
        self,
        folder: Path,
        now: datetime,
        since: date | None = None,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> ExportResult:
        """Write what waits to go (records of `since` or later: see the format document) into
        one bundle in `folder`; the order and what a failure leaves: this module's docstring."""
        device, agency, limit = self._sender()
        folder, now = Path(folder), now.astimezone(UTC).replace(microsecond=0)
        check_folder(folder)
        finished = self._finish_leftovers(folder, device, limit)
        waiting = self._outbox.waiting(since)
        if not waiting:
            return ExportResult(None, {}, None, None, finished=finished)
        sealed = self._seal(waiting, folder, device, agency, limit, now, progress, cancelled)
        _check(cancelled)
        sealed.file.write(sealed.data)
        try:
            _check(cancelled)
            self._verify(sealed, device, agency, limit)
            _check(cancelled)
            before = self._commit(sealed, now)
        except BaseException:
            sealed.file.discard()
            raise
        self._finish(sealed, before, now)
        m = sealed.members
        return ExportResult(sealed.file.final, m.counts, sealed.file.bundle_id, sealed.sequence,
                            sealed.left, finished)  # fmt: skip

    def _sender(self) -> tuple[Identity, PublicKeys, int]:
        if self._identity.role() != "field":
            raise DomainError(OFFICE)
        agency, joined = self._identity.agency_keys(), self._identity.joined()
        if agency is None or joined is None:
            raise DomainError(NOT_JOINED)
        return self._identity.device(), agency, joined.rules.bundle_limit_mb * MB

    def _seal(
        self,
        waiting: list[Waiting],
        folder: Path,
        device: Identity,
        agency: PublicKeys,
        limit: int,
        now: datetime,
        progress: Progress | None,
        cancelled: Cancelled | None,
    ) -> _Sealed:
        """The bundle in memory; over the agency's size limit, only the older half of what
        waits (and again), the rest left for the next export."""
        refs = [(w.kind, w.id) for w in sorted(waiting, key=lambda w: w.updated_at)]
        info, recipients = SenderInfo(Role.FIELD, self._device_id), [agency, device.public]
        take = len(refs)
        while True:
            members = serialize(select(self._repos, refs[:take]), progress, cancelled)
            sequence, bundle_id = self._bundles.next_sequence("export"), str(uuid.uuid4())
            name, data = write_bundle(BundleKind.EXPORT, device, info, recipients, sequence,
                                      members.files, now, bundle_id=bundle_id)  # fmt: skip
            if len(data) <= limit:
                file = BundleFile(folder, name, bundle_id)
                return _Sealed(file, data, members, sequence, len(refs) - take)
            if take == 1:
                raise ExportFailed(
                    f"Ein einzelner Eintrag ist größer als die {limit // MB} MB, die die "
                    "Dienststelle für eine Übergabe annimmt. Es wurde nichts übergeben."
                )
            take //= 2

    def _verify(self, sealed: _Sealed, device: Identity, agency: PublicKeys, limit: int) -> None:
        """Read the file back from the medium and open it as the office would, with this
        device's key: the same bytes, the same bundle, every member as written."""
        data = sealed.file.read_back(limit)
        try:
            opened = open_bundle(
                data, device, {self._device_id: device.public}, limit, kind=BundleKind.EXPORT
            )
        except BundleRefused:
            raise ExportFailed(NOT_VERIFIED) from None
        same = (
            data == sealed.data
            and opened.sender_known
            and opened.bundle_id == sealed.file.bundle_id
            and opened.sequence == sealed.sequence
            and agency.fingerprint in opened.manifest.recipients
            and dict(opened.members) == sealed.members.files
        )
        if not same:
            raise ExportFailed(NOT_VERIFIED)

    def _commit(self, sealed: _Sealed, now: datetime) -> list[tuple[SentRecord, Exported | None]]:
        """The sequence, the records as exported and the sync log entry: all or nothing."""
        m, bundle_id = sealed.members, sealed.file.bundle_id
        detail = f"{sealed.file.name}: {m.records} Einträge, {m.counts.get('forms', 0)} Formulare"
        with self._db.transaction():
            if self._bundles.claim_sequence("export") != sealed.sequence:
                raise ExportFailed(SEQUENCE_TAKEN)
            before = self._outbox.previous(m.sent)
            self._tracking.mark_exported(m.sent, bundle_id, now)
            self._sync.append(SyncEntry(now, "export", "ok", bundle_id, m.counts, detail))
        return before

    def _finish(
        self, sealed: _Sealed, before: list[tuple[SentRecord, Exported | None]], now: datetime
    ) -> None:
        """The final name; if the medium refuses it, the bookkeeping is put back (and if even
        that fails, the file stays under its temporary name for the next export to finish)."""
        try:
            sealed.file.finish()
        except ExportFailed:
            bundle_id = sealed.file.bundle_id
            detail = f"{sealed.file.name} nicht fertiggestellt; die Einträge bleiben vorgemerkt"
            with self._db.transaction():
                self._outbox.put_back(before, bundle_id)
                self._sync.append(SyncEntry(now, "export", "failed", bundle_id, detail=detail))
            sealed.file.discard()
            raise ExportFailed(NOT_FINISHED) from None

    def _finish_leftovers(self, folder: Path, device: Identity, limit: int) -> tuple[Path, ...]:
        """Step 6: temporary files of earlier exports in `folder`."""
        files = leftovers(folder, self._device_id)
        if not files:
            return ()
        results = {
            e.bundle_id: e.result for e in reversed(self._sync.entries()) if e.action == "export"
        }
        done: list[Path] = []
        for file in files:
            if results.get(file.bundle_id) != "ok":
                file.discard()  # never committed (or put back): it never counted as sent
            elif not file.final.exists() and self._readable(file, device, limit):
                try:
                    file.finish()
                except ExportFailed:
                    log.warning("export: unfinished bundle %s still not renamed", file.bundle_id)
                    continue
                done.append(file.final)
        return tuple(done)

    def _readable(self, file: BundleFile, device: Identity, limit: int) -> bool:
        try:
            data = file.read_back(limit)
            opened = open_bundle(data, device, {self._device_id: device.public}, limit,
                                 kind=BundleKind.EXPORT)  # fmt: skip
        except (ExportFailed, BundleRefused):
            log.warning("export: unfinished bundle %s does not read back", file.bundle_id)
            return False
        return opened.bundle_id == file.bundle_id


def _check(cancelled: Cancelled | None) -> None:
    if cancelled is not None and cancelled():
        raise ExportCancelled()
