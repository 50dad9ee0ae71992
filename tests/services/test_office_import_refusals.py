"""Every bad input of issue 10, item 8, that reaches the office's import: refused with its one
German sentence, and the office vault exactly as before (every row of every table) but for the
sync log, which keeps the refusal. The office has taken the laptop's first export already, so a
replay and a changed key are what they are. The attacker's tools are real (pyrage with public
keys, their own Ed25519 key, tar)."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from outreach_desktop.exchange import bundle as b
from outreach_desktop.exchange.archive import BAD_NAME, DAMAGED
from outreach_desktop.exchange.json_text import canonical_json
from outreach_desktop.exchange.keys import new_identity
from outreach_desktop.exchange.manifest import Role
from outreach_desktop.exchange.records import content_hash, form_member
from outreach_desktop.services.office_import import BUNDLE_LIMIT_KEY
from testkit.bundles import (
    Entries,
    Json,
    Party,
    agency_party,
    entries_of,
    export,
    export_members,
    laptop_forms,
    laptop_party,
    laptop_records,
    manifest_of,
    new_party,
    rebuild,
    replace,
    resigned,
    seal,
)
from testkit.internals import stored_tables
from testkit.stations import IMPORTED, Stations, assert_only_the_refusal_logged
from testkit.tars import raw_tar


@dataclass
class Scene:
    """The laptop (trusted, its export 1 taken) and the office, and a good export 2."""

    stations: Stations
    laptop: Party
    agency: Party
    records: dict[str, list[Json]]
    forms: dict[str, bytes]
    good: bytes

    def export(self, members: dict[str, bytes], sequence: int = 2) -> bytes:
        return export(self.laptop, self.agency, members, sequence)

    def rebuild(self, edit: Callable[[Entries], Entries]) -> bytes:
        """The good export taken apart by the laptop (it can read its own) and changed."""
        return rebuild(self.good, self.laptop.identity, edit, self.agency.public)


@pytest.fixture
def scene(stations: Stations, tmp_path: Path) -> Scene:
    laptop, agency = laptop_party(stations.laptop), agency_party(stations.office)
    records, forms = laptop_records(stations.laptop), laptop_forms(stations.laptop)
    first = tmp_path / "OD-1.age"
    first.write_bytes(export(laptop, agency, export_members(records, forms), 1))
    [taken] = stations.office.inbox.import_files(
        [first], IMPORTED, {laptop.public.fingerprint}, trusted_by="Birgit Sommer"
    )
    assert taken.status == "accepted", taken.message
    good = export(laptop, agency, export_members(records, forms), 2)
    return Scene(stations, laptop, agency, records, forms, good)


def refused(scene: Scene, data: bytes, tmp_path: Path) -> str:
    """Import `data` as a file; it must be refused and change nothing but the sync log."""
    path = tmp_path / "OD-bad.age"
    path.write_bytes(data)
    office = scene.stations.office
    before = stored_tables(office)
    [result] = office.inbox.import_files([path], IMPORTED)
    assert result.status == "refused", result.message
    assert result.line == f"OD-bad.age: {result.message}"
    assert_only_the_refusal_logged(office, before, result)
    return result.message


def members_with(scene: Scene, kind: str, data: bytes) -> dict[str, bytes]:
    return {**export_members(scene.records, scene.forms), f"records/{kind}.json": data}


def records_json(records: list[Json]) -> str:
    return json.dumps(records, ensure_ascii=False)


# ---- the file --------------------------------------------------------------------------------
def test_truncated(scene: Scene, tmp_path: Path) -> None:
    assert refused(scene, scene.good[: len(scene.good) // 2], tmp_path) == DAMAGED


def test_one_flipped_bit(scene: Scene, tmp_path: Path) -> None:
    damaged = bytearray(scene.good)
    damaged[len(damaged) // 2] ^= 0x10
    assert refused(scene, bytes(damaged), tmp_path) == DAMAGED


def test_over_the_size_limit(scene: Scene, tmp_path: Path) -> None:
    """The office's limit (1 MB here): a genuine export with a large signed form."""
    scene.stations.office.set_meta(BUNDLE_LIMIT_KEY, "1")
    consent = scene.records["consents"][0]
    form = os.urandom(1024 * 1024 + 1)
    consent["fields"]["signed_form_sha256"] = hashlib.sha256(form).hexdigest()
    consent["revision"] += 1
    consent["content_hash"] = content_hash("consents", consent["id"], consent["fields"])
    forms = {**scene.forms, form_member(consent["id"]): form}
    data = scene.export(export_members(scene.records, forms))
    assert refused(scene, data, tmp_path) == "Die Datei ist größer als erlaubt (1 MB)."


# ---- the wrong reader, forgery, keys -----------------------------------------------------
def test_for_another_recipient(scene: Scene, tmp_path: Path) -> None:
    other = new_party(Role.AGENCY)
    data = export(scene.laptop, other, export_members(scene.records, scene.forms), 2)
    assert refused(scene, data, tmp_path) == b.NOT_DECRYPTABLE
    re_encrypted = rebuild(data, other.identity, lambda e: e, scene.agency.public)
    assert refused(scene, re_encrypted, tmp_path) == b.NOT_FOR_US


def test_no_signature(scene: Scene, tmp_path: Path) -> None:
    data = scene.rebuild(lambda e: [x for x in e if x[0] != "manifest.sig"])
    assert refused(scene, data, tmp_path) == b.NO_SIGNATURE


def test_forged_with_only_the_agency_public_key(scene: Scene, tmp_path: Path) -> None:
    """Someone with the agency's public key and their own signing key, claiming the laptop."""
    attacker = new_identity()
    impostor = Party(attacker, scene.laptop.device_id, Role.FIELD)
    data = export(impostor, scene.agency, export_members(scene.records, scene.forms), 2)
    assert refused(scene, data, tmp_path) == b.KEY_CHANGED

    def sign_as_attacker(entries: Entries) -> Entries:
        manifest = manifest_of(entries)
        return resigned(entries, canonical_json(manifest), attacker)

    assert refused(scene, scene.rebuild(sign_as_attacker), tmp_path) == b.BAD_SIGNATURE


def test_an_unknown_device(scene: Scene, tmp_path: Path) -> None:
    stranger = new_party()
    data = export(stranger, scene.agency, export_members(scene.records, scene.forms))
    message = refused(scene, data, tmp_path)
    assert message.startswith(
        f"Unbekanntes Gerät mit dem Fingerabdruck {stranger.public.fingerprint}"
    )


def test_the_laptops_keys_under_another_device_id(scene: Scene, tmp_path: Path) -> None:
    twin = Party(scene.laptop.identity, "0f0f0f0f-0000-4000-8000-000000000000", Role.FIELD)
    data = export(twin, scene.agency, export_members(scene.records, scene.forms))
    assert "anderen Gerät" in refused(scene, data, tmp_path)


# ---- sequence --------------------------------------------------------------------------------
def test_the_same_bundle_again_changes_nothing(scene: Scene, tmp_path: Path) -> None:
    office = scene.stations.office
    path = tmp_path / "OD-1.age"
    before = stored_tables(office)
    [result] = office.inbox.import_files([path], IMPORTED)
    assert result.status == "already"
    assert stored_tables(office) == before


@pytest.mark.parametrize("sequence", [1, 2])
def test_an_older_or_equal_sequence_is_a_replay(
    scene: Scene, tmp_path: Path, sequence: int
) -> None:
    path = tmp_path / "OD-2.age"
    path.write_bytes(scene.good)
    [taken] = scene.stations.office.inbox.import_files([path], IMPORTED)
    assert taken.status == "accepted"
    data = scene.export(export_members(scene.records, scene.forms), sequence)  # another id
    assert refused(scene, data, tmp_path) == (
        f"Das Paket trägt die Folgenummer {sequence}, von diesem Gerät ist schon Nummer 2 "
        "eingelesen: eine Wiederholung, abgelehnt."
    )


# ---- members against the signed manifest --------------------------------------------------
def test_a_member_whose_hash_does_not_match(scene: Scene, tmp_path: Path) -> None:
    data = scene.rebuild(lambda e: replace(e, "records/clients.json", b"[]"))
    assert refused(scene, data, tmp_path) == b.HASH_MISMATCH


def test_a_missing_member(scene: Scene, tmp_path: Path) -> None:
    data = scene.rebuild(lambda e: [x for x in e if x[0] != "records/clients.json"])
    assert refused(scene, data, tmp_path) == b.MISSING


def test_an_extra_member(scene: Scene, tmp_path: Path) -> None:
    data = scene.rebuild(lambda e: [*e, ("records/notes.json", b"[]")])
    assert refused(scene, data, tmp_path) == b.EXTRA


def test_a_future_format_version(scene: Scene, tmp_path: Path) -> None:
    def newer(entries: Entries) -> Entries:
        manifest = manifest_of(entries)
        manifest["format_version"] = 2
        return resigned(entries, manifest, scene.laptop.identity)

    assert "bitte Outreach Desktop aktualisieren" in refused(scene, scene.rebuild(newer), tmp_path)


@pytest.mark.parametrize("name", ["../records/clients.json", "/records/clients.json"])
def test_member_names_outside_the_rules(scene: Scene, tmp_path: Path, name: str) -> None:
    entries = entries_of(scene.good, scene.laptop.identity)
    tar = raw_tar([(name if n == "records/clients.json" else n, d) for n, d in entries])
    assert refused(scene, seal(tar, scene.agency.public), tmp_path) == BAD_NAME


# ---- the records, signed by the laptop ----------------------------------------------------
def test_duplicate_record_ids(scene: Scene, tmp_path: Path) -> None:
    clients = scene.records["clients"]
    data = scene.export(
        members_with(scene, "clients", records_json([*clients, clients[0]]).encode())
    )
    assert refused(scene, data, tmp_path) == (
        f"Die Datei records/clients.json im Paket enthält den Eintrag {clients[0]['id']} mehrfach."
    )


def test_non_utf8_in_json(scene: Scene, tmp_path: Path) -> None:
    text = records_json(scene.records["clients"]).encode()
    name = scene.records["clients"][0]["fields"]["display_name"].encode()
    data = scene.export(members_with(scene, "clients", text.replace(name, b"Ann\xe4", 1)))
    assert refused(scene, data, tmp_path) == (
        "Die Datei records/clients.json im Paket ist kein gültiges UTF-8."
    )


def test_nul_in_a_json_string(scene: Scene, tmp_path: Path) -> None:
    text = records_json(scene.records["clients"]).encode()
    name = scene.records["clients"][0]["fields"]["display_name"].encode()
    data = scene.export(members_with(scene, "clients", text.replace(name, b"An\\u0000na", 1)))
    assert refused(scene, data, tmp_path) == (
        "Die Datei records/clients.json im Paket enthält ein NUL-Zeichen."
    )


def test_a_content_hash_that_does_not_fit(scene: Scene, tmp_path: Path) -> None:
    clients = [dict(c) for c in scene.records["clients"]]
    clients[0] = {**clients[0], "fields": {**clients[0]["fields"], "address": "anderswo"}}
    data = scene.export(members_with(scene, "clients", records_json(clients).encode()))
    assert "mit falscher Prüfsumme" in refused(scene, data, tmp_path)


def test_a_reference_to_a_record_nowhere(scene: Scene, tmp_path: Path) -> None:
    protocol = next(p for p in scene.records["protocols"] if p["fields"]["finalized_by"])
    ghost = "0e0e0e0e-0000-4000-8000-000000000000"
    protocol["fields"]["finalized_by"] = ghost
    protocol["revision"] += 1
    protocol["content_hash"] = content_hash("protocols", protocol["id"], protocol["fields"])
    data = scene.export(export_members(scene.records, scene.forms))
    assert refused(scene, data, tmp_path) == (
        f"Der Eintrag {protocol['id']} in records/protocols.json verweist auf {ghost} "
        "(records/staff.json), der weder im Paket noch im Bürotresor ist."
    )


def test_a_form_without_its_consent_and_a_consent_without_its_form(
    scene: Scene, tmp_path: Path
) -> None:
    stray = form_member("0d0d0d0d-0000-4000-8000-000000000000")
    data = scene.export({**export_members(scene.records, scene.forms), stray: b"%PDF-1.7\n"})
    assert refused(scene, data, tmp_path) == (
        f"Das Paket enthält das Formular {stray} ohne seine Einwilligung."
    )
    [(path, _form)] = scene.forms.items()
    data = scene.export(export_members(scene.records, {}))
    assert refused(scene, data, tmp_path).endswith(f"fehlt das Formular {path}.")
