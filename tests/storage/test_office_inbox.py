"""The office's side: trusted devices, the inbox with transfer marks per revision, rejections
and receipts, conflicts kept for a person, and records stored as another vault stored them."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
import sqlcipher3

from outreach_desktop.domain.people import Client
from outreach_desktop.services.session import Session
from outreach_desktop.services.vaults import create_vault
from outreach_desktop.storage.appointment_repo import AppointmentRepository
from outreach_desktop.storage.bundle_repo import BundleRepository, ImportedBundle
from outreach_desktop.storage.conflict_repo import Conflict, ConflictRepository
from outreach_desktop.storage.consent_repo import ConsentRepository
from outreach_desktop.storage.errors import KeysChanged, RecordInUse, RecordNotFound
from outreach_desktop.storage.exchange_repo import SentRecord
from outreach_desktop.storage.inbox_repo import DeviceRepository, InboxRepository, Stamp
from outreach_desktop.storage.people_repos import ClientRepository, StaffRepository
from outreach_desktop.storage.protocol_repo import ProtocolRepository
from testkit import FAST_KDF, PASSPHRASE
from testkit.exchange import MET, UTC_NOW, age_recipient, client_story, db_of, fake_device
from testkit.exchange import make_office as office_role
from testkit.internals import repository, vault_of

LATER = UTC_NOW + timedelta(hours=1)
PROTOCOL = SentRecord("protocols", "p-1", 2, "hash-2")


@pytest.fixture
def office(session: Session) -> Session:
    office_role(session)
    DeviceRepository(db_of(session)).trust(fake_device("dev-1"))
    bundles = BundleRepository(db_of(session))
    for n in (1, 2, 3):
        bundles.record_import(ImportedBundle(f"b-{n}", "export", "dev-1", n, UTC_NOW))
    return session


def raw(session: Session, sql: str, params: tuple[object, ...] = ()) -> None:
    db_of(session).connection.execute(sql, params)


# ---- devices ---------------------------------------------------------------------------------
def test_a_device_is_trusted_once_with_its_keys(session: Session) -> None:
    office_role(session)
    devices = DeviceRepository(db_of(session))
    device = fake_device("dev-1")
    assert devices.trust(device) is True
    assert devices.trust(device) is False  # the same keys again: nothing to do
    assert devices.get("dev-1") == device
    assert devices.by_fingerprint(device.fingerprint) == device
    for changed in (
        replace(device, age_recipient=age_recipient()),
        replace(device, sign_public=b"\x07" * 32),
        replace(device, fingerprint="ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ"),
        replace(device, device_id="dev-2"),  # another id with the same keys
    ):
        with pytest.raises(KeysChanged, match="anderen Schlüsseln"):
            devices.trust(changed)
    assert devices.all() == [device]
    with pytest.raises(sqlcipher3.IntegrityError, match="device keys fixed"):
        raw(session, "UPDATE devices SET sign_public = zeroblob(32)")


def test_a_laptop_trusts_no_devices(session: Session) -> None:
    with pytest.raises(sqlcipher3.IntegrityError, match="only by an office"):
        DeviceRepository(db_of(session)).trust(fake_device())


# ---- the inbox -------------------------------------------------------------------------------
def test_the_inbox_holds_the_newest_revision_of_its_device(office: Session) -> None:
    inbox = InboxRepository(db_of(office))
    assert inbox.put(PROTOCOL, "dev-1", "b-1", UTC_NOW) is True
    assert inbox.put(PROTOCOL, "dev-1", "b-2", LATER) is False  # the same revision again
    older = replace(PROTOCOL, revision=1, content_hash="hash-1")
    assert inbox.put(older, "dev-1", "b-2", LATER) is False
    entry = inbox.get("protocols", "p-1")
    assert entry is not None and (entry.revision, entry.bundle_id) == (2, "b-1")
    newer = replace(PROTOCOL, revision=3, content_hash="hash-3")
    assert inbox.put(newer, "dev-1", "b-3", LATER) is True
    entry = inbox.get("protocols", "p-1")
    assert entry is not None and entry.as_sent == newer and entry.imported_at == LATER
    assert inbox.get("protocols", "p-2") is None


def test_another_devices_version_is_no_update(office: Session) -> None:
    DeviceRepository(db_of(office)).trust(fake_device("dev-2", "QQQQ-QQQQ-QQQQ-QQQQ-QQQQ"))
    BundleRepository(db_of(office)).record_import(
        ImportedBundle("c-1", "export", "dev-2", 1, UTC_NOW)
    )
    inbox = InboxRepository(db_of(office))
    inbox.put(PROTOCOL, "dev-1", "b-1", UTC_NOW)
    with pytest.raises(sqlcipher3.IntegrityError, match="newest revision of its device"):
        inbox.put(replace(PROTOCOL, revision=5), "dev-2", "c-1", LATER)


def test_marks_are_set_once_for_the_revision_held(office: Session) -> None:
    inbox = InboxRepository(db_of(office))
    inbox.put(PROTOCOL, "dev-1", "b-1", UTC_NOW)
    assert inbox.mark("protocols", "p-1", "verbis", "Birgit Sommer", UTC_NOW) is True
    assert inbox.mark("protocols", "p-1", "verbis", "Jemand anderes", LATER) is False
    assert inbox.mark("protocols", "p-1", "eakte", "staff-2", LATER) is True
    entry = inbox.get("protocols", "p-1")
    assert entry is not None
    assert entry.marks == {
        "verbis": Stamp("Birgit Sommer", UTC_NOW),
        "eakte": Stamp("staff-2", LATER),
    }
    with pytest.raises(RecordNotFound):
        inbox.mark("protocols", "p-9", "verbis", "x", UTC_NOW)
    with pytest.raises(ValueError):
        inbox.mark("protocols", "p-1", "fax", "x", UTC_NOW)  # type: ignore[arg-type]
    for sql in ("UPDATE transfer_marks SET marked_by = 'x'", "DELETE FROM transfer_marks"):
        with pytest.raises(sqlcipher3.IntegrityError, match="append-only"):
            raw(office, sql)
    # a newer revision must be entered again: the marks of the old one do not count for it
    inbox.put(replace(PROTOCOL, revision=3, content_hash="hash-3"), "dev-1", "b-2", LATER)
    entry = inbox.get("protocols", "p-1")
    assert entry is not None and entry.marks == {}
    with pytest.raises(sqlcipher3.IntegrityError, match="another revision"):
        raw(
            office,
            "INSERT INTO transfer_marks VALUES ('protocols', 'p-1', 2, 'benefits', 'x', 't')",
        )


def test_a_rejection_is_for_one_revision(office: Session) -> None:
    inbox = InboxRepository(db_of(office))
    inbox.put(PROTOCOL, "dev-1", "b-1", UTC_NOW)
    assert inbox.reject("protocols", "p-1", "Kundennummer fehlt", "Birgit Sommer", UTC_NOW)
    assert not inbox.reject("protocols", "p-1", "anders", "x", LATER)
    entry = inbox.get("protocols", "p-1")
    assert entry is not None
    assert (entry.rejected, entry.rejected_reason) == (
        Stamp("Birgit Sommer", UTC_NOW),
        "Kundennummer fehlt",
    )
    inbox.put(replace(PROTOCOL, revision=3, content_hash="hash-3"), "dev-1", "b-2", LATER)
    entry = inbox.get("protocols", "p-1")
    assert entry is not None and entry.rejected is None and entry.rejected_reason == ""


def test_what_no_receipt_named_yet(office: Session) -> None:
    inbox = InboxRepository(db_of(office))
    client = SentRecord("clients", "c-1", 1, "hash-c")
    inbox.put(PROTOCOL, "dev-1", "b-1", UTC_NOW)
    inbox.put(client, "dev-1", "b-1", UTC_NOW)
    assert {e.id for e in inbox.unreceipted("dev-1")} == {"p-1", "c-1"}
    assert inbox.unreceipted("dev-2") == []
    inbox.put(replace(PROTOCOL, revision=3, content_hash="hash-3"), "dev-1", "b-2", LATER)
    # the receipt was made from revision 2: it names that one, the newer stays unreceipted
    inbox.mark_receipted([PROTOCOL, client], "r-1", LATER)
    assert [(e.id, e.revision, e.receipted_revision) for e in inbox.unreceipted("dev-1")] == [
        ("p-1", 3, None)
    ]
    entry = inbox.get("clients", "c-1")
    assert entry is not None
    assert (entry.receipted_revision, entry.receipt_bundle_id, entry.receipted_at) == (
        1,
        "r-1",
        LATER,
    )
    assert [e.id for e in inbox.entries("dev-1")] == ["c-1", "p-1"]
    assert len(inbox.entries()) == 2


def test_the_inbox_only_at_the_office(session: Session) -> None:
    """Its records come from trusted devices, and only an office trusts devices."""
    with pytest.raises(RecordInUse, match="verknüpfter Eintrag fehlt"):
        InboxRepository(db_of(session)).put(PROTOCOL, "dev-1", "b-1", UTC_NOW)


# ---- conflicts -------------------------------------------------------------------------------
def conflict(**changes: object) -> Conflict:
    base = Conflict(
        kind="clients",
        record_id="c-1",
        sender="dev-2",
        revision=4,
        content_hash="hash-other",
        fields={"display_name": "Ute Voß", "address": "Am Markt 1"},
        bundle_id="c-1",
        found_at=UTC_NOW,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def test_a_conflict_is_kept_once_and_decided_once(office: Session) -> None:
    conflicts = ConflictRepository(db_of(office))
    first = conflicts.add(conflict())
    assert conflicts.add(conflict(bundle_id="c-2", found_at=LATER)) == first  # the same again
    second = conflicts.add(conflict(content_hash="hash-third", revision=5))
    assert [c.id for c in conflicts.open()] == [first, second]
    stored = conflicts.get(first)
    assert stored == conflict(id=first)
    assert conflicts.resolve(first, "kept", "Birgit Sommer", LATER) is True
    assert conflicts.resolve(first, "replaced", "x", LATER) is False
    assert [c.id for c in conflicts.open()] == [second]
    decided = conflicts.get(first)
    assert decided is not None
    assert (decided.resolution, decided.resolved_by, decided.resolved_at) == (
        "kept",
        "Birgit Sommer",
        LATER,
    )
    assert [c.id for c in conflicts.for_record("clients", "c-1")] == [first, second]
    # found again after the decision: a new conflict for a person
    assert conflicts.add(conflict()) not in (first, second)
    for sql in (
        "UPDATE conflicts SET fields = '{}' WHERE id = ?",
        "UPDATE conflicts SET resolution = 'replaced' WHERE id = ?",
    ):
        with pytest.raises(sqlcipher3.IntegrityError, match="resolved once"):
            raw(office, sql, (first,))


def test_conflict_fields_are_an_object(office: Session) -> None:
    with pytest.raises(sqlcipher3.IntegrityError, match="CHECK"):
        raw(
            office,
            "INSERT INTO conflicts (record_kind, record_id, sender, revision, content_hash,"
            " fields, bundle_id, found_at) VALUES ('clients', 'c', 's', 1, 'h', '[]', 'b', 't')",
        )


# ---- records as another vault stored them ----------------------------------------------------
def test_a_record_is_stored_as_received(office: Session) -> None:
    clients = repository(office, ClientRepository)
    received = Client(display_name="Ute Voß", address="Lindenweg 4", revision=3)
    received.origin_device, received.created_at, received.updated_at = "dev-1", UTC_NOW, LATER
    assert clients.store_received(received) is True
    stored = clients.get(received.id)
    assert (stored.revision, stored.origin_device, stored.updated_at) == (3, "dev-1", LATER)
    assert clients.store_received(received) is False
    assert clients.store_received(replace(received, revision=2, address="alt")) is False
    newer = replace(received, revision=5, address="Am Markt 1")
    assert clients.store_received(newer) is True
    assert clients.get(received.id).address == "Am Markt 1"
    assert [c.id for c in office.clients.search("markt")] == [received.id]


def test_a_visit_arrives_at_the_office_as_stored_on_the_laptop(
    session: Session, tmp_path: Path
) -> None:
    laptop = client_story(
        session, "Ute Voß", "Lindenweg 4", "Briefkasten defekt.", "Handynummer berichtigt."
    )
    office = create_vault(tmp_path / "office", PASSPHRASE, owner_name="Birgit Sommer", kdf=FAST_KDF)
    try:
        office_role(office)
        owner = replace(session.owner(), is_owner=False)  # (vault-local, not in the bundle)
        for kind, record in (
            (StaffRepository, owner),
            (ClientRepository, laptop.client),
            (AppointmentRepository, laptop.appointment),
            (ConsentRepository, laptop.consent),
            (ProtocolRepository, laptop.protocol),
        ):
            assert repository(office, kind).store_received(record) is True  # type: ignore[arg-type]
        arrived = office.protocols.get(laptop.protocol.id)
        assert arrived == laptop.protocol  # fields, addenda, revision, origin device, times
        assert arrived.origin_device == vault_of(session).device_id
        assert office.consents.get(laptop.consent.id).signed_pdf == laptop.consent.signed_pdf
        hits = {(h.kind, h.ref) for h in office.protocols.search("Voß Briefkasten")}
        assert ("protocol", laptop.protocol.id) in hits
        # a second addendum on the laptop: a newer revision, appended at the office
        by = session.owner().id  # type: ignore[union-attr]
        newer = session.protocols.add_addendum(laptop.protocol.id, "Zweiter Nachtrag", MET, by)
        protocols = repository(office, ProtocolRepository)
        assert protocols.store_received(newer) is True
        assert protocols.store_received(laptop.protocol) is False  # the older one: nothing
        stored = office.protocols.get(newer.id)
        assert [a.text for a in stored.addenda] == ["Handynummer berichtigt.", "Zweiter Nachtrag"]
        assert stored.revision == newer.revision
    finally:
        office.lock()
