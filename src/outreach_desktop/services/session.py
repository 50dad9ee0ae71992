"""An unlocked vault and the services on it. The GUI and the CLI hold one of these."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from outreach_desktop.domain.documents import Letterhead
from outreach_desktop.domain.passphrase import check_new_passphrase, normalize_passphrase
from outreach_desktop.domain.people import Staff
from outreach_desktop.exchange.setup_file import SignedSetup
from outreach_desktop.services.agency import letterhead, site_rules
from outreach_desktop.services.appointments import AppointmentService
from outreach_desktop.services.conflicts import ConflictService
from outreach_desktop.services.consents import ConsentService
from outreach_desktop.services.export import ExportService
from outreach_desktop.services.history import HistoryService
from outreach_desktop.services.identity import IdentityService
from outreach_desktop.services.inbox import inbox_service
from outreach_desktop.services.outcomes import OutcomeService
from outreach_desktop.services.people import ClientService, StaffService, ThirdPartyService
from outreach_desktop.services.protocols import ProtocolService
from outreach_desktop.services.purge import PurgeResult, PurgeService
from outreach_desktop.services.receipts import ReceiptService
from outreach_desktop.services.saved_pdfs import SavedPdfService
from outreach_desktop.services.settings import load_settings
from outreach_desktop.services.statistics import StatisticsService
from outreach_desktop.services.sync_log import SyncLogService
from outreach_desktop.services.talks import TalkService
from outreach_desktop.services.templates import TemplateService
from outreach_desktop.services.workflow import WorkflowService
from outreach_desktop.storage.appointment_repo import AppointmentRepository
from outreach_desktop.storage.consent_repo import ConsentRepository, StoredConsentLookup
from outreach_desktop.storage.exchange_repo import AgencyRepository
from outreach_desktop.storage.history_repo import HistoryRepository
from outreach_desktop.storage.identity_repo import IdentityRepository
from outreach_desktop.storage.kdf import KdfParams
from outreach_desktop.storage.keyslots import parse_recipient
from outreach_desktop.storage.people_repos import (
    ClientRepository,
    StaffRepository,
    ThirdPartyRepository,
)
from outreach_desktop.storage.protocol_repo import (
    AnonymousRepository,
    ProtocolRepository,
    SearchIndex,
    TemplateRepository,
)
from outreach_desktop.storage.saved_pdf_repo import SavedPdfRepository
from outreach_desktop.storage.secure_memory import release_freed_memory as release_freed_memory
from outreach_desktop.storage.secure_memory import wipe_freed_memory as wipe_freed_memory
from outreach_desktop.storage.statistics_repo import StatisticsRepository
from outreach_desktop.storage.sync_log import DeletionLog, SyncLog
from outreach_desktop.storage.talk_repo import TalkRepository
from outreach_desktop.storage.vault import Vault
from outreach_desktop.storage.workflow_repo import WorkflowRepository


@dataclass(frozen=True)
class SlotInfo:
    kind: str  # "passphrase" | "recovery"
    detail: str


@dataclass(frozen=True)
class VaultInfo:
    """What `vault info` shows: structure and counts, never personal data."""

    path: Path
    vault_id: str
    device_id: str
    role: str  # "field" (a laptop) or "office" (the office station)
    device_fingerprint: str
    agency: str  # the joined agency's (or, at the office, its own) name and fingerprint; or ""
    schema_version: int
    counts: dict[str, int]
    slots: list[SlotInfo]
    files: dict[str, int]


class Session:
    """The services of one unlocked vault. Callers (GUI, CLI, demo data) reach the stored
    records only through these services; the vault and its repositories stay inside."""

    def __init__(self, vault: Vault) -> None:
        self._vault = vault
        db, device = vault.db, vault.device_id
        clients = ClientRepository(db, device)
        staff = StaffRepository(db, device)
        third_parties = ThirdPartyRepository(db, device)
        appointment_repo = AppointmentRepository(db, device)
        workflow_repo = WorkflowRepository(db, device)
        self.clients = ClientService(clients)
        self.staff = StaffService(staff)
        self.third_parties = ThirdPartyService(third_parties)
        self.appointments = AppointmentService(appointment_repo, clients, third_parties, staff)
        self.consents = ConsentService(ConsentRepository(db, device), appointment_repo)
        self.talks = TalkService(
            TalkRepository(db, device), ConsentRepository(db, device), appointment_repo
        )
        self.protocols = ProtocolService(
            ProtocolRepository(db, device),
            AnonymousRepository(db, device),
            appointment_repo,
            ConsentRepository(db, device),
            SearchIndex(db),
            clients,
            workflow_repo,
        )
        self.saved_pdfs = SavedPdfService(
            SavedPdfRepository(db, device), self.appointments, self.protocols
        )
        self._start_exchange(vault)
        self.workflow = WorkflowService(
            appointment_repo,
            clients,
            staff,
            workflow_repo,
            StoredConsentLookup(db, device),
            timeline_settings=self.rules.timeline,
        )
        self.outcomes = OutcomeService(self.workflow, appointment_repo, workflow_repo)
        self.statistics = StatisticsService(
            StatisticsRepository(db),
            role=self.identity.role,
            letterhead=self._letterhead,
            timeline=lambda: self.workflow.timeline_settings,
        )
        self.history = HistoryService(
            clients, appointment_repo, ProtocolRepository(db, device),
            HistoryRepository(db, device), self.workflow,
        )  # fmt: skip
        self._templates = TemplateRepository(db, device)
        if not vault.is_locked and not vault.read_only and self.site_setup_problem == "":
            self._follow_agency()

    def _start_exchange(self, vault: Vault) -> None:
        """The device identity, the agency's rules, receipts and purge, export and import."""
        db, device = vault.db, vault.device_id
        self.identity = IdentityService(IdentityRepository(db), AgencyRepository(db), SyncLog(db))
        self.site_setup_problem = ""  # IT's setup file could not be used (shown in Settings)
        self.purging = PurgeService(vault)
        self.purged_at_unlock: PurgeResult | None = None
        self.receipts = ReceiptService(db, device, self.identity, self.purging)
        self.sync_log = SyncLogService(SyncLog(db), DeletionLog(db))
        if not vault.is_locked and not vault.read_only:  # read-only: nothing is written
            self.identity.ensure_device_identity()
            self.site_setup_problem = self.identity.join_from_site()
            # one query when nothing is due; what went is kept to be told
            self.purged_at_unlock = self.purging.at_unlock()
        self.rules = self.identity.rules(site_rules())  # the agency's, never the caseworker's
        self.outbox = ExportService(db, device, self.identity)
        # the office station's import and Posteingang (refused on a laptop's vault)
        self.inbox = inbox_service(db, device, self.identity, self.transaction, self.meta)
        self.conflicts = ConflictService(self, db, device, self.transaction)  # for a person

    def join_agency(self, data: bytes) -> SignedSetup:
        """Join the agency of this setup file (or take its newer rules); they apply at once."""
        signed = self.identity.join(data)
        self._follow_agency()
        return signed

    def _follow_agency(self) -> None:
        """The joined agency's rules apply, and its recovery key guards the vault's data key."""
        self.rules = self.identity.rules(site_rules())
        self.workflow.timeline_settings = self.rules.timeline
        joined = self.identity.joined()
        slots = self._vault.slots
        current = slots.recovery.recipient if slots.recovery else ""
        if joined is not None and joined.recovery_recipient not in ("", current):
            self.set_recovery_recipient(joined.recovery_recipient)

    def _letterhead(self) -> Letterhead:
        joined = self.identity.joined_setup()
        return letterhead(load_settings(), joined.setup if joined is not None else None)

    def templates(self) -> TemplateService:
        """Text templates: the agency's (read afresh, so a new site file counts) and the
        caseworker's own."""
        return TemplateService(self._templates, self.clients, self.staff)

    def purge(self, now: datetime | None = None) -> PurgeResult:
        """Purge what the office acknowledged once the agency's retention period has passed
        (a laptop; also done at unlock and after a receipt)."""
        return self.purging.run(now)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Several service calls as one change: all are kept, or none (one commit)."""
        with self._vault.db.transaction():
            yield

    def meta(self, key: str) -> str | None:
        """A vault-wide setting kept inside the vault (no personal data)."""
        return self._vault.meta().get(key)

    def set_meta(self, key: str, value: str) -> None:
        self._vault.set_meta(key, value)

    def passphrase_kdf(self) -> KdfParams:
        """The Argon2id parameters of the passphrase slot."""
        return self._vault.slots.passphrase.params

    @property
    def path(self) -> Path:
        return self._vault.path

    @property
    def is_locked(self) -> bool:
        return self._vault.is_locked

    @property
    def read_only(self) -> bool:
        """Opened for reading only (a full disk, a read-only medium); `notices` says why."""
        return self._vault.read_only

    @property
    def notices(self) -> list[str]:
        """German lines the user must see after unlocking (read-only, a damaged WAL)."""
        return list(self._vault.notices)

    def owner(self) -> Staff | None:
        return self.staff.owner()

    def lock(self) -> None:
        """Close the vault (the key is wiped), and let go of what the session read: SQLite's
        page cache is overwritten as it is freed, free heap pages go back to the system."""
        wipe_freed_memory()
        try:
            self._vault.lock()
        finally:
            release_freed_memory()

    def change_passphrase(
        self, current: str, new: str, repeated: str | None = None, kdf: KdfParams | None = None
    ) -> None:
        value = check_new_passphrase(new, repeated)
        self._vault.change_passphrase(normalize_passphrase(current), value, kdf)

    def set_recovery_recipient(self, recipient: str) -> None:
        """Add or replace the agency's recovery slot (an age X25519 recipient, "age1…")."""
        parse_recipient(recipient)
        self._vault.set_recovery_recipient(recipient.strip())

    def check(self) -> list[str]:
        return self._vault.check()

    def schema_version(self) -> int:
        return self._vault.schema_version()

    def info(self) -> VaultInfo:
        slots = self._vault.slots
        p = slots.passphrase.params
        slot_list = [
            SlotInfo(
                "passphrase",
                f"Argon2id m={p.memory_kib // 1024} MiB, t={p.time_cost}, p={p.parallelism};"
                " AES-256-GCM",
            )
        ]
        if slots.recovery:
            slot_list.append(SlotInfo("recovery", f"age X25519 → {slots.recovery.recipient}"))
        elif slots.recovery_damaged:
            slot_list.append(SlotInfo("recovery", "beschädigt – bitte neu hinterlegen lassen"))
        meta = self._vault.meta()
        return VaultInfo(
            path=self._vault.path,
            vault_id=slots.vault_id,
            device_id=meta.get("device_id", ""),
            role=self.identity.role(),
            device_fingerprint=self.identity.device_fingerprint(),
            agency=self._agency_line(),
            schema_version=self._vault.schema_version(),
            counts={
                "clients": self.clients.count(),
                "staff": self.staff.count(),
                "third_parties": self.third_parties.count(),
                "appointments": self.appointments.count(),
            },
            slots=slot_list,
            files=self._vault.file_sizes(),
        )

    def _agency_line(self) -> str:
        joined = self.identity.joined()
        if joined is not None:
            return f"{joined.name} ({joined.fingerprint})"
        if self.identity.role() == "office":
            return f"diese Dienststelle ({self.identity.agency_identity().fingerprint})"
        return ""
