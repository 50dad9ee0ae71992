"""Days and times of the demo: workdays around a weekend, a local time on a day."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

SATURDAY = 5


def workday_before(day: date) -> date:
    """`day`, or the Friday before if it falls on a weekend."""
    while day.weekday() >= SATURDAY:
        day -= timedelta(days=1)
    return day


def workday_after(day: date) -> date:
    """`day`, or the Monday after if it falls on a weekend."""
    while day.weekday() >= SATURDAY:
        day += timedelta(days=1)
    return day


def at(day: date, hour: int, minute: int = 0) -> datetime:
    """Local time (naive, like appointment times) on `day`."""
    return datetime.combine(day, time(hour, minute))
