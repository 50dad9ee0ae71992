"""The call dialog's "Termin telefonisch vereinbart" (issue 12, item 5): offered only for a
reached call; saved, it makes the letters optional in the timeline panel."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.home_visit import CallOutcome
from outreach_desktop.domain.people import Client
from outreach_desktop.domain.vocabulary import Approach
from outreach_desktop.services.session import Session
from outreach_desktop.ui.appointment_work_dialog import AppointmentWorkDialog
from outreach_desktop.ui.workflow_dialogs import CallDialog
from testkit.gui import in_modal

NOW = datetime(2026, 11, 2, 9)
VISIT = datetime.combine(date(2026, 12, 2), time(10))


@pytest.fixture
def s(session: Session, german: None, qtbot: Any) -> Session:
    return session


def _visit(s: Session) -> Appointment:
    client = s.clients.save(Client(display_name="Günter Koch", address="Lindenweg 4\n29439 Lüchow"))
    owner = s.owner()
    assert owner is not None
    return s.appointments.save(
        Appointment.plan(Approach.HOME_VISIT, VISIT, client_id=client.id, staff_ids=[owner.id])
    )


def test_agreement_is_offered_only_for_a_reached_call(s: Session, qtbot: Any) -> None:
    dialog = CallDialog(s, _visit(s).id, NOW, None)
    qtbot.addWidget(dialog)
    assert dialog.agreed.text() == "Termin telefonisch vereinbart"
    assert not dialog.agreed.isEnabled()  # the default outcome is "Nicht abgenommen"
    dialog.outcome.setCurrentIndex(list(CallOutcome).index(CallOutcome.REACHED))
    assert dialog.agreed.isEnabled()
    dialog.agreed.setChecked(True)
    dialog.outcome.setCurrentIndex(list(CallOutcome).index(CallOutcome.BUSY))
    assert not dialog.agreed.isEnabled() and not dialog.agreed.isChecked()


def test_an_agreed_call_makes_the_letters_optional(s: Session, qtbot: Any) -> None:
    visit = _visit(s)
    work = AppointmentWorkDialog(s, visit.id, lambda: NOW)
    qtbot.addWidget(work)
    work.show()
    assert work.timeline is not None

    def agree(dialog: CallDialog) -> None:
        dialog.outcome.setCurrentIndex(list(CallOutcome).index(CallOutcome.REACHED))
        dialog.agreed.setChecked(True)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    seen = in_modal(qtbot, CallDialog, agree)
    work.timeline.add_call.click()
    assert seen
    [call] = s.workflow.state(visit.id, NOW.date()).calls
    assert call.call.agreed
    assert "Termin vereinbart" in work.timeline.calls.item(0).text()
    assert "telefonisch vereinbart" in work.timeline.calls_summary.text()
    for label in work.timeline.letter_labels.values():
        assert "Freiwillig (telefonisch vereinbart)" in label.text()
