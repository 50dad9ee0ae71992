"""Choosing the period of an evaluation: a month, a quarter, a year, or any range of days
(German dates). The domain's `Period` decides what is valid; a range that ends before it
begins is its German message."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QSpinBox, QWidget

from outreach_desktop.domain.date_window import EARLIEST, LATEST
from outreach_desktop.domain.statistics_period import Period
from outreach_desktop.ui.formats import DATE, limit_dates

KINDS = ("month", "quarter", "year", "range")


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class PeriodPicker(QWidget):
    changed = Signal()

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = QComboBox()
        for key, text in zip(KINDS, (self.tr("Month"), self.tr("Quarter"), self.tr("Year"),
                                     self.tr("Range")), strict=True):  # fmt: skip
            self.kind.addItem(text, key)
        self.kind.setAccessibleName(self.tr("Kind of period"))
        self.month = QComboBox()
        for number in range(1, 13):  # in the UI language (QLocale default, ui/i18n.py)
            self.month.addItem(QLocale().standaloneMonthName(number), number)
        self.month.setCurrentIndex(today.month - 1)
        self.month.setAccessibleName(self.tr("Month"))
        self.quarter = QComboBox()
        for number in range(1, 5):
            self.quarter.addItem(self.tr("Quarter {n}").format(n=number), number)
        self.quarter.setCurrentIndex((today.month - 1) // 3)
        self.quarter.setAccessibleName(self.tr("Quarter"))
        self.year = QSpinBox()
        self.year.setRange(EARLIEST.year, LATEST.year)
        self.year.setValue(today.year)
        self.year.setAccessibleName(self.tr("Year"))
        self.first, self.last = QDateEdit(_qdate(date(today.year, 1, 1))), QDateEdit(_qdate(today))
        for edit, name in ((self.first, self.tr("From")), (self.last, self.tr("To"))):
            limit_dates(edit)
            edit.setDisplayFormat(DATE)
            edit.setCalendarPopup(True)
            edit.setAccessibleName(name)
        self.dash = QLabel("–")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.kind, self.month, self.quarter, self.year, self.first, self.dash,
                       self.last):  # fmt: skip
            layout.addWidget(widget)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        for combo in (self.month, self.quarter):
            combo.currentIndexChanged.connect(self.changed)
        self.year.valueChanged.connect(self.changed)
        self.first.dateChanged.connect(self.changed)
        self.last.dateChanged.connect(self.changed)
        self._show_fields()

    def _kind_changed(self) -> None:
        self._show_fields()
        self.changed.emit()

    def _show_fields(self) -> None:
        kind = self.kind.currentData()
        self.month.setVisible(kind == "month")
        self.quarter.setVisible(kind == "quarter")
        self.year.setVisible(kind in ("month", "quarter", "year"))
        for widget in (self.first, self.dash, self.last):
            widget.setVisible(kind == "range")

    def set_kind(self, kind: str) -> None:
        self.kind.setCurrentIndex(KINDS.index(kind))

    def period(self) -> Period:
        """The chosen period (a PeriodError when a range ends before it begins)."""
        kind, year = self.kind.currentData(), self.year.value()
        if kind == "month":
            return Period.month(year, int(self.month.currentData()))
        if kind == "quarter":
            return Period.quarter(year, int(self.quarter.currentData()))
        if kind == "year":
            return Period.year(year)
        return Period.between(_day(self.first.date()), _day(self.last.date()))
