"""Property tests of the home-visit timeline."""

from __future__ import annotations

from dataclasses import fields
from datetime import date, datetime, time, timedelta

from hypothesis import given
from hypothesis import strategies as st

from outreach_desktop.domain.errors import ValidationError
from outreach_desktop.domain.home_visit import (
    DEFAULT_SETTINGS,
    CallAttempt,
    CallOutcome,
    Letter,
    LetterKind,
    LetterState,
    TimelineSettings,
    WarningCode,
    count_failed_calls,
    due_day,
    letter_window,
    letters_due,
    letters_horizon,
    sent_on,
)
from outreach_desktop.domain.home_visit_timeline import (
    announce_blocker,
    announcement_cutoff,
    timeline,
)

days = st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31))
offsets = st.integers(min_value=-60, max_value=60)


@st.composite
def settings(draw: st.DrawFn) -> TimelineSettings:
    announcement_due = draw(st.integers(min_value=2, max_value=60))
    reminder_due = draw(st.integers(min_value=1, max_value=announcement_due - 1))
    return TimelineSettings(
        min_failed_calls=draw(st.integers(min_value=0, max_value=5)),
        announcement_opens_days=announcement_due + draw(st.integers(min_value=0, max_value=30)),
        announcement_due_days=announcement_due,
        reminder_opens_days=reminder_due + draw(st.integers(min_value=0, max_value=30)),
        reminder_due_days=reminder_due,
        min_notice_days=draw(st.integers(min_value=0, max_value=60)),
    )


@st.composite
def scenarios(
    draw: st.DrawFn,
) -> tuple[date, list[CallAttempt], list[Letter], date, TimelineSettings]:
    """A visit day, calls and letters around it, a "today" near it and settings."""
    visit = draw(days)
    calls = [
        CallAttempt(
            datetime.combine(visit + timedelta(days=draw(offsets)), draw(st.times())),
            draw(st.sampled_from(CallOutcome)),
        )
        for _ in range(draw(st.integers(min_value=0, max_value=5)))
    ]
    letters = [
        Letter(
            draw(st.sampled_from(LetterKind)),
            draw(st.none() | offsets.map(lambda n: visit + timedelta(days=n))),
        )
        for _ in range(draw(st.integers(min_value=0, max_value=4)))
    ]
    today = visit + timedelta(days=draw(offsets))
    return visit, calls, letters, today, draw(settings())


@given(days)
def test_due_day_is_a_weekday_at_most_two_days_back(day: date) -> None:
    due = due_day(day)
    assert due.weekday() < 5
    assert 0 <= (day - due).days <= 2
    assert due_day(due) == due
    if day.weekday() < 5:
        assert due == day


@given(days, settings(), st.sampled_from(LetterKind))
def test_windows_open_before_due_before_visit(
    visit: date, config: TimelineSettings, kind: LetterKind
) -> None:
    window = letter_window(kind, visit, config)
    assert window.kind is kind
    assert window.opens <= window.due < visit
    assert window.due.weekday() < 5
    assert window.due <= visit - timedelta(days=config.due_days(kind))
    assert window.due >= visit - timedelta(days=config.due_days(kind) + 2)
    assert window.opens <= visit - timedelta(days=config.opens_days(kind))


@given(days)
def test_default_windows(visit: date) -> None:
    announcement = letter_window(LetterKind.ANNOUNCEMENT, visit, DEFAULT_SETTINGS)
    reminder = letter_window(LetterKind.REMINDER, visit, DEFAULT_SETTINGS)
    assert announcement.due <= visit - timedelta(days=21)
    assert announcement.opens == min(visit - timedelta(days=28), announcement.due)
    assert reminder.due <= visit - timedelta(days=7)
    assert announcement.due < reminder.opens


@given(scenarios(), st.booleans())
def test_letters_due_are_open_unsent_and_ordered(
    scenario: tuple[date, list[CallAttempt], list[Letter], date, TimelineSettings],
    cancelled: bool,
) -> None:
    visit, _, letters, today, config = scenario
    due = letters_due(visit, letters, today, config, cancelled)
    if cancelled:
        assert due == []
        return
    sent_kinds = {letter.kind for letter in letters if letter.sent_on is not None}
    assert not {w.kind for w in due} & sent_kinds
    assert all(w.opens <= today for w in due)
    assert [w.due for w in due] == sorted(w.due for w in due)
    expected = {
        kind
        for kind in LetterKind
        if kind not in sent_kinds and letter_window(kind, visit, config).opens <= today
    }
    assert {w.kind for w in due} == expected


@given(days, st.integers(min_value=0, max_value=60), settings(), st.booleans())
def test_no_window_is_open_for_a_visit_beyond_the_horizon(
    today: date, beyond: int, s: TimelineSettings, agreed: bool
) -> None:
    """What lets Heute read only the home visits within `letters_horizon` for letters due."""
    visit = today + timedelta(days=letters_horizon(s) + 1 + beyond)
    assert letters_due(visit, [], today, s, False, agreed) == []
    widest = max(s.opens_days(k) for k in LetterKind)  # the horizon is not too short to be right
    assert letters_horizon(s) >= widest
    assert letters_due(today + timedelta(days=widest), [], today, s, False, False)


@given(scenarios(), st.booleans())
def test_timeline_is_consistent(
    scenario: tuple[date, list[CallAttempt], list[Letter], date, TimelineSettings],
    cancelled: bool,
) -> None:
    visit, calls, letters, today, config = scenario
    status = timeline(visit, calls, letters, today, config, cancelled)
    assert list(status.due) == letters_due(visit, letters, today, config, cancelled)
    assert status.cancelled is cancelled
    for kind in LetterKind:
        state = status.state(kind)
        if sent_on(letters, kind) is not None:
            assert state is LetterState.SENT
        elif cancelled:
            assert state is LetterState.NOT_NEEDED_CANCELLED
        else:
            assert state not in (LetterState.SENT, LetterState.NOT_NEEDED_CANCELLED)
            assert (state is LetterState.NOT_YET_OPEN) == (today < status.window(kind).opens)
    codes = status.warning_codes
    assert len(codes) == len(set(codes))
    assert all(w.message for w in status.warnings)
    assert status.can_announce == (status.failed_calls >= config.min_failed_calls)


@given(scenarios(), st.booleans())
def test_may_announce_is_one_rule(
    scenario: tuple[date, list[CallAttempt], list[Letter], date, TimelineSettings],
    cancelled: bool,
) -> None:
    """The timeline's "may announce", its failed-call count and its too-few-calls warning all
    come from `announce_blocker` over the calls up to `announcement_cutoff`."""
    visit, calls, letters, today, config = scenario
    status = timeline(visit, calls, letters, today, config, cancelled)
    until = announcement_cutoff(letters, today)
    blocker = announce_blocker(calls, config, until)
    assert status.can_announce == (blocker is None)
    assert status.failed_calls == count_failed_calls(calls, until)
    too_few = [w.message for w in status.warnings if w.code is WarningCode.TOO_FEW_CALLS]
    assert too_few in ([], [blocker])
    if blocker is not None:
        assert f"{status.failed_calls} erfasst" in blocker


@given(scenarios(), st.booleans())
def test_short_notice_iff_announced_too_late(
    scenario: tuple[date, list[CallAttempt], list[Letter], date, TimelineSettings],
    cancelled: bool,
) -> None:
    visit, calls, letters, today, config = scenario
    codes = timeline(visit, calls, letters, today, config, cancelled).warning_codes
    announced = [
        letter.sent_on
        for letter in letters
        if letter.kind is LetterKind.ANNOUNCEMENT and letter.sent_on is not None
    ]
    short = bool(announced) and (visit - min(announced)).days < config.min_notice_days
    assert (WarningCode.SHORT_NOTICE in codes) == short


@given(scenarios(), st.booleans())
def test_other_warnings_match_their_rules(
    scenario: tuple[date, list[CallAttempt], list[Letter], date, TimelineSettings],
    cancelled: bool,
) -> None:
    visit, calls, letters, today, config = scenario
    codes = timeline(visit, calls, letters, today, config, cancelled).warning_codes
    announced = sent_on(letters, LetterKind.ANNOUNCEMENT)
    reminded = sent_on(letters, LetterKind.REMINDER)
    window = letter_window(LetterKind.ANNOUNCEMENT, visit, config)
    late = announced is not None and announced > window.due
    assert (WarningCode.ANNOUNCEMENT_LATE in codes) == late
    early = reminded is not None and (announced is None or reminded < announced)
    assert (WarningCode.REMINDER_BEFORE_ANNOUNCEMENT in codes) == early
    cutoff = announced if announced is not None else today
    too_few = count_failed_calls(calls, cutoff) < config.min_failed_calls
    relevant = announced is not None or (not cancelled and window.opens <= today)
    assert (WarningCode.TOO_FEW_CALLS in codes) == (too_few and relevant)


@given(st.lists(st.tuples(days, st.sampled_from(CallOutcome)), max_size=8), days)
def test_failed_calls_counted_up_to_a_day(
    attempts: list[tuple[date, CallOutcome]], until: date
) -> None:
    calls = [CallAttempt(datetime.combine(d, time(12)), o) for d, o in attempts]
    counted = count_failed_calls(calls, until)
    assert counted == sum(1 for d, o in attempts if o is not CallOutcome.REACHED and d <= until)
    assert counted <= count_failed_calls(calls)


SETTING_NAMES = [f.name for f in fields(TimelineSettings)]
settings_values = st.one_of(st.integers(min_value=-5, max_value=400), st.booleans(), st.none())


@given(st.fixed_dictionaries({}, optional=dict.fromkeys(SETTING_NAMES, settings_values)))
def test_settings_either_valid_or_validation_error(values: dict[str, object]) -> None:
    try:
        config = TimelineSettings(**values)  # type: ignore[arg-type]
    except ValidationError as exc:
        assert exc.errors
        assert set(exc.fields) <= set(SETTING_NAMES)
        assert all(e.message and e.label for e in exc.errors)
    else:
        for kind in LetterKind:
            assert config.opens_days(kind) >= config.due_days(kind) >= 1
        assert config.reminder_due_days < config.announcement_due_days
