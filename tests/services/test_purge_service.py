"""When the purge runs on a laptop: when asked, after a receipt, and at every unlock — where it
costs one query when nothing is due and a known failure never stops the unlock. After a purge
that deleted anything, the migration backups taken until then (they still hold the purged data)
are deleted; later ones and files not named like our backups stay."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from outreach_desktop.services import purge as purge_module
from outreach_desktop.services.session import Session
from outreach_desktop.services.vaults import unlock_vault
from outreach_desktop.storage.errors import DiskFull
from outreach_desktop.storage.vault import BACKUP_DIR
from testkit import PASSPHRASE
from testkit.exchange import client_story, enter, hand_over, office_for, story_records

OLD_BACKUP = "vault-schema0007-20260101T000000Z.db"
LATER_BACKUP = "vault-schema0009-20990101T000000Z.db"  # taken after the purge
OWN_COPY = "meine-kopie.db"


def acknowledged_days_ago(laptop: Session, tmp_path: Path, days: int, retention: int) -> None:
    """A story sent, entered at the office and acknowledged by a receipt taken `days` ago."""
    office = office_for(laptop, tmp_path / "office", retention_days=retention)
    stick = tmp_path / "stick"
    stick.mkdir()
    try:
        story = client_story(laptop, "Zebulon Knorpelmeier", "Mistelweg 17", "Schimmel.", "Assel.")
        enter(office, hand_over(laptop, office, story_records(laptop, story)))
        written = office.receipts.write_receipt(laptop.info().device_id, stick)
    finally:
        office.lock()
    assert written.path is not None
    taken = laptop.receipts.import_receipt(written.path, datetime.now(UTC) - timedelta(days=days))
    assert taken.entered == 5 and taken.purged is not None and taken.purged.total == 0


def backups(vault_dir: Path, *names: str) -> Path:
    folder = vault_dir / BACKUP_DIR
    folder.mkdir(exist_ok=True)
    for name in names:
        (folder / name).write_bytes(b"encrypted copy")
    return folder


@pytest.fixture
def reopen(vault_dir: Path) -> Iterator[list[Session]]:
    opened: list[Session] = []
    yield opened
    for session in opened:
        session.lock()


def test_the_purge_runs_at_unlock_and_takes_the_backups_with_it(
    session: Session, tmp_path: Path, vault_dir: Path, reopen: list[Session]
) -> None:
    acknowledged_days_ago(session, tmp_path, days=15, retention=14)
    folder = backups(vault_dir, OLD_BACKUP, LATER_BACKUP, OWN_COPY)
    session.lock()
    laptop = unlock_vault(vault_dir, PASSPHRASE)
    reopen.append(laptop)
    purged = laptop.purged_at_unlock
    assert purged is not None and purged.retention_days == 14
    assert {k: n for k, n in purged.counts.items() if n} == {
        "protocols": 1, "consents": 1, "appointments": 1, "clients": 1
    }  # fmt: skip
    assert purged.backups_removed == 1
    assert sorted(p.name for p in folder.iterdir()) == [OWN_COPY, LATER_BACKUP]
    assert laptop.clients.all() == []
    assert laptop.sync_log.lines()[0].action == "purge"
    assert laptop.purge().total == 0  # nothing left to do


def test_nothing_due_costs_one_query_at_unlock(
    session: Session,
    tmp_path: Path,
    vault_dir: Path,
    reopen: list[Session],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    acknowledged_days_ago(session, tmp_path, days=13, retention=14)
    folder = backups(vault_dir, OLD_BACKUP)
    session.lock()

    def not_called(*args: object) -> dict[str, int]:
        raise AssertionError("the purge itself runs only when something is due")

    monkeypatch.setattr(purge_module, "purge", not_called)
    laptop = unlock_vault(vault_dir, PASSPHRASE)
    reopen.append(laptop)
    assert laptop.purged_at_unlock is None
    assert laptop.clients.count() == 1
    assert [p.name for p in folder.iterdir()] == [OLD_BACKUP]  # nothing purged: kept


def test_a_failing_purge_does_not_stop_the_unlock(
    session: Session,
    tmp_path: Path,
    vault_dir: Path,
    reopen: list[Session],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    acknowledged_days_ago(session, tmp_path, days=15, retention=14)
    session.lock()

    def full(*args: object) -> dict[str, int]:
        raise DiskFull()

    monkeypatch.setattr(purge_module, "purge", full)
    with caplog.at_level(logging.WARNING):
        laptop = unlock_vault(vault_dir, PASSPHRASE)
    reopen.append(laptop)
    assert laptop.purged_at_unlock is None and laptop.clients.count() == 1
    assert "purge at unlock failed: DiskFull" in caplog.text
    monkeypatch.undo()
    assert laptop.purge().total == 4  # the next purge takes it


def test_a_purge_that_deletes_nothing_leaves_the_backups(session: Session, vault_dir: Path) -> None:
    folder = backups(vault_dir, OLD_BACKUP)
    result = session.purge()
    assert (result.total, result.backups_removed, result.retention_days) == (0, 0, 14)
    assert [p.name for p in folder.iterdir()] == [OLD_BACKUP]
