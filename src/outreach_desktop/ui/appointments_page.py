"""Termine: a list or a week agenda, filtered by approach, status and (by search) client."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QPushButton,
    QWidget,
)

from outreach_desktop.domain.text import fold
from outreach_desktop.domain.vocabulary import AppointmentStatus, Approach
from outreach_desktop.services.appointments import AppointmentView
from outreach_desktop.services.session import Session
from outreach_desktop.ui.appointment_dialog import AppointmentDialog
from outreach_desktop.ui.appointment_work_dialog import AppointmentWorkDialog
from outreach_desktop.ui.formats import format_date, format_time
from outreach_desktop.ui.labels import label_of
from outreach_desktop.ui.list_page import ListPage
from outreach_desktop.ui.table_model import Column
from outreach_desktop.ui.week_agenda import WeekAgenda
from outreach_desktop.ui.widgets.common import buddy_label

translate = QCoreApplication.translate


def client_or_anonymous(view: AppointmentView) -> str:
    return view.client_name or translate("ListColumns", "anonymous")


def _columns() -> list[Column[AppointmentView]]:
    V = AppointmentView
    return [
        Column[V](
            translate("ListColumns", "Date"),
            lambda v: format_date(v.appointment.start.date()),
            sort_key=lambda v: v.appointment.start,
        ),
        Column[V](
            translate("ListColumns", "Time"),
            lambda v: format_time(v.appointment.start),
            sort_key=lambda v: v.appointment.start.time(),
        ),
        Column[V](
            translate("ListColumns", "Approach"),
            lambda v: label_of(v.appointment.approach),
        ),
        Column[V](translate("ListColumns", "Client"), client_or_anonymous),
        Column[V](
            translate("ListColumns", "Place"),
            lambda v: v.where,
            stretch=True,
        ),
        Column[V](translate("ListColumns", "Status"), lambda v: label_of(v.appointment.status)),
    ]


def filtered(
    views: list[AppointmentView], approach: str | None, status: str | None
) -> list[AppointmentView]:
    """The views of `approach` (a value, None = all) and `status` ("open", a value or None)."""
    if approach:
        views = [v for v in views if v.appointment.approach.value == approach]
    if status == "open":
        views = [v for v in views if not v.appointment.status.is_outcome]
    elif status:
        views = [v for v in views if v.appointment.status.value == status]
    return views


class AppointmentsPage(ListPage):
    def __init__(
        self,
        session: Session,
        now: Callable[[], datetime] = datetime.now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(_columns(), parent)
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
        self.search.setPlaceholderText(self.tr("Search client, place… (Ctrl+F)"))
        self.body_layout.insertLayout(2, self._filters())
        self.agenda = WeekAgenda(self._week, lambda: self.now().date())
        self.agenda.open_requested.connect(self.open_work)
        self.stack.addWidget(self.agenda)

    def _filters(self) -> QHBoxLayout:
        """Approach, status and list or week, each with its Alt key."""
        self.approach_filter = QComboBox()
        self.approach_filter.addItem(self.tr("All approaches"), None)
        for approach in Approach:
            self.approach_filter.addItem(label_of(approach), approach.value)
        self.approach_filter.setAccessibleName(self.tr("Approach filter"))
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("Every status"), None)
        self.status_filter.addItem(self.tr("Open (planned or in progress)"), "open")
        for status in AppointmentStatus:
            self.status_filter.addItem(label_of(status), status.value)
        self.status_filter.setAccessibleName(self.tr("Status filter"))
        self.view_choice = QComboBox()
        self.view_choice.addItem(self.tr("List"), "list")
        self.view_choice.addItem(self.tr("Week"), "week")
        self.view_choice.setAccessibleName(self.tr("View"))
        filters = QHBoxLayout()
        for text, combo in (
            (self.tr("A&pproach"), self.approach_filter),
            (self.tr("S&tatus"), self.status_filter),
            (self.tr("&View"), self.view_choice),
        ):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
            filters.addWidget(buddy_label(text, combo))
            filters.addWidget(combo)
        filters.addStretch(1)
        return filters

    def loader(self, query: str, limit: int) -> Callable[[], list[Any]]:
        # Without a search: from a month ago on, so the coming weeks are always in the list.
        since = None if query else datetime.combine(date.today() - timedelta(days=30), time.min)
        approach, status = self._filter_values()
        return lambda: filtered(
            self.session.appointments.search_views(query, limit, since=since), approach, status
        )

    def _week(self, start: datetime, end: datetime) -> list[AppointmentView]:
        views = self.session.appointments.between_views(start, end)
        query = fold(self.search.text())
        if query:
            views = [v for v in views if all(w in fold(f"{v.client_name} {v.where}")
                                            for w in query.split())]  # fmt: skip
        return filtered(views, *self._filter_values())

    def _filter_values(self) -> tuple[str | None, str | None]:
        return self.approach_filter.currentData(), self.status_filter.currentData()

    def refresh(self, then: Callable[[], None] | None = None) -> None:
        if self.view_choice.currentData() == "week":
            self._debounce.stop()
            self.agenda.refresh()
            self.stack.setCurrentWidget(self.agenda)
            self.hint.hide()
            if then is not None:
                then()
            return
        if self.search.text().strip():
            super().refresh(then)
            return

        def shown() -> None:
            QTimer.singleShot(0, self.scroll_to_today)  # once the view has its size
            if then is not None:
                then()

        super().refresh(shown)

    def clear(self) -> None:
        super().clear()
        self.agenda.clear()

    def open_work(self, appointment_id: str) -> None:
        AppointmentWorkDialog(self.session, appointment_id, self.now, self).run()
        if not self.session.is_locked:  # locking closes the dialog and ends this page
            self.refresh()
            self.changed.emit()

    def _update_buttons(self) -> None:
        super()._update_buttons()
        if hasattr(self, "work_button"):
            self.work_button.setEnabled(self.current() is not None)

    def edit_current(self) -> None:
        """Enter and double-click open the appointment's work, not just its data."""
        view = self.current()
        if view is not None:
            self.open_work(view.appointment.id)

    def editor(self, record: Any | None) -> AppointmentDialog:
        return AppointmentDialog(self.session, record.appointment if record else None, self)

    def remove(self, record: Any) -> None:
        self.session.appointments.delete(record.appointment.id)

    def describe(self, record: Any) -> str:
        a = record.appointment
        return (
            f"{format_date(a.start.date())} {format_time(a.start)} – {client_or_anonymous(record)}"
        )

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
