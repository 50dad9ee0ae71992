"""Heute reads many appointments' workflow data in one go, in a worker thread; the preloaded
copy must stay that thread's own, or the GUI thread would read stale or missing data."""

from __future__ import annotations

import threading
from datetime import datetime

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.home_visit import CallAttempt, CallOutcome
from outreach_desktop.domain.vocabulary import Approach
from outreach_desktop.services.session import Session
from outreach_desktop.storage.workflow_repo import WorkflowRepository
from testkit.internals import repository


def test_a_preload_is_seen_only_by_the_thread_that_made_it(session: Session) -> None:
    owner = session.owner()
    assert owner is not None
    first, second = (
        session.appointments.save(
            Appointment.plan(Approach.WALK_AND_TALK, datetime(2026, 11, day, 10),
                             place="Kirchplatz", staff_ids=[owner.id])
        ).id
        for day in (2, 3)
    )  # fmt: skip
    repo = repository(session, WorkflowRepository)
    repo.add_call(first, CallAttempt(datetime(2026, 11, 2, 9), CallOutcome.NO_ANSWER))
    inside, release = threading.Event(), threading.Event()
    seen_inside: list[int] = []

    def heute() -> None:
        with repo.preloaded([second]):  # the first appointment is not preloaded
            seen_inside.append(len(repo.calls(first)))
            inside.set()
            release.wait(10)

    worker = threading.Thread(target=heute)
    worker.start()
    try:
        assert inside.wait(10)
        assert len(repo.calls(first)) == 1  # the GUI thread still reads the vault
    finally:
        release.set()
        worker.join(10)
    assert seen_inside == [0]  # inside its block the worker reads only what it preloaded
