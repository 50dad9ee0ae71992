"""Heute on years of data: the overview reads the state of all its appointments in bulk, so the
number of SQL statements does not grow with the number of appointments listed (counted with
SQLite's trace callback, never timed)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from outreach_desktop.demo import fill_demo
from outreach_desktop.domain.checklists import Phase
from outreach_desktop.services.session import Session
from outreach_desktop.services.today import (
    TodayOverview,
    as_views,
    letters_as_views,
    today_overview,
    with_progress,
)
from outreach_desktop.services.vaults import create_vault
from testkit import FAST_KDF, PASSPHRASE
from testkit.internals import vault_of

DAY = date(2026, 11, 25)


def statements(session: Session) -> tuple[TodayOverview, int]:
    count = [0]
    conn = vault_of(session).db.connection
    conn.set_trace_callback(lambda _sql: count.__setitem__(0, count[0] + 1))
    try:
        overview = today_overview(session, DAY)
    finally:
        conn.set_trace_callback(None)
    return overview, count[0]


def listed(o: TodayOverview) -> int:
    return len(o.today) + len(o.upcoming) + len(o.follow_up_open) + len(o.letters_due)


def test_heute_asks_the_same_few_statements_for_few_and_many_appointments(
    tmp_path: Path,
) -> None:
    counts = []
    for clients in (4, 40):
        session = create_vault(tmp_path / str(clients), PASSPHRASE, owner_name="A B", kdf=FAST_KDF)
        try:
            fill_demo(session, clients=clients, seed=3, today=DAY)
            overview, n = statements(session)
            counts.append((listed(overview), n))
            # the bulk read gives each entry the progress its own state() gives
            for e in overview.today + overview.upcoming:
                state = session.workflow.state(e.view.appointment.id, DAY)
                assert (e.done, e.total) == state.progress()
        finally:
            session.lock()
    (few, n_few), (many, n_many) = counts
    assert many >= few + 15, counts  # the larger vault lists many more appointments
    # a bulk read with no ids is skipped (no third party among the few), so the counts may
    # differ by such a read or two, never by one per appointment listed
    assert abs(n_many - n_few) <= 3 and n_many < 60, counts


def test_heute_reads_the_first_rows_only_and_the_rest_when_shown(tmp_path: Path) -> None:
    session = create_vault(tmp_path / "v", PASSPHRASE, owner_name="A B", kdf=FAST_KDF)
    try:
        fill_demo(session, clients=40, seed=3, today=DAY)
        whole = today_overview(session, DAY)
        first = today_overview(session, DAY, first=2)
        for full, head, phase in (
            (whole.today, first.today, None),
            (whole.upcoming, first.upcoming, None),
            (whole.follow_up_open, first.follow_up_open, Phase.FOLLOW_UP),
        ):
            assert len(head) == len(full) and len(full) > 2
            assert head[:2] == full[:2]  # read, with their progress
            assert head[2:] == [e.view.appointment.id for e in full[2:]]  # ids, not read
            assert with_progress(session, head, DAY, phase) == full  # the same, read later
        assert first.without_protocol[:2] == whole.without_protocol[:2]
        assert all(isinstance(i, str) for i in first.without_protocol[2:])
        assert as_views(session, first.without_protocol) == whole.without_protocol
        assert first.letters_due[:2] == whole.letters_due[:2] and len(whole.letters_due) > 2
        assert first.letters_due[2:] == [(v.appointment.id, w) for v, w in whole.letters_due[2:]]
        assert letters_as_views(session, first.letters_due) == whole.letters_due
    finally:
        session.lock()


def test_the_appointments_a_list_has_read_are_not_read_again(session: Session) -> None:
    fill_demo(session, clients=10, seed=3, today=DAY)
    known = [v.appointment for v in session.appointments.search_views("", 20)]
    ids = [a.id for a in known]
    conn, seen = vault_of(session).db.connection, []
    conn.set_trace_callback(seen.append)
    try:
        with_known = session.workflow.states(ids, DAY, known)
    finally:
        conn.set_trace_callback(None)
    assert not [s for s in seen if "FROM appointments WHERE id IN" in s], seen
    assert with_known == session.workflow.states(ids, DAY)  # the same as read from the vault
