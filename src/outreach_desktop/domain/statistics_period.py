"""The period a statistics covers: a month, a quarter, a year or any range of days (both ends
included). Pure; "today" is passed in where a default period needs it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from outreach_desktop.domain.date_window import require_date
from outreach_desktop.domain.errors import DomainError

MONTHS_DE = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
             "September", "Oktober", "November", "Dezember")  # fmt: skip


class PeriodError(DomainError):
    """A period that cannot be: the end before the beginning, a month 13 …"""


def _fmt(day: date) -> str:
    return f"{day.day:02d}.{day.month:02d}.{day.year:04d}"


def _month_end(year: int, month: int) -> date:
    first_next = date(year + month // 12, month % 12 + 1, 1)
    return first_next - timedelta(days=1)


@dataclass(frozen=True)
class Period:
    """Days `first` to `last`, both included; `label_de` is how the report names it."""

    first: date
    last: date
    label_de: str = ""

    def __post_init__(self) -> None:
        require_date(self.first, "first", "Von")
        require_date(self.last, "last", "Bis")
        if self.last < self.first:
            raise PeriodError(
                f"Der Zeitraum endet ({_fmt(self.last)}) vor seinem Beginn ({_fmt(self.first)})."
            )
        if not self.label_de:
            object.__setattr__(self, "label_de", f"{_fmt(self.first)} – {_fmt(self.last)}")

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        if not 1 <= month <= 12:
            raise PeriodError("Einen Monat von 1 bis 12 angeben.")
        first = date(year, month, 1)
        return cls(first, _month_end(year, month), f"{MONTHS_DE[month - 1]} {year}")

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Period:
        if not 1 <= quarter <= 4:
            raise PeriodError("Ein Quartal von 1 bis 4 angeben.")
        first_month = 3 * quarter - 2
        last = _month_end(year, first_month + 2)
        return cls(date(year, first_month, 1), last, f"{quarter}. Quartal {year}")

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(date(year, 1, 1), date(year, 12, 31), f"Jahr {year}")

    @classmethod
    def between(cls, first: date, last: date) -> Period:
        return cls(first, last)

    @classmethod
    def default(cls, today: date) -> Period:
        """Without dates: the current year up to and including today."""
        return cls(date(today.year, 1, 1), today)

    def contains(self, day: date) -> bool:
        return self.first <= day <= self.last

    @property
    def first_iso(self) -> str:
        return self.first.isoformat()

    @property
    def after_last_iso(self) -> str:
        """The first day after the period, ISO: `start < after_last_iso` selects by text."""
        return (self.last + timedelta(days=1)).isoformat()


def month_key(day: date) -> str:
    """Grouping key of a day's month: "2026-03" (sorts as text)."""
    return f"{day.year:04d}-{day.month:02d}"


def month_label(key: str) -> str:
    """ "2026-03" → "03/2026"."""
    year, month = key.split("-")
    return f"{month}/{year}"


def months_in(period: Period) -> list[str]:
    """Every month key the period touches, in order (empty months included)."""
    keys, year, month = [], period.first.year, period.first.month
    while (year, month) <= (period.last.year, period.last.month):
        keys.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return keys


def _numbers(text: str, seps: str) -> list[int] | None:
    for sep in seps:
        parts = text.strip().upper().replace("Q", "").split(sep)
        if len(parts) == 2 and all(p.isdigit() for p in parts):
            return [int(p) for p in parts]
    return None


def parse_month(text: str) -> Period:
    """ "03.2026", "3/2026" or "2026-03" → that month."""
    numbers = _numbers(text, "./-")
    if numbers is None:
        raise PeriodError(f"„{text}“ ist kein Monat (MM.JJJJ, z. B. 03.2026).")
    month, year = numbers if numbers[1] > 12 else (numbers[1], numbers[0])
    return Period.month(year, month)


def parse_quarter(text: str) -> Period:
    """ "1.2026", "Q1/2026" or "2026-Q1" → that quarter."""
    numbers = _numbers(text, "./-")
    if numbers is None:
        raise PeriodError(f"„{text}“ ist kein Quartal (Q.JJJJ, z. B. 1.2026).")
    quarter, year = numbers if numbers[1] > 4 else (numbers[1], numbers[0])
    return Period.quarter(year, quarter)


def parse_year(text: str) -> Period:
    if not text.strip().isdigit():
        raise PeriodError(f"„{text}“ ist kein Jahr (JJJJ, z. B. 2026).")
    return Period.year(int(text))


def choose_period(today: date, first: date | None = None, last: date | None = None) -> Period:
    """A range from the caller's dates: without an end up to today (or the beginning, if that
    is later), without a beginning from the first of January of the end's year."""
    if first is None and last is None:
        return Period.default(today)
    if last is None:
        assert first is not None
        last = max(today, first)
    if first is None:
        first = date(last.year, 1, 1)
    return Period(first, last)
