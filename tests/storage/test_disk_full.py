"""A full disk: DiskFull for the user, nothing half-written, the previous state intact."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from outreach_desktop.domain.people import Client
from outreach_desktop.services.session import Session
from outreach_desktop.services.vaults import unlock_vault
from outreach_desktop.storage import atomic
from outreach_desktop.storage.atomic import atomic_write
from outreach_desktop.storage.errors import DiskFull, StorageIOError
from testkit import FAST_KDF, PASSPHRASE
from testkit.internals import vault_of


def test_database_full(session: Session, vault_dir: Path) -> None:
    kept = [session.clients.save(Client(display_name=f"Bleibt {i}")).id for i in range(5)]
    conn = vault_of(session).db.connection
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages + 2}")
    saved = 0
    with pytest.raises(DiskFull) as info:
        for i in range(2000):
            failed = Client(display_name=f"Füller {i} " + "x" * 150, address="y" * 400)
            session.clients.save(failed)
            saved += 1
    assert "Speicherplatz voll — nichts wurde geändert" in str(info.value)
    assert saved < 2000
    # the failed record was not written, and its stamp was rolled back
    assert failed.revision == 0 and failed.created_at is None
    assert session.clients.find(failed.id) is None
    assert session.clients.count() == 5 + saved
    session.lock()

    again = unlock_vault(vault_dir, PASSPHRASE)
    try:
        assert again.check() == []
        ids = {c.id for c in again.clients.all()}
        assert set(kept) <= ids
        assert failed.id not in ids
        assert len(ids) == 5 + saved
    finally:
        again.lock()


def failing_write(code: int):
    def write(fd: int, data: object) -> int:
        raise OSError(code, os.strerror(code))

    return write


def test_atomic_write_disk_full(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    target = folder / "settings.json"
    atomic_write(target, b"previous")
    with monkeypatch.context() as m:
        m.setattr(atomic.os, "write", failing_write(errno.ENOSPC))
        with pytest.raises(DiskFull):
            atomic_write(target, b"new content")
    assert target.read_bytes() == b"previous"
    assert [p.name for p in folder.iterdir()] == ["settings.json"]


def test_atomic_write_other_io_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    target = folder / "data.bin"
    atomic_write(target, b"previous")
    with monkeypatch.context() as m:
        m.setattr(atomic.os, "write", failing_write(errno.EIO))
        with pytest.raises(StorageIOError) as info:
            atomic_write(target, b"new")
    assert "Datenträger" in str(info.value)
    assert target.read_bytes() == b"previous"
    assert [p.name for p in folder.iterdir()] == ["data.bin"]


def test_atomic_write_replaces_and_sets_mode(tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    target = folder / "x.json"
    target.write_bytes(b"old")
    os.chmod(target, 0o644)
    atomic_write(target, b"new" * 10000)
    assert target.read_bytes() == b"new" * 10000
    assert (target.stat().st_mode & 0o777) == 0o600
    assert [p.name for p in folder.iterdir()] == ["x.json"]


def test_passphrase_change_on_full_disk(
    session: Session, vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    slots = (vault_dir / "keyslots.json").read_bytes()
    with monkeypatch.context() as m:
        m.setattr(atomic.os, "write", failing_write(errno.ENOSPC))
        with pytest.raises(DiskFull):
            session.change_passphrase(PASSPHRASE, "Die neue Passphrase 99", kdf=FAST_KDF)
    assert (vault_dir / "keyslots.json").read_bytes() == slots
    assert (vault_dir / "keyslots.backup.json").read_bytes() == slots
    assert not [p for p in vault_dir.iterdir() if ".tmp-" in p.name]
    session.lock()
    unlock_vault(vault_dir, PASSPHRASE).lock()


def test_keyslot_copy_restored_when_primary_write_fails(
    session: Session, passphrase: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk between the two key files must not leave them disagreeing."""
    from outreach_desktop.storage import keyslots

    folder = vault_of(session).path
    before = {n: (folder / n).read_bytes() for n in ("keyslots.json", "keyslots.backup.json")}
    real = keyslots.atomic_write

    def fail_on_primary(path, data, mode=0o600):  # type: ignore[no-untyped-def]
        if path.name == "keyslots.json":
            raise DiskFull()
        real(path, data, mode)

    monkeypatch.setattr(keyslots, "atomic_write", fail_on_primary)
    with pytest.raises(DiskFull):
        session.change_passphrase(passphrase, "Eine ganz neue Passphrase")
    after = {n: (folder / n).read_bytes() for n in before}
    assert after == before


def test_a_written_file_that_fails_its_check_takes_no_name(tmp_path: Path) -> None:
    """`verify` sees the temporary file before the rename; what it raises leaves nothing, and
    a file of that name from before stays as it was."""
    folder = tmp_path / "stick"
    folder.mkdir()
    target = folder / "receipt.age"
    target.write_bytes(b"before")
    seen: list[bytes] = []

    def refuse(path: Path) -> None:
        seen.append(path.read_bytes())
        raise ValueError("not what was meant")

    with pytest.raises(ValueError):
        atomic_write(target, b"after", verify=refuse)
    assert seen == [b"after"]
    assert [p.name for p in folder.iterdir()] == ["receipt.age"]
    assert target.read_bytes() == b"before"
    atomic_write(target, b"after", verify=lambda path: None)
    assert target.read_bytes() == b"after"
