"""Key slots: minimum Argon2id parameters, parameters bound to the GCM tag, the backup copy."""

from __future__ import annotations

import dataclasses
import json
import os
import stat
from pathlib import Path

import pytest

from outreach_desktop.services.session import Session
from outreach_desktop.storage import keyslots as keyslots_module
from outreach_desktop.storage.errors import KeySlotsDamaged, WeakKeyParameters, WrongPassphrase
from outreach_desktop.storage.kdf import MINIMUM, KdfParams, derive_key
from outreach_desktop.storage.keyslots import BACKUP_FILE, SLOTS_FILE, KeySlots, PassphraseSlot
from outreach_desktop.storage.slot_checks import with_checksum
from outreach_desktop.storage.vault import Vault
from testkit import FAST_KDF, PASSPHRASE

KEY = bytes(range(32))
WEAKER = {
    "memory_kib": MINIMUM.memory_kib - 1024,
    "time_cost": MINIMUM.time_cost - 1,
    "parallelism": MINIMUM.parallelism - 1,
}


def edit_slot(path: Path, **changes: int | str) -> None:
    """As someone rewriting the file would: the slot's checksum made to match."""
    doc = json.loads(path.read_text("utf-8"))
    doc["passphrase"] = with_checksum({**doc["passphrase"], **changes})
    path.write_text(json.dumps(doc), encoding="utf-8")


@pytest.fixture
def locked(session: Session, vault_dir: Path) -> Path:
    session.lock()
    return vault_dir


def test_wrap_and_unwrap_roundtrip() -> None:
    slot = PassphraseSlot.wrap(KEY, PASSPHRASE, "vault-1", FAST_KDF)
    assert bytes(slot.unwrap(PASSPHRASE, "vault-1")) == KEY
    assert KEY not in slot.wrapped_key
    with pytest.raises(WrongPassphrase):
        slot.unwrap(PASSPHRASE + "x", "vault-1")
    with pytest.raises(WrongPassphrase):  # the vault id is bound, too
        slot.unwrap(PASSPHRASE, "vault-2")


@pytest.mark.parametrize("field", sorted(WEAKER))
def test_wrap_refuses_weak_parameters(field: str) -> None:
    weak = dataclasses.replace(MINIMUM, **{field: WEAKER[field]})
    with pytest.raises(WeakKeyParameters) as info:
        PassphraseSlot.wrap(KEY, PASSPHRASE, "vault-1", weak)
    assert "Mindestmaß" in str(info.value)
    with pytest.raises(WeakKeyParameters):
        derive_key(PASSPHRASE, b"s" * 16, weak)


@pytest.mark.parametrize("field", sorted(WEAKER))
def test_unwrap_refuses_weakened_slot_file(locked: Path, field: str) -> None:
    for name in (SLOTS_FILE, BACKUP_FILE):
        edit_slot(locked / name, **{field: WEAKER[field]})
    slots = KeySlots.load(locked)
    assert getattr(slots.passphrase.params, field) == WEAKER[field]
    with pytest.raises(WeakKeyParameters):
        slots.passphrase.unwrap(PASSPHRASE, slots.vault_id)
    with pytest.raises(WeakKeyParameters):
        Vault.unlock(locked, PASSPHRASE)


@pytest.mark.parametrize(
    "changes",
    [
        {"memory_kib": MINIMUM.memory_kib + 1024},
        {"time_cost": MINIMUM.time_cost + 1},
        {"parallelism": MINIMUM.parallelism + 1},
    ],
)
def test_raised_parameters_break_the_tag(locked: Path, changes: dict[str, int]) -> None:
    edit_slot(locked / SLOTS_FILE, **changes)
    edit_slot(locked / BACKUP_FILE, **changes)  # the copy alone would still open the vault
    with pytest.raises(WrongPassphrase):
        Vault.unlock(locked, PASSPHRASE)


def test_a_tampered_primary_is_repaired_from_the_copy(locked: Path) -> None:
    good = (locked / BACKUP_FILE).read_bytes()
    edit_slot(locked / SLOTS_FILE, time_cost=MINIMUM.time_cost + 1)
    Vault.unlock(locked, PASSPHRASE).lock()
    assert (locked / SLOTS_FILE).read_bytes() == good


def test_parameters_are_bound_as_associated_data(
    locked: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Even with the right key-encryption key, changed parameters fail the GCM tag."""
    edit_slot(locked / SLOTS_FILE, time_cost=MINIMUM.time_cost + 1)

    def derive_with_original_params(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
        return derive_key(passphrase, salt, MINIMUM)

    monkeypatch.setattr(keyslots_module, "derive_key", derive_with_original_params)
    slots = KeySlots.load(locked)
    with pytest.raises(WrongPassphrase):
        slots.passphrase.unwrap(PASSPHRASE, slots.vault_id)
    # the same key opens the untouched backup copy: only the associated data differed
    (locked / SLOTS_FILE).unlink()
    original = KeySlots.load(locked)
    assert len(original.passphrase.unwrap(PASSPHRASE, original.vault_id)) == 32


def test_missing_primary_uses_backup(locked: Path) -> None:
    (locked / SLOTS_FILE).unlink()
    vault = Vault.unlock(locked, PASSPHRASE)
    try:
        assert vault.meta()["vault_id"] == vault.slots.vault_id
    finally:
        vault.lock()


@pytest.mark.parametrize("garbage", [b"", b"{not json", b'{"format": "other"}', b"\xff\xfe"])
def test_damaged_primary_uses_backup(locked: Path, garbage: bytes) -> None:
    (locked / SLOTS_FILE).write_bytes(garbage)
    Vault.unlock(locked, PASSPHRASE).lock()


@pytest.mark.parametrize(
    ("primary", "backup"),
    [
        (b"{broken", b"{broken"),
        (None, b'{"format": "outreach-desktop-keyslots", "version": 99}'),
        (b'{"format": "outreach-desktop-keyslots", "version": 1}', None),
        (b"[]", b"null"),
    ],
)
def test_both_damaged(locked: Path, primary: bytes | None, backup: bytes | None) -> None:
    for name, data in ((SLOTS_FILE, primary), (BACKUP_FILE, backup)):
        if data is None:
            (locked / name).unlink()
        else:
            (locked / name).write_bytes(data)
    with pytest.raises(KeySlotsDamaged) as info:
        Vault.unlock(locked, PASSPHRASE)
    message = str(info.value)
    assert "Schlüsseldateien des Tresors" in message
    # no recovery slot is left: the office cannot help, a backup can
    assert "Dienststelle kann" not in message
    assert "Sicherung" in message
    assert "Traceback" not in message


def test_both_missing_but_database_present(locked: Path) -> None:
    (locked / SLOTS_FILE).unlink()
    (locked / BACKUP_FILE).unlink()
    with pytest.raises(KeySlotsDamaged) as info:
        Vault.unlock(locked, PASSPHRASE)
    message = str(info.value)
    assert "keyslots.json und keyslots.backup.json fehlen" in message
    assert "auch die Dienststelle nicht" in message
    assert "Dienststelle kann" not in message


def test_unknown_algorithm_is_damage(locked: Path) -> None:
    for name in (SLOTS_FILE, BACKUP_FILE):
        edit_slot(locked / name, kdf="pbkdf2")
    with pytest.raises(KeySlotsDamaged, match="unbekanntes Verfahren"):
        Vault.unlock(locked, PASSPHRASE)


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_slot_files_are_private(session: Session, vault_dir: Path) -> None:
    assert mode(vault_dir / SLOTS_FILE) == 0o600
    assert mode(vault_dir / BACKUP_FILE) == 0o600
    assert mode(vault_dir / "vault.db") == 0o600
    assert mode(vault_dir) == 0o700
    assert (vault_dir / SLOTS_FILE).read_bytes() == (vault_dir / BACKUP_FILE).read_bytes()
    session.change_passphrase(PASSPHRASE, "Neue lange Passphrase 1", kdf=FAST_KDF)
    assert mode(vault_dir / SLOTS_FILE) == 0o600
    assert mode(vault_dir / BACKUP_FILE) == 0o600


def test_slot_file_holds_no_key_material_in_clear(session: Session, vault_dir: Path) -> None:
    doc = json.loads((vault_dir / SLOTS_FILE).read_text("utf-8"))
    assert doc["format"] == "outreach-desktop-keyslots"
    assert doc["passphrase"]["kdf"] == "argon2id"
    assert doc["passphrase"]["memory_kib"] == FAST_KDF.memory_kib
    assert doc["recovery"] is None
    text = (vault_dir / SLOTS_FILE).read_text("utf-8")
    assert PASSPHRASE not in text


def test_unlock_with_only_the_copy_repairs_the_primary(vault_dir: Path) -> None:
    from outreach_desktop.services.vaults import create_vault, unlock_vault

    create_vault(vault_dir, PASSPHRASE, kdf=FAST_KDF).lock()
    good = (vault_dir / "keyslots.backup.json").read_bytes()
    (vault_dir / "keyslots.json").write_bytes(b"{ damaged")
    with pytest.raises(WrongPassphrase):
        unlock_vault(vault_dir, "falsche Passphrase!!")
    assert (vault_dir / "keyslots.json").read_bytes() == b"{ damaged"  # failure writes nothing
    unlock_vault(vault_dir, PASSPHRASE).lock()
    assert (vault_dir / "keyslots.json").read_bytes() == good


def test_unlock_tries_the_copy_when_the_files_disagree(vault_dir: Path) -> None:
    """An interrupted save may leave the copy with the new passphrase and the primary old."""
    from outreach_desktop.services.vaults import create_vault, unlock_vault

    session = create_vault(vault_dir, PASSPHRASE, kdf=FAST_KDF)
    old_primary = (vault_dir / SLOTS_FILE).read_bytes()
    session.change_passphrase(PASSPHRASE, "Die neue Passphrase 2026")
    session.lock()
    (vault_dir / SLOTS_FILE).write_bytes(old_primary)  # as if the second write never happened
    unlock_vault(vault_dir, "Die neue Passphrase 2026").lock()
    assert (vault_dir / SLOTS_FILE).read_bytes() == (vault_dir / BACKUP_FILE).read_bytes()
