"""Overlapping appointments (domain/overlaps.py): interval properties and the clash rule."""

from __future__ import annotations

from datetime import datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from outreach_desktop.domain.appointments import MAX_BUFFER_MIN, MAX_DURATION_MIN, Appointment
from outreach_desktop.domain.overlaps import (
    candidate_window,
    clashes,
    intervals_overlap,
    occupied,
)
from outreach_desktop.domain.vocabulary import AppointmentStatus, Approach

BASE = datetime(2026, 12, 1, 8, 0)
starts = st.integers(min_value=0, max_value=3 * 24 * 60).map(lambda m: BASE + timedelta(minutes=m))
durations = st.integers(min_value=5, max_value=MAX_DURATION_MIN)
buffers = st.integers(min_value=0, max_value=MAX_BUFFER_MIN)
staff_sets = st.lists(st.sampled_from(["s1", "s2", "s3"]), min_size=1, max_size=3, unique=True)
clients = st.none() | st.sampled_from(["c1", "c2"])
statuses = st.sampled_from(list(AppointmentStatus))


@st.composite
def appointments(draw: st.DrawFn) -> Appointment:
    return Appointment(
        approach=Approach.WALK_AND_TALK,
        start=draw(starts),
        planned_duration_min=draw(durations),
        buffer_min=draw(buffers),
        place="Kirchplatz",
        client_id=draw(clients),
        staff_ids=draw(staff_sets),
        status=draw(statuses),
    )


def minutes_of(interval: tuple[datetime, datetime]) -> set[datetime]:
    start, end = interval
    return {start + timedelta(minutes=m) for m in range(int((end - start).total_seconds() // 60))}


intervals = st.tuples(starts, st.integers(min_value=1, max_value=600)).map(
    lambda p: (p[0], p[0] + timedelta(minutes=p[1]))
)


@given(intervals, intervals)
def test_overlap_is_symmetric_and_means_a_shared_minute(
    a: tuple[datetime, datetime], b: tuple[datetime, datetime]
) -> None:
    assert intervals_overlap(a, b) == intervals_overlap(b, a)
    assert intervals_overlap(a, b) == bool(minutes_of(a) & minutes_of(b))
    assert intervals_overlap(a, a)


@given(intervals)
def test_touching_intervals_do_not_overlap(a: tuple[datetime, datetime]) -> None:
    after = (a[1], a[1] + timedelta(minutes=30))
    assert not intervals_overlap(a, after)


@given(appointments(), appointments())
def test_a_clash_is_a_shared_person_at_a_shared_time(a: Appointment, b: Appointment) -> None:
    found = clashes(a, [b])
    occupying = all(
        x.status not in (AppointmentStatus.CANCELLED, AppointmentStatus.POSTPONED) for x in (a, b)
    )
    shared_person = bool(set(a.staff_ids) & set(b.staff_ids)) or (
        a.client_id is not None and a.client_id == b.client_id
    )
    expected = occupying and shared_person and intervals_overlap(occupied(a), occupied(b))
    assert bool(found) == expected
    if found:
        assert set(found[0].staff_ids) == set(a.staff_ids) & set(b.staff_ids)
        assert found[0].same_client == (a.client_id is not None and a.client_id == b.client_id)
        assert bool(clashes(b, [a])) and found[0].message({})  # both ways, with a message


@given(appointments(), appointments())
def test_every_overlapping_appointment_starts_in_the_candidate_window(
    a: Appointment, b: Appointment
) -> None:
    """The storage reads only the window: it must never miss an overlap."""
    if intervals_overlap(occupied(a), occupied(b)):
        low, high = candidate_window(a)
        assert low <= b.start < high


@given(appointments())
def test_an_appointment_never_clashes_with_itself(a: Appointment) -> None:
    assert clashes(a, [a]) == []


def test_the_message_names_staff_client_and_time() -> None:
    a = Appointment.plan(Approach.HOME_VISIT, BASE, client_id="c1", staff_ids=["s1", "s2"])
    b = Appointment.plan(
        Approach.WALK_AND_TALK, BASE + timedelta(minutes=30), client_id="c1", staff_ids=["s2"]
    )
    (clash,) = clashes(a, [b])
    text = clash.message({"s2": "Jonas Peters"})
    assert "01.12.2026 08:30–09:30" in text
    assert "Jonas Peters" in text and "Kundin/der Kunde" in text
