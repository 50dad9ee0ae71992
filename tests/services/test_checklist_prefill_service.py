"""The checklist knows what the app knows, on a real vault: the meeting point from the place, the
prepared consent form from the consent record, the staff from the appointment; the caseworker's
answer overrides."""

from __future__ import annotations

from datetime import datetime, timedelta

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.checklists import ItemState
from outreach_desktop.domain.consents import ConsentKind
from outreach_desktop.domain.people import Client, Staff
from outreach_desktop.domain.prefill_sources import PrefillSource
from outreach_desktop.domain.vocabulary import Approach
from outreach_desktop.services.session import Session

NOW = datetime(2026, 11, 2, 9, 0)
START = datetime(2026, 12, 2, 10, 0)


def item(session: Session, appointment_id: str, item_id: str):  # type: ignore[no-untyped-def]
    found = session.workflow.state(appointment_id, NOW.date()).status.find(item_id)
    assert found is not None
    return found


def test_meeting_point_from_the_place_and_the_caseworker_overrides(session: Session) -> None:
    owner = session.owner()
    assert owner is not None
    a = session.appointments.save(
        Appointment.plan(
            Approach.WALK_AND_TALK, START, place="Kirchplatz, am Brunnen", staff_ids=[owner.id]
        )
    )
    point = item(session, a.id, "wt.meeting_point")
    assert point.state is ItemState.DONE
    assert point.answer.value == "Kirchplatz, am Brunnen"
    assert point.answer.source is PrefillSource.APPOINTMENT_PLACE
    session.workflow.answer(a.id, "wt.meeting_point", "Bahnhof, Gleis 1", NOW, by=owner.id)
    point = item(session, a.id, "wt.meeting_point")
    assert point.answer.value == "Bahnhof, Gleis 1" and point.answer.source is None
    session.workflow.answer(a.id, "wt.meeting_point", None, NOW)  # cleared: the place again
    assert item(session, a.id, "wt.meeting_point").answer.source is PrefillSource.APPOINTMENT_PLACE


def test_consent_form_ready_from_the_record_and_staff_from_the_appointment(
    session: Session,
) -> None:
    owner = session.owner()
    assert owner is not None
    colleague = session.staff.save(Staff(name="Birgit Sommer"))
    client = session.clients.save(Client(display_name="Günter Koch", address="Lindenweg 4"))
    a = session.appointments.save(
        Appointment.plan(
            Approach.HOME_VISIT, START, client_id=client.id, staff_ids=[owner.id, colleague.id]
        )
    )
    ready = item(session, a.id, "hv.consent_form_ready")
    assert ready.state is ItemState.OPEN and ready.answer is None
    staff = item(session, a.id, "hv.second_staff")
    assert staff.state is ItemState.DONE and staff.answer.value == [owner.id, colleague.id]
    assert staff.answer.source is PrefillSource.APPOINTMENT_STAFF

    consent = session.consents.prepare(ConsentKind.HOME_VISIT, NOW, appointment_id=a.id)
    ready = item(session, a.id, "hv.consent_form_ready")
    assert ready.state is ItemState.DONE and ready.answer.source is PrefillSource.CONSENT_RECORD
    # the caseworker knows better (the printout got lost): "no" is kept over the record
    session.workflow.answer(a.id, "hv.consent_form_ready", False, NOW, by=owner.id)
    assert item(session, a.id, "hv.consent_form_ready").state is ItemState.OPEN
    session.workflow.answer(a.id, "hv.consent_form_ready", None, NOW)
    session.consents.refuse(consent.id, NOW + timedelta(days=1))  # refused: a new form is needed
    assert item(session, a.id, "hv.consent_form_ready").state is ItemState.OPEN
