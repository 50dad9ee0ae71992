"""What a printed document shows, filled from the vault: the parts every document has (client,
staff, letterhead, reference), the appointment's part, the consent's part, and per document
kind the parts only it prints (the third party, the main caseworker, the recognition sign)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from outreach_desktop.domain.agency import AgencySetup
from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.consents import Consent, GivenHow
from outreach_desktop.domain.contact_check import MissingContact, missing_contact
from outreach_desktop.domain.documents import DocumentData, DocumentKind, PersonRef
from outreach_desktop.domain.people import Client, Staff
from outreach_desktop.domain.vocabulary import Approach
from outreach_desktop.services.agency import letterhead
from outreach_desktop.services.session import Session
from outreach_desktop.services.settings import load_settings

RECOGNITION_ITEM = "dp.recognition_sign"


def person(staff: Staff) -> PersonRef:
    return PersonRef(staff.name, phone=staff.phone)


@dataclass(frozen=True)
class Sources:
    """The records one document is filled from."""

    session: Session
    client: Client
    appointment: Appointment | None
    consent: Consent | None


Part = Callable[[Sources], dict[str, Any]]


def build(
    session: Session,
    kind: DocumentKind,
    appointment: Appointment | None,
    client_id: str,
    language: str,
    today: date,
    consent: Consent | None = None,
) -> DocumentData:
    src = Sources(session, session.clients.get(client_id), appointment, consent)
    fields: dict[str, Any] = {}
    for part in (_appointment_part, _consent_part, *KIND_PARTS.get(kind, ())):
        fields.update(part(src))
    client = src.client
    return DocumentData(
        kind=kind,
        language=language,
        letterhead=letterhead(load_settings(), _agency(session)),
        client=PersonRef(client.display_name, client.address, client.phone),
        customer_number=client.customer_number,
        staff=tuple(person(x) for x in _staff(src)),
        cancel_contact="",  # the form's own wording: the contact's name and phone
        letter_date=today,
        reference=consent.id if consent else (appointment.id if appointment else ""),
        **fields,
    )


def _staff(src: Sources) -> list[Staff]:
    return _staff_of(src.session, src.appointment)


def _staff_of(session: Session, appointment: Appointment | None) -> list[Staff]:
    """The appointment's staff, else the vault's owner (the caseworker)."""
    staff_ids = appointment.staff_ids if appointment else []
    staff = [x for x in (session.staff.find(i) for i in staff_ids) if x]
    owner = session.owner()
    return staff if staff or owner is None else [owner]


def sender_gaps(session: Session, appointment: Appointment | None) -> tuple[MissingContact, ...]:
    """What the printed sender lacks for an answer (domain/contact_check.py), from the same
    letterhead and caseworker a document of this appointment is filled with."""
    staff = _staff_of(session, appointment)
    head = letterhead(load_settings(), _agency(session))
    return missing_contact(head, person(staff[0]) if staff else None)


def _appointment_part(src: Sources) -> dict[str, Any]:
    a = src.appointment
    if a is None:
        return {}
    place = a.place
    if a.approach is Approach.HOME_VISIT and not place:
        place = src.client.address.replace("\n", ", ")
    return {
        "appointment_start": a.start,
        "duration_min": a.planned_duration_min,
        "place": place,
        "approach": a.approach,
    }


def _consent_part(src: Sources) -> dict[str, Any]:
    c = src.consent
    if c is None:
        return {}
    return {
        "purpose": c.purpose,
        "topics": c.topics,
        "valid_until": c.valid_until,
        "others_present": tuple(c.others_present),
        "accompaniment_scope": c.scope.value if c.scope else "",
        "exception_reason": c.participation_reason,
        "signature_png": c.signature_png,
        "signed_at": c.given_at if c.given_how is GivenHow.SCREEN else None,
    }


def _third_party_part(src: Sources) -> dict[str, Any]:
    """The consent's third party, else the appointment's."""
    party_id = (src.consent.third_party_id if src.consent else None) or (
        src.appointment.third_party_id if src.appointment else None
    )
    party = src.session.third_parties.find(party_id) if party_id else None
    return {"third_party": PersonRef(party.name, party.address, party.contact)} if party else {}


def _main_caseworker_part(src: Sources) -> dict[str, Any]:
    """The consent's main caseworker, else the client's."""
    main_id = (
        src.consent.main_caseworker_id if src.consent else None
    ) or src.client.main_caseworker_id
    main = src.session.staff.find(main_id) if main_id else None
    return {"main_caseworker": person(main)} if main else {}


def _recognition_part(src: Sources) -> dict[str, Any]:
    """The recognition sign agreed in the appointment's data-protection checklist."""
    if src.appointment is None:
        return {}
    answer = src.session.workflow.answers(src.appointment.id).get(RECOGNITION_ITEM)
    return {"recognition_sign": str(answer.answer.value)} if answer else {}


# What each kind prints beyond client, staff, appointment and consent.
KIND_PARTS: dict[DocumentKind, tuple[Part, ...]] = {
    DocumentKind.HOME_VISIT_CONSENT: (),
    DocumentKind.PRESENCE_CONSENT: (),
    DocumentKind.CONFIDENTIALITY_RELEASE: (_third_party_part,),
    DocumentKind.ACCOMPANIMENT_CONSENT: (_third_party_part,),
    DocumentKind.HANDOVER_CONSENT: (_main_caseworker_part,),
    DocumentKind.ANNOUNCEMENT_LETTER: (),
    DocumentKind.REMINDER_LETTER: (),
    DocumentKind.CONFIRMATION_LETTER: (_third_party_part, _recognition_part),
}


def _agency(session: Session) -> AgencySetup | None:
    joined = session.identity.joined_setup()
    return joined.setup if joined is not None else None
