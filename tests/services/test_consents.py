"""Consent records through the service: kinds, how given, validity for the rules, revocation."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.checklists import Transition
from outreach_desktop.domain.conduct import RuleBlocked
from outreach_desktop.domain.consents import (
    AccompanimentScope,
    ConsentKind,
    ConsentState,
    GivenHow,
)
from outreach_desktop.domain.errors import DomainError, ValidationError
from outreach_desktop.domain.people import Client, ThirdParty
from outreach_desktop.domain.vocabulary import Approach
from outreach_desktop.services.session import Session
from outreach_desktop.storage.consent_repo import ConsentRepository
from outreach_desktop.storage.errors import RecordInUse
from testkit.internals import repository, vault_of

DAY = date(2026, 12, 2)
NOW = datetime.combine(DAY, time(9))


@pytest.fixture
def setting(session: Session) -> tuple[Session, Client, ThirdParty, Appointment]:
    client = session.clients.save(Client(display_name="Anna Müller"))
    party = session.third_parties.save(ThirdParty(name="Oberschule am Wall"))
    a = session.appointments.save(
        Appointment.plan(
            Approach.ACCOMPANIMENT,
            datetime.combine(DAY, time(10)),
            client_id=client.id,
            third_party_id=party.id,
            place="Schulhof",
            staff_ids=[session.owner().id],  # type: ignore[union-attr]
        )
    )
    return session, client, party, a


def test_each_kind_names_what_it_needs(setting: tuple) -> None:  # type: ignore[type-arg]
    session, client, party, a = setting
    c = session.consents
    with pytest.raises(ValidationError) as info:
        c.prepare(ConsentKind.CONFIDENTIALITY_RELEASE, NOW, client_id=client.id)
    assert {"third_party_id", "purpose"} <= set(info.value.fields)
    with pytest.raises(ValidationError, match="anwesenden Personen"):
        c.prepare(ConsentKind.PRESENCE, NOW, appointment_id=a.id)
    with pytest.raises(ValidationError, match="Grund"):
        c.prepare(
            ConsentKind.ACCOMPANIMENT,
            NOW,
            appointment_id=a.id,
            scope=AccompanimentScope.IN_CONVERSATION,
        )
    release = c.prepare(
        ConsentKind.CONFIDENTIALITY_RELEASE,
        NOW,
        appointment_id=a.id,
        purpose="Abstimmung Praktikum",
        topics="Anwesenheit, Noten",
        valid_until=DAY + timedelta(days=90),
    )
    assert release.third_party_id == party.id  # taken from the appointment
    assert release.state is ConsentState.PREPARED
    assert [e.event for e in c.get(release.id).events] == ["prepared"]


def test_prints_signing_and_validity(setting: tuple) -> None:  # type: ignore[type-arg]
    session, _client, _party, a = setting
    c = session.consents
    wf = session.workflow
    consent = c.prepare(
        ConsentKind.ACCOMPANIMENT,
        NOW,
        appointment_id=a.id,
        scope=AccompanimentScope.TO_DOOR,
        language="ar",
    )
    with pytest.raises(RuleBlocked):
        wf.step(a.id, Transition.START, NOW + timedelta(hours=1))
    c.record_print(consent.id, NOW, "de:2026-11-1+ar:2026-11-1")
    c.record_print(consent.id, NOW + timedelta(minutes=1), "de:2026-11-1+ar:2026-11-1")
    stored = c.get(consent.id)
    assert stored.state is ConsentState.PRINTED
    assert [e.event for e in stored.events] == ["prepared", "printed", "printed"]
    c.sign(
        consent.id,
        GivenHow.ORAL,
        NOW + timedelta(minutes=5),
        documented_by=session.owner().id,
        witness="Birgit Sommer",
    )  # type: ignore[union-attr]
    wf.step(a.id, Transition.START, NOW + timedelta(hours=1))  # now released
    with pytest.raises(DomainError, match="bereits erteilt"):
        c.sign(consent.id, GivenHow.PAPER, NOW)


def test_oral_needs_who_documented_it(setting: tuple) -> None:  # type: ignore[type-arg]
    session, _client, _party, a = setting
    consent = session.consents.prepare(
        ConsentKind.ACCOMPANIMENT, NOW, appointment_id=a.id, scope=AccompanimentScope.TO_DOOR
    )
    with pytest.raises(ValidationError, match="Dokumentiert von"):
        session.consents.sign(consent.id, GivenHow.ORAL, NOW)
    assert session.consents.get(consent.id).state is ConsentState.PREPARED


def test_signed_on_screen_keeps_image_and_pdf(setting: tuple) -> None:  # type: ignore[type-arg]
    session, _client, _party, a = setting
    consent = session.consents.prepare(
        ConsentKind.ACCOMPANIMENT, NOW, appointment_id=a.id, scope=AccompanimentScope.TO_DOOR
    )
    with pytest.raises(DomainError, match="Unterschrift"):
        session.consents.sign(consent.id, GivenHow.SCREEN, NOW)
    session.consents.sign(
        consent.id, GivenHow.SCREEN, NOW, signature_png=b"\x89PNG-fake", signed_pdf=b"%PDF-1.4 fake"
    )
    stored = session.consents.get(consent.id)
    assert stored.signature_png == b"\x89PNG-fake" and stored.signed_pdf == b"%PDF-1.4 fake"


def test_release_must_name_the_third_party_and_be_current(setting: tuple) -> None:  # type: ignore[type-arg]
    session, client, party, a = setting
    other = session.third_parties.save(ThirdParty(name="Kanzlei Reinholz"))
    c = session.consents
    wrong = c.prepare(
        ConsentKind.CONFIDENTIALITY_RELEASE,
        NOW,
        client_id=client.id,
        third_party_id=other.id,
        purpose="Rechtsberatung",
        valid_until=DAY + timedelta(days=30),
    )
    c.sign(wrong.id, GivenHow.PAPER, NOW)
    assert c.valid_on(a.id, ConsentKind.CONFIDENTIALITY_RELEASE, DAY) is None
    expired = c.prepare(
        ConsentKind.CONFIDENTIALITY_RELEASE,
        NOW,
        client_id=client.id,
        third_party_id=party.id,
        purpose="Schule",
        valid_until=DAY - timedelta(days=1),
    )
    c.sign(expired.id, GivenHow.PAPER, NOW - timedelta(days=5))
    assert c.valid_on(a.id, ConsentKind.CONFIDENTIALITY_RELEASE, DAY) is None
    good = c.prepare(
        ConsentKind.CONFIDENTIALITY_RELEASE,
        NOW,
        client_id=client.id,
        third_party_id=party.id,
        purpose="Schule",
        valid_until=DAY + timedelta(days=30),
    )
    c.sign(good.id, GivenHow.PAPER, NOW)
    assert c.valid_on(a.id, ConsentKind.CONFIDENTIALITY_RELEASE, DAY).id == good.id  # type: ignore[union-attr]


def test_revocation_blocks_again_and_keeps_history(setting: tuple) -> None:  # type: ignore[type-arg]
    session, client, _party, a = setting
    c = session.consents
    consent = c.prepare(
        ConsentKind.ACCOMPANIMENT, NOW, appointment_id=a.id, scope=AccompanimentScope.TO_DOOR
    )
    with pytest.raises(DomainError, match="erteilte"):
        c.revoke(consent.id, NOW, "telefonisch")
    c.sign(consent.id, GivenHow.PAPER, NOW)
    assert c.valid_on(a.id, ConsentKind.ACCOMPANIMENT, DAY) is not None
    with pytest.raises(ValidationError):
        c.revoke(consent.id, NOW + timedelta(hours=1), "  ")
    c.revoke(consent.id, NOW + timedelta(hours=1), "telefonisch bei Frau Sommer")
    stored = c.get(consent.id)
    assert (
        stored.state is ConsentState.REVOKED and stored.revoked_how == "telefonisch bei Frau Sommer"
    )
    assert [e.event for e in stored.events] == ["prepared", "signed", "revoked"]
    assert c.valid_on(a.id, ConsentKind.ACCOMPANIMENT, DAY) is None
    with pytest.raises(RuleBlocked):
        session.workflow.step(a.id, Transition.START, NOW + timedelta(hours=2))
    with pytest.raises(RecordInUse, match="widerrufen"):
        repository(session, ConsentRepository).delete(consent.id)
    assert len(c.for_client(client.id)) == 1


def test_refused_consent_cannot_be_signed(setting: tuple) -> None:  # type: ignore[type-arg]
    session, _client, _party, a = setting
    consent = session.consents.prepare(
        ConsentKind.ACCOMPANIMENT, NOW, appointment_id=a.id, scope=AccompanimentScope.TO_DOOR
    )
    session.consents.refuse(consent.id, NOW, "möchte allein gehen")
    with pytest.raises(DomainError, match="abgelehnt"):
        session.consents.sign(consent.id, GivenHow.PAPER, NOW)


def test_release_from_an_appointment_covers_the_clients_next_one(setting: tuple) -> None:  # type: ignore[type-arg]
    session, client, party, a = setting
    c = session.consents
    release = c.prepare(
        ConsentKind.CONFIDENTIALITY_RELEASE,
        NOW,
        appointment_id=a.id,
        purpose="Schule",
        valid_until=DAY + timedelta(days=365),
    )
    assert release.appointment_id is None  # covers the client's appointments with that party
    c.sign(release.id, GivenHow.PAPER, NOW)
    later = session.appointments.save(
        Appointment.plan(
            Approach.ACCOMPANIMENT,
            datetime.combine(DAY + timedelta(days=30), time(10)),
            client_id=client.id,
            third_party_id=party.id,
            place="Schulhof",
            staff_ids=a.staff_ids,
        )
    )
    assert c.valid_on(later.id, ConsentKind.CONFIDENTIALITY_RELEASE, later.start.date()) is not None


def test_appointments_and_staff_with_consents_are_not_deleted(setting: tuple) -> None:  # type: ignore[type-arg]
    session, _client, _party, a = setting
    from outreach_desktop.domain.people import Staff

    witness_keeper = session.staff.save(Staff(name="Birgit Sommer"))
    consent = session.consents.prepare(
        ConsentKind.ACCOMPANIMENT, NOW, appointment_id=a.id, scope=AccompanimentScope.TO_DOOR
    )
    session.consents.sign(consent.id, GivenHow.ORAL, NOW, documented_by=witness_keeper.id)
    with pytest.raises(RecordInUse, match="Einwilligungen"):
        session.appointments.delete(a.id)
    with pytest.raises(RecordInUse):
        session.staff.delete(witness_keeper.id)
    assert session.consents.valid_on(a.id, ConsentKind.ACCOMPANIMENT, DAY) is not None


def test_revoking_works_for_records_that_predate_todays_rules(setting: tuple) -> None:  # type: ignore[type-arg]
    session, client, _party, a = setting
    db = vault_of(session).db
    with db.transaction():  # a schema-2 style row: no scope, as the early demo wrote them
        db.execute(
            "INSERT INTO consents (id, created_at, updated_at, revision, origin_device,"
            " client_id, appointment_id, kind, state, given_how)"
            " VALUES ('old', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z', 1, 't', ?, ?,"
            " 'accompaniment', 'signed', 'paper')",
            (client.id, a.id),
        )
    session.consents.revoke("old", NOW, "telefonisch")
    assert session.consents.get("old").state is ConsentState.REVOKED


def test_forms_default_to_the_clients_language(setting: tuple) -> None:  # type: ignore[type-arg]
    from outreach_desktop.domain.vocabulary import Language
    from outreach_desktop.services.documents import DocumentService

    session, client, _party, a = setting
    client.preferred_language = Language.UKRAINIAN
    session.clients.save(client)
    consent = session.consents.prepare(
        ConsentKind.ACCOMPANIMENT, NOW, appointment_id=a.id, scope=AccompanimentScope.TO_DOOR
    )
    rendered = DocumentService(session).consent_document(consent.id, DAY)
    assert rendered.language == "uk" and "uk:" in rendered.form_version


def test_cli_print_picks_the_release_for_this_third_party(setting: tuple) -> None:  # type: ignore[type-arg]
    from outreach_desktop.domain.documents import DocumentKind
    from outreach_desktop.services.documents import DocumentService

    session, client, party, a = setting
    other = session.third_parties.save(ThirdParty(name="Schule C"))
    session.consents.prepare(
        ConsentKind.CONFIDENTIALITY_RELEASE,
        NOW,
        client_id=client.id,
        third_party_id=party.id,
        purpose="richtig",
        valid_until=DAY,
    )
    session.consents.prepare(
        ConsentKind.CONFIDENTIALITY_RELEASE,
        NOW,
        client_id=client.id,
        third_party_id=other.id,
        purpose="falsch",
        valid_until=DAY,
    )
    _rendered, consent = DocumentService(session).form_for_appointment(
        a.id, DocumentKind.CONFIDENTIALITY_RELEASE, DAY
    )
    assert consent is not None and consent.purpose == "richtig"


def test_save_pdf_appends_the_suffix_and_creates_no_folders(tmp_path: Path) -> None:
    from outreach_desktop.services.documents import save_pdf

    written = save_pdf(tmp_path / "Einw. Schröder", b"%PDF-1.4")
    assert written.name == "Einw. Schröder.pdf" and written.read_bytes() == b"%PDF-1.4"
    with pytest.raises(DomainError, match="Ordner"):
        save_pdf(tmp_path / "missing" / "x.pdf", b"%PDF")
    assert not (tmp_path / "missing").exists()


def test_presence_names_the_persons_as_written_role_optional(setting: tuple) -> None:  # type: ignore[type-arg]
    session, _client, _party, a = setting
    written = [("Schwester (Irina)", ""), ("Vater", ""), ("zwei Kinder", "")]
    consent = session.consents.prepare(ConsentKind.PRESENCE, NOW, appointment_id=a.id,
                                       others_present=written)  # fmt: skip
    assert session.consents.get(consent.id).others_present == written
    with pytest.raises(ValidationError, match="anwesenden Personen"):
        session.consents.prepare(ConsentKind.PRESENCE, NOW, appointment_id=a.id,
                                 others_present=[("", "Nachbarin")])  # fmt: skip
