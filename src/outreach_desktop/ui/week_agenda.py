"""The week agenda of the Termine page: seven days side by side, Monday first."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from outreach_desktop.domain.vocabulary import AppointmentStatus
from outreach_desktop.services.appointments import AppointmentView
from outreach_desktop.ui.formats import format_date, format_time
from outreach_desktop.ui.labels import label_of

GONE = (AppointmentStatus.CANCELLED, AppointmentStatus.POSTPONED)


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


class WeekAgenda(QWidget):
    open_requested = Signal(str)  # appointment id

    def __init__(
        self,
        fetch: Callable[[datetime, datetime], list[AppointmentView]],
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.fetch, self.today = fetch, today
        self.monday = week_start(today())
        self.title = QLabel()
        self.title.setAccessibleName(self.tr("Week"))
        previous = QPushButton(self.tr("◀ Previous week"))
        previous.setAccessibleName(self.tr("Previous week"))
        previous.clicked.connect(lambda: self.move(-7))
        this_week = QPushButton(self.tr("This week"))
        this_week.setAccessibleName(self.tr("This week"))
        this_week.clicked.connect(self.go_today)
        following = QPushButton(self.tr("Next week ▶"))
        following.setAccessibleName(self.tr("Next week"))
        following.clicked.connect(lambda: self.move(7))
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(previous)
        top.addWidget(this_week)
        top.addWidget(following)
        grid = QGridLayout()
        self.day_labels: list[QLabel] = []
        self.day_lists: list[QListWidget] = []
        for column in range(7):
            label = QLabel()
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            day_list = QListWidget()
            day_list.setWordWrap(True)
            day_list.setStyleSheet(  # one appointment apart from the next
                "QListWidget::item { padding: 3px 2px; border-bottom: 1px solid palette(mid); }"
            )
            day_list.itemActivated.connect(
                lambda item: self.open_requested.emit(item.data(Qt.ItemDataRole.UserRole))
            )
            self.day_labels.append(label)
            self.day_lists.append(day_list)
            grid.addWidget(label, 0, column)
            grid.addWidget(day_list, 1, column)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(grid, 1)

    def move(self, days: int) -> None:
        self.monday += timedelta(days=days)
        self.refresh()

    def go_today(self) -> None:
        self.monday = week_start(self.today())
        self.refresh()

    def refresh(self) -> None:
        start = datetime.combine(self.monday, time.min)
        views = self.fetch(start, start + timedelta(days=7))
        sunday = self.monday + timedelta(days=6)
        week = self.monday.isocalendar().week
        self.title.setText(
            "<b>" + self.tr("Week {week}: {first} – {last}").format(
                week=week, first=format_date(self.monday), last=format_date(sunday)
            ) + "</b>"
        )  # fmt: skip
        locale = QLocale()
        for column in range(7):
            day = self.monday + timedelta(days=column)
            name = locale.toString(QDate(day.year, day.month, day.day), "ddd dd.MM.")
            label = self.day_labels[column]
            label.setText(f"<b>{name}</b>" if day == self.today() else name)
            day_list = self.day_lists[column]
            day_list.setAccessibleName(name)
            day_list.clear()
            for view in views:
                a = view.appointment
                if a.start.date() != day:
                    continue
                who = view.client_name or self.tr("anonymous")
                state = label_of(a.status)  # Geplant, Läuft, Durchgeführt, Abgesagt …
                item = QListWidgetItem(
                    f"{format_time(a.start)} {label_of(a.approach)}\n{who}\n{state}"
                )
                item.setData(Qt.ItemDataRole.UserRole, a.id)
                item.setToolTip(f"{view.where}\n{state}" if view.where else state)
                if a.status in GONE:  # no longer takes place: shown, but greyed
                    item.setForeground(self.palette().color(QPalette.ColorRole.PlaceholderText))
                day_list.addItem(item)

    def clear(self) -> None:
        for day_list in self.day_lists:
            day_list.clear()
