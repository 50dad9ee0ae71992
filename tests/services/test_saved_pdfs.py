"""Notes of PDFs that left the vault (letters, memory protocols): kept in the vault with the
kind, wording and time, never rewritten, gone with their appointment."""

from __future__ import annotations

from datetime import datetime

import pytest

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.documents import PROTOCOL_PDF, DocumentKind
from outreach_desktop.domain.errors import DomainError
from outreach_desktop.domain.people import Client
from outreach_desktop.domain.vocabulary import Approach
from outreach_desktop.services.session import Session
from testkit.internals import vault_of

NOW = datetime(2026, 12, 1, 9, 30)


def _appointment(session: Session) -> Appointment:
    client = session.clients.save(Client(display_name="Heike Brandt"))
    return session.appointments.save(Appointment.plan(
        Approach.HOME_VISIT, datetime(2026, 12, 16, 10), client_id=client.id,
        staff_ids=[session.owner().id]))  # type: ignore[union-attr]  # fmt: skip


def test_letters_and_protocols_are_noted(session: Session) -> None:
    a = _appointment(session)
    session.saved_pdfs.letter_saved(a.id, DocumentKind.CONFIRMATION_LETTER, "de:2026-11-2", NOW)
    [note] = session.saved_pdfs.for_appointment(a.id)
    assert (note.kind, note.form_version, note.saved_at) == (
        "confirmation-letter", "de:2026-11-2", NOW)  # fmt: skip
    assert note.label_de == "Terminbestätigung"
    protocol = session.protocols.begin(NOW, appointment_id=a.id)
    session.saved_pdfs.protocol_saved(protocol.id, NOW)
    [kept] = session.saved_pdfs.for_protocol(protocol.id)
    assert kept.kind == PROTOCOL_PDF and kept.label_de == "Gedächtnisprotokoll"
    assert len(session.saved_pdfs.for_appointment(a.id)) == 1  # each with its own


def test_only_a_letter_is_noted_as_a_letter(session: Session) -> None:
    a = _appointment(session)
    with pytest.raises(DomainError, match="kein Brief"):
        session.saved_pdfs.letter_saved(a.id, DocumentKind.HOME_VISIT_CONSENT, "", NOW)
    assert session.saved_pdfs.for_appointment(a.id) == []


def test_a_note_is_kept_and_goes_with_its_appointment(session: Session) -> None:
    a = _appointment(session)
    session.saved_pdfs.letter_saved(a.id, DocumentKind.REMINDER_LETTER, "de:2026-11-1", NOW)
    db = vault_of(session).db
    with pytest.raises(Exception, match="kept"):
        db.execute("UPDATE saved_pdfs SET kind = 'x'")
    session.appointments.delete(a.id)  # a planned appointment without documents
    assert db.scalar("SELECT count(*) FROM saved_pdfs") == 0
