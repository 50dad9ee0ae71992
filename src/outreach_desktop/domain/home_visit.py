"""The home visit's call attempts, announcement and reminder letters and their windows.

DOMAIN.md (Hausbesuch): after several failed phone attempts the client is informed in writing
about 3–4 weeks before the visit and reminded about 1–2 weeks before; a cancellation by the client
cancels the visit. Pure functions of dates; "today" is always passed in. Where a visit stands on a
day (may the announcement be sent, warnings) is `home_visit_timeline.timeline`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from outreach_desktop.domain import field_limits as limits
from outreach_desktop.domain.date_window import check_date
from outreach_desktop.domain.errors import Checker
from outreach_desktop.domain.labels import QT_TRANSLATE_NOOP

SATURDAY = 5
SUNDAY = 6
MAX_FAILED_CALLS = 20
MAX_DAYS = 365
MAX_NOTE_LEN = limits.CALL_NOTE


def format_day(day: date) -> str:
    """A date as the agency writes it: TT.MM.JJJJ."""
    return f"{day.day:02d}.{day.month:02d}.{day.year:04d}"


def as_day(value: date) -> date:
    """A datetime passed where a day is meant counts as its calendar day."""
    return value.date() if isinstance(value, datetime) else value


class CallOutcome(StrEnum):
    REACHED = "reached"
    NO_ANSWER = "no-answer"
    BUSY = "busy"
    VOICEMAIL = "voicemail"
    WRONG_NUMBER = "wrong-number"

    @property
    def label_de(self) -> str:
        return {
            CallOutcome.REACHED: QT_TRANSLATE_NOOP("Labels", "Erreicht"),
            CallOutcome.NO_ANSWER: QT_TRANSLATE_NOOP("Labels", "Nicht abgenommen"),
            CallOutcome.BUSY: QT_TRANSLATE_NOOP("Labels", "Besetzt"),
            CallOutcome.VOICEMAIL: QT_TRANSLATE_NOOP("Labels", "Mailbox"),
            CallOutcome.WRONG_NUMBER: QT_TRANSLATE_NOOP("Labels", "Falsche Nummer"),
        }[self]


@dataclass(frozen=True)
class CallAttempt:
    """One phone attempt; `at` is the local wall-clock time (naive datetime). `agreed`: the
    client was reached and agreed to the visit on the phone (only with REACHED)."""

    at: datetime
    outcome: CallOutcome
    note: str = ""
    agreed: bool = False

    @property
    def failed(self) -> bool:
        return self.outcome is not CallOutcome.REACHED

    def validate(self) -> None:
        check = Checker()
        if self.at.tzinfo is not None:
            check.fail("at", "Zeitpunkt", "Bitte als Ortszeit ohne Zeitzone angeben.")
        check_date(check, self.at, "at", "Zeitpunkt")
        check.limit_text(self.note, "note", "Notiz", MAX_NOTE_LEN)
        if self.agreed and self.outcome is not CallOutcome.REACHED:
            check.fail(
                "agreed",
                "Termin telefonisch vereinbart",
                "Nur bei einem Anruf, bei dem die Person erreicht wurde.",
            )
        check.raise_if_any()


class LetterKind(StrEnum):
    ANNOUNCEMENT = "announcement"
    REMINDER = "reminder"

    @property
    def label_de(self) -> str:
        return {
            LetterKind.ANNOUNCEMENT: QT_TRANSLATE_NOOP("Labels", "Ankündigung"),
            LetterKind.REMINDER: QT_TRANSLATE_NOOP("Labels", "Erinnerung"),
        }[self]


@dataclass(frozen=True)
class Letter:
    """A letter to the client; `sent_on` None means not sent yet."""

    kind: LetterKind
    sent_on: date | None = None


class LetterState(StrEnum):
    NOT_YET_OPEN = "not-yet-open"
    OPEN = "open"
    DUE_TODAY = "due-today"
    OVERDUE = "overdue"
    SENT = "sent"
    NOT_NEEDED_CANCELLED = "not-needed-cancelled"
    OPTIONAL_AGREED = "optional-agreed"

    @property
    def label_de(self) -> str:
        return {
            LetterState.NOT_YET_OPEN: QT_TRANSLATE_NOOP("Labels", "Noch nicht fällig"),
            LetterState.OPEN: QT_TRANSLATE_NOOP("Labels", "Zu versenden"),
            LetterState.DUE_TODAY: QT_TRANSLATE_NOOP("Labels", "Heute fällig"),
            LetterState.OVERDUE: QT_TRANSLATE_NOOP("Labels", "Überfällig"),
            LetterState.SENT: QT_TRANSLATE_NOOP("Labels", "Versendet"),
            LetterState.NOT_NEEDED_CANCELLED: QT_TRANSLATE_NOOP("Labels", "Entfällt (abgesagt)"),
            LetterState.OPTIONAL_AGREED: QT_TRANSLATE_NOOP(
                "Labels", "Freiwillig (telefonisch vereinbart)"
            ),
        }[self]


class WarningCode(StrEnum):
    TOO_FEW_CALLS = "too-few-calls"
    SHORT_NOTICE = "short-notice"
    REMINDER_BEFORE_ANNOUNCEMENT = "reminder-before-announcement"
    ANNOUNCEMENT_LATE = "announcement-late"
    REMINDER_OUTSIDE_WINDOW = "reminder-outside-window"


@dataclass(frozen=True)
class TimelineWarning:
    code: WarningCode  # stable, for tests and UI logic
    message: str  # German sentence for the user


_SETTING_LABELS = {
    "min_failed_calls": "Mindestzahl erfolgloser Anrufversuche",
    "announcement_opens_days": "Ankündigung frühestens (Tage vor dem Besuch)",
    "announcement_due_days": "Ankündigung spätestens (Tage vor dem Besuch)",
    "reminder_opens_days": "Erinnerung frühestens (Tage vor dem Besuch)",
    "reminder_due_days": "Erinnerung spätestens (Tage vor dem Besuch)",
    "min_notice_days": "Mindestvorlauf der Ankündigung (Tage)",
}


@dataclass(frozen=True)
class TimelineSettings:
    """Agency settings of the timeline, in days before the visit; validated on creation."""

    min_failed_calls: int = 2
    announcement_opens_days: int = 28
    announcement_due_days: int = 21
    reminder_opens_days: int = 14
    reminder_due_days: int = 7
    min_notice_days: int = 21

    def __post_init__(self) -> None:
        self.validate()

    def validate(self) -> None:
        check = Checker()
        ranges = {name: (1, MAX_DAYS) for name in _SETTING_LABELS}
        ranges["min_failed_calls"] = (0, MAX_FAILED_CALLS)
        ranges["min_notice_days"] = (0, MAX_DAYS)
        valid: dict[str, int] = {}
        for name, (low, high) in ranges.items():
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool):
                check.fail(name, _SETTING_LABELS[name], "Bitte eine ganze Zahl angeben.")
            elif not low <= value <= high:
                check.fail(name, _SETTING_LABELS[name], f"Zwischen {low} und {high}.")
            else:
                valid[name] = value
        for kind in ("announcement", "reminder"):
            opens, due = f"{kind}_opens_days", f"{kind}_due_days"
            if opens in valid and due in valid and valid[opens] < valid[due]:
                check.fail(
                    opens,
                    _SETTING_LABELS[opens],
                    f"Darf nicht kleiner sein als „{_SETTING_LABELS[due]}“ ({valid[due]}).",
                )
        early, late = valid.get("announcement_due_days"), valid.get("reminder_due_days")
        if early is not None and late is not None and late >= early:
            check.fail(
                "reminder_due_days",
                _SETTING_LABELS["reminder_due_days"],
                "Die Erinnerung muss später fällig sein als die Ankündigung "
                f"(weniger als {early} Tage vor dem Besuch).",
            )
        check.raise_if_any()

    def opens_days(self, kind: LetterKind) -> int:
        if kind is LetterKind.ANNOUNCEMENT:
            return self.announcement_opens_days
        return self.reminder_opens_days

    def due_days(self, kind: LetterKind) -> int:
        if kind is LetterKind.ANNOUNCEMENT:
            return self.announcement_due_days
        return self.reminder_due_days


DEFAULT_SETTINGS = TimelineSettings()


def due_day(d: date) -> date:
    """A letter due on a Saturday or Sunday is due the Friday before."""
    d = as_day(d)
    weekday = d.weekday()
    if weekday == SATURDAY:
        return d - timedelta(days=1)
    if weekday == SUNDAY:
        return d - timedelta(days=2)
    return d


@dataclass(frozen=True)
class LetterWindow:
    """The days on which a letter should be sent: from `opens` up to and including `due`."""

    kind: LetterKind
    opens: date
    due: date


def letter_window(
    kind: LetterKind, visit_day: date, settings: TimelineSettings = DEFAULT_SETTINGS
) -> LetterWindow:
    """The window of `kind` for a visit on `visit_day`; `due` never falls on a weekend."""
    visit_day = as_day(visit_day)
    due = due_day(visit_day - timedelta(days=settings.due_days(kind)))
    opens = min(visit_day - timedelta(days=settings.opens_days(kind)), due)
    return LetterWindow(kind, opens, due)


def letters_horizon(settings: TimelineSettings = DEFAULT_SETTINGS) -> int:
    """Days ahead beyond which a visit has no letter window open yet: a window opens at most
    this many days before the visit (a due day moved off a weekend adds up to two)."""
    return max(max(settings.opens_days(k), settings.due_days(k) + 2) for k in LetterKind)


def sent_on(letters: Iterable[Letter], kind: LetterKind) -> date | None:
    """The first day a letter of `kind` was sent, or None."""
    days = [as_day(letter.sent_on) for letter in letters if letter.kind is kind and letter.sent_on]
    return min(days) if days else None


def count_failed_calls(calls: Iterable[CallAttempt], until: date | None = None) -> int:
    """Failed attempts, only those on or before `until` when given."""
    until = None if until is None else as_day(until)
    return sum(1 for c in calls if c.failed and (until is None or c.at.date() <= until))


def agreed_by_phone(calls: Iterable[CallAttempt]) -> bool:
    """The visit was agreed on the phone: then announcement and reminder, the procedure "nach
    mehreren vergeblichen Anrufversuchen", are optional and a confirmation letter fits."""
    return any(c.agreed and c.outcome is CallOutcome.REACHED for c in calls)


def letter_state(
    window: LetterWindow,
    sent: date | None,
    today: date,
    cancelled_by_client: bool = False,
    agreed: bool = False,
) -> LetterState:
    """A sent letter stays sent; an unsent one is not needed once the client cancelled, and
    optional once the visit was agreed by phone (`agreed_by_phone`)."""
    today = as_day(today)
    if sent is not None:
        return LetterState.SENT
    if cancelled_by_client:
        return LetterState.NOT_NEEDED_CANCELLED
    if agreed:
        return LetterState.OPTIONAL_AGREED
    if today < window.opens:
        return LetterState.NOT_YET_OPEN
    if today < window.due:
        return LetterState.OPEN
    if today == window.due:
        return LetterState.DUE_TODAY
    return LetterState.OVERDUE


def letters_due(
    visit_day: date,
    letters: Iterable[Letter],
    today: date,
    settings: TimelineSettings = DEFAULT_SETTINGS,
    cancelled_by_client: bool = False,
    agreed: bool = False,
) -> list[LetterWindow]:
    """Open windows (opens <= today) of letters not sent yet, by due date; none if cancelled
    or agreed by phone (then the letters are optional)."""
    if cancelled_by_client or agreed:
        return []
    today = as_day(today)
    letters = list(letters)
    windows = [letter_window(kind, visit_day, settings) for kind in LetterKind]
    due = [w for w in windows if w.opens <= today and sent_on(letters, w.kind) is None]
    return sorted(due, key=lambda w: (w.due, list(LetterKind).index(w.kind)))
