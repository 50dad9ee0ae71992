"""Heute: today's appointments and what comes next, each one Enter away from its work."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from outreach_desktop.domain.errors import UserError
from outreach_desktop.services.appointments import AppointmentView
from outreach_desktop.services.session import Session
from outreach_desktop.ui.appointment_dialog import AppointmentDialog
from outreach_desktop.ui.formats import format_date, format_long_date, format_time
from outreach_desktop.ui.labels import approach_label, status_label
from outreach_desktop.ui.messages import show_error

UPCOMING_DAYS = 14


class TodayPage(QWidget):
    changed = Signal()

    def __init__(
        self,
        session: Session,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.today = today
        self.heading = QLabel()
        self.heading.setAccessibleName(self.tr("Today"))
        self.plan_button = QPushButton(self.tr("&Plan appointment…"))
        self.plan_button.setAccessibleName(self.tr("Plan appointment"))
        self.plan_button.clicked.connect(self.plan)
        self.today_list = self._list(self.tr("Today's appointments"))
        self.today_empty = QLabel()
        self.today_empty.setWordWrap(True)
        self.upcoming_list = self._list(self.tr("Upcoming appointments"))
        self.upcoming_empty = QLabel()
        self.upcoming_empty.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.plan_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(QLabel("<h3>" + self.tr("Today") + "</h3>"))
        layout.addWidget(self.today_empty)
        layout.addWidget(self.today_list, 2)
        layout.addWidget(
            QLabel("<h3>" + self.tr("Next {days} days").format(days=UPCOMING_DAYS) + "</h3>")
        )
        layout.addWidget(self.upcoming_empty)
        layout.addWidget(self.upcoming_list, 3)
        layout.addStretch(0)

    def _list(self, name: str) -> QListWidget:
        widget = QListWidget()
        widget.setAccessibleName(name)
        widget.setStyleSheet("QListWidget::item { padding: 6px 4px; }")
        widget.itemActivated.connect(self._open)
        return widget

    def clear(self) -> None:
        self.today_list.clear()
        self.upcoming_list.clear()

    def refresh(self) -> None:
        day = self.today()
        self.heading.setText(
            "<h2>" + self.tr("Today, {date}").format(date=format_long_date(day)) + "</h2>"
        )
        todays = self.session.appointments.on_day(day)
        tomorrow = datetime.combine(day + timedelta(days=1), time.min)
        upcoming = self.session.appointments.upcoming(tomorrow, UPCOMING_DAYS)
        self._fill(
            self.today_list,
            self.today_empty,
            todays,
            with_date=False,
            empty=self.tr("No appointments today. Plan one with “Plan appointment…”."),
        )
        self._fill(
            self.upcoming_list,
            self.upcoming_empty,
            upcoming,
            with_date=True,
            empty=self.tr("Nothing planned for the next {days} days.").format(days=UPCOMING_DAYS),
        )

    def _fill(
        self,
        widget: QListWidget,
        empty_label: QLabel,
        views: list[AppointmentView],
        *,
        with_date: bool,
        empty: str,
    ) -> None:
        widget.clear()
        for view in views:
            item = QListWidgetItem(self.describe(view, with_date))
            item.setData(Qt.ItemDataRole.UserRole, view.appointment.id)
            widget.addItem(item)
        widget.setVisible(bool(views))
        empty_label.setText(empty)
        empty_label.setVisible(not views)

    def describe(self, view: AppointmentView, with_date: bool) -> str:
        a = view.appointment
        when = f"{format_time(a.start)}–{format_time(a.end)}"
        if with_date:
            when = f"{format_date(a.start.date())}  {when}"
        who = view.client_name or self.tr("anonymous")
        parts = [when, approach_label(a.approach), who]
        if view.where:
            parts.append(view.where)
        parts.append(status_label(a.status))
        return "  ·  ".join(parts)

    def plan(self) -> None:
        dialog = AppointmentDialog(self.session, None, self, day=self.today())
        if dialog.run():
            self.refresh()
            self.changed.emit()

    def _open(self, item: QListWidgetItem) -> None:
        try:
            appointment = self.session.appointments.get(item.data(Qt.ItemDataRole.UserRole))
        except UserError as exc:
            show_error(self, exc)
            self.refresh()
            return
        dialog = AppointmentDialog(self.session, appointment, self)
        if dialog.run():
            self.refresh()
            self.changed.emit()
