"""Home visit: call attempts, the two letters with their windows, and the timeline warnings."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from outreach_desktop.domain.errors import UserError
from outreach_desktop.domain.home_visit import LetterKind, LetterState
from outreach_desktop.services.documents import DocumentService
from outreach_desktop.services.session import Session
from outreach_desktop.services.workflow import AppointmentState
from outreach_desktop.ui.formats import format_date, format_datetime
from outreach_desktop.ui.labels import label_of
from outreach_desktop.ui.messages import confirm, show_error
from outreach_desktop.ui.pdf_saving import contact_ok
from outreach_desktop.ui.widgets.common import style_error, style_warning
from outreach_desktop.ui.workflow_dialogs import CallDialog, LetterSentDialog


class TimelinePanel(QGroupBox):
    changed = Signal()

    def __init__(
        self,
        session: Session,
        appointment_id: str,
        now: Callable[[], datetime],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Calls and letters"))
        self.session, self.appointment_id, self.now = session, appointment_id, now
        self.calls = QListWidget()
        self.calls.setAccessibleName(self.tr("Call attempts"))
        self.calls.setMaximumHeight(90)
        self.add_call = QPushButton(self.tr("Log &call…"))
        self.add_call.setAccessibleName(self.tr("Log call"))
        self.add_call.clicked.connect(self._log_call)
        self.remove_call = QPushButton(self.tr("Remove call"))
        self.remove_call.setAccessibleName(self.tr("Remove call"))
        self.remove_call.clicked.connect(self._remove_call)
        self.calls_summary = QLabel()
        self.letters = QGridLayout()
        self.letter_labels: dict[LetterKind, QLabel] = {}
        self.letter_buttons: dict[LetterKind, QPushButton] = {}
        for row, kind in enumerate(LetterKind):
            label = QLabel()
            label.setWordWrap(True)
            button = QPushButton(self.tr("Mark as sent…"))
            button.setAccessibleName(self.tr("Mark as sent: {kind}").format(kind=label_of(kind)))
            button.clicked.connect(lambda _c=False, k=kind: self._letter(k))
            self.letter_labels[kind], self.letter_buttons[kind] = label, button
            self.letters.addWidget(label, row, 0)
            self.letters.addWidget(button, row, 1)
        self.letters.setColumnStretch(0, 1)
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        style_warning(self.warnings)
        self.warnings.setAccessibleName(self.tr("Timeline warnings"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_call)
        buttons.addWidget(self.remove_call)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.calls_summary)
        layout.addWidget(self.calls)
        layout.addLayout(buttons)
        layout.addLayout(self.letters)
        layout.addWidget(self.warnings)

    def update_state(self, state: AppointmentState) -> None:
        line = state.timeline
        if line is None:
            return
        self.calls.clear()
        for stored in state.calls:
            call = stored.call
            text = f"{format_datetime(call.at)}  ·  {label_of(call.outcome)}"
            if call.agreed:
                text += "  ·  " + self.tr("visit agreed")
            if call.note:
                text += f"  ·  {call.note}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, stored.id)
            self.calls.addItem(item)
        self.calls_summary.setText(
            self.tr("Failed call attempts: {n} (needed before the announcement: {min})").format(
                n=line.failed_calls, min=self.session.workflow.timeline_settings.min_failed_calls
            )
        )
        if line.agreed_by_phone:
            self.calls_summary.setText(self.tr(
                "Visit agreed by phone: announcement and reminder are optional; a confirmation "
                "letter fits."
            ))  # fmt: skip
        for kind in LetterKind:
            window, letter_state = line.window(kind), line.state(kind)
            sent = (
                line.announcement_sent_on
                if kind is LetterKind.ANNOUNCEMENT
                else line.reminder_sent_on
            )
            text = self.tr("{kind}: {opens} – {due} · {state}").format(
                kind=label_of(kind), opens=format_date(window.opens),
                due=format_date(window.due), state=label_of(letter_state),
            )  # fmt: skip
            if sent is not None:
                text += " " + self.tr("on {day}").format(day=format_date(sent))
            label = self.letter_labels[kind]
            label.setText(text)
            urgent = letter_state in (LetterState.DUE_TODAY, LetterState.OVERDUE)
            style_error(label, shown=urgent, bold=True)
            button = self.letter_buttons[kind]
            button.setText(self.tr("Undo “sent”") if sent else self.tr("Mark as sent…"))
            button.setEnabled(not line.cancelled and not state.appointment.status.is_outcome)
        self.warnings.setText("\n".join(w.message for w in line.warnings))
        self.warnings.setVisible(bool(line.warnings))

    def _log_call(self) -> None:
        if CallDialog(self.session, self.appointment_id, self.now(), self).run():
            self.changed.emit()

    def _remove_call(self) -> None:
        item = self.calls.currentItem()
        if item is None:
            return
        if not confirm(
            self, self.tr("Remove call"), self.tr("Remove this call attempt?"), self.tr("Remove")
        ):
            return
        try:
            self.session.workflow.delete_call(item.data(Qt.ItemDataRole.UserRole))
        except UserError as exc:
            show_error(self, exc)
        self.changed.emit()

    def _letter(self, kind: LetterKind) -> None:
        state = self.session.workflow.state(self.appointment_id, self._today())
        line = state.timeline
        sent = (
            None
            if line is None
            else (
                line.announcement_sent_on
                if kind is LetterKind.ANNOUNCEMENT
                else line.reminder_sent_on
            )
        )
        if sent is not None:
            if confirm(
                self, self.tr("Undo “sent”"),
                self.tr("Remove the sent date of this letter?"), self.tr("Remove"),
            ):  # fmt: skip
                self.session.workflow.set_letter_sent(self.appointment_id, kind, None)
                self.changed.emit()
            return
        gaps = DocumentService(self.session).contact_gaps(self.appointment_id)
        if not contact_ok(self, gaps, self.tr("Mark as sent anyway")):
            return  # back: the sender's details first, then the letter
        if LetterSentDialog(self.session, self.appointment_id, kind, self._today(), self).run():
            self.changed.emit()

    def _today(self) -> date:
        return self.now().date()
