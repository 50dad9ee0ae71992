"""Changing the passphrase rewraps the data key and leaves vault.db untouched."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from outreach_desktop.domain.errors import ValidationError
from outreach_desktop.domain.people import Client
from outreach_desktop.services.session import Session
from outreach_desktop.services.vaults import create_vault, unlock_vault
from outreach_desktop.storage.errors import WrongPassphrase
from testkit import FAST_KDF, PASSPHRASE, AgeIdentity
from testkit.internals import vault_of

NEW = "Ein völlig neuer Satz 2025"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def reopened(session: Session, vault_dir: Path) -> Session:
    """A vault with a client, locked (WAL checkpointed) and unlocked again."""
    session.clients.save(Client(display_name="Anna Müller"))
    session.lock()
    return unlock_vault(vault_dir, PASSPHRASE)


def test_change_leaves_database_identical(reopened: Session, vault_dir: Path) -> None:
    db = vault_dir / "vault.db"
    before = sha256(db)
    slots_before = (vault_dir / "keyslots.json").read_bytes()
    reopened.change_passphrase(PASSPHRASE, NEW, NEW, kdf=FAST_KDF)
    assert sha256(db) == before
    reopened.lock()
    assert sha256(db) == before
    assert (vault_dir / "keyslots.json").read_bytes() != slots_before
    assert (vault_dir / "keyslots.json").read_bytes() == (
        vault_dir / "keyslots.backup.json"
    ).read_bytes()

    with pytest.raises(WrongPassphrase):
        unlock_vault(vault_dir, PASSPHRASE)
    again = unlock_vault(vault_dir, NEW)
    try:
        assert [c.display_name for c in again.clients.all()] == ["Anna Müller"]
    finally:
        again.lock()


def test_change_keeps_working_in_the_open_session(reopened: Session) -> None:
    reopened.change_passphrase(PASSPHRASE, NEW, kdf=FAST_KDF)
    reopened.clients.save(Client(display_name="Bernd Nachher"))
    assert reopened.clients.count() == 2
    reopened.lock()


def test_wrong_current_passphrase_changes_nothing(reopened: Session, vault_dir: Path) -> None:
    slots = (vault_dir / "keyslots.json").read_bytes()
    with pytest.raises(WrongPassphrase):
        reopened.change_passphrase("nicht die richtige", NEW, kdf=FAST_KDF)
    assert (vault_dir / "keyslots.json").read_bytes() == slots
    reopened.lock()
    unlock_vault(vault_dir, PASSPHRASE).lock()
    with pytest.raises(WrongPassphrase):
        unlock_vault(vault_dir, NEW)


@pytest.mark.parametrize(("new", "repeated"), [("zu kurz", None), (NEW, NEW + "!")])
def test_new_passphrase_must_meet_policy(
    reopened: Session, vault_dir: Path, new: str, repeated: str | None
) -> None:
    slots = (vault_dir / "keyslots.json").read_bytes()
    with pytest.raises(ValidationError):
        reopened.change_passphrase(PASSPHRASE, new, repeated, kdf=FAST_KDF)
    assert (vault_dir / "keyslots.json").read_bytes() == slots
    reopened.lock()


def test_change_keeps_the_recovery_slot(tmp_path: Path, age_keygen_identity: AgeIdentity) -> None:
    session = create_vault(
        tmp_path / "v",
        PASSPHRASE,
        recovery_recipient=age_keygen_identity.recipient,
        kdf=FAST_KDF,
    )
    recovery = vault_of(session).slots.recovery
    session.change_passphrase(PASSPHRASE, NEW, kdf=FAST_KDF)
    assert vault_of(session).slots.recovery == recovery
    session.lock()
