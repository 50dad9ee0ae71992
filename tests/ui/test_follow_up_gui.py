"""Nachbereitung in the appointment's work view: "Nachbereitung abschließen" is refused with the
open items beside it; "Direkt am MAP in VerBIS dokumentiert" (who, when) replaces the memory
protocol and meets the VerBIS item; once everything needed is done the follow-up closes."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

import pytest
from PySide6.QtWidgets import QCheckBox

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.checklists import Phase, Transition
from outreach_desktop.domain.people import Client
from outreach_desktop.domain.vocabulary import AppointmentStatus, Approach
from outreach_desktop.services.session import Session
from outreach_desktop.ui.appointment_work_dialog import AppointmentWorkDialog
from outreach_desktop.ui.follow_up_panel import MapDialog
from testkit.gui import in_modal

PLANNED = datetime.combine(date(2026, 12, 2), time(10))
LATER = PLANNED + timedelta(hours=3)


@pytest.fixture
def walk(session: Session, german: None, qtbot: Any) -> Appointment:
    client = session.clients.save(Client(display_name="Ute Voß", address="Lindenweg 4"))
    owner = session.owner()
    assert owner is not None
    a = session.appointments.save(Appointment.plan(
        Approach.WALK_AND_TALK, PLANNED, client_id=client.id, place="Kirchplatz",
        staff_ids=[owner.id],
    ))  # fmt: skip
    session.workflow.step(a.id, Transition.START, PLANNED)
    session.workflow.finish(a.id, AppointmentStatus.DONE, PLANNED + timedelta(minutes=50))
    return a


def test_close_is_refused_with_reasons_the_map_replaces_the_protocol(
    session: Session, walk: Appointment, qtbot: Any
) -> None:
    dialog = AppointmentWorkDialog(session, walk.id, lambda: LATER)
    qtbot.addWidget(dialog)
    dialog.show()
    panel = dialog.follow_up
    assert dialog.tabs.currentIndex() == 2  # an ended appointment opens on its follow-up
    assert panel.isVisible() and panel.close_button.text() == "Nachbereitung a&bschließen"
    assert not panel.close_button.isEnabled()
    assert "Offen: Dokumentiert: Gedächtnisprotokoll" in panel.close_reasons.text()
    assert "(VerBIS)" in panel.close_reasons.text()
    assert panel.map_button.isEnabled()

    def record(dialog: MapDialog) -> None:
        assert dialog.windowTitle() == "Direkt am MAP dokumentiert"
        assert dialog.by.text() == "Alex Beispiel"  # the vault's owner, changeable
        dialog.by.setText("Erika Muster")
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()

    seen = in_modal(qtbot, MapDialog, record)
    panel.map_button.click()
    assert seen
    assert not panel.map_button.isEnabled()
    assert panel.map_note.text() == "von Erika Muster, 02.12.2026 13:00"
    reasons = panel.close_reasons.text()
    assert "Gedächtnisprotokoll" not in reasons and "(VerBIS)" not in reasons
    assert "über die Ergebnisse informiert" in reasons and not panel.close_button.isEnabled()
    verbis = dialog.views[Phase.FOLLOW_UP].rows["wt.agreements_documented"]
    assert verbis.mark.text() == "✓" and "erfüllt durch bereits Erfasstes" in verbis.note.text()

    told = dialog.views[Phase.FOLLOW_UP].rows["dp.results_communicated"].editor
    assert isinstance(told, QCheckBox)
    told.setChecked(True)
    assert panel.close_button.isEnabled()
    assert panel.close_reasons.text() == "Alles Nötige ist erledigt."
    panel.close_button.click()
    assert session.workflow.state(walk.id, LATER.date()).conduct.closed_at == LATER
    assert not panel.close_button.isEnabled()
    assert panel.close_reasons.text() == "abgeschlossen am 02.12.2026 13:00"


def test_before_an_outcome_both_say_why_not(session: Session, german: None, qtbot: Any) -> None:
    owner = session.owner()
    assert owner is not None
    a = session.appointments.save(Appointment.plan(
        Approach.WALK_AND_TALK, PLANNED, client_id=None, place="Markt", staff_ids=[owner.id],
    ))  # fmt: skip
    dialog = AppointmentWorkDialog(session, a.id, lambda: PLANNED - timedelta(days=1))
    qtbot.addWidget(dialog)
    dialog.show()
    panel = dialog.follow_up
    assert not panel.close_button.isEnabled() and not panel.map_button.isEnabled()
    assert panel.close_reasons.text().startswith("Der Termin hat noch kein Ergebnis.")
    assert "anonyme Beratung" in panel.map_note.text()
