"""Schema 8, the exchange's bookkeeping: the role, the vault's own keys, the joined agency, bundle
sequences and imported bundles, and the two logs — with what the database refuses whatever the
code does (raw SQL where a trigger is the point)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
import sqlcipher3

from outreach_desktop.services.session import Session
from outreach_desktop.storage.bundle_repo import BundleRepository, ImportedBundle
from outreach_desktop.storage.errors import BundleReplayed, IdentityExists, KeysChanged, RoleFixed
from outreach_desktop.storage.exchange_repo import Agency, AgencyRepository, SentRecord
from outreach_desktop.storage.identity_repo import IdentityRepository
from outreach_desktop.storage.inbox_repo import DeviceRepository
from outreach_desktop.storage.migrations import load_migrations
from outreach_desktop.storage.sync_log import DeletionLog, SyncEntry, SyncLog
from testkit.exchange import (
    UTC_NOW,
    age_recipient,
    db_of,
    fake_device,
    fake_identity,
    make_office,
    send,
)


def agency(**changes: object) -> Agency:
    base = Agency(
        name="Jobcenter Lüchow-Dannenberg",
        fingerprint="AAAA-BBBB-CCCC-DDDD-EEEE",
        age_recipient="age1agencyagencyagencyagencyagencyagencyagencyagencyagencyag",
        sign_public=b"\x01" * 32,
        rules={"min_failed_calls": 2, "letter_windows": [[28, 21], [14, 7]]},
        retention_days=14,
        joined_at=UTC_NOW,
        setup_file=b"signed setup file",
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def refused(session: Session, sql: str, message: str, params: tuple[object, ...] = ()) -> None:
    """Raw SQL, past every repository: the database itself refuses."""
    with pytest.raises(sqlcipher3.IntegrityError, match=message):
        db_of(session).connection.execute(sql, params)


# ---- role ------------------------------------------------------------------------------------
def test_a_new_vault_is_a_field_vault_at_schema_8_or_later(session: Session) -> None:
    db = db_of(session)
    assert load_migrations()[-1].version >= 8  # schema 9 added outcome corrections
    assert IdentityRepository(db).role() == "field"
    assert db.scalar("SELECT count(*) FROM meta WHERE key = 'role'") == 0  # the default
    device = IdentityRepository(db).get("device")  # made by the services when they open it
    assert device is not None and device.age_recipient.startswith("age1")
    assert db.scalar("PRAGMA secure_delete") == 1
    assert db.scalar("SELECT v FROM search_index_config WHERE k = 'secure-delete'") == 1


def test_a_fresh_vault_becomes_an_office(session: Session) -> None:
    ids = IdentityRepository(db_of(session))
    ids.set_role("office")
    assert ids.role() == "office"
    ids.set_role("field")  # nothing exchanged yet: still free
    assert ids.role() == "field"
    with pytest.raises(ValueError):
        ids.set_role("boss")  # type: ignore[arg-type]
    refused(session, "INSERT INTO meta (key, value) VALUES ('role', 'boss')", "role unknown")


def test_the_role_is_fixed_once_the_vault_exchanged(session: Session) -> None:
    ids = IdentityRepository(db_of(session))
    send(db_of(session), [SentRecord("clients", "c1", 1, "h")])
    with pytest.raises(RoleFixed, match="Bürotresor"):
        ids.set_role("office")
    refused(session, "INSERT INTO meta (key, value) VALUES ('role', 'office')", "role fixed")
    ids.set_role("field")  # the same role again changes nothing, and is written down
    refused(session, "UPDATE meta SET value = 'office' WHERE key = 'role'", "role fixed")
    refused(session, "UPDATE meta SET key = 'former role' WHERE key = 'role'", "role fixed")
    assert ids.role() == "field"


def test_an_office_stays_an_office(session: Session) -> None:
    make_office(session)
    ids = IdentityRepository(db_of(session))
    ids.save(fake_identity("agency"))
    with pytest.raises(RoleFixed):
        ids.set_role("field")
    refused(session, "DELETE FROM meta WHERE key = 'role'", "role fixed")


# ---- the vault's own keys --------------------------------------------------------------------
def test_identity_is_stored_once_and_never_replaced(session: Session) -> None:
    ids = IdentityRepository(db_of(session))
    device = ids.get("device")  # made by the services when the vault was created
    assert device is not None
    assert "AGE-SECRET" not in repr(device) and device.sign_private.hex() not in repr(device)
    with pytest.raises(IdentityExists):
        ids.save(fake_identity("device"))
    assert ids.get("device") == device
    refused(session, "UPDATE identities SET age_recipient = 'age1other'", "identity kept")
    refused(session, "DELETE FROM identities", "identity kept")


def test_agency_identity_only_in_an_office(session: Session) -> None:
    ids = IdentityRepository(db_of(session))
    with pytest.raises(sqlcipher3.IntegrityError, match="only in an office"):
        ids.save(fake_identity("agency"))
    make_office(session)
    ids.save(fake_identity("agency"))
    assert ids.get("agency") is not None


@pytest.mark.parametrize(
    "change",
    [
        {"age_identity": "age1notasecret"},
        {"age_recipient": "AGE-SECRET-KEY-1WRONGWAYROUND"},
        {"sign_private": b"\x00" * 31},
        {"sign_public": b"\x00" * 64},
    ],
)
def test_identity_columns_hold_what_they_say(session: Session, change: dict[str, object]) -> None:
    make_office(session)  # the device row exists already: try the agency's
    with pytest.raises(sqlcipher3.IntegrityError, match="CHECK"):
        IdentityRepository(db_of(session)).save(replace(fake_identity("agency"), **change))  # type: ignore[arg-type]


# ---- the joined agency -----------------------------------------------------------------------
def test_agency_join_and_a_newer_setup_file(session: Session) -> None:
    repo = AgencyRepository(db_of(session))
    assert repo.get() is None
    repo.save(agency())
    assert repo.get() == agency()
    newer = agency(retention_days=0, rules={"min_failed_calls": 3}, setup_file=b"v2")
    repo.save(newer)
    assert repo.get() == newer
    for other in (
        {"fingerprint": "ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ"},
        {"age_recipient": age_recipient()},
        {"sign_public": b"\x02" * 32},
    ):
        with pytest.raises(KeysChanged, match="anderen Schlüsseln"):
            repo.save(replace(newer, **other))  # type: ignore[arg-type]
    assert repo.get() == newer


def test_an_office_joins_no_agency(session: Session) -> None:
    make_office(session)
    with pytest.raises(sqlcipher3.IntegrityError, match="only a field vault"):
        AgencyRepository(db_of(session)).save(agency())


def test_agency_rules_are_a_json_object(session: Session) -> None:
    refused(
        session,
        "INSERT INTO agency VALUES (1, 'x', 'f', 'age1x', zeroblob(32), '[1]', 14, 't', x'00')",
        "CHECK",
    )
    refused(
        session,
        "INSERT INTO agency VALUES (1, 'x', 'f', 'age1x', zeroblob(32), '{}', -1, 't', x'00')",
        "CHECK",
    )


# ---- bundle sequences --------------------------------------------------------------------------
def test_sequences_count_per_kind_and_peer(session: Session) -> None:
    bundles = BundleRepository(db_of(session))
    assert bundles.next_sequence("export") == 1
    assert [bundles.claim_sequence("export") for _ in range(3)] == [1, 2, 3]
    assert bundles.claim_sequence("receipt", "dev-1") == 1
    assert bundles.claim_sequence("receipt", "dev-2") == 1
    assert bundles.claim_sequence("receipt", "dev-1") == 2
    assert bundles.next_sequence("export") == 4


def test_a_bundle_that_fails_leaves_no_gap(session: Session) -> None:
    bundles = BundleRepository(db_of(session))
    bundles.claim_sequence("export")
    with pytest.raises(OSError), db_of(session).transaction():
        assert bundles.claim_sequence("export") == 2
        raise OSError("medium full")
    assert bundles.claim_sequence("export") == 2


def test_a_sequence_only_grows(session: Session) -> None:
    BundleRepository(db_of(session)).claim_sequence("export")
    BundleRepository(db_of(session)).claim_sequence("export")
    refused(session, "UPDATE bundle_sequences SET last_sequence = 1", "only grows")
    refused(session, "DELETE FROM bundle_sequences", "only grows")


# ---- bundles taken ---------------------------------------------------------------------------
def receipt(sequence: int, bundle_id: str | None = None) -> ImportedBundle:
    return ImportedBundle(
        bundle_id=bundle_id or f"receipt-{sequence}",
        kind="receipt",
        sender="AAAA-BBBB-CCCC-DDDD-EEEE",
        sequence=sequence,
        imported_at=UTC_NOW + timedelta(minutes=sequence),
        counts={"acknowledgements": 3},
    )


def test_bundles_taken_and_the_last_accepted(session: Session) -> None:
    bundles = BundleRepository(db_of(session))
    assert bundles.last_accepted("receipt", "AAAA-BBBB-CCCC-DDDD-EEEE") is None
    bundles.record_import(receipt(1))
    bundles.record_import(receipt(3))  # a gap is taken (the services report it)
    assert bundles.find("receipt-1") == receipt(1)
    assert bundles.find("receipt-2") is None
    assert bundles.last_accepted("receipt", "AAAA-BBBB-CCCC-DDDD-EEEE") == receipt(3)
    assert [b.bundle_id for b in bundles.imported()] == ["receipt-3", "receipt-1"]
    assert bundles.imported("export") == []


@pytest.mark.parametrize("sequence", [1, 2])
def test_a_replayed_sequence_is_refused(session: Session, sequence: int) -> None:
    bundles = BundleRepository(db_of(session))
    bundles.record_import(receipt(2))
    with pytest.raises(BundleReplayed, match="Wiederholung"):
        bundles.record_import(receipt(sequence, bundle_id="forged"))
    assert bundles.find("forged") is None


def test_bundles_taken_are_never_changed(session: Session) -> None:
    BundleRepository(db_of(session)).record_import(receipt(1))
    refused(session, "UPDATE imported_bundles SET sequence = 9", "append-only")
    refused(session, "DELETE FROM imported_bundles", "append-only")


def test_an_export_only_from_a_trusted_device(session: Session) -> None:
    make_office(session)
    export = ImportedBundle("b-1", "export", "dev-1", 1, UTC_NOW, {"protocols": 2})
    with pytest.raises(sqlcipher3.IntegrityError, match="unknown device"):
        BundleRepository(db_of(session)).record_import(export)
    DeviceRepository(db_of(session)).trust(fake_device("dev-1"))
    BundleRepository(db_of(session)).record_import(export)
    BundleRepository(db_of(session)).record_import(replace(export, bundle_id="b-2", sequence=4))
    device = DeviceRepository(db_of(session)).get("dev-1")
    assert device is not None and (device.last_sequence, device.last_bundle_id) == (4, "b-2")


# ---- the logs --------------------------------------------------------------------------------
def test_sync_log_is_append_only(session: Session) -> None:
    log = SyncLog(db_of(session))
    first = SyncEntry(UTC_NOW, "join", "ok", detail="Dienststelle AAAA-BBBB beigetreten")
    second = SyncEntry(UTC_NOW, "export", "ok", "b-1", {"protocols": 2, "clients": 1})
    log.append(first)
    log.append(second)
    assert log.entries() == [second, first]
    assert log.entries(limit=1) == [second]
    refused(session, "UPDATE sync_log SET result = 'ok'", "append-only")
    refused(session, "DELETE FROM sync_log", "append-only")


@pytest.mark.parametrize(
    "counts", ['{"protocols": "2"}', '{"protocols": 1.5}', '{"protocols": -1}', "[1]", "nope"]
)
def test_counts_are_integers(session: Session, counts: str) -> None:
    refused(
        session,
        "INSERT INTO sync_log (at, action, counts, result) VALUES ('t', 'export', ?, 'ok')",
        "counts are integers",
        (counts,),
    )
    refused(
        session,
        "INSERT INTO imported_bundles VALUES ('b', 'receipt', 's', 1, 't', ?)",
        "counts are integers",
        (counts,),
    )


def test_sync_log_detail_is_short_and_its_words_known(session: Session) -> None:
    with pytest.raises(sqlcipher3.IntegrityError, match="CHECK"):
        SyncLog(db_of(session)).append(SyncEntry(UTC_NOW, "export", "ok", detail="x" * 301))
    refused(
        session,
        "INSERT INTO sync_log (at, action, result) VALUES ('t', 'delete-all', 'ok')",
        "CHECK",
    )


def test_deletion_log_is_append_only(session: Session) -> None:
    db = db_of(session)
    db.execute(
        "INSERT INTO deletion_log (at, record_kind, count, receipt_bundle_id)"
        " VALUES ('2026-11-28T14:00:00Z', 'protocols', 3, 'r-1')"
    )
    assert [(e.record_kind, e.count) for e in DeletionLog(db).entries()] == [("protocols", 3)]
    refused(session, "UPDATE deletion_log SET count = 1", "append-only")
    refused(session, "DELETE FROM deletion_log", "append-only")
    refused(
        session,
        "INSERT INTO deletion_log (at, record_kind, count, receipt_bundle_id)"
        " VALUES ('t', 'protocols', 0, 'r')",
        "CHECK",
    )
