"""Records and exchange bookkeeping for tests of the exchange: one client's story on a laptop (a
home visit with a signed consent and a finalized protocol with an addendum), stand-in keys
(storage keeps them as opaque text and bytes), "sent and acknowledged" in one call; and a laptop
joined to a real office vault, with what an export and the office's import leave behind
(`hand_over`) and a person's marks (`enter`), until those services exist."""

from __future__ import annotations

import os
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from outreach_desktop.domain.agency import AgencyRules
from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.consents import Consent, ConsentKind, GivenHow
from outreach_desktop.domain.people import Client
from outreach_desktop.domain.protocols import Protocol
from outreach_desktop.domain.records import Record
from outreach_desktop.domain.transfer import marks_that_apply
from outreach_desktop.domain.vocabulary import AppointmentStatus, Approach
from outreach_desktop.exchange.records import from_record, to_record
from outreach_desktop.services.inbox import record_repositories
from outreach_desktop.services.session import Session
from outreach_desktop.services.vaults import create_office_vault
from outreach_desktop.storage.appointment_repo import AppointmentRepository
from outreach_desktop.storage.bundle_repo import BundleRepository, ImportedBundle
from outreach_desktop.storage.consent_repo import ConsentRepository
from outreach_desktop.storage.database import Database
from outreach_desktop.storage.exchange_repo import AckState, ExportTracking, SentRecord
from outreach_desktop.storage.identity_repo import Holder, Identity, IdentityRepository
from outreach_desktop.storage.inbox_repo import Device, DeviceRepository, InboxRepository
from outreach_desktop.storage.people_repos import (
    ClientRepository,
    StaffRepository,
    ThirdPartyRepository,
)
from outreach_desktop.storage.protocol_repo import AnonymousRepository, ProtocolRepository
from outreach_desktop.storage.record_repo import RecordRepository
from testkit import FAST_KDF, PASSPHRASE
from testkit.internals import repository, vault_of

DAY = date(2026, 11, 20)
MET = datetime.combine(DAY, time(10))
UTC_NOW = datetime(2026, 11, 28, 14, 0, tzinfo=UTC)


def db_of(session: Session) -> Database:
    return vault_of(session).db


def age_recipient() -> str:
    return "age1" + os.urandom(26).hex()[:58]


def fake_identity(holder: Holder = "device") -> Identity:
    return Identity(
        holder=holder,
        age_identity="AGE-SECRET-KEY-1" + os.urandom(29).hex().upper()[:58],
        age_recipient=age_recipient(),
        sign_private=os.urandom(32),
        sign_public=os.urandom(32),
        created_at=UTC_NOW,
    )


def fake_device(device_id: str = "dev-1", fingerprint: str = "K7QF-2M9X-P4RA-ZC6T-8WJN") -> Device:
    return Device(
        device_id=device_id,
        fingerprint=fingerprint,
        age_recipient=age_recipient(),
        sign_public=os.urandom(32),
        trusted_by="Birgit Sommer",
        trusted_at=UTC_NOW,
    )


def make_office(session: Session) -> Session:
    IdentityRepository(db_of(session)).set_role("office")
    return session


@dataclass
class Story:
    client: Client
    appointment: Appointment
    consent: Consent
    protocol: Protocol

    def sent(self) -> list[SentRecord]:
        """Every record of the story as it is stored now (staff are never purged)."""
        return [
            SentRecord("clients", self.client.id, self.client.revision, f"h-{self.client.id}"),
            SentRecord(
                "appointments",
                self.appointment.id,
                self.appointment.revision,
                f"h-{self.appointment.id}",
            ),
            SentRecord("consents", self.consent.id, self.consent.revision, f"h-{self.consent.id}"),
            SentRecord(
                "protocols", self.protocol.id, self.protocol.revision, f"h-{self.protocol.id}"
            ),
        ]


def client_story(session: Session, name: str, address: str, course: str, addendum: str) -> Story:
    """A past home visit: consent signed on screen (image and form kept), outcome done, a
    finalized protocol with one addendum."""
    owner = session.owner()
    assert owner is not None
    client = session.clients.save(Client(display_name=name, address=address))
    appointment = session.appointments.save(
        Appointment.plan(Approach.HOME_VISIT, MET, client_id=client.id, staff_ids=[owner.id])
    )
    consent = session.consents.prepare(
        ConsentKind.HOME_VISIT, MET - timedelta(days=20), appointment_id=appointment.id
    )
    consent = session.consents.sign(
        consent.id,
        GivenHow.SCREEN,
        MET - timedelta(days=20),
        signature_png=b"\x89PNG signature of " + name.encode(),
        signed_pdf=b"%PDF-1.7 form signed by " + name.encode(),
    )
    appointment.status = AppointmentStatus.DONE
    appointment = repository(session, AppointmentRepository).save(appointment, check=False)
    draft = session.protocols.begin(MET + timedelta(hours=2), appointment_id=appointment.id)
    draft.course = course
    draft.topics = "Briefkasten"
    session.protocols.save_draft(draft)
    session.protocols.finalize(draft.id, MET + timedelta(hours=3), owner.id)
    protocol = session.protocols.add_addendum(draft.id, addendum, MET + timedelta(days=1), owner.id)
    return Story(client, session.appointments.get(appointment.id), consent, protocol)


def send(
    db: Database, records: list[SentRecord], *, bundle: str = "bundle-1", at: datetime = UTC_NOW
) -> None:
    ExportTracking(db).mark_exported(records, bundle, at)


def acknowledge(
    db: Database,
    records: list[SentRecord],
    *,
    state: AckState = "entered",
    receipt: str = "receipt-1",
    at: datetime = UTC_NOW,
) -> None:
    tracking = ExportTracking(db)
    for record in records:
        assert tracking.acknowledge(record, state, "", receipt, at) == "acknowledged"


def send_and_acknowledge(db: Database, records: list[SentRecord], at: datetime = UTC_NOW) -> None:
    send(db, records, at=at)
    acknowledge(db, records, at=at)


# ---- a laptop and its office, real keys: what an export and the office's import leave ---------
Handed = list[tuple[str, Record]]  # (record kind, the record as the laptop stores it)
OFFICE_REPOSITORIES: dict[str, Callable[[Database, str], RecordRepository[Any]]] = {
    "staff": StaffRepository,
    "clients": ClientRepository,
    "third_parties": ThirdPartyRepository,
    "appointments": AppointmentRepository,
    "consents": ConsentRepository,
    "protocols": ProtocolRepository,
    "anonymous_counselling": AnonymousRepository,
}


def office_for(laptop: Session, folder: Path, retention_days: int = 0) -> Session:
    """An office vault (the agency's keys), and `laptop` joined to it with its setup file."""
    office, signed = create_office_vault(
        folder, PASSPHRASE, agency_name="Jobcenter Prüfstadt",
        rules=AgencyRules(retention_days=retention_days), kdf=FAST_KDF, now=UTC_NOW,
    )  # fmt: skip
    laptop.identity.join(signed.data, UTC_NOW)
    return office


def story_records(laptop: Session, story: Story) -> Handed:
    """The story's records as stored now, in the order the office can store them."""
    owner = laptop.owner()
    assert owner is not None
    return [
        ("staff", owner),
        ("clients", laptop.clients.get(story.client.id)),
        ("appointments", laptop.appointments.get(story.appointment.id)),
        ("consents", laptop.consents.get(story.consent.id)),
        ("protocols", laptop.protocols.get(story.protocol.id)),
    ]


def everything_final(laptop: Session) -> Handed:
    """What a laptop has for the office, roughly as an export takes it: its people, appointments,
    finalized protocols, consents given, refused or revoked, anonymous counselling."""
    final = {"signed", "refused", "revoked"}
    return [
        *(("staff", s) for s in laptop.staff.all()),
        *(("third_parties", t) for t in laptop.third_parties.all()),
        *(("clients", c) for c in laptop.clients.all()),
        *(("appointments", a) for a in laptop.appointments.search("", limit=-1)),
        *(("consents", c) for c in laptop.consents.all() if c.state.value in final),
        *(("protocols", p) for p in laptop.protocols.all() if p.is_final),
        *(("anonymous_counselling", a) for a in laptop.protocols.anonymous_counselling()),
    ]


def as_sent(kind: str, record: Record) -> SentRecord:
    """The record as a bundle names it: the real content hash of its fields."""
    return SentRecord(kind, record.id, record.revision, to_record(kind, record)["content_hash"])


def hand_over(
    laptop: Session, office: Session, records: Handed, *, sequence: int = 1, at: datetime = UTC_NOW
) -> list[SentRecord]:
    """Without the export and import services: the laptop's note of what it sent, and at the
    office its device trusted, the bundle taken, the records stored as received (through the
    exchange's JSON, as an import would) and put into the inbox."""
    bundle_id = str(uuid.uuid4())
    sent = [as_sent(kind, record) for kind, record in records]
    ExportTracking(db_of(laptop)).mark_exported(sent, bundle_id, at)
    device_id, keys = vault_of(laptop).device_id, laptop.identity.device().public
    db = db_of(office)
    DeviceRepository(db).trust(Device(device_id, keys.fingerprint, keys.age_recipient,
                                      keys.sign_public, "Birgit Sommer", at))  # fmt: skip
    counts = dict(Counter(kind for kind, _ in records))
    BundleRepository(db).record_import(
        ImportedBundle(bundle_id, "export", device_id, sequence, at, counts)
    )
    inbox = InboxRepository(db)
    for (kind, record), record_sent in zip(records, sent, strict=True):
        form = record.signed_pdf if isinstance(record, Consent) else None
        received = from_record(kind, to_record(kind, record), signed_form=form)
        repository(office, OFFICE_REPOSITORIES[kind]).store_received(received)
        inbox.put(record_sent, device_id, bundle_id, at)
    return sent


def enter(office: Session, sent: list[SentRecord], at: datetime = UTC_NOW) -> None:
    """A person at the office marks every record as entered: each mark that applies to it."""
    inbox = InboxRepository(db_of(office))
    records = record_repositories(db_of(office), "")
    for record in sent:
        stored = records[record.kind].get(record.id)
        for mark in marks_that_apply(stored):
            inbox.mark(record.kind, record.id, mark, "Birgit Sommer", at)
