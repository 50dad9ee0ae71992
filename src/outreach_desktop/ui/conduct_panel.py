"""Vor Ort: the steps of the conduct flow, each explained when a rule blocks it, and the
outcomes — ending or breaking off is always possible."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

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
from outreach_desktop.domain.conduct import blocking_reasons
from outreach_desktop.domain.errors import UserError
from outreach_desktop.domain.vocabulary import AppointmentStatus, Approach
from outreach_desktop.services.session import Session
from outreach_desktop.services.workflow import AppointmentState
from outreach_desktop.ui.formats import format_time
from outreach_desktop.ui.labels import label_of
from outreach_desktop.ui.messages import show_error
from outreach_desktop.ui.workflow_dialogs import NewDateDialog, OutcomeDialog

STEPS = (
    Transition.START,
    Transition.ENTER_HOME,
    Transition.OTHERS_PRESENT,
    Transition.THIRD_PARTY_ALONE,
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
            reasons.setStyleSheet("color: #a40000;")
            self.step_buttons[transition], self.step_reasons[transition] = button, reasons
            steps.addWidget(button, row, 0)
            steps.addWidget(reasons, row, 1)
        steps.setColumnStretch(1, 1)
        outcomes = QHBoxLayout()
        self.outcome_buttons: dict[AppointmentStatus, QPushButton] = {}
        for outcome, text in (
            (AppointmentStatus.DONE, self.tr("&Done")),
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
        self.relocate = QPushButton(self.tr("Place unsuitable: new appointment at &another place…"))
        self.relocate.setAccessibleName(self.tr("New appointment at another place"))
        self.relocate.clicked.connect(self._relocate)
        voluntary = QLabel(
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

    def update_state(self, state: AppointmentState) -> None:
        a, conduct = state.appointment, state.conduct
        text = label_of(a.status)
        if conduct.started_at and conduct.outcome is None:
            text = self.tr("In progress since {time}").format(time=format_time(conduct.started_at))
        if conduct.outcome is not None and conduct.outcome_reason:
            text += f" – {conduct.outcome_reason}"
        self.status.setText("<b>" + text + "</b>")
        visible = {
            Transition.START: True,
            Transition.ENTER_HOME: a.approach is Approach.HOME_VISIT,
            Transition.OTHERS_PRESENT: True,
            Transition.THIRD_PARTY_ALONE: a.approach is Approach.ACCOMPANIMENT,
        }
        finished = conduct.outcome is not None
        for transition in STEPS:
            button, reasons_label = self.step_buttons[transition], self.step_reasons[transition]
            show = visible[transition] and not finished
            button.setVisible(show)
            reasons_label.setVisible(show)
            if not show:
                continue
            done = {
                Transition.START: conduct.started_at,
                Transition.ENTER_HOME: conduct.entered_home_at,
                Transition.OTHERS_PRESENT: conduct.others_present_at,
                Transition.THIRD_PARTY_ALONE: conduct.third_party_alone_at,
            }[transition]
            reasons = blocking_reasons(a, conduct, transition, state.status, state.consents)
            if done is not None:
                button.setEnabled(False)
                reasons_label.setStyleSheet("")
                reasons_label.setText(self.tr("since {time}").format(time=format_time(done)))
            else:
                button.setEnabled(not reasons)
                reasons_label.setStyleSheet("color: #a40000;")
                reasons_label.setText(" ".join(reasons))
        for outcome, button in self.outcome_buttons.items():
            button.setVisible(
                not finished
                and (
                    outcome is not AppointmentStatus.ENDED_AT_DOOR
                    or a.approach is Approach.HOME_VISIT
                )
            )
        self.relocate.setVisible(not finished or a.status is AppointmentStatus.IN_PROGRESS)

    def _step(self, transition: Transition) -> None:
        try:
            self.session.workflow.step(self.appointment_id, transition, self.now())
        except UserError as exc:
            show_error(self, exc)
        self.changed.emit()

    def _finish(self, outcome: AppointmentStatus) -> None:
        if outcome in (
            AppointmentStatus.BROKEN_OFF,
            AppointmentStatus.CANCELLED,
            AppointmentStatus.POSTPONED,
        ):
            if OutcomeDialog(self.session, self.appointment_id, outcome, self.now, self).run():
                self.changed.emit()
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
