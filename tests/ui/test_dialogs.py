"""Edit dialogs: field errors name the field in German and keep the dialog open; saving works."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from outreach_desktop.domain.vocabulary import Approach
from outreach_desktop.services.session import Session
from outreach_desktop.ui.appointment_dialog import AppointmentDialog
from outreach_desktop.ui.passphrase_dialog import ChangePassphraseDialog
from outreach_desktop.ui.people_dialogs import ClientDialog, ThirdPartyDialog
from testkit import PASSPHRASE
from testkit.internals import vault_of


@pytest.fixture
def gui_session(session: Session, german: None, qtbot: Any) -> Session:
    return session


def _save(dialog: Any) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def test_client_without_name_names_the_field(gui_session: Session, qtbot: Any) -> None:
    dialog = ClientDialog(gui_session, None, None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.number.setText("12A")
    _save(dialog)
    assert dialog.isVisible()
    text = dialog.error_label.text()
    assert "Name: Bitte ausfüllen." in text
    assert "Kundennummer:" in text
    assert QApplication.focusWidget() is dialog.name  # the first invalid field
    assert "2px" in dialog.name.styleSheet()
    assert gui_session.clients.count() == 0

    dialog.name.setText("Olena Kovalenko")
    dialog.number.setText("123a 456789")
    _save(dialog)
    assert not dialog.isVisible()
    stored = gui_session.clients.all()
    assert [(c.display_name, c.customer_number) for c in stored] == [
        ("Olena Kovalenko", "123A456789")
    ]


def test_client_not_in_own_caseload_needs_main_caseworker(gui_session: Session, qtbot: Any) -> None:
    dialog = ClientDialog(gui_session, None, None)
    qtbot.addWidget(dialog)
    dialog.name.setText("Anna")
    dialog.own.setChecked(False)
    assert dialog.main.isEnabled()
    _save(dialog)
    assert "Hauptbetreuung" in dialog.error_label.text()
    dialog.main.setCurrentIndex(1)  # the owner
    _save(dialog)
    client = gui_session.clients.all()[0]
    assert client.main_caseworker_id == gui_session.owner().id  # type: ignore[union-attr]


def test_cancel_leaves_the_record_unchanged(gui_session: Session, qtbot: Any) -> None:
    from outreach_desktop.domain.people import Client

    client = gui_session.clients.save(Client(display_name="Jana Weber"))
    dialog = ClientDialog(gui_session, client, None)
    qtbot.addWidget(dialog)
    dialog.name.setText("Geändert")
    dialog.reject()
    assert client.display_name == "Jana Weber"  # the dialog edits a copy
    assert gui_session.clients.get(client.id).display_name == "Jana Weber"


def test_accompaniment_needs_a_third_party(gui_session: Session, qtbot: Any) -> None:
    party_dialog = ThirdPartyDialog(gui_session, None, None)
    qtbot.addWidget(party_dialog)
    party_dialog.name.setText("Bildungswerk Elbe-Jeetzel")
    _save(party_dialog)

    from outreach_desktop.domain.people import Client

    client = gui_session.clients.save(Client(display_name="Kai Schulz"))
    dialog = AppointmentDialog(gui_session, None, None, client_id=client.id)
    qtbot.addWidget(dialog)
    dialog.approach.setCurrentIndex(list(Approach).index(Approach.ACCOMPANIMENT))
    assert dialog.third_party.isEnabled()
    assert dialog.duration.value() == 90  # the approach's default followed the change
    dialog.client.setCurrentIndex(dialog.client.findData(client.id))
    dialog.place.setText("Eingang Hauptgebäude")
    _save(dialog)
    assert "Dritte: Bitte angeben" in dialog.error_label.text()
    dialog.third_party.setCurrentIndex(1)
    _save(dialog)
    assert not dialog.isVisible(), dialog.error_label.text()
    stored = gui_session.appointments.search()
    assert len(stored) == 1
    a = stored[0]
    assert a.approach is Approach.ACCOMPANIMENT
    assert a.third_party_id == party_dialog.saved.id
    assert a.staff_ids == [gui_session.owner().id]  # type: ignore[union-attr]
    assert a.start == datetime(a.start.year, a.start.month, a.start.day, 10, 0)


def test_change_passphrase_dialog(gui_session: Session, qtbot: Any) -> None:
    dialog = ChangePassphraseDialog(gui_session, None)
    qtbot.addWidget(dialog)
    dialog.current.setText("falsch und noch falscher")
    dialog.new.setText("Neue lange Passphrase")
    dialog.repeat.setText("Neue lange Passphrase")
    _save(dialog)
    assert dialog.error_label.text() == "Die Passphrase ist falsch."
    assert dialog.current.text() == ""  # secrets do not linger in the fields

    dialog.current.setText(PASSPHRASE)
    dialog.new.setText("kurz")
    dialog.repeat.setText("kurz")
    _save(dialog)
    assert "Mindestens 12 Zeichen" in dialog.error_label.text()

    dialog.current.setText(PASSPHRASE)
    dialog.new.setText("Neue lange Passphrase")
    dialog.repeat.setText("Neue lange Passphrase")
    _save(dialog)
    assert not dialog.isVisible()
    vault_of(gui_session).verify_passphrase("Neue lange Passphrase")


def test_recovery_key_can_be_set_up_later(
    gui_session: Session, qtbot: Any, age_keygen_identity: Any
) -> None:
    from outreach_desktop.ui.passphrase_dialog import RecoveryKeyDialog

    dialog = RecoveryKeyDialog(gui_session, None)
    qtbot.addWidget(dialog)
    dialog.recipient.setText("age1-not-a-key")
    _save(dialog)
    assert "age1" in dialog.error_label.text()
    assert vault_of(gui_session).slots.recovery is None
    dialog.recipient.setText(age_keygen_identity.recipient)
    _save(dialog)
    assert not dialog.isVisible()
    assert vault_of(gui_session).slots.recovery is not None
    assert vault_of(gui_session).slots.recovery.recipient == age_keygen_identity.recipient


def test_date_edits_offer_only_the_accepted_window(gui_session: Session, qtbot: Any) -> None:
    from datetime import date

    from PySide6.QtCore import QDate

    from outreach_desktop.ui.workflow_dialogs import date_edit

    dialog = AppointmentDialog(gui_session, None, None)
    qtbot.addWidget(dialog)
    for edit in (dialog.date, date_edit(date(2026, 11, 25))):
        assert edit.minimumDate() == QDate(1900, 1, 1)
        assert edit.maximumDate() == QDate(2200, 12, 31)
        edit.setDate(QDate(9999, 12, 31))
        assert edit.date() == QDate(2200, 12, 31)
