"""Receipts with real vaults and real keys: the office acknowledges to one laptop exactly what a
person entered (every mark that applies) or rejected; the laptop takes the receipt for what it
sent and, after the agency's retention period, purges — leaving nothing of those records in the
decrypted file, and a deletion log that counts them."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from outreach_desktop.domain.errors import DomainError
from outreach_desktop.services import receipts as receipts_module
from outreach_desktop.services.session import Session
from outreach_desktop.services.vaults import unlock_vault
from outreach_desktop.storage.exchange_repo import ExportTracking
from outreach_desktop.storage.inbox_repo import InboxRepository
from outreach_desktop.storage.vault import DB_FILE
from testkit import PASSPHRASE
from testkit.exchange import (
    UTC_NOW,
    Story,
    client_story,
    db_of,
    enter,
    hand_over,
    office_for,
    story_records,
)
from testkit.pages import data_key, plaintext_holds

GONE = ("Zebulon Knorpelmeier", "Mistelweg 17\n29439 Kleinwusterhausen",
        "Herr Knorpelmeier berichtet vom Schimmelbefall im Badezimmer.",
        "Nachtrag: Kellerasselbefall gemeldet.")  # fmt: skip
KEPT = ("Philippa Quendelhof", "Ginsterpfad 3\n29451 Grossbodungen",
        "Frau Quendelhof sucht eine Ausbildungsstelle als Tischlerin.",
        "Nachtrag: Praktikumsplatz gefunden.")  # fmt: skip
WRITTEN = UTC_NOW + timedelta(hours=1)
TAKEN = UTC_NOW + timedelta(hours=2)
WHOLE_STORY = {"protocols": 1, "consents": 1, "appointments": 1, "clients": 1}


@pytest.fixture
def office(session: Session, tmp_path: Path) -> Iterator[Session]:
    office = office_for(session, tmp_path / "office", retention_days=0)
    yield office
    office.lock()


@pytest.fixture
def stick(tmp_path: Path) -> Path:
    folder = tmp_path / "stick"
    folder.mkdir()
    return folder


def device_of(laptop: Session) -> str:
    return laptop.info().device_id


def needles(story: Story, texts: tuple[str, ...]) -> list[bytes]:
    name, address, course, addendum = texts
    forms = [story.consent.signed_pdf or b"", story.consent.signature_png or b""]
    return [t.encode() for t in (name, *address.split("\n"), course, addendum)] + forms


def test_the_office_acknowledges_what_was_entered_and_the_laptop_purges_it(
    session: Session, office: Session, stick: Path, vault_dir: Path
) -> None:
    gone = client_story(session, *GONE)
    kept = client_story(session, *KEPT)
    sent = hand_over(
        session, office, story_records(session, gone) + story_records(session, kept)[1:]
    )
    enter(office, sent[:5])  # the owner and the whole first story
    InboxRepository(db_of(office)).reject(
        "protocols", kept.protocol.id, "Unterschrift fehlt", "Birgit Sommer", UTC_NOW
    )
    written = office.receipts.write_receipt(device_of(session), stick, WRITTEN)
    assert written.path is not None and written.path.parent == stick
    assert written.path.name == f"OD-receipt-{device_of(session)[:8]}-000001.age"
    assert stat.S_IMODE(os.stat(written.path).st_mode) == 0o600
    # entered: the first story (5) and, as context needing no mark, the kept client and its
    # appointment; waiting: the kept consent (its e-Akte mark is not set)
    assert (written.sequence, written.entered, written.rejected, written.waiting) == (1, 7, 1, 1)
    assert [p.name for p in stick.iterdir()] == [written.path.name]  # no temporary file left
    session.lock()
    key = data_key(vault_dir)
    assert plaintext_holds(vault_dir / DB_FILE, key, needles(gone, GONE)) == needles(gone, GONE)

    laptop = unlock_vault(vault_dir, PASSPHRASE)
    try:
        taken = laptop.receipts.import_receipt(written.path, TAKEN)
        assert (taken.entered, taken.rejected, taken.already) == (7, 1, False)
        assert taken.purged is not None
        assert {k: n for k, n in taken.purged.counts.items() if n} == WHOLE_STORY
        assert laptop.sync_log.deletion_totals() == WHOLE_STORY
        assert laptop.clients.find(gone.client.id) is None
        assert laptop.protocols.find(gone.protocol.id) is None
        assert laptop.protocols.get(kept.protocol.id).course == KEPT[2]
        rejected = ExportTracking(db_of(laptop)).get("protocols", kept.protocol.id)
        assert rejected is not None
        assert (rejected.state, rejected.reason) == ("rejected", "Unterschrift fehlt")
        context = ExportTracking(db_of(laptop)).get("clients", kept.client.id)
        assert context is not None and context.state == "entered"  # acknowledged, yet kept:
        assert laptop.clients.find(kept.client.id) is not None  # their protocol was rejected
        assert taken.lines()[0] == "Quittung Nr. 1 eingelesen: 7 im Büro übernommen, 1 abgelehnt."
        assert taken.lines()[-1].startswith("Gelöscht nach 0 Tagen Aufbewahrung: Kundinnen")
    finally:
        laptop.lock()  # checkpoints the WAL into the file
    assert plaintext_holds(vault_dir / DB_FILE, key, needles(gone, GONE)) == []
    assert plaintext_holds(vault_dir / DB_FILE, key, needles(kept, KEPT)) == needles(kept, KEPT)


def test_a_second_receipt_names_only_what_was_entered_since(
    session: Session, office: Session, stick: Path
) -> None:
    story = client_story(session, *GONE)
    sent = hand_over(session, office, story_records(session, story))
    enter(office, sent[:2])  # the owner and the client (context: they need no mark anyway)
    first = office.receipts.write_receipt(device_of(session), stick, WRITTEN)
    # the owner, the client and the appointment carried out are context needing no mark; the
    # consent and the protocol wait for theirs
    assert (first.sequence, first.entered, first.waiting) == (1, 3, 2)
    nothing = office.receipts.write_receipt(device_of(session), stick, WRITTEN)
    assert nothing.path is None and "nichts zu quittieren" in nothing.message
    enter(office, sent[2:])
    second = office.receipts.write_receipt(device_of(session)[:8], stick, WRITTEN)
    assert (second.sequence, second.entered, second.waiting) == (2, 2, 0)
    assert second.counts == {"consents": 1, "protocols": 1}
    assert first.path is not None and second.path is not None
    assert sorted(p.name for p in stick.iterdir()) == [first.path.name, second.path.name]
    assert session.receipts.import_receipt(first.path, TAKEN).entered == 3
    taken = session.receipts.import_receipt(second.path, TAKEN)
    assert taken.entered == 2 and taken.purged is not None and taken.purged.total == 4


def test_nothing_to_acknowledge_writes_no_file_and_uses_no_number(
    session: Session, office: Session, stick: Path
) -> None:
    story = client_story(session, *GONE)
    sent = hand_over(session, office, story_records(session, story))
    context = office.receipts.write_receipt(device_of(session), stick, WRITTEN)
    assert (context.sequence, context.waiting) == (1, 2)  # the consent and the protocol wait
    assert context.counts == {"staff": 1, "clients": 1, "appointments": 1}
    nothing = office.receipts.write_receipt(device_of(session), stick, WRITTEN)
    assert (nothing.path, nothing.sequence, nothing.waiting) == (None, None, 2)
    assert nothing.message == (
        f"Für das Gerät {device_of(session)[:8]} gibt es nichts zu quittieren; "
        "2 Einträge warten noch auf ihre Übernahme."
    )
    assert len(list(stick.iterdir())) == 1
    enter(office, sent)
    assert office.receipts.write_receipt(device_of(session), stick, WRITTEN).sequence == 2


def test_a_benefit_relevant_protocol_waits_for_all_three_marks(
    session: Session, office: Session, stick: Path
) -> None:
    story = client_story(session, *GONE)
    protocol = session.protocols.get(story.protocol.id)
    records = [(k, protocol if k == "protocols" else r) for k, r in story_records(session, story)]
    assert not protocol.benefit_relevant  # the story's; made relevant as the office received it
    protocol.benefit_relevant = True
    sent = hand_over(session, office, records)
    inbox = InboxRepository(db_of(office))
    enter(office, [r for r in sent if r.kind != "protocols"])
    for mark in ("verbis", "eakte"):
        inbox.mark("protocols", story.protocol.id, mark, "Birgit Sommer", UTC_NOW)
    assert (
        office.receipts.write_receipt(device_of(session), stick, WRITTEN).counts.get("protocols")
        is None
    )
    inbox.mark("protocols", story.protocol.id, "benefits", "Birgit Sommer", UTC_NOW)
    assert office.receipts.write_receipt(device_of(session), stick, WRITTEN).counts == {
        "protocols": 1
    }


def test_with_a_retention_of_14_days_nothing_goes_before(
    session: Session, tmp_path: Path, stick: Path
) -> None:
    office = office_for(session, tmp_path / "office", retention_days=14)
    try:
        story = client_story(session, *GONE)
        enter(office, hand_over(session, office, story_records(session, story)))
        written = office.receipts.write_receipt(device_of(session), stick, WRITTEN)
    finally:
        office.lock()
    assert written.path is not None
    taken = session.receipts.import_receipt(written.path.read_bytes(), TAKEN)
    assert taken.purged is not None and taken.purged.total == 0
    assert "Nichts zu löschen (Aufbewahrung 14 Tage" in taken.lines()[-1]
    almost = TAKEN + timedelta(days=14) - timedelta(seconds=1)
    assert not session.purging.due(almost)
    assert session.purge(almost).total == 0
    assert session.protocols.find(story.protocol.id) is not None
    assert session.purging.due(TAKEN + timedelta(days=14))
    done = session.purge(TAKEN + timedelta(days=14))
    assert {k: n for k, n in done.counts.items() if n} == WHOLE_STORY
    assert session.protocols.find(story.protocol.id) is None


def test_a_receipt_that_cannot_be_written_leaves_nothing(
    session: Session, office: Session, stick: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    enter(office, hand_over(session, office, story_records(session, client_story(session, *GONE))))
    inbox_before = InboxRepository(db_of(office)).unreceipted(device_of(session))

    def broken(*args: object, **kwargs: object) -> Path:
        raise DomainError("In /media/stick darf nicht geschrieben werden.")

    monkeypatch.setattr(receipts_module, "save_file", broken)
    with pytest.raises(DomainError, match="darf nicht geschrieben"):
        office.receipts.write_receipt(device_of(session), stick, WRITTEN)
    assert list(stick.iterdir()) == []
    assert InboxRepository(db_of(office)).unreceipted(device_of(session)) == inbox_before
    failed = office.sync_log.lines()[0]
    assert (failed.action, failed.result) == ("receipt", "failed")
    monkeypatch.undo()
    assert office.receipts.write_receipt(device_of(session), stick, WRITTEN).sequence == 1


def test_a_file_already_under_the_receipts_name_is_neither_replaced_nor_removed(
    session: Session, office: Session, stick: Path
) -> None:
    enter(office, hand_over(session, office, story_records(session, client_story(session, *GONE))))
    theirs = stick / f"OD-receipt-{device_of(session)[:8]}-000001.age"
    theirs.write_bytes(b"eine fremde Datei")
    with pytest.raises(DomainError, match="gibt es schon"):
        office.receipts.write_receipt(device_of(session), stick, WRITTEN)
    assert theirs.read_bytes() == b"eine fremde Datei"
    assert list(stick.iterdir()) == [theirs]
    assert len(InboxRepository(db_of(office)).unreceipted(device_of(session))) == 5


def test_a_commit_that_fails_after_the_file_is_placed_takes_the_file_back(
    session: Session, office: Session, stick: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    enter(office, hand_over(session, office, story_records(session, client_story(session, *GONE))))
    save = receipts_module.save_file

    def placed_then_failed(*args: object, **kwargs: object) -> Path:
        save(*args, **kwargs)  # type: ignore[arg-type]
        assert len(list(stick.iterdir())) == 1
        raise OSError("power failing")

    monkeypatch.setattr(receipts_module, "save_file", placed_then_failed)
    with pytest.raises(OSError):
        office.receipts.write_receipt(device_of(session), stick, WRITTEN)
    assert list(stick.iterdir()) == []
    assert len(InboxRepository(db_of(office)).unreceipted(device_of(session))) == 5


def test_only_the_office_writes_receipts_and_only_for_devices_it_trusts(
    session: Session, office: Session, stick: Path
) -> None:
    with pytest.raises(DomainError, match="nur der Bürotresor"):
        session.receipts.write_receipt(device_of(session), stick)
    with pytest.raises(DomainError, match="nicht bekannt"):
        office.receipts.write_receipt(device_of(session), stick)  # nothing came from it yet
    with pytest.raises(DomainError, match="gibt es nicht"):
        office.receipts.write_receipt(device_of(session), stick / "fehlt")
    with pytest.raises(DomainError, match="Bürotresor nimmt keine Quittungen"):
        office.receipts.import_receipt(b"age-encryption.org/v1\n")
    with pytest.raises(DomainError, match="löscht nichts"):
        office.purge()
