"""The window of dates the app accepts: 01.01.1900 to 31.12.2200.

Every date or date and time that enters (domain records, services' day ranges, CLI arguments,
the GUI's date edits) is checked here. Far enough from Python's limits (years 1 and 9999) that
any arithmetic the rules do (letter windows, day ranges, durations) never overflows, and wide
enough for every real appointment, protocol, consent and birthday-like fact.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from outreach_desktop.domain.errors import Checker, FieldError, ValidationError

EARLIEST = date(1900, 1, 1)
LATEST = date(2200, 12, 31)
MESSAGE = "Bitte ein Datum zwischen 01.01.1900 und 31.12.2200 angeben."


def _day(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


def in_window(value: date | datetime) -> bool:
    """True when the day of `value` lies in the accepted window."""
    return EARLIEST <= _day(value) <= LATEST


def check_date(check: Checker, value: date | datetime | None, field: str, label: str) -> None:
    """A field error (German) when `value` is set and outside the window."""
    if value is not None and not in_window(value):
        check.fail(field, label, MESSAGE)


def require_date(value: date | datetime, field: str, label: str) -> None:
    """Raise a ValidationError naming the field when `value` is outside the window."""
    if not in_window(value):
        raise ValidationError([FieldError(field, label, MESSAGE)])


def require_span(first: date | datetime, last: date | datetime) -> None:
    """A range of days asked for (a list, a week, letters due): both ends in the window."""
    require_date(first, "from", "Von")
    require_date(last, "to", "Bis")


def require_range(start: datetime, end: datetime) -> None:
    """A half-open range of times [start, end) asked for: its first and last moment in the
    window (`end` may be the midnight after the window's last day)."""
    require_date(start, "from", "Von")
    if end > start:
        require_date(end - timedelta(microseconds=1), "to", "Bis")
