"""Edit dialog for a basic appointment (approach workflows come with their own screens)."""

from __future__ import annotations

import copy
from datetime import date, datetime, time

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QTimeEdit,
    QWidget,
)

from outreach_desktop.domain import field_limits as limits
from outreach_desktop.domain.appointments import (
    DEFAULT_DURATION,
    MAX_BUFFER_MIN,
    MAX_DURATION_MIN,
    Appointment,
)
from outreach_desktop.domain.errors import UserError
from outreach_desktop.domain.vocabulary import Approach
from outreach_desktop.services.session import Session
from outreach_desktop.services.settings import load_settings
from outreach_desktop.ui.client_picker import ClientPicker
from outreach_desktop.ui.form_dialog import FormDialog, enum_combo
from outreach_desktop.ui.formats import DATE, TIME, limit_dates
from outreach_desktop.ui.widgets.common import style_warning


def _minutes(spin: QSpinBox, value: int, maximum: int) -> QSpinBox:
    spin.setRange(0, maximum)
    spin.setSingleStep(15)
    spin.setValue(value)
    spin.setSuffix(" min")
    return spin


class AppointmentDialog(FormDialog):
    def __init__(
        self,
        session: Session,
        appointment: Appointment | None,
        parent: QWidget | None,
        day: date | None = None,
        client_id: str | None = None,
    ) -> None:
        super().__init__(
            parent, self.tr("New appointment") if appointment is None else self.tr("Appointment")
        )
        self.session = session
        self.defaults = load_settings()
        if appointment is None:
            owner = session.owner()
            start = datetime.combine(day or date.today(), time(10, 0))
            appointment = Appointment.plan(
                Approach.WALK_AND_TALK,
                start,
                client_id=client_id,
                staff_ids=[owner.id] if owner else [],
                buffer_min=self.defaults.buffer_for(Approach.WALK_AND_TALK),
            )
        self.appointment = copy.deepcopy(appointment)
        self._when_fields(self.appointment)
        self._who_fields(self.appointment)
        self._flag_fields(self.appointment)
        self._last_approach = self.appointment.approach
        self.approach.currentIndexChanged.connect(self._approach_changed)
        self._update_enabled()
        self._clash_field()

    def _when_fields(self, a: Appointment) -> None:
        """Approach, day, time, duration and buffer."""
        self.approach = enum_combo(Approach, a.approach)
        self.add_field("approach", self.tr("&Approach"), self.approach)
        self.date = QDateEdit()
        limit_dates(self.date)
        self.date.setDate(QDate(a.start.year, a.start.month, a.start.day))
        self.date.setDisplayFormat(DATE)
        self.date.setCalendarPopup(True)
        self.add_field("start", self.tr("&Date"), self.date)
        self.time = QTimeEdit(QTime(a.start.hour, a.start.minute))
        self.time.setDisplayFormat(TIME)
        self.add_field("start_time", self.tr("&Time"), self.time)
        self.duration = _minutes(QSpinBox(), a.planned_duration_min, MAX_DURATION_MIN)
        self.add_field("planned_duration_min", self.tr("Planned d&uration"), self.duration)
        self.buffer = _minutes(QSpinBox(), a.buffer_min, MAX_BUFFER_MIN)
        self.add_field(
            "buffer_min",
            self.tr("Time &buffer"),
            self.buffer,
            self.tr("Extra time after the appointment"),
        )

    def _who_fields(self, a: Appointment) -> None:
        """Client, third party, place and staff."""
        current = self.session.clients.find(a.client_id) if a.client_id else None
        self.client = ClientPicker(
            self.session.clients.search, none_label=self.tr("— anonymous —"), current=current
        )
        self.client_label = self.tr("&Client")
        self.add_field("client_id", self.client_label, self.client)
        self.third_party = QComboBox()
        self.third_party.addItem(self.tr("— none —"), None)
        for t in self.session.third_parties.all():
            self.third_party.addItem(t.name, t.id)
            if t.id == a.third_party_id:
                self.third_party.setCurrentIndex(self.third_party.count() - 1)
        self.add_field("third_party_id", self.tr("T&hird party"), self.third_party)
        self.place = self.line(
            "place",
            self.tr("&Place"),
            a.place,
            self.tr("Meeting point; for a home visit the client's address"),
            max_len=limits.APPOINTMENT_PLACE,
        )
        self.staff = QListWidget()
        self.staff.setMaximumHeight(110)
        for s in self.session.staff.all():
            item = QListWidgetItem(s.name)
            item.setData(Qt.ItemDataRole.UserRole, s.id)
            item.setCheckState(
                Qt.CheckState.Checked if s.id in a.staff_ids else Qt.CheckState.Unchecked
            )
            self.staff.addItem(item)
        self.add_field("staff_ids", self.tr("&Staff"), self.staff)

    def _flag_fields(self, a: Appointment) -> None:
        self.first_meeting = QCheckBox()
        self.first_meeting.setChecked(a.first_meeting)
        self.add_field(
            "first_meeting",
            self.tr("First &meeting"),
            self.first_meeting,
            self.tr("You have not met yet: agree a recognition sign, both bring an ID"),
        )
        self.spontaneous = QCheckBox()
        self.spontaneous.setChecked(a.spontaneous)
        self.add_field(
            "spontaneous", self.tr("Spontaneous (from an &office visit)"), self.spontaneous
        )

    def _clash_field(self) -> None:
        """Overlaps with other appointments of the same staff or client: shown while planning,
        updated as the time or the people change (a warning; saving stays possible)."""
        self.clash_label = QLabel()
        self.clash_label.setWordWrap(True)
        self.clash_label.setAccessibleName(self.tr("Overlapping appointments"))
        style_warning(self.clash_label)
        self.form.addRow(self.clash_label)
        for signal in (self.date.dateChanged, self.time.timeChanged,
                       self.duration.valueChanged, self.buffer.valueChanged,
                       self.client.currentIndexChanged, self.staff.itemChanged):  # fmt: skip
            signal.connect(self._update_clashes)
        self._update_clashes()

    def _update_clashes(self, *_args: object) -> None:
        try:
            warnings = self.session.appointments.clash_warnings(self._draft())
        except UserError:  # an unknown client typed in the search: nothing to compare yet
            warnings = []
        self.clash_label.setText("\n".join(f"⚠ {w}" for w in warnings))
        self.clash_label.setVisible(bool(warnings))

    def _approach_changed(self) -> None:
        new = self.approach.value()
        old = self._last_approach
        # Follow the approach's defaults unless the user changed them.
        if self.duration.value() == DEFAULT_DURATION[old]:
            self.duration.setValue(DEFAULT_DURATION[new])
        if self.buffer.value() == self.defaults.buffer_for(old):
            self.buffer.setValue(self.defaults.buffer_for(new))
        self._last_approach = new
        self._update_enabled()

    def _update_enabled(self) -> None:
        approach = self.approach.value()
        self.third_party.setEnabled(approach is Approach.ACCOMPANIMENT)
        self.spontaneous.setEnabled(approach is Approach.WALK_AND_TALK)

    def _draft(self) -> Appointment:
        """The appointment as the fields describe it (not saved)."""
        a = copy.copy(self.appointment)
        a.approach = self.approach.value()
        d, t = self.date.date(), self.time.time()
        a.start = datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())
        a.planned_duration_min = self.duration.value()
        a.buffer_min = self.buffer.value()
        a.client_id = self.client.value("client_id", self.client_label)
        a.third_party_id = (
            self.third_party.currentData() if a.approach is Approach.ACCOMPANIMENT else None
        )
        a.place = self.place.text().strip()
        a.staff_ids = [
            self.staff.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.staff.count())
            if self.staff.item(i).checkState() == Qt.CheckState.Checked
        ]
        a.first_meeting = self.first_meeting.isChecked()
        a.spontaneous = self.spontaneous.isChecked() and a.approach is Approach.WALK_AND_TALK
        return a

    def save(self) -> Appointment:
        self.appointment = self._draft()
        return self.session.appointments.save(self.appointment)
