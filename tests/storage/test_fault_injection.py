"""Faults in one place: damaged key slots, a damaged WAL after a crash, a full disk and a
read-only medium. Real vaults throughout; a full disk and a read-only medium are real mounts
(a small tmpfs, a read-only bind) where the system lets a test make them, and otherwise the
failing write is injected at the point where the vault decides how to open."""

from __future__ import annotations

import errno
import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlcipher3

from outreach_desktop.domain.people import Client
from outreach_desktop.services.session import Session
from outreach_desktop.services.vaults import unlock_vault
from outreach_desktop.storage import media
from outreach_desktop.storage.errors import DiskFull, ReadOnlyMedium
from outreach_desktop.storage.vault import Vault
from testkit import FAST_KDF, PASSPHRASE
from testkit.cli import in_child
from testkit.internals import vault_of
from testkit.media import cli, fill_up, needs_namespaces, run_in_namespace

PAGE = 4096
WAL_HEADER, FRAME_HEADER = 32, 24


def crash_copy(vault_dir: Path, target: Path) -> Path:
    """The vault folder as a crash leaves it: copied while the vault is open (the WAL as it
    is, no checkpoint at close)."""
    target.mkdir()
    for name in ("keyslots.json", "keyslots.backup.json", "vault.db", "vault.db-wal"):
        if (vault_dir / name).exists():
            shutil.copy2(vault_dir / name, target / name)
    return target


def flip_bit(path: Path, offset: int) -> bool:
    """Flip one bit at `offset` if the file reaches that far; False when it does not."""
    data = bytearray(path.read_bytes()) if path.exists() else bytearray()
    if len(data) <= offset:
        return False
    data[offset] ^= 0x10
    path.write_bytes(bytes(data))
    return True


def in_frame(n: int) -> int:
    """An offset inside the page of the WAL's n-th frame (0-based)."""
    return WAL_HEADER + n * (FRAME_HEADER + PAGE) + FRAME_HEADER + 100


# --- WAL after a crash ---
def test_a_flipped_bit_in_the_wal_after_a_crash_loses_no_saved_client(
    session: Session, vault_dir: Path, tmp_path: Path
) -> None:
    saved = [session.clients.save(Client(display_name=f"Gespeichert {i}")).id for i in range(10)]
    copy = crash_copy(vault_dir, tmp_path / "after-crash")
    flip_bit(copy / "vault.db-wal", in_frame(1))  # nothing to flip when the WAL is empty
    again = unlock_vault(copy, PASSPHRASE)
    try:
        assert set(saved) <= {c.id for c in again.clients.all()}
        assert again.check() == []
        assert again.notices == []
    finally:
        again.lock()


def hold_reader(session: Session) -> sqlcipher3.Connection:
    """A second connection in a read transaction: it keeps the checkpoint from emptying the
    WAL (another program window reading the vault at that moment)."""
    vault = vault_of(session)
    reader = sqlcipher3.connect(str(vault.path / "vault.db"), isolation_level=None)
    reader.execute(f"PRAGMA key = \"x'{bytes(vault._key).hex()}'\"")
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM clients").fetchone()
    return reader


def test_a_damaged_wal_the_checkpoint_could_not_empty_is_told_and_checked(
    session: Session, vault_dir: Path, tmp_path: Path, passphrase_file: Path
) -> None:
    reader = hold_reader(session)
    try:
        started = time.monotonic()
        for i in range(6):
            session.clients.save(Client(display_name=f"Nach dem Leser {i}"))
        assert time.monotonic() - started < 3  # the checkpoint never waits for the reader
        copy = crash_copy(vault_dir, tmp_path / "after-crash")
    finally:
        reader.close()
    assert flip_bit(copy / "vault.db-wal", in_frame(2))

    again = unlock_vault(copy, PASSPHRASE)
    try:
        [warning] = again.notices
        assert warning.startswith("Warnung: Das Änderungsprotokoll des Tresors (vault.db-wal)")
        assert "fehlen im Tresor" in warning and "IT informieren" in warning
        problems = again.check()
        assert problems and "Änderungsprotokoll nach einem Absturz beschädigt" in problems[0]
    finally:
        again.lock()
    [kept] = copy.glob("vault.db-wal.damaged-*")
    assert kept.stat().st_mode & 0o777 == 0o600
    # `vault check` later (the damaged log is long replaced): still not "in Ordnung"
    result = in_child("vault", "check", "--vault", copy, "--passphrase-file", passphrase_file)
    assert result.code == 1
    assert "in Ordnung" not in result.out
    assert "Änderungsprotokoll nach einem Absturz beschädigt" in result.out


# --- full disk ---
def failing(call: Callable[..., object], code: int, *, on: str) -> Callable[..., object]:
    """`call` that fails with errno `code` for paths whose name contains `on`."""

    def wrapper(path: object, *args: object, **kwargs: object) -> object:
        if on in str(path):
            raise OSError(code, os.strerror(code))
        return call(path, *args, **kwargs)

    return wrapper


def failing_write(code: int) -> Callable[..., int]:
    def write(fd: int, data: object) -> int:
        raise OSError(code, os.strerror(code))

    return write


def test_a_full_disk_still_opens_for_reading_and_refuses_a_write_before_it_starts(
    session: Session, vault_dir: Path, monkeypatch: pytest.MonkeyPatch,
    digests: Callable[[Path], dict[str, str]],
) -> None:  # fmt: skip
    saved = session.clients.save(Client(display_name="Schon da")).id
    session.lock()
    before = digests(vault_dir)
    with monkeypatch.context() as m:
        m.setattr(media.os, "write", failing_write(errno.ENOSPC))  # the probe finds no room
        again = unlock_vault(vault_dir, PASSPHRASE)
    try:
        assert again.read_only
        assert [c.id for c in again.clients.all()] == [saved]
        assert "Speicherplatz ist voll" in again.notices[0]
        assert "nur zum Lesen" in again.notices[0]
        with pytest.raises(DiskFull) as info:
            again.clients.save(Client(display_name="Passt nicht mehr"))
        assert str(info.value).startswith("Speicherplatz voll — nichts wurde geändert.")
        assert "Platz schaffen" in str(info.value)
    finally:
        again.lock()
    assert digests(vault_dir) == before


@needs_namespaces
def test_on_a_really_full_disk_the_cli_reads_and_a_write_says_nothing_changed(
    session: Session, vault_dir: Path, tmp_path: Path, passphrase_file: Path
) -> None:
    session.clients.save(Client(display_name="Ruth Voll"))
    session.lock()
    disk = tmp_path / "disk"
    disk.mkdir()
    vault = disk / "vault"
    script = "\n".join([
        f"mount -t tmpfs -o size=4m tmpfs {disk}",
        f"cp -a {vault_dir} {vault}",
        fill_up(disk),
        "echo '--- list'", cli("clients", "list", "--vault", vault, "--passphrase-file",
                               passphrase_file),
        "echo '--- add'", cli("clients", "add", "--vault", vault, "--passphrase-file",
                              passphrase_file, "--name", "Neu Hinzu"),
        f"rm {disk}/filler",
        "echo '--- after'", cli("clients", "list", "--vault", vault, "--passphrase-file",
                                passphrase_file),
    ])  # fmt: skip
    done = run_in_namespace(script)
    listed, added, after = done.stdout.split("--- ")[1:]
    assert "Ruth Voll" in listed and "exit=0" in listed, done.stderr
    assert "exit=1" in added and "Neu Hinzu" not in after and "Ruth Voll" in after
    assert "Hinweis: Der Speicherplatz ist voll. Der Tresor ist nur zum Lesen geöffnet" in (
        done.stderr
    )
    assert "Fehler: Speicherplatz voll — nichts wurde geändert." in done.stderr
    assert "Traceback" not in done.stderr


def test_creating_a_vault_on_a_full_disk_says_so_and_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "stick"
    folder.mkdir()
    with monkeypatch.context() as m:
        m.setattr(media.os, "write", failing_write(errno.ENOSPC))
        with pytest.raises(DiskFull) as info:
            Vault.create(folder / "vault", PASSPHRASE, kdf=FAST_KDF)
    assert str(info.value).startswith("Speicherplatz voll — nichts wurde geändert.")
    assert list(folder.iterdir()) == []


# --- read-only medium ---
def test_a_read_only_medium_opens_for_reading_and_says_so(
    session: Session, vault_dir: Path, monkeypatch: pytest.MonkeyPatch,
    digests: Callable[[Path], dict[str, str]],
) -> None:  # fmt: skip
    saved = session.clients.save(Client(display_name="Nur Lesen")).id
    session.lock()
    before = digests(vault_dir)
    with monkeypatch.context() as m:  # the medium refuses the probe, as a write-protected one
        m.setattr(media.os, "open", failing(os.open, errno.EROFS, on=".write-probe-"))
        again = unlock_vault(vault_dir, PASSPHRASE)
    try:
        assert again.read_only
        assert "schreibgeschützt" in again.notices[0]
        assert [c.id for c in again.clients.all()] == [saved]
        with pytest.raises(ReadOnlyMedium) as info:
            again.clients.save(Client(display_name="Geht nicht"))
        assert "nichts wurde geändert" in str(info.value)
        assert again.check() == []
    finally:
        again.lock()
    assert digests(vault_dir) == before
    assert sorted(p.name for p in vault_dir.iterdir()) == sorted(before)


@needs_namespaces
def test_on_a_really_read_only_medium_the_cli_reads_and_refuses_to_write(
    session: Session, vault_dir: Path, passphrase_file: Path
) -> None:
    session.clients.save(Client(display_name="Stick Schreibgeschützt"))
    session.lock()
    script = "\n".join([
        f"mount --bind {vault_dir} {vault_dir} && mount -o remount,bind,ro {vault_dir}",
        "echo '--- list'", cli("clients", "list", "--vault", vault_dir, "--passphrase-file",
                               passphrase_file),
        "echo '--- add'", cli("clients", "add", "--vault", vault_dir, "--passphrase-file",
                              passphrase_file, "--name", "Neu Hinzu"),
        "echo '--- check'", cli("vault", "check", "--vault", vault_dir, "--passphrase-file",
                                passphrase_file),
    ])  # fmt: skip
    done = run_in_namespace(script)
    listed, added, checked = done.stdout.split("--- ")[1:]
    assert "Stick Schreibgeschützt" in listed and "exit=0" in listed, done.stderr
    assert "exit=1" in added
    assert "exit=0" in checked and "in Ordnung" in checked
    assert "Hinweis: Der Datenträger ist schreibgeschützt" in done.stderr
    assert "Fehler: Der Tresor liegt auf einem schreibgeschützten Datenträger" in done.stderr
    assert "Traceback" not in done.stderr


@needs_namespaces
def test_changes_still_in_the_wal_on_a_read_only_medium_are_not_passed_off_as_gone(
    session: Session, vault_dir: Path, tmp_path: Path, passphrase_file: Path
) -> None:
    """A crash copy whose WAL holds the last saves, on a write-protected stick: SQLite cannot
    read that WAL there; the vault shows the state before and says the rest is not lost."""
    reader = hold_reader(session)
    try:
        session.clients.save(Client(display_name="Nur im Protokoll"))
        stick = crash_copy(vault_dir, tmp_path / "stick")
    finally:
        reader.close()
    assert (stick / "vault.db-wal").stat().st_size > 0
    script = "\n".join([
        f"mount --bind {stick} {stick} && mount -o remount,bind,ro {stick}",
        cli("clients", "list", "--vault", stick, "--passphrase-file", passphrase_file),
    ])  # fmt: skip
    done = run_in_namespace(script)
    assert "exit=0" in done.stdout, done.stderr
    assert "Nur im Protokoll" not in done.stdout
    assert "Warnung: Die zuletzt gespeicherten Änderungen (vault.db-wal) lassen sich" in (
        done.stderr
    )
    assert "Sie sind nicht verloren" in done.stderr
    again = unlock_vault(stick, PASSPHRASE)  # writable again: they are there
    try:
        assert "Nur im Protokoll" in [c.display_name for c in again.clients.all()]
        assert again.notices == []
    finally:
        again.lock()
