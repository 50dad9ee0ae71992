"""Conflicts at the office, made as the import makes them (tests/services/test_office_import.py):
the demo laptop's first export read, its device trusted; then a second export in which stored
records came back with other content that is no newer revision of their own device (the edits
below: a client's address, a finalized protocol rewritten, a consent's topics or its form)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from outreach_desktop.exchange.records import content_hash, form_member
from testkit.bundles import Json, laptop_export, laptop_forms, laptop_records
from testkit.stations import IMPORTED, Stations

FOUND = IMPORTED + timedelta(days=1)  # when the second export is read
NEW_ADDRESS = "Am Kanal 7, 29439 Lüchow"
NEW_COURSE = "Ganz anders gewesen."
NEW_TOPICS = "Bewerbungsunterlagen, Kinderbetreuung"
OTHER_FORM = b"%PDF-1.4\n% another signed form\n"


def read(stations: Stations, folder: Path, sequence: int, records: dict[str, list[Json]] | None,
         forms: dict[str, bytes] | None = None, *, trust: bool = False) -> None:  # fmt: skip
    """The laptop's export number `sequence` of `records` and `forms` (all it holds unless
    given) read at the office."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"OD-{sequence}.age"
    data = laptop_export(stations.laptop, stations.office, sequence, records, forms)
    path.write_bytes(data)
    fingerprints = {stations.laptop.identity.device_fingerprint()} if trust else set()
    when = IMPORTED if sequence == 1 else FOUND
    [result] = stations.office.inbox.import_files([path], when, fingerprints, trusted_by="x")
    assert result.status == "accepted", result.line


def rehashed(kind: str, record: Json, revision_step: int) -> Json:
    record["revision"] += revision_step
    record["content_hash"] = content_hash(kind, record["id"], record["fields"])
    return record


Edit = Callable[[dict[str, list[Json]]], tuple[str, Json]]  # records → (kind, the one changed)


def client_address(records: dict[str, list[Json]]) -> tuple[str, Json]:
    """A client's address other at the same revision."""
    record = records["clients"][0]
    record["fields"]["address"] = NEW_ADDRESS
    return "clients", rehashed("clients", record, 0)


def protocol_rewritten(records: dict[str, list[Json]]) -> tuple[str, Json]:
    """A finalized protocol's course rewritten, at a newer revision."""
    record = next(p for p in records["protocols"] if p["fields"]["finalized_at"])
    record["fields"]["course"] = NEW_COURSE
    return "protocols", rehashed("protocols", record, 1)


def consent_topics(records: dict[str, list[Json]]) -> tuple[str, Json]:
    """The topics of the consent with a signed form other at the same revision (its form the
    same)."""
    record = next(c for c in records["consents"] if c["fields"]["signed_form_sha256"])
    record["fields"]["topics"] = NEW_TOPICS
    return "consents", rehashed("consents", record, 0)


def consent_other_form(records: dict[str, list[Json]]) -> tuple[str, Json]:
    """The same consent with another signed form (it travels; the conflict keeps no form)."""
    kind, record = consent_topics(records)
    record["fields"]["signed_form_sha256"] = hashlib.sha256(OTHER_FORM).hexdigest()
    return kind, rehashed(kind, record, 0)


def forms_named(stations: Stations, records: dict[str, list[Json]]) -> dict[str, bytes]:
    """The signed form each consent among `records` names: the laptop's, or OTHER_FORM."""
    known = laptop_forms(stations.laptop)
    other = hashlib.sha256(OTHER_FORM).hexdigest()
    return {
        form_member(c["id"]): OTHER_FORM if digest == other else known[form_member(c["id"])]
        for c in records.get("consents", [])
        if (digest := c["fields"]["signed_form_sha256"]) is not None
    }


def make_conflicts(stations: Stations, folder: Path, *edits: Edit) -> dict[str, Json]:
    """Both exports read at the office, the second one changed by `edits` (a client's address
    unless given); the records sent otherwise, by kind."""
    read(stations, folder, 1, None, trust=True)
    records = laptop_records(stations.laptop)
    changed = dict(edit(records) for edit in edits or (client_address,))
    read(stations, folder, 2, records, forms_named(stations, records))
    return changed
