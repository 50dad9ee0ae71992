"""German date and time formats (TT.MM.JJJJ, 24 h) for every view."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import QDateTimeEdit

from outreach_desktop.domain.date_window import EARLIEST, LATEST

DATE = "dd.MM.yyyy"
TIME = "HH:mm"
FIRST_DAY = QDate(EARLIEST.year, EARLIEST.month, EARLIEST.day)
LAST_DAY = QDate(LATEST.year, LATEST.month, LATEST.day)


def limit_dates(edit: QDateTimeEdit) -> None:
    """A date edit offers only days the domain accepts (domain/date_window.py)."""
    edit.setDateRange(FIRST_DAY, LAST_DAY)


def format_date(value: date) -> str:
    return value.strftime("%d.%m.%Y")


def format_time(value: datetime) -> str:
    return value.strftime("%H:%M")


def format_datetime(value: datetime) -> str:
    return value.strftime("%d.%m.%Y %H:%M")


def format_long_date(value: date) -> str:
    """e.g. "Mittwoch, 25.11.2026" in the UI language."""
    return QLocale().toString(QDate(value.year, value.month, value.day), "dddd, " + DATE)


def format_count(n: int) -> str:
    """A count with German thousands separators, e.g. "2.249"."""
    return f"{n:,}".replace(",", ".")
