"""No plaintext personal data on disk: a unique name must not appear in any file we write."""

from __future__ import annotations

import os
import shutil
import unicodedata
from datetime import date, datetime, time
from pathlib import Path

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.people import Client, ThirdParty
from outreach_desktop.domain.text import fold
from outreach_desktop.domain.vocabulary import Approach
from outreach_desktop.logs import setup_logging
from outreach_desktop.services.protocol_views import protocol_pdf
from outreach_desktop.services.session import Session
from outreach_desktop.services.settings import Settings, save_settings
from outreach_desktop.storage.migrations import MIGRATIONS_DIR, load_migrations
from outreach_desktop.storage.vault import Vault
from testkit import PASSPHRASE

CANARY = "Zébulon Quästenflosser-Canary"
PARTY = "Kanzlei Öhrlein-Canary"
PLACE = "Treffpunkt Übelkeitsbrücke-Canary"


def needles() -> list[bytes]:
    found = []
    for text in (CANARY, PARTY, PLACE, "Quästenflosser", "Öhrlein", "Übelkeitsbrücke"):
        for form in {text, unicodedata.normalize("NFD", text), fold(text)}:
            for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
                found.append(form.lower().encode(encoding))
    return found


def leaks(*roots: Path) -> list[str]:
    """Files below `roots` (case-insensitively) containing any form of the canaries."""
    hits = []
    scanned = 0
    for root in roots:
        for path in root.rglob("*"):
            if not path.is_file():
                continue
            scanned += 1
            data = path.read_bytes().lower()
            hits += [f"{path}: {n!r}" for n in needles() if n in data]
    assert scanned, "nothing was scanned"
    return hits


def fill(session: Session) -> None:
    owner = session.owner()
    assert owner is not None
    client = session.clients.save(
        Client(display_name=CANARY, address="Canarystraße 1", reachability_notes="Canary notiz")
    )
    party = session.third_parties.save(ThirdParty(name=PARTY))
    appointment = session.appointments.save(
        Appointment.plan(
            Approach.ACCOMPANIMENT,
            datetime.combine(date.today(), time(10, 30)),
            client_id=client.id,
            third_party_id=party.id,
            place=PLACE,
            staff_ids=[owner.id],
        )
    )
    assert [c.id for c in session.clients.search("quastenflosser")] == [client.id]
    assert [c.id for c in session.clients.search("Zébulon canary")] == [client.id]
    assert session.appointments.search_views("ohrlein")[0].client_name == CANARY
    assert session.appointments.on_day(date.today())[0].third_party_name == PARTY
    # a memory protocol with the names in its text, finalized, an addendum, searched, printed
    protocols = session.protocols
    draft = protocols.begin(datetime.now(), appointment_id=appointment.id)
    draft.course = f"Gespräch mit {CANARY} am {PLACE}; danach zur {PARTY}."
    protocols.save_draft(draft)
    protocols.finalize(draft.id, datetime.now(), owner.id)
    protocols.add_addendum(draft.id, f"Nachtrag: {PARTY} rief zurück.", datetime.now(), owner.id)
    assert draft.id in [h.ref for h in protocols.search("Übelkeitsbrücke")]
    assert [h.kind for h in protocols.search("Öhrlein rief")] == ["protocol"]
    assert protocol_pdf(session, draft.id).startswith(b"%PDF")  # rendered in memory only


def test_needles_do_find_plaintext(tmp_path: Path) -> None:
    probe = tmp_path / "probe"
    probe.mkdir()
    (probe / "a.txt").write_bytes(fold(CANARY).encode("utf-16-le"))
    assert leaks(probe)


def test_no_canary_on_disk_while_open_and_after_lock(
    session: Session, vault_dir: Path, isolated_home: Path, tmp_path: Path
) -> None:
    setup_logging()
    save_settings(Settings(last_profile=vault_dir.name))
    fill(session)
    tmpdir = Path(os.environ["TMPDIR"])

    # while open: every commit is checkpointed, the new (encrypted) pages are in vault.db
    assert (vault_dir / "vault.db-wal").stat().st_size == 0
    assert leaks(vault_dir, tmpdir, isolated_home) == []

    session.lock()
    # a migration writes a backup into backups/
    migrations = tmp_path / "migrations"
    migrations.mkdir()
    for path in MIGRATIONS_DIR.glob("*.sql"):
        shutil.copy(path, migrations)
    following = load_migrations()[-1].version + 1
    (migrations / f"{following:04d}_x.sql").write_text(
        "CREATE TABLE x (id TEXT) STRICT;", encoding="utf-8"
    )
    reopened = Session(Vault.unlock(vault_dir, PASSPHRASE, migrations=load_migrations(migrations)))
    assert len(list((vault_dir / "backups").iterdir())) == 1
    try:
        assert reopened.clients.search("canary")[0].display_name == CANARY
        assert reopened.check() == []
        assert leaks(vault_dir, tmpdir, isolated_home) == []
    finally:
        reopened.lock()

    assert (isolated_home / "logs" / "outreach-desktop.log").stat().st_size > 0
    assert (isolated_home / "config" / "settings.json").is_file()
    assert leaks(vault_dir, tmpdir, isolated_home) == []
    assert leaks(tmp_path) == []  # and anywhere else in this test's folder
