"""The list of appointments (week agenda and filters come with the workflows)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QAbstractItemView, QPushButton, QWidget

from outreach_desktop.services.appointments import AppointmentView
from outreach_desktop.services.session import Session
from outreach_desktop.ui.appointment_dialog import AppointmentDialog
from outreach_desktop.ui.appointment_work_dialog import AppointmentWorkDialog
from outreach_desktop.ui.formats import format_date, format_time
from outreach_desktop.ui.labels import approach_label, status_label
from outreach_desktop.ui.list_page import ListPage
from outreach_desktop.ui.table_model import Column

translate = QCoreApplication.translate


def client_or_anonymous(view: AppointmentView) -> str:
    return view.client_name or translate("ListColumns", "anonymous")


class AppointmentsPage(ListPage):
    def __init__(
        self,
        session: Session,
        now: Callable[[], datetime] = datetime.now,
        parent: QWidget | None = None,
    ) -> None:
        V = AppointmentView
        super().__init__(
            [
                Column[V](
                    translate("ListColumns", "Date"),
                    lambda v: format_date(v.appointment.start.date()),
                ),
                Column[V](
                    translate("ListColumns", "Time"), lambda v: format_time(v.appointment.start)
                ),
                Column[V](
                    translate("ListColumns", "Approach"),
                    lambda v: approach_label(v.appointment.approach),
                ),
                Column[V](translate("ListColumns", "Client"), client_or_anonymous),
                Column[V](
                    translate("ListColumns", "Place"),
                    lambda v: v.where,
                    stretch=True,
                ),
                Column[V](
                    translate("ListColumns", "Status"), lambda v: status_label(v.appointment.status)
                ),
            ],
            parent,
        )
        self.session = session
        self.now = now
        self.work_button = QPushButton(self.tr("&Open"))
        self.work_button.setToolTip(self.tr("Checklists, conduct and follow-up (Enter)"))
        self.work_button.setAccessibleName(self.tr("Open"))
        self.work_button.clicked.connect(self.edit_current)
        self.buttons_row.insertWidget(1, self.work_button)
        self.edit_button.clicked.disconnect()
        self.edit_button.clicked.connect(lambda: ListPage.edit_current(self))  # the data only
        self.set_texts(
            self.tr("Appointments"),
            self.tr("No appointments yet. Plan one with “New” (Ctrl+N)."),
        )

    def fetch(self, query: str, limit: int) -> list[Any]:
        # Without a search: from a month ago on, so the coming weeks are always in the list.
        since = None if query else datetime.combine(date.today() - timedelta(days=30), time.min)
        return self.session.appointments.search_views(query, limit, since=since)

    def _update_buttons(self) -> None:
        super()._update_buttons()
        if hasattr(self, "work_button"):
            self.work_button.setEnabled(self.current() is not None)

    def edit_current(self) -> None:
        """Enter and double-click open the appointment's work, not just its data."""
        view = self.current()
        if view is None:
            return
        AppointmentWorkDialog(self.session, view.appointment.id, self.now, self).run()
        self.refresh()
        self.changed.emit()

    def editor(self, record: Any | None) -> AppointmentDialog:
        return AppointmentDialog(self.session, record.appointment if record else None, self)

    def remove(self, record: Any) -> None:
        self.session.appointments.delete(record.appointment.id)

    def describe(self, record: Any) -> str:
        a = record.appointment
        return (
            f"{format_date(a.start.date())} {format_time(a.start)} – {client_or_anonymous(record)}"
        )

    def refresh(self) -> None:
        super().refresh()
        if not self.search.text().strip():
            QTimer.singleShot(0, self.scroll_to_today)  # once the view has its size

    def scroll_to_today(self) -> None:
        """Past appointments stay above; the view opens at the first one from today on."""
        today = date.today()
        for row, view in enumerate(self.model.rows):
            if view.appointment.start.date() >= today:
                self.table.scrollTo(
                    self.model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtTop
                )
                return

    def select(self, record: Any) -> None:
        for row, item in enumerate(self.model.rows):
            if item.appointment.id == getattr(record, "id", None):
                self.table.selectRow(row)
                return
