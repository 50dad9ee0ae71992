"""Conducting appointments as a caseworker does, through the workflow service: start, the steps
on site, the outcome, the follow-up phase, and follow-up appointments."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from outreach_desktop.demo.checklist import answer_phase, prepare
from outreach_desktop.demo.days import at, workday_after, workday_before
from outreach_desktop.demo.run import DemoRun
from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.checklists import Phase, Transition
from outreach_desktop.domain.conduct import BrokenOffBy
from outreach_desktop.domain.vocabulary import AppointmentStatus

# the client was met; called off before the day
MET = (AppointmentStatus.DONE, AppointmentStatus.ENDED_AT_DOOR, AppointmentStatus.BROKEN_OFF)
AHEAD = (AppointmentStatus.POSTPONED, AppointmentStatus.CANCELLED)


def finish(
    run: DemoRun,
    a: Appointment,
    outcome: AppointmentStatus,
    when: datetime,
    *,
    by: BrokenOffBy | None = None,
    reason: str = "",
) -> None:
    run.session.workflow.finish(a.id, outcome, when, broken_off_by=by, reason=reason)
    run.count("outcomes")


def meet(
    run: DemoRun, a: Appointment, outcome: AppointmentStatus, *, inside: bool, others: bool
) -> datetime:
    """Start, go inside (home visit), answer on site, note others present; returns the end."""
    workflow = run.session.workflow
    begin = a.start + timedelta(minutes=run.rng.choice((0, 2, 5)))
    workflow.step(a.id, Transition.START, begin)
    if inside:
        workflow.step(a.id, Transition.ENTER_HOME, begin + timedelta(minutes=3))
    answer_phase(
        run,
        a,
        Phase.ON_SITE,
        begin + timedelta(minutes=10),
        share=1.0 if outcome is AppointmentStatus.DONE else 0.5,
        overrides={"dp.others_present": True} if others else None,
    )
    if others:
        workflow.step(a.id, Transition.OTHERS_PRESENT, begin + timedelta(minutes=15))
    return a.end if outcome is AppointmentStatus.DONE else begin + timedelta(minutes=20)


def conduct(
    run: DemoRun,
    a: Appointment,
    outcome: AppointmentStatus,
    *,
    protocol: float = 1.0,
    inside: bool = False,
    others: bool = False,
    by: BrokenOffBy | None = None,
    reason: str = "",
) -> None:
    """Conduct a past appointment to `outcome`, then answer `protocol` of the follow-up phase."""
    if outcome in MET:
        end = meet(run, a, outcome, inside=inside, others=others)
    elif outcome is AppointmentStatus.NOT_MET:
        end = a.start + timedelta(minutes=20)
    else:  # postponed or cancelled ahead of the appointment
        end = at(workday_before(a.start.date() - timedelta(days=2)), 11)
        end = min(end, run.clock - timedelta(days=1))
    finish(run, a, outcome, end, by=by, reason=reason)
    if protocol and outcome not in AHEAD:
        next_day = at(workday_after(end.date() + timedelta(days=1)), 9)
        after = run.rng.choice((end + timedelta(hours=1), end + timedelta(hours=2), next_day))
        after = min(after, run.clock - timedelta(minutes=30))
        answer_phase(run, a, Phase.FOLLOW_UP, after, share=protocol)


def follow_up(run: DemoRun, a: Appointment, day: date, hour: int) -> Appointment:
    """A follow-up appointment, partly prepared."""
    new = run.session.workflow.follow_up(a.id, at(day, hour), new_appointment_id=run.rid())
    run.count("appointments")
    prepare(run, new, share=0.3)
    return new
