"""Writing a memory protocol: template, autosave, finalize, addendum, search, Übernahme."""

from __future__ import annotations

import threading
from datetime import date, datetime, time
from typing import Any

import pytest
from PySide6.QtGui import QGuiApplication, QTextCursor
from PySide6.QtWidgets import QLabel

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.people import Client
from outreach_desktop.domain.vocabulary import Approach
from outreach_desktop.services.session import Session
from outreach_desktop.ui import messages
from outreach_desktop.ui.clipboard import sensitive_clipboard
from outreach_desktop.ui.protocol_editor import AddendumDialog, FollowUpDialog, ProtocolEditor
from testkit.gui import in_modal
from testkit.internals import vault_of

DAY = date(2026, 11, 20)
NOW = datetime.combine(DAY, time(16, 0))


def finished(qtbot: Any, editor: ProtocolEditor) -> None:
    """Wait for the editor's background work (finalizing, rendering) to come back."""
    qtbot.waitUntil(lambda: editor.busy.running == 0, timeout=10000)


@pytest.fixture
def editor(session: Session, german: None, qtbot: Any) -> ProtocolEditor:
    client = session.clients.save(Client(display_name="Heike Brandt"))
    a = session.appointments.save(Appointment.plan(
        Approach.WALK_AND_TALK, datetime.combine(DAY, time(10)), client_id=client.id,
        place="Elbuferpromenade", staff_ids=[session.owner().id]))  # type: ignore[union-attr]  # fmt: skip
    protocol = session.protocols.begin(NOW, appointment_id=a.id)
    dialog = ProtocolEditor(session, protocol.id, lambda: NOW)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_template_autosave_finalize_addendum_and_search(
    editor: ProtocolEditor, session: Session, qtbot: Any
) -> None:
    template = next(t for t in editor.templates.for_field("course")
                    if t.title == "Walk and Talk – Einstieg")  # fmt: skip
    editor.template_menus.insert("course", template)
    course = editor.edits["course"].toPlainText()
    assert "20.11.2026" in course and "Heike Brandt" in course and "Elbuferpromenade" in course
    qtbot.keyClicks(editor.edits["topics"], "Bewerbungstraining Gaertnerei")
    # autosave a moment after typing stops
    qtbot.waitUntil(lambda: "Gaertnerei" in session.protocols.get(editor.protocol_id).topics,
                    timeout=5000)  # fmt: skip
    assert "Gespeichert" in editor.saved_label.text()

    messages.set_next_answer(True)
    editor.finalize_button.click()
    finished(qtbot, editor)
    stored = session.protocols.get(editor.protocol_id)
    assert stored.is_final and editor.edits["course"].isReadOnly()
    assert editor.addendum_button.isVisible() and not editor.finalize_button.isVisible()

    def write(dialog: AddendumDialog) -> None:
        dialog.text.setPlainText("Nachtrag: Termin in der Gaertnerei steht fest.")
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()

    seen = in_modal(qtbot, AddendumDialog, write)
    editor.addendum_button.click()
    assert seen
    assert [a.text for a in session.protocols.get(editor.protocol_id).addenda] == [
        "Nachtrag: Termin in der Gaertnerei steht fest."
    ]
    hits = session.protocols.search("gaertnerei")
    assert [h.ref for h in hits] == [editor.protocol_id]


def test_transfer_view_copies_marked_and_clears(editor: ProtocolEditor, qtbot: Any) -> None:
    editor.edits["course"].setPlainText("Gespräch über den Führerschein.")
    editor.save_now()
    editor._show()
    copy_buttons = [b for b in editor.handover.findChildren(type(editor.finalize_button))
                    if b.text() == "Kopieren"]  # fmt: skip
    assert copy_buttons
    course_button = next(b for b in copy_buttons if "Gesprächsverlauf" in b.accessibleName())
    course_button.click()
    clipboard = QGuiApplication.clipboard()
    assert clipboard.text() == "Gespräch über den Führerschein."
    assert clipboard.mimeData().data("x-kde-passwordManagerHint").data() == b"secret"
    assert "Kopiert: Gesprächsverlauf – wird nach 30 Sekunden" in editor.saved_label.text()
    sensitive_clipboard().clear_if_ours()  # what the 30 s timer and locking do
    assert clipboard.text() == ""
    notes = [w.text() for w in editor.handover.findChildren(QLabel)]
    assert "Entwurf – noch nicht abgeschlossen." in notes
    copy_all = next(b for b in editor.handover.findChildren(type(editor.finalize_button))
                    if b.accessibleName() == "Alle Felder kopieren")  # fmt: skip
    copy_all.click()
    everything = clipboard.text()
    assert "Kundin/Kunde:\nHeike Brandt" in everything
    assert "Gesprächsverlauf:\nGespräch über den Führerschein." in everything
    assert clipboard.mimeData().data("x-kde-passwordManagerHint").data() == b"secret"
    sensitive_clipboard().clear_if_ours()


def test_ctrl_s_saves_at_once(editor: ProtocolEditor, session: Session, qtbot: Any) -> None:
    from PySide6.QtCore import Qt

    editor.edits["topics"].setPlainText("Bewerbungsmappe")
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    editor.edits["topics"].setFocus()
    qtbot.keyClick(editor.edits["topics"], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert session.protocols.get(editor.protocol_id).topics == "Bewerbungsmappe"
    assert editor.saved_label.text() == "Gespeichert um 16:00:00"


def test_closing_keeps_what_was_typed(editor: ProtocolEditor, session: Session) -> None:
    editor.edits["agreements"].setPlainText("Mündlich: Rückruf am Freitag")
    assert editor.autosave.dirty
    editor.reject()  # before the autosave timer fired
    assert session.protocols.get(editor.protocol_id).agreements == "Mündlich: Rückruf am Freitag"


def test_finalize_refused_with_reason(editor: ProtocolEditor, session: Session, qtbot: Any) -> None:
    editor.routes["to_main_caseworker"].setChecked(True)
    editor.edits["course"].setPlainText("Verlauf")
    messages.set_next_answer(True)
    editor.finalize_button.click()
    finished(qtbot, editor)
    assert "Einverständnis" in editor.message.text()
    assert not session.protocols.get(editor.protocol_id).is_final


def test_follow_up_from_the_editor_keeps_typed_text(
    editor: ProtocolEditor, session: Session, qtbot: Any
) -> None:
    editor.edits["next_steps"].setPlainText("Folgetermin im Park")
    assert editor.follow_up_label.text() == "keiner"

    def plan(dialog: FollowUpDialog) -> None:
        assert dialog.date.date().toPython() == date(2026, 12, 4)  # two weeks after the meeting
        dialog.place.setText("Stadtpark Lüchow")
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()

    seen = in_modal(qtbot, FollowUpDialog, plan)
    editor.follow_up_button.click()
    assert seen
    stored = session.protocols.get(editor.protocol_id)
    follow = session.appointments.get(stored.follow_up_id)  # type: ignore[arg-type]
    assert follow.place == "Stadtpark Lüchow" and follow.predecessor_id == stored.appointment_id
    assert stored.next_steps == "Folgetermin im Park"  # saved before planning
    assert editor.follow_up_label.text() == "04.12.2026 10:00, Stadtpark Lüchow"
    assert not editor.follow_up_button.isVisible()
    editor.edits["reflection"].setPlainText("Gute Stimmung")
    assert editor.save_now()  # no stale revision after the follow-up


def test_finalized_reads_as_a_record_with_its_addenda(
    editor: ProtocolEditor, session: Session, qtbot: Any
) -> None:
    assert "Gespräch am 20.11.2026 10:00" in editor.header.text()
    assert "geschrieben am 20.11.2026 16:00" in editor.header.text()
    assert "Mitarbeitende: Alex Beispiel · weitere Anwesende: keine" in editor.header.text()
    assert all(b.isVisible() for b in editor.template_buttons)
    editor.edits["topics"].setPlainText("Führerschein")
    messages.set_next_answer(True)
    editor.finalize_button.click()
    finished(qtbot, editor)
    assert not any(b.isVisible() for b in editor.template_buttons)
    assert editor.banner.isVisible() and "Abgeschlossen – nur lesbar" in editor.banner.text()
    assert not editor.follow_up_button.isVisible() and not editor.addenda_label.isVisible()
    owner = session.owner().id  # type: ignore[union-attr]
    session.protocols.add_addendum(editor.protocol_id, "Prüfung bestanden.", NOW, owner)
    editor._show()
    assert editor.addenda_label.isVisible()
    assert "Nachtrag 20.11.2026 16:00, " in editor.addenda_label.text()
    assert "Prüfung bestanden." in editor.addenda_label.text()


def test_own_templates_saved_offered_and_deleted(editor: ProtocolEditor) -> None:
    from PySide6.QtWidgets import QMenu

    editor.edits["agreements"].setPlainText("Mündlich: Rückruf am Freitag\nweitere Zeile")
    editor.template_menus.save_as_template("agreements")
    assert "Mündlich: Rückruf am Freitag" in editor.saved_label.text()
    menu = QMenu(editor)
    editor.template_menus.fill_menu(menu, "agreements")
    titles = [a.text() for a in menu.actions()]
    assert "★ Mündlich: Rückruf am Freitag" in titles
    assert "Diesen Text als eigene Vorlage speichern" in titles
    remove = next(a.menu() for a in menu.actions() if a.text() == "Eigene Vorlage löschen")
    own = next(t for t in editor.templates.for_field("agreements") if t.personal)
    messages.set_next_answer(False)
    editor.template_menus.delete(own)
    assert any(t.personal for t in editor.templates.for_field("agreements"))
    messages.set_next_answer(True)
    remove.actions()[0].trigger()
    assert not any(t.personal for t in editor.templates.for_field("agreements"))


def test_disk_full_keeps_the_window_open_until_the_user_decides(
    editor: ProtocolEditor, session: Session
) -> None:
    conn = vault_of(session).db.connection
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")  # the disk is full now
    editor.edits["course"].setPlainText("Langer Verlauf " * 1300)  # within the limit
    assert not editor.save_now()
    assert "Speicherplatz voll — nichts wurde geändert" in editor.message.text()
    messages.set_next_answer(False)  # "Ohne Speichern schließen?" – no
    editor.reject()
    assert editor.isVisible() and editor.edits["course"].toPlainText().startswith("Langer")
    conn.execute("PRAGMA max_page_count = 1073741823")  # space freed
    editor.reject()
    assert not editor.isVisible()
    assert session.protocols.get(editor.protocol_id).course.startswith("Langer Verlauf")


def test_countersign_names_the_person_and_is_confirmed(
    session: Session, german: None, qtbot: Any
) -> None:
    from outreach_desktop.domain.people import Staff
    from outreach_desktop.ui.protocol_editor import CountersignDialog

    client = session.clients.save(Client(display_name="Ute Voß"))
    second = session.staff.save(Staff(name="Birgit Sommer"))
    owner = session.owner().id  # type: ignore[union-attr]
    visit = session.appointments.save(Appointment.plan(
        Approach.HOME_VISIT, datetime.combine(DAY, time(10)), client_id=client.id,
        staff_ids=[owner, second.id]))  # fmt: skip
    protocol = session.protocols.begin(NOW, appointment_id=visit.id)
    protocol.course = "An der Tür."
    session.protocols.save_draft(protocol)
    session.protocols.finalize(protocol.id, NOW, owner)
    editor = ProtocolEditor(session, protocol.id, lambda: NOW)
    qtbot.addWidget(editor)
    editor.show()
    assert editor.countersign_button.isVisible()

    def sign(dialog: CountersignDialog) -> None:
        assert [dialog.person.itemText(i) for i in range(dialog.person.count())] == [
            "Birgit Sommer"
        ]
        assert "nicht zurücknehmen" in dialog.intro.text()
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()

    seen = in_modal(qtbot, CountersignDialog, sign)
    editor.countersign_button.click()
    assert seen
    stored = session.protocols.get(protocol.id)
    assert (stored.countersigned_by, stored.countersigned_at) == (second.id, NOW)
    assert not editor.countersign_button.isVisible()
    assert "gegengezeichnet am 20.11.2026 16:00 von Birgit Sommer" in editor.header.text()
    editor.reject()


def test_templates_for_this_approach_first_and_added_after_the_text(
    editor: ProtocolEditor,
) -> None:
    from PySide6.QtWidgets import QMenu

    menu = QMenu(editor)
    editor.template_menus.fill_menu(menu, "course")
    top = [a.text() for a in menu.actions() if a.text()]
    assert "Walk and Talk – Einstieg" in top and "Hausbesuch – an der Tür" not in top
    more = next(a.menu() for a in menu.actions() if a.text() == "Andere Handlungsansätze")
    assert {a.text() for a in more.actions()} == {
        "Hausbesuch – an der Tür", "Begleitung – bis zur Tür",
    }  # fmt: skip
    editor.edits["course"].setPlainText("Schon notiert.")
    editor.edits["course"].moveCursor(QTextCursor.MoveOperation.Start)  # cursor at the start
    template = next(t for t in editor.templates.for_field("course")
                    if t.title == "Walk and Talk – Einstieg")  # fmt: skip
    editor.template_menus.insert("course", template)
    text = editor.edits["course"].toPlainText()
    assert text.startswith("Schon notiert.\n\nTreffen am 20.11.2026 um 10:00 Uhr")


def test_a_draft_changed_elsewhere_is_saved_with_this_windows_text(
    editor: ProtocolEditor, session: Session
) -> None:
    elsewhere = session.protocols.get(editor.protocol_id)
    elsewhere.topics = "aus einem anderen Fenster"
    session.protocols.save_draft(elsewhere)  # the editor's copy is now one revision behind
    editor.edits["course"].setPlainText("Verlauf aus diesem Fenster")
    assert editor.save_now()
    stored = session.protocols.get(editor.protocol_id)
    assert stored.course == "Verlauf aus diesem Fenster" and stored.topics == ""
    assert editor.message.text() == ""


def test_a_save_that_fails_otherwise_is_not_retried_as_if_stale(
    editor: ProtocolEditor, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only StaleRecord means "saved meanwhile elsewhere"; a full disk is reported, the typed
    text stays in the window, and nothing is reloaded over it."""
    reloads = []
    real_get = session.protocols.get
    monkeypatch.setattr(session.protocols, "get", lambda pid: reloads.append(pid) or real_get(pid))
    conn = vault_of(session).db.connection
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")
    editor.edits["course"].setPlainText("Lang " * 20000)
    try:
        saved = editor.save_now()
    finally:
        conn.execute("PRAGMA max_page_count = 1073741823")  # room again, also if that failed
    assert not saved
    assert "Speicherplatz voll — nichts wurde geändert" in editor.message.text()
    assert reloads == []
    assert editor.edits["course"].toPlainText().startswith("Lang Lang")
    assert editor.save_now()
    assert real_get(editor.protocol_id).course.startswith("Lang Lang")


def test_finalizing_and_printing_run_off_the_gui_thread(
    editor: ProtocolEditor, session: Session, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both can take long on a large vault: they run in a worker while the editor shows it
    is busy (the button says so, the form takes no typing), and come back to the window."""
    release, threads = threading.Event(), []
    real_finalize = session.protocols.finalize

    def slow_finalize(*args: Any) -> Any:
        threads.append(threading.current_thread() is threading.main_thread())
        release.wait(10)
        return real_finalize(*args)

    monkeypatch.setattr(session.protocols, "finalize", slow_finalize)
    editor.edits["course"].setPlainText("Verlauf")
    messages.set_next_answer(True)
    editor.finalize_button.click()
    qtbot.waitUntil(lambda: bool(threads))
    assert threads == [False]
    assert editor.finalize_button.text() == "Wird abgeschlossen …"
    assert not editor.finalize_button.isEnabled() and not editor.form.isEnabled()
    release.set()
    finished(qtbot, editor)
    assert session.protocols.get(editor.protocol_id).is_final
    assert editor.addendum_button.isVisible() and editor.form.isEnabled()
    assert editor.edits["course"].isReadOnly()

    shown: list[int] = []
    editor.print_pages = lambda _parent, pages: shown.append(len(pages.images)) or True  # type: ignore[assignment, func-returns-value]
    editor.has_printer = lambda: True  # a printer is set up
    editor.print_button.click()
    assert editor.print_button.text() == "Wird erstellt …"
    finished(qtbot, editor)
    assert shown and shown[0] >= 1 and editor.print_button.text() == "&Drucken …"


def test_a_refused_finalize_comes_back_with_its_reason(
    editor: ProtocolEditor, session: Session, qtbot: Any
) -> None:
    editor.routes["to_main_caseworker"].setChecked(True)
    messages.set_next_answer(True)
    editor.finalize_button.click()
    finished(qtbot, editor)
    assert "Einverständnis" in editor.message.text() and editor.form.isEnabled()
    assert editor.finalize_button.isEnabled() and editor.finalize_button.text() == "&Abschließen …"
