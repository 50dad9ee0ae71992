"""Demo data: deterministic for seed and day, all approaches, something for today."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from outreach_desktop.domain.vocabulary import Approach
from outreach_desktop.services.demo import fill_demo
from outreach_desktop.services.session import Session
from outreach_desktop.services.vaults import create_vault
from testkit import FAST_KDF, PASSPHRASE

DAY = date(2025, 3, 12)  # a Wednesday


def demo_vault(path: Path, seed: int, clients: int = 12, day: date = DAY) -> Session:
    session = create_vault(path, PASSPHRASE, owner_name="Alex Beispiel", kdf=FAST_KDF)
    fill_demo(session, clients=clients, seed=seed, today=day)
    return session


def snapshot(session: Session) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = [
        (c.id, c.display_name, c.customer_number, c.address) for c in session.clients.all()
    ]
    rows += [(a.id, a.start.isoformat(), a.approach.value) for a in session.appointments.search("")]
    rows += [(t.id, t.name) for t in session.third_parties.all()]
    return sorted(rows)


def test_same_seed_and_day_give_same_data(tmp_path: Path) -> None:
    a = demo_vault(tmp_path / "a", seed=3)
    b = demo_vault(tmp_path / "b", seed=3)
    c = demo_vault(tmp_path / "c", seed=4)
    try:
        assert snapshot(a) == snapshot(b)
        assert snapshot(a) != snapshot(c)
        assert a.vault.slots.vault_id != b.vault.slots.vault_id
    finally:
        for s in (a, b, c):
            s.lock()


def test_all_approaches_and_appointments_today(session: Session) -> None:
    summary = fill_demo(session, clients=30, seed=1, today=DAY)
    assert summary.clients == session.clients.count() == 30
    assert summary.staff == session.staff.count() == 5  # the existing owner plus four
    assert summary.third_parties == session.third_parties.count() == 7
    assert summary.appointments == session.appointments.count()
    appointments = session.appointments.search("", limit=-1)
    assert {a.approach for a in appointments} == set(Approach)
    assert any(a.is_anonymous for a in appointments)
    today = session.appointments.on_day(DAY)
    assert today
    assert all(v.staff_names and all(v.staff_names) for v in today)
    for appointment in appointments:
        appointment.validate()
    assert session.check() == []


def test_demo_keeps_one_owner(session: Session) -> None:
    owner = session.owner()
    fill_demo(session, clients=2, seed=9, today=DAY)
    assert session.owner() == owner
    assert sum(s.is_owner for s in session.staff.all()) == 1
