"""Records and exchange bookkeeping for storage tests of the exchange: one client's story on a
laptop (a home visit with a signed consent and a finalized protocol with an addendum), stand-in
keys (storage keeps them as opaque text and bytes), and "sent and acknowledged" in one call."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.consents import Consent, ConsentKind, GivenHow
from outreach_desktop.domain.people import Client
from outreach_desktop.domain.protocols import Protocol
from outreach_desktop.domain.vocabulary import AppointmentStatus, Approach
from outreach_desktop.services.session import Session
from outreach_desktop.storage.appointment_repo import AppointmentRepository
from outreach_desktop.storage.database import Database
from outreach_desktop.storage.exchange_repo import AckState, ExportTracking, SentRecord
from outreach_desktop.storage.identity_repo import Holder, Identity, IdentityRepository
from outreach_desktop.storage.inbox_repo import Device
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
