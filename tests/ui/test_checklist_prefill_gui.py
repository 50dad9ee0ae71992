"""The checklist view shows answers taken from recorded facts, marked as such, and the
caseworker can override them (German interface)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.checklists import Phase
from outreach_desktop.domain.consents import ConsentKind
from outreach_desktop.domain.people import Client, Staff
from outreach_desktop.domain.vocabulary import Approach
from outreach_desktop.services.session import Session
from outreach_desktop.ui.appointment_work_dialog import AppointmentWorkDialog

NOW = datetime(2026, 11, 2, 9, 0)
START = datetime(2026, 12, 2, 10, 0)


def _work(qtbot: Any, session: Session, appointment_id: str) -> AppointmentWorkDialog:
    dialog = AppointmentWorkDialog(session, appointment_id, lambda: NOW)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_meeting_point_is_taken_from_the_appointment(
    session: Session, german: None, qtbot: Any
) -> None:
    owner = session.owner()
    assert owner is not None
    a = session.appointments.save(
        Appointment.plan(
            Approach.WALK_AND_TALK, START, place="Kirchplatz, am Brunnen", staff_ids=[owner.id]
        )
    )
    row = _work(qtbot, session, a.id).views[Phase.PREPARATION].rows["wt.meeting_point"]
    assert isinstance(row.editor, QLineEdit)
    assert row.editor.text() == "Kirchplatz, am Brunnen"
    assert row.mark.text() == "✓"
    assert row.note.text() == "Ort aus dem Termin übernommen"


def test_consent_form_and_staff_are_prefilled_and_a_tick_can_be_taken_back(
    session: Session, german: None, qtbot: Any
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
    session.consents.prepare(ConsentKind.HOME_VISIT, NOW, appointment_id=a.id)
    work = _work(qtbot, session, a.id)
    rows = work.views[Phase.PREPARATION].rows
    ready = rows["hv.consent_form_ready"]
    assert isinstance(ready.editor, QCheckBox) and ready.editor.isChecked()
    assert ready.note.text() == "aus der Einwilligung übernommen"
    staff = rows["hv.second_staff"]
    assert isinstance(staff.editor, QLabel)
    assert "Alex Beispiel, Birgit Sommer" in staff.editor.text()
    assert staff.note.text() == "Mitarbeitende aus dem Termin übernommen"

    ready.editor.click()  # the caseworker's "not yet" is kept over the record
    ready = work.views[Phase.PREPARATION].rows["hv.consent_form_ready"]
    assert not ready.editor.isChecked() and ready.mark.text() == "○"
    assert ready.note.text() != "aus der Einwilligung übernommen"
    stored = session.workflow.answers(a.id)["hv.consent_form_ready"]
    assert stored.answer.value is False
