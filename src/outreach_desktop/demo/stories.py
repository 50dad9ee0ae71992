"""Stories: one appointment each (with what came before and after), so that every screen of the
workflows has something to show. Each is told for one client, through the services."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from outreach_desktop.demo.checklist import answer_phase, prepare
from outreach_desktop.demo.conduct import conduct, finish, follow_up
from outreach_desktop.demo.consents import give
from outreach_desktop.demo.days import at, workday_after, workday_before
from outreach_desktop.demo.run import DemoRun
from outreach_desktop.demo.timeline import call, home_visit_timeline
from outreach_desktop.domain.checklists import Phase, Transition
from outreach_desktop.domain.conduct import BrokenOffBy
from outreach_desktop.domain.consents import ConsentKind
from outreach_desktop.domain.home_visit import CallOutcome, LetterKind, letter_window
from outreach_desktop.domain.people import Client
from outreach_desktop.domain.vocabulary import AppointmentStatus, Approach


def days_from_today(run: DemoRun, n: int) -> date:
    """The demo day plus `n` days, moved off a weekend away from the demo day."""
    day = run.today + timedelta(days=n)
    return workday_before(day) if n < 0 else workday_after(day)


def ended_at_door(run: DemoRun, client: Client) -> None:
    """A home visit ended at the door (no written consent), after calls, one of them reached."""
    a = run.plan(Approach.HOME_VISIT, at(days_from_today(run, -6), 10), client)
    home_visit_timeline(run, a)
    reminder = letter_window(LetterKind.REMINDER, a.start.date(), run.timeline)
    call(run, a, at(workday_after(reminder.opens + timedelta(days=1)), 10, 30), CallOutcome.REACHED)
    prepare(run, a)
    conduct(run, a, AppointmentStatus.ENDED_AT_DOOR,
            reason=run.texts.reasons["door-without-consent"])  # fmt: skip
    follow_up(run, a, days_from_today(run, 30), 10)


def held_nearby_corrected(run: DemoRun, client: Client) -> None:
    """A home visit held in the garden, clicked as "an der Tür beendet" and corrected: the
    correction is in the appointment's history."""
    a = run.plan(Approach.HOME_VISIT, at(days_from_today(run, -2), 11), client)
    home_visit_timeline(run, a)
    prepare(run, a)
    conduct(run, a, AppointmentStatus.ENDED_AT_DOOR, protocol=0.0)
    ended = run.session.outcomes.conduct(a.id).outcome_at
    assert ended is not None
    when = min(ended + timedelta(hours=1), run.clock - timedelta(minutes=10))
    if "dp.others_present" not in run.session.workflow.answers(a.id):
        run.count("answers")
    run.session.workflow.answer(a.id, "dp.others_present", False, when)  # only the client
    run.session.outcomes.correct(
        a.id, AppointmentStatus.HELD_NEARBY, when, reason=run.texts.reasons["held-nearby"],
        correction_id=run.rid(),
    )  # fmt: skip


def inside_the_home(run: DemoRun, client: Client) -> None:
    """A home visit inside the home: written consent, a relative present with consent."""
    a = run.plan(Approach.HOME_VISIT, at(days_from_today(run, -9), 9, 30), client)
    home_visit_timeline(run, a)
    give(run, a, ConsentKind.HOME_VISIT, a.start.date() - timedelta(days=14))
    give(run, a, ConsentKind.PRESENCE, a.start.date())
    prepare(run, a)
    conduct(run, a, AppointmentStatus.DONE, inside=True, others=True)


def broken_off(run: DemoRun, client: Client) -> None:
    """A first Walk and Talk broken off by the client, with a follow-up."""
    start = at(days_from_today(run, -3), 14)
    a = run.plan(Approach.WALK_AND_TALK, start, client, first_meeting=True)
    prepare(run, a)
    conduct(
        run, a, AppointmentStatus.BROKEN_OFF, protocol=0.5, by=BrokenOffBy.CLIENT,
        reason=run.texts.reasons["broken-off-watched"],
    )  # fmt: skip
    follow_up(run, a, days_from_today(run, 5), 14)


def not_met(run: DemoRun, client: Client) -> None:
    """Nobody at the meeting point."""
    a = run.plan(Approach.WALK_AND_TALK, at(days_from_today(run, -2), 9), client)
    prepare(run, a)
    conduct(run, a, AppointmentStatus.NOT_MET, protocol=0.5,
            reason=run.texts.reasons["nobody-at-meeting-point"])  # fmt: skip


def accompanied(run: DemoRun, client: Client) -> None:
    """An accompaniment done, with its success measures and a follow-up."""
    a = run.plan(Approach.ACCOMPANIMENT, at(days_from_today(run, -4), 11), client)
    give(run, a, ConsentKind.ACCOMPANIMENT, a.start.date() - timedelta(days=10))
    prepare(run, a)
    conduct(run, a, AppointmentStatus.DONE)
    follow_up(run, a, days_from_today(run, 12), 11)
    documented_at_map_and_closed(run, a.id, a.staff_ids[0])


def documented_at_map_and_closed(run: DemoRun, appointment_id: str, staff_id: str) -> None:
    """Documented directly at the mobile workstation (MAP) in VerBIS instead of a memory
    protocol, then the follow-up closed where its items are met."""
    workflow = run.session.workflow
    ended = workflow.state(appointment_id, run.today).conduct.outcome_at
    assert ended is not None
    staff = run.session.staff.find(staff_id)
    by = staff.name if staff is not None else run.leader.name
    state = workflow.document_at_map(appointment_id, by, ended + timedelta(minutes=20))
    close = state.options.step(Transition.CLOSE)
    answered = [s.answer.answered_at for s in workflow.answers(appointment_id).values()]
    last = max([ended + timedelta(minutes=20), *answered])
    if close is not None and close.allowed:
        workflow.close(appointment_id, min(last + timedelta(minutes=10), run.clock))


def relocated(run: DemoRun, client: Client) -> None:
    """The place was unsuitable: a new appointment at another place."""
    workflow = run.session.workflow
    a = run.plan(Approach.WALK_AND_TALK, at(days_from_today(run, -1), 13), client)
    prepare(run, a)
    begin = a.start + timedelta(minutes=2)
    workflow.step(a.id, Transition.START, begin)
    answer_phase(
        run, a, Phase.ON_SITE, begin + timedelta(minutes=5), share=0.0,
        overrides={"dp.place_unsuitable": True, "dp.new_place_agreed": True},
    )  # fmt: skip
    place = run.rng.choice([p for p in run.names.meeting_points if p != a.place])
    workflow.relocate(
        a.id, at(days_from_today(run, 3), 13), place, begin + timedelta(minutes=10),
        new_appointment_id=run.rid(),
    )  # fmt: skip
    run.count("appointments")
    run.count("outcomes")


def postponed(run: DemoRun, client: Client) -> None:
    """Postponed at the client's request, planned again as a follow-up."""
    a = run.plan(Approach.ACCOMPANIMENT, at(days_from_today(run, -5), 15), client)
    prepare(run, a, share=0.6)
    conduct(run, a, AppointmentStatus.POSTPONED, reason=run.texts.reasons["postponed-interview"])
    follow_up(run, a, days_from_today(run, 8), 15)


def cancelled(run: DemoRun, client: Client) -> None:
    """A home visit cancelled by the client: no more letters for it."""
    a = run.plan(Approach.HOME_VISIT, at(days_from_today(run, 10), 10), client)
    home_visit_timeline(run, a)
    prepare(run, a, share=0.8)
    finish(run, a, AppointmentStatus.CANCELLED, at(days_from_today(run, -1), 12),
           reason=run.texts.reasons["cancelled-prefers-office"])  # fmt: skip


def overdue(run: DemoRun, client: Client) -> None:
    """A past appointment still without an outcome."""
    a = run.plan(Approach.WALK_AND_TALK, at(days_from_today(run, -2), 15, 30), client)
    prepare(run, a)


def in_progress(run: DemoRun, client: Client) -> None:
    """In progress today, after the planned ones: others present, with documented consent."""
    workflow = run.session.workflow
    a = run.plan(Approach.WALK_AND_TALK, at(run.today, 16), client)
    give(run, a, ConsentKind.PRESENCE, run.today - timedelta(days=7))
    prepare(run, a, share=0.9)
    workflow.step(a.id, Transition.START, a.start)
    answer_phase(
        run, a, Phase.ON_SITE, a.start + timedelta(minutes=10), share=0.3,
        overrides={"dp.others_present": True, "dp.data_protection_observed": True},
    )  # fmt: skip
    workflow.step(a.id, Transition.OTHERS_PRESENT, a.start + timedelta(minutes=12))


def reminder_due(run: DemoRun, client: Client) -> None:
    """A reminder letter due on the demo day (a workday; else on the next one)."""
    visit = run.today + timedelta(days=7)
    if run.today.weekday() >= 5:
        visit = workday_after(visit)
    a = run.plan(Approach.HOME_VISIT, at(visit, 10), client)
    home_visit_timeline(run, a, keep_due=True)
    prepare(run, a, share=0.6)


def announcement_due(run: DemoRun, client: Client) -> None:
    """An announcement letter due in the days ahead."""
    a = run.plan(Approach.HOME_VISIT, at(days_from_today(run, 24), 9), client)
    home_visit_timeline(run, a, keep_due=True)
    prepare(run, a, share=0.3)


STORIES: tuple[Callable[[DemoRun, Client], None], ...] = (
    ended_at_door, inside_the_home, broken_off, not_met, accompanied, relocated, postponed,
    cancelled, overdue, in_progress, reminder_due, announcement_due, held_nearby_corrected,
)  # fmt: skip


def tell_stories(run: DemoRun, clients: list[Client]) -> None:
    """Every story, each for the next client (round the list when there are few)."""
    if not clients:
        return
    for k, story in enumerate(STORIES):
        story(run, clients[k % len(clients)])
