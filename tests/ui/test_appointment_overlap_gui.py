"""The appointment dialog warns of an overlap with the same staff member or client while
planning, and saves anyway (a warning, not a block)."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from PySide6.QtCore import QTime
from PySide6.QtWidgets import QDialogButtonBox

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.people import Client
from outreach_desktop.domain.vocabulary import Approach
from outreach_desktop.services.session import Session
from outreach_desktop.ui.appointment_dialog import AppointmentDialog

DAY = date(2026, 12, 2)


def test_overlap_is_shown_while_planning_and_saving_stays_possible(
    session: Session, german: None, qtbot: Any
) -> None:
    owner = session.owner()
    assert owner is not None
    client = session.clients.save(Client(display_name="Günter Koch"))
    session.appointments.save(
        Appointment.plan(
            Approach.HOME_VISIT,
            datetime.combine(DAY, time(9, 30)),
            client_id=client.id,
            staff_ids=[owner.id],
        )
    )
    dialog = AppointmentDialog(session, None, None, day=DAY)  # 10:00, the owner
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.place.setText("Kirchplatz")
    assert dialog.clash_label.isVisible()
    assert "02.12.2026 09:30–10:30" in dialog.clash_label.text()
    assert "Alex Beispiel" in dialog.clash_label.text()
    dialog.time.setTime(QTime(11, 30))  # after the visit and its 45 minutes' buffer
    assert not dialog.clash_label.isVisible()
    dialog.time.setTime(QTime(11, 0))  # inside the buffer
    assert dialog.clash_label.isVisible()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert not dialog.isVisible(), dialog.error_label.text()
    assert dialog.saved.start == datetime.combine(DAY, time(11, 0))
