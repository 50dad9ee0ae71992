"""The home-visit timeline as it would stand on the demo day: call attempts and the letters
sent, through the workflow service."""

from __future__ import annotations

from datetime import datetime, timedelta

from outreach_desktop.demo.days import at, workday_before
from outreach_desktop.demo.run import DemoRun
from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.home_visit import CallAttempt, CallOutcome, LetterKind, letter_window

FAILED_CALLS = (CallOutcome.NO_ANSWER, CallOutcome.BUSY, CallOutcome.VOICEMAIL)


def call(run: DemoRun, a: Appointment, when: datetime, outcome: CallOutcome) -> None:
    note = run.texts.call_notes.get(outcome, "")
    run.session.workflow.log_call(a.id, CallAttempt(when, outcome, note))
    run.count("calls")


def failed_calls(run: DemoRun, a: Appointment) -> None:
    """Two failed calls some days before the announcement window opens, if before today."""
    rng = run.rng
    opens = letter_window(LetterKind.ANNOUNCEMENT, a.start.date(), run.timeline).opens
    for ahead in (6, 3):
        day = workday_before(opens - timedelta(days=ahead))
        if day < run.today:
            outcome = rng.choice(FAILED_CALLS)
            call(run, a, at(day, rng.choice((9, 10, 11, 14, 15)), rng.choice((0, 30))), outcome)


def letters(run: DemoRun, a: Appointment, *, keep_due: bool = False) -> None:
    """Letters sent on a workday of each window that has passed, and sometimes early in an
    open one (unless `keep_due`: the letter is then due on the demo day)."""
    for kind in LetterKind:
        window = letter_window(kind, a.start.date(), run.timeline)
        if window.opens >= run.today:
            continue
        early = not keep_due and run.rng.random() < 0.4
        if window.due < run.today or early:
            last = min(window.due, run.today - timedelta(days=1))
            days = [window.opens + timedelta(days=i) for i in range((last - window.opens).days + 1)]
            workdays = [d for d in days if d.weekday() < 5] or [last]
            run.session.workflow.set_letter_sent(a.id, kind, run.rng.choice(workdays))
            run.count("letters")


def home_visit_timeline(run: DemoRun, a: Appointment, *, keep_due: bool = False) -> None:
    failed_calls(run, a)
    letters(run, a, keep_due=keep_due)
