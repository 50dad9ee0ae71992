"""Numbered migrations: user_version, an encrypted backup first, failures and newer vaults."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlcipher3

from outreach_desktop.domain.people import Client
from outreach_desktop.services.session import Session
from outreach_desktop.storage.errors import VaultTooNew
from outreach_desktop.storage.keyslots import KeySlots
from outreach_desktop.storage.migrations import MIGRATIONS_DIR, load_migrations
from outreach_desktop.storage.vault import Vault
from testkit import PASSPHRASE
from testkit.internals import vault_of

CANARY = "Quirinus Migrationsprobe"
Digests = Callable[[Path], dict[str, str]]


LATEST = load_migrations()[-1].version
NEXT = LATEST + 1


def migrations_dir(tmp_path: Path, extra: str | None) -> Path:
    """The bundled migrations plus one more step (schema NEXT)."""
    folder = tmp_path / "migrations"
    folder.mkdir()
    for path in MIGRATIONS_DIR.glob("*.sql"):
        shutil.copy(path, folder)
    if extra is not None:
        (folder / f"{NEXT:04d}_x.sql").write_text(extra, encoding="utf-8")
    return folder


def data_key(vault: Path) -> bytes:
    slots = KeySlots.load(vault)
    return bytes(slots.passphrase.unwrap(PASSPHRASE, slots.vault_id))


def raw_connection(db: Path, key: bytes | None) -> sqlcipher3.Connection:
    conn = sqlcipher3.connect(str(db))
    if key is not None:
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    return conn


@pytest.fixture
def locked(session: Session, vault_dir: Path) -> Path:
    session.clients.save(Client(display_name=CANARY))
    session.lock()
    return vault_dir


def test_bundled_migrations_are_numbered() -> None:
    migrations = load_migrations()
    assert [m.version for m in migrations] == list(range(1, len(migrations) + 1))
    assert migrations[0].name == "init"
    assert "CREATE TABLE clients" in migrations[0].sql


def test_new_vault_is_at_latest_schema(session: Session) -> None:
    assert vault_of(session).schema_version() == load_migrations()[-1].version
    assert vault_of(session).db.scalar("PRAGMA user_version") == vault_of(session).schema_version()
    assert not (session.path / "backups").exists()  # a new vault needs no backup


def test_migration_takes_encrypted_backup_first(tmp_path: Path, locked: Path) -> None:
    folder = migrations_dir(tmp_path, "CREATE TABLE extra (id TEXT PRIMARY KEY) STRICT;")
    vault = Vault.unlock(locked, PASSPHRASE, migrations=load_migrations(folder))
    try:
        assert vault.migrated == [NEXT]
        assert vault.schema_version() == NEXT
        assert vault.db.scalar("SELECT count(*) FROM extra") == 0
    finally:
        vault.lock()

    backups = list((locked / "backups").iterdir())
    assert len(backups) == 1
    backup = backups[0]
    assert backup.name.startswith(f"vault-schema{LATEST:04d}-")
    assert (backup.stat().st_mode & 0o777) == 0o600
    raw = backup.read_bytes()
    assert CANARY.encode() not in raw
    assert CANARY.encode("utf-16-le") not in raw
    assert b"quirinus" not in raw.lower()
    assert not raw.startswith(b"SQLite format 3")

    conn = raw_connection(backup, data_key(locked))
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST
        names = [r[0] for r in conn.execute("SELECT display_name FROM clients")]
        assert names == [CANARY]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        assert "extra" not in tables
    finally:
        conn.close()

    conn = raw_connection(backup, None)
    try:
        with pytest.raises(sqlcipher3.DatabaseError):
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        conn.close()

    # nothing more to do on the next unlock: no second backup
    Vault.unlock(locked, PASSPHRASE, migrations=load_migrations(folder)).lock()
    assert len(list((locked / "backups").iterdir())) == 1


def test_failing_migration_leaves_schema_and_data(tmp_path: Path, locked: Path) -> None:
    folder = migrations_dir(tmp_path, "CREATE TABLE half_done (x INTEGER);\nTHIS IS NOT SQL;\n")
    with pytest.raises(sqlcipher3.Error):
        Vault.unlock(locked, PASSPHRASE, migrations=load_migrations(folder))
    vault = Vault.unlock(locked, PASSPHRASE)
    try:
        assert vault.schema_version() == LATEST
        tables = {r[0] for r in vault.db.execute("SELECT name FROM sqlite_master")}
        assert "half_done" not in tables
        assert [r[0] for r in vault.db.execute("SELECT display_name FROM clients")] == [CANARY]
        assert vault.check() == []
    finally:
        vault.lock()


def test_vault_newer_than_code_is_refused(tmp_path: Path, locked: Path, digests: Digests) -> None:
    folder = migrations_dir(tmp_path, "CREATE TABLE extra (id TEXT PRIMARY KEY) STRICT;")
    Vault.unlock(locked, PASSPHRASE, migrations=load_migrations(folder)).lock()
    before = digests(locked)
    with pytest.raises(VaultTooNew) as info:
        Vault.unlock(locked, PASSPHRASE)  # the bundled migrations stop at LATEST
    assert f"Schema {NEXT}" in str(info.value)
    assert "aktualisieren" in str(info.value)
    assert digests(locked) == before


def test_user_version_99_is_refused(locked: Path, digests: Digests) -> None:
    conn = raw_connection(locked / "vault.db", data_key(locked))
    try:
        conn.execute("PRAGMA user_version = 99")
    finally:
        conn.close()
    before = digests(locked)
    with pytest.raises(VaultTooNew) as info:
        Vault.unlock(locked, PASSPHRASE)
    assert "Schema 99" in str(info.value)
    assert f"bis {LATEST}" in str(info.value)
    assert digests(locked) == before
    assert not (locked / "backups").exists()


@pytest.mark.parametrize(
    "names",
    [
        ["0001_init.sql", "0003_later.sql"],
        ["0002_second.sql"],
        ["0001_init.sql", "0001_again.sql"],
    ],
)
def test_load_migrations_rejects_gaps(tmp_path: Path, names: list[str]) -> None:
    for name in names:
        (tmp_path / name).write_text("SELECT 1;", encoding="utf-8")
    with pytest.raises(RuntimeError, match="without gaps"):
        load_migrations(tmp_path)


def test_load_migrations_ignores_other_files(tmp_path: Path) -> None:
    (tmp_path / "0001_init.sql").write_text("SELECT 1;", encoding="utf-8")
    (tmp_path / "0002_next.sql").write_text("SELECT 2;", encoding="utf-8")
    (tmp_path / "notes.sql").write_text("junk", encoding="utf-8")
    (tmp_path / "0003_draft.sql.bak").write_text("junk", encoding="utf-8")
    assert [(m.version, m.name) for m in load_migrations(tmp_path)] == [(1, "init"), (2, "next")]


def test_old_backups_are_pruned_after_a_migration(tmp_path: Path, locked: Path) -> None:
    folder = locked / "backups"
    folder.mkdir()
    old = [folder / f"vault-schema0001-2025010{i}T000000Z.db" for i in range(1, 4)]
    old.append(folder / "vault-schema0002-20250101T000000Z.db")  # a later schema, earlier date
    ahead = folder / "vault-schema0001-20300101T000000Z.db"  # from a clock that ran ahead
    for path in [*old, ahead]:
        path.write_bytes(b"encrypted backup")
    others = [folder / "notiz.txt", folder / "vault-schema0004-20250101T000000Z - Kopie.db"]
    for path in others:  # not ours: left alone
        path.write_text("x", encoding="utf-8")
    migrations = load_migrations(migrations_dir(tmp_path, "CREATE TABLE extra (id TEXT) STRICT;"))
    Vault.unlock(locked, PASSPHRASE, migrations=migrations).lock()
    fresh = list(folder.glob(f"vault-schema{LATEST:04d}-2*Z.db"))
    assert len(fresh) == 1  # the backup just taken always stays
    left = sorted(p.name for p in folder.iterdir())
    assert left == sorted([fresh[0].name, old[-1].name, *(p.name for p in others)])
