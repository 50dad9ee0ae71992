"""Overlapping appointments warn when planned; the service reads only the candidates in the
time window, with one range query on the start index (a vault may hold 100,000 appointments)."""

from __future__ import annotations

from datetime import datetime, timedelta

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.people import Client, Staff
from outreach_desktop.domain.vocabulary import AppointmentStatus, Approach
from outreach_desktop.services.session import Session
from outreach_desktop.storage.appointment_repo import AppointmentRepository
from testkit.internals import repository, vault_of

START = datetime(2026, 12, 2, 10, 0)


def plan(session: Session, start: datetime, staff: list[str], client: str | None = None,
         **fields: object) -> Appointment:  # fmt: skip
    return Appointment.plan(
        Approach.WALK_AND_TALK,
        start,
        place="Kirchplatz",
        staff_ids=staff,
        client_id=client,
        **fields,
    )  # type: ignore[arg-type]


def test_same_staff_or_client_at_the_same_time_warns(session: Session) -> None:
    owner = session.owner()
    assert owner is not None
    other = session.staff.save(Staff(name="Jonas Peters"))
    heike = session.clients.save(Client(display_name="Heike Voß"))
    session.appointments.save(plan(session, START, [owner.id]))
    session.appointments.save(plan(session, START + timedelta(hours=5), [other.id], heike.id))
    new = plan(session, START + timedelta(minutes=30), [owner.id])
    (warning,) = session.appointments.clash_warnings(new)
    assert "Alex Beispiel" in warning and "02.12.2026 10:00–11:00" in warning
    # the same client, another staff member: warns too; a different time: no warning
    visit = plan(session, START + timedelta(hours=5, minutes=45), [owner.id], heike.id)
    (warning,) = session.appointments.clash_warnings(visit)
    assert "Kundin/der Kunde" in warning and "Alex Beispiel" not in warning
    later = plan(session, START + timedelta(hours=2), [other.id])
    assert session.appointments.clash_warnings(later) == []
    session.appointments.save(new)  # a warning, not a block


def test_a_saved_appointment_does_not_clash_with_itself_and_cancelled_ones_do_not_count(
    session: Session,
) -> None:
    owner = session.owner()
    assert owner is not None
    first = session.appointments.save(plan(session, START, [owner.id]))
    assert session.appointments.clash_warnings(first) == []
    session.workflow.finish(first.id, AppointmentStatus.CANCELLED, START - timedelta(days=1))
    assert session.appointments.clash_warnings(plan(session, START, [owner.id])) == []


def test_only_the_window_is_read_with_the_start_index(session: Session) -> None:
    owner = session.owner()
    assert owner is not None
    repo = repository(session, AppointmentRepository)
    with vault_of(session).db.transaction():
        for day in range(120):  # one appointment a day, and one far from everything
            repo.save(plan(session, START + timedelta(days=day - 60), [owner.id]))
    statements: list[str] = []
    conn = vault_of(session).db.connection
    conn.set_trace_callback(statements.append)
    try:
        new = plan(session, START + timedelta(minutes=15), [owner.id])
        found = repo.overlap_candidates(new)
    finally:
        conn.set_trace_callback(None)
    assert [a.start for a in found] == [START]  # not the other 119
    (query,) = [s for s in statements if s.lstrip().upper().startswith("SELECT A.*")]
    plan_rows = vault_of(session).db.execute("EXPLAIN QUERY PLAN " + query)
    details = " ".join(str(r["detail"]) for r in plan_rows)
    assert "appointments_start" in details or "appointments_status" in details, details
    assert "SCAN a" not in details.replace("SCAN a USING", ""), details
