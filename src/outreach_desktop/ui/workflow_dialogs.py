"""Small dialogs of the workflow: breaking off, a new place, a follow-up, a call, a letter."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QDate, QTime
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QTimeEdit, QWidget

from outreach_desktop.domain import field_limits as limits
from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.conduct import BrokenOffBy
from outreach_desktop.domain.home_visit import CallAttempt, CallOutcome, LetterKind
from outreach_desktop.domain.vocabulary import AppointmentStatus
from outreach_desktop.services.session import Session
from outreach_desktop.ui.form_dialog import FormDialog, enum_combo, text_area
from outreach_desktop.ui.formats import DATE, TIME, limit_dates
from outreach_desktop.ui.labels import label_of


def date_edit(value: date) -> QDateEdit:
    edit = QDateEdit()
    limit_dates(edit)
    edit.setDate(QDate(value.year, value.month, value.day))
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


def name_buttons(dialog: FormDialog, action: str, back: str) -> None:
    """The dialog's two buttons say what they do: the action, and the way back without it (a
    plain "Abbrechen" would read as breaking off the appointment)."""
    buttons = dialog.buttons
    for kind, text in (
        (buttons.StandardButton.Save, action),
        (buttons.StandardButton.Cancel, back),
    ):
        button = buttons.button(kind)
        button.setText(text)
        button.setIcon(QIcon())  # no floppy disk on "Termin abbrechen", no red cross on "Zurück"


class OutcomeDialog(FormDialog):
    """Breaking off (who, why), cancelling with a reason, or postponing: with the new date
    (planned as a linked follow-up) or saying that none is known yet."""

    keep_on_lock = False  # records what happened: never without a confirmation

    def __init__(
        self,
        session: Session,
        appointment_id: str,
        outcome: AppointmentStatus,
        now: Callable[[], datetime],
        parent: QWidget | None,
    ) -> None:
        S = AppointmentStatus
        title, action = {
            S.BROKEN_OFF: (self.tr("Break off appointment"), self.tr("&Break off appointment")),
            S.CANCELLED: (self.tr("Cancel appointment"), self.tr("&Cancel appointment")),
            S.POSTPONED: (self.tr("Postpone appointment"), self.tr("&Postpone appointment")),
        }[outcome]
        super().__init__(parent, title)
        self.session, self.appointment_id, self.outcome, self.now = (
            session,
            appointment_id,
            outcome,
            now,
        )
        name_buttons(self, action, self.tr("Back"))
        if outcome is S.BROKEN_OFF:
            self.set_intro(self.tr("Breaking off is always possible: the offer is voluntary."))
            self.by = QComboBox()
            self.by.addItem("—", None)
            for who in BrokenOffBy:
                self.by.addItem(label_of(who), who.value)
            self.add_field("broken_off_by", self.tr("Broken off &by"), self.by)
        if outcome is S.POSTPONED:
            self._new_date_fields(session.appointments.get(appointment_id).start)
        self.reason = text_area("", 3, max_len=limits.OUTCOME_REASON)
        self.add_field("outcome_reason", self.tr("&Reason"), self.reason)

    def _new_date_fields(self, planned: datetime) -> None:
        self.set_intro(self.tr(
            "The new date is planned as a follow-up appointment linked to this one. If it is not "
            "known yet, say so; plan it later from the appointment."
        ))  # fmt: skip
        later = planned + timedelta(days=7)
        self.new_date = date_edit(later.date())
        self.add_field("new_start", self.tr("New &date"), self.new_date)
        self.new_time = time_edit(later.time())
        self.add_field("new_start_time", self.tr("New &time"), self.new_time)
        self.unknown = QCheckBox()
        self.unknown.toggled.connect(lambda off: self.new_date.setEnabled(not off))
        self.unknown.toggled.connect(lambda off: self.new_time.setEnabled(not off))
        self.add_field("unknown", self.tr("New date not known yet"), self.unknown)

    def save(self) -> object:
        if self.outcome is AppointmentStatus.POSTPONED:
            new_start = None if self.unknown.isChecked() else read_datetime(
                self.new_date, self.new_time)  # fmt: skip
            return self.session.outcomes.postpone(
                self.appointment_id, self.now(), new_start, reason=self.reason.toPlainText()
            )
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
            name_buttons(self, self.tr("&Plan at the other place"), self.tr("Back"))
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
        # a reached call may agree the visit: then the letters are optional (agreed_by_phone)
        self.agreed = QCheckBox()
        self.add_field("agreed", self.tr("Visit agreed by &phone"), self.agreed)
        self.outcome.currentIndexChanged.connect(self._outcome_changed)
        self._outcome_changed()
        self.note = self.line(
            "note", self.tr("&Note"), "", self.tr("Short, no personal details"),
            max_len=limits.CALL_NOTE,
        )  # fmt: skip

    def _outcome_changed(self) -> None:
        reached = self.outcome.value() is CallOutcome.REACHED
        self.agreed.setEnabled(reached)
        if not reached:
            self.agreed.setChecked(False)

    def save(self) -> str:
        call = CallAttempt(
            read_datetime(self.date, self.time), self.outcome.value(), self.note.text().strip(),
            self.agreed.isChecked(),
        )  # fmt: skip
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
