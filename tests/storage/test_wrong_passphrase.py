"""A wrong passphrase changes nothing on disk and costs a growing delay."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from outreach_desktop.services.session import Session
from outreach_desktop.services.vaults import create_vault, unlock_vault
from outreach_desktop.storage.errors import WrongPassphrase
from outreach_desktop.storage.throttle import MAX_DELAY_SECONDS, UnlockThrottle
from testkit import FAST_KDF, PASSPHRASE

Digests = Callable[[Path], dict[str, str]]


@pytest.fixture
def locked(session: Session, vault_dir: Path) -> Path:
    session.lock()
    return vault_dir


def test_wrong_passphrase_changes_nothing(locked: Path, digests: Digests) -> None:
    before = digests(locked)
    assert set(before) == {"vault.db", "keyslots.json", "keyslots.backup.json"}
    with pytest.raises(WrongPassphrase) as info:
        unlock_vault(locked, PASSPHRASE + " falsch")
    assert str(info.value) == "Die Passphrase ist falsch."
    after = digests(locked)
    assert after == before  # byte-identical, and no new files (no -wal, -shm, backups)
    assert sorted(p.name for p in locked.iterdir()) == sorted(before)


def test_growing_delay_and_reset(locked: Path, no_unlock_delay: list[float]) -> None:
    for _ in range(4):
        with pytest.raises(WrongPassphrase):
            unlock_vault(locked, "falsch falsch falsch")
    assert no_unlock_delay == [1.0, 2.0, 4.0]  # the first mistake is free
    unlock_vault(locked, PASSPHRASE).lock()
    no_unlock_delay.clear()
    for _ in range(2):
        with pytest.raises(WrongPassphrase):
            unlock_vault(locked, "falsch falsch falsch")
    assert no_unlock_delay == [1.0]  # counting started again after the success


def test_delay_is_per_vault(tmp_path: Path, locked: Path, no_unlock_delay: list[float]) -> None:

    other = tmp_path / "other"
    create_vault(other, PASSPHRASE, kdf=FAST_KDF).lock()
    for path in (locked, other, locked, other):
        with pytest.raises(WrongPassphrase):
            unlock_vault(path, "falsch falsch falsch")
    assert no_unlock_delay == [1.0, 1.0]


def test_delay_is_capped() -> None:
    slept: list[float] = []
    throttle = UnlockThrottle(sleep=slept.append)
    waits = [throttle.failed("v") for _ in range(10)]
    assert waits[:4] == [0.0, 1.0, 2.0, 4.0]
    assert max(waits) == MAX_DELAY_SECONDS
    assert waits == sorted(waits)
    assert slept == [w for w in waits if w]
    assert throttle.failures("v") == 10
    throttle.succeeded("v")
    assert throttle.failures("v") == 0
