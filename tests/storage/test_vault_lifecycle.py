"""Creating, unlocking and locking a vault; the pragmas it relies on."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlcipher3

from outreach_desktop.domain.errors import ValidationError
from outreach_desktop.domain.people import Client
from outreach_desktop.services.session import Session
from outreach_desktop.services.vaults import create_vault, unlock_vault
from outreach_desktop.storage.errors import VaultExists, VaultLocked
from outreach_desktop.storage.migrations import load_migrations
from outreach_desktop.storage.vault import is_vault
from testkit import FAST_KDF, PASSPHRASE
from testkit.internals import vault_of

Digests = Callable[[Path], dict[str, str]]


def test_create_makes_a_vault_folder(session: Session, vault_dir: Path) -> None:
    assert is_vault(vault_dir)
    assert {"vault.db", "keyslots.json", "keyslots.backup.json"} <= {
        p.name for p in vault_dir.iterdir()
    }
    assert vault_of(session).schema_version() == load_migrations()[-1].version
    meta = vault_of(session).meta()
    assert meta["vault_id"] == vault_of(session).slots.vault_id
    assert meta["device_id"] == vault_of(session).device_id != ""
    owner = session.owner()
    assert owner is not None and owner.name == "Alex Beispiel" and owner.is_owner
    # no staging folder is left beside the vault
    assert [p.name for p in vault_dir.parent.iterdir() if ".creating-" in p.name] == []


def test_unlock_after_lock_sees_the_data(session: Session, vault_dir: Path) -> None:
    client = session.clients.save(Client(display_name="Anna Müller"))
    session.lock()
    again = unlock_vault(vault_dir, PASSPHRASE)
    try:
        assert again.clients.get(client.id).display_name == "Anna Müller"
        assert vault_of(again).device_id == vault_of(session).device_id
    finally:
        again.lock()


def test_after_lock_every_repository_call_is_refused(session: Session) -> None:
    client = session.clients.save(Client(display_name="Anna Müller"))
    session.lock()
    assert session.is_locked
    calls = [
        lambda: session.clients.all(),
        lambda: session.clients.get(client.id),
        lambda: session.clients.search("anna"),
        lambda: session.clients.count(),
        lambda: session.clients.delete(client.id),
        lambda: session.staff.all(),
        lambda: session.third_parties.count(),
        lambda: session.appointments.search_views(""),
        lambda: session.owner(),
        lambda: session.info(),
        lambda: vault_of(session).meta(),
    ]
    for call in calls:
        with pytest.raises(VaultLocked):
            call()
    fresh = Client(display_name="Neu")
    with pytest.raises(VaultLocked):
        session.clients.save(fresh)
    assert fresh.revision == 0 and fresh.created_at is None  # stamp rolled back
    with pytest.raises(VaultLocked):
        session.change_passphrase(PASSPHRASE, "Eine ganz neue Passphrase")
    session.lock()  # locking twice is harmless


def test_lock_forgets_the_key(session: Session) -> None:
    key = vault_of(session)._key
    assert any(key)
    session.lock()
    assert not any(key)


def test_lock_leaves_no_wal_files(session: Session, vault_dir: Path) -> None:
    session.clients.save(Client(display_name="Anna"))
    assert (vault_dir / "vault.db-wal").exists()
    session.lock()
    assert not (vault_dir / "vault.db-wal").exists()
    assert not (vault_dir / "vault.db-shm").exists()


def test_pragmas(session: Session) -> None:
    conn = vault_of(session).db.connection

    def pragma(name: str) -> object:
        return conn.execute(f"PRAGMA {name}").fetchone()[0]

    assert str(pragma("cipher_version")).startswith("4.")
    assert pragma("foreign_keys") == 1
    assert pragma("secure_delete") == 1
    assert pragma("temp_store") == 2
    assert pragma("journal_mode") == "wal"
    assert pragma("synchronous") == 2


def test_database_file_is_encrypted(session: Session, vault_dir: Path) -> None:
    session.lock()
    raw = (vault_dir / "vault.db").read_bytes()
    assert not raw.startswith(b"SQLite format 3")
    conn = sqlcipher3.connect(str(vault_dir / "vault.db"))
    try:
        with pytest.raises(sqlcipher3.DatabaseError):
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        conn.close()


def test_create_refuses_non_empty_folder(tmp_path: Path) -> None:
    target = tmp_path / "busy"
    target.mkdir()
    (target / "notes.txt").write_text("x")
    with pytest.raises(VaultExists) as info:
        create_vault(target, PASSPHRASE, kdf=FAST_KDF)
    assert "bereits" in str(info.value)
    assert [p.name for p in target.iterdir()] == ["notes.txt"]


def test_create_refuses_existing_vault(session: Session, vault_dir: Path, digests: Digests) -> None:
    before = digests(vault_dir)
    with pytest.raises(VaultExists):
        create_vault(vault_dir, PASSPHRASE, kdf=FAST_KDF)
    assert digests(vault_dir) == before


def test_create_into_empty_existing_folder(tmp_path: Path) -> None:
    target = tmp_path / "empty"
    target.mkdir()
    create_vault(target, PASSPHRASE, kdf=FAST_KDF).lock()
    assert is_vault(target)


def test_create_checks_the_passphrase_policy_first(tmp_path: Path) -> None:
    with pytest.raises(ValidationError):
        create_vault(tmp_path / "v", "zu kurz", kdf=FAST_KDF)
    with pytest.raises(ValidationError):
        create_vault(tmp_path / "v", PASSPHRASE, PASSPHRASE + "!", kdf=FAST_KDF)
    assert not (tmp_path / "v").exists()


def test_decomposed_passphrase_unlocks_composed_vault(tmp_path: Path) -> None:
    composed = "Bärenstarke Übung 2024"
    create_vault(tmp_path / "v", composed, kdf=FAST_KDF).lock()
    unlock_vault(tmp_path / "v", unicodedata.normalize("NFD", composed)).lock()


def test_two_vaults_are_independent(tmp_path: Path) -> None:
    a = create_vault(tmp_path / "a", PASSPHRASE, kdf=FAST_KDF)
    b = create_vault(tmp_path / "b", PASSPHRASE, kdf=FAST_KDF)
    try:
        a.clients.save(Client(display_name="Nur in A"))
        assert b.clients.count() == 0
        assert vault_of(a).slots.vault_id != vault_of(b).slots.vault_id
        assert vault_of(a).device_id != vault_of(b).device_id
    finally:
        a.lock()
        b.lock()
