"""A release naming a third party on a Walk and Talk, given orally in the consents panel, meets
the checklist item; a talk with that third party is logged ("Gespräch mit Dritten erfassen")
and shown, and refused without a release."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.checklists import ItemState
from outreach_desktop.domain.consents import ConsentKind, ConsentState, GivenHow
from outreach_desktop.domain.people import Client, ThirdParty
from outreach_desktop.domain.vocabulary import Approach
from outreach_desktop.services.session import Session
from outreach_desktop.ui.appointment_work_dialog import AppointmentWorkDialog
from outreach_desktop.ui.consent_dialogs import ConsentDialog, GivenDialog
from outreach_desktop.ui.talks_box import TalkDialog
from testkit.gui import in_modal

DAY = date(2026, 12, 2)
NOW = datetime.combine(DAY, time(15))
ITEM = "dp.confidentiality_release"


@pytest.fixture
def setup(session: Session, german: None, qtbot: Any) -> tuple[Session, Appointment, Any]:
    client = session.clients.save(Client(display_name="Jürgen Größer"))
    session.third_parties.save(ThirdParty(name="Kanzlei Reinholz"))
    session.third_parties.save(ThirdParty(name="Praxis Dr. Wendt"))
    a = session.appointments.save(Appointment.plan(
        Approach.WALK_AND_TALK, datetime.combine(DAY, time(10)), client_id=client.id,
        place="Stadtpark, Eingang Nord", staff_ids=[session.owner().id]))  # type: ignore[union-attr]  # fmt: skip
    session.workflow.answer(a.id, "dp.third_party_talk_planned", True, NOW)
    work = AppointmentWorkDialog(session, a.id, lambda: NOW)
    qtbot.addWidget(work)
    work.show()
    return session, a, work


def _save(dialog: Any) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def _met(session: Session, a: Appointment) -> bool:
    found = session.workflow.state(a.id, DAY).status.find(ITEM)
    return found is not None and found.state is ItemState.DONE


def test_a_release_on_a_walk_and_talk_and_a_talk_under_it(
    setup: tuple[Session, Appointment, Any], qtbot: Any
) -> None:
    session, a, work = setup
    panel = work.consents
    assert not _met(session, a)

    def refuse_without_release(dialog: TalkDialog) -> None:
        assert dialog.release.currentData() is None
        _save(dialog)
        assert "Schweigepflichtentbindung" in dialog.error_label.text()
        dialog.reject()

    seen = in_modal(qtbot, TalkDialog, refuse_without_release)
    panel.talks.add_button.click()
    assert seen and session.talks.for_appointment(a.id) == []

    def prepare(dialog: ConsentDialog) -> None:
        dialog.kind.setCurrentIndex(dialog.kind.findData(ConsentKind.CONFIDENTIALITY_RELEASE.value))
        assert dialog.form.isRowVisible(dialog.fields["third_party_id"])
        dialog.third_party.setCurrentIndex(dialog.third_party.findText("Praxis Dr. Wendt"))
        dialog.purpose.setText("Abstimmung Reha-Antrag")
        _save(dialog)

    seen = in_modal(qtbot, ConsentDialog, prepare)
    panel.new_button.click()
    assert seen
    [release] = session.consents.for_appointment(a.id)
    assert "Praxis Dr. Wendt" in panel.list.currentItem().text()

    seen = in_modal(qtbot, GivenDialog, _save)
    panel.oral_button.click()
    assert seen
    release = session.consents.get(release.id)
    assert release.state is ConsentState.SIGNED and release.given_how is GivenHow.ORAL
    assert _met(session, a)  # the item a Walk and Talk could never meet before

    def log(dialog: TalkDialog) -> None:
        assert dialog.release.currentData() == release.id
        assert "Praxis Dr. Wendt" in dialog.release.currentText()
        dialog.note.setText("Termin für den Antrag abgestimmt")
        _save(dialog)

    seen = in_modal(qtbot, TalkDialog, log)
    panel.talks.add_button.click()
    assert seen
    [talk] = session.talks.for_appointment(a.id)
    assert (talk.release_id, talk.note) == (release.id, "Termin für den Antrag abgestimmt")
    assert panel.talks.list.count() == 1
    shown = panel.talks.list.item(0).text()
    assert "02.12.2026 15:00" in shown and "Praxis Dr. Wendt" in shown
    assert panel.talks.list.isVisibleTo(panel) and not panel.talks.empty.isVisibleTo(panel)
