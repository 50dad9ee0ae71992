"""Fast on years of data (storage): the full-text index changes an entry by its key, not by
scanning the index, and the lookups of a busy vault use indexes. Work is counted in SQLite VM
steps (a progress handler), never timed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.people import Client
from outreach_desktop.domain.vocabulary import Approach
from outreach_desktop.services.session import Session
from outreach_desktop.storage.database import Database
from testkit.internals import vault_of

STEP = 100  # VM instructions per progress-handler call


def vm_work(db: Database, action: Callable[[], object]) -> int:
    """How many SQLite VM instructions (in units of STEP) `action` costs."""
    count = [0]

    def tick() -> int:
        count[0] += 1
        return 0

    db.connection.set_progress_handler(tick, STEP)
    try:
        action()
    finally:
        db.connection.set_progress_handler(None, STEP)
    return count[0]


def add_clients(session: Session, n: int, start: int) -> list[Client]:
    with session.transaction():
        return [
            session.clients.save(
                Client(display_name=f"Kundin {start + i}", address=f"Lindenweg {i}")
            )
            for i in range(n)
        ]


def test_changing_a_client_costs_the_same_in_a_small_and_a_large_index(
    session: Session,
) -> None:
    db = vault_of(session).db
    [first] = add_clients(session, 1, 0)

    def rename(name: str) -> Callable[[], object]:
        return lambda: session.clients.save(replace(session.clients.get(first.id), phone=name))

    small = vm_work(db, rename("0170 1"))
    add_clients(session, 1500, 1)
    large = vm_work(db, rename("0170 2"))
    # a scan of the index grows with its 1,500 more entries; a keyed change does not
    assert large < small * 1.5 + 20, (small, large)
    assert [c.display_name for c in session.clients.search("0170 2")] == ["Kundin 0"]


def test_the_index_follows_every_change_by_its_keys(session: Session) -> None:
    db = vault_of(session).db
    [client] = add_clients(session, 1, 0)
    start = datetime(2026, 11, 30, 10, 0)
    owner = session.owner()
    assert owner is not None
    a = session.appointments.save(
        Appointment.plan(
            Approach.WALK_AND_TALK,
            start,
            client_id=client.id,
            place="Stadtpark",
            staff_ids=[owner.id],
        )
    )
    session.appointments.save(replace(session.appointments.get(a.id), place="Elbufer"))
    session.clients.save(replace(session.clients.get(client.id), display_name="Ida Neu"))
    rows = db.execute(
        "SELECT k.kind, k.ref, s.title, s.body FROM search_keys k"
        " JOIN search_index s ON s.rowid = k.id AND s.kind = k.kind AND s.ref = k.ref"
        " ORDER BY k.kind"
    )
    assert [tuple(r) for r in rows] == [
        ("appointment", a.id, "Ida Neu", "Elbufer"),
        ("client", client.id, "Ida Neu", " Lindenweg 0  "),
    ]
    assert db.scalar("SELECT count(*) FROM search_index") == 2
    session.appointments.delete(a.id)
    assert db.scalar("SELECT count(*) FROM search_index") == 1
    assert db.scalar("SELECT count(*) FROM search_keys") == 1


def plan(db: Database, sql: str) -> str:
    return " | ".join(str(r[3]) for r in db.execute("EXPLAIN QUERY PLAN " + sql))


def test_followers_are_found_by_indexes(session: Session) -> None:
    detail = plan(
        vault_of(session).db,
        "SELECT * FROM appointments WHERE predecessor_id = 'x' OR relocated_from_id = 'x'",
    )  # as AppointmentRepository.followers asks
    assert "appointments_relocated_from" in detail and "SCAN appointments" not in detail, detail


def test_an_index_entry_is_deleted_by_its_rowid(session: Session) -> None:
    detail = plan(
        vault_of(session).db,
        "DELETE FROM search_index WHERE rowid IN"
        " (SELECT id FROM search_keys WHERE kind = 'client' AND ref = 'x')",
    )
    assert "INDEX 0:=" in detail and "search_keys_ref" in detail, detail


def test_the_page_cache_holds_a_large_vaults_indexes(session: Session) -> None:
    # 16 MB (the old size) let queries on 20,000 clients decrypt the same pages again and again
    assert vault_of(session).db.scalar("PRAGMA cache_size") == -64 * 1024


def test_the_protocol_list_comes_in_its_order_from_an_index(session: Session) -> None:
    db = vault_of(session).db
    asked: list[str] = []
    db.connection.set_trace_callback(asked.append)
    try:
        session.protocols.listing("", 100, 50)
        session.protocols.listing("meyer", 0, 50)
        session.protocols.drafts()  # Heute
    finally:
        db.connection.set_trace_callback(None)
    for sql in asked:
        detail = plan(db, sql)
        assert "protocols_listing" in detail and "TEMP B-TREE" not in detail, detail


def test_heute_asks_for_the_protocols_of_its_appointments_only(session: Session) -> None:
    db = vault_of(session).db
    asked: list[str] = []
    db.connection.set_trace_callback(asked.append)
    try:
        assert session.protocols.appointments_with_protocol(["a", "b"]) == set()
    finally:
        db.connection.set_trace_callback(None)
    [sql] = asked
    assert "SCAN" not in plan(db, sql), plan(db, sql)
