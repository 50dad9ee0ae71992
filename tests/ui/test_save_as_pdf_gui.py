"""No printer is not a dead end: beside every print there is "Als PDF speichern …" with the
warnings a consent form has (contact details, not encrypted) and a note in the history; without
a printer, printing says so and points to that button."""

from __future__ import annotations

import io
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import pypdf
import pytest

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.documents import DocumentKind
from outreach_desktop.domain.people import Client
from outreach_desktop.domain.vocabulary import Approach
from outreach_desktop.services.session import Session
from outreach_desktop.ui import messages
from outreach_desktop.ui.appointment_work_dialog import AppointmentWorkDialog
from outreach_desktop.ui.protocol_editor import ProtocolEditor

DAY = date(2026, 12, 2)
NOW = datetime.combine(DAY, time(9, 30))
NO_PRINTER = "Auf diesem Rechner ist kein Drucker eingerichtet. Mit „Als PDF speichern …“"


def _text(path: Path) -> str:
    reader = pypdf.PdfReader(io.BytesIO(path.read_bytes()))
    return "\n".join(page.extract_text() for page in reader.pages)


def _appointment(session: Session, approach: Approach = Approach.HOME_VISIT) -> Appointment:
    client = session.clients.save(
        Client(display_name="Jürgen Größer", address="Am Markt 1\n29439 Lüchow")
    )
    return session.appointments.save(Appointment.plan(
        approach, datetime.combine(DAY, time(10)), client_id=client.id,
        place="Eingang Hauptgebäude", staff_ids=[session.owner().id]))  # type: ignore[union-attr]  # fmt: skip


def _work(session: Session, a: Appointment, qtbot: Any) -> AppointmentWorkDialog:
    work = AppointmentWorkDialog(session, a.id, lambda: NOW)
    qtbot.addWidget(work)
    work.show()
    return work


def _editor(session: Session, qtbot: Any) -> ProtocolEditor:
    a = _appointment(session, Approach.WALK_AND_TALK)
    protocol = session.protocols.begin(NOW, appointment_id=a.id)
    editor = ProtocolEditor(session, protocol.id, lambda: NOW)
    qtbot.addWidget(editor)
    editor.show()
    return editor


def test_a_letter_is_saved_as_pdf_after_the_warning_and_noted(
    session: Session, german: None, answerable_sender: None, qtbot: Any, settle: Any,
    tmp_path: Path,
) -> None:  # fmt: skip
    a = _appointment(session)
    panel = _work(session, a, qtbot).consents
    kind = DocumentKind.CONFIRMATION_LETTER
    save = panel.letter_save_buttons[kind]
    assert save.isVisibleTo(panel) and save.text() == "Als PDF speichern …"
    target = tmp_path / "brief.pdf"
    suggested: list[str] = []
    panel.ask_path = lambda _p, s: suggested.append(s) or str(target)  # type: ignore[assignment, func-returns-value]
    messages.set_next_answer(False)  # "not encrypted": back
    save.click()
    assert panel.busy.running == 0 and not target.exists() and not suggested
    messages.set_next_answer(True)
    save.click()
    settle(panel)
    assert suggested == ["Terminbestaetigung-2026-12-02.pdf"]
    assert (target.stat().st_mode & 0o777) == 0o600
    text = _text(target)
    assert "Jürgen Größer" in text and "Terminbestätigung" in text
    notes = session.saved_pdfs.for_appointment(a.id)
    assert [(n.kind, n.saved_at) for n in notes] == [(kind.value, NOW)]
    assert notes[0].form_version.startswith("de:")
    assert panel.letter_history.isVisibleTo(panel)
    assert panel.letter_history.text() == (
        "02.12.2026 09:30 · Terminbestätigung als PDF gespeichert (unverschlüsselt)"
    )


def test_saving_a_letter_warns_of_missing_contact_details_first(
    session: Session, german: None, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    panel = _work(session, _appointment(session), qtbot).consents
    asked: list[tuple[str, str, str]] = []

    def confirm(_p: Any, title: str, text: str, action: str, back: str | None = None) -> bool:
        asked.append((title, text, action))
        return False

    monkeypatch.setattr("outreach_desktop.ui.pdf_saving.confirm", confirm)
    panel.ask_path = lambda _p, _s: str(tmp_path / "x.pdf")  # type: ignore[assignment]
    panel.letter_save_buttons[DocumentKind.ANNOUNCEMENT_LETTER].click()
    assert [(t, a) for t, _x, a in asked] == [("Kontaktangaben fehlen", "Trotzdem speichern")]
    assert "Telefonnummer für Rückfragen" in asked[0][1]
    assert not (tmp_path / "x.pdf").exists() and panel.busy.running == 0


def test_the_memory_protocol_is_saved_as_pdf_after_the_warning_and_noted(
    session: Session, german: None, qtbot: Any, tmp_path: Path
) -> None:
    editor = _editor(session, qtbot)
    editor.edits["course"].setPlainText("Wir sind am Elbufer entlanggegangen.")
    assert editor.save_pdf_button.text() == "Als PDF spe&ichern …"
    target = tmp_path / "protokoll.pdf"
    suggested: list[str] = []
    editor.ask_path = lambda _p, s: suggested.append(s) or str(target)  # type: ignore[assignment, func-returns-value]
    messages.set_next_answer(False)
    editor.save_pdf_button.click()
    assert not target.exists() and not editor.saves.isVisible()
    messages.set_next_answer(True)
    editor.save_pdf_button.click()
    qtbot.waitUntil(lambda: editor.busy.running == 0, timeout=10000)
    assert suggested == ["Gedaechtnisprotokoll-2026-12-02.pdf"]
    assert "Wir sind am Elbufer entlanggegangen." in _text(target)  # the typed text, saved first
    assert (target.stat().st_mode & 0o777) == 0o600
    assert [n.saved_at for n in session.saved_pdfs.for_protocol(editor.protocol_id)] == [NOW]
    assert editor.saves.isVisible() and editor.saves.text() == (
        "02.12.2026 09:30 · Gedächtnisprotokoll als PDF gespeichert (unverschlüsselt)"
    )


def test_without_a_printer_every_print_points_to_save_as_pdf(
    session: Session, german: None, answerable_sender: None, qtbot: Any,
    error_boxes: list[str],
) -> None:  # fmt: skip
    from outreach_desktop.domain.consents import ConsentKind

    a = _appointment(session)
    session.consents.prepare(ConsentKind.HOME_VISIT, NOW, appointment_id=a.id)
    panel = _work(session, a, qtbot).consents
    editor = _editor(session, qtbot)
    shown: list[Any] = []
    for place in (panel, editor):
        place.has_printer = lambda: False  # no printer set up (QPrinterInfo lists none)
        place.print_pages = lambda _w, pages: shown.append(pages) or True  # type: ignore[assignment, func-returns-value]
    buttons = [panel.print_button, *panel.letter_buttons.values(), editor.print_button]
    for push in buttons:
        assert push.isEnabled()
        push.click()
    assert panel.busy.running == 0 and editor.busy.running == 0 and not shown
    assert len(error_boxes) == len(buttons)
    assert all(text.startswith(NO_PRINTER) for text in error_boxes)


def test_the_system_is_asked_for_printers() -> None:
    from PySide6.QtPrintSupport import QPrinterInfo

    from outreach_desktop.ui.printing import printer_available

    assert printer_available() is bool(QPrinterInfo.availablePrinters())
