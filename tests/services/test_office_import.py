"""Import at the office with real vaults and real crypto: a laptop holding the demo exports, the
office verifies and merges. A new device waits for a person; the same bundle twice changes
nothing; a newer revision updates (a protocol that gained an addendum); other content under a
known id is a conflict kept beside the stored record; one bad file never stops the others."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from outreach_desktop.domain.errors import DomainError
from outreach_desktop.domain.protocols import Protocol
from outreach_desktop.exchange.records import content_hash, to_record
from outreach_desktop.services.inbox import record_repositories
from outreach_desktop.services.office_import import ImportResult
from outreach_desktop.services.session import Session
from outreach_desktop.storage.bundle_repo import BundleRepository
from outreach_desktop.storage.conflict_repo import ConflictRepository
from outreach_desktop.storage.protocol_repo import ProtocolRepository
from outreach_desktop.storage.sync_log import SyncLog
from testkit.bundles import (
    Json,
    agency_party,
    export,
    export_members,
    laptop_export,
    laptop_records,
    new_party,
)
from testkit.exchange import db_of
from testkit.internals import repository, stored_tables
from testkit.stations import IMPORTED, Stations, assert_only_the_refusal_logged

LATER = IMPORTED + timedelta(days=1)


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def import_one(office: Session, path: Path, *, trust: set[str] | None = None,
               now: datetime = IMPORTED) -> ImportResult:  # fmt: skip
    [result] = office.inbox.import_files([path], now, trust or set(), trusted_by="Birgit Sommer")
    return result


def first_import(st: Stations, tmp_path: Path) -> ImportResult:
    """The laptop's first export, its device confirmed by fingerprint."""
    path = write(tmp_path, "OD-1.age", laptop_export(st.laptop, st.office, 1))
    fingerprint = st.laptop.identity.device_fingerprint()
    result = import_one(st.office, path, trust={fingerprint})
    assert result.status == "accepted", result.message
    return result


def next_import(
    st: Stations, tmp_path: Path, records: dict[str, list[Json]] | None = None, sequence: int = 2
) -> ImportResult:
    """The laptop's next export (of `records`, else all it holds), a day later."""
    data = laptop_export(st.laptop, st.office, sequence, records)
    return import_one(st.office, write(tmp_path, f"OD-{sequence}.age", data), now=LATER)


def rehashed(kind: str, record: Json, revision_step: int) -> Json:
    """`record` after its fields were changed: another revision, its content hash made to fit."""
    record["revision"] += revision_step
    record["content_hash"] = content_hash(kind, record["id"], record["fields"])
    return record


def office_record(office: Session, kind: str, record_id: str) -> Json:
    vault_db = db_of(office)
    found = record_repositories(vault_db, "office")[kind].find(record_id)
    assert found is not None
    return to_record(kind, found)


def finalized_protocol(laptop: Session) -> Protocol:
    return next(p for p in repository(laptop, ProtocolRepository).all() if p.is_final)


def counts(result: ImportResult, outcome: str) -> dict[str, int]:
    return {kind: c[outcome] for kind, c in result.counts.items() if c[outcome]}


# ---- the happy path ------------------------------------------------------------------------
def test_a_new_device_waits_until_a_person_confirmed_its_fingerprint(
    stations: Stations, tmp_path: Path
) -> None:
    path = write(tmp_path, "OD-1.age", laptop_export(stations.laptop, stations.office))
    before = stored_tables(stations.office)
    result = import_one(stations.office, path)
    fingerprint = stations.laptop.identity.device_fingerprint()
    assert result.status == "refused" and result.unknown_device
    assert result.fingerprint == fingerprint and fingerprint in result.message
    assert result.line.startswith("OD-1.age: Unbekanntes Gerät")
    assert_only_the_refusal_logged(stations.office, before, result)

    result = import_one(stations.office, path, trust={fingerprint})
    assert result.status == "accepted" and "neu bestätigt" in result.message


def test_the_demo_laptop_arrives_whole(stations: Stations, tmp_path: Path) -> None:
    result = first_import(stations, tmp_path)
    sent = laptop_records(stations.laptop)
    assert counts(result, "new") == {kind: len(found) for kind, found in sent.items() if found}
    for kind, found in sent.items():
        for record in found:
            assert office_record(stations.office, kind, record["id"]) == record, (kind, record)
    entries = {(e.kind, e.id) for g in stations.office.inbox.entries(everything=True)
               for e in g.items}  # fmt: skip
    assert entries == {(kind, r["id"]) for kind, found in sent.items() for r in found}
    [entry] = SyncLog(db_of(stations.office)).entries(1)
    assert (entry.action, entry.result, entry.bundle_id) == ("import", "ok", result.bundle_id)
    assert entry.counts["protocols.new"] == len(sent["protocols"])
    assert stations.laptop.info().device_id in entry.detail
    assert "OD-1" not in entry.detail  # no paths in the sync log
    trusted = [e for e in SyncLog(db_of(stations.office)).entries() if e.action == "trust"]
    assert len(trusted) == 1 and result.fingerprint in trusted[0].detail


def test_the_same_bundle_twice_changes_nothing(stations: Stations, tmp_path: Path) -> None:
    first = first_import(stations, tmp_path)
    before = stored_tables(stations.office)
    again = import_one(stations.office, tmp_path / "OD-1.age", now=LATER)
    assert again.status == "already" and again.ok
    assert again.message.startswith("bereits eingelesen am 30.11.2026 (Paket 1 von Gerät")
    assert again.bundle_id == first.bundle_id
    assert stored_tables(stations.office) == before


def test_the_same_records_in_a_new_bundle_are_the_same(stations: Stations, tmp_path: Path) -> None:
    """The content hashes of what the office stored are those the laptop sent."""
    first_import(stations, tmp_path)
    result = next_import(stations, tmp_path)
    assert result.status == "accepted"
    assert counts(result, "new") == counts(result, "updated") == counts(result, "conflicts") == {}
    assert (
        sum(counts(result, "same").values()) == 74
    )  # the demo laptop's records (a release on a Walk and Talk since schema 11)


def test_a_gap_in_the_sequence_is_accepted_and_reported(stations: Stations, tmp_path: Path) -> None:
    first_import(stations, tmp_path)
    result = next_import(stations, tmp_path, sequence=4)
    assert result.status == "accepted" and result.missing == (2, 3)
    assert "Lücke: Pakete 2 bis 3 fehlen" in result.message
    assert "Lücke: Paket 5 fehlt" in next_import(stations, tmp_path, sequence=6).message


# ---- newer revisions and conflicts ---------------------------------------------------------
def test_a_protocol_that_gained_an_addendum_is_updated(stations: Stations, tmp_path: Path) -> None:
    first_import(stations, tmp_path)
    protocol = finalized_protocol(stations.laptop)
    office = stations.office.inbox
    office.mark("protocols", protocol.id, "verbis", "Birgit Sommer", IMPORTED)
    changed = stations.laptop.protocols.add_addendum(
        protocol.id,
        "Nachtrag: Termin beim Träger steht.",
        datetime(2026, 11, 29, 9),
        protocol.finalized_by or "",
    )
    result = next_import(stations, tmp_path)
    assert counts(result, "updated") == {"protocols": 1}
    assert counts(result, "conflicts") == {}
    stored = office_record(stations.office, "protocols", protocol.id)
    assert stored == to_record("protocols", changed)
    assert stored["fields"]["addenda"][-1]["text"] == "Nachtrag: Termin beim Träger steht."
    item = office.item("protocols", protocol.id)
    assert item.revision == changed.revision
    assert item.marks == {} and item.waiting  # the mark was for the revision before


def test_the_same_content_saved_again_keeps_its_marks(stations: Stations, tmp_path: Path) -> None:
    """A higher revision with the same content: the office follows the revision (the receipt
    names what the laptop sent last) and what a person marked still holds."""
    first_import(stations, tmp_path)
    protocol = finalized_protocol(stations.laptop)
    stations.office.inbox.mark("protocols", protocol.id, "verbis", "Birgit Sommer", IMPORTED)
    sent_revision = protocol.revision
    saved = repository(stations.laptop, ProtocolRepository).save(protocol, check=False)
    assert saved.revision == sent_revision + 1
    result = next_import(stations, tmp_path)
    assert counts(result, "updated") == {} and result.counts["protocols"]["same"] >= 1
    item = stations.office.inbox.item("protocols", protocol.id)
    assert item.revision == saved.revision
    assert item.marks["verbis"].by == "Birgit Sommer" and item.marks["verbis"].at == IMPORTED


def changed_client(records: dict[str, list[Json]], *, revision_step: int) -> Json:
    client = records["clients"][0]
    client["fields"]["address"] = "Am Kanal 7, 29439 Lüchow"
    return rehashed("clients", client, revision_step)


def test_other_content_at_the_same_revision_is_a_conflict(
    stations: Stations, tmp_path: Path
) -> None:
    first_import(stations, tmp_path)
    records = laptop_records(stations.laptop)
    client = changed_client(records, revision_step=0)
    stored = office_record(stations.office, "clients", client["id"])
    result = next_import(stations, tmp_path, records)
    assert counts(result, "conflicts") == {"clients": 1}
    assert office_record(stations.office, "clients", client["id"]) == stored
    [conflict] = ConflictRepository(db_of(stations.office)).open()
    assert (conflict.kind, conflict.record_id, conflict.content_hash) == (
        "clients", client["id"], client["content_hash"],
    )  # fmt: skip
    assert conflict.fields == client["fields"] and conflict.sender == result.device_id


def test_a_newer_revision_updates_and_an_older_one_is_a_conflict(
    stations: Stations, tmp_path: Path
) -> None:
    first_import(stations, tmp_path)
    records = laptop_records(stations.laptop)
    client = changed_client(records, revision_step=1)
    result = next_import(stations, tmp_path, records)
    assert counts(result, "updated") == {"clients": 1} and counts(result, "conflicts") == {}
    assert office_record(stations.office, "clients", client["id"]) == client
    assert stations.office.inbox.item("clients", client["id"]).revision == client["revision"]

    result = next_import(stations, tmp_path, sequence=3)
    assert counts(result, "conflicts") == {"clients": 1} and counts(result, "updated") == {}
    assert office_record(stations.office, "clients", client["id"]) == client


def test_a_rewritten_finalized_protocol_is_a_conflict(stations: Stations, tmp_path: Path) -> None:
    first_import(stations, tmp_path)
    records = laptop_records(stations.laptop)
    protocol = next(p for p in records["protocols"] if p["fields"]["finalized_at"])
    stored = office_record(stations.office, "protocols", protocol["id"])
    protocol["fields"]["course"] = "Ganz anders gewesen."
    rehashed("protocols", protocol, 1)
    result = next_import(stations, tmp_path, records)
    assert counts(result, "conflicts") == {"protocols": 1} and counts(result, "updated") == {}
    assert office_record(stations.office, "protocols", protocol["id"]) == stored


def test_another_device_claiming_a_known_id_is_a_conflict(
    stations: Stations, tmp_path: Path
) -> None:
    first_import(stations, tmp_path)
    records = laptop_records(stations.laptop)
    client = changed_client(records, revision_step=5)
    stored = office_record(stations.office, "clients", client["id"])
    other = new_party()
    data = export(other, agency_party(stations.office),
                  export_members({"clients": [client]}, {}))  # fmt: skip
    path = write(tmp_path, "OD-other-1.age", data)
    result = import_one(stations.office, path, trust={other.public.fingerprint})
    assert result.status == "accepted" and counts(result, "conflicts") == {"clients": 1}
    assert office_record(stations.office, "clients", client["id"]) == stored


# ---- several files -------------------------------------------------------------------------
def test_one_bad_file_never_stops_the_others(stations: Stations, tmp_path: Path) -> None:
    fingerprint = stations.laptop.identity.device_fingerprint()
    files = [
        write(tmp_path, "OD-1.age", laptop_export(stations.laptop, stations.office, 1)),
        write(tmp_path, "kaputt.age", b"age-encryption.org/v1\n-> X25519 kaputt\n"),
        tmp_path / "fehlt.age",
        write(tmp_path, "OD-2.age", laptop_export(stations.laptop, stations.office, 2)),
    ]
    results = stations.office.inbox.import_files(files, IMPORTED, {fingerprint}, trusted_by="B")
    assert [r.status for r in results] == ["accepted", "refused", "refused", "accepted"]
    assert [r.path for r in results] == files
    assert "fehlt.age" in results[2].message and "gibt es nicht" in results[2].message
    taken = BundleRepository(db_of(stations.office)).imported("export")
    assert sorted(b.sequence for b in taken) == [1, 2]
    refused = [e for e in SyncLog(db_of(stations.office)).entries() if e.result == "refused"]
    assert [e.detail for e in refused] == ["Die Datei ließ sich nicht lesen.", results[1].message]


def test_progress_is_told_and_may_stop(stations: Stations, tmp_path: Path) -> None:
    files = [write(tmp_path, f"OD-{n}.age", b"x") for n in (1, 2, 3)]
    told: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        told.append((done, total))
        return done < 2

    results = stations.office.inbox.import_files(files, IMPORTED, progress=progress)
    assert told == [(0, 3), (1, 3), (2, 3)]
    assert [r.status for r in results] == ["refused", "refused", "cancelled"]


def test_only_an_office_vault_imports(stations: Stations, tmp_path: Path) -> None:
    path = write(tmp_path, "OD-1.age", laptop_export(stations.laptop, stations.office))
    with pytest.raises(DomainError, match="nur der Bürotresor"):
        stations.laptop.inbox.import_files([path], IMPORTED)
