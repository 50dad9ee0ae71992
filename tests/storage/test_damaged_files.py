"""Damaged or foreign files give a known error with a plain German message, never a bug."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from outreach_desktop.domain.errors import UserError
from outreach_desktop.domain.people import Client
from outreach_desktop.services.session import Session
from outreach_desktop.services.vaults import unlock_vault
from outreach_desktop.storage.errors import VaultCorrupt, VaultNotFound
from outreach_desktop.storage.keyslots import KeySlots
from testkit import PASSPHRASE
from testkit.pages import page_holding

Digests = Callable[[Path], dict[str, str]]
GERMAN_WORDS = ("Tresor", "beschädigt", "nicht", "wurde", "Datei")


def assert_plain_german(exc: BaseException) -> None:
    text = str(exc)
    assert isinstance(exc, UserError)
    assert text.strip()
    assert "Traceback" not in text
    assert sum(word in text for word in GERMAN_WORDS) >= 2, text
    for english in ("file is not a database", "malformed", "Error", "sqlite"):
        assert english not in text


@pytest.fixture
def locked(session: Session, vault_dir: Path) -> Path:
    session.clients.save(Client(display_name="Anna Müller"))
    session.lock()
    return vault_dir


@pytest.mark.parametrize("setup", ["missing", "empty", "other-files"])
def test_folder_that_is_not_a_vault(tmp_path: Path, setup: str) -> None:
    folder = tmp_path / "nothing-here"
    if setup != "missing":
        folder.mkdir()
    if setup == "other-files":
        (folder / "vault.txt").write_text("hallo")
        (folder / "sub").mkdir()
    with pytest.raises(VaultNotFound) as info:
        unlock_vault(folder, PASSPHRASE)
    assert_plain_german(info.value)
    assert "kein Tresor" in str(info.value)


def test_a_file_instead_of_a_folder(tmp_path: Path) -> None:
    path = tmp_path / "vault.db"
    path.write_bytes(b"x" * 100)
    with pytest.raises(VaultNotFound):
        unlock_vault(path, PASSPHRASE)


def replace_db(vault: Path, data: bytes) -> None:
    (vault / "vault.db").write_bytes(data)


def plain_sqlite_bytes(tmp_path: Path) -> bytes:
    plain = tmp_path / "plain.db"
    conn = sqlite3.connect(plain)
    conn.execute("CREATE TABLE clients (display_name TEXT)")
    conn.execute("INSERT INTO clients VALUES ('Anna Müller')")
    conn.commit()
    conn.close()
    return plain.read_bytes()


@pytest.mark.parametrize(
    "damage", ["random", "plain-sqlite", "empty", "half", "1000-bytes", "missing-db"]
)
def test_damaged_database_file(tmp_path: Path, locked: Path, digests: Digests, damage: str) -> None:
    original = (locked / "vault.db").read_bytes()
    if damage == "random":
        replace_db(locked, os.urandom(len(original)))
    elif damage == "plain-sqlite":
        replace_db(locked, plain_sqlite_bytes(tmp_path))
    elif damage == "empty":
        replace_db(locked, b"")
    elif damage == "half":
        replace_db(locked, original[: len(original) // 2])
    elif damage == "1000-bytes":
        replace_db(locked, original[:1000])
    else:
        (locked / "vault.db").unlink()
    before = digests(locked)
    with pytest.raises(VaultCorrupt) as info:
        unlock_vault(locked, PASSPHRASE)
    assert_plain_german(info.value)
    assert "Es wurde nichts verändert" in str(info.value)
    assert digests(locked) == before  # and really nothing was changed or added


def flip_bit_in_page(db: Path, page: int, page_size: int = 4096) -> None:
    data = bytearray(db.read_bytes())
    data[(page - 1) * page_size + 700] ^= 0x10
    db.write_bytes(bytes(data))


def test_bit_flip_in_a_middle_page(session: Session, vault_dir: Path) -> None:
    for i in range(400):
        session.clients.save(
            Client(display_name=f"Person {i:03d} Beispiel", address=f"Lange Straße {i}\nLüchow")
        )
    ids = [c.id for c in session.clients.all()]
    session.lock()
    size = (vault_dir / "vault.db").stat().st_size
    assert size > 40 * 4096
    # a page of the clients' table in the middle of the file, found in the decrypted file
    # (which page that is depends on the schema); the row holds the name and the address side
    # by side, the full-text index has a space between them
    slots = KeySlots.load(vault_dir)
    key = bytes(slots.passphrase.unwrap(PASSPHRASE, slots.vault_id))
    page = page_holding(vault_dir / "vault.db", key, b"Person 200 BeispielLange")
    assert 10 < page < size // 4096 - 10
    flip_bit_in_page(vault_dir / "vault.db", page)
    try:
        damaged = unlock_vault(vault_dir, PASSPHRASE)
    except VaultCorrupt as exc:
        assert_plain_german(exc)
        return
    try:
        problems = damaged.check()
        assert problems, "check() must notice the flipped bit"
        with pytest.raises(VaultCorrupt) as info:
            # every client, listed and each by id: touches the table and its indexes
            damaged.clients.all()
            for client_id in ids:
                damaged.clients.get(client_id)
        assert_plain_german(info.value)
    finally:
        damaged.lock()
