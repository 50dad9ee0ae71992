"""The office's *Posteingang* (issue 10, item 5): the records imported from the laptops and what a
person has done with them — entered into VerBIS, noted in the e-Akte, the benefits department
informed (`domain/transfer.py` says which marks a record needs), or rejected with a reason.

Listed by caseworker (the laptop the records came from, named after the colleague most of its
records name) and client. Marks and rejections belong to the revision the inbox holds; a newer
revision from the laptop waits for its own.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from outreach_desktop.domain.errors import DomainError
from outreach_desktop.domain.people import Staff
from outreach_desktop.domain.records import Record
from outreach_desktop.domain.transfer import MARK_LABELS, Mark, is_transferred, marks_that_apply
from outreach_desktop.services.identity import IdentityService
from outreach_desktop.services.import_merge import Merger
from outreach_desktop.services.inbox_titles import caseworker_of, client_name, client_of, title_of
from outreach_desktop.services.office_import import ImportResult, OfficeImport
from outreach_desktop.storage.appointment_repo import AppointmentRepository
from outreach_desktop.storage.bundle_repo import BundleRepository
from outreach_desktop.storage.conflict_repo import ConflictRepository
from outreach_desktop.storage.consent_repo import ConsentRepository
from outreach_desktop.storage.database import Database
from outreach_desktop.storage.exchange_repo import RECORD_KINDS, RecordKind
from outreach_desktop.storage.inbox_repo import (
    DeviceRepository,
    InboxEntry,
    InboxRepository,
    Stamp,
)
from outreach_desktop.storage.people_repos import (
    ClientRepository,
    StaffRepository,
    ThirdPartyRepository,
)
from outreach_desktop.storage.protocol_repo import AnonymousRepository, ProtocolRepository
from outreach_desktop.storage.record_repo import RecordRepository
from outreach_desktop.storage.sync_log import SyncLog

__all__ = [
    "RECORD_KINDS",
    "ImportResult",
    "InboxGroup",
    "InboxItem",
    "InboxService",
    "Stamp",
    "inbox_service",
]

MAX_REASON = 2000  # as a receipt carries it


@dataclass(frozen=True)
class InboxItem:
    kind: RecordKind
    id: str
    revision: int
    device_id: str
    imported_at: datetime
    title: str  # what it is, without names ("Gedächtnisprotokoll Hausbesuch, 20.11.2026")
    applies: tuple[Mark, ...]  # the marks it needs, in order
    marks: Mapping[Mark, Stamp] = field(default_factory=dict)
    rejected: Stamp | None = None
    rejected_reason: str = ""
    receipted_revision: int | None = None

    @property
    def transferred(self) -> bool:
        """*übernommen*: every mark that applies is set."""
        return is_transferred(self.applies, frozenset(self.marks))

    @property
    def missing(self) -> tuple[Mark, ...]:
        return tuple(m for m in self.applies if m not in self.marks)

    @property
    def waiting(self) -> bool:
        """Still awaits a person: neither übernommen nor rejected."""
        return not self.transferred and self.rejected is None


@dataclass(frozen=True)
class InboxGroup:
    device_id: str
    caseworker: str  # the colleague the laptop's records name most, or the device's short id
    client_id: str | None
    client: str  # the client's name; "" for records of no client (anonymous, staff, …)
    items: tuple[InboxItem, ...]


class InboxService:
    def __init__(
        self,
        importer: OfficeImport,
        inbox: InboxRepository,
        repos: Mapping[str, RecordRepository[Any]],
        transaction: Callable[[], AbstractContextManager[object]],
    ) -> None:
        self._inbox, self._repos, self._transaction = inbox, repos, transaction
        self.import_files = importer.import_files  # see OfficeImport.import_files

    # ---- what awaits entry -----------------------------------------------------------------
    def entries(
        self, device_id: str | None = None, *, everything: bool = False
    ) -> list[InboxGroup]:
        """Records awaiting a person (with `everything`: all the inbox holds), by caseworker
        and client."""
        entries = self._inbox.entries(device_id)
        records: dict[tuple[str, str], Record | None] = {
            (e.kind, e.id): self._record(e.kind, e.id) for e in entries
        }
        items = [self._item(e, records[(e.kind, e.id)]) for e in entries]
        caseworkers = self._caseworkers(items, records)
        groups: dict[tuple[str, str | None], list[InboxItem]] = {}
        for item in items:
            if everything or item.waiting:
                client = client_of(records[(item.kind, item.id)], self._record)
                groups.setdefault((item.device_id, client), []).append(item)
        found = [
            InboxGroup(device, caseworkers[device], client, self._client_name(client), tuple(ms))
            for (device, client), ms in groups.items()
        ]
        return sorted(found, key=_group_order)

    def items(self, record_id: str) -> list[InboxItem]:
        """Every inbox entry with this id (one, unless two kinds share it)."""
        return [
            self._item(e, self._record(e.kind, e.id))
            for e in self._inbox.entries()
            if e.id == record_id
        ]

    def item(self, kind: RecordKind, record_id: str) -> InboxItem:
        entry = self._inbox.get(kind, record_id)
        if entry is None:
            raise DomainError(f"Im Posteingang gibt es keinen Eintrag {record_id}.")
        return self._item(entry, self._record(kind, record_id))

    # ---- what a person does ----------------------------------------------------------------
    def mark(self, kind: RecordKind, record_id: str, mark: Mark, by: str, now: datetime) -> bool:
        """Set a mark for the revision the inbox holds; False when it is set already."""
        with self._transaction():
            item = self.item(kind, record_id)
            if mark not in item.applies:
                wanted = ", ".join(MARK_LABELS[m] for m in item.applies) or "keine"
                raise DomainError(
                    f"„{MARK_LABELS[mark]}“ ist für diesen Eintrag nicht vorgesehen "
                    f"(vorgesehen: {wanted})."
                )
            if item.rejected is not None:
                raise DomainError("Der Eintrag ist abgelehnt; er wird nicht mehr markiert.")
            return self._inbox.mark(kind, record_id, mark, _who(by), now)

    def reject(self, kind: RecordKind, record_id: str, reason: str, by: str, now: datetime) -> bool:
        """Reject the revision the inbox holds (the receipt tells the laptop why); False when
        it is rejected already."""
        reason = reason.strip()
        if not reason:
            raise DomainError("Bitte einen Grund für die Ablehnung angeben.")
        if len(reason) > MAX_REASON:
            raise DomainError(f"Der Grund ist zu lang (höchstens {MAX_REASON} Zeichen).")
        with self._transaction():
            item = self.item(kind, record_id)
            if item.applies and item.transferred:
                raise DomainError("Der Eintrag ist bereits übernommen; er wird nicht abgelehnt.")
            return self._inbox.reject(kind, record_id, reason, _who(by), now)

    # ---- helpers ---------------------------------------------------------------------------
    def _record(self, kind: str, record_id: str) -> Record | None:
        return self._repos[kind].find(record_id)

    def _item(self, entry: InboxEntry, record: Record | None) -> InboxItem:
        return InboxItem(
            kind=entry.kind,
            id=entry.id,
            revision=entry.revision,
            device_id=entry.device_id,
            imported_at=entry.imported_at,
            title=title_of(entry.kind, record),
            applies=marks_that_apply(record) if record is not None else (),
            marks=dict(entry.marks),
            rejected=entry.rejected,
            rejected_reason=entry.rejected_reason,
            receipted_revision=entry.receipted_revision,
        )

    def _caseworkers(
        self, items: list[InboxItem], records: Mapping[tuple[str, str], Record | None]
    ) -> dict[str, str]:
        named: dict[str, Counter[str]] = {}
        for item in items:
            tally = named.setdefault(item.device_id, Counter())
            staff_id = caseworker_of(records[(item.kind, item.id)])
            if staff_id is not None:
                tally[staff_id] += 1
        return {device: self._staff_name(device, tally) for device, tally in named.items()}

    def _staff_name(self, device_id: str, tally: Counter[str]) -> str:
        for staff_id, _count in tally.most_common():
            staff = self._record("staff", staff_id)
            if isinstance(staff, Staff):
                return staff.name
        return f"Gerät {device_id[:8]}"

    def _client_name(self, client_id: str | None) -> str:
        """The client's name with the customer number the office looks them up by in VerBIS
        (it also tells two clients of the same name apart)."""
        return client_name(self._record("clients", client_id) if client_id else None)


def _group_order(group: InboxGroup) -> tuple[str, str, bool, str]:
    """By caseworker, then client; records of no client last."""
    return (group.caseworker, group.device_id, group.client_id is None, group.client)


def _who(by: str) -> str:
    who = by.strip()
    if not who:
        raise DomainError("Bitte angeben, wer markiert.")
    return who


def record_repositories(db: Database, device_id: str) -> dict[str, RecordRepository[Any]]:
    """A repository per record kind that travels, by kind."""
    kinds: dict[str, Callable[[Database, str], RecordRepository[Any]]] = {
        "clients": ClientRepository,
        "staff": StaffRepository,
        "third_parties": ThirdPartyRepository,
        "appointments": AppointmentRepository,
        "protocols": ProtocolRepository,
        "consents": ConsentRepository,
        "anonymous_counselling": AnonymousRepository,
    }
    return {kind: make(db, device_id) for kind, make in kinds.items()}


def inbox_service(
    db: Database,
    device_id: str,
    identity: IdentityService,
    transaction: Callable[[], AbstractContextManager[object]],
    meta: Callable[[str], str | None],
) -> InboxService:
    """The inbox and the import of a session's vault (the session holds one)."""
    repos = record_repositories(db, device_id)
    inbox = InboxRepository(db)
    merger = Merger(repos, inbox, ConflictRepository(db))
    importer = OfficeImport(
        identity, DeviceRepository(db), BundleRepository(db), SyncLog(db), merger, transaction,
        meta,
    )  # fmt: skip
    return InboxService(importer, inbox, repos, transaction)
