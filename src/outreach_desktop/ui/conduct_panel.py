"""Vor Ort: the steps of the conduct flow, each explained when a rule blocks it, and the
outcomes — ending or breaking off is always possible."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from outreach_desktop.domain.checklists import Transition
from outreach_desktop.domain.errors import UserError
from outreach_desktop.domain.vocabulary import AppointmentStatus
from outreach_desktop.services.session import Session
from outreach_desktop.services.workflow import AppointmentState
from outreach_desktop.ui.formats import format_time
from outreach_desktop.ui.labels import label_of
from outreach_desktop.ui.messages import confirm, show_error
from outreach_desktop.ui.outcome_dialogs import CorrectOutcomeDialog
from outreach_desktop.ui.widgets.common import style_error
from outreach_desktop.ui.workflow_dialogs import NewDateDialog, OutcomeDialog

# The on-site steps with a button, in the order `conduct.offered_steps` gives them.
STEPS = (
    Transition.START,
    Transition.ENTER_HOME,
    Transition.OTHERS_PRESENT,
    Transition.THIRD_PARTY_ALONE,
)
# Outcomes with a dialog of their own (which asks); the others are confirmed once.
WITH_DIALOG = (
    AppointmentStatus.BROKEN_OFF,
    AppointmentStatus.CANCELLED,
    AppointmentStatus.POSTPONED,
)


class ConductPanel(QGroupBox):
    changed = Signal()

    def __init__(
        self,
        session: Session,
        appointment_id: str,
        now: Callable[[], datetime],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Conduct"))
        self.session, self.appointment_id, self.now = session, appointment_id, now
        self.status = QLabel()
        self.status.setAccessibleName(self.tr("Status"))
        steps, outcomes = self._step_rows(), self._outcome_row()
        self.relocate = QPushButton(self.tr("Place unsuitable: new appointment at &another place…"))
        self.relocate.setAccessibleName(self.tr("New appointment at another place"))
        self.relocate.clicked.connect(self._relocate)
        self.voluntary = voluntary = QLabel(
            self.tr("The offer is voluntary: ending or breaking off is always possible.")
        )
        voluntary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addLayout(steps)
        layout.addWidget(QLabel("<b>" + self.tr("Outcome") + "</b>"))
        layout.addWidget(voluntary)
        layout.addLayout(outcomes)
        layout.addWidget(self.relocate)
        layout.addLayout(self._correction_row())
        self.history = QLabel()
        self.history.setWordWrap(True)
        self.history.setAccessibleName(self.tr("History of the outcome"))
        layout.addWidget(self.history)

    def _correction_row(self) -> QHBoxLayout:
        """Correcting a mis-clicked outcome, or why it is no longer possible."""
        self.correct = QPushButton(self.tr("&Correct outcome…"))
        self.correct.setAccessibleName(self.tr("Correct outcome"))
        self.correct.clicked.connect(self._correct)
        self.correct_note = QLabel()
        self.correct_note.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.correct)
        row.addWidget(self.correct_note, 1)
        row.addStretch(0)  # the button keeps its size while no note is shown
        return row

    def _step_rows(self) -> QGridLayout:
        """A button per on-site step, beside it why it is not possible or since when it is."""
        texts = {
            Transition.START: self.tr("&Begin appointment"),
            Transition.ENTER_HOME: self.tr("Go &into the home"),
            Transition.OTHERS_PRESENT: self.tr("Continue with other &persons present"),
            Transition.THIRD_PARTY_ALONE: self.tr("Talk to the third party &without the client"),
        }
        self.step_buttons: dict[Transition, QPushButton] = {}
        self.step_reasons: dict[Transition, QLabel] = {}
        steps = QGridLayout()
        for row, transition in enumerate(STEPS):
            button = QPushButton(texts[transition])
            button.setAccessibleName(texts[transition].replace("&", ""))
            button.clicked.connect(lambda _c=False, t=transition: self._step(t))
            reasons = QLabel()
            reasons.setWordWrap(True)
            style_error(reasons)
            self.step_buttons[transition], self.step_reasons[transition] = button, reasons
            steps.addWidget(button, row, 0)
            steps.addWidget(reasons, row, 1)
        steps.setColumnStretch(1, 1)
        return steps

    def _outcome_row(self) -> QHBoxLayout:
        outcomes = QHBoxLayout()
        self.outcome_buttons: dict[AppointmentStatus, QPushButton] = {}
        for outcome, text in (
            (AppointmentStatus.DONE, self.tr("&Done")),
            (AppointmentStatus.HELD_NEARBY, self.tr("Held in the &surroundings")),
            (AppointmentStatus.ENDED_AT_DOOR, self.tr("Ended at the &door")),
            (AppointmentStatus.BROKEN_OFF, self.tr("Broken o&ff…")),
            (AppointmentStatus.NOT_MET, self.tr("&Not met")),
            (AppointmentStatus.POSTPONED, self.tr("Post&poned…")),
            (AppointmentStatus.CANCELLED, self.tr("Cance&lled…")),
        ):
            button = QPushButton(text)
            button.setAccessibleName(text.replace("&", "").replace("…", ""))
            button.clicked.connect(lambda _c=False, o=outcome: self._finish(o))
            self.outcome_buttons[outcome] = button
            outcomes.addWidget(button)
        outcomes.addStretch(1)
        return outcomes

    def update_state(self, state: AppointmentState) -> None:
        conduct, options = state.conduct, state.options
        text = label_of(state.appointment.status)
        if conduct.started_at and conduct.outcome is None:
            text = self.tr("In progress since {time}").format(time=format_time(conduct.started_at))
        if conduct.started_at and conduct.outcome_at:
            text += " " + self.tr("(begun {begun}, ended {ended})").format(
                begun=format_time(conduct.started_at), ended=format_time(conduct.outcome_at)
            )
        if conduct.broken_off_by is not None:
            text += ", " + self.tr("broken off by: {who}").format(
                who=label_of(conduct.broken_off_by)
            )
        if conduct.outcome is not None and conduct.outcome_reason:
            text += f" – {conduct.outcome_reason}"
        self.status.setText("<b>" + escape(text) + "</b>")
        self._show_correction(options.finished)
        for transition in STEPS:
            option = None if options.finished else options.step(transition)
            button, reasons_label = self.step_buttons[transition], self.step_reasons[transition]
            button.setVisible(option is not None)
            reasons_label.setVisible(option is not None)
            if option is None:
                continue
            if option.taken_at is not None:
                button.setEnabled(False)
                style_error(reasons_label, shown=False)
                when = format_time(option.taken_at)
                reasons_label.setText(self.tr("since {time}").format(time=when))
            else:
                button.setEnabled(option.allowed)
                style_error(reasons_label)
                reasons_label.setText(" ".join(option.messages))
        for outcome, button in self.outcome_buttons.items():
            button.setVisible(outcome in options.outcomes)
        self.relocate.setVisible(not options.finished)
        self.voluntary.setVisible(not options.finished)

    def _show_correction(self, finished: bool) -> None:
        refusal = self.session.outcomes.refusal(self.appointment_id) if finished else ""
        self.correct.setVisible(finished)
        self.correct.setEnabled(finished and not refusal)
        self.correct_note.setVisible(bool(refusal))
        self.correct_note.setText(refusal)
        lines = [c.summary_de for c in self.session.outcomes.history(self.appointment_id)]
        self.history.setVisible(bool(lines))
        self.history.setText(
            "<b>" + escape(self.tr("History")) + "</b><br>"
            + "<br>".join(escape(line) for line in lines)
        )  # fmt: skip

    def _correct(self) -> None:
        if CorrectOutcomeDialog(self.session, self.appointment_id, self.now, self).run():
            self.changed.emit()

    def _step(self, transition: Transition) -> None:
        try:
            self.session.workflow.step(self.appointment_id, transition, self.now())
        except UserError as exc:
            show_error(self, exc)
        self.changed.emit()

    def _finish(self, outcome: AppointmentStatus) -> None:
        if outcome in WITH_DIALOG:  # the dialog is the one question
            if OutcomeDialog(self.session, self.appointment_id, outcome, self.now, self).run():
                self.changed.emit()
            return
        label = label_of(outcome)
        if not confirm(
            self, self.tr("End appointment"),
            self.tr("End the appointment as “{outcome}”?\n\nA mis-click can be corrected until "
                    "the protocol is finalized; the correction is kept in the appointment's "
                    "history.").format(outcome=label),
            self.tr("End as “{outcome}”").format(outcome=label), self.tr("Back"),
        ):  # fmt: skip
            return
        try:
            self.session.workflow.finish(self.appointment_id, outcome, self.now())
        except UserError as exc:
            show_error(self, exc)
        self.changed.emit()

    def _relocate(self) -> None:
        appointment = self.session.appointments.get(self.appointment_id)
        if NewDateDialog(self.session, appointment, True, self.now, self).run():
            self.changed.emit()
