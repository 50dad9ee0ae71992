"""Outcomes as they happen, through the services on a real vault: the protocol takes the real
times and the outcome (with who broke off and why) into its header, PDF and Übernahme rows;
"verschoben" plans the new date; a mis-clicked outcome is corrected with a trace, never after
the protocol is finalized."""

from __future__ import annotations

import io
from datetime import date, datetime, time, timedelta

import pypdf
import pytest
import sqlcipher3

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.checklists import Transition
from outreach_desktop.domain.conduct import BrokenOffBy
from outreach_desktop.domain.errors import DomainError, ValidationError
from outreach_desktop.domain.outcome_corrections import AFTER_FINAL
from outreach_desktop.domain.people import Client, Staff
from outreach_desktop.domain.vocabulary import AppointmentStatus, Approach
from outreach_desktop.services.protocol_views import protocol_pdf, view
from outreach_desktop.services.session import Session
from testkit.internals import vault_of

S = AppointmentStatus
DAY = date(2026, 12, 2)
PLANNED = datetime.combine(DAY, time(10))
BEGUN = PLANNED + timedelta(minutes=7)
ENDED = BEGUN + timedelta(minutes=38)


@pytest.fixture
def visit(session: Session) -> Appointment:
    client = session.clients.save(Client(display_name="Ute Voß", address="Lindenweg 4"))
    second = session.staff.save(Staff(name="Birgit Sommer"))
    owner = session.owner()
    assert owner is not None
    return session.appointments.save(
        Appointment.plan(Approach.HOME_VISIT, PLANNED, client_id=client.id,
                         staff_ids=[owner.id, second.id], planned_duration_min=90)
    )  # fmt: skip


def pdf_text(pdf: bytes) -> str:
    text = "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    return " ".join(text.split())  # lines wrap where the PDF's columns end


def test_protocol_takes_the_real_times_and_the_outcome_held_nearby(
    session: Session, visit: Appointment
) -> None:
    session.workflow.step(visit.id, Transition.START, BEGUN)
    session.workflow.finish(visit.id, S.HELD_NEARBY, ENDED)
    draft = session.protocols.begin(ENDED + timedelta(hours=2), appointment_id=visit.id)
    assert (draft.met_at, draft.duration_min) == (BEGUN, 38)  # not the planned 10:00, 90 min
    draft.course = "Gespräch im Garten"
    session.protocols.save_draft(draft)
    v = view(session, draft.id)
    assert v.facts.met.text == "02.12.2026, begonnen 10:07, beendet 10:45 (38 Minuten)"
    assert v.facts.outcome.text == "Im Umfeld durchgeführt"
    assert ("Ergebnis", "Im Umfeld durchgeführt") in v.rows()  # the Übernahme rows
    text = pdf_text(protocol_pdf(session, draft.id))
    assert "begonnen 10:07, beendet 10:45 (38 Minuten)" in text
    assert "Im Umfeld durchgeführt" in text and "90 Minuten" not in text


def test_protocol_names_who_broke_off_and_why(session: Session, visit: Appointment) -> None:
    session.workflow.step(visit.id, Transition.START, BEGUN)
    session.workflow.finish(visit.id, S.BROKEN_OFF, ENDED, broken_off_by=BrokenOffBy.CLIENT,
                            reason="Kind krank geworden")  # fmt: skip
    draft = session.protocols.begin(ENDED, appointment_id=visit.id)
    outcome = view(session, draft.id).facts.outcome.text
    assert outcome == "Abgebrochen, abgebrochen von: Kundin/Kunde – Grund: Kind krank geworden"
    assert "Kind krank geworden" in pdf_text(protocol_pdf(session, draft.id))


def test_a_standalone_protocol_keeps_its_own_time(session: Session, visit: Appointment) -> None:
    owner = session.owner()
    assert owner is not None
    p = session.protocols.begin(
        ENDED, met_at=PLANNED, staff_ids=[owner.id], client_id=visit.client_id
    )
    facts = view(session, p.id).facts
    assert facts.met.text == "02.12.2026 10:00, 60 Minuten"
    assert facts.outcome.text == "ohne Termin"


def test_postponed_with_a_new_date_plans_it_as_follower(
    session: Session, visit: Appointment
) -> None:
    new_start = PLANNED + timedelta(days=7)
    new = session.outcomes.postpone(visit.id, PLANNED - timedelta(days=1), new_start,
                                    reason="Kundin im Krankenhaus")  # fmt: skip
    assert new is not None and new.start == new_start
    assert new.predecessor_id == visit.id and new.status is S.PLANNED
    assert new.client_id == visit.client_id and new.staff_ids == visit.staff_ids
    assert [f.id for f in session.appointments.followers(visit.id)] == [new.id]
    assert session.appointments.get(visit.id).status is S.POSTPONED
    state = session.workflow.state(visit.id, DAY)
    assert state.conduct.outcome_reason == "Kundin im Krankenhaus"


def test_postponed_without_a_date_plans_nothing_and_a_past_date_changes_nothing(
    session: Session, visit: Appointment
) -> None:
    now = PLANNED - timedelta(days=1)
    with pytest.raises(ValidationError, match="nicht in der Zukunft"):
        session.outcomes.postpone(visit.id, now, now - timedelta(hours=1))
    assert session.appointments.get(visit.id).status is S.PLANNED
    assert session.appointments.followers(visit.id) == []
    assert session.outcomes.postpone(visit.id, now, None) is None
    assert session.appointments.get(visit.id).status is S.POSTPONED
    assert session.appointments.followers(visit.id) == []


def test_a_correction_is_recorded_and_shown_never_silent(
    session: Session, visit: Appointment
) -> None:
    wf, outcomes = session.workflow, session.outcomes
    wf.step(visit.id, Transition.START, BEGUN)
    wf.finish(visit.id, S.ENDED_AT_DOOR, ENDED)
    assert outcomes.history(visit.id) == []
    later = ENDED + timedelta(hours=1)
    state = outcomes.correct(visit.id, S.HELD_NEARBY, later, reason="Im Treppenhaus gesprochen")
    assert state.appointment.status is state.conduct.outcome is S.HELD_NEARBY
    assert state.conduct.outcome_at == ENDED
    [kept] = outcomes.history(visit.id)
    assert (kept.old, kept.new, kept.at, kept.reason) == (
        S.ENDED_AT_DOOR, S.HELD_NEARBY, later, "Im Treppenhaus gesprochen"
    )  # fmt: skip
    # a correction that breaks a rule changes nothing and keeps no trace
    with pytest.raises(ValidationError, match="nicht in der Wohnung"):
        outcomes.correct(visit.id, S.DONE, later, reason="x")
    assert session.appointments.get(visit.id).status is S.HELD_NEARBY
    assert len(outcomes.history(visit.id)) == 1


def test_no_correction_after_the_protocol_is_finalized(
    session: Session, visit: Appointment
) -> None:
    owner = session.owner()
    assert owner is not None
    session.workflow.step(visit.id, Transition.START, BEGUN)
    session.workflow.finish(visit.id, S.ENDED_AT_DOOR, ENDED)
    draft = session.protocols.begin(ENDED, appointment_id=visit.id)
    draft.course = "An der Tür"
    session.protocols.save_draft(draft)
    assert session.outcomes.refusal(visit.id) == ""
    session.protocols.finalize(draft.id, ENDED + timedelta(hours=1), owner.id)
    assert session.outcomes.refusal(visit.id) == AFTER_FINAL
    with pytest.raises(DomainError) as refused:
        session.outcomes.correct(visit.id, S.HELD_NEARBY, ENDED + timedelta(hours=2), reason="x")
    assert str(refused.value) == AFTER_FINAL
    assert session.appointments.get(visit.id).status is S.ENDED_AT_DOOR
    assert session.outcomes.history(visit.id) == []
    # the database refuses it too, past the service
    db = vault_of(session).db
    with pytest.raises(sqlcipher3.dbapi2.IntegrityError, match="protocol finalized"):
        db.connection.execute(
            "INSERT INTO outcome_corrections VALUES ('x', ?, 'ended-at-door', 'held-nearby',"
            " '2026-12-02T12:00:00', 'x', '2026-12-02T11:00:00Z', 'd')", (visit.id,),
        )  # fmt: skip


def test_no_correction_before_there_is_an_outcome(session: Session, visit: Appointment) -> None:
    with pytest.raises(DomainError, match="noch kein Ergebnis"):
        session.outcomes.correct(visit.id, S.DONE, BEGUN, reason="x")


def test_a_protocol_begun_before_the_end_is_finalized_with_the_real_times(
    session: Session, visit: Appointment
) -> None:
    """The finalized protocol travels to the office: it carries begin and duration as recorded."""
    owner = session.owner()
    assert owner is not None
    session.workflow.step(visit.id, Transition.START, BEGUN)
    draft = session.protocols.begin(BEGUN + timedelta(minutes=5), appointment_id=visit.id)
    assert (draft.met_at, draft.duration_min) == (BEGUN, 90)  # not ended yet: as planned
    draft.course = "Notizen unterwegs"
    session.protocols.save_draft(draft)
    session.workflow.finish(visit.id, S.HELD_NEARBY, ENDED)
    final = session.protocols.finalize(draft.id, ENDED + timedelta(hours=1), owner.id)
    assert (final.met_at, final.duration_min) == (BEGUN, 38)
