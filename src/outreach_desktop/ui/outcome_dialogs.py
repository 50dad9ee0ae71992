"""Correcting a mis-clicked outcome: the new outcome, why, and — for breaking off — who. Kept in
the appointment's history; refused once the protocol is finalized."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtWidgets import QComboBox, QWidget

from outreach_desktop.domain import field_limits as limits
from outreach_desktop.domain.conduct import BrokenOffBy, offered_outcomes
from outreach_desktop.domain.vocabulary import AppointmentStatus
from outreach_desktop.services.session import Session
from outreach_desktop.ui.form_dialog import FormDialog, text_area
from outreach_desktop.ui.labels import label_of
from outreach_desktop.ui.workflow_dialogs import name_buttons


class CorrectOutcomeDialog(FormDialog):
    keep_on_lock = False  # changes a record of what happened: never without a confirmation

    def __init__(
        self,
        session: Session,
        appointment_id: str,
        now: Callable[[], datetime],
        parent: QWidget | None,
    ) -> None:
        super().__init__(parent, self.tr("Correct outcome"))
        self.session, self.appointment_id, self.now = session, appointment_id, now
        appointment = session.appointments.get(appointment_id)
        current = appointment.status
        name_buttons(self, self.tr("&Correct outcome"), self.tr("Back"))
        self.set_intro(
            self.tr(
                "Recorded: “{outcome}”. The correction is kept in the appointment's history with "
                "the old and the new outcome, the time and the reason. Once the protocol is "
                "finalized, the outcome cannot be corrected any more."
            ).format(outcome=label_of(current))
        )
        self.outcome = QComboBox()
        for outcome in offered_outcomes(appointment):
            if outcome is not current:
                self.outcome.addItem(label_of(outcome), outcome.value)
        self.add_field("outcome", self.tr("&New outcome"), self.outcome)
        self.by = QComboBox()
        self.by.addItem("—", None)
        for who in BrokenOffBy:
            self.by.addItem(label_of(who), who.value)
        self.add_field("broken_off_by", self.tr("Broken off &by"), self.by)
        self.outcome_reason = text_area("", 2, max_len=limits.OUTCOME_REASON)
        self.add_field("outcome_reason", self.tr("Reason for the &outcome"), self.outcome_reason)
        self.reason = text_area("", 2, max_len=limits.CORRECTION_REASON)
        self.add_field("reason", self.tr("&Why it is corrected (required)"), self.reason)
        self.outcome.currentIndexChanged.connect(self._follow)
        self._follow()

    def chosen(self) -> AppointmentStatus:
        return AppointmentStatus(self.outcome.currentData())

    def _follow(self) -> None:
        """Who broke off is asked only when the new outcome is breaking off."""
        self.by.setEnabled(self.chosen() is AppointmentStatus.BROKEN_OFF)

    def save(self) -> object:
        by = self.by.currentData()
        return self.session.outcomes.correct(
            self.appointment_id, self.chosen(), self.now(),
            reason=self.reason.toPlainText(),
            broken_off_by=BrokenOffBy(by) if by and self.by.isEnabled() else None,
            outcome_reason=self.outcome_reason.toPlainText(),
        )  # fmt: skip
