"""Heute right after unlock (schema 18): the reads of its long lists stay in indexes that hold
what they read, instead of looking up each listed appointment's row — checked in the query
plans of the statements `today_overview` runs, never timed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from outreach_desktop.demo import fill_demo
from outreach_desktop.services.today import today_overview
from outreach_desktop.services.vaults import create_vault
from testkit import FAST_KDF, PASSPHRASE
from testkit.internals import vault_of

DAY = date(2026, 11, 25)
EXPECTED = {  # a piece of each statement → the plan it must have
    "INDEXED BY appointments_start_status": "COVERING INDEX appointments_start_status",
    "INDEXED BY appointments_planned_visits": "COVERING INDEX appointments_planned_visits",
    "FROM open_follow_ups f": "COVERING INDEX appointments_id_status_client",
    "INDEXED BY conducts_map_documented": "INDEX conducts_map_documented",
}


def test_heutes_list_reads_stay_in_their_indexes(tmp_path: Path) -> None:
    session = create_vault(tmp_path / "v", PASSPHRASE, owner_name="A B", kdf=FAST_KDF)
    try:
        fill_demo(session, clients=12, seed=3, today=DAY)
        db = vault_of(session).db
        seen: list[str] = []
        db.connection.set_trace_callback(seen.append)
        try:
            today_overview(session, DAY, first=5)
        finally:
            db.connection.set_trace_callback(None)
        for piece, wanted in EXPECTED.items():
            queries = [q for q in seen if piece in q]
            assert queries, piece
            for query in queries:
                plan = " | ".join(str(r[3]) for r in db.execute("EXPLAIN QUERY PLAN " + query))
                assert wanted in plan, (piece, plan)
                assert "SCAN" not in plan, (piece, plan)
    finally:
        session.lock()
