"""One appointment of the history with what a caseworker recorded for it: checklist answers
phase by phase, call attempts and letters for a home visit, the outcome, and a protocol."""

from __future__ import annotations

from datetime import datetime, timedelta

from outreach_desktop.demo.checklist import NOT_ANSWERED, value
from outreach_desktop.demo.days import at, workday_after, workday_before
from outreach_desktop.demo.history_texts import history_texts
from outreach_desktop.demo.run import DemoRun
from outreach_desktop.demo.timeline import FAILED_CALLS
from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.checklists import Answer, Item, Phase
from outreach_desktop.domain.conduct import BrokenOffBy, Conduct
from outreach_desktop.domain.home_visit import (
    CallAttempt,
    CallOutcome,
    Letter,
    LetterKind,
    letter_window,
)
from outreach_desktop.domain.people import Client
from outreach_desktop.domain.protocols import Addendum, Protocol, SuccessRating
from outreach_desktop.domain.vocabulary import AppointmentStatus, Approach
from outreach_desktop.services.checklists import ChecklistSet
from outreach_desktop.services.history import PastAppointment

SETTLED_AFTER = timedelta(days=21)  # older history is followed up and closed
DRAFT_DAYS = 14  # protocols still drafts: only of the last two weeks
MET = (AppointmentStatus.DONE, AppointmentStatus.ENDED_AT_DOOR, AppointmentStatus.BROKEN_OFF)
REASONS = {
    AppointmentStatus.CANCELLED: "cancelled",
    AppointmentStatus.NOT_MET: "not-met",
    AppointmentStatus.ENDED_AT_DOOR: "ended-at-door",
    AppointmentStatus.POSTPONED: "postponed-interview",
    AppointmentStatus.BROKEN_OFF: "broken-off-watched",
}


_ANSWERABLE: dict[tuple[int, Approach, Phase], tuple[Item, ...]] = {}


def answerable(checklists: ChecklistSet, approach: Approach, phase: Phase) -> tuple[Item, ...]:
    """Items of `phase` a caseworker answers whatever the facts (no condition to apply)."""
    key = (id(checklists), approach, phase)
    if key not in _ANSWERABLE:
        _ANSWERABLE[key] = tuple(
            i
            for c in checklists.for_approach(approach)
            for i in c.items
            if i.phase is phase and i.kind not in NOT_ANSWERED and not i.when
        )
    return _ANSWERABLE[key]


def answers(
    run: DemoRun, a: Appointment, phase: Phase, when: datetime, share: float
) -> list[Answer]:
    items = answerable(run.session.workflow.checklist_set, a.approach, phase)
    chosen = [i for i in items if run.rng.random() < share]
    return [
        Answer(i.id, value(run, a, i, when + timedelta(minutes=k)), when, run.owner.id)
        for k, i in enumerate(chosen)
    ]


def outcome_of(run: DemoRun, a: Appointment) -> AppointmentStatus:
    r = run.rng.random()
    if r >= 0.92:
        return AppointmentStatus.CANCELLED
    if r >= 0.89:
        return AppointmentStatus.POSTPONED
    if r >= 0.78:
        return AppointmentStatus.NOT_MET
    if r >= 0.75:
        return AppointmentStatus.BROKEN_OFF
    if a.approach is Approach.HOME_VISIT:
        return AppointmentStatus.ENDED_AT_DOOR
    return AppointmentStatus.DONE


def timeline(
    run: DemoRun, a: Appointment, today: datetime
) -> tuple[list[CallAttempt], list[Letter]]:
    """Failed calls before the announcement, sometimes one that reached the client; a letter
    sent in every window that has closed."""
    rng, day = run.rng, a.start.date()
    settings = run.timeline
    opens = letter_window(LetterKind.ANNOUNCEMENT, day, settings).opens
    calls = []
    for ahead in (6, 3):
        when = at(workday_before(opens - timedelta(days=ahead)), rng.choice((9, 10, 14)), 30)
        if when < today:
            calls.append(CallAttempt(when, rng.choice(FAILED_CALLS), ""))
    letters = []
    for kind in LetterKind:
        window = letter_window(kind, day, settings)
        if window.due < today.date():
            letters.append(Letter(kind, window.opens + timedelta(days=rng.randint(0, 3))))
    if calls and rng.random() < 0.3:
        reached = at(workday_before(day - timedelta(days=2)), 11)
        if reached < today:
            calls.append(CallAttempt(reached, CallOutcome.REACHED, run.texts.call_notes.get(
                CallOutcome.REACHED, "")))  # fmt: skip
    return calls, letters


def past(run: DemoRun, a: Appointment, now: datetime) -> PastAppointment:
    """A past appointment conducted to an outcome, answered as far as a busy caseworker does."""
    rng = run.rng
    entry = PastAppointment(a)
    prepared = at(workday_before(a.start.date() - timedelta(days=rng.randint(2, 6))), 10)
    entry.answers = answers(run, a, Phase.PREPARATION, prepared, rng.choice((0.6, 0.3, 0.2)))
    if a.approach is Approach.HOME_VISIT:
        entry.calls, entry.letters = timeline(run, a, now)
    outcome = outcome_of(run, a)
    begin = a.start + timedelta(minutes=rng.choice((0, 2, 5)))
    end = a.end if outcome is AppointmentStatus.DONE else begin + timedelta(minutes=20)
    if outcome in (AppointmentStatus.CANCELLED, AppointmentStatus.POSTPONED):
        end = at(workday_before(a.start.date() - timedelta(days=2)), 11)
    if outcome in MET:
        share = 0.5 if outcome is AppointmentStatus.DONE else 0.2
        entry.answers += answers(run, a, Phase.ON_SITE, begin + timedelta(minutes=10), share)
    reason = run.texts.reasons[REASONS[outcome]] if outcome in REASONS else ""
    entry.conduct = Conduct(
        appointment_id=a.id, started_at=begin if outcome in MET else None, outcome=outcome,
        outcome_at=end,
        broken_off_by=BrokenOffBy.CLIENT if outcome is AppointmentStatus.BROKEN_OFF else None,
        outcome_reason=reason,
    )  # fmt: skip
    if outcome in (*MET, AppointmentStatus.NOT_MET):
        after = at(workday_after(end.date() + timedelta(days=1)), 9)
        settled = end < now - SETTLED_AFTER  # followed up long ago: every item, then closed
        share = 1.0 if settled else rng.choice((0.6, 0.3, 0.1))
        entry.answers += answers(run, a, Phase.FOLLOW_UP, after, share)
        if settled:
            entry.conduct.closed_at = after + timedelta(hours=2)
    a.status = outcome
    return entry


def documented_at_map(run: DemoRun, entry: PastAppointment) -> None:
    """A met appointment followed up long ago without a memory protocol was documented at the
    MAP in VerBIS instead (the instruction's alternative)."""
    c = entry.conduct
    if c is not None and c.closed_at is not None and c.outcome_at is not None:
        c.map_documented_at, c.map_documented_by = c.outcome_at, run.owner.name


def protocol(run: DemoRun, a: Appointment, client: Client, index: int) -> Protocol:
    """The memory protocol of a met appointment: two in three finalized, some of those with an
    addendum, a home visit's countersigned by the second person."""
    rng = run.rng
    written = at(a.start.date(), 16, 30)
    topics, course, agreements, next_steps = history_texts().protocol(
        rng, client.display_name.split()[0]
    )
    place = a.place or "Wohnung, " + ", ".join(client.address.splitlines())
    p = Protocol(
        id=run.rid(), approach=a.approach, met_at=a.start, written_at=written,
        duration_min=a.planned_duration_min, appointment_id=a.id, client_id=client.id,
        staff_ids=list(a.staff_ids), place=place, topics=topics, course=course,
        agreements=agreements, next_steps=next_steps, reflection=run.texts.reflection,
        new_need=rng.choice(run.texts.new_needs), benefit_relevant=index % 4 == 1,
        success=rng.choice(list(SuccessRating)),
    )  # fmt: skip
    if index % 3 == 2 and a.start >= run.clock - timedelta(days=DRAFT_DAYS):
        return p  # a draft of the last days
    p.finalized_at, p.finalized_by = written + timedelta(minutes=20), run.owner.id
    if index % 3 == 1:
        p.addenda.append(Addendum(written + timedelta(days=1), run.owner.id, run.texts.addendum))
    if a.approach is Approach.HOME_VISIT and len(a.staff_ids) > 1:
        p.countersigned_by, p.countersigned_at = a.staff_ids[1], written + timedelta(hours=1)
    return p


def upcoming(run: DemoRun, a: Appointment, now: datetime) -> PastAppointment:
    """A planned appointment ahead: partly prepared, a home visit's letters as far as due."""
    entry = PastAppointment(a)
    prepared = at(workday_before(now.date() - timedelta(days=run.rng.randint(1, 5))), 10)
    entry.answers = answers(run, a, Phase.PREPARATION, prepared, run.rng.choice((0.2, 0.5)))
    if a.approach is Approach.HOME_VISIT:
        entry.calls, entry.letters = timeline(run, a, now)
    return entry
