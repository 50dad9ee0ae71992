"""What a document is filled with: every kind has its builder, and each kind carries the parts
it prints — and not the ones it does not (least data on paper)."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

import pytest

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.documents import DocumentKind
from outreach_desktop.domain.people import Client, Staff, ThirdParty
from outreach_desktop.domain.vocabulary import Approach
from outreach_desktop.services.document_data import KIND_PARTS, RECOGNITION_ITEM, build
from outreach_desktop.services.session import Session

DAY = date(2026, 12, 2)
NOW = datetime.combine(DAY, time(9))


@pytest.fixture
def escort(session: Session) -> Appointment:
    main = session.staff.save(Staff(name="Petra Haupt"))
    client = session.clients.save(
        Client(display_name="Anna Müller", main_caseworker_id=main.id, address="Am Wall 3")
    )
    party = session.third_parties.save(ThirdParty(name="Oberschule am Wall"))
    a = session.appointments.save(
        Appointment.plan(
            Approach.ACCOMPANIMENT, datetime.combine(DAY, time(10)), client_id=client.id,
            third_party_id=party.id, place="Schulhof",
            staff_ids=[session.owner().id],  # type: ignore[union-attr]
        )
    )  # fmt: skip
    session.workflow.answer(a.id, RECOGNITION_ITEM, "rote Mütze", NOW, session.owner().id)  # type: ignore[union-attr]
    return a


def test_every_kind_has_its_builder() -> None:
    assert set(KIND_PARTS) == set(DocumentKind)


def test_each_kind_carries_only_what_it_prints(session: Session, escort: Appointment) -> None:
    def data(kind: DocumentKind):  # type: ignore[no-untyped-def]
        return build(session, kind, escort, escort.client_id or "", "de", DAY)

    letter = data(DocumentKind.CONFIRMATION_LETTER)
    assert letter.third_party is not None and letter.third_party.name == "Oberschule am Wall"
    assert letter.recognition_sign == "rote Mütze"
    assert letter.place == "Schulhof" and letter.appointment_start == escort.start
    assert [s.name for s in letter.staff] == ["Alex Beispiel"]

    release = data(DocumentKind.CONFIDENTIALITY_RELEASE)
    assert release.third_party is not None and release.recognition_sign == ""

    handover = data(DocumentKind.HANDOVER_CONSENT)
    assert handover.main_caseworker is not None and handover.main_caseworker.name == "Petra Haupt"
    assert handover.third_party is None and handover.recognition_sign == ""

    for kind in (DocumentKind.PRESENCE_CONSENT, DocumentKind.ANNOUNCEMENT_LETTER):
        plain = data(kind)
        assert plain.third_party is None and plain.main_caseworker is None, kind
        assert plain.recognition_sign == "" and plain.reference == escort.id, kind


def test_a_joined_agency_heads_the_documents(
    session: Session, escort: Appointment, tmp_path: Path
) -> None:
    from outreach_desktop.services.vaults import create_office_vault
    from testkit import FAST_KDF, PASSPHRASE

    office, signed = create_office_vault(tmp_path / "office", PASSPHRASE,
                                         agency_name="Jobcenter Lüchow", kdf=FAST_KDF)  # fmt: skip
    office.lock()
    session.join_agency(signed.data)
    data = build(session, DocumentKind.CONFIRMATION_LETTER, escort, escort.client_id or "", "de",
                 DAY)  # fmt: skip
    assert data.letterhead.agency_name == "Jobcenter Lüchow"
