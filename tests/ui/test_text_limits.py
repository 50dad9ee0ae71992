"""The GUI's edits stop at the field's limit (domain/field_limits.py): line edits by maxLength,
multi-line edits by a TextLimit with a counter near the limit and a notice for a cut paste; a
protocol text stored longer than the limit opens whole and is never cut or lost by autosave."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from outreach_desktop.domain import field_limits as limits
from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.people import Client
from outreach_desktop.domain.vocabulary import Approach
from outreach_desktop.services.session import Session
from outreach_desktop.storage.protocol_repo import ProtocolRepository
from outreach_desktop.ui.people_dialogs import ClientDialog
from outreach_desktop.ui.protocol_editor import ProtocolEditor
from outreach_desktop.ui.widgets.text_limit import TextLimit, limit_of
from testkit.internals import repository

DAY = date(2026, 11, 20)
NOW = datetime.combine(DAY, time(16, 0))


def _limit(edit: QPlainTextEdit) -> TextLimit:
    limit = limit_of(edit)
    assert limit is not None
    return limit


@pytest.fixture
def protocol_id(session: Session) -> str:
    client = session.clients.save(Client(display_name="Heike Brandt"))
    a = session.appointments.save(Appointment.plan(
        Approach.WALK_AND_TALK, datetime.combine(DAY, time(10)), client_id=client.id,
        place="Elbuferpromenade", staff_ids=[session.owner().id]))  # type: ignore[union-attr]  # fmt: skip
    return session.protocols.begin(NOW, appointment_id=a.id).id


def open_editor(session: Session, protocol_id: str, qtbot: Any) -> ProtocolEditor:
    dialog = ProtocolEditor(session, protocol_id, lambda: NOW)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_line_edits_stop_typing_at_the_limit(session: Session, german: None, qtbot: Any) -> None:
    dialog = ClientDialog(session, None, None)
    qtbot.addWidget(dialog)
    assert dialog.name.maxLength() == limits.CLIENT_NAME
    assert dialog.phone.maxLength() == limits.CLIENT_PHONE
    dialog.name.setText("x" * (limits.CLIENT_NAME - 1))
    qtbot.keyClicks(dialog.name, "abc")
    assert dialog.name.text() == "x" * (limits.CLIENT_NAME - 1) + "a"


def test_a_line_edit_shows_a_longer_stored_value_whole(
    session: Session, german: None, qtbot: Any
) -> None:
    client = Client(display_name="y" * (limits.CLIENT_NAME + 50))  # stored before a limit
    dialog = ClientDialog(session, client, None)
    qtbot.addWidget(dialog)
    assert dialog.name.text() == client.display_name


def test_typing_stops_at_the_limit_with_a_counter_near_it(
    session: Session, protocol_id: str, german: None, qtbot: Any
) -> None:
    editor = open_editor(session, protocol_id, qtbot)
    edit = editor.edits["topics"]
    limit = _limit(edit)
    assert not limit.counter.isVisible()  # far from the limit: no counter
    edit.setPlainText("a" * (limits.PROTOCOL_TEXT - 3))
    assert limit.counter.isVisible()
    assert limit.counter.text() == "19.997 / 20.000 Zeichen"
    edit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(edit, "bcdefg")
    assert edit.toPlainText() == "a" * (limits.PROTOCOL_TEXT - 3) + "bcd"
    assert "20.000 / 20.000 Zeichen" in limit.counter.text()
    qtbot.waitUntil(lambda: session.protocols.get(protocol_id).topics == edit.toPlainText(),
                    timeout=5000)  # fmt: skip  # autosave keeps exactly what is shown


def test_a_paste_that_would_exceed_is_cut_with_a_notice(
    session: Session, protocol_id: str, german: None, qtbot: Any
) -> None:
    editor = open_editor(session, protocol_id, qtbot)
    edit = editor.edits["course"]
    edit.setPlainText("Anfang Ende")
    cursor = edit.textCursor()
    cursor.setPosition(len("Anfang "))
    edit.setTextCursor(cursor)
    QGuiApplication.clipboard().setText("ü" * limits.PROTOCOL_TEXT)
    edit.paste()
    text = edit.toPlainText()
    assert len(text) == limits.PROTOCOL_TEXT
    assert text.startswith("Anfang ü") and text.endswith("üEnde")  # the tail was kept
    notice = _limit(edit).counter.text()
    assert "11 Zeichen passten nicht" in notice and "höchstens 20.000" in notice
    assert _limit(edit).counter.isVisible()


def test_a_text_stored_longer_opens_whole_may_shrink_never_grow(
    session: Session, protocol_id: str, german: None, qtbot: Any
) -> None:
    draft = session.protocols.get(protocol_id)
    draft.course = "z" * (limits.PROTOCOL_TEXT + 500)  # as an older version could store it
    repository(session, ProtocolRepository).save(draft, check=False)
    editor = open_editor(session, protocol_id, qtbot)
    edit = editor.edits["course"]
    assert edit.toPlainText() == draft.course  # opened in full
    assert "bitte kürzen" in _limit(edit).counter.text()
    edit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(edit, "more")
    assert edit.toPlainText() == draft.course  # not lengthened
    qtbot.keyClicks(editor.edits["topics"], "Wohnung")  # another field: autosave keeps both
    qtbot.waitUntil(lambda: session.protocols.get(protocol_id).topics == "Wohnung", timeout=5000)
    assert session.protocols.get(protocol_id).course == draft.course


def test_a_longer_text_shortened_but_still_over_is_not_saved_and_says_why(
    session: Session, protocol_id: str, german: None, qtbot: Any
) -> None:
    draft = session.protocols.get(protocol_id)
    draft.course = "z" * (limits.PROTOCOL_TEXT + 500)
    repository(session, ProtocolRepository).save(draft, check=False)
    editor = open_editor(session, protocol_id, qtbot)
    edit = editor.edits["course"]
    edit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    assert not editor.save_now()  # still over: refused, the editor keeps every character
    assert "Gesprächsverlauf: Höchstens 20.000 Zeichen (jetzt 20.499)" in editor.message.text()
    assert len(edit.toPlainText()) == limits.PROTOCOL_TEXT + 499 and editor.autosave.dirty
    edit.setPlainText("z" * limits.PROTOCOL_TEXT)  # shortened to fit: saved
    assert editor.save_now()
    assert session.protocols.get(protocol_id).course == "z" * limits.PROTOCOL_TEXT


def test_text_set_in_one_go_is_cut_at_its_end(session: Session, german: None, qtbot: Any) -> None:
    edit = QPlainTextEdit()
    qtbot.addWidget(edit)
    limit = TextLimit(edit, 10)
    edit.setPlainText("0123456789abc")
    assert edit.toPlainText() == "0123456789" and limit.length == 10
    assert "3 Zeichen passten nicht" in limit.counter.text()
    edit.setPlainText("😀" * 12)  # characters outside the BMP: two UTF-16 units each in Qt
    assert edit.toPlainText() == "😀" * 10
