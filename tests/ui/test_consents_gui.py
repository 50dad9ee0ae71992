"""Consents in the appointment window: prepare, print from memory, sign on screen with the
mouse, and the workflow rules releasing on the real record."""

from __future__ import annotations

import io
import threading
from datetime import date, datetime, time
from typing import Any

import pypdf
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog
from shiboken6 import isValid

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.checklists import Transition
from outreach_desktop.domain.consents import ConsentKind, ConsentState, GivenHow
from outreach_desktop.domain.documents import DocumentKind
from outreach_desktop.domain.people import Client, ThirdParty
from outreach_desktop.domain.vocabulary import Approach
from outreach_desktop.services.session import Session
from outreach_desktop.ui import messages
from outreach_desktop.ui.appointment_work_dialog import AppointmentWorkDialog
from outreach_desktop.ui.consent_dialogs import ConsentDialog, EndConsentDialog, SignOnScreenDialog
from outreach_desktop.ui.printing import PRINT_DPI, PrintPages
from outreach_desktop.ui.tasks import wait_for_background
from testkit.gui import in_modal

DAY = date(2026, 12, 2)
NOW = datetime.combine(DAY, time(9, 30))


@pytest.fixture
def setup(
    session: Session, german: None, answerable_sender: None, qtbot: Any
) -> tuple[Session, Appointment, Any]:
    client = session.clients.save(
        Client(display_name="Jürgen Größer", address="Am Markt 1\n29439 Lüchow")
    )
    party = session.third_parties.save(ThirdParty(name="Bildungswerk Elbe-Jeetzel"))
    a = session.appointments.save(Appointment.plan(
        Approach.ACCOMPANIMENT, datetime.combine(DAY, time(10)), client_id=client.id,
        third_party_id=party.id, place="Eingang Hauptgebäude",
        staff_ids=[session.owner().id]))  # type: ignore[union-attr]  # fmt: skip
    work = AppointmentWorkDialog(session, a.id, lambda: NOW)
    qtbot.addWidget(work)
    work.show()
    return session, a, work


def _save(dialog: Any) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def _prepare(qtbot: Any, work: AppointmentWorkDialog) -> None:
    def fill(dialog: ConsentDialog) -> None:
        assert dialog.kind.currentData() == ConsentKind.ACCOMPANIMENT.value
        assert not dialog.form.isRowVisible(dialog.fields["purpose"])  # release fields hidden
        _save(dialog)

    seen = in_modal(qtbot, ConsentDialog, fill)
    work.consents.new_button.click()
    assert seen


def test_consent_printed_signed_on_screen_and_releasing_the_start(
    setup: tuple[Session, Appointment, Any], qtbot: Any, settle: Any
) -> None:
    session, a, work = setup
    start = work.conduct.step_buttons[Transition.START]
    assert not start.isEnabled()

    _prepare(qtbot, work)
    panel = work.consents
    assert panel.list.count() == 1
    assert panel.list.item(0).text() == "Einverständnis zur Begleitung · Vorbereitet"

    printed: list[PrintPages] = []
    panel.print_pages = lambda _parent, pages: printed.append(pages) or True  # type: ignore[assignment, func-returns-value]
    panel.has_printer = lambda: True  # a printer is set up
    panel.print_button.click()
    settle(panel)
    assert printed and printed[0].pdf.startswith(b"%PDF")
    pages = printed[0].images  # what the printer gets: rendered from memory at 300 dpi
    assert pages and abs(pages[0].width() - round(210 / 25.4 * PRINT_DPI)) <= 2
    consent = session.consents.for_appointment(a.id)[0]
    assert consent.state is ConsentState.PRINTED and consent.form_version

    def sign(dialog: SignOnScreenDialog) -> None:
        _save(dialog)  # empty pad: refused with a message
        assert "unterschreiben" in dialog.error_label.text()
        pad = dialog.pad
        qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(40, 60))
        for x in range(45, 300, 15):
            qtbot.mouseMove(pad, QPoint(x, 60 + (x % 40)))
        qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(300, 80))
        assert not pad.is_empty()
        _save(dialog)

    seen = in_modal(qtbot, SignOnScreenDialog, sign)
    panel.screen_button.click()
    assert seen and not seen[0].isVisible()

    consent = session.consents.get(consent.id)
    assert consent.state is ConsentState.SIGNED and consent.given_how is GivenHow.SCREEN
    assert consent.signature_png and consent.signature_png.startswith(b"\x89PNG")
    reader = pypdf.PdfReader(io.BytesIO(consent.signed_pdf or b""))
    images = [img for page in reader.pages for img in page.images]
    assert images, "the signature is embedded in the signed form"
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Jürgen Größer" in text
    assert panel.reprint_button.isEnabled()

    work.reload()
    assert work.conduct.step_buttons[Transition.START].isEnabled()  # released by the record

    def revoke(dialog: EndConsentDialog) -> None:
        dialog.note.setText("telefonisch")
        _save(dialog)

    in_modal(qtbot, EndConsentDialog, revoke)
    panel.revoke_button.click()
    assert session.consents.get(consent.id).state is ConsentState.REVOKED
    assert not work.conduct.step_buttons[Transition.START].isEnabled()  # blocked again
    assert " · Widerrufen · telefonisch" in panel.history.text()  # the domain's label


def test_save_as_pdf_warns_and_writes_only_where_chosen(
    setup: tuple[Session, Appointment, Any], qtbot: Any, tmp_path: Any, settle: Any
) -> None:
    session, a, work = setup
    _prepare(qtbot, work)
    panel = work.consents
    (tmp_path / "chosen").mkdir()
    target = tmp_path / "chosen" / "einwilligung.pdf"
    suggested: list[str] = []

    def ask_path(_parent: Any, suggestion: str) -> str:
        suggested.append(suggestion)
        return str(target)

    panel.ask_path = ask_path  # type: ignore[assignment]
    messages.set_next_answer(False)  # the warning: cancelled
    panel.save_button.click()
    assert panel.busy.running == 0 and not target.exists()  # nothing rendered, nothing written
    messages.set_next_answer(True)
    panel.save_button.click()
    settle(panel)
    assert target.read_bytes().startswith(b"%PDF")
    text = "\n".join(
        p.extract_text() for p in pypdf.PdfReader(io.BytesIO(target.read_bytes())).pages
    )
    assert "Jürgen Größer" in text and "Einverständnis" in text  # the form, parsed back
    assert (target.stat().st_mode & 0o777) == 0o600
    consent = session.consents.for_appointment(a.id)[0]
    assert [e.event for e in consent.events] == ["prepared", "pdf-saved"]
    assert suggested == [f"Einverstaendnis-Begleitung-{a.start.date().isoformat()}.pdf"]


def test_save_as_pdf_asks_before_replacing_a_file(
    setup: tuple[Session, Appointment, Any], qtbot: Any, tmp_path: Any, settle: Any
) -> None:
    session, a, work = setup
    _prepare(qtbot, work)
    panel = work.consents
    target = tmp_path / "einwilligung.pdf"
    target.write_bytes(b"alt")
    panel.ask_path = lambda _parent, _suggestion: str(tmp_path / "einwilligung")  # type: ignore[assignment]
    messages.set_next_answer(True)  # the warning
    messages.set_next_answer(False)  # "Replace file?": no
    panel.save_button.click()
    assert panel.busy.running == 0 and target.read_bytes() == b"alt"
    assert messages._next_answers == []  # both questions were asked
    messages.set_next_answer(True)
    messages.set_next_answer(True)  # replace: yes
    panel.save_button.click()
    settle(panel)
    assert target.read_bytes().startswith(b"%PDF")
    assert (target.stat().st_mode & 0o777) == 0o600
    consent = session.consents.for_appointment(a.id)[0]
    assert [e.event for e in consent.events] == ["prepared", "pdf-saved"]


def test_the_file_dialog_leaves_the_question_to_us(
    setup: tuple[Session, Appointment, Any], qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    _session, _a, work = setup
    options: list[bool] = []

    def exec_(dialog: QFileDialog) -> int:
        options.append(dialog.testOption(QFileDialog.Option.DontConfirmOverwrite))
        return 0

    monkeypatch.setattr(QFileDialog, "exec", exec_)
    assert work.consents.ask_path(work.consents, "x.pdf") == ""
    assert options == [True]


def test_signature_pad_needs_real_ink_and_stays_bounded(qtbot: Any) -> None:
    from outreach_desktop.ui.widgets.signature_pad import MAX_IMAGE_SIDE, SignaturePad

    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.resize(500, 180)
    pad.show()
    qtbot.mouseClick(pad, Qt.MouseButton.LeftButton, pos=QPoint(50, 50))
    assert pad.is_empty()  # a click is not a signature
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(20, 40))
    qtbot.mouseMove(pad, QPoint(9000, 5000))  # far outside: clamped to the field
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(9000, 5000))
    assert not pad.is_empty()
    from PySide6.QtGui import QImage

    image = QImage.fromData(pad.to_png())
    assert not image.isNull() and max(image.width(), image.height()) <= MAX_IMAGE_SIDE


def test_hyphenated_names_of_others_present(
    setup: tuple[Session, Appointment, Any], qtbot: Any
) -> None:
    session, a, _work = setup
    dialog = ConsentDialog(session, a, lambda: NOW, None)
    qtbot.addWidget(dialog)
    dialog.others.setPlainText("Anna-Lena Krüger - Schwester\nJan Ohm – Nachbar")
    assert dialog._others() == [("Anna-Lena Krüger", "Schwester"), ("Jan Ohm", "Nachbar")]


def _slow_forms(panel: Any, monkeypatch: pytest.MonkeyPatch) -> tuple[threading.Event, list[bool]]:
    """Rendering waits for the returned event; the list tells for each render whether it ran
    on the GUI thread."""
    release, on_gui = threading.Event(), []
    render = panel.documents.consent_document

    def slow(*args: Any) -> Any:
        on_gui.append(threading.current_thread() is threading.main_thread())
        assert release.wait(10)
        return render(*args)

    monkeypatch.setattr(panel.documents, "consent_document", slow)
    return release, on_gui


def _print_slowly(
    qtbot: Any, work: AppointmentWorkDialog, monkeypatch: pytest.MonkeyPatch
) -> tuple[threading.Event, list[bool], list[PrintPages]]:
    """Print the prepared consent; rendering waits for the returned event."""
    _prepare(qtbot, work)
    panel = work.consents
    release, on_gui = _slow_forms(panel, monkeypatch)
    printed: list[PrintPages] = []
    panel.print_pages = lambda _parent, pages: printed.append(pages) or True  # type: ignore[assignment, func-returns-value]
    panel.has_printer = lambda: True  # a printer is set up
    panel.print_button.click()
    qtbot.waitUntil(lambda: bool(on_gui))
    return release, on_gui, printed


def test_forms_are_rendered_off_the_gui_thread_while_the_panel_waits(
    setup: tuple[Session, Appointment, Any],
    qtbot: Any,
    settle: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    session, a, work = setup
    release, on_gui, printed = _print_slowly(qtbot, work, monkeypatch)
    panel = work.consents
    assert on_gui == [False]
    assert not panel.isEnabled() and panel.cursor().shape() == Qt.CursorShape.WaitCursor
    assert work.isEnabled()  # the rest of the appointment stays usable
    release.set()
    settle(panel)
    assert printed and panel.isEnabled()
    assert panel.cursor().shape() == Qt.CursorShape.ArrowCursor
    assert on_gui == [False, False]  # recording the print renders again, in a worker too
    assert session.consents.for_appointment(a.id)[0].state is ConsentState.PRINTED
    assert "· Gedruckt" in panel.list.item(0).text()


def test_a_letter_that_cannot_be_made_says_why(
    setup: tuple[Session, Appointment, Any], qtbot: Any, settle: Any, error_boxes: list[str]
) -> None:
    _session, _a, work = setup
    panel = work.consents
    panel.has_printer = lambda: True  # a printer is set up
    panel.letter_buttons[DocumentKind.ANNOUNCEMENT_LETTER].click()  # not for an accompaniment
    settle(panel)
    assert error_boxes == ["Ankündigung und Erinnerung gibt es nur für Hausbesuche."]
    assert panel.isEnabled()


def _expect_nothing(
    qtbot: Any, release: threading.Event, printed: list[PrintPages], error_boxes: list[str]
) -> None:
    """Let the rendering finish: no preview opens and no error is shown."""
    release.set()
    wait_for_background()
    qtbot.wait(20)
    assert printed == [] and error_boxes == []


def test_locking_while_a_form_renders_drops_it_silently(
    setup: tuple[Session, Appointment, Any],
    qtbot: Any,
    error_boxes: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    session, _a, work = setup
    release, _on_gui, printed = _print_slowly(qtbot, work, monkeypatch)
    session.lock()  # rendering now fails for want of the vault: nothing to tell the user
    _expect_nothing(qtbot, release, printed, error_boxes)


def test_closing_the_appointment_while_a_form_renders_is_harmless(
    setup: tuple[Session, Appointment, Any],
    qtbot: Any,
    error_boxes: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    session, a, _work = setup
    work = AppointmentWorkDialog(session, a.id, lambda: NOW)  # deleted below, so not qtbot's
    work.show()
    release, _on_gui, printed = _print_slowly(qtbot, work, monkeypatch)
    panel = work.consents
    work.reject()
    work.deleteLater()
    qtbot.waitUntil(lambda: not isValid(panel))  # no C++ object left to call back into
    _expect_nothing(qtbot, release, printed, error_boxes)


def test_missing_contact_details_warn_before_printing_and_saving(
    session: Session, german: None, qtbot: Any, tmp_path: Any
) -> None:
    from outreach_desktop.ui import messages as msgs

    client = session.clients.save(Client(display_name="Jürgen Größer"))
    a = session.appointments.save(Appointment.plan(
        Approach.HOME_VISIT, datetime.combine(DAY, time(10)), client_id=client.id,
        staff_ids=[session.owner().id]))  # type: ignore[union-attr]  # fmt: skip
    work = AppointmentWorkDialog(session, a.id, lambda: NOW)
    qtbot.addWidget(work)
    panel = work.consents
    asked: list[tuple[str, str, str, str | None]] = []

    def confirm(_p: Any, title: str, text: str, action: str, back: str | None = None) -> bool:
        asked.append((title, text, action, back))
        return False  # "Zurück"

    shown: list[Any] = []
    panel.print_pages = lambda _w, pages: shown.append(pages) or False  # type: ignore[assignment]
    panel.has_printer = lambda: True  # a printer is set up
    import outreach_desktop.ui.pdf_saving as module

    original = module.confirm
    module.confirm = confirm  # type: ignore[assignment]
    try:
        panel.letter_buttons[DocumentKind.ANNOUNCEMENT_LETTER].click()
    finally:
        module.confirm = original
    assert panel.busy.running == 0 and not shown  # went back: nothing rendered
    title, text, action, back = asked[0]
    assert title == "Kontaktangaben fehlen"
    assert action == "Trotzdem drucken" and back == "Zurück"
    assert "Telefonnummer für Rückfragen" in text and "Einstellungen › Briefkopf" in text
    assert "Anschrift der Dienststelle" in text
    assert msgs._next_answers == []
