"""Demo data at scale (`demo --size medium/large`): years of work added to the small demo, the
same for a seed, in the sizes promised, with every approach, outcome and workflow record."""

from __future__ import annotations

import hashlib
from datetime import date, timedelta
from pathlib import Path

from outreach_desktop.demo import fill_demo
from outreach_desktop.demo.sizes import SIZES, YEARS, Size
from outreach_desktop.domain.vocabulary import AppointmentStatus, Approach
from outreach_desktop.services.session import Session
from outreach_desktop.services.today import today_overview
from outreach_desktop.services.vaults import create_vault
from testkit import FAST_KDF, PASSPHRASE
from testkit.internals import vault_of

DAY = date(2025, 3, 12)
SMALL_HISTORY = Size(clients=150, appointments=700, protocols=250)
SAMPLE = {  # what the digest covers: a sample of every kind the history writes, stamps left out
    "clients": "SELECT id, display_name, address, phone FROM clients",
    "appointments": "SELECT id, approach, start, status, client_id, place, predecessor_id"
    " FROM appointments",
    "checklist_answers": "SELECT appointment_id, item_id, value, answered_at"
    " FROM checklist_answers",
    "conducts": "SELECT appointment_id, started_at, outcome, outcome_at FROM conducts",
    "letters": "SELECT appointment_id, kind, sent_on FROM letters",
    "protocols": "SELECT id, course, finalized_at, countersigned_by FROM protocols",
}


def made(path: Path, seed: int, size: Size | None = SMALL_HISTORY) -> Session:
    session = create_vault(path, PASSPHRASE, owner_name="Alex Beispiel", kdf=FAST_KDF)
    fill_demo(session, clients=12, seed=seed, today=DAY, size=size)
    return session


def counts(session: Session) -> dict[str, int]:
    db = vault_of(session).db
    return {t: int(db.scalar(f"SELECT count(*) FROM {t}")) for t in SAMPLE}


def digest(session: Session) -> str:
    """sha256 over every 7th row of each sampled table (in a stable order)."""
    db, owner = vault_of(session).db, session.owner()
    assert owner is not None
    h = hashlib.sha256()
    for sql in SAMPLE.values():
        rows = sorted("|".join(str(v) for v in r) for r in db.execute(sql))
        for row in rows[::7]:
            h.update(row.replace(owner.id, "<owner>").encode())
    return h.hexdigest()


def test_same_seed_same_history(tmp_path: Path) -> None:
    a, b, c = made(tmp_path / "a", 5), made(tmp_path / "b", 5), made(tmp_path / "c", 6)
    try:
        assert counts(a) == counts(b)
        assert digest(a) == digest(b)
        assert digest(a) != digest(c)
        assert a.check() == []
    finally:
        for s in (a, b, c):
            s.lock()


def test_history_is_realistic(tmp_path: Path) -> None:
    session = made(tmp_path / "v", 2)
    try:
        db = vault_of(session).db
        n = counts(session)
        assert n["clients"] == SMALL_HISTORY.clients
        assert n["protocols"] >= SMALL_HISTORY.protocols  # the history's and the small demo's
        appointments = session.appointments.search("", limit=-1)
        assert len(appointments) >= SMALL_HISTORY.appointments
        assert {a.approach for a in appointments} == set(Approach)
        statuses = {a.status for a in appointments}
        assert statuses >= {
            AppointmentStatus.PLANNED, AppointmentStatus.DONE, AppointmentStatus.ENDED_AT_DOOR,
            AppointmentStatus.BROKEN_OFF, AppointmentStatus.NOT_MET, AppointmentStatus.POSTPONED,
            AppointmentStatus.CANCELLED,
        }  # fmt: skip
        starts = sorted(a.start.date() for a in appointments)
        assert (DAY - starts[0]).days > (YEARS - 1) * 365  # years back
        assert any(a.predecessor_id for a in appointments)
        for table in ("call_attempts", "letters", "conducts", "consents", "protocol_addenda"):
            assert db.scalar(f"SELECT count(*) FROM {table}") > 0, table
        assert n["checklist_answers"] > 3 * len(appointments)
        finals = db.scalar("SELECT count(*) FROM protocols WHERE finalized_at IS NOT NULL")
        assert 0 < finals < n["protocols"]  # drafts too
        lengths = [len(str(r[0])) for r in db.execute("SELECT course FROM protocols")]
        assert min(lengths) < 200 < 800 < max(lengths)  # a few lines to a page
        assert session.protocols.search("Kita")  # found through the full-text index
        assert session.check() == []
    finally:
        session.lock()


def test_old_history_is_followed_up_and_closed(tmp_path: Path) -> None:
    """As a caseworker leaves it: older work closed (documented by a protocol or at the MAP),
    drafts only of the last two weeks — so Heute lists what is open, not five years."""
    session = made(tmp_path / "v", 3)
    try:
        db = vault_of(session).db
        ended = db.scalar("SELECT count(*) FROM conducts WHERE outcome IN"
                          " ('done', 'ended-at-door', 'broken-off', 'not-met')")  # fmt: skip
        closed = db.scalar("SELECT count(*) FROM conducts WHERE closed_at IS NOT NULL")
        assert closed > 0.8 * ended
        assert db.scalar("SELECT count(*) FROM conducts WHERE map_documented_by != ''") > 0
        old_drafts = db.scalar(
            "SELECT count(*) FROM protocols WHERE finalized_at IS NULL AND met_at < ?",
            ((DAY - timedelta(days=15)).isoformat(),),
        )
        assert old_drafts <= 5  # the small demo's own few
        overview = today_overview(session, DAY)
        assert len(overview.follow_up_open) < 0.1 * ended
        assert len(overview.without_protocol) < 0.05 * ended
    finally:
        session.lock()


def test_medium_counts(tmp_path: Path) -> None:
    size = SIZES["medium"]
    assert size is not None
    session = made(tmp_path / "v", 1, size)
    try:
        n = counts(session)
        assert n["clients"] == size.clients
        history = size.appointments
        assert history <= n["appointments"] <= history + 60  # the small demo's few dozen
        assert size.protocols <= n["protocols"] <= size.protocols + 20
    finally:
        session.lock()


def test_sizes() -> None:
    assert SIZES["small"] is None  # today's demo, unchanged
    large = SIZES["large"]
    assert large == Size(clients=20_000, appointments=100_000, protocols=50_000)
