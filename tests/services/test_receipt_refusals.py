"""Bad receipts on a laptop: each is refused whole with one German sentence, and the vault holds
exactly what it held before (every table compared; the sync log gains one "refused" entry and
nothing else). The same receipt again is no error and changes nothing; an older sequence is a
replay; a receipt naming anything the laptop did not send is refused whole; an acknowledgement of
an older revision than the one last sent is the one thing reported and passed over. Any bytes at
all end in a clean refusal."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from outreach_desktop.domain.errors import UserError
from outreach_desktop.exchange.acknowledgements import Acknowledgement, AckState
from outreach_desktop.exchange.archive import write_tar
from outreach_desktop.exchange.bundle import AGE_MAGIC, SenderInfo, write_bundle
from outreach_desktop.exchange.keys import Identity, new_identity
from outreach_desktop.exchange.manifest import BundleKind, Role
from outreach_desktop.exchange.records import dump_member, to_record
from outreach_desktop.services.session import Session
from outreach_desktop.storage.exchange_repo import ExportTracking, SentRecord
from testkit.bundles import MEMBERS, entries_of, manifest_of, rebuild, resigned, seal
from testkit.exchange import (
    UTC_NOW,
    client_story,
    db_of,
    enter,
    hand_over,
    office_for,
    story_records,
)
from testkit.internals import stored_tables, vault_of

TAKEN = UTC_NOW + timedelta(hours=2)
ACKS = "records/acknowledgements.json"


@dataclass
class Loop:
    laptop: Session
    office: Session
    sent: list[SentRecord]
    stick: Path

    @property
    def agency(self) -> Identity:
        return self.office.identity.agency_identity()

    @property
    def device(self) -> Identity:
        return self.laptop.identity.device()

    def ack(self, record: SentRecord, state: str = "entered", reason: str = "") -> dict[str, Any]:
        ack = Acknowledgement(
            record_kind=record.kind, record_id=record.id, record_revision=record.revision,
            content_hash=record.content_hash, state=AckState(state), reason=reason, revision=1,
            origin_device=self.office.info().device_id, created_at=UTC_NOW, updated_at=UTC_NOW,
        )  # fmt: skip
        return to_record("acknowledgements", ack)

    def receipt(
        self,
        acks: list[dict[str, Any]] | None = None,
        *,
        signer: Identity | None = None,
        sequence: int = 1,
        reader: Identity | None = None,
    ) -> bytes:
        """A receipt as the office (or `signer`) writes it for this laptop (or `reader`)."""
        acks = [self.ack(r) for r in self.sent] if acks is None else acks
        members = {ACKS: dump_member("acknowledgements", acks)} if acks else {}
        _, data = write_bundle(
            BundleKind.RECEIPT, signer or self.agency,
            SenderInfo(Role.AGENCY, self.office.info().device_id),
            [(reader or self.device).public], sequence, members, UTC_NOW,
            for_device=vault_of(self.laptop).device_id,
        )  # fmt: skip
        return data

    def refuses(self, data: bytes, match: str) -> UserError:
        """`data` is refused with `match`; the vault is as before but for one sync log line."""
        before = stored_tables(self.laptop, but=("sync_log",))
        logged = len(self.laptop.sync_log.lines())
        with pytest.raises(UserError, match=match) as refused:
            self.laptop.receipts.import_receipt(data, TAKEN)
        assert stored_tables(self.laptop, but=("sync_log",)) == before
        lines = self.laptop.sync_log.lines()
        assert len(lines) == logged + 1
        assert (lines[0].action, lines[0].result) == ("import", "refused")
        assert lines[0].detail == str(refused.value)[:300]
        return refused.value


@pytest.fixture
def loop(session: Session, tmp_path: Path) -> Iterator[Loop]:
    office = office_for(session, tmp_path / "office", retention_days=0)
    story = client_story(session, "Zebulon Knorpelmeier", "Mistelweg 17", "Schimmel.", "Asseln.")
    sent = hand_over(session, office, story_records(session, story))
    enter(office, sent)
    stick = tmp_path / "stick"
    stick.mkdir()
    yield Loop(session, office, sent, stick)
    office.lock()


def flipped(data: bytes) -> bytes:
    middle = len(data) // 2
    return data[:middle] + bytes([data[middle] ^ 0x10]) + data[middle + 1 :]


def recipients_swapped(loop: Loop) -> bytes:
    """A receipt for another device, re-encrypted to this laptop: its bound recipients say
    otherwise."""
    other = new_identity()
    return rebuild(loop.receipt(reader=other), other, lambda e: e, loop.device.public)


def signed_by_another_key(loop: Loop) -> bytes:
    """The genuine manifest (naming the agency's keys) signed by someone holding only the
    agency's public key."""
    entries = entries_of(loop.receipt(), loop.device)
    forged = resigned(entries, manifest_of(entries), new_identity())
    return seal(write_tar(forged), loop.device.public)


def an_export(loop: Loop) -> bytes:
    """The laptop's own export: it can decrypt it, but it is no receipt."""
    device, sender = loop.device, SenderInfo(Role.FIELD, vault_of(loop.laptop).device_id)
    recipients = [loop.agency.public, device.public]
    _, data = write_bundle(BundleKind.EXPORT, device, sender, recipients, 1, MEMBERS, UTC_NOW)
    return data


def naming(loop: Loop, change: Callable[[SentRecord], SentRecord]) -> bytes:
    """The genuine receipt, but its acknowledgement of the protocol names `change`d."""
    return loop.receipt([loop.ack(change(r) if r.kind == "protocols" else r) for r in loop.sent])


BAD: dict[str, tuple[Callable[[Loop], bytes], str]] = {
    "truncated": (lambda loop: loop.receipt()[:-100], "beschädigt oder unvollständig"),
    "one flipped bit": (lambda loop: flipped(loop.receipt()), "beschädigt oder unvollständig"),
    "not a bundle": (lambda loop: b"Quittung\n", "kein Paket von Outreach Desktop"),
    "for another device": (lambda loop: loop.receipt(reader=new_identity()), "nicht öffnen"),
    "re-encrypted to this laptop": (recipients_swapped, "nicht für diesen Tresor bestimmt"),
    "forged with the agency's public key": (signed_by_another_key, "Signatur passt nicht"),
    "from another agency": (
        lambda loop: loop.receipt(signer=new_identity()),
        "nicht von der Dienststelle, der dieser Tresor beigetreten ist",
    ),
    "an export": (an_export, "ist ein Export, erwartet wurde eine Quittung"),
    "no acknowledgements": (lambda loop: loop.receipt([]), "bestätigt keinen Eintrag"),
    "a record named twice": (
        lambda loop: loop.receipt([loop.ack(r) for r in loop.sent + loop.sent[-1:]]),
        "nennt einen Eintrag mehrfach",
    ),
    "a record never sent": (
        lambda loop: naming(loop, lambda r: replace(r, id=str(uuid.uuid4()))),
        r"nennt 1 Einträge, die dieser Laptop so nicht gesendet hat \(Gedächtnisprotokolle "
        r".* nie gesendet\); sie wird ganz abgelehnt",
    ),
    "another revision": (
        lambda loop: naming(loop, lambda r: replace(r, revision=r.revision + 1)),
        "in dieser Fassung nicht gesendet",
    ),
    "another content hash": (
        lambda loop: naming(loop, lambda r: replace(r, content_hash="0" * 64)),
        "in dieser Fassung nicht gesendet",
    ),
}


@pytest.mark.parametrize("case", list(BAD))
def test_a_bad_receipt_is_refused_and_changes_nothing(loop: Loop, case: str) -> None:
    make, match = BAD[case]
    loop.refuses(make(loop), match)
    assert ExportTracking(db_of(loop.laptop)).awaiting_receipt() != []


def test_the_same_receipt_again_changes_nothing(loop: Loop) -> None:
    written = loop.office.receipts.write_receipt(loop.laptop.info().device_id, loop.stick)
    assert written.path is not None
    first = loop.laptop.receipts.import_receipt(written.path, TAKEN)
    assert first.entered == 5 and first.purged is not None and first.purged.total == 4
    before = stored_tables(loop.laptop, but=("sync_log",))
    again = loop.laptop.receipts.import_receipt(written.path, TAKEN + timedelta(days=1))
    assert again.already and again.lines() == [
        "Quittung Nr. 1 wurde bereits übernommen; nichts geändert."
    ]
    assert stored_tables(loop.laptop, but=("sync_log",)) == before
    assert loop.laptop.sync_log.lines()[0].result == "already"


def test_an_older_sequence_is_a_replay(loop: Loop) -> None:
    first, second = loop.receipt(sequence=1), loop.receipt(sequence=2)
    assert loop.laptop.receipts.import_receipt(second, TAKEN).entered == 5
    loop.refuses(first, "älter als eine bereits übernommene")
    loop.refuses(loop.receipt(sequence=2), "älter als eine bereits übernommene")  # other id


def test_a_gap_is_reported(loop: Loop) -> None:
    taken = loop.laptop.receipts.import_receipt(loop.receipt(sequence=3), TAKEN)
    assert "Quittungen Nr. 1 bis 2 fehlen hier noch (Lücke)." in taken.lines()
    assert taken.entered == 5


def test_an_older_revision_than_the_one_last_sent_is_passed_over(loop: Loop) -> None:
    """The office answered an earlier bundle; the protocol went out again meanwhile (a new
    addendum): its acknowledgement is reported and changes nothing, the others are taken."""
    (protocol,) = [r for r in loop.sent if r.kind == "protocols"]
    newer = replace(protocol, revision=protocol.revision + 1, content_hash="1" * 64)
    tracking = ExportTracking(db_of(loop.laptop))
    tracking.mark_exported([newer], "bundle-2", UTC_NOW)
    taken = loop.laptop.receipts.import_receipt(loop.receipt(), TAKEN)
    assert taken.entered == 4
    assert any("bestätigt ist eine ältere Fassung" in line for line in taken.lines())
    stored = tracking.get("protocols", protocol.id)
    assert stored is not None and (stored.revision, stored.state) == (newer.revision, None)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.binary(max_size=600), st.booleans())
def test_any_bytes_are_refused_cleanly(loop: Loop, junk: bytes, as_age: bool) -> None:
    data = AGE_MAGIC + junk if as_age else junk
    with pytest.raises(UserError):
        loop.laptop.receipts.import_receipt(data, TAKEN)
    assert ExportTracking(db_of(loop.laptop)).awaiting_receipt() != []
