"""The open follow-ups Heute lists are kept by triggers (schema 16): an appointment is in
`open_follow_ups` exactly when its outcome has a follow-up phase and its conduct is not closed,
whatever changed it, and reading them touches only that table, not years of closed ones."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.people import Client
from outreach_desktop.domain.vocabulary import AppointmentStatus, Approach
from outreach_desktop.services.session import Session
from outreach_desktop.services.today import OUTCOMES_WITH_FOLLOW_UP
from outreach_desktop.storage.database import Database
from testkit.internals import vault_of

START = datetime(2026, 9, 1, 10, 0)
FULL_QUERY = (
    "SELECT a.id FROM appointments a WHERE a.status IN"
    " ('done', 'held-nearby', 'ended-at-door', 'broken-off')"
    " AND NOT EXISTS (SELECT 1 FROM conducts c WHERE c.appointment_id = a.id"
    " AND c.closed_at IS NOT NULL)"
)


def kept(db: Database) -> set[str]:
    return {r[0] for r in db.execute("SELECT appointment_id FROM open_follow_ups")}


def derived(db: Database) -> set[str]:
    return {r[0] for r in db.execute(FULL_QUERY)}


def planned(session: Session, n: int = 1) -> list[Appointment]:
    client = session.clients.save(Client(display_name="Heike Voß"))
    owner = session.owner()
    assert owner is not None
    return [
        session.appointments.save(
            Appointment.plan(
                Approach.WALK_AND_TALK,
                START + timedelta(days=i),
                client_id=client.id,
                place="Kirchplatz",
                staff_ids=[owner.id],
            )
        )
        for i in range(n)
    ]


def set_status(db: Database, appointment_id: str, status: AppointmentStatus) -> None:
    db.execute("UPDATE appointments SET status = ? WHERE id = ?", (status.value, appointment_id))


def close(db: Database, appointment_id: str, closed_at: str | None) -> None:
    db.execute(
        "INSERT INTO conducts (appointment_id, closed_at, updated_at, origin_device)"
        " VALUES (?, ?, '2026-09-01T12:00:00Z', 'x') ON CONFLICT (appointment_id)"
        " DO UPDATE SET closed_at = excluded.closed_at",
        (appointment_id, closed_at),
    )


@pytest.mark.parametrize("status", list(AppointmentStatus), ids=str)
def test_an_appointment_is_kept_open_exactly_when_its_outcome_has_a_follow_up(
    session: Session, status: AppointmentStatus
) -> None:
    db = vault_of(session).db
    (a,) = planned(session)
    assert kept(db) == set()
    set_status(db, a.id, status)
    assert (a.id in kept(db)) is (status in OUTCOMES_WITH_FOLLOW_UP)
    assert kept(db) == derived(db)


def test_closing_reopening_and_deleting_keep_the_table_right(session: Session) -> None:
    db = vault_of(session).db
    a, b, c = planned(session, 3)
    for x in (a, b, c):
        set_status(db, x.id, AppointmentStatus.DONE)
    assert kept(db) == {a.id, b.id, c.id}
    close(db, a.id, "2026-09-02T09:00:00")  # closed
    close(db, b.id, None)  # a conduct, not closed
    assert kept(db) == derived(db) == {b.id, c.id}
    close(db, a.id, None)  # a correction opens it again
    assert kept(db) == derived(db) == {a.id, b.id, c.id}
    close(db, a.id, "2026-09-03T09:00:00")
    db.execute("DELETE FROM conducts WHERE appointment_id = ?", (a.id,))  # conduct gone: open
    assert kept(db) == derived(db) == {a.id, b.id, c.id}
    db.execute("DELETE FROM appointments WHERE id = ?", (c.id,))
    assert kept(db) == derived(db) == {a.id, b.id}
    later = (START + timedelta(days=30)).isoformat()
    db.execute("UPDATE appointments SET start = ? WHERE id = ?", (later, b.id))
    assert db.scalar("SELECT start FROM open_follow_ups WHERE appointment_id = ?", (b.id,)) == (
        later)  # fmt: skip


def test_an_appointment_saved_with_its_outcome_and_a_closed_conduct_is_not_open(
    session: Session,
) -> None:
    """As an import writes them: the conduct first (closed), then the appointment's outcome."""
    db = vault_of(session).db
    (a,) = planned(session)
    close(db, a.id, "2026-09-02T09:00:00")
    set_status(db, a.id, AppointmentStatus.BROKEN_OFF)
    assert kept(db) == derived(db) == set()


def test_reading_the_open_follow_ups_does_not_scan_the_appointments(session: Session) -> None:
    db = vault_of(session).db
    seen: list[str] = []
    db.connection.set_trace_callback(seen.append)
    try:
        tomorrow = datetime.combine(date(2026, 11, 29), time.min)
        session.appointments.open_follow_ups(list(OUTCOMES_WITH_FOLLOW_UP), tomorrow)
    finally:
        db.connection.set_trace_callback(None)
    (query,) = [q for q in seen if "open_follow_ups" in q]
    plan = " | ".join(str(r[3]) for r in db.execute("EXPLAIN QUERY PLAN " + query))
    assert plan.startswith("SEARCH f USING COVERING INDEX open_follow_ups_start"), plan
    assert "SCAN" not in plan and "appointments_status" not in plan, plan
