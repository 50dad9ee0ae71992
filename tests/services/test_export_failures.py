"""Export when things go wrong: a full or read-only medium, a file that does not read back, the
vault refusing the commit, a rename that fails, a cancel at every point, a crash between commit
and rename, the agency's size limit. Each ends either with no file and the vault as before, or
with a verified file counted as sent: never one without the other."""

from __future__ import annotations

import errno
import os
import uuid
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from outreach_desktop.domain.agency import AgencyRules
from outreach_desktop.domain.consents import ConsentKind, GivenHow
from outreach_desktop.services import export_file
from outreach_desktop.services.export import (
    ExportCancelled,
    ExportFailed,
    ExportResult,
    TargetFull,
)
from outreach_desktop.services.session import Session
from outreach_desktop.services.vaults import create_office_vault
from outreach_desktop.storage.bundle_repo import BundleRepository
from outreach_desktop.storage.errors import DiskFull
from outreach_desktop.storage.outbox_repo import Outbox
from outreach_desktop.storage.sync_log import SyncLog
from testkit import FAST_KDF, PASSPHRASE
from testkit.exchange import MET, db_of
from testkit.outbox import NOW, Pair, laptop_vault, make_pair, receive


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[Pair]:
    made = make_pair(tmp_path, clients=6)
    yield made
    made.lock()


def bookkeeping(session: Session) -> tuple[Any, ...]:
    """All the export changes in the vault: what waits, what went, the log, the sequence."""
    db = db_of(session)
    return (
        session.outbox.pending(),
        db.execute("SELECT * FROM exported ORDER BY record_kind, record_id"),
        [tuple(r) for r in db.execute("SELECT * FROM sync_log ORDER BY id")],
        BundleRepository(db).next_sequence("export"),
    )


def unchanged(pair: Pair, before: tuple[Any, ...]) -> None:
    after = bookkeeping(pair.laptop)
    assert after[0] == before[0] and after[2:] == before[2:]
    assert [tuple(r) for r in after[1]] == [tuple(r) for r in before[1]]
    assert list(pair.folder.iterdir()) == []


def fails_with(code: int) -> Callable[..., Any]:
    def fail(*_args: object, **_kwargs: object) -> Any:
        raise OSError(code, os.strerror(code))

    return fail


def exports_cleanly(pair: Pair, sequence: int = 1) -> ExportResult:
    """After a failure, the next export works and carries `sequence`."""
    result = pair.laptop.outbox.export(pair.folder, NOW)
    assert result.sequence == sequence and result.path is not None
    assert [p.name for p in pair.folder.iterdir()] == [result.path.name]
    receive(pair.office, result.path)
    return result


@pytest.mark.parametrize("call", ["write", "fsync"])
def test_a_full_medium(pair: Pair, monkeypatch: pytest.MonkeyPatch, call: str) -> None:
    before = bookkeeping(pair.laptop)
    real_write = os.write

    def half_then_full(fd: int, data: Any) -> int:
        if len(data) > 4096:
            return real_write(fd, bytes(data[:4096]))
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, call, half_then_full if call == "write" else fails_with(errno.ENOSPC))
    with pytest.raises(TargetFull, match=r"nicht genug Platz.*Es wurde nichts übergeben"):
        pair.laptop.outbox.export(pair.folder, NOW)
    monkeypatch.undo()
    unchanged(pair, before)
    exports_cleanly(pair)


def test_a_read_only_medium(pair: Pair, monkeypatch: pytest.MonkeyPatch) -> None:
    before = bookkeeping(pair.laptop)
    monkeypatch.setattr(os, "open", fails_with(errno.EROFS))
    with pytest.raises(ExportFailed, match="schreibgeschützt"):
        pair.laptop.outbox.export(pair.folder, NOW)
    monkeypatch.undo()
    unchanged(pair, before)


def test_a_missing_folder(pair: Pair) -> None:
    with pytest.raises(ExportFailed, match="gibt es nicht"):
        pair.laptop.outbox.export(pair.folder / "fehlt", NOW)


def test_a_file_that_does_not_read_back(pair: Pair, monkeypatch: pytest.MonkeyPatch) -> None:
    before = bookkeeping(pair.laptop)
    real = export_file.BundleFile.read_back

    def flipped(self: export_file.BundleFile, limit: int) -> bytes:
        data = bytearray(real(self, limit))
        data[len(data) // 2] ^= 1
        return bytes(data)

    monkeypatch.setattr(export_file.BundleFile, "read_back", flipped)
    with pytest.raises(ExportFailed, match="nicht fehlerfrei zurücklesen"):
        pair.laptop.outbox.export(pair.folder, NOW)
    unchanged(pair, before)


def test_the_vault_refusing_the_commit(pair: Pair, monkeypatch: pytest.MonkeyPatch) -> None:
    before = bookkeeping(pair.laptop)

    def full(*_args: object) -> None:
        raise DiskFull()

    monkeypatch.setattr(SyncLog, "append", full)
    with pytest.raises(DiskFull):
        pair.laptop.outbox.export(pair.folder, NOW)
    monkeypatch.undo()
    unchanged(pair, before)
    exports_cleanly(pair)


def test_another_export_taking_the_sequence_meanwhile(
    pair: Pair, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = export_file.BundleFile.write

    def meanwhile(self: export_file.BundleFile, data: bytes) -> None:
        BundleRepository(db_of(pair.laptop)).claim_sequence("export")
        real(self, data)

    monkeypatch.setattr(export_file.BundleFile, "write", meanwhile)
    with pytest.raises(ExportFailed, match="eine andere geschrieben"):
        pair.laptop.outbox.export(pair.folder, NOW)
    monkeypatch.undo()
    assert list(pair.folder.iterdir()) == []
    assert db_of(pair.laptop).scalar("SELECT count(*) FROM exported") == 0
    exports_cleanly(pair, sequence=2)


def test_a_rename_that_fails_puts_the_bookkeeping_back(
    pair: Pair, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = exports_cleanly(pair)
    owner = pair.laptop.owner()
    assert owner is not None
    pair.laptop.protocols.add_addendum(pair.story.protocol.id, "Noch einer.", MET, owner.id)
    first.path.unlink()  # type: ignore[union-attr]
    before = bookkeeping(pair.laptop)
    monkeypatch.setattr(os, "replace", fails_with(errno.EIO))
    with pytest.raises(ExportFailed, match="nicht fertigstellen"):
        pair.laptop.outbox.export(pair.folder, NOW)
    monkeypatch.undo()
    after = bookkeeping(pair.laptop)
    assert after[0] == before[0] and [tuple(r) for r in after[1]] == [tuple(r) for r in before[1]]
    assert [e[-2] for e in after[2][len(before[2]) :]] == ["ok", "failed"]
    assert after[3] == before[3] + 1 and list(pair.folder.iterdir()) == []
    exports_cleanly(pair, sequence=3)  # the office sees a gap, which it accepts


def test_when_even_putting_back_fails_the_next_export_finishes_the_file(
    pair: Pair, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*_args: object) -> None:
        raise DiskFull()

    monkeypatch.setattr(os, "replace", fails_with(errno.EIO))
    monkeypatch.setattr(Outbox, "put_back", full)
    with pytest.raises(DiskFull):
        pair.laptop.outbox.export(pair.folder, NOW)
    monkeypatch.undo()
    (left,) = pair.folder.iterdir()  # counted as sent, so kept: the next export finishes it
    assert left.name.endswith(".part") and pair.laptop.outbox.pending().waiting == ()
    finished = pair.laptop.outbox.export(pair.folder, NOW).finished
    assert finished == (pair.folder / (left.name[1:].split(".age.")[0] + ".age"),)
    assert receive(pair.office, finished[0]).bundle.sequence == 1


def count_polls(pair: Pair) -> int:
    """How often an export asks whether to stop: once per record, then thrice."""
    polls = 0

    def count() -> bool:
        nonlocal polls
        polls += 1
        return False

    probe = pair.folder.parent / "probe"
    probe.mkdir()
    result = pair.laptop.outbox.export(probe, NOW, cancelled=count)
    assert result.path is not None
    return polls


@pytest.mark.parametrize("at", ["first record", "a middle record", "last record", "before writing",
                                "after writing", "after verifying"])  # fmt: skip
def test_a_cancel_leaves_nothing(tmp_path: Path, at: str) -> None:
    probe = make_pair(tmp_path / "probe", clients=6)
    try:
        polls = count_polls(probe)
    finally:
        probe.lock()
    point = {"first record": 0, "a middle record": polls // 2, "last record": polls - 4,
             "before writing": polls - 3, "after writing": polls - 2,
             "after verifying": polls - 1}[at]  # fmt: skip
    pair = make_pair(tmp_path / "pair", clients=6)
    try:
        before = bookkeeping(pair.laptop)
        asked = 0

        def cancel() -> bool:
            nonlocal asked
            asked += 1
            return asked > point

        with pytest.raises(ExportCancelled, match="abgebrochen"):
            pair.laptop.outbox.export(pair.folder, NOW, cancelled=cancel)
        unchanged(pair, before)
        exports_cleanly(pair)
    finally:
        pair.lock()


class Crash(BaseException):
    """The process dying: nothing after it runs (no cleanup of ours either)."""


def test_a_crash_between_commit_and_rename_is_finished_by_the_next_export(
    pair: Pair, monkeypatch: pytest.MonkeyPatch
) -> None:
    def crash(self: export_file.BundleFile) -> None:
        raise Crash()

    monkeypatch.setattr(export_file.BundleFile, "finish", crash)
    with pytest.raises(Crash):
        pair.laptop.outbox.export(pair.folder, NOW)
    monkeypatch.undo()
    (left,) = pair.folder.iterdir()
    assert left.name.startswith(".OD-") and left.name.endswith(".part")
    sent = pair.laptop.outbox.pending()
    assert sent.waiting == () and sent.awaiting_receipt
    again = pair.laptop.outbox.export(pair.folder, NOW)
    assert again.empty and len(again.finished) == 1
    (final,) = pair.folder.iterdir()
    assert final == again.finished[0] and final.name.endswith("-000001.age")
    assert receive(pair.office, final).bundle.sequence == 1


def test_the_file_of_an_export_never_committed_is_removed(pair: Pair) -> None:
    device = pair.laptop.info().device_id
    stray = pair.folder / f".OD-{device[:8]}-000001.age.{uuid.uuid4()}.part"
    stray.write_bytes(b"age-encryption.org/v1\n half a bundle")
    other = pair.folder / "notizen.txt"
    other.write_text("bleibt", encoding="utf-8")
    result = pair.laptop.outbox.export(pair.folder, NOW)
    assert result.path is not None and result.finished == ()
    assert sorted(p.name for p in pair.folder.iterdir()) == sorted([result.path.name, other.name])


def test_over_the_size_limit_the_older_part_goes_first(tmp_path: Path) -> None:
    small = AgencyRules(bundle_limit_mb=1)
    office, signed = create_office_vault(tmp_path / "office", PASSPHRASE, agency_name="Klein",
                                         rules=small, kdf=FAST_KDF)  # fmt: skip
    laptop, story = laptop_vault(tmp_path / "laptop", clients=3)
    try:
        laptop.identity.join(signed.data)
        for n in range(4):  # four large signed forms, at most two fit into 1 MB
            consent = laptop.consents.prepare(
                ConsentKind.HOME_VISIT, MET, appointment_id=story.appointment.id
            )
            form = b"%PDF-1.7 " + os.urandom(400_000)
            laptop.consents.sign(consent.id, GivenHow.SCREEN, MET + timedelta(minutes=n),
                                 signature_png=b"\x89PNG", signed_pdf=form)  # fmt: skip
        folder = tmp_path / "stick"
        folder.mkdir()
        results = [laptop.outbox.export(folder, NOW)]
        while results[-1].left and len(results) < 5:
            results.append(laptop.outbox.export(folder, NOW))
        assert len(results) >= 2 and results[-1].left == 0
        assert [r.sequence for r in results] == list(range(1, len(results) + 1))
        for result in results:
            assert result.path is not None and result.path.stat().st_size <= 2**20
            assert receive(office, result.path).bundle.sequence == result.sequence
        assert laptop.outbox.pending().waiting == ()
    finally:
        office.lock()
        laptop.lock()
