"""The week view shows each appointment's state (the status names the app uses everywhere)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.checklists import Transition
from outreach_desktop.domain.vocabulary import AppointmentStatus, Approach
from outreach_desktop.services.session import Session
from outreach_desktop.ui.week_agenda import WeekAgenda

MONDAY = date(2026, 11, 30)


def test_each_cell_names_the_state(session: Session, german: None, qtbot: Any) -> None:
    owner = session.owner()
    assert owner is not None

    def plan(day: int, hour: int) -> Appointment:
        return session.appointments.save(
            Appointment.plan(Approach.WALK_AND_TALK,
                             datetime.combine(MONDAY + timedelta(days=day), time(hour)),
                             place="Kirchplatz", staff_ids=[owner.id])
        )  # fmt: skip

    planned = plan(0, 10)
    begun = plan(1, 10)
    done = plan(2, 10)
    cancelled = plan(3, 10)
    wf = session.workflow
    wf.step(begun.id, Transition.START, datetime.combine(MONDAY + timedelta(days=1), time(10)))
    at = datetime.combine(MONDAY + timedelta(days=2), time(10))
    wf.step(done.id, Transition.START, at)
    wf.finish(done.id, AppointmentStatus.DONE, at + timedelta(hours=1))
    wf.finish(cancelled.id, AppointmentStatus.CANCELLED, datetime.combine(MONDAY, time(8)))

    agenda = WeekAgenda(session.appointments.between_views, lambda: MONDAY)
    qtbot.addWidget(agenda)
    agenda.refresh()
    cells = [[lst.item(i).text() for i in range(lst.count())] for lst in agenda.day_lists[:4]]
    assert cells == [
        ["10:00 Walk and Talk\nanonym\nGeplant"],
        ["10:00 Walk and Talk\nanonym\nLäuft"],
        ["10:00 Walk and Talk\nanonym\nDurchgeführt"],
        ["10:00 Walk and Talk\nanonym\nAbgesagt"],
    ]
    assert planned.id == agenda.day_lists[0].item(0).data(256)  # Qt.UserRole: opens it
