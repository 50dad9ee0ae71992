"""Bundles for the exchange tests: real keys, real age, and the tools an attacker would use to
take one apart and put it back together (re-encrypt, re-sign, swap members)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pyrage

from outreach_desktop.exchange.archive import read_tar, write_tar
from outreach_desktop.exchange.bundle import SenderInfo, write_bundle
from outreach_desktop.exchange.json_text import canonical_json, strict_json
from outreach_desktop.exchange.keys import Identity, PublicKeys, new_identity
from outreach_desktop.exchange.manifest import BundleKind, Role
from outreach_desktop.exchange.records import dump_member, form_member, member_name, to_record
from outreach_desktop.services.inbox import record_repositories
from outreach_desktop.services.session import Session
from testkit.internals import vault_of

NOW = datetime(2026, 11, 28, 14, 3, 11, tzinfo=UTC)
FORM_ID = "5d1c7c0e-8f8a-4d8e-9a57-2f0d9a8b6c11"
MEMBERS = {
    "records/protocols.json": b'[{"id": "p1", "fields": {"course": "Spaziergang am Kanal"}}]',
    "records/clients.json": '[{"id": "c1", "fields": {"name": "Anna Müller"}}]'.encode(),
    f"forms/{FORM_ID}.pdf": b"%PDF-1.7\n" + bytes(range(256)) * 4,
}
Entries = list[tuple[str, bytes]]


@dataclass(frozen=True)
class Party:
    identity: Identity
    device_id: str
    role: Role

    @property
    def public(self) -> PublicKeys:
        return self.identity.public

    @property
    def info(self) -> SenderInfo:
        return SenderInfo(self.role, self.device_id)


def new_party(role: Role = Role.FIELD) -> Party:
    return Party(new_identity(), str(uuid.uuid4()), role)


def export(
    device: Party, agency: Party, members: dict[str, bytes] | None = None, sequence: int = 1
) -> bytes:
    """An export from `device` to `agency` (and itself), as the laptop writes it."""
    _, data = write_bundle(
        BundleKind.EXPORT,
        device.identity,
        device.info,
        [agency.public, device.public],
        sequence,
        MEMBERS if members is None else members,
        NOW,
    )
    return data


def seal(tar: bytes, *readers: PublicKeys) -> bytes:
    """Encrypt any bytes as a bundle file: all anyone needs is the readers' public keys."""
    return bytes(pyrage.encrypt(tar, [pyrage.x25519.Recipient.from_str(r.age_recipient)
                                      for r in readers]))  # fmt: skip


def entries_of(data: bytes, reader: Identity) -> Entries:
    tar = bytes(pyrage.decrypt(data, [reader.age()]))
    return [(m.name, m.data) for m in read_tar(tar, max_member=len(tar), max_total=len(tar))]


def manifest_of(entries: Entries) -> dict[str, Any]:
    value = strict_json(dict(entries)["manifest.json"])
    assert isinstance(value, dict)
    return value


def replace(entries: Entries, name: str, data: bytes) -> Entries:
    return [(n, data if n == name else d) for n, d in entries]


def resigned(entries: Entries, manifest: dict[str, Any] | bytes, signer: Identity) -> Entries:
    """`entries` with another manifest (a dict is written canonically) and `signer`'s
    signature over it: what someone holding `signer`'s key can make."""
    raw = manifest if isinstance(manifest, bytes) else canonical_json(manifest)
    return replace(replace(entries, "manifest.json", raw), "manifest.sig", signer.sign(raw))


def rebuild(
    data: bytes,
    opener: Identity,
    edit: Callable[[Entries], Entries],
    *readers: PublicKeys,
) -> bytes:
    """Open `data` as `opener`, change its archive with `edit`, encrypt it to `readers`."""
    return seal(write_tar(edit(entries_of(data, opener))), *readers)


# ---- exports made from a real laptop vault -------------------------------------------------
Json = dict[str, Any]


def laptop_party(laptop: Session) -> Party:
    """The laptop as the sender of its exports: its device keys and device id."""
    return Party(laptop.identity.device(), laptop.info().device_id, Role.FIELD)


def agency_party(office: Session) -> Party:
    return Party(office.identity.agency_identity(), office.info().device_id, Role.AGENCY)


def laptop_records(laptop: Session) -> dict[str, list[Json]]:
    """Every stored record of every kind that travels, as the exchange carries it (more than
    the export sends: drafts too; every reference is answered)."""
    vault = vault_of(laptop)
    repos = record_repositories(vault.db, vault.device_id)
    return {kind: [to_record(kind, r) for r in repo.all()] for kind, repo in repos.items()}


def laptop_forms(laptop: Session) -> dict[str, bytes]:
    """The signed forms of the laptop's consents, by member path."""
    vault = vault_of(laptop)
    consents = record_repositories(vault.db, vault.device_id)["consents"].all()
    return {form_member(c.id): c.signed_pdf for c in consents if c.signed_pdf is not None}


def export_members(records: dict[str, list[Json]], forms: dict[str, bytes]) -> dict[str, bytes]:
    members = {member_name(k): dump_member(k, found) for k, found in records.items() if found}
    return {**members, **forms}


def laptop_export(
    laptop: Session,
    office: Session,
    sequence: int = 1,
    records: dict[str, list[Json]] | None = None,
    forms: dict[str, bytes] | None = None,
) -> bytes:
    """An export of `records` (all the laptop holds unless given) with `forms` (the signed
    forms of the consents among them unless given), signed by the laptop, for the office."""
    records = laptop_records(laptop) if records is None else records
    if forms is None:
        sent = {r["id"] for r in records.get("consents", [])}
        forms = {p: f for p, f in laptop_forms(laptop).items() if p[6:-4] in sent}
    members = export_members(records, forms)
    return export(laptop_party(laptop), agency_party(office), members, sequence)
