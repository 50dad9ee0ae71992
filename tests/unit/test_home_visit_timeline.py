"""The home-visit timeline: call attempts, letter windows, letter states and warnings."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from outreach_desktop.domain.errors import FieldError, ValidationError
from outreach_desktop.domain.home_visit import (
    DEFAULT_SETTINGS,
    CallAttempt,
    CallOutcome,
    Letter,
    LetterKind,
    LetterState,
    LetterWindow,
    TimelineSettings,
    WarningCode,
    count_failed_calls,
    due_day,
    format_day,
    letter_state,
    letter_window,
    letters_due,
    sent_on,
)
from outreach_desktop.domain.home_visit_timeline import (
    announce_blocker,
    announcement_cutoff,
    timeline,
)

ANNOUNCEMENT = LetterKind.ANNOUNCEMENT
REMINDER = LetterKind.REMINDER

VISIT = date(2026, 12, 21)  # a Monday
ANNOUNCE_OPENS = date(2026, 11, 23)
ANNOUNCE_DUE = date(2026, 11, 30)
REMIND_OPENS = date(2026, 12, 7)
REMIND_DUE = date(2026, 12, 14)


def failed_call(day: date, hour: int = 10) -> CallAttempt:
    return CallAttempt(datetime(day.year, day.month, day.day, hour), CallOutcome.NO_ANSWER)


TWO_FAILED = [failed_call(date(2026, 11, 10)), failed_call(date(2026, 11, 12))]


def codes(
    calls: list[CallAttempt],
    letters: list[Letter],
    today: date,
    settings: TimelineSettings = DEFAULT_SETTINGS,
    cancelled: bool = False,
) -> list[WarningCode]:
    return timeline(VISIT, calls, letters, today, settings, cancelled).warning_codes


def message(code: WarningCode, calls: list[CallAttempt], letters: list[Letter], today: date) -> str:
    found = [w for w in timeline(VISIT, calls, letters, today).warnings if w.code is code]
    assert len(found) == 1
    return found[0].message


def settings_errors(**fields: object) -> dict[str, FieldError]:
    with pytest.raises(ValidationError) as info:
        TimelineSettings(**fields)  # type: ignore[arg-type]
    return {e.field: e for e in info.value.errors}


# --- vocabulary -------------------------------------------------------------------------------


def test_call_outcomes_and_labels() -> None:
    assert [o.value for o in CallOutcome] == [
        "reached",
        "no-answer",
        "busy",
        "voicemail",
        "wrong-number",
    ]
    assert CallOutcome.REACHED.label_de == "Erreicht"
    assert CallOutcome.WRONG_NUMBER.label_de == "Falsche Nummer"
    assert all(o.label_de for o in CallOutcome)


@pytest.mark.parametrize("outcome", list(CallOutcome))
def test_every_outcome_but_reached_failed(outcome: CallOutcome) -> None:
    call = CallAttempt(datetime(2026, 11, 2, 9, 30), outcome)
    assert call.failed is (outcome is not CallOutcome.REACHED)
    assert call.note == ""


def test_letter_kinds_and_states_have_german_labels() -> None:
    assert ANNOUNCEMENT.label_de == "Ankündigung"
    assert REMINDER.label_de == "Erinnerung"
    assert [s.value for s in LetterState] == [
        "not-yet-open",
        "open",
        "due-today",
        "overdue",
        "sent",
        "not-needed-cancelled",
        "optional-agreed",
    ]
    assert all(s.label_de for s in LetterState)


def test_call_attempt_validation() -> None:
    CallAttempt(datetime(2026, 11, 2, 9), CallOutcome.BUSY, "n" * 2000).validate()
    with pytest.raises(ValidationError) as info:
        CallAttempt(datetime(2026, 11, 2, 9, tzinfo=UTC), CallOutcome.BUSY, "n" * 2001).validate()
    assert info.value.fields == ["at", "note"]
    assert "Ortszeit" in info.value.errors[0].message


def test_format_day() -> None:
    assert format_day(date(2026, 11, 4)) == "04.11.2026"


# --- due days and windows ---------------------------------------------------------------------


def test_due_day_keeps_weekdays() -> None:
    monday = date(2026, 11, 23)
    for offset in range(5):
        day = monday + timedelta(days=offset)
        assert due_day(day) == day


def test_due_day_moves_weekend_to_friday() -> None:
    assert due_day(date(2026, 11, 28)) == date(2026, 11, 27)  # Saturday
    assert due_day(date(2026, 11, 29)) == date(2026, 11, 27)  # Sunday


def test_windows_of_a_monday_visit() -> None:
    assert letter_window(ANNOUNCEMENT, VISIT) == LetterWindow(
        ANNOUNCEMENT, ANNOUNCE_OPENS, ANNOUNCE_DUE
    )
    assert letter_window(REMINDER, VISIT) == LetterWindow(REMINDER, REMIND_OPENS, REMIND_DUE)
    assert ANNOUNCE_DUE.weekday() == 0


def test_windows_of_a_saturday_visit_are_due_on_friday() -> None:
    saturday = date(2026, 12, 19)
    announcement = letter_window(ANNOUNCEMENT, saturday)
    reminder = letter_window(REMINDER, saturday)
    assert announcement.due == date(2026, 11, 27)  # 21 days before is Saturday 28.11.
    assert announcement.opens == date(2026, 11, 21)
    assert reminder.due == date(2026, 12, 11)  # 7 days before is Saturday 12.12.
    assert reminder.opens == date(2026, 12, 5)


def test_windows_of_a_sunday_visit_are_due_on_friday() -> None:
    sunday = date(2026, 12, 20)
    assert letter_window(ANNOUNCEMENT, sunday).due == date(2026, 11, 27)
    assert letter_window(REMINDER, sunday).due == date(2026, 12, 11)


def test_window_opening_is_clamped_to_the_due_day() -> None:
    settings = TimelineSettings(announcement_opens_days=21, announcement_due_days=21)
    window = letter_window(ANNOUNCEMENT, date(2026, 12, 19), settings)  # due Saturday → Friday
    assert window.opens == window.due == date(2026, 11, 27)


def test_windows_follow_the_settings() -> None:
    settings = TimelineSettings(
        announcement_opens_days=30,
        announcement_due_days=25,
        reminder_opens_days=12,
        reminder_due_days=9,
    )
    assert letter_window(ANNOUNCEMENT, VISIT, settings) == LetterWindow(
        ANNOUNCEMENT, date(2026, 11, 21), date(2026, 11, 26)
    )
    # 9 days before is Saturday 12.12.
    assert letter_window(REMINDER, VISIT, settings) == LetterWindow(
        REMINDER, date(2026, 12, 9), date(2026, 12, 11)
    )


def test_a_datetime_counts_as_its_day() -> None:
    assert letter_window(ANNOUNCEMENT, datetime(2026, 12, 21, 14, 30)).due == ANNOUNCE_DUE
    assert due_day(datetime(2026, 11, 28, 8)) == date(2026, 11, 27)


# --- call attempts before the announcement ----------------------------------------------------


def test_at_least_two_failed_calls_before_the_announcement() -> None:
    reached = CallAttempt(datetime(2026, 11, 11, 9), CallOutcome.REACHED)
    assert announce_blocker([]) is not None
    assert announce_blocker([TWO_FAILED[0], reached]) is not None
    assert announce_blocker(TWO_FAILED) is None
    assert announce_blocker([*TWO_FAILED, reached]) is None


def test_announce_blocker_explains_in_german() -> None:
    assert announce_blocker([TWO_FAILED[0]]) == (
        "Vor der Ankündigung sind mindestens 2 erfolglose Anrufversuche nötig; "
        "bisher ist 1 erfasst."
    )
    dated = announce_blocker([], TimelineSettings(min_failed_calls=1), date(2026, 11, 4))
    assert dated == (
        "Vor der Ankündigung ist mindestens 1 erfolgloser Anrufversuch nötig; "
        "bis 04.11.2026 sind 0 erfasst."
    )


def test_min_failed_calls_is_a_setting() -> None:
    assert announce_blocker([], TimelineSettings(min_failed_calls=0)) is None
    assert announce_blocker(TWO_FAILED, TimelineSettings(min_failed_calls=3)) is not None


def test_calls_counted_up_to_a_day() -> None:
    assert count_failed_calls(TWO_FAILED) == 2
    assert count_failed_calls(TWO_FAILED, date(2026, 11, 11)) == 1
    assert count_failed_calls(TWO_FAILED, date(2026, 11, 12)) == 2
    assert announce_blocker(TWO_FAILED, until=date(2026, 11, 11)) is not None


def test_calls_count_up_to_the_announcement_or_today() -> None:
    today = date(2026, 11, 20)
    assert announcement_cutoff([], today) == today
    assert announcement_cutoff([Letter(ANNOUNCEMENT)], datetime(2026, 11, 20, 18)) == today
    sent = [Letter(REMINDER, date(2026, 11, 9)), Letter(ANNOUNCEMENT, date(2026, 11, 11))]
    assert announcement_cutoff(sent, today) == date(2026, 11, 11)


# --- letter states and letters due ------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "state"),
    [
        (ANNOUNCE_OPENS - timedelta(days=1), LetterState.NOT_YET_OPEN),
        (ANNOUNCE_OPENS, LetterState.OPEN),
        (ANNOUNCE_DUE - timedelta(days=1), LetterState.OPEN),
        (ANNOUNCE_DUE, LetterState.DUE_TODAY),
        (ANNOUNCE_DUE + timedelta(days=1), LetterState.OVERDUE),
        (VISIT + timedelta(days=30), LetterState.OVERDUE),
    ],
)
def test_letter_state_over_time(today: date, state: LetterState) -> None:
    window = letter_window(ANNOUNCEMENT, VISIT)
    assert letter_state(window, None, today) is state
    assert letter_state(window, date(2026, 11, 25), today) is LetterState.SENT
    assert letter_state(window, None, today, True) is LetterState.NOT_NEEDED_CANCELLED


def test_a_sent_letter_stays_sent_after_cancellation() -> None:
    window = letter_window(ANNOUNCEMENT, VISIT)
    assert letter_state(window, ANNOUNCE_OPENS, ANNOUNCE_DUE, True) is LetterState.SENT


def test_letters_due_follow_the_windows() -> None:
    assert letters_due(VISIT, [], ANNOUNCE_OPENS - timedelta(days=1)) == []
    announcement = letter_window(ANNOUNCEMENT, VISIT)
    reminder = letter_window(REMINDER, VISIT)
    assert letters_due(VISIT, [], ANNOUNCE_OPENS) == [announcement]
    assert letters_due(VISIT, [], REMIND_OPENS) == [announcement, reminder]
    sent = [Letter(ANNOUNCEMENT, ANNOUNCE_OPENS)]
    assert letters_due(VISIT, sent, ANNOUNCE_OPENS) == []
    assert letters_due(VISIT, sent, REMIND_OPENS) == [reminder]
    both = [*sent, Letter(REMINDER, REMIND_OPENS)]
    assert letters_due(VISIT, both, REMIND_DUE) == []


def test_an_unsent_letter_is_still_due() -> None:
    drafts = [Letter(ANNOUNCEMENT), Letter(REMINDER, None)]
    assert [w.kind for w in letters_due(VISIT, drafts, REMIND_OPENS)] == [ANNOUNCEMENT, REMINDER]


def test_cancellation_leaves_nothing_due() -> None:
    assert letters_due(VISIT, [], REMIND_DUE, DEFAULT_SETTINGS, cancelled_by_client=True) == []
    status = timeline(VISIT, TWO_FAILED, [], REMIND_DUE, cancelled_by_client=True)
    assert status.cancelled
    assert status.due == ()
    assert status.announcement_state is LetterState.NOT_NEEDED_CANCELLED
    assert status.reminder_state is LetterState.NOT_NEEDED_CANCELLED


def test_earliest_sent_letter_of_a_kind_counts() -> None:
    letters = [
        Letter(ANNOUNCEMENT, date(2026, 11, 27)),
        Letter(ANNOUNCEMENT, date(2026, 11, 24)),
        Letter(ANNOUNCEMENT),
        Letter(REMINDER, date(2026, 12, 8)),
    ]
    assert sent_on(letters, ANNOUNCEMENT) == date(2026, 11, 24)
    assert sent_on(letters, REMINDER) == date(2026, 12, 8)
    assert sent_on([Letter(ANNOUNCEMENT)], ANNOUNCEMENT) is None


# --- the timeline -----------------------------------------------------------------------------


def test_a_timeline_by_the_book_has_no_warnings() -> None:
    letters = [Letter(ANNOUNCEMENT, date(2026, 11, 25)), Letter(REMINDER, date(2026, 12, 9))]
    status = timeline(VISIT, TWO_FAILED, letters, date(2026, 12, 10))
    assert status.warnings == ()
    assert status.announcement_state is LetterState.SENT
    assert status.reminder_state is LetterState.SENT
    assert status.announcement_sent_on == date(2026, 11, 25)
    assert status.reminder_sent_on == date(2026, 12, 9)
    assert status.failed_calls == 2
    assert status.can_announce
    assert status.due == ()
    assert not status.cancelled


def test_timeline_shows_windows_states_and_due_letters() -> None:
    status = timeline(VISIT, TWO_FAILED, [Letter(ANNOUNCEMENT, ANNOUNCE_DUE)], REMIND_DUE)
    assert status.window(ANNOUNCEMENT) == status.announcement == letter_window(ANNOUNCEMENT, VISIT)
    assert status.window(REMINDER) == status.reminder == letter_window(REMINDER, VISIT)
    assert status.state(ANNOUNCEMENT) is LetterState.SENT
    assert status.state(REMINDER) is LetterState.DUE_TODAY
    assert status.due == (status.reminder,)
    assert status.visit_day == VISIT
    assert status.today == REMIND_DUE


def test_too_few_calls_when_the_window_is_open() -> None:
    one = [TWO_FAILED[0]]
    today = date(2026, 11, 24)
    assert WarningCode.TOO_FEW_CALLS in codes(one, [], today)
    assert message(WarningCode.TOO_FEW_CALLS, one, [], today) == (
        "Vor der Ankündigung sind mindestens 2 erfolglose Anrufversuche nötig; "
        "bis 24.11.2026 ist 1 erfasst."
    )
    assert WarningCode.TOO_FEW_CALLS not in codes(TWO_FAILED, [], today)
    assert WarningCode.TOO_FEW_CALLS not in codes(one, [], ANNOUNCE_OPENS - timedelta(days=1))
    assert WarningCode.TOO_FEW_CALLS not in codes(one, [], today, cancelled=True)
    assert not timeline(VISIT, one, [], today).can_announce


def test_too_few_calls_counts_calls_up_to_the_sent_day() -> None:
    sent = [Letter(ANNOUNCEMENT, date(2026, 11, 25))]
    late_call = [failed_call(date(2026, 11, 20)), failed_call(date(2026, 11, 26))]
    same_day = [failed_call(date(2026, 11, 20)), failed_call(date(2026, 11, 25), hour=8)]
    today = date(2026, 12, 1)
    assert WarningCode.TOO_FEW_CALLS in codes(late_call, sent, today)
    assert "bis 25.11.2026 ist 1 erfasst" in message(
        WarningCode.TOO_FEW_CALLS, late_call, sent, today
    )
    assert WarningCode.TOO_FEW_CALLS not in codes(same_day, sent, today)
    # A letter already sent stays documented as sent too early, even after a cancellation.
    assert WarningCode.TOO_FEW_CALLS in codes(late_call, sent, today, cancelled=True)


def test_reached_calls_do_not_count() -> None:
    reached = [CallAttempt(datetime(2026, 11, d, 9), CallOutcome.REACHED) for d in (2, 3, 4)]
    assert WarningCode.TOO_FEW_CALLS in codes(reached, [], ANNOUNCE_DUE)


def test_short_notice() -> None:
    today = date(2026, 12, 2)
    twenty = [Letter(ANNOUNCEMENT, date(2026, 12, 1))]
    assert WarningCode.SHORT_NOTICE in codes(TWO_FAILED, twenty, today)
    assert message(WarningCode.SHORT_NOTICE, TWO_FAILED, twenty, today) == (
        "Zwischen Ankündigung (01.12.2026) und Hausbesuch (21.12.2026) liegen nur 20 Tage; "
        "vorgesehen sind mindestens 21 Tage."
    )
    on_time = [Letter(ANNOUNCEMENT, ANNOUNCE_DUE)]  # exactly 21 days
    assert WarningCode.SHORT_NOTICE not in codes(TWO_FAILED, on_time, today)
    assert WarningCode.SHORT_NOTICE not in codes(TWO_FAILED, [], today)
    relaxed = TimelineSettings(min_notice_days=14)
    assert WarningCode.SHORT_NOTICE not in codes(TWO_FAILED, twenty, today, relaxed)


def test_short_notice_when_announced_on_or_after_the_visit() -> None:
    late = [Letter(ANNOUNCEMENT, VISIT)]
    text = message(WarningCode.SHORT_NOTICE, TWO_FAILED, late, VISIT)
    assert "nicht vor dem Hausbesuch am 21.12.2026" in text


def test_reminder_without_announcement() -> None:
    reminder_only = [Letter(REMINDER, date(2026, 12, 8))]
    today = date(2026, 12, 9)
    assert WarningCode.REMINDER_BEFORE_ANNOUNCEMENT in codes(TWO_FAILED, reminder_only, today)
    assert message(WarningCode.REMINDER_BEFORE_ANNOUNCEMENT, TWO_FAILED, reminder_only, today) == (
        "Die Erinnerung wurde am 08.12.2026 versendet, ohne dass eine Ankündigung versendet wurde."
    )


def test_reminder_before_announcement() -> None:
    today = date(2026, 12, 9)
    early = [Letter(REMINDER, date(2026, 11, 24)), Letter(ANNOUNCEMENT, date(2026, 11, 25))]
    assert WarningCode.REMINDER_BEFORE_ANNOUNCEMENT in codes(TWO_FAILED, early, today)
    assert "vor der Ankündigung am 25.11.2026" in message(
        WarningCode.REMINDER_BEFORE_ANNOUNCEMENT, TWO_FAILED, early, today
    )
    same_day = [Letter(REMINDER, date(2026, 11, 25)), Letter(ANNOUNCEMENT, date(2026, 11, 25))]
    assert WarningCode.REMINDER_BEFORE_ANNOUNCEMENT not in codes(TWO_FAILED, same_day, today)
    in_order = [Letter(ANNOUNCEMENT, date(2026, 11, 25)), Letter(REMINDER, date(2026, 12, 8))]
    assert WarningCode.REMINDER_BEFORE_ANNOUNCEMENT not in codes(TWO_FAILED, in_order, today)


def test_announcement_late() -> None:
    today = date(2026, 12, 2)
    late = [Letter(ANNOUNCEMENT, date(2026, 12, 1))]
    assert WarningCode.ANNOUNCEMENT_LATE in codes(TWO_FAILED, late, today)
    assert message(WarningCode.ANNOUNCEMENT_LATE, TWO_FAILED, late, today) == (
        "Die Ankündigung war bis 30.11.2026 fällig, versendet wurde sie am 01.12.2026."
    )
    on_due_day = [Letter(ANNOUNCEMENT, ANNOUNCE_DUE)]
    assert WarningCode.ANNOUNCEMENT_LATE not in codes(TWO_FAILED, on_due_day, today)
    # Not sent at all is the state "overdue", not this warning.
    status = timeline(VISIT, TWO_FAILED, [], today)
    assert WarningCode.ANNOUNCEMENT_LATE not in status.warning_codes
    assert status.announcement_state is LetterState.OVERDUE


def test_announcement_late_uses_the_friday_due_day() -> None:
    saturday_visit = date(2026, 12, 19)  # due Friday 27.11., not Saturday 28.11.
    late = [Letter(ANNOUNCEMENT, date(2026, 11, 28))]
    status = timeline(saturday_visit, TWO_FAILED, late, date(2026, 12, 1))
    assert WarningCode.ANNOUNCEMENT_LATE in status.warning_codes


def test_warning_codes_are_stable_strings() -> None:
    assert [c.value for c in WarningCode] == [
        "too-few-calls",
        "short-notice",
        "reminder-before-announcement",
        "announcement-late",
        "reminder-outside-window",
    ]


# --- settings ---------------------------------------------------------------------------------


def test_default_settings() -> None:
    settings = TimelineSettings()
    assert settings == DEFAULT_SETTINGS
    assert settings.min_failed_calls == 2
    assert (settings.announcement_opens_days, settings.announcement_due_days) == (28, 21)
    assert (settings.reminder_opens_days, settings.reminder_due_days) == (14, 7)
    assert settings.min_notice_days == 21
    settings.validate()


def test_settings_reject_negative_call_count() -> None:
    error = settings_errors(min_failed_calls=-1)["min_failed_calls"]
    assert error.label == "Mindestzahl erfolgloser Anrufversuche"
    assert error.message == "Zwischen 0 und 20."


def test_settings_reject_a_window_that_opens_after_it_is_due() -> None:
    errors = settings_errors(announcement_opens_days=20)
    assert list(errors) == ["announcement_opens_days"]
    assert "Ankündigung spätestens" in errors["announcement_opens_days"].message
    errors = settings_errors(reminder_opens_days=6)
    assert list(errors) == ["reminder_opens_days"]


def test_settings_reject_a_reminder_due_before_the_announcement() -> None:
    errors = settings_errors(reminder_opens_days=30, reminder_due_days=21)
    assert list(errors) == ["reminder_due_days"]
    assert "später fällig sein als die Ankündigung" in errors["reminder_due_days"].message


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("announcement_due_days", 0),
        ("reminder_due_days", 0),
        ("announcement_opens_days", 400),
        ("min_notice_days", -1),
        ("min_failed_calls", 21),
        ("min_notice_days", True),
        ("min_failed_calls", "2"),
    ],
)
def test_settings_reject_out_of_range_values(name: str, value: object) -> None:
    assert name in settings_errors(**{name: value})


def test_settings_collect_all_errors() -> None:
    errors = settings_errors(min_failed_calls=-1, min_notice_days=-1, reminder_due_days=0)
    assert set(errors) == {"min_failed_calls", "min_notice_days", "reminder_due_days"}


def test_single_day_windows_are_allowed() -> None:
    TimelineSettings(
        announcement_opens_days=21, announcement_due_days=21, reminder_opens_days=7
    ).validate()
