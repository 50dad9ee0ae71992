"""The appointment's consents and letters: prepare, preview and print from memory, record how
a consent was given (paper, screen, orally), refused or revoked; save a PDF only where the user
chooses, after a warning that it is not encrypted."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from outreach_desktop.domain.consents import Consent, ConsentState, GivenHow
from outreach_desktop.domain.documents import DocumentKind, document_file_name
from outreach_desktop.domain.vocabulary import Approach
from outreach_desktop.services.documents import DocumentService, Rendered, save_pdf
from outreach_desktop.services.session import Session
from outreach_desktop.ui.busy import Busy
from outreach_desktop.ui.consent_dialogs import (
    ConsentDialog,
    EndConsentDialog,
    GivenDialog,
    SignOnScreenDialog,
)
from outreach_desktop.ui.formats import format_date, format_datetime
from outreach_desktop.ui.labels import label_of
from outreach_desktop.ui.messages import show_error
from outreach_desktop.ui.pdf_saving import ask_pdf_path, ask_target, contact_ok, saved_text
from outreach_desktop.ui.printing import (
    PrintPages,
    printer_available,
    printer_ready,
    render_for_print,
    show_print_preview,
)
from outreach_desktop.ui.talks_box import TalksBox
from outreach_desktop.ui.widgets.common import button


class ConsentsPanel(QWidget):
    changed = Signal()

    def __init__(
        self,
        session: Session,
        appointment_id: str,
        now: Callable[[], datetime],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session, self.appointment_id, self.now = session, appointment_id, now
        self.documents = DocumentService(session)
        self.busy = Busy(self, lambda: not session.is_locked)
        # seams for tests: what shows a print preview and asks for a file name
        self.print_pages: Callable[[QWidget, PrintPages], bool] = show_print_preview
        self.ask_path: Callable[[QWidget, str], str] = ask_pdf_path
        self.has_printer: Callable[[], bool] = printer_available
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Consents"))
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.empty = QLabel(self.tr("No consents for this appointment yet."))
        grid = self._consent_buttons()
        self.history = QLabel()
        self.history.setWordWrap(True)
        self.history.setAccessibleName(self.tr("History"))
        self.letters = self._letters_box()
        self.talks = TalksBox(session, appointment_id, now, self.changed.emit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.list)
        layout.addLayout(grid)
        layout.addWidget(self.history)
        layout.addWidget(self.talks)
        layout.addWidget(self.letters)
        layout.addStretch(1)
        self.refresh()

    def _consent_buttons(self) -> QGridLayout:
        self.new_button = button(self.tr("&New consent…"), self._new)
        self.print_button = button(self.tr("Preview and &print…"), self._print)
        self.save_button = button(self.tr("Save as P&DF…"), self._save_pdf)
        self.paper_button = button(
            self.tr("Signed on &paper…"), lambda: self._given(GivenHow.PAPER)
        )
        self.screen_button = button(self.tr("Sign on &screen…"), self._sign_on_screen)
        self.oral_button = button(self.tr("Given &orally…"), lambda: self._given(GivenHow.ORAL))
        self.refuse_button = button(self.tr("Re&fused…"), lambda: self._end(False))
        self.revoke_button = button(self.tr("Re&voke…"), lambda: self._end(True))
        self.reprint_button = button(self.tr("Print signed &form…"), self._reprint)
        grid = QGridLayout()
        buttons = [
            self.new_button, self.print_button, self.save_button, self.paper_button,
            self.screen_button, self.oral_button, self.refuse_button, self.revoke_button,
            self.reprint_button,
        ]  # fmt: skip
        for index, push in enumerate(buttons):
            grid.addWidget(push, index // 3, index % 3)
        return grid

    def _letters_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Letters"))
        grid = QGridLayout(box)
        self.letter_buttons: dict[DocumentKind, QPushButton] = {}
        self.letter_save_buttons: dict[DocumentKind, QPushButton] = {}
        for row, kind in enumerate(k for k in DocumentKind if k.is_letter):
            text = self.tr("{letter}…").format(letter=label_of(kind))
            push = button(text, lambda _c=False, k=kind: self._letter(k))
            save = button(self.tr("Save as PDF…"), lambda _c=False, k=kind: self._save_letter(k))
            save.setAccessibleName(self.tr("Save as PDF: {letter}").format(letter=label_of(kind)))
            self.letter_buttons[kind], self.letter_save_buttons[kind] = push, save
            grid.addWidget(push, row, 0)
            grid.addWidget(save, row, 1)
        grid.setColumnStretch(2, 1)
        self.letter_history = QLabel()
        self.letter_history.setWordWrap(True)
        self.letter_history.setAccessibleName(self.tr("Letters saved as PDF"))
        grid.addWidget(self.letter_history, len(self.letter_buttons), 0, 1, 3)
        return box

    # ---- state -------------------------------------------------------------------------------
    def refresh(self) -> None:
        appointment = self.session.appointments.get(self.appointment_id)
        anonymous = appointment.client_id is None
        consents = [] if anonymous else self.session.consents.for_appointment(self.appointment_id)
        current = self.current()
        self.list.clear()
        for consent in consents:
            item = QListWidgetItem(self.describe(consent))
            item.setData(Qt.ItemDataRole.UserRole, consent.id)
            self.list.addItem(item)
            if current is not None and consent.id == current.id:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self.list.setVisible(bool(consents))
        self.empty.setVisible(not consents)
        self.new_button.setEnabled(not anonymous)
        home = appointment.approach is Approach.HOME_VISIT
        for kind, push in self.letter_buttons.items():
            shown = not anonymous and (home or kind is DocumentKind.CONFIRMATION_LETTER)
            push.setVisible(shown)
            self.letter_save_buttons[kind].setVisible(shown)
        saves = [] if anonymous else self.session.saved_pdfs.for_appointment(self.appointment_id)
        self.letter_history.setText("\n".join(
            saved_text(label_of(DocumentKind(n.kind)), format_datetime(n.saved_at)) for n in saves
        ))  # fmt: skip
        self.letter_history.setVisible(bool(saves))
        self.letters.setVisible(not anonymous)
        self.talks.setVisible(not anonymous)
        if not anonymous:
            self.talks.refresh()
        self._update_buttons()

    def describe(self, c: Consent) -> str:
        text = f"{label_of(c.kind)} · {label_of(c.state)}"
        party = self.session.third_parties.find(c.third_party_id) if c.third_party_id else None
        if party is not None:  # a release: towards whom
            text += f" · {party.name}"
        if c.given_how is not None and c.given_at is not None:
            text += f" ({label_of(c.given_how)}, {format_datetime(c.given_at)})"
        if c.valid_until is not None:
            text += " · " + self.tr("valid until {day}").format(day=format_date(c.valid_until))
        if c.revoked_at is not None:
            text += " · " + self.tr("revoked on {day}").format(day=format_date(c.revoked_at.date()))
        return text

    def current(self) -> Consent | None:
        item = self.list.currentItem() if hasattr(self, "list") else None
        if item is None:
            return None
        return self.session.consents.get(item.data(Qt.ItemDataRole.UserRole))

    def _update_buttons(self) -> None:
        c = self.current()
        state = c.state if c else None
        open_ = state in (ConsentState.PREPARED, ConsentState.PRINTED)
        self.print_button.setEnabled(open_)
        self.save_button.setEnabled(c is not None)
        self.paper_button.setEnabled(open_)
        self.screen_button.setEnabled(open_)
        self.oral_button.setEnabled(open_ and c is not None and c.kind.value != "home-visit")
        self.refuse_button.setEnabled(open_)
        self.revoke_button.setEnabled(state is ConsentState.SIGNED)
        self.reprint_button.setEnabled(c is not None and c.signed_pdf is not None)
        self.history.setText(
            "\n".join(
                f"{format_datetime(e.at)} · {self._event_label(e.event)}"
                + (f" · {e.detail}" if e.detail and e.event in ("refused", "revoked") else "")
                for e in (c.events if c else [])
            )
        )

    def _event_label(self, event: str) -> str:
        """An event of the consent's history; all but the PDF export name the state reached."""
        if event == "pdf-saved":
            return self.tr("Saved as PDF (unencrypted)")
        state = next((s for s in ConsentState if s.value == event), None)
        return label_of(state) if state is not None else event

    def _done(self) -> None:
        if self.session.is_locked:  # locked while a dialog was open: this panel is going
            return
        self.refresh()
        self.changed.emit()

    # ---- actions -----------------------------------------------------------------------------
    def _new(self) -> None:
        appointment = self.session.appointments.get(self.appointment_id)
        dialog = ConsentDialog(self.session, appointment, self.now, self)
        if dialog.run():
            self.refresh()
            for row in range(self.list.count()):
                if self.list.item(row).data(Qt.ItemDataRole.UserRole) == dialog.saved.id:
                    self.list.setCurrentRow(row)
            self.changed.emit()

    def _print(self) -> None:
        c = self.current()
        if c is None:
            return
        consent_id, today = c.id, self.now().date()
        if not printer_ready(self, self.has_printer):
            return
        if not self._contact_ok(self.tr("Print anyway")):
            return
        self._preview(
            self.print_button,
            lambda: self.documents.consent_document(consent_id, today),
            record=lambda: self.documents.print_consent(consent_id, self.now()),
        )

    def _save_pdf(self) -> None:
        c = self.current()
        if c is None:
            return
        if not c.signed_pdf and not self._contact_ok(self.tr("Save anyway")):
            return
        start = self.session.appointments.get(self.appointment_id).start
        kind = DocumentKind.for_consent(c.kind)
        target = ask_target(self, document_file_name(kind, start.date()), self.ask_path)
        if target is None:
            return
        path, replace = target
        today, now = self.now().date(), self.now()

        def write() -> None:
            rendered = (_signed(c) if c.signed_pdf
                        else self.documents.consent_document(c.id, today))  # fmt: skip
            save_pdf(path, rendered.pdf, replace=replace)
            self.documents.record_saved(c.id, now, rendered)

        self.busy.run(
            write, lambda _r: self._done(), self._failed,
            button=self.save_button, disable=(self,),
        )  # fmt: skip

    def _contact_ok(self, action: str) -> bool:
        return contact_ok(self, self.documents.contact_gaps(self.appointment_id), action)

    def _given(self, how: GivenHow) -> None:
        c = self.current()
        if c is not None and GivenDialog(self.session, c, how, self.now, self).run():
            self._done()

    def _sign_on_screen(self) -> None:
        c = self.current()
        if c is not None and SignOnScreenDialog(self.session, c, self.now, self).run():
            self._done()

    def _end(self, revoke: bool) -> None:
        c = self.current()
        if c is not None and EndConsentDialog(self.session, c, revoke, self.now, self).run():
            self._done()

    def _reprint(self) -> None:
        c = self.current()
        if c is None or not c.signed_pdf or not printer_ready(self, self.has_printer):
            return
        consent_id = c.id
        self._preview(
            self.reprint_button,
            lambda: _signed(c),
            record=lambda: self.documents.print_consent(consent_id, self.now()),
        )

    def _letter(self, kind: DocumentKind) -> None:
        today = self.now().date()
        if not printer_ready(self, self.has_printer):
            return
        if not self._contact_ok(self.tr("Print anyway")):
            return
        self._preview(
            self.letter_buttons[kind],
            lambda: self.documents.letter(self.appointment_id, kind, today),
        )

    def _save_letter(self, kind: DocumentKind) -> None:
        """The letter as PDF where the user chooses, after the same warnings as a form; the
        save is noted in the appointment's letter history."""
        if not self._contact_ok(self.tr("Save anyway")):
            return
        start = self.session.appointments.get(self.appointment_id).start
        target = ask_target(self, document_file_name(kind, start.date()), self.ask_path)
        if target is None:
            return
        (path, replace), appointment_id = target, self.appointment_id
        today, now = self.now().date(), self.now()

        def write() -> None:
            rendered = self.documents.letter(appointment_id, kind, today)
            save_pdf(path, rendered.pdf, replace=replace)
            self.session.saved_pdfs.letter_saved(appointment_id, kind, rendered.form_version, now)

        self.busy.run(
            write, lambda _r: self._done(), self._failed,
            button=self.letter_save_buttons[kind], disable=(self,),
        )  # fmt: skip

    # ---- background work: rendering, rasterizing and recording off the GUI thread -----------
    def _preview(
        self,
        source: QPushButton,
        render: Callable[[], Rendered],
        record: Callable[[], object] | None = None,
    ) -> None:
        """Render the document in the background and show the print preview; when pages went
        to the printer, `record` the print (in the background too), then show the new state.
        A letter (no `record`) changes nothing in the vault, so nothing is reloaded after it."""
        after: Callable[[], None] = self._done if record else _nothing

        def preview(pages: PrintPages) -> None:
            if self.print_pages(self, pages) and record is not None:
                self.busy.run(
                    record, lambda _r: self._done(), self._failed,
                    button=source, disable=(self,),
                )  # fmt: skip
            else:
                after()

        self.busy.run(
            lambda: _for_print(render()), preview, self._failed if record else None,
            button=source, disable=(self,),
        )  # fmt: skip

    def _failed(self, exc: BaseException) -> None:
        show_error(self, exc)
        self._done()


def _signed(c: Consent) -> Rendered:
    """The form as it was signed on screen, kept inside the vault."""
    kind = DocumentKind.for_consent(c.kind)
    return Rendered(c.signed_pdf or b"", kind, c.language, c.form_version, kind.label_de)


def _for_print(rendered: Rendered) -> PrintPages:
    return render_for_print(rendered.pdf, rendered.title)


def _nothing() -> None:
    pass
