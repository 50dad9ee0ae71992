"""Where a home visit stands on a day: may the announcement be sent, the letters' states and
the warnings. Pure functions of dates; "today" is always passed in."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from outreach_desktop.domain.home_visit import (
    DEFAULT_SETTINGS,
    CallAttempt,
    Letter,
    LetterKind,
    LetterState,
    LetterWindow,
    TimelineSettings,
    TimelineWarning,
    WarningCode,
    agreed_by_phone,
    as_day,
    count_failed_calls,
    format_day,
    letter_state,
    letter_window,
    letters_due,
    sent_on,
)


def announcement_cutoff(letters: Iterable[Letter], today: date) -> date:
    """The last day whose failed calls count for the announcement: the day it was sent (the sent
    date has no time, so same-day calls count), before it is sent `today`."""
    announced = sent_on(letters, LetterKind.ANNOUNCEMENT)
    return announced if announced is not None else as_day(today)


def announce_blocker(
    calls: Iterable[CallAttempt],
    settings: TimelineSettings = DEFAULT_SETTINGS,
    until: date | None = None,
) -> str | None:
    """Why the announcement may not be sent (German), or None when it may: it needs at least
    `min_failed_calls` failed attempts (on or before `until`, if given). The only place this
    rule is decided."""
    failed = count_failed_calls(calls, until)
    if failed >= settings.min_failed_calls:
        return None
    return _too_few_calls(failed, settings.min_failed_calls, until)


def _days(n: int) -> str:
    return "1 Tag" if n == 1 else f"{n} Tage"


def _failed_attempts(n: int) -> str:
    return "1 erfolgloser Anrufversuch" if n == 1 else f"{n} erfolglose Anrufversuche"


def _too_few_calls(failed: int, needed: int, until: date | None) -> str:
    when = f"bis {format_day(until)}" if until is not None else "bisher"
    return (
        f"Vor der Ankündigung {'ist' if needed == 1 else 'sind'} mindestens "
        f"{_failed_attempts(needed)} nötig; {when} {'ist' if failed == 1 else 'sind'} "
        f"{failed} erfasst."
    )


def _short_notice(announced: date, visit_day: date, min_notice_days: int) -> str:
    notice = (visit_day - announced).days
    wanted = f"vorgesehen sind mindestens {_days(min_notice_days)}"
    if min_notice_days == 1:
        wanted = "vorgesehen ist mindestens 1 Tag"
    if notice <= 0:
        return (
            f"Die Ankündigung wurde am {format_day(announced)} versendet, nicht vor dem "
            f"Hausbesuch am {format_day(visit_day)}; {wanted} Vorlauf."
        )
    return (
        f"Zwischen Ankündigung ({format_day(announced)}) und Hausbesuch "
        f"({format_day(visit_day)}) {'liegt' if notice == 1 else 'liegen'} nur "
        f"{_days(notice)}; {wanted}."
    )


def _reminder_too_early(reminded: date, announced: date | None) -> str:
    if announced is None:
        return (
            f"Die Erinnerung wurde am {format_day(reminded)} versendet, "
            "ohne dass eine Ankündigung versendet wurde."
        )
    return (
        f"Die Erinnerung wurde am {format_day(reminded)} versendet, "
        f"vor der Ankündigung am {format_day(announced)}."
    )


def announcement_letter_blocker(calls: Iterable[CallAttempt]) -> str | None:
    """Why the announcement letter does not fit (German), or None: its text tells of failed
    calls, so it is not the letter for a visit agreed by phone (`agreed_by_phone`)."""
    if not agreed_by_phone(calls):
        return None
    return (
        "Der Hausbesuch wurde telefonisch vereinbart; die Ankündigung schreibt von vergeblichen "
        "Anrufversuchen. Bitte stattdessen eine Terminbestätigung senden."
    )


def _reminder_outside(reminded: date, window: LetterWindow) -> str:
    when = "vor" if reminded < window.opens else "nach"
    return (
        f"Die Erinnerung wurde am {format_day(reminded)} versendet, {when} ihrem Zeitraum "
        f"({format_day(window.opens)} bis {format_day(window.due)})."
    )


@dataclass(frozen=True)
class TimelineStatus:
    """Where a home visit stands on `today`."""

    visit_day: date
    today: date
    cancelled: bool
    announcement: LetterWindow
    reminder: LetterWindow
    announcement_state: LetterState
    reminder_state: LetterState
    announcement_sent_on: date | None
    reminder_sent_on: date | None
    failed_calls: int  # failed attempts counted for the announcement (see `timeline`)
    agreed_by_phone: bool  # letters optional, no warnings about them (`agreed_by_phone`)
    can_announce: bool  # `announce_blocker` found nothing
    due: tuple[LetterWindow, ...]  # what `letters_due` returns; empty when cancelled
    warnings: tuple[TimelineWarning, ...]

    def window(self, kind: LetterKind) -> LetterWindow:
        return self.announcement if kind is LetterKind.ANNOUNCEMENT else self.reminder

    def state(self, kind: LetterKind) -> LetterState:
        if kind is LetterKind.ANNOUNCEMENT:
            return self.announcement_state
        return self.reminder_state

    def sent_on(self, kind: LetterKind) -> date | None:
        if kind is LetterKind.ANNOUNCEMENT:
            return self.announcement_sent_on
        return self.reminder_sent_on

    @property
    def warning_codes(self) -> list[WarningCode]:
        return [w.code for w in self.warnings]


def _warnings(
    visit_day: date,
    announcement: LetterWindow,
    reminder: LetterWindow,
    announced: date | None,
    reminded: date | None,
    blocker: str | None,
    pending: bool,
    settings: TimelineSettings,
) -> list[TimelineWarning]:
    """`pending`: the announcement is not sent, not cancelled and its window has opened."""
    warnings: list[TimelineWarning] = []
    if blocker is not None and (announced is not None or pending):
        warnings.append(TimelineWarning(WarningCode.TOO_FEW_CALLS, blocker))
    if announced is not None and (visit_day - announced).days < settings.min_notice_days:
        text = _short_notice(announced, visit_day, settings.min_notice_days)
        warnings.append(TimelineWarning(WarningCode.SHORT_NOTICE, text))
    if reminded is not None and (announced is None or reminded < announced):
        text = _reminder_too_early(reminded, announced)
        warnings.append(TimelineWarning(WarningCode.REMINDER_BEFORE_ANNOUNCEMENT, text))
    if announced is not None and announced > announcement.due:
        text = (
            f"Die Ankündigung war bis {format_day(announcement.due)} fällig, "
            f"versendet wurde sie am {format_day(announced)}."
        )
        warnings.append(TimelineWarning(WarningCode.ANNOUNCEMENT_LATE, text))
    if reminded is not None and not reminder.opens <= reminded <= reminder.due:
        text = _reminder_outside(reminded, reminder)
        warnings.append(TimelineWarning(WarningCode.REMINDER_OUTSIDE_WINDOW, text))
    return warnings


def timeline(
    visit_day: date,
    calls: Iterable[CallAttempt],
    letters: Iterable[Letter],
    today: date,
    settings: TimelineSettings = DEFAULT_SETTINGS,
    cancelled_by_client: bool = False,
) -> TimelineStatus:
    """The windows, letter states and warnings of a home visit on `visit_day`.

    Failed calls count for the announcement up to `announcement_cutoff`. Warnings about sent
    letters remain after a cancellation; those about unsent ones do not. A visit agreed by phone
    (`agreed_by_phone`) has optional letters: none is due and none is warned about.
    """
    visit_day, today = as_day(visit_day), as_day(today)
    calls, letters = list(calls), list(letters)
    announcement = letter_window(LetterKind.ANNOUNCEMENT, visit_day, settings)
    reminder = letter_window(LetterKind.REMINDER, visit_day, settings)
    announced = sent_on(letters, LetterKind.ANNOUNCEMENT)
    reminded = sent_on(letters, LetterKind.REMINDER)
    cutoff = announcement_cutoff(letters, today)
    blocker = announce_blocker(calls, settings, cutoff)
    agreed = agreed_by_phone(calls)
    pending = announced is None and not cancelled_by_client and announcement.opens <= today
    warnings = [] if agreed else _warnings(
        visit_day, announcement, reminder, announced, reminded, blocker, pending, settings
    )  # fmt: skip
    return TimelineStatus(
        visit_day=visit_day,
        today=today,
        cancelled=cancelled_by_client,
        announcement=announcement,
        reminder=reminder,
        announcement_state=letter_state(
            announcement, announced, today, cancelled_by_client, agreed
        ),
        reminder_state=letter_state(reminder, reminded, today, cancelled_by_client, agreed),
        announcement_sent_on=announced,
        reminder_sent_on=reminded,
        failed_calls=count_failed_calls(calls, cutoff),
        agreed_by_phone=agreed,
        can_announce=blocker is None and not agreed,
        due=tuple(letters_due(visit_day, letters, today, settings, cancelled_by_client, agreed)),
        warnings=tuple(warnings),
    )
