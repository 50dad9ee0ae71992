"""The New appointment/protocol dialogs on thousands of clients: the client field holds a few
names and asks the client search as one types, never the list of every client."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from outreach_desktop.domain.people import Client
from outreach_desktop.services.session import Session
from outreach_desktop.ui.appointment_dialog import AppointmentDialog
from outreach_desktop.ui.client_picker import SHOWN
from outreach_desktop.ui.protocols_page import StandaloneProtocolDialog

# the suggestions' popup on the offscreen platform, which cannot raise it or grab the keyboard
pytestmark = pytest.mark.qt_log_ignore("^This plugin does not support (raise|grabbing)")


@pytest.fixture
def many(session: Session, german: None, qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> Session:
    with session.transaction():
        for n in range(SHOWN + 30):
            session.clients.save(Client(display_name=f"Kundin Nummer {n:03d}"))
        session.clients.save(Client(display_name="Zoe Müller"))

    def everyone() -> Any:
        raise AssertionError("the dialog lists every client")

    monkeypatch.setattr(session.clients, "all", everyone)
    return session


def test_the_protocol_dialog_searches_as_one_types(many: Session, qtbot: Any) -> None:
    dialog = StandaloneProtocolDialog(many, lambda: datetime(2026, 11, 25, 9), None)
    qtbot.addWidget(dialog)
    picker = dialog.client
    assert picker.count() == SHOWN and picker.currentText() == ""
    assert picker.findText("Zoe Müller") < 0  # not among the first names
    picker.setFocus()
    qtbot.keyClicks(picker.lineEdit(), "muller")  # accents and case ignored
    assert [picker.itemText(i) for i in range(picker.count())] == ["Zoe Müller"]
    assert picker.currentText() == "muller"  # what was typed stays
    qtbot.keyClicks(picker.lineEdit(), "x")
    assert picker.count() == 0
    picker.lineEdit().clear()
    qtbot.keyClicks(picker.lineEdit(), "zoe m")  # QTest types ASCII only
    picker.lineEdit().setText("zoe müller")  # the whole name, as the suggestion puts it
    muller = many.clients.search("Zoe Müller")[0]
    assert picker.value("client_id", "Kundin/Kunde") == muller.id


def test_the_appointment_dialog_keeps_its_client_and_anonymous(many: Session, qtbot: Any) -> None:
    muller = many.clients.search("Zoe Müller")[0]
    dialog = AppointmentDialog(many, None, None, client_id=muller.id)
    qtbot.addWidget(dialog)
    picker = dialog.client
    assert picker.currentText() == "Zoe Müller" and picker.currentData() == muller.id
    assert picker.count() == 1 + 1 + SHOWN  # anonymous, the client, the first names
    picker.lineEdit().selectAll()  # typing replaces the chosen name
    qtbot.keyClicks(picker.lineEdit(), "nummer 07")
    texts = [picker.itemText(i) for i in range(picker.count())]
    assert texts[0] == "— anonym —" and "Kundin Nummer 077" in texts and len(texts) == 1 + 1 + 11
