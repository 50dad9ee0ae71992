"""A home visit agreed by phone, and the reminder's window (issue 12, item 5).

Announcement and reminder are the procedure "nach mehreren vergeblichen Anrufversuchen": when a
reached call agreed the visit, the letters are optional (none due, none warned about) and the
announcement letter, which tells of failed calls, does not fit. A reminder sent outside its
window (about 14 to 7 days before the visit) is flagged like a late announcement."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from outreach_desktop.domain.errors import ValidationError
from outreach_desktop.domain.home_visit import (
    CallAttempt,
    CallOutcome,
    Letter,
    LetterKind,
    LetterState,
    WarningCode,
    agreed_by_phone,
    letter_window,
)
from outreach_desktop.domain.home_visit_timeline import announcement_letter_blocker, timeline

VISIT = date(2026, 12, 21)  # a Monday; reminder window 07.12.–14.12.2026
REMINDER = letter_window(LetterKind.REMINDER, VISIT)
AGREED = CallAttempt(datetime(2026, 11, 10, 9), CallOutcome.REACHED, "", agreed=True)
FAILED = [
    CallAttempt(datetime(2026, 11, d, 10), CallOutcome.NO_ANSWER) for d in (3, 5)
]  # fmt: skip

days = st.dates(min_value=date(2026, 10, 1), max_value=date(2027, 1, 31))
outcomes = st.sampled_from(list(CallOutcome))
calls = st.lists(
    st.builds(
        CallAttempt,
        st.datetimes(min_value=datetime(2026, 10, 1), max_value=datetime(2026, 12, 20)),
        outcomes,
        st.just(""),
        st.booleans(),
    ).filter(lambda c: not c.agreed or c.outcome is CallOutcome.REACHED),
    max_size=6,
)
letters = st.lists(st.builds(Letter, st.sampled_from(list(LetterKind)), days), max_size=3)


def test_agreed_needs_a_reached_call() -> None:
    AGREED.validate()
    for outcome in CallOutcome:
        if outcome is not CallOutcome.REACHED:
            with pytest.raises(ValidationError, match="erreicht"):
                CallAttempt(datetime(2026, 11, 10, 9), outcome, "", agreed=True).validate()


def test_a_reached_call_without_agreement_changes_nothing() -> None:
    reached = CallAttempt(datetime(2026, 11, 10, 9), CallOutcome.REACHED)
    assert not agreed_by_phone([reached])
    status = timeline(VISIT, [reached], [], date(2026, 11, 30))
    assert WarningCode.TOO_FEW_CALLS in status.warning_codes
    assert announcement_letter_blocker([reached]) is None


@given(calls, letters, days)
def test_agreed_by_phone_makes_the_letters_optional(
    calls: list[CallAttempt], sent: list[Letter], today: date
) -> None:
    status = timeline(VISIT, [*calls, AGREED], sent, today)
    assert status.agreed_by_phone
    assert status.due == ()
    assert status.warnings == ()
    assert not status.can_announce  # the announcement letter does not fit
    for kind in LetterKind:
        expected = LetterState.SENT if status.sent_on(kind) else LetterState.OPTIONAL_AGREED
        assert status.state(kind) is expected
    blocker = announcement_letter_blocker([*calls, AGREED])
    assert blocker is not None and "Terminbestätigung" in blocker


@given(calls, letters, days)
def test_without_agreement_nothing_is_optional(
    calls: list[CallAttempt], sent: list[Letter], today: date
) -> None:
    calls = [c for c in calls if not c.agreed]
    status = timeline(VISIT, calls, sent, today)
    assert not status.agreed_by_phone
    assert announcement_letter_blocker(calls) is None
    assert LetterState.OPTIONAL_AGREED not in (status.announcement_state, status.reminder_state)


@given(days)
def test_a_reminder_outside_its_window_is_flagged(reminded: date) -> None:
    sent = [
        Letter(LetterKind.ANNOUNCEMENT, date(2026, 11, 23)),
        Letter(LetterKind.REMINDER, reminded),
    ]
    status = timeline(VISIT, FAILED, sent, date(2027, 1, 31))
    outside = not REMINDER.opens <= reminded <= REMINDER.due
    assert (WarningCode.REMINDER_OUTSIDE_WINDOW in status.warning_codes) == outside


def test_the_reminder_warning_says_when_and_why() -> None:
    for reminded, when in (
        (REMINDER.opens - timedelta(days=1), "vor"),
        (date(2026, 12, 15), "nach"),
    ):
        sent = [
            Letter(LetterKind.ANNOUNCEMENT, date(2026, 11, 23)),
            Letter(LetterKind.REMINDER, reminded),
        ]
        status = timeline(VISIT, FAILED, sent, date(2026, 12, 16))
        [warning] = [w for w in status.warnings if w.code is WarningCode.REMINDER_OUTSIDE_WINDOW]
        assert warning.message == (
            f"Die Erinnerung wurde am {reminded:%d.%m.%Y} versendet, {when} ihrem Zeitraum "
            "(07.12.2026 bis 14.12.2026)."
        )
