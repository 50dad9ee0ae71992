"""The garbage collector is paused while many appointments' states are read in bulk (a full
collection there held the interpreter lock, and so the GUI thread, for 40–90 ms at a time) and
runs again afterwards — also after a failure, and only when the last of several workers is done;
a collector switched off before stays off."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from datetime import date

import pytest

from outreach_desktop.demo import fill_demo
from outreach_desktop.services.collector import collector_paused
from outreach_desktop.services.session import Session


@pytest.fixture(autouse=True)
def collector_on() -> Iterator[None]:
    gc.enable()
    yield
    gc.enable()


def test_paused_inside_and_running_after_also_after_a_failure() -> None:
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError("a read failed")
    assert gc.isenabled()


def test_runs_again_only_when_the_last_worker_is_done() -> None:
    entered, leave = threading.Event(), threading.Event()

    def worker() -> None:
        with collector_paused():
            entered.set()
            leave.wait(10)

    other = threading.Thread(target=worker)
    other.start()
    assert entered.wait(10)
    with collector_paused():
        assert not gc.isenabled()
    assert not gc.isenabled()  # the other worker still reads
    leave.set()
    other.join(10)
    assert gc.isenabled()


def test_a_collector_switched_off_before_stays_off() -> None:
    gc.disable()
    with collector_paused():
        pass
    assert not gc.isenabled()


def test_the_bulk_states_are_read_with_the_collector_paused(session: Session) -> None:
    fill_demo(session, clients=10, seed=3, today=date(2026, 11, 25))
    ids = [v.appointment.id for v in session.appointments.search_views("", 50)]
    seen = []
    with session.workflow.preloaded(ids):
        seen.append(gc.isenabled())
        states = [session.workflow.state(i, date(2026, 11, 25)) for i in ids]
    assert ids and len(states) == len(ids)
    assert seen == [False] and gc.isenabled()
