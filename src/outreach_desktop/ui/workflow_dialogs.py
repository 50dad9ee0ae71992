"""Small dialogs of the workflow: breaking off, a new place, a follow-up, a call, a letter."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import QComboBox, QDateEdit, QTimeEdit, QWidget

from outreach_desktop.domain import field_limits as limits
from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.conduct import BrokenOffBy
from outreach_desktop.domain.home_visit import CallAttempt, CallOutcome, LetterKind
from outreach_desktop.domain.vocabulary import AppointmentStatus
from outreach_desktop.services.session import Session
from outreach_desktop.ui.form_dialog import FormDialog, enum_combo, text_area
from outreach_desktop.ui.formats import DATE, TIME
from outreach_desktop.ui.labels import label_of


def date_edit(value: date) -> QDateEdit:
    edit = QDateEdit(QDate(value.year, value.month, value.day))
    edit.setDisplayFormat(DATE)
    edit.setCalendarPopup(True)
    return edit


def time_edit(value: time) -> QTimeEdit:
    edit = QTimeEdit(QTime(value.hour, value.minute))
    edit.setDisplayFormat(TIME)
    return edit


def read_datetime(d: QDateEdit, t: QTimeEdit) -> datetime:
    qd, qt = d.date(), t.time()
    return datetime(qd.year(), qd.month(), qd.day(), qt.hour(), qt.minute())


def read_date(d: QDateEdit) -> date:
    qd = d.date()
    return date(qd.year(), qd.month(), qd.day())


class OutcomeDialog(FormDialog):
    """Breaking off (who, why) or cancelling/postponing with a reason."""

    keep_on_lock = False  # records what happened: never without a confirmation

    def __init__(
        self,
        session: Session,
        appointment_id: str,
        outcome: AppointmentStatus,
        now: Callable[[], datetime],
        parent: QWidget | None,
    ) -> None:
        # Breaking off is asked as an action; the other outcomes are titled by their label.
        broken_off = outcome is AppointmentStatus.BROKEN_OFF
        title = self.tr("Break off") if broken_off else label_of(outcome)
        super().__init__(parent, title)
        self.session, self.appointment_id, self.outcome, self.now = (
            session,
            appointment_id,
            outcome,
            now,
        )
        self.buttons.button(self.buttons.StandardButton.Save).setText(self.tr("&Confirm"))
        if outcome is AppointmentStatus.BROKEN_OFF:
            self.set_intro(self.tr("Breaking off is always possible: the offer is voluntary."))
            self.by = QComboBox()
            self.by.addItem("—", None)
            for who in BrokenOffBy:
                self.by.addItem(label_of(who), who.value)
            self.add_field("broken_off_by", self.tr("Broken off &by"), self.by)
        self.reason = text_area("", 3, max_len=limits.OUTCOME_REASON)
        self.add_field("outcome_reason", self.tr("&Reason"), self.reason)

    def save(self) -> object:
        return self.session.workflow.finish(
            self.appointment_id, self.outcome, self.now(),
            broken_off_by=BrokenOffBy(self.by.currentData())
            if self.outcome is AppointmentStatus.BROKEN_OFF and self.by.currentData()
            else None,
            reason=self.reason.toPlainText(),
        )  # fmt: skip


class NewDateDialog(FormDialog):
    """A new appointment: at another place (relocation) or as a follow-up."""

    keep_on_lock = False  # records what happened: never without a confirmation

    def __init__(
        self,
        session: Session,
        appointment: Appointment,
        relocate: bool,
        now: Callable[[], datetime],
        parent: QWidget | None,
    ) -> None:
        super().__init__(
            parent, self.tr("New appointment at another place") if relocate
            else self.tr("Plan follow-up appointment"),
        )  # fmt: skip
        self.session, self.appointment, self.relocate, self.now = (
            session,
            appointment,
            relocate,
            now,
        )
        if relocate:
            self.set_intro(self.tr(
                "The place is unsuitable (noise, unsafe surroundings). This appointment ends as "
                "postponed; the new one is linked to it."
            ))  # fmt: skip
        start = appointment.start
        self.date = date_edit(start.date())
        self.add_field("start", self.tr("&Date"), self.date)
        self.time = time_edit(start.time())
        self.add_field("start_time", self.tr("&Time"), self.time)
        self.place = self.line(
            "place", self.tr("&Place"), "" if relocate else appointment.place,
            max_len=limits.APPOINTMENT_PLACE,
        )  # fmt: skip

    def save(self) -> Appointment:
        start = read_datetime(self.date, self.time)
        if self.relocate:
            return self.session.workflow.relocate(
                self.appointment.id, start, self.place.text().strip(), self.now()
            )
        return self.session.workflow.follow_up(
            self.appointment.id, start, self.place.text().strip()
        )


class CallDialog(FormDialog):
    keep_on_lock = False  # records what happened: never without a confirmation

    def __init__(
        self, session: Session, appointment_id: str, now: datetime, parent: QWidget | None
    ) -> None:
        super().__init__(parent, self.tr("Log call attempt"))
        self.session, self.appointment_id = session, appointment_id
        self.date = date_edit(now.date())
        self.add_field("at", self.tr("&Date"), self.date)
        self.time = time_edit(now.time())
        self.add_field("at_time", self.tr("&Time"), self.time)
        self.outcome = enum_combo(CallOutcome, CallOutcome.NO_ANSWER)
        self.add_field("outcome", self.tr("&Outcome"), self.outcome)
        self.note = self.line(
            "note", self.tr("&Note"), "", self.tr("Short, no personal details"),
            max_len=limits.CALL_NOTE,
        )  # fmt: skip

    def save(self) -> str:
        call = CallAttempt(
            read_datetime(self.date, self.time), self.outcome.value(), self.note.text().strip()
        )
        return self.session.workflow.log_call(self.appointment_id, call)


class LetterSentDialog(FormDialog):
    keep_on_lock = False  # records what happened: never without a confirmation

    def __init__(
        self,
        session: Session,
        appointment_id: str,
        kind: LetterKind,
        today: date,
        parent: QWidget | None,
    ) -> None:
        super().__init__(parent, self.tr("Letter sent: {kind}").format(kind=label_of(kind)))
        self.session, self.appointment_id, self.kind = session, appointment_id, kind
        self.date = date_edit(today)
        self.add_field("sent_on", self.tr("&Sent on"), self.date)

    def save(self) -> bool:
        self.session.workflow.set_letter_sent(self.appointment_id, self.kind, read_date(self.date))
        return True
