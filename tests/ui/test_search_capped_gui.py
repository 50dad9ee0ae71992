"""The Search page says so when a very common word matched more entries than are ranked."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.people import Client
from outreach_desktop.domain.vocabulary import Approach
from outreach_desktop.services.session import Session
from outreach_desktop.ui.search_page import SearchPage
from testkit.internals import vault_of


def test_the_page_says_when_not_all_matches_were_ranked(
    session: Session, german: None, qtbot: Any, settle: Any, monkeypatch: Any
) -> None:
    monkeypatch.setattr("outreach_desktop.storage.protocol_repo.RANK_LIMIT", 2)
    for n in range(3):
        session.clients.save(Client(display_name=f"Kita Nummer{n}"))
    session.clients.save(Client(display_name="Olga Sommer"))
    page = SearchPage(session)
    qtbot.addWidget(page)
    page.show()
    page.search.setText("kita")
    page.refresh()
    qtbot.waitUntil(lambda: page.results.count() == 2, timeout=3000)
    assert page.capped.isVisible()
    assert page.capped.text().startswith("Mehr als 2.000 Einträge passen")
    page.search.setText("olga")
    page.refresh()
    qtbot.waitUntil(lambda: page.results.count() == 1, timeout=3000)
    assert not page.capped.isVisible()


def statements_of(session: Session, action: Any) -> int:
    count = [0]
    conn = vault_of(session).db.connection
    # the app's statements, not those FTS5 runs inside them (traced as "-- …")
    conn.set_trace_callback(
        lambda sql: None if sql.startswith("--") else count.__setitem__(0, count[0] + 1)
    )
    try:
        action()
    finally:
        conn.set_trace_callback(None)
    return count[0]


def test_the_hits_records_are_read_in_bulk(session: Session, qtbot: Any) -> None:
    """The appointment or protocol of each hit: a few statements for 2 hits or 12."""
    owner = session.owner()
    assert owner is not None
    client = session.clients.save(Client(display_name="Olga Sommer"))
    for n in range(12):
        session.appointments.save(
            Appointment.plan(
                Approach.WALK_AND_TALK, datetime(2026, 12, 1 + n, 10), client_id=client.id,
                place="Stadtpark" if n < 2 else "Marktplatz", staff_ids=[owner.id],
            )
        )  # fmt: skip
    page = SearchPage(session)
    qtbot.addWidget(page)
    counts = []
    for word in ("stadtpark", "olga"):
        found: list[Any] = []
        counts.append(statements_of(session, lambda w=word, f=found: f.append(page._find(w))))
        assert all(f.appointment is not None for f in found[0][0] if f.hit.kind == "appointment")
        assert len(found[0][0]) == (2 if word == "stadtpark" else 13)
    assert counts[0] == counts[1]
