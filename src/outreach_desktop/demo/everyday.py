"""The appointments of every day: planned around the demo day for the invented clients (and two
anonymous ones), prepared as far as they would be by now, and past ones conducted to an
outcome."""

from __future__ import annotations

from datetime import timedelta

from outreach_desktop.demo.checklist import prepare
from outreach_desktop.demo.conduct import conduct
from outreach_desktop.demo.consents import give
from outreach_desktop.demo.days import SATURDAY, at
from outreach_desktop.demo.run import DemoRun
from outreach_desktop.demo.timeline import home_visit_timeline
from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.consents import ConsentKind
from outreach_desktop.domain.people import Client
from outreach_desktop.domain.vocabulary import AppointmentStatus, Approach

HOURS = (8, 9, 10, 11, 13, 14, 15)
TODAY_FOR_FIRST = 3  # the first clients always have an appointment on the demo day


def plan_one(run: DemoRun, client: Client, index: int) -> Appointment:
    """An appointment of any approach from two weeks before to four weeks after the demo day,
    on a workday (or on the demo day itself)."""
    rng = run.rng
    appointment_id = run.rid()
    approach = rng.choice(list(Approach))
    day = run.today
    if index >= TODAY_FOR_FIRST:
        day += timedelta(days=rng.randint(-14, 28))
    while day != run.today and day.weekday() >= SATURDAY:
        day += timedelta(days=1)
    start = at(day, rng.choice(HOURS), rng.choice((0, 30)))
    return run.plan(approach, start, client, appointment_id=appointment_id)


def plan_everyday(run: DemoRun, clients: list[Client]) -> list[Appointment]:
    """None to two appointments a client, and two anonymous Walk and Talks two days ahead."""
    planned = []
    for index, client in enumerate(clients):
        choices = (1, 2) if index < TODAY_FOR_FIRST else (0, 1, 1, 2)
        for _ in range(run.rng.choice(choices)):
            planned.append(plan_one(run, client, index))
    for hour in (8, 15):
        start = at(run.today + timedelta(days=2), hour, 30)
        planned.append(run.plan(Approach.WALK_AND_TALK, start, None, appointment_id=run.rid()))
    return planned


def past_outcome(run: DemoRun, a: Appointment) -> None:
    """Mostly met (a home visit at the door), some not met, a few cancelled; some protocol
    items still open."""
    reasons = run.texts.reasons
    r = run.rng.random()
    protocol = run.rng.choice((1.0, 1.0, 0.5))
    if r >= 0.9:
        conduct(run, a, AppointmentStatus.CANCELLED, reason=reasons["cancelled"])
    elif r >= 0.78:
        conduct(run, a, AppointmentStatus.NOT_MET, protocol=protocol, reason=reasons["not-met"])
    elif a.approach is Approach.HOME_VISIT:
        conduct(
            run, a, AppointmentStatus.ENDED_AT_DOOR, protocol=protocol,
            reason=reasons["ended-at-door"],
        )  # fmt: skip
    else:
        if a.approach is Approach.ACCOMPANIMENT:
            give(run, a, ConsentKind.ACCOMPANIMENT, a.start.date() - timedelta(days=7))
        conduct(run, a, AppointmentStatus.DONE, protocol=protocol)


def work_everyday(run: DemoRun, appointments: list[Appointment]) -> None:
    """Home-visit calls and letters; preparation in part ahead, in full for the past; past
    appointments get an outcome."""
    for a in appointments:
        if a.approach is Approach.HOME_VISIT:
            home_visit_timeline(run, a)
        day = a.start.date()
        if day > run.today:
            prepare(run, a, share=run.rng.choice((0.2, 0.5, 0.8)))
        elif day == run.today:
            prepare(run, a, share=0.7)
        else:
            prepare(run, a)
            past_outcome(run, a)
