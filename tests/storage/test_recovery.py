"""Recovery with the agency's age identity (made by Debian's age-keygen or by pyrage)."""

from __future__ import annotations

import base64
import json
import subprocess
from pathlib import Path

import pytest

from outreach_desktop.domain.people import Client
from outreach_desktop.services.session import Session
from outreach_desktop.services.vaults import create_vault, recover_vault, unlock_vault
from outreach_desktop.storage.errors import RecoveryFailed, WrongPassphrase
from testkit import FAST_KDF, PASSPHRASE, AgeIdentity
from testkit.internals import vault_of

NEW = "Neu gesetzt vom Büro 2025"


def make_vault(path: Path, recipient: str | None) -> str:
    """A locked vault with one client; returns the client's id."""
    session = create_vault(path, PASSPHRASE, recovery_recipient=recipient, kdf=FAST_KDF)
    try:
        return session.clients.save(Client(display_name="Anna Müller")).id
    finally:
        session.lock()


@pytest.fixture(params=["age-keygen", "pyrage"])
def identity(request: pytest.FixtureRequest) -> AgeIdentity:
    name = "age_keygen_identity" if request.param == "age-keygen" else "pyrage_identity"
    return request.getfixturevalue(name)


def test_recover_sets_new_passphrase(tmp_path: Path, identity: AgeIdentity) -> None:
    vault = tmp_path / "v"
    client_id = make_vault(vault, identity.recipient)
    db_before = (vault / "vault.db").read_bytes()
    session = recover_vault(vault, identity.path.read_text("ascii"), NEW, NEW, kdf=FAST_KDF)
    try:
        assert session.clients.get(client_id).display_name == "Anna Müller"
        assert vault_of(session).slots.recovery is not None  # the recovery slot stays
    finally:
        session.lock()
    assert (vault / "vault.db").read_bytes() == db_before
    with pytest.raises(WrongPassphrase):
        unlock_vault(vault, PASSPHRASE)
    unlock_vault(vault, NEW).lock()


def test_wrong_identity_fails(
    tmp_path: Path, age_keygen_identity: AgeIdentity, pyrage_identity: AgeIdentity
) -> None:
    vault = tmp_path / "v"
    make_vault(vault, age_keygen_identity.recipient)
    slots = (vault / "keyslots.json").read_bytes()
    with pytest.raises(RecoveryFailed) as info:
        recover_vault(vault, pyrage_identity.path.read_text("ascii"), NEW, kdf=FAST_KDF)
    assert "passt nicht" in str(info.value)
    assert (vault / "keyslots.json").read_bytes() == slots
    unlock_vault(vault, PASSPHRASE).lock()


def test_vault_without_recovery_slot(tmp_path: Path, pyrage_identity: AgeIdentity) -> None:
    vault = tmp_path / "v"
    make_vault(vault, None)
    with pytest.raises(RecoveryFailed) as info:
        recover_vault(vault, pyrage_identity.path.read_text("ascii"), NEW, kdf=FAST_KDF)
    assert "keinen Wiederherstellungsschlüssel" in str(info.value)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "kein age-Schlüssel"),
        ("# nur ein Kommentar\nage1abc\n", "kein age-Schlüssel"),
        ("AGE-SECRET-KEY-1NOTVALID\n", "ungültigen Schlüssel"),
    ],
)
def test_identity_file_without_usable_key(
    tmp_path: Path, pyrage_identity: AgeIdentity, text: str, message: str
) -> None:
    vault = tmp_path / "v"
    make_vault(vault, pyrage_identity.recipient)
    with pytest.raises(RecoveryFailed, match=message):
        recover_vault(vault, text, NEW, kdf=FAST_KDF)


def test_recovery_slot_of_another_vault_is_refused(
    tmp_path: Path, pyrage_identity: AgeIdentity
) -> None:
    make_vault(tmp_path / "a", pyrage_identity.recipient)
    make_vault(tmp_path / "b", pyrage_identity.recipient)
    doc_a = json.loads((tmp_path / "a" / "keyslots.json").read_text("utf-8"))
    for name in ("keyslots.json", "keyslots.backup.json"):
        path = tmp_path / "b" / name
        doc_b = json.loads(path.read_text("utf-8"))
        doc_b["recovery"] = doc_a["recovery"]
        path.write_text(json.dumps(doc_b), encoding="utf-8")
    with pytest.raises(RecoveryFailed, match="anderen Tresor"):
        recover_vault(tmp_path / "b", pyrage_identity.path.read_text("ascii"), NEW, kdf=FAST_KDF)


def test_invalid_recipient_creates_nothing(tmp_path: Path) -> None:
    with pytest.raises(RecoveryFailed, match="age1"):
        create_vault(tmp_path / "v", PASSPHRASE, recovery_recipient="ssh-rsa AAAA", kdf=FAST_KDF)
    assert not (tmp_path / "v").exists()


def test_debian_age_decrypts_the_recovery_slot(
    tmp_path: Path, age_keygen_identity: AgeIdentity
) -> None:
    vault = tmp_path / "v"
    make_vault(vault, age_keygen_identity.recipient)
    doc = json.loads((vault / "keyslots.json").read_text("utf-8"))
    assert doc["recovery"]["recipient"] == age_keygen_identity.recipient
    encrypted = tmp_path / "slot.age"
    encrypted.write_bytes(base64.b64decode(doc["recovery"]["age"]))
    result = subprocess.run(
        ["age", "-d", "-i", str(age_keygen_identity.path), str(encrypted)],
        check=True,
        capture_output=True,
    )
    payload = json.loads(result.stdout)
    assert payload["vault_id"] == doc["vault_id"]
    assert len(bytes.fromhex(payload["data_key"])) == 32


def test_set_recovery_recipient_later(
    session: Session, vault_dir: Path, pyrage_identity: AgeIdentity
) -> None:
    assert vault_of(session).slots.recovery is None
    vault_of(session).set_recovery_recipient(pyrage_identity.recipient)
    session.lock()
    recover_vault(vault_dir, pyrage_identity.path.read_text("ascii"), NEW, kdf=FAST_KDF).lock()
    unlock_vault(vault_dir, NEW).lock()
